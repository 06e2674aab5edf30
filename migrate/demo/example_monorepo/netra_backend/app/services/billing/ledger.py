"""A double-entry ledger for billing (hand-rolled uuid4 IDs; see ``# expect[adhoc-ids]`` markers)."""

from __future__ import annotations

import uuid
from typing import Any, Dict, List, Optional
from uuid import uuid4


def new_transaction_id() -> str:  # expect[adhoc-ids]: manual
    """A transaction ID for a ledger entry."""
    return f"txn_{uuid.uuid4().hex[:8]}"  # expect[adhoc-ids]: format


class Ledger:
    def __init__(self) -> None:
        self.ledger_id = f"ledger-{uuid4().hex[:10]}"  # expect[adhoc-ids]: format
        self.entries: List[Dict[str, Any]] = []

    def post(self, amount_cents: int, reference: Optional[str] = None) -> Dict[str, Any]:
        entry = {
            "transaction_id": new_transaction_id(),
            "payment_id": str(uuid.uuid4()),  # expect[adhoc-ids]: format
            "reference": reference or f"{self.ledger_id}_{uuid4().hex[:6]}",  # expect[adhoc-ids]: format
            "receipt_path": f"receipts/{uuid.uuid4().hex}.pdf",
            "idempotency_key": uuid.uuid4().hex,
            "amount_cents": amount_cents,
        }
        self.entries.append(entry)
        return entry

    def audit_refs(self) -> List[str]:
        batch = str(uuid.uuid4())  # expect[adhoc-ids]: manual
        versioned = f"audit_{uuid.uuid4().hex[:8]}_v1"  # expect[adhoc-ids]: manual
        return [batch, versioned]

    def balance(self) -> int:
        return sum(e["amount_cents"] for e in self.entries)

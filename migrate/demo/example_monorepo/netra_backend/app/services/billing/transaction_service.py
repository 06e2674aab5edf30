"""Billing transactions (charges; refunds moved to the payments provider)."""

from __future__ import annotations

from typing import Any, Dict, List

from shared.id_generation import UnifiedIdGenerator


class TransactionService:
    def __init__(self) -> None:
        self.ledger: List[Dict[str, Any]] = []

    def charge(self, user_id: str, amount_cents: int) -> Dict[str, Any]:
        gen = UnifiedIdGenerator()  # expect: format
        entry = {
            "txn_id": gen.generate_base_id("txn"),  # expect: format
            "transaction_id": gen.generate_base_id("transaction", True, 8),  # expect: exact
            "user_id": user_id,
            "amount_cents": amount_cents,
        }
        self.ledger.append(entry)
        return entry

    def _refund_v1(self, txn_id: str) -> Dict[str, str]:
        # Refunds moved to the payments provider in 2023; nothing calls this.
        return {"refund_id": UnifiedIdGenerator.generate_base_id("txn", random_suffix=True), "txn_id": txn_id}  # expect: manual

"""Charges through the external payment gateway."""

from __future__ import annotations

import uuid
from typing import Any, Dict

from shared.infra import PaymentGateway


class GatewayClient:
    def __init__(self, gateway: PaymentGateway) -> None:
        self._gateway = gateway

    def charge(self, amount_cents: int) -> Dict[str, Any]:
        transaction_id = f"txn_{uuid.uuid4().hex[:12]}"  # expect[adhoc-ids]: manual
        return self._gateway.charge(transaction_id=transaction_id, amount_cents=amount_cents)

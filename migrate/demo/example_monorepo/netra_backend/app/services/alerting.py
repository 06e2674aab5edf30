"""Alerts raised by the monitoring pipeline.

Alert IDs here were minted by hand from ``uuid4()`` before the ID manager existed.
idmigrate's opt-in ``adhoc-ids`` recipe migrates them; each site carries a trailing
``expect[adhoc-ids]`` marker with its safety class (uuid uses that are not IDs carry none).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from typing import Dict, List


@dataclass
class Alert:
    severity: str
    message: str
    alert_id: str = field(default_factory=lambda: str(uuid.uuid4()))  # expect[adhoc-ids]: format
    correlation_id: str = ""
    dedup_hash: str = ""


class AlertingService:
    def __init__(self) -> None:
        self._alerts: Dict[str, Alert] = {}
        self.instance_id = str(uuid.uuid4())  # expect[adhoc-ids]: format
        self._webhook_secret = uuid.uuid4().hex
        self._namespace = uuid.uuid4()

    def raise_alert(self, severity: str, message: str, correlation_id: str | None = None) -> Alert:
        alert = Alert(severity, message)
        alert.correlation_id = correlation_id or f"corr_{uuid.uuid4().hex[:12]}"  # expect[adhoc-ids]: format
        alert.dedup_hash = hashlib.sha256(uuid.uuid4().bytes).hexdigest()[:16]
        self._alerts[alert.alert_id] = alert
        return alert

    def escalation_ref(self) -> str:  # expect[adhoc-ids]: manual
        return "esc_" + str(uuid.uuid4())  # expect[adhoc-ids]: format

    def snooze_handle(self) -> str:  # expect[adhoc-ids]: manual
        return str(uuid.uuid4())  # expect[adhoc-ids]: manual

    def silence_token(self) -> str:
        return uuid.uuid4().hex

    def stable_ref(self, alert: Alert) -> str:
        return str(uuid.uuid5(self._namespace, alert.alert_id))

    def open_alerts(self) -> List[Alert]:
        return list(self._alerts.values())

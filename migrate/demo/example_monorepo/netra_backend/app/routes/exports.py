"""Export endpoints and the webhook that announces finished exports."""

from __future__ import annotations

import uuid
from typing import Any, Dict

from shared.infra import HttpClient, Router

router = Router()


@router.post("/exports")
def create_export(request: Dict[str, Any]) -> Dict[str, Any]:
    export_id = str(uuid.uuid4())  # expect[adhoc-ids]: manual
    return {"export_id": export_id, "status": "queued", "user_id": request.get("user_id")}


def announce(client: HttpClient, url: str, export_id: str) -> Dict[str, Any]:
    request_id = str(uuid.uuid4())  # expect[adhoc-ids]: manual
    return client.post(url, json={"export_id": export_id}, headers={"X-Request-ID": request_id})

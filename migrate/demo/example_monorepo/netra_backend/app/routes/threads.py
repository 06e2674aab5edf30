"""HTTP handlers for thread endpoints (framework-agnostic request/response dicts)."""

from __future__ import annotations

from typing import Any, Dict

from shared.id_generation import UnifiedIdGenerator
from netra_backend.app.services.thread_service import ThreadService

_service = ThreadService()


def _response(status: int, body: Dict[str, Any], request_id: str) -> Dict[str, Any]:
    return {"status": status, "body": body, "headers": {"x-request-id": request_id}}


def create_thread_handler(request: Dict[str, Any]) -> Dict[str, Any]:
    request_id = UnifiedIdGenerator.generate_base_id("req")  # expect: format
    user_id = request.get("user_id")
    if not user_id:
        error_id = UnifiedIdGenerator.generate_base_id("validation_error")  # expect: format
        return _response(400, {"error": "user_id is required", "error_id": error_id}, request_id)
    thread = _service.create_thread(user_id, request.get("title", "New conversation"))
    return _response(201, {"thread_id": thread.thread_id}, request_id)


def health_handler(_request: Dict[str, Any]) -> Dict[str, Any]:
    probe_id = UnifiedIdGenerator.generate_base_id("request", include_random=False)  # expect: exact
    return _response(200, {"ok": True}, probe_id)


# -- v1 handlers: unrouted since the 2024 API; kept until the mobile app is retired --


def create_guest_handler_v1(request: Dict[str, Any]) -> Dict[str, Any]:
    guest_id = UnifiedIdGenerator.generate_user_id()  # expect: format
    request_id = UnifiedIdGenerator.generate_request_id()  # expect: format
    return _response(201, {"user_id": guest_id}, request_id)


def create_member_handler_v1(request: Dict[str, Any]) -> Dict[str, Any]:
    member_id = UnifiedIdGenerator.generate_id("user")  # expect: format
    return _response(201, {"user_id": member_id}, request.get("request_id", ""))


def post_message_handler_v1(request: Dict[str, Any]) -> Dict[str, Any]:
    message_id = UnifiedIdGenerator.generate_id("message")  # expect: manual
    task_id = UnifiedIdGenerator.generate_task_id()  # expect: manual
    return _response(202, {"message_id": message_id, "task_id": task_id}, request.get("request_id", ""))

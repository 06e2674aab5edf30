"""In-memory stand-ins for what lies outside a process: a Redis-like store shared by every
process, the message bus, the payment gateway, an HTTP client, a JWT signer and an HTTP router.

Real deployments talk to the real systems. These keep what they are sent in ``SENT`` (channel,
value), so a test can see every value that would have left the process.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, List, Optional, Tuple

SENT: List[Tuple[str, Any]] = []


def send(channel: str, value: Any) -> None:
    """Record a value that leaves the process."""
    SENT.append((channel, json.loads(json.dumps(value, default=str))))


class FakeRedis:
    def __init__(self) -> None:
        self._data: Dict[str, Any] = {}

    def set(self, key: str, value: Any, nx: bool = False, ex: Optional[int] = None) -> bool:
        if nx and key in self._data:
            return False
        send("redis", {"key": key, "value": value})
        self._data[key] = value
        return True

    def get(self, key: str) -> Any:
        return self._data.get(key)

    def delete(self, key: str) -> bool:
        return self._data.pop(key, None) is not None


class MessageBus:
    def __init__(self) -> None:
        self.topics: Dict[str, List[Dict[str, Any]]] = {}

    def publish(self, topic: str, message: Dict[str, Any]) -> None:
        send(f"bus:{topic}", message)
        self.topics.setdefault(topic, []).append(message)


class PaymentGateway:
    def charge(self, transaction_id: str, amount_cents: int) -> Dict[str, Any]:
        send("gateway", {"transaction_id": transaction_id, "amount_cents": amount_cents})
        return {"status": "captured", "transaction_id": transaction_id}


class HttpClient:
    def post(self, url: str, json: Any = None, headers: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
        send(f"http:{url}", {"json": json, "headers": headers or {}})
        return {"status": 202}


def sign_jwt(claims: Dict[str, Any]) -> str:
    send("jwt", claims)
    return "eyJ0eXAiOiJKV1QifQ." + json.dumps(claims, sort_keys=True) + ".signature"


class Router:
    """Registers handlers like a web framework's router; ``call`` returns (and sends) the response."""

    def __init__(self) -> None:
        self._routes: Dict[Tuple[str, str], Callable[..., Any]] = {}

    def post(self, path: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def register(handler: Callable[..., Any]) -> Callable[..., Any]:
            self._routes[("POST", path)] = handler
            return handler
        return register

    def call(self, method: str, path: str, request: Dict[str, Any]) -> Any:
        response = self._routes[(method, path)](request)
        send(f"response:{path}", response)
        return response

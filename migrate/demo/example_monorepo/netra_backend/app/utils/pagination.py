"""Cursor pagination helpers."""

from __future__ import annotations

import base64
import json
from typing import Any, Dict, List, Optional, Sequence, Tuple


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"p": position}).encode()).decode()


def decode_cursor(cursor: Optional[str]) -> int:
    if not cursor:
        return 0
    try:
        return int(json.loads(base64.urlsafe_b64decode(cursor.encode()))["p"])
    except (ValueError, KeyError, TypeError):
        return 0


def paginate(items: Sequence[Any], cursor: Optional[str] = None, limit: int = 20) -> Tuple[List[Any], Optional[str]]:
    start = decode_cursor(cursor)
    page = list(items[start:start + limit])
    next_cursor = encode_cursor(start + limit) if start + limit < len(items) else None
    return page, next_cursor


def page_envelope(items: Sequence[Any], cursor: Optional[str] = None, limit: int = 20) -> Dict[str, Any]:
    page, next_cursor = paginate(items, cursor, limit)
    return {"items": page, "next_cursor": next_cursor}

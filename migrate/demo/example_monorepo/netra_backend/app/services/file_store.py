"""Uploaded files, sharded into directories by the first two characters of their ID."""

from __future__ import annotations

import os
import uuid
from typing import List


class ShardedFileStore:
    def __init__(self, root: str) -> None:
        self.root = root

    def save(self, data: bytes) -> str:
        file_id = uuid.uuid4().hex  # expect[adhoc-ids]: manual
        shard = os.path.join(self.root, file_id[:2])
        os.makedirs(shard, exist_ok=True)
        with open(os.path.join(shard, file_id), "wb") as handle:
            handle.write(data)
        return file_id

    def load(self, file_id: str) -> bytes:
        with open(os.path.join(self.root, file_id[:2], file_id), "rb") as handle:
            return handle.read()

    def shards(self) -> List[str]:
        return sorted(os.listdir(self.root))

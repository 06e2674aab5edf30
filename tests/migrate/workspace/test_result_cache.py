"""The result cache: entries are the user's alone, and a cache cleared mid-run is made again."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

from migrate.workspace.cache import ResultCache

KEY = "ab" + "0" * 62


def test_an_entry_round_trips_and_is_user_only(tmp_path: Path):
    cache = ResultCache(tmp_path / "idmigrate" / "cache")
    assert cache.get(KEY) is None
    cache.put(KEY, {"status": "changed"})
    assert cache.get(KEY) == {"status": "changed"}
    entry = tmp_path / "idmigrate" / "cache" / KEY
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE(entry.parent.stat().st_mode) == 0o700


def test_entries_share_one_directory(tmp_path: Path):
    """No directory per key prefix: making one cost more than writing the entry."""
    cache = ResultCache(tmp_path / "idmigrate" / "cache")
    keys = [f"{i:02x}" + "0" * 62 for i in range(3)]
    for key in keys:
        cache.put(key, key)
    assert sorted(p.name for p in (tmp_path / "idmigrate" / "cache").iterdir()) == keys
    assert [cache.get(key) for key in keys] == keys


def test_a_cache_removed_while_the_process_writes_is_made_again(tmp_path: Path):
    cache = ResultCache(tmp_path / "idmigrate" / "cache")
    cache.put(KEY, 1)
    shutil.rmtree(tmp_path / "idmigrate")  # ``rm -rf .git/idmigrate`` between two plans of one process
    cache.put(KEY, 2)
    assert cache.get(KEY) == 2


def test_a_cache_that_cannot_be_written_only_misses(tmp_path: Path):
    (tmp_path / "idmigrate").write_text("a file where the directory should be")
    cache = ResultCache(tmp_path / "idmigrate" / "cache")
    cache.put(KEY, 1)
    assert cache.get(KEY) is None

"""The result cache: entries are the user's alone, and a cache cleared or broken mid-run is made again."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

from migrate.workspace.cache import ResultCache

KEY = "ab" + "0" * 62


def test_an_entry_round_trips_and_is_user_only(tmp_path: Path):
    cache = ResultCache(tmp_path / "idmigrate" / "cache")
    assert cache.get(KEY) is None
    assert not (tmp_path / "idmigrate").exists(), "a read makes nothing"
    cache.put(KEY, {"status": "changed"})
    assert cache.get(KEY) == {"status": "changed"}
    assert ResultCache(tmp_path / "idmigrate" / "cache").get(KEY) == {"status": "changed"}, "written, not held"
    made = [p for p in (tmp_path / "idmigrate").rglob("*")]
    assert made
    for path in made:
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path


def test_entries_share_one_file(tmp_path: Path):
    """No file per entry: creating one cost more than the rest of the parent's work on a result."""
    cache = ResultCache(tmp_path / "idmigrate" / "cache")
    keys = [f"{i:02x}" + "0" * 62 for i in range(50)]
    for key in keys:
        cache.put(key, key)
    assert len([p for p in (tmp_path / "idmigrate" / "cache").iterdir()]) <= 3  # the database and its WAL
    assert [cache.get(key) for key in keys] == keys
    cache.put(keys[0], "again")
    assert cache.get(keys[0]) == "again"


def test_a_cache_removed_while_the_process_writes_is_made_again(tmp_path: Path):
    cache = ResultCache(tmp_path / "idmigrate" / "cache")
    cache.put(KEY, 1)
    shutil.rmtree(tmp_path / "idmigrate")  # ``rm -rf .git/idmigrate`` between two plans of one process
    cache.put(KEY, 2)
    assert cache.get(KEY) == 2
    assert ResultCache(tmp_path / "idmigrate" / "cache").get(KEY) == 2


def test_a_cache_that_cannot_be_written_only_misses(tmp_path: Path):
    (tmp_path / "idmigrate").write_text("a file where the directory should be")
    cache = ResultCache(tmp_path / "idmigrate" / "cache")
    cache.put(KEY, 1)
    assert cache.get(KEY) is None


def test_a_broken_database_is_a_miss_and_started_again(tmp_path: Path):
    directory = tmp_path / "idmigrate" / "cache"
    ResultCache(directory).put(KEY, 1)
    database = next(p for p in directory.iterdir() if p.suffix == ".sqlite")
    for path in directory.iterdir():
        path.write_bytes(b"not a database" * 100)
    cache = ResultCache(directory)
    assert cache.get(KEY) is None
    cache.put(KEY, 2)
    assert cache.get(KEY) == 2 and ResultCache(directory).get(KEY) == 2
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_an_entry_that_cannot_be_unpickled_is_a_miss(tmp_path: Path):
    cache = ResultCache(tmp_path / "idmigrate" / "cache")
    cache.put(KEY, _Gone())
    del globals()["_Gone"]  # its class is gone, as after an upgrade of the tool
    try:
        assert ResultCache(tmp_path / "idmigrate" / "cache").get(KEY) is None
    finally:
        globals()["_Gone"] = _GONE


class _Gone:
    pass


_GONE = _Gone


def test_entries_earlier_versions_kept_as_files_are_removed(tmp_path: Path):
    """They are never read again: the first write of the database removes them, and nothing else."""
    directory = tmp_path / "idmigrate" / "cache"
    (directory / "ab").mkdir(parents=True)
    (directory / "ab" / KEY).write_bytes(b"old entry")
    flat = "cd" + "1" * 62
    (directory / flat).write_bytes(b"old entry")
    (directory / "notes.txt").write_text("not an entry")
    (directory / "ef").mkdir()
    (directory / "ef" / "keep.txt").write_text("not an entry either")
    cache = ResultCache(directory)
    assert cache.get(KEY) is None, "an entry file is not read"
    cache.put(KEY, 1)
    assert sorted(p.name for p in directory.iterdir() if not p.name.startswith("entries.sqlite")) == ["ef", "notes.txt"]
    assert (directory / "ef" / "keep.txt").exists()
    assert cache.get(KEY) == 1

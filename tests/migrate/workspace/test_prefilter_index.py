"""The stat index that lets a re-run skip reading files known not to mention the generator."""

from __future__ import annotations

import os
import time
from pathlib import Path

from migrate.workspace.config import load_config
from migrate.workspace.pipeline import build_plan
from tests.conftest import git

PLAIN = "VALUE = 1  # a comment long enough to swap\n"
SAME_SIZE_USE = "# UnifiedIdGenerator".ljust(len(PLAIN) - 1, ".") + "\n"
USE = "from shared.id_generation import UnifiedIdGenerator\nX = UnifiedIdGenerator.generate_base_id('user')\n"


def make_repo(root: Path) -> Path:
    (root / "svc").mkdir(parents=True)
    (root / "svc" / "plain.py").write_text(PLAIN)
    (root / "svc" / "uses.py").write_text(USE)
    git(root, "init", "-q")
    hour_ago = time.time() - 3600
    for path in (root / "svc").iterdir():
        os.utime(path, (hour_ago, hour_ago))  # old enough for the index to trust
    return root


def paths(plan) -> set[str]:
    return {o.path for o in plan.outcomes}


def test_an_edited_file_is_read_again(tmp_path: Path):
    root = make_repo(tmp_path / "repo")
    assert paths(build_plan(root, load_config(root), workers=1)) == {"svc/uses.py"}
    assert (root / ".git" / "idmigrate" / "prefilter.idx").is_file()
    (root / "svc" / "plain.py").write_text("VALUE = 1\n" + USE)  # a normal edit: new size and mtime
    assert paths(build_plan(root, load_config(root), workers=1)) == {"svc/uses.py", "svc/plain.py"}


def test_same_size_edit_with_a_new_mtime_is_seen(tmp_path: Path):
    root = make_repo(tmp_path / "repo")
    build_plan(root, load_config(root), workers=1)
    target = root / "svc" / "plain.py"
    target.write_text(SAME_SIZE_USE)  # same length, mentions the generator, new mtime
    assert "svc/plain.py" in paths(build_plan(root, load_config(root), workers=1))


def test_recent_files_are_not_trusted(tmp_path: Path):
    root = make_repo(tmp_path / "repo")
    fresh = root / "svc" / "fresh.py"
    fresh.write_text(PLAIN)  # mtime now: inside the racy window, must not be indexed
    build_plan(root, load_config(root), workers=1)
    stat = fresh.stat()
    fresh.write_text(SAME_SIZE_USE)
    os.utime(fresh, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime: a racy edit
    assert "svc/fresh.py" in paths(build_plan(root, load_config(root), workers=1))


def test_without_cache_no_index_is_written(tmp_path: Path):
    root = make_repo(tmp_path / "repo")
    build_plan(root, load_config(root), workers=1, use_cache=False)
    assert not (root / ".git" / "idmigrate" / "prefilter.idx").exists()

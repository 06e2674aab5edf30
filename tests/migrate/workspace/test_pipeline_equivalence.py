"""The fast paths of ``migrate.workspace.pipeline.build_plan`` change nothing but speed.

On a git copy of the bundled example monorepo: results (status, new bytes, findings) are the
same with and without the results cache, cold and warm, and with one or two workers; an
edited file invalidates only its own cache entry; the cache is user-only and lives in
``.git/idmigrate/cache``, never in the work tree; ``.venv/``, ``node_modules/`` and
git-ignored paths are never scanned. No timing assertions here: speed is measured by
``benchmarks/bench.py``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from codemods.generator.around.id_checks import parser_members
from migrate.workspace import matching, pipeline, workers
from migrate.workspace.cache import ResultCache, cache_dir
from migrate.workspace.config import load_config
from migrate.demo.demo import EXAMPLE
from migrate.workspace.apis import bind_to_repo, load_apis, module_source
from migrate.workspace.pipeline import build_plan

#: A generator usage every scan would report, for files that must never be scanned.
USES_GENERATOR = (
    "from shared.id_generation import UnifiedIdGenerator\n\n\n"
    "def make_id() -> str:\n"
    '    return UnifiedIdGenerator.generate_base_id("user")\n'
)
EDITED = "netra_backend/app/services/export_service.py"


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false",
         "-c", "init.defaultBranch=main", *args],
        cwd=cwd, check=True, capture_output=True, text=True,
    ).stdout


def _make_repo(target: Path, gitignore: str | None = None) -> Path:
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    if gitignore is not None:
        (target / ".gitignore").write_text(gitignore)
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "example")
    return target


def signature(plan) -> tuple:
    """Everything a verb can observe about a plan, by path."""
    return (
        plan.files_scanned,
        sorted(plan.unreadable),
        [
            (o.path, o.service, o.original, o.result.status, o.result.new_source, tuple(o.result.findings),
             o.result.reason)
            for o in plan.outcomes
        ],
    )


def _by_path(plan) -> dict:
    return {entry[0]: entry[1:] for entry in signature(plan)[2]}


def _cache_entries(root: Path) -> dict[str, bytes]:
    """Key -> stored value of every entry of the result cache."""
    database = cache_dir(root) / "entries.sqlite"
    if not database.is_file():
        return {}
    with contextlib.closing(sqlite3.connect(database)) as db:
        return dict(db.execute("SELECT key, value FROM entries"))


class TransformSpy:
    """Wraps ``pipeline.transform_jobs`` to record which files were actually transformed (cache misses)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[list[str]] = []
        original = pipeline.transform_jobs

        def spy(jobs, *args, **kwargs):
            self.calls.append([job.path for job in jobs])
            return original(jobs, *args, **kwargs)

        monkeypatch.setattr(pipeline, "transform_jobs", spy)

    @property
    def transformed(self) -> list[str]:
        return [path for call in self.calls for path in call]


@pytest.fixture(scope="module")
def reference_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make_repo(tmp_path_factory.mktemp("reference") / "repo")


@pytest.fixture(scope="module")
def reference(reference_repo: Path) -> tuple:
    """The plain path: one worker, no cache."""
    plan = build_plan(reference_repo, load_config(reference_repo), workers=1, use_cache=False)
    assert plan.outcomes and plan.changed, "the example must have files to migrate"
    assert not cache_dir(reference_repo).exists(), "use_cache=False must not write a cache"
    return signature(plan)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Outside git the cache would go to $XDG_CACHE_HOME: point it somewhere we can watch.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return _make_repo(tmp_path / "repo")


# --------------------------------------------------------------------------- equivalence
def test_two_workers_match_one_worker(reference_repo: Path, reference: tuple):
    jobs_needed = workers.PARALLEL_THRESHOLD
    assert len(reference[2]) >= jobs_needed, "too few files for the process pool to be used"
    plan = build_plan(reference_repo, load_config(reference_repo), workers=2, use_cache=False)
    assert signature(plan) == reference


class ForkSpy:
    """Records each fork of a plan's worker pool: True when forked early (before reading the tree)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.forks: list[bool] = []
        original = workers.WorkerPool._fork

        def spy(pool, warm: bool) -> None:
            self.forks.append(warm)
            original(pool, warm)

        monkeypatch.setattr(workers.WorkerPool, "_fork", spy)


def test_a_pool_forked_before_reading_matches_one_worker(reference_repo: Path, reference: tuple,
                                                         monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(pipeline, "EARLY_FORK_FILES", 1)
    forks = ForkSpy(monkeypatch)
    plan = build_plan(reference_repo, load_config(reference_repo), workers=2, use_cache=False)
    assert forks.forks == [True], "a tree this big forks its workers before reading, once"
    assert signature(plan) == reference
    assert multiprocessing.active_children() == [], "the plan's workers are gone when it is made"


def _match_files_noting_the_process(rels, prefilter):
    (Path(os.environ["IDM_TEST_PIDS"]) / str(os.getpid())).touch()
    return matching.__dict__["_real_match_files"](rels, prefilter)


def test_the_tree_read_in_parts_matches_one_worker(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The workers forked early read parts of the tree: the same files, unreadable ones and
    prefilter index as one process reading it all."""
    tracked = sorted(_git(repo, "ls-files", "*.py").split())
    fifo, link = (repo / tracked[0]), (repo / tracked[-1])  # listed by git, no longer regular files
    fifo.unlink()
    os.mkfifo(fifo)
    link.unlink()
    link.symlink_to(repo / EDITED)
    _backdate(repo)
    config = load_config(repo)
    serial = build_plan(repo, config, workers=1, use_cache=True)
    index = cache_dir(repo).parent / "prefilter.idx"
    serial_index = index.read_bytes()
    shutil.rmtree(cache_dir(repo).parent)

    pids = tmp_path / "pids"
    pids.mkdir()
    monkeypatch.setenv("IDM_TEST_PIDS", str(pids))
    monkeypatch.setattr(matching, "_real_match_files", matching.match_files, raising=False)
    monkeypatch.setattr(matching, "match_files", _match_files_noting_the_process)
    monkeypatch.setattr(pipeline, "match_files", _match_files_noting_the_process)
    monkeypatch.setattr(pipeline, "EARLY_FORK_FILES", 1)
    in_parts = build_plan(repo, config, workers=2, use_cache=True)
    assert signature(in_parts) == signature(serial)
    assert (tracked[0], "not a regular file") in in_parts.unreadable
    assert link.relative_to(repo).as_posix() not in _by_path(in_parts), "a symlink is never followed"
    assert index.read_bytes() == serial_index
    assert {int(p.name) for p in pids.iterdir()} - {os.getpid()}, "no worker read a part of the tree"


def _match_files_interrupted_in_the_parent(rels, prefilter):
    """A task must pickle by reference, as every real one does: a module-level function."""
    if str(os.getpid()) == os.environ["IDM_TEST_PARENT"]:
        raise KeyboardInterrupt
    return matching.match_files(rels, prefilter)


def test_an_interrupt_while_the_tree_is_read_in_parts_leaves_no_worker(repo: Path, monkeypatch: pytest.MonkeyPatch):
    """Ctrl-C while the parent reads its part: the interrupt propagates, the workers are shut down."""
    monkeypatch.setenv("IDM_TEST_PARENT", str(os.getpid()))
    monkeypatch.setattr(pipeline, "match_files", _match_files_interrupted_in_the_parent)
    monkeypatch.setattr(pipeline, "EARLY_FORK_FILES", 1)
    with pytest.raises(KeyboardInterrupt):
        build_plan(repo, load_config(repo), workers=2, use_cache=False)
    assert multiprocessing.active_children() == []


def test_a_small_tree_forks_only_when_it_transforms(reference_repo: Path, reference: tuple,
                                                    monkeypatch: pytest.MonkeyPatch):
    forks = ForkSpy(monkeypatch)
    plan = build_plan(reference_repo, load_config(reference_repo), workers=2, use_cache=False)
    assert forks.forks == [False]
    assert signature(plan) == reference


def test_an_early_pool_with_nothing_to_transform_is_closed(repo: Path, reference: tuple,
                                                          monkeypatch: pytest.MonkeyPatch):
    """The workers forked before reading are shut down when every result came from the cache."""
    config = load_config(repo)
    build_plan(repo, config, workers=1, use_cache=True)
    shutil.rmtree(cache_dir(repo).parent / "plans", ignore_errors=True)  # no replay: the plan reads the tree
    (cache_dir(repo).parent / "prefilter.idx").unlink()  # a cold index: the pool is forked early
    monkeypatch.setattr(pipeline, "EARLY_FORK_FILES", 1)
    forks, spy = ForkSpy(monkeypatch), TransformSpy(monkeypatch)
    plan = build_plan(repo, config, workers=2, use_cache=True)
    assert forks.forks == [True] and spy.transformed == []
    assert signature(plan) == reference
    assert multiprocessing.active_children() == []


def test_a_warm_prefilter_index_forks_no_early_pool(repo: Path, monkeypatch: pytest.MonkeyPatch):
    """Most files known not to matter: little to read, likely nothing to transform, so no early fork."""
    _backdate(repo)  # the index only trusts files that changed a while before it was written
    config = load_config(repo)
    build_plan(repo, config, workers=1, use_cache=True)
    shutil.rmtree(cache_dir(repo).parent / "plans", ignore_errors=True)
    monkeypatch.setattr(pipeline, "EARLY_FORK_FILES", 1)
    forks = ForkSpy(monkeypatch)
    build_plan(repo, config, workers=2, use_cache=True)
    assert True not in forks.forks


def test_cold_and_warm_cache_match_no_cache(repo: Path, reference: tuple, monkeypatch: pytest.MonkeyPatch):
    spy = TransformSpy(monkeypatch)
    config = load_config(repo)
    cold = build_plan(repo, config, workers=2, use_cache=True)
    assert signature(cold) == reference
    assert sorted(spy.transformed) == sorted(entry[0] for entry in reference[2]), "a cold run transforms every hit"
    entries = _cache_entries(repo)
    apis = load_apis(repo, config, use_cache=False)  # the plan caches the parsed APIs beside the files
    api_modules = {m for side in (apis.generator, apis.manager) for m in side.searched if module_source(repo, m)}
    # ... and the parser wrappers of each file that names a parser (``codemods.generator.around.wrappers``)
    words = [p.encode() for p in parser_members(bind_to_repo(repo, config, use_cache=False).rules)]
    scanned_for_wrappers = [entry[0] for entry in reference[2] if any(w in entry[2] for w in words)]
    assert scanned_for_wrappers
    assert len(entries) == len(reference[2]) + len(api_modules) + len(scanned_for_wrappers)

    spy.calls.clear()
    writes: list[str] = []
    real_put = ResultCache.put
    monkeypatch.setattr(ResultCache, "put", lambda cache, key, value: writes.append(key) or real_put(cache, key, value))
    warm = build_plan(repo, config, workers=2, use_cache=True)
    assert spy.transformed == [], "a warm run with nothing changed must not transform anything"
    assert signature(warm) == reference
    assert writes == [] and _cache_entries(repo) == entries, "a warm run must not rewrite cache entries"

    spy.calls.clear()
    warm_single = build_plan(repo, config, workers=1, use_cache=True)
    assert spy.transformed == []
    assert signature(warm_single) == reference


def test_no_cache_flag_neither_reads_nor_writes(repo: Path, reference: tuple, monkeypatch: pytest.MonkeyPatch):
    config = load_config(repo)
    build_plan(repo, config, workers=1, use_cache=True)
    entries = _cache_entries(repo)
    spy = TransformSpy(monkeypatch)
    plan = build_plan(repo, config, workers=1, use_cache=False)
    assert sorted(spy.transformed) == sorted(entry[0] for entry in reference[2])
    assert signature(plan) == reference
    assert _cache_entries(repo) == entries


def test_edited_file_invalidates_only_its_own_entry(repo: Path, reference: tuple, monkeypatch: pytest.MonkeyPatch):
    config = load_config(repo)
    build_plan(repo, config, workers=2, use_cache=True)
    before = _cache_entries(repo)
    old = dict(_by_path_from_signature(reference))
    assert EDITED in old

    edited = repo / EDITED
    edited.write_bytes(edited.read_bytes() + (
        "\n\ndef audit_trace_id() -> str:\n"
        "    from shared.id_generation import UnifiedIdGenerator\n\n"
        '    return UnifiedIdGenerator.generate_base_id("trace")\n'
    ).encode())

    spy = TransformSpy(monkeypatch)
    warm = build_plan(repo, config, workers=2, use_cache=True)
    assert spy.transformed == [EDITED], "only the edited file may miss the cache"
    after = _cache_entries(repo)
    assert set(after) - set(before) and len(set(after) - set(before)) == 1, "exactly one new entry"
    assert {k: after[k] for k in before} == before, "the other entries are untouched"

    fresh = _by_path(build_plan(repo, config, workers=1, use_cache=False))
    got = _by_path(warm)
    assert got[EDITED] == fresh[EDITED], "the cached-path result must reflect the new content"
    assert got[EDITED] != old[EDITED]
    assert len(got[EDITED][4]) == len(old[EDITED][4]) + 1, "the new call site is found"
    assert b'generate_base_id("trace")' not in got[EDITED][3]
    for path, value in got.items():
        if path != EDITED:
            assert value == old[path], path

    # Reverting the edit hits the original entry again: nothing is transformed.
    _git(repo, "checkout", "--", EDITED)
    spy.calls.clear()
    reverted = build_plan(repo, config, workers=2, use_cache=True)
    assert spy.transformed == []
    assert signature(reverted) == reference


def _by_path_from_signature(sig: tuple):
    for entry in sig[2]:
        yield entry[0], entry[1:]


# --------------------------------------------------------------------------- the prefilter index
QUIET = "netra_backend/app/utils/pagination.py"  # never mentions the generator
NEW_USAGE = (
    "def page_trace_id() -> str:\n"
    "    from shared.id_generation import UnifiedIdGenerator\n\n"
    '    return UnifiedIdGenerator.generate_base_id("trace")\n'
)


def _backdate(root: Path, seconds: int = 3600) -> None:
    """Make every work-tree file old enough for the prefilter index to trust it (racy-git window)."""
    when = time.time() - seconds
    for path in root.rglob("*"):
        if ".git" not in path.relative_to(root).parts and path.is_file():
            os.utime(path, (when, when))


def _same_size_with_usage(original: bytes) -> bytes:
    """``original`` with its last function replaced by a generator usage, padded to the same size."""
    head = original[:original.rindex(b"\ndef ") + 1]
    body = head + b"\n" + NEW_USAGE.encode()
    pad = len(original) - len(body) - 3
    assert pad >= 0, "replacement too long for a same-size edit"
    edited = body + b"#" + b" " * pad + b"#\n"
    assert len(edited) == len(original)
    return edited


def test_prefilter_index_is_used_and_changes_nothing(repo: Path, reference: tuple, monkeypatch: pytest.MonkeyPatch):
    _backdate(repo)
    config = load_config(repo)
    build_plan(repo, config, workers=2, use_cache=True)
    index = cache_dir(repo).parent / "prefilter.idx"
    assert index.is_file(), "the prefilter index was not written"
    reads: list[str] = []
    original_read = matching.read_listed

    def counting_read(root, rel, *args, **kwargs):
        reads.append(rel)
        return original_read(root, rel, *args, **kwargs)

    monkeypatch.setattr(matching, "read_listed", counting_read)
    warm = build_plan(repo, config, workers=2, use_cache=True)
    assert signature(warm) == reference
    assert QUIET not in reads, "an unchanged file known not to matter must not be read again"
    assert len(reads) < reference[0] / 2


def test_prefilter_index_sees_an_edit_that_adds_a_usage(repo: Path, monkeypatch: pytest.MonkeyPatch):
    _backdate(repo)
    config = load_config(repo)
    first = build_plan(repo, config, workers=2, use_cache=True)
    assert QUIET not in [o.path for o in first.outcomes]
    path = repo / QUIET
    path.write_bytes(path.read_bytes() + b"\n\n" + NEW_USAGE.encode())
    spy = TransformSpy(monkeypatch)
    plan = build_plan(repo, config, workers=2, use_cache=True)
    assert spy.transformed == [QUIET]
    assert _by_path(plan)[QUIET][2] == "changed"


def test_prefilter_index_sees_a_same_size_edit_with_restored_mtime(repo: Path):
    _backdate(repo)
    config = load_config(repo)
    build_plan(repo, config, workers=2, use_cache=True)
    path = repo / QUIET
    before = path.stat()
    path.write_bytes(_same_size_with_usage(path.read_bytes()))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    plan = build_plan(repo, config, workers=2, use_cache=True)
    assert QUIET in [o.path for o in plan.outcomes], "the edited file was not read again"
    assert _by_path(plan)[QUIET][2] == "changed"


# --------------------------------------------------------------------------- where the cache lives
def test_cache_lives_in_git_dir_not_in_the_work_tree(repo: Path, tmp_path: Path):
    build_plan(repo, load_config(repo), workers=2, use_cache=True)
    directory = cache_dir(repo)
    assert directory == repo / ".git" / "idmigrate" / "cache"
    assert _cache_entries(repo), "the cache was not written"
    assert _git(repo, "status", "--porcelain", "--ignored", "--untracked-files=all") == ""
    # the CLI, the way users run it, leaves the work tree clean too
    proc = subprocess.run([sys.executable, "-m", "migrate", "scan", str(repo)], capture_output=True, text=True)
    assert proc.returncode in (0, 1, 2), proc.stderr
    assert "with sites" in proc.stdout
    assert _git(repo, "status", "--porcelain", "--ignored", "--untracked-files=all") == ""
    xdg = tmp_path / "xdg-cache"
    assert not xdg.exists() or not any(xdg.rglob("*")), "a git checkout must not use the user cache dir"


def test_cache_files_are_user_only(repo: Path):
    build_plan(repo, load_config(repo), workers=2, use_cache=True)
    directory = cache_dir(repo)
    files = [p for p in directory.rglob("*") if p.is_file()]
    dirs = [directory, *(p for p in directory.rglob("*") if p.is_dir())]
    assert files
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, f"{path}: {oct(path.stat().st_mode)}"
    for path in dirs:
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, f"{path}: {oct(path.stat().st_mode)}"
    assert not [p for p in directory.rglob(".*.idmigrate-tmp")], "no temp files left behind"


def test_every_level_of_the_cache_is_user_only(repo: Path):
    """``.git/idmigrate`` itself, the cache root, the prefilter index: all user-only, even under umask 022."""
    old = os.umask(0o022)
    try:
        build_plan(repo, load_config(repo), workers=1, use_cache=True)
    finally:
        os.umask(old)
    top = repo / ".git" / "idmigrate"
    assert cache_dir(repo).is_relative_to(top)
    for path in [top, *top.rglob("*")]:
        want = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.lstat().st_mode) == want, f"{path}: {oct(path.lstat().st_mode)}"


def test_cache_outside_git_goes_to_user_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 reference: tuple):
    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    root = tmp_path / "plain"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    listing = sorted(p.relative_to(root) for p in root.rglob("*"))
    cold = build_plan(root, load_config(root), workers=2, use_cache=True)
    warm = build_plan(root, load_config(root), workers=2, use_cache=True)
    assert signature(cold) == signature(warm)
    # os.walk lists root files before subdirectories, git ls-files sorts whole paths: same set
    assert sorted(signature(cold)[2]) == sorted(reference[2])
    assert cache_dir(root).is_relative_to(xdg / "idmigrate")
    assert any(p.is_file() for p in cache_dir(root).rglob("*"))
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == listing, "nothing written into the tree"


# --------------------------------------------------------------------------- what is scanned
@pytest.mark.parametrize("ignored_by_git", [True, False], ids=["gitignored", "not-gitignored"])
def test_venv_node_modules_and_ignored_paths_are_not_scanned(tmp_path: Path, reference: tuple, ignored_by_git: bool):
    # .venv/ and node_modules/ are skipped whether or not .gitignore lists them (config exclude)
    gitignore = ("generated/\nnetra_backend/generated/\n"
                 + (".venv/\nnode_modules/\n" if ignored_by_git else ""))
    root = _make_repo(tmp_path / "repo", gitignore=gitignore)
    noise = [
        ".venv/lib/python3.11/site-packages/vendored/ids.py",
        ".venv/bin/activate_this.py",
        "node_modules/some-package/scripts/ids.py",
        "generated/clients/ids.py",
        "netra_backend/generated/ids.py",
    ]
    (root / ".venv").mkdir()
    (root / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    for rel in noise:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(USES_GENERATOR)
    # positive control: an untracked, not ignored file IS scanned
    control = "netra_backend/app/untracked_new_module.py"
    (root / control).write_text(USES_GENERATOR)

    plan = build_plan(root, load_config(root), workers=2, use_cache=False)
    paths = [o.path for o in plan.outcomes]
    for rel in noise:
        assert rel not in paths, f"{rel} must not be scanned"
    assert not [p for p in paths if p.startswith((".venv/", "node_modules/", "generated/", "netra_backend/generated/"))]
    assert control in paths, "untracked files that are not ignored must be scanned"
    assert plan.files_scanned == reference[0] + 1
    assert _by_path(plan)[control][2] in ("changed", "unchanged")
    # everything else is exactly the reference result
    assert [e for e in signature(plan)[2] if e[0] != control] == reference[2]


# --------------------------------------------------------------------------- the benchmark's monorepo
def _generator_module():
    import importlib.util

    path = Path(__file__).resolve().parents[3] / "benchmarks" / "generate_monorepo.py"
    spec = importlib.util.spec_from_file_location("generate_monorepo", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_calls_through_an_instance_of_an_aliased_class_are_found(repo: Path):
    rel = "netra_backend/app/aliased_instances.py"
    (repo / rel).write_text(
        "from shared.id_generation import UnifiedIdGenerator as IDs\n\n"
        "_ids = IDs()\n\n\n"
        "def agent_key() -> str:\n"
        '    return _ids.generate_base_id("agent")\n'
    )
    plan = build_plan(repo, load_config(repo), paths=[rel], workers=1, use_cache=False)
    result = _by_path(plan)[rel]
    members = [f.member for f in result[4]]
    assert "generate_base_id" in members, members
    assert b"_ids.generate_base_id" not in (result[3] or b""), "the instance was replaced but not its calls"


def test_calls_through_a_fixture_parameter_are_found(repo: Path):
    rel = "tests/test_fixture_instances.py"
    (repo / rel).write_text(
        "import pytest\n\nfrom shared.id_generation import UnifiedIdGenerator\n\n\n"
        "@pytest.fixture\ndef id_generator():\n    return UnifiedIdGenerator()\n\n\n"
        "class TestKeys:\n    def test_agent_key(self, id_generator) -> None:\n"
        '        assert id_generator.generate_base_id("agent")\n'
    )
    plan = build_plan(repo, load_config(repo), paths=[rel], workers=1, use_cache=False)
    assert "generate_base_id" in [f.member for f in _by_path(plan)[rel][4]]


def test_every_generated_site_is_found(tmp_path: Path):
    """The synthetic monorepo of benchmarks/ records the sites it wrote into each file, for both recipe groups.

    Files are scaled down to a tenth of their benchmark size; the shapes are the same (calls through a
    fixture parameter included).
    """
    root = tmp_path / "mono"
    manifest = _generator_module().generate(300, root, affected=40, uuid_files=8, seed=2, jobs=1, size_scale=0.1)
    for recipes, key in ((("generator",), "generator"), (("adhoc-ids", "test-ids"), "uuid")):
        plan = build_plan(root, load_config(root), workers=2, use_cache=False, recipes=recipes)
        assert plan.files_scanned == 300
        assert not plan.by_status("failed") and not plan.by_status("skipped")
        found = {o.path: len(o.result.findings) for o in plan.outcomes}
        expected = {rel: sites[key] for rel, sites in manifest["sites"].items() if sites[key]}
        assert len(expected) == (40 if key == "generator" else 8)
        wrong = {rel: (want, found.get(rel)) for rel, want in expected.items() if found.get(rel) != want}
        assert not wrong, (key, wrong)
        assert sum(found.values()) == sum(expected.values()), "no findings outside the files with sites"
        # The same plan from one worker, through a cold cache and from the warm one.
        for use_cache in (True, True):
            again = build_plan(root, load_config(root), workers=1, use_cache=use_cache, recipes=recipes)
            assert signature(again) == signature(plan), (key, use_cache)

"""What ``idmigrate run`` remembers between runs: ``.git/idmigrate/state.json``.

The file lives in git's (common) directory, so it is never part of the work
tree, never committed and shared by linked worktrees. It is written atomically
with user-only permissions (``fileio.replace_file``), so an interrupted write
leaves the previous state, never half of one.

Layout (version 2)::

    {"version": 2,
     "runs": {recipe set: {                  # "generator", "adhoc-ids", "generator+adhoc-ids" ...
         "run":     {"base", "base_ref", "prefix", "services", "paths", "start_branch",
                     "start_head", "started", "status"},        # the recipe set's latest run
         "batches": {service: {"state", "branch", "commit", "base", "reason", ...}},
         "applied": [{"service", "branch", "commit", "base", "recorded", "sites": [...]}]}},
     "branches": {branch: sha},     # branches this tool created, and where it left them
     "baselines": {"<base sha>:<service>:<command digest>": test-run record}}

Each recipe set has its own run and batches, so a run of one recipe never overwrites what
another recipe's run recorded. ``applied`` keeps every committed batch's applied sites, also
after its service has nothing left to migrate (``report --applied``). A version 1 file (one
run for the whole repository) is read as the run of the recipe its branch prefix names
(the generator recipe's for any other prefix) and written back as version 2.

Batch states: ``pending`` (selected, not run yet), ``running`` (started; if the
run is gone, it was interrupted), ``committed``, ``red``, ``nothing``
(nothing to migrate).
"""

from __future__ import annotations

import errno
import json
import os
import time
from pathlib import Path
from typing import Any

from migrate.gitops import common_dir
from migrate.workspace.fileio import replace_file

STATE_VERSION = 2
STATE_FILE = "state.json"
LOCK_FILE = "run.lock"
#: Baseline test results kept (oldest dropped first).
MAX_BASELINES = 64
#: Applied-site records kept per service of a recipe set (oldest dropped first): each re-run
#: that replaces a batch adds one, and the file is read by every run and status.
MAX_APPLIED = 8
#: The recipe set of ``run`` without ``--recipe``.
DEFAULT_RECIPE_SET = "generator"

FINISHED = ("committed", "red", "nothing")


class StateError(Exception):
    """The state file or lock is unusable; the message is one line."""


def state_dir(work_tree: Path) -> Path:
    """``idmigrate`` in the git directory of the repository at ``work_tree`` (shared by its worktrees)."""
    common = common_dir(work_tree)
    if common is None:
        raise StateError(f"{work_tree}: cannot find the repository's git directory")
    return common / "idmigrate"


def _ensure_dir(directory: Path) -> None:
    if not directory.is_dir():
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(directory, 0o700)


def recipe_set_of_prefix(prefix: str) -> str:
    """The recipe set a version 1 run's branch prefix names (``idmigrate/adhoc-ids/``), else the default."""
    from codemods.core.recipes import RECIPES
    from migrate.run.model import DEFAULT_PREFIX, recipe_label

    if isinstance(prefix, str) and prefix.startswith(DEFAULT_PREFIX) and prefix.endswith("/"):
        label = prefix[len(DEFAULT_PREFIX):-1]
        names = label.split("+")
        if label and all(n in RECIPES for n in names) and recipe_label(names) == label:
            return label
    return DEFAULT_RECIPE_SET


def _upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """A version 1 file as version 2: its one run becomes the run of the recipe set its prefix names."""
    run, batches = data.get("run") or {}, data.get("batches") or {}
    runs = {recipe_set_of_prefix(run.get("prefix", "")): {"run": run, "batches": batches}} if run or batches else {}
    return {"version": STATE_VERSION, "runs": runs, "branches": data.get("branches") or {},
            "baselines": data.get("baselines") or {}}


class RunState:
    """The parsed state file, seen through one recipe set: ``run``, ``batches`` and ``applied`` are
    that set's; ``branches`` and ``baselines`` are shared. Mutate the dicts, then ``save()``."""

    def __init__(self, path: Path, data: dict[str, Any] | None = None, recipe_set: str = DEFAULT_RECIPE_SET) -> None:
        self.path = path
        self.recipe_set = recipe_set
        data = data or {}
        self.data: dict[str, Any] = {
            "version": STATE_VERSION,
            "runs": data.get("runs") or {},
            "branches": data.get("branches") or {},
            "baselines": data.get("baselines") or {},
        }

    @classmethod
    def load(cls, directory: Path, recipe_set: str = DEFAULT_RECIPE_SET) -> "RunState":
        path = Path(directory) / STATE_FILE
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path, recipe_set=recipe_set)
        except OSError as exc:
            raise StateError(f"{path}: cannot read: {exc.strerror}") from None
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise StateError(f"{path}: not valid JSON; move it away to start from scratch") from None
        if not isinstance(data, dict) or data.get("version") not in (1, STATE_VERSION):
            raise StateError(f"{path}: unknown state format; move it away to start from scratch")
        keys = ("run", "batches", "branches", "baselines") if data["version"] == 1 else ("runs", "branches",
                                                                                          "baselines")
        for key in keys:
            if not isinstance(data.get(key, {}), dict):
                raise StateError(f"{path}: {key!r} is not an object; move the file away to start from scratch")
        if data["version"] == 1:
            data = _upgrade(data)
        for label, entry in data["runs"].items():
            if not isinstance(entry, dict) or not all(
                    isinstance(entry.get(k, {}), dict) for k in ("run", "batches")) or not isinstance(
                    entry.get("applied", []), list):
                raise StateError(f"{path}: the run of {label!r} is not an object; move the file away "
                                 "to start from scratch")
        return cls(path, data, recipe_set)

    # ------------------------------------------------------------- accessors
    def _mine(self) -> dict[str, Any]:
        entry = self.data["runs"].setdefault(self.recipe_set, {})
        for key in ("run", "batches"):
            entry.setdefault(key, {})
        entry.setdefault("applied", [])
        return entry

    @property
    def run(self) -> dict[str, Any]:
        return self._mine()["run"]

    @run.setter
    def run(self, value: dict[str, Any]) -> None:
        self._mine()["run"] = value

    @property
    def batches(self) -> dict[str, dict[str, Any]]:
        return self._mine()["batches"]

    @property
    def applied(self) -> list[dict[str, Any]]:
        """Records of committed batches: service, branch, commit, base, recorded, sites."""
        return self._mine()["applied"]

    @property
    def branches(self) -> dict[str, str]:
        return self.data["branches"]

    def other_recipe_sets(self) -> list[str]:
        """The other recipe sets that have a run, in the order they first ran."""
        return [label for label, entry in self.data["runs"].items()
                if label != self.recipe_set and (entry.get("run") or entry.get("batches"))]

    def batch(self, service: str) -> dict[str, Any] | None:
        return self.batches.get(service)

    def set_batch(self, service: str, **fields: Any) -> dict[str, Any]:
        entry = {"updated": time.strftime("%Y-%m-%dT%H:%M:%S%z"), **fields}
        self.batches[service] = entry
        return entry

    def record_applied(self, record: dict[str, Any]) -> None:
        """Keep a committed batch's applied sites (one record per commit, the newest last)."""
        applied = [r for r in self.applied if r.get("commit") != record.get("commit")]
        same = [r for r in applied if r.get("service") == record.get("service")]
        drop = {id(r) for r in same[:max(0, len(same) - MAX_APPLIED + 1)]}
        self._mine()["applied"] = [r for r in applied if id(r) not in drop] + [record]

    def owns_branch(self, branch: str, tip: str | None) -> bool:
        """True when this tool created ``branch`` and nobody moved it since."""
        return tip is not None and self.branches.get(branch) == tip

    def baseline(self, key: str) -> dict[str, Any] | None:
        return self.data["baselines"].get(key)

    def put_baseline(self, key: str, record: dict[str, Any]) -> None:
        baselines = self.data["baselines"]
        baselines.pop(key, None)
        baselines[key] = record
        while len(baselines) > MAX_BASELINES:
            baselines.pop(next(iter(baselines)))

    def save(self) -> None:
        _ensure_dir(self.path.parent)
        replace_file(self.path, (json.dumps(self.data, indent=2, sort_keys=False) + "\n").encode("utf-8"), private=True)


class RunLock:
    """``.git/idmigrate/run.lock``: one ``run`` per repository at a time.

    A lock whose process is gone (killed with SIGKILL, machine rebooted) is stale
    and taken over.
    """

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / LOCK_FILE
        self._held = False

    def _owner(self) -> int | None:
        try:
            return int(self.path.read_text(encoding="ascii").strip() or "0") or None
        except (OSError, ValueError):
            return None

    @staticmethod
    def _alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def acquire(self) -> None:
        _ensure_dir(self.path.parent)
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                owner = self._owner()
                if owner and owner != os.getpid() and self._alive(owner):
                    raise StateError(f"another idmigrate run (pid {owner}) is working on this repository") from None
                try:
                    self.path.unlink()  # stale
                except FileNotFoundError:
                    pass
                continue
            except OSError as exc:
                raise StateError(f"{self.path}: cannot create the lock: {os.strerror(exc.errno or errno.EIO)}") from None
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(f"{os.getpid()}\n")
            self._held = True
            return
        raise StateError(f"{self.path}: cannot take the lock; remove it if no idmigrate run is active")

    def release(self) -> None:
        if self._held and self._owner() == os.getpid():
            try:
                self.path.unlink()
            except OSError:
                pass
        self._held = False

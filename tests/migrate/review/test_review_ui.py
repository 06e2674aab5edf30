"""``idmigrate review`` driven in a real pseudo-terminal (tmux): keys, screen, the decisions file after ``q``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migrate.cli import app
from migrate.review.store import FILE_NAME, load_decisions

REPOS = "netra_backend/app/db/repositories"
WORKTREE = Path(__file__).resolve().parents[3]


def test_without_a_terminal_review_refuses_in_one_line(example_copy):
    result = CliRunner().invoke(app, ["review", str(example_copy), "--no-cache"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "review needs a terminal" in result.stderr
    assert not (example_copy / FILE_NAME).exists()


class Tmux:
    def __init__(self, socket: str) -> None:
        self.base = ["tmux", "-L", socket]

    def __call__(self, *args: str) -> str:
        return subprocess.run([*self.base, *args], check=True, capture_output=True, text=True).stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "review")

    def wait_for(self, text: str, timeout: float = 90) -> str:
        """The screen once ``text`` is on it and the drawing has settled (two equal captures):
        on a loaded machine a capture can land mid-draw."""
        end = time.monotonic() + timeout
        previous = None
        while time.monotonic() < end:
            screen = self.screen()
            if text in screen and screen == previous:
                return screen
            previous = screen if text in screen else None
            time.sleep(0.3)
        raise AssertionError(f"{text!r} never appeared on the screen:\n{self.screen()}")

    def key(self, key: str, then: str) -> str:
        self("send-keys", "-t", "review", key)
        return self.wait_for(then)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_review_in_a_terminal(example_copy, tmp_path):
    tmux = Tmux(f"idmigrate-test-{tmp_path.name}")
    command = (f"cd {WORKTREE} && {sys.executable} -m migrate review {example_copy} --path {REPOS} "
               f"--no-cache -j 1; echo EXITED $?; sleep 60")
    tmux("new-session", "-d", "-s", "review", "-x", "140", "-y", "45", command)
    try:
        screen = tmux.wait_for("site 1 of 7")
        assert "(2 format, 5 manual; 0 decided)" in screen
        assert "message_repository.py:12" in screen and "[y] accept" in screen
        screen = tmux.key("s", "site 2 of 7")
        assert "before: self.id_generator.generate_base_id(\"msg\")" in screen and "rule IDM004" in screen
        screen = tmux.key("y", "site 3 of 7")
        assert "accepted in review: written to" in screen and "1 decided" in screen
        assert "rule IDM006" in screen and "class manual" in screen and ">    27 |" in screen
        assert "IDType: [1] user" in tmux.key("t", "IDType:")
        screen = tmux.key("3", "site 4 of 7")
        assert "typed in review as request: written" in screen
        tmux.key("n", "site 5 of 7")
        screen = tmux.key("u", "undone: the site is undecided again")
        assert "site 4 of 7" in screen
        screen = tmux.key("q", "EXITED 0")
        assert "written to idmigrate-decisions.toml" in screen
    finally:
        subprocess.run([*tmux.base, "kill-server"], capture_output=True)
    decisions = load_decisions(example_copy)
    assert sorted((d.action, d.id_type) for d in decisions.values()) == [("accept", ""), ("type", "request")]
    # the next plan honours them: the computed prefix is rewritten with the chosen type
    result = CliRunner().invoke(app, ["report", str(example_copy), "--path", REPOS, "--format", "json", "--no-cache"])
    items = {(i["path"].rsplit("/", 1)[-1], i["line"]): i for i in json.loads(result.stdout)["review"]}
    typed = items[("message_repository.py", 27)]
    assert typed["review"] == "typed in review" and "IDType.REQUEST, prefix=prefix" in typed["suggestion"]
    assert items[("message_repository.py", 17)]["review"] == "accepted in review"

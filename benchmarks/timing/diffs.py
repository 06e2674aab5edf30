"""The diffs libcst's runner prints, per file: how bench.py checks that two baselines wrote the same.

Standard library only, so tests can load this file on its own.
"""

from __future__ import annotations


def diff_blocks(text: str, root: str) -> dict[str, str]:
    """Relative path -> its unified diff, from the runner's output over files under ``root``.

    The runner prints one diff per changed file, in the order its workers finish, each opened by
    ``--- ROOT/path`` and ``+++ ROOT/path`` (absolute paths, as the files were given to it).
    """
    head = root.rstrip("/") + "/"
    blocks: dict[str, list[str]] = {}
    current: list[str] | None = None
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if (line.startswith("--- " + head) and i + 1 < len(lines)
                and lines[i + 1] == "+++ " + line[4:]):
            current = blocks.setdefault(line[4 + len(head):], [])
        if current is not None:
            current.append(line)
    return {rel: "\n".join(body).rstrip("\n") for rel, body in blocks.items()}


def compare(a: str, b: str, root: str) -> tuple[int, list[str]]:
    """(files ``a`` changed, paths whose diff differs or that only one of them changed)."""
    left, right = diff_blocks(a, root), diff_blocks(b, root)
    return len(left), sorted(rel for rel in left.keys() | right.keys() if left.get(rel) != right.get(rel))

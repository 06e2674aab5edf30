"""``python -m migrate``: the same CLI as the ``idmigrate`` script."""

import os
import sys

# `python -m` puts the current directory first on sys.path. Run from inside the target
# repository, that would let its modules (a `typer.py`, say) shadow ours: the tool must
# never import code of the repository it migrates.
if not sys.flags.safe_path and sys.path and os.path.abspath(sys.path[0] or os.curdir) == os.getcwd():
    del sys.path[0]

from migrate.cli import main  # noqa: E402

main()

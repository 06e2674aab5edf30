"""How the command line looks: help without Python type labels, ``-h``, one-line usage errors.

``IdmigrateGroup`` is the Typer group class of ``migrate.cli.app``. It tidies every
verb's parameters when the group is built (so a new verb gets the same treatment) and
turns usage errors into one line on stderr with exit code 2, as README.md promises.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from typer.core import TyperArgument, TyperGroup, TyperOption

try:  # Typer's own click: its exceptions are the ones a usage error raises
    from typer._click.exceptions import NoArgsIsHelpError, UsageError
except ImportError:  # pragma: no cover - a Typer built on the public click
    from click.exceptions import NoArgsIsHelpError, UsageError

HELP_OPTIONS = ["-h", "--help"]


def no_color() -> bool:
    """The ``NO_COLOR`` convention: set and not empty means no colour."""
    return bool(os.environ.get("NO_COLOR"))


def _tidy(param: Any) -> None:
    """Help shows ``--jobs N``-style metavars, never Python types like ``<list[str]>`` or ``<bool>``."""
    if isinstance(param, TyperArgument):
        if param.metavar is None:
            param.metavar = param.name.upper()
        param.display_type_rich = lambda ctx: None
    elif isinstance(param, TyperOption):
        if param.is_flag:
            param.metavar = ""
        elif param.metavar is None:
            param.metavar = param.name.upper()
        param._get_number_range_help_str = lambda: None


def _tidied(get_help_option):
    """The generated ``--help`` flag gets the same treatment."""
    def wrapper(ctx):
        option = get_help_option(ctx)
        if option is not None:
            _tidy(option)
        return option
    return wrapper


class IdmigrateGroup(TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for command in (self, *self.commands.values()):
            for param in command.params:
                _tidy(param)
            command.get_help_option = _tidied(command.get_help_option)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode: bool = True, **extra: Any):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as exc:  # no verb: the help, as before
            sys.stdout.write(exc.format_message() + "\n")
            sys.exit(0)
        except UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "idmigrate"
            message = " ".join(exc.format_message().split())
            sys.stderr.write(f"error: {message} (see `{where} --help`)\n")
            sys.exit(2)
        sys.exit(code if isinstance(code, int) else 0)

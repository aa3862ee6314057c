"""The ``corroborator`` command line: each command parses, calls the library, and prints.

Exit codes: 0 success (for ``extract``: at least one document was written,
whatever was skipped beside it); 1 nothing could be done (every input was
skipped, or no input was found); 2 a usage or configuration error.

The commands live by what they work on: ``documents`` (extract, eval),
``store`` (ingest, search, reprocess, export), ``ledger`` (variables,
findings, timeline, sources); ``common`` holds what they share.
"""

from __future__ import annotations

import sys
from typing import Any

import typer

from ..errors import CorroboratorError

# Importing a command module registers its commands, in the order --help lists them.
from . import documents  # noqa: F401

# isort: split
from . import store  # noqa: F401

# isort: split
from . import ledger  # noqa: F401
from .common import EXIT_NOTHING_DONE, EXIT_OK, EXIT_USAGE, app, escape, stderr

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> None:
    """Entry point: one-line errors, tracebacks only with --debug."""
    args = sys.argv[1:] if argv is None else argv
    try:
        code = app(args=args, standalone_mode=False)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        stderr.print("[red]interrupted[/]")
        sys.exit(130)
    except Exception as error:  # the last line of defence: one clear line, not a traceback
        if "--debug" in args:
            raise
        if isinstance(error, CorroboratorError):
            stderr.print(f"[red]error:[/] {escape(str(error))}")
            sys.exit(EXIT_USAGE)
        if _is_usage_error(error):
            if message := _usage_message(error):  # none after `corroborator` alone: the help was shown
                stderr.print(f"[red]error:[/] {escape(message)}")
            sys.exit(EXIT_USAGE)
        # The first line only: SQLAlchemy and the drivers add hints and links on the next ones.
        first = (str(error).strip().splitlines() or [""])[0]
        stderr.print(f"[red]error:[/] {type(error).__name__}: {escape(first)} (run again with --debug for details)")
        sys.exit(EXIT_NOTHING_DONE)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _usage_message(error: Any) -> str:
    """Click's four lines (usage, hint, blank, message) as one: the message, then where the help is."""
    # Typer validates through pydantic, whose "Value error, " prefix says nothing to a user.
    message = str(error.format_message()).replace("Value error, ", "").strip().rstrip(".")
    if not message or getattr(error, "ctx", None) is None:
        return message
    return f"{message}; see {error.ctx.command_path} --help"


def _is_usage_error(error: Exception) -> bool:
    """A bad option or argument (typer vendors its own click, so no click import names it)."""
    return isinstance(error, typer.TyperException) and hasattr(error, "show")

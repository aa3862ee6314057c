"""The store's commands: ``ingest``, ``search``, ``reprocess`` and ``export``.

SQLAlchemy and the drivers are imported inside each command: the other
commands' start-up and ``--help`` should not pay for them.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import ConfigError, SkipInput
from ..export import json_text
from ..ingest import list_inputs
from ..pipeline import Stored, skipped
from ..settings import Settings
from .common import (
    EXIT_NOTHING_DONE,
    Command,
    Db,
    Debug,
    FetchDeadline,
    MaxBytes,
    Model,
    Quiet,
    Sources,
    app,
    at_least_one,
    check_output_folder,
    configure_logging,
    count,
    escape,
    interrupted_code,
    progress,
    render,
    report_skip,
    settings_from,
    stderr,
    verb,
    visible,
)

if TYPE_CHECKING:
    from ..pipeline.ledger import LedgerRefresh
    from ..store import RunSummary, Store


class StoreFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command("ingest", cls=Command)
def ingest_cli(
    sources: Sources,
    db: Db = None,
    model: Model = None,
    max_bytes: MaxBytes = None,
    fetch_deadline: FetchDeadline = None,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Store every document (raw bytes, clean text, claims, figures); unchanged inputs are skipped fast."""
    from ..pipeline.ledger import refresh_ledger
    from ..pipeline.storing import ingest  # SQLAlchemy and drivers: for the store's commands only
    from ..store import Store, resolve_url
    from ..store.runs import newest_run_id

    configure_logging(debug)
    settings = settings_from(model, max_bytes, fetch_deadline)
    resolve_url(db)  # a bad --db is a usage error (exit 2), said even when no input can be read
    listed = _list_inputs(sources)
    with Store.open(db) as store:
        since = newest_run_id(store)
        try:
            with progress(quiet, "Ingesting", len(listed)) as advance:
                summary = ingest(store, sources, settings=settings, on_event=render(advance), listed=listed)
            ledger = refresh_ledger(store)
        except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (main): say what was kept and how to go on
            _report_interrupted(store, since, "inputs already stored are skipped as unchanged")
            raise typer.Exit(interrupted_code(stop)) from None
        where = str(store)
    if not quiet:
        written = [verb(summary.added, "document", "added"), verb(summary.updated, "document", "updated")]
        stderr.print(_store_summary(where, summary, written, nothing="nothing new to store", current="unchanged"))
        _print_ledger(ledger)
    if summary.stored + summary.unchanged + summary.inputs_unchanged == 0:
        stderr.print("[red]error:[/] nothing could be stored; see the reasons above.")
        raise typer.Exit(EXIT_NOTHING_DONE)


@app.command("search", cls=Command)
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
        typer.Option("--limit", "-n", metavar="N", callback=at_least_one, help="Show at most this many hits."),
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
    from ..store import Store, search
    from ..store.search import KINDS, parse_query

    configure_logging(debug)
    if kind is not None and kind not in KINDS:
        raise ConfigError(f"unknown --kind {kind!r}: use one of {', '.join(KINDS)}")
    parse_query(query)  # a query with nothing to find is a usage error (exit 2), said before any database opens
    with Store.open(db, create=False) as store:
        hits = search(store, query, limit=limit, kind=kind)
    for hit in hits:  # what the store holds is shown, never obeyed (visible, json_text)
        if as_json:
            typer.echo(json_text(hit.to_dict()))
            continue
        item = f" {hit.item}" if hit.item else ""
        heading = f" {hit.heading}:" if hit.heading and hit.kind != "document" else ""
        typer.echo(visible(f"{hit.kind}{item} in {hit.input} ({' '.join(hit.title.split())})"))
        typer.echo(visible(f"   {' '.join(heading.split())} {' '.join(hit.snippet.split())}".rstrip()))
    if not hits:
        stderr.print("no match.")
        raise typer.Exit(EXIT_NOTHING_DONE)


@app.command("reprocess", cls=Command)
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
    from ..pipeline.ledger import refresh_ledger
    from ..pipeline.storing import reprocess
    from ..store import Store
    from ..store.runs import newest_run_id

    configure_logging(debug)
    settings = Settings.from_env(model=model)
    with Store.open(db, create=False) as store:
        since = newest_run_id(store)
        try:
            with progress(quiet, "Reprocessing", None) as advance:
                summary = reprocess(store, settings=settings, force=force, on_event=render(advance, on=Stored))
            ledger = refresh_ledger(store, force=True)  # reprocess recomputes all, the cross-check included
        except KeyboardInterrupt as stop:
            _report_interrupted(store, since, "documents already re-extracted are not extracted again")
            raise typer.Exit(interrupted_code(stop)) from None
        where = str(store)
    if not quiet:
        written = [verb(summary.updated, "document", "re-extracted"), verb(summary.added, "new version", "stored")]
        stderr.print(
            _store_summary(where, summary, written, nothing="nothing to re-extract", current="already current")
        )
        _print_ledger(ledger)


@app.command("export", cls=Command)
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
    from ..store import Store, export

    configure_logging(debug)
    check_output_folder(output, "--output")
    with Store.open(db, create=False) as store:
        written = export(store, output_format.value, output, all_versions=all_versions)
    if not quiet:
        stderr.print(f"{count(len(written), 'file')} written to {escape(str(output))}.")


def _list_inputs(sources: list[str]) -> list[str | SkipInput]:
    """The inputs the sources name (the folders walked once); ends the run (exit 1) when none can be read,
    before any database opens: a mistyped path must not leave an empty database file behind.
    """
    listed = list(list_inputs(sources))
    if any(not isinstance(item, SkipInput) for item in listed):
        return listed
    for item in listed:
        if isinstance(item, SkipInput):
            report_skip(skipped(item))
    stderr.print("[red]error:[/] nothing to ingest: no input could be found; see the reasons above.")
    raise typer.Exit(EXIT_NOTHING_DONE)


def _report_interrupted(store: Store, since: int, resume: str) -> None:
    """One line when a signal stops a run: what the store kept, and that the same command goes on from there.

    ``interrupted: kept in news.db: 37 documents added, 2 documents updated; run the same command again to go on
    (inputs already stored are skipped as unchanged).``
    """
    from ..store.runs import own_run_since

    run = own_run_since(store, since)
    counts = (run.documents_added, run.documents_updated) if run else (0, 0)
    kept = [part for part in (verb(counts[0], "document", "added"), verb(counts[1], "document", "updated")) if part]
    what = f"kept in {escape(str(store))}: {', '.join(kept)}" if kept else "no document stored yet"
    stderr.print(f"[red]interrupted:[/] {what}; run the same command again to go on ({resume}).")


def _print_ledger(ledger: LedgerRefresh) -> None:
    """One line when the cross-check was recomputed, with what it took:
    ``ledger: 40 variables, 11 findings (3 families recomputed, 2 documents read).``"""
    if ledger.recomputed:
        families, read = count(ledger.families, "family", "families"), count(ledger.documents_read, "document")
        work = f"{families} recomputed, {read} read"
        stderr.print(f"ledger: {count(ledger.variables, 'variable')}, {count(ledger.findings, 'finding')} ({work}).")


def _store_summary(where: str, summary: RunSummary, written: list[str], *, nothing: str, current: str) -> str:
    """One line whose counts cannot read as a contradiction: only the counts above zero are named.

    ``corroborator.db: 2 documents added (3 claims, 1 figure); 11 inputs unchanged; 1 input skipped.``
    """
    parts = [", ".join(part for part in written if part)]
    if parts[0]:
        parts[0] += f" ({count(summary.claims, 'claim')}, {count(summary.figures, 'figure')})"
    if summary.unchanged:
        parts.append(f"{count(summary.unchanged, 'document')} {current}")
    if summary.inputs_unchanged:
        parts.append(f"{count(summary.inputs_unchanged, 'input')} {current}")
    if not parts[0]:
        parts.append(nothing)
    if summary.skipped:
        parts.append(f"{count(len(summary.skipped), 'input')} skipped")
    return f"{escape(where)}: {'; '.join(part for part in parts if part)}."

"""The cross-check's commands: ``variables``, ``findings``, ``timeline`` and ``sources``.

Each reads the ledger the store keeps (``pipeline.ledger``: the cross-check of
the current documents, recomputed first when they or the cross-check changed)
and prints a table, JSON (the contract of SPEC section 2) or CSV.
"""

from __future__ import annotations

import csv
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from ..crosscheck import FindingKind
from ..crosscheck.views import (
    FINDING_COLUMNS,
    SOURCE_COLUMNS,
    TIMELINE_COLUMNS,
    VARIABLE_COLUMNS,
    finding_row,
    select_variables,
    source_row,
    timeline_rows,
    variable_row,
)
from ..errors import ConfigError
from ..export import csv_cell, json_text
from .common import EXIT_NOTHING_DONE, Command, Db, Debug, app, configure_logging, escape, stderr, visible

Record = dict[str, Any]


class LedgerFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


Format = Annotated[
    LedgerFormat,
    typer.Option("--format", "-f", metavar="table|json|csv", help="A table to read, JSON (SPEC section 2) or CSV."),
]


def _read(db: str | None, what: str) -> list[Record]:
    """The stored ledger's ``what`` (variables, findings or sources), brought up to date first."""
    from ..pipeline.ledger import refresh_ledger
    from ..store import Store, read_findings, read_sources, read_variables

    readers = {"variables": read_variables, "findings": read_findings, "sources": read_sources}
    with Store.open(db, create=False) as store:
        refresh_ledger(store)
        return readers[what](store)


@app.command("variables", cls=Command)
def variables_cli(
    db: Db = None,
    output_format: Format = LedgerFormat.table,
    subject: Annotated[
        str | None, typer.Option("--subject", metavar="S", help="Only subjects with these words.")
    ] = None,
    measure: Annotated[
        str | None, typer.Option("--measure", metavar="M", help="Only this measure (killed, ...).")
    ] = None,
    place: Annotated[str | None, typer.Option("--place", metavar="P", help="Only places with these words.")] = None,
    debug: Debug = False,
) -> None:
    """The ledger: what the figures measure, low / best / high, independent sources and grades per value."""
    configure_logging(debug)
    chosen = select_variables(_read(db, "variables"), subject, measure, place)
    _show(chosen, output_format, "Variables", VARIABLE_COLUMNS, [variable_row(v) for v in chosen])
    if not chosen:
        stderr.print("no variable matches." if (subject or measure or place) else "no figure to compare yet.")
        raise typer.Exit(EXIT_NOTHING_DONE)


@app.command("findings", cls=Command)
def findings_cli(
    db: Db = None,
    output_format: Format = LedgerFormat.table,
    kind: Annotated[
        str | None, typer.Option("--kind", metavar="|".join(FindingKind), help="Only findings of this kind.")
    ] = None,
    debug: Debug = False,
) -> None:
    """Agreements, disagreements, updates, parts above their whole and misquotes across the stored documents."""
    configure_logging(debug)
    if kind is not None and kind not in set(FindingKind):
        raise ConfigError(f"unknown --kind {kind!r}: use one of {', '.join(FindingKind)}")
    findings = [f for f in _read(db, "findings") if kind is None or f["kind"] == kind]
    _show(findings, output_format, "Findings", FINDING_COLUMNS, [finding_row(f) for f in findings])
    if not findings:
        stderr.print("no finding.")


@app.command("timeline", cls=Command)
def timeline_cli(
    variable_id: Annotated[
        str,
        typer.Argument(metavar="VARIABLE_ID", help="A variable's id, as `corroborator variables` prints it."),
    ],
    db: Db = None,
    output_format: Format = LedgerFormat.table,
    debug: Debug = False,
) -> None:
    """One variable's values in time order: who said what, when, with how many independent sources."""
    configure_logging(debug)
    variables = _read(db, "variables")
    variable = next((v for v in variables if v["id"] == variable_id), None)
    if variable is None:
        close = [v["id"] for v in variables if variable_id.casefold() in v["id"].casefold()][:5]
        hint = f"; did you mean {', '.join(close)}?" if close else "; `corroborator variables` lists them"
        raise ConfigError(f"no variable {variable_id!r}{hint}")
    _show(variable, output_format, f"Timeline of {variable['id']}", TIMELINE_COLUMNS, timeline_rows(variable))


@app.command("sources", cls=Command)
def sources_cli(
    db: Db = None,
    output_format: Format = LedgerFormat.table,
    debug: Debug = False,
) -> None:
    """Each speaker under one key: the names it goes by, the relays it came through, whether it is a party."""
    configure_logging(debug)
    speakers = _read(db, "sources")
    _show(speakers, output_format, "Sources", SOURCE_COLUMNS, [source_row(s) for s in speakers])


def _show(data: Any, output_format: LedgerFormat, title: str, columns: tuple[str, ...], rows: list[Record]) -> None:
    """``data`` as JSON (the contract), or its ``rows`` as a table or CSV."""
    if output_format is LedgerFormat.json:
        typer.echo(json_text(data, indent=1))
    else:
        _print_rows(title, columns, rows, output_format)


def _print_rows(title: str, columns: tuple[str, ...], rows: list[dict[str, Any]], output_format: LedgerFormat) -> None:
    if output_format is LedgerFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({key: _csv_value(value) for key, value in row.items()} for row in rows)
        return
    if not rows:
        return
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold", justify="right" if column in _NUMERIC else "left")
    for row in rows:
        table.add_row(*(escape(str(row.get(column, ""))) for column in columns))
    from rich.console import Console

    Console(highlight=False, emoji=False, soft_wrap=False, width=None if sys.stdout.isatty() else 200).print(table)


def _csv_value(value: Any) -> Any:
    """A text cell as a terminal can print it and a spreadsheet cannot run it (``export.csv_cell``)."""
    return csv_cell(visible(value)) if isinstance(value, str) else value


_NUMERIC = frozenset({"low", "best", "high", "values", "independent", "figures", "claims"})

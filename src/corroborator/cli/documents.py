"""The commands over files: ``extract`` (the export contract) and ``eval`` (scores against gold)."""

from __future__ import annotations

import json
import sys
from contextlib import AbstractContextManager, nullcontext
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from ..errors import ConfigError
from ..evaluate import errors_by_document, read_jsonl, score, score_findings, score_values, summary_line
from ..export import document_line, json_text, write_skipped_report
from ..extract import load_pipeline
from ..ingest import list_inputs
from ..pipeline import Tally, process, with_extraction
from ..records import Document, Skipped
from .common import (
    EXIT_NOTHING_DONE,
    Command,
    Debug,
    FetchDeadline,
    MaxBytes,
    Model,
    Quiet,
    Sources,
    app,
    check_output_files,
    configure_logging,
    count,
    escape,
    print_table,
    progress,
    render,
    settings_from,
    stderr,
    visible,
)


class OutputFormat(StrEnum):
    jsonl = "jsonl"


@app.command("extract", cls=Command)
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
    fetch_deadline: FetchDeadline = None,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Extract clean text and metadata from every document, as JSON Lines (the export contract)."""
    configure_logging(debug)
    check_output_files(output=output, skipped_report=skipped_file)
    settings = settings_from(model, max_bytes, fetch_deadline)
    nlp = load_pipeline(settings.model)
    tally, shown = Tally(), _Summary()
    listed = list(list_inputs(sources))
    with _open_output(output) as stream, progress(quiet, "Extracting", len(listed)) as advance:
        outcomes = process(sources, settings, listed=listed, on_event=render(advance))
        for outcome in with_extraction(outcomes, nlp):
            tally.add(outcome)
            if isinstance(outcome, Skipped):
                continue  # reported as it came (on_event)
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
            f"{count(tally.documents, 'document')} written{escape(where)}"
            f" ({count(tally.claims, 'claim')}, {count(tally.figures, 'figure')});"
            f" {count(len(tally.skipped), 'input')} skipped."
        )
    if tally.documents == 0:
        stderr.print("[red]error:[/] no document could be extracted; see the reasons above.")
        raise typer.Exit(EXIT_NOTHING_DONE)


def _open_output(output: Path | None) -> AbstractContextManager[TextIO]:
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
        print_table("Documents extracted", columns, self.documents)
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
        print_table("Figures", columns, self.figures)
        print_table("Claims", ("input", "source", "cue", "certainty", "via", "content"), self.claims)


def _short_input(key: str) -> str:
    path, sep, item = key.partition("#")
    return Path(path).name + sep + item


@app.command("eval", cls=Command)
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
    findings_gold: Annotated[
        Path | None,
        typer.Option("--findings-gold", metavar="FILE", help="Gold findings (JSON, like seeds.findings.gold.json)."),
    ] = None,
    findings_pred: Annotated[
        Path | None,
        typer.Option("--findings-pred", metavar="FILE", help="Findings to score (`corroborator findings -f json`)."),
    ] = None,
    variables_pred: Annotated[
        Path | None,
        typer.Option("--variables-pred", metavar="FILE", help="Variables to score (`corroborator variables -f json`)."),
    ] = None,
    debug: Debug = False,
) -> None:
    """Score an export against gold annotations; prints the same numbers as shared/eval/score.py."""
    configure_logging(debug)
    golds, preds = _read_records(gold), _read_records(prediction)
    report = score(golds, preds)
    if findings_gold and findings_pred:
        expected = _read_json(findings_gold)
        report["findings"] = score_findings(expected, _read_json(findings_pred), preds)
        if variables_pred and isinstance(expected, dict) and expected.get("values"):
            report["independence"] = score_values(expected["values"], _read_json(variables_pred), preds)
    if errors:
        _print_errors(errors_by_document(golds, preds))
    if as_json:
        typer.echo(json_text(report, indent=1))
    typer.echo(visible(summary_line(report)))


def _print_errors(documents: list[dict]) -> None:  # type: ignore[type-arg]
    """One block per document with errors, one line per error, on stderr (the report stays on stdout)."""
    for errors in documents:
        stderr.print(f"[bold]{escape(errors['input'])}[/]" + ("" if errors["found"] else " [red]not in the export[/]"))
        for kind, items in errors.items():
            if kind in ("input", "found"):
                continue
            for item in items:
                shown = item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)
                stderr.print(f"  [yellow]{kind.replace('_', ' ')}[/]: {escape(str(shown))}")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not JSON ({error})") from None


def _read_records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    try:
        return read_jsonl(path)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not JSON Lines ({error})") from None

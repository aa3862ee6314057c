"""The ledger as rows for people and tools: the tables of ``variables``, ``findings``, ``timeline``, ``sources``.

JSON keeps the contract of SPEC section 2 (``to_dict``); tables and CSV get
flat rows with the columns a reader scans first.
"""

from __future__ import annotations

from typing import Any

from .findings import format_date
from .model import Finding, Ledger, Variable, number


def select_variables(
    ledger: Ledger, subject: str | None = None, measure: str | None = None, place: str | None = None
) -> list[Variable]:
    """The variables whose subject, measure and place match (case-insensitive substrings of id or name)."""

    def matches(wanted: str | None, *fields: str | None) -> bool:
        return not wanted or any(wanted.casefold() in (f or "").casefold() for f in fields)

    return [
        v
        for v in ledger.variables
        if matches(subject, v.key.subject, v.subject_name)
        and matches(measure, v.key.measure)
        and matches(place, v.key.location, v.location_name)
    ]


VARIABLE_COLUMNS = (
    "id",
    "subject",
    "measure",
    "place",
    "unit",
    "modality",
    "low",
    "best",
    "high",
    "values",
    "independent",
    "grades",
)


def variable_row(variable: Variable) -> dict[str, Any]:
    return {
        "id": variable.id,
        "subject": variable.subject_name or variable.key.subject,
        "measure": variable.key.measure,
        "place": variable.location_name or variable.key.location or "",
        "unit": variable.key.unit or "",
        "modality": variable.key.modality,
        "low": _shown(variable.low),
        "best": _shown(variable.best),
        "high": _shown(variable.high),
        "values": len(variable.values),
        "independent": max((v.independent_sources for v in variable.values), default=0),
        "grades": ", ".join(dict.fromkeys(str(v.grade) for v in variable.values)),
    }


FINDING_COLUMNS = ("kind", "variable", "independent", "explanation")


def finding_row(finding: Finding) -> dict[str, Any]:
    return {
        "kind": str(finding.kind),
        "variable": finding.variable.id,
        "independent": finding.independent_sources,
        "explanation": finding.explanation,
    }


TIMELINE_COLUMNS = ("when", "value", "qualifier", "sources", "independent", "grade", "interested", "figures")


def timeline_rows(variable: Variable) -> list[dict[str, Any]]:
    """Every report of a variable in time order, one row per value and date."""
    rows = []
    for value in variable.values:
        by_date: dict[str | None, list] = {}  # type: ignore[type-arg]
        for report in value.reports:
            by_date.setdefault(report.when, []).append(report)
        for when, reports in by_date.items():
            rows.append(
                {
                    "when": when or "",
                    "date": format_date(when),
                    "value": reports[0].text,
                    "number": _shown(value.value),
                    "qualifier": value.qualifier,
                    "sources": ", ".join(dict.fromkeys(r.speaker_label for r in reports)),
                    "independent": value.independent_sources,
                    "grade": str(value.grade),
                    "interested": value.interested_party,
                    "figures": len(reports),
                }
            )
    rows.sort(key=lambda row: (row["when"] == "", row["when"]))
    return rows


SOURCE_COLUMNS = ("source", "name", "kind", "names", "relays", "party", "claims")


def source_row(speaker: Any) -> dict[str, Any]:
    data = speaker.to_dict()
    return {
        "source": data["source"],
        "name": data["name"],
        "kind": data["kind"],
        "names": ", ".join(data["names"]),
        "relays": ", ".join(data["relays"]),
        "party": data["party_to_fighting"] or "",
        "claims": data["claims"],
    }


def _shown(value: float | None) -> Any:
    shown = number(value)
    return "" if shown is None else shown

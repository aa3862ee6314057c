"""The ledger as rows for people and tools: the tables of ``variables``, ``findings``, ``timeline``, ``sources``.

Rows are read from the ledger's JSON (SPEC section 2, as ``to_dict`` gives it
and the store keeps it), so that the same code shows a ledger computed now or
one read back from the store.
"""

from __future__ import annotations

from typing import Any

Record = dict[str, Any]


def select_variables(
    variables: list[Record], subject: str | None = None, measure: str | None = None, place: str | None = None
) -> list[Record]:
    """The variables whose subject, measure and place match (case-insensitive words of the id or the name)."""

    def matches(wanted: str | None, *fields: str | None) -> bool:
        return not wanted or any(wanted.casefold() in (f or "").casefold() for f in fields)

    return [
        v
        for v in variables
        if matches(subject, v["subject"], v.get("subject_name"))
        and matches(measure, v["measure"])
        and matches(place, v.get("location"), v.get("location_name"))
    ]


VARIABLE_COLUMNS: tuple[str, ...] = ("id", "subject", "measure", "place", "unit", "modality", "low", "best", "high")
VARIABLE_COLUMNS += ("values", "independent", "grades")


def variable_row(variable: Record) -> Record:
    values = variable.get("values") or []
    return {
        "id": variable["id"],
        "subject": variable.get("subject_name") or variable["subject"],
        "measure": variable["measure"],
        "place": variable.get("location_name") or variable.get("location") or "",
        "unit": variable.get("unit") or "",
        "modality": variable["modality"],
        "low": _shown(variable.get("low")),
        "best": _shown(variable.get("best")),
        "high": _shown(variable.get("high")),
        "values": len(values),
        "independent": max((v["independent_sources"] for v in values), default=0),
        "grades": ", ".join(dict.fromkeys(str(v["grade"]) for v in values)),
    }


FINDING_COLUMNS = ("kind", "variable", "independent", "explanation")


def finding_row(finding: Record) -> Record:
    return {
        "kind": finding["kind"],
        "variable": finding.get("variable_id") or "",
        "independent": finding["independent_sources"],
        "explanation": finding["explanation"],
    }


TIMELINE_COLUMNS = ("when", "value", "qualifier", "sources", "independent", "grade", "interested", "figures")


def timeline_rows(variable: Record) -> list[Record]:
    """A variable's reports in time order (undated last): one row per value and date."""
    rows = []
    for value in variable.get("values") or []:
        by_date: dict[str | None, list[Record]] = {}
        for report in value.get("reports") or []:
            by_date.setdefault(report.get("as_of"), []).append(report)
        for when, reports in by_date.items():
            rows.append(
                {
                    "when": when or "",
                    "value": reports[0]["text"],
                    "number": _shown(value["value"]),
                    "qualifier": value["qualifier"],
                    "sources": ", ".join(dict.fromkeys(r["source_name"] for r in reports)),
                    "independent": value["independent_sources"],
                    "grade": value["grade"],
                    "interested": value["interested_party"],
                    "figures": len(reports),
                }
            )
    rows.sort(key=lambda row: (row["when"] == "", row["when"]))
    return rows


SOURCE_COLUMNS = ("source", "name", "kind", "names", "relays", "party", "claims")


def source_row(source: Record) -> Record:
    return {
        "source": source["source"],
        "name": source["name"],
        "kind": source["kind"],
        "names": ", ".join(source["names"]),
        "relays": ", ".join(source["relays"]),
        "party": source.get("party_to_fighting") or "",
        "claims": source["claims"],
    }


def _shown(value: Any) -> Any:
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value

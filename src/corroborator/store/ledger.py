"""The cross-check's ledger in the store: written in one transaction (whole, or by family), read as SPEC JSON.

The store knows no stage: it takes the ledger as the JSON of SPEC section 2
(what ``crosscheck`` records' ``to_dict`` give) and keeps, beside each object,
the columns that Datasette filters and sorts on. A stamp says which
documents and which cross-check code the ledger was computed from, so that a
reader can tell whether it is stale.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from sqlalchemy import delete, func, insert, select, text

from . import schema
from .database import Store

Record = dict[str, Any]

#: Rows inserted by one statement.
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a ledger was computed from: the cross-check's version and the current documents' state."""

    crosscheck: str
    documents: str


def documents_stamp(store: Store) -> str:
    """The state of the current documents: how many, the newest id, and the newest extraction.

    A new document, a new version or a re-extraction changes it.
    """
    table = schema.documents
    with store.engine.connect() as connection:
        count, newest, extracted = connection.execute(
            select(func.count(), func.max(table.c.id), func.max(table.c.updated_at)).where(table.c.current)
        ).one()
    return f"{count}:{newest}:{extracted}"


def ledger_stamp(store: Store) -> Stamp | None:
    with store.engine.connect() as connection:
        row = connection.execute(select(schema.ledger.c.crosscheck, schema.ledger.c.documents)).first()
    return Stamp(row.crosscheck, row.documents) if row else None


@dataclass(frozen=True, slots=True)
class FamilyRecords:
    """One family of variables (what a refresh recomputes together) and its findings, as SPEC JSON."""

    family: str
    variables: list[Record]
    findings: list[Record]


def write_ledger(
    store: Store,
    stamp: Stamp,
    families: Iterable[FamilyRecords],
    sources: Iterable[Record],
    *,
    replacing: Collection[str] | None = None,
) -> None:
    """Write the ledger in one transaction: readers see the old or the new, whole.

    With ``replacing`` None the stored ledger is replaced whole; else only the families it names are
    (``families`` gives their new rows, and none for a family whose reports are all gone). The sources
    are replaced whole. The records are read once, as they come, and written a chunk at a time: a
    generator of them is never held whole (the ledger of a large store is larger than its objects)."""
    with store.engine.begin() as connection:
        if store.dialect == "postgresql":
            # Two writers refreshing at once would each delete, then insert the same keys; PostgreSQL
            # has them take turns (SQLite already has one writer at a time). Readers are not blocked.
            connection.execute(text("LOCK TABLE ledger IN EXCLUSIVE MODE"))
        _delete_families(connection, replacing)
        connection.execute(delete(schema.ledger_sources))
        connection.execute(delete(schema.ledger))
        _insert_families(connection, families)
        _insert(connection, schema.ledger_sources, (_source_row(s) for s in sources))
        connection.execute(
            insert(schema.ledger).values(
                id=1,
                crosscheck=stamp.crosscheck,
                documents=stamp.documents,
                computed_at=datetime.now(UTC),
                variables=_count(connection, schema.ledger_variables),
                findings=_count(connection, schema.ledger_findings),
            )
        )


def _delete_families(connection: Any, families: Collection[str] | None) -> None:
    variables, values, findings = schema.ledger_variables, schema.ledger_values, schema.ledger_findings
    if families is None:
        for table in (values, variables, findings):
            connection.execute(delete(table))
        return
    for chunk in _chunks(sorted(families)):
        ids = select(variables.c.id).where(variables.c.family.in_(chunk))
        connection.execute(delete(values).where(values.c.variable.in_(ids)))
        connection.execute(delete(variables).where(variables.c.family.in_(chunk)))
        connection.execute(delete(findings).where(findings.c.family.in_(chunk)))


def _insert_families(connection: Any, families: Iterable[FamilyRecords]) -> None:
    """Each family's variables with their values, and its findings, a chunk at a time."""
    table = schema.ledger_findings
    position = connection.execute(select(func.coalesce(func.max(table.c.position), -1))).scalar_one() + 1
    variable_rows, value_rows, finding_rows = list[Record](), list[Record](), list[Record]()
    for family in families:
        for variable in family.variables:
            variable_rows.append(_variable_row(family.family, variable))
            value_rows.extend(_value_rows(variable))
        for rank, finding in enumerate(family.findings):
            finding_rows.append(_finding_row(family.family, rank, position, finding))
            position += 1
        if max(len(variable_rows), len(value_rows), len(finding_rows)) >= _CHUNK:
            _flush(connection, variable_rows, value_rows, finding_rows)
            variable_rows, value_rows, finding_rows = [], [], []
    _flush(connection, variable_rows, value_rows, finding_rows)


def _flush(connection: Any, variables: list[Record], values: list[Record], findings: list[Record]) -> None:
    _insert(connection, schema.ledger_variables, variables)
    _insert(connection, schema.ledger_values, values)
    _insert(connection, schema.ledger_findings, findings)


def _count(connection: Any, table: Any) -> int:
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def ledger_counts(store: Store) -> tuple[int, int]:
    """How many variables and findings the stored ledger holds (0, 0 before the first refresh)."""
    with store.engine.connect() as connection:
        row = connection.execute(select(schema.ledger.c.variables, schema.ledger.c.findings)).first()
    return (row.variables, row.findings) if row else (0, 0)


def read_variables(store: Store) -> list[Record]:
    """The variables as SPEC JSON, most reported first."""
    table = schema.ledger_variables
    return _read_data(store, select(table.c.data).order_by(table.c.value_count.desc(), table.c.id))


def read_findings(store: Store) -> list[Record]:
    """The findings as SPEC JSON, family by family, in the order the cross-check gave them within each."""
    table = schema.ledger_findings
    return _read_data(store, select(table.c.data).order_by(table.c.family, table.c.rank))


def read_sources(store: Store) -> list[Record]:
    table = schema.ledger_sources
    with store.engine.connect() as connection:
        rows = connection.execute(select(table).order_by(table.c.claims.desc(), table.c.key)).mappings()
        return [
            {
                "source": row["key"],
                "name": row["name"],
                "kind": row["kind"],
                "names": json.loads(row["names"]),
                "relays": json.loads(row["relays"]),
                "party_to_fighting": row["party_to_fighting"],
                "claims": row["claims"],
            }
            for row in rows
        ]


def _read_data(store: Store, query: Any) -> list[Record]:
    with store.engine.connect() as connection:
        return [json.loads(data) for data in connection.execute(query).scalars()]


def _insert(connection: Any, table: Any, rows: Iterable[Record]) -> int:
    """Insert the rows a chunk at a time; how many there were."""
    count = 0
    iterator = iter(rows)
    while chunk := list(islice(iterator, _CHUNK)):  # itertools.batched, which Python 3.11 lacks
        connection.execute(insert(table), chunk)
        count += len(chunk)
    return count


def _finite(value: Any) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isinf(value)) else float(value)


def _variable_row(family: str, variable: Record) -> Record:
    values = variable.get("values") or []
    return {
        "id": variable["id"],
        "family": family,
        "subject": variable["subject"],
        "measure": variable["measure"],
        "location": variable.get("location"),
        "unit": variable.get("unit"),
        "modality": variable["modality"],
        "subject_name": variable.get("subject_name"),
        "location_name": variable.get("location_name"),
        "low": _finite(variable.get("low")),
        "best": _finite(variable.get("best")),
        "high": _finite(variable.get("high")),
        "value_count": len(values),
        "independent_sources": max((v.get("independent_sources", 0) for v in values), default=0),
        "grades": ", ".join(dict.fromkeys(str(v.get("grade")) for v in values)),
        "data": json.dumps(variable, ensure_ascii=False),
    }


def _value_rows(variable: Record) -> list[Record]:
    return [
        {
            "variable": variable["id"],
            "position": position,
            "value": float(value["value"]),
            "low": _finite(value.get("low")),
            "high": _finite(value.get("high")),
            "qualifier": value["qualifier"],
            "as_of": value.get("as_of"),
            "independent_sources": value["independent_sources"],
            "grade": value["grade"],
            "interested_party": bool(value.get("interested_party")),
            "sources": json.dumps(value.get("sources") or [], ensure_ascii=False),
            "figures": json.dumps(value.get("figures") or []),
        }
        for position, value in enumerate(variable.get("values") or [])
    ]


def _finding_row(family: str, rank: int, position: int, finding: Record) -> Record:
    return {
        "position": position,
        "family": family,
        "rank": rank,
        "kind": finding["kind"],
        "variable": finding.get("variable_id") or "|".join(str(v or "") for v in finding["variable"].values()),
        "independent_sources": finding["independent_sources"],
        "explanation": finding["explanation"],
        "sources": json.dumps(finding.get("sources") or [], ensure_ascii=False),
        "figures": json.dumps(finding.get("figures") or []),
        "data": json.dumps(finding, ensure_ascii=False),
    }


def _source_row(source: Record) -> Record:
    return {
        "key": source["source"],
        "name": source["name"],
        "kind": source["kind"],
        "names": json.dumps(source.get("names") or [], ensure_ascii=False),
        "relays": json.dumps(source.get("relays") or [], ensure_ascii=False),
        "party_to_fighting": source.get("party_to_fighting"),
        "claims": source.get("claims", 0),
    }

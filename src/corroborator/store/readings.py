"""What the cross-check read of each current document, kept so that a refresh reads again only what changed.

The store keeps JSON and keys only (what notes and reports are, ``crosscheck``
says; ``pipeline.ledger`` converts). A reading is keyed on the clean text
(``doc_id``), valid for the stored row it was read from (its id and its last
extraction) and one cross-check version; rows of another version are dropped
the next time readings are listed. Its ``signature`` digests what the corpus
lent the reading of its reports (speaker keys and copy cluster): null until
its reports are kept.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, select, update

from .database import Store
from .rows import dumps
from .schema import documents, ledger_documents, ledger_reports
from .sql import bulk_insert

Record = dict[str, Any]

#: Rows read or written per statement.
_PAGE = 500


@dataclass(frozen=True, slots=True)
class StoredRow:
    """A stored document row as a reading knows it: which row, and when it was last extracted."""

    document_id: int
    extracted: datetime


@dataclass(frozen=True, slots=True)
class KeptReading:
    read_from: StoredRow
    signature: str | None


@dataclass(frozen=True, slots=True)
class KeptReport:
    family: str
    speaker: str
    data: dict[str, Any]


def current_rows(store: Store) -> dict[str, StoredRow]:
    """Each current clean text's row: the first stored, where two inputs gave the same text."""
    first = (
        select(documents.c.doc_id, func.min(documents.c.id).label("id"))
        .where(documents.c.current)
        .group_by(documents.c.doc_id)
        .subquery()
    )
    query = select(first.c.doc_id, documents.c.id, documents.c.updated_at).join(documents, documents.c.id == first.c.id)
    with store.engine.connect() as connection:
        return {doc_id: StoredRow(row_id, _utc(extracted)) for doc_id, row_id, extracted in connection.execute(query)}


def kept_readings(store: Store, version: str) -> dict[str, KeptReading]:
    """The readings kept for this cross-check version (those of another are dropped first)."""
    table = ledger_documents
    with store.engine.begin() as connection:
        connection.execute(delete(table).where(table.c.version != version))
        rows = connection.execute(select(table.c.doc_id, table.c.document_id, table.c.extracted, table.c.signature))
        return {
            doc_id: KeptReading(StoredRow(row_id, _utc(extracted)), signature)
            for doc_id, row_id, extracted, signature in rows
        }


def forget_readings(store: Store, doc_ids: Collection[str]) -> set[str]:
    """Drop these documents' readings; the families their reports were in."""
    families: set[str] = set()
    with store.engine.begin() as connection:
        for chunk in _chunks(sorted(doc_ids)):
            families |= _drop_reports(connection, chunk)
            connection.execute(delete(ledger_documents).where(ledger_documents.c.doc_id.in_(chunk)))
    return families


def _drop_reports(connection: Connection, doc_ids: list[str]) -> set[str]:
    """Delete these documents' reports; the families they were in."""
    table = ledger_reports
    families = set(connection.execute(select(table.c.family).where(table.c.doc_id.in_(doc_ids)).distinct()).scalars())
    connection.execute(delete(table).where(table.c.doc_id.in_(doc_ids)))
    return families


def keep_notes(store: Store, version: str, notes: Iterable[tuple[str, StoredRow, dict[str, Any]]]) -> None:
    """Keep new documents' notes (doc_id, the row read, the notes' JSON), their reports not read yet."""
    rows = [
        {
            "doc_id": doc_id,
            "document_id": row.document_id,
            "extracted": row.extracted,
            "version": version,
            "notes": dumps(note),
            "signature": None,
        }
        for doc_id, row, note in notes
    ]
    if rows:
        with store.engine.begin() as connection:
            bulk_insert(connection, ledger_documents, rows)


def iter_notes(store: Store) -> Iterator[tuple[str, Record, str | None]]:
    """Every kept reading's doc_id, notes and signature, a page at a time, in the order the documents were
    stored (the order an in-memory cross-check reads them in, so that the first name an entity is given is
    the same either way)."""
    table = ledger_documents
    last = -1
    with store.engine.connect() as connection:
        while True:
            query = (
                select(table.c.document_id, table.c.doc_id, table.c.notes, table.c.signature)
                .where(table.c.document_id > last)
                .order_by(table.c.document_id)
                .limit(_PAGE)
            )
            page = connection.execute(query).all()
            connection.rollback()  # end the read transaction between pages
            if not page:
                return
            for _, doc_id, notes, signature in page:
                yield doc_id, json.loads(notes), signature
            last = page[-1][0]


def keep_reports(store: Store, readings: Iterable[tuple[str, str, list[KeptReport]]]) -> set[str]:
    """Replace documents' reports (doc_id, the signature they were read with, the reports), in one
    transaction; the families of the reports replaced and of the new ones."""
    readings = list(readings)
    if not readings:
        return set()
    families = {report.family for _, _, reports in readings for report in reports}
    doc_ids = [doc_id for doc_id, _, _ in readings]
    with store.engine.begin() as connection:
        families |= _drop_reports(connection, doc_ids)
        rows = [
            {"doc_id": doc_id, "position": position, "family": r.family, "speaker": r.speaker, "data": dumps(r.data)}
            for doc_id, _, reports in readings
            for position, r in enumerate(reports)
        ]
        if rows:
            bulk_insert(connection, ledger_reports, rows)
        signed = update(ledger_documents).where(ledger_documents.c.doc_id == bindparam("read"))
        connection.execute(
            signed.values(signature=bindparam("signed")),
            [{"read": doc_id, "signed": signature} for doc_id, signature, _ in readings],
        )
    return families


def family_reports(store: Store, families: Collection[str] | None = None) -> Iterator[tuple[str, list[Record]]]:
    """Each family's reports (every family, or these), one family at a time, in family order."""
    table = ledger_reports
    chosen = sorted(families) if families is not None else None
    with store.engine.connect() as connection:
        if chosen is None:
            query = select(table.c.family, table.c.data).order_by(table.c.family, table.c.doc_id, table.c.position)
            yield from _grouped(connection.execution_options(yield_per=_PAGE).execute(query))
            return
        for chunk in _chunks(chosen):
            query = (
                select(table.c.family, table.c.data)
                .where(table.c.family.in_(chunk))
                .order_by(table.c.family, table.c.doc_id, table.c.position)
            )
            yield from _grouped(connection.execute(query))


def statement_reports(store: Store, doc_id: str, speaker: str) -> list[Record]:
    """One document's reports of one speaker, in every family."""
    table = ledger_reports
    query = select(table.c.data).where(table.c.doc_id == doc_id, table.c.speaker == speaker).order_by(table.c.position)
    with store.engine.connect() as connection:
        return [json.loads(data) for data in connection.execute(query).scalars()]


def _grouped(rows: Iterable[Any]) -> Iterator[tuple[str, list[Record]]]:
    family, members = "", list[Record]()
    for name, data in rows:
        if name != family and members:
            yield family, members
            members = []
        family = name
        members.append(json.loads(data))
    if members:
        yield family, members


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _PAGE):
        yield items[start : start + _PAGE]


def _utc(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes: a kept moment and a stored one compare in UTC either way."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)

"""The copy detector's cache: each document text's fingerprint, its LSH band keys and its confirmed copies.

The store keeps bytes and numbers only (what a fingerprint is, ``crosscheck.copies``
says); ``pipeline.ledger`` converts. Rows are keyed on the clean text's id and
stamped with the detector's version: rows of another version are dropped the
next time the cache is read, so a changed detector starts again from nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import BigInteger, Select, bindparam, delete, select

from .database import Store
from .schema import copy_bands, copy_fingerprints, copy_pairs
from .sql import insert


@dataclass(frozen=True, slots=True)
class StoredFingerprint:
    doc_id: str
    shingles: bytes
    sentences: bytes
    bands: tuple[int, ...] = ()
    copy_of: tuple[str, ...] = ()


def fingerprinted(store: Store, version: str) -> set[str]:
    """The doc_ids with a fingerprint of this version (those of another version are dropped first)."""
    with store.engine.begin() as connection:
        stale = select(copy_fingerprints.c.doc_id).where(copy_fingerprints.c.version != version)
        for table in (copy_bands, copy_pairs):
            connection.execute(delete(table).where(table.c.doc_id.in_(stale)))
        connection.execute(delete(copy_fingerprints).where(copy_fingerprints.c.version != version))
        return set(connection.execute(select(copy_fingerprints.c.doc_id)).scalars())


def sharing_bands(store: Store, bands: Sequence[int]) -> list[StoredFingerprint]:
    """The stored fingerprints that have at least one of these band keys (the LSH candidates)."""
    if not bands:
        return []
    parameters = {f"band{i}": band for i, band in enumerate(bands)}
    with store.engine.connect() as connection:
        rows = connection.execute(_sharing_query(len(bands)), parameters)
        return [StoredFingerprint(doc_id, shingles, sentences) for doc_id, shingles, sentences in rows]


@lru_cache(maxsize=8)
def _sharing_query(bands: int) -> Select[str, bytes, bytes]:
    """One statement per number of bands (a fingerprint always has the same number), so that SQLAlchemy
    compiles it once: an expanding IN would be compiled again for every document."""
    keys = [bindparam(f"band{i}", type_=BigInteger) for i in range(bands)]
    matching = select(copy_bands.c.doc_id).where(copy_bands.c.band.in_(keys)).distinct()
    columns = (copy_fingerprints.c.doc_id, copy_fingerprints.c.shingles, copy_fingerprints.c.sentences)
    return select(*columns).where(copy_fingerprints.c.doc_id.in_(matching)).order_by(copy_fingerprints.c.doc_id)


def write_fingerprints(store: Store, version: str, prints: Iterable[StoredFingerprint]) -> None:
    """Keep new fingerprints with their bands and copies, in one transaction; one already kept is left as is
    (another process may have fingerprinted the same text meanwhile)."""
    prints = list(prints)
    if not prints:
        return
    with store.engine.begin() as connection:
        for chunk in _chunks(prints, 500):
            rows = [
                {"doc_id": p.doc_id, "version": version, "shingles": p.shingles, "sentences": p.sentences}
                for p in chunk
            ]
            bands = [{"band": band, "doc_id": p.doc_id} for p in chunk for band in set(p.bands)]
            pairs = [{"doc_id": p.doc_id, "copy_of": other} for p in chunk for other in set(p.copy_of)]
            connection.execute(insert(connection, copy_fingerprints).on_conflict_do_nothing(), rows)
            if bands:
                connection.execute(insert(connection, copy_bands).on_conflict_do_nothing(), bands)
            if pairs:
                connection.execute(insert(connection, copy_pairs).on_conflict_do_nothing(), pairs)


def stored_copies(store: Store) -> list[tuple[str, str]]:
    """Every confirmed pair: (the later document, the one it copies)."""
    with store.engine.connect() as connection:
        return [(a, b) for a, b in connection.execute(select(copy_pairs.c.doc_id, copy_pairs.c.copy_of))]


def _chunks(items: list[StoredFingerprint], size: int) -> Iterable[list[StoredFingerprint]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]

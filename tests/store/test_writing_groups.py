"""Documents written a group at a time (``store/batch.py``) land as if written one by one; on both engines."""

from __future__ import annotations

from sqlalchemy import select

from corroborator.clean import clean
from corroborator.extract import annotate
from corroborator.records import Document, RawDocument
from corroborator.store import Run, Status, Store, iter_documents
from corroborator.store.batch import ToStore
from corroborator.store.identity import raw_hash
from corroborator.store.schema import documents

# Our own sentences: a claim, a source that recurs, figures and places in each.
TEXTS = (
    "The regional governor said that {n} drones were shot down near the river port overnight.",
    "Rescuers said {n} people were pulled from the rubble of a school in the northern district.",
    "According to the border guard, {n} families crossed at the checkpoint on Sunday.",
)


def _items(nlp, texts: list[tuple[str, str]]) -> list[ToStore]:
    """(key, text) pairs as the writing thread receives them: raw, hashed, cleaned and extracted."""
    raws = [
        RawDocument(source="channel.json", key=key, data=body.encode(), media_type="text/plain") for key, body in texts
    ]
    extracted: list[Document] = list(annotate([clean(raw) for raw in raws], nlp))
    return [(raw, raw_hash(raw), "channel.json", None, document) for raw, document in zip(raws, extracted, strict=True)]


def _messages(count: int, offset: int = 0) -> list[tuple[str, str]]:
    return [(f"channel.json#{n}", TEXTS[n % len(TEXTS)].format(n=n + offset + 3)) for n in range(count)]


def _stored(store: Store) -> list[dict]:
    return [document.to_dict() for document in iter_documents(store)]


def _versions(store: Store) -> list[tuple[str, int, bool]]:
    query = select(documents.c.input, documents.c.version, documents.c.current).order_by(documents.c.id)
    with store.engine.connect() as connection:
        return [(row.input, row.version, bool(row.current)) for row in connection.execute(query)]


def test_a_group_stores_each_document_as_extracted(store, nlp):
    items = _items(nlp, _messages(9))
    with Run(store, "ingest", "x", []) as run:
        assert run.store_documents(items) == [Status.ADDED] * 9
    extracted = [document for *_, document in items]
    assert _stored(store) == [document.to_dict() for document in extracted]
    counts = store.counts()
    claims, figures = sum(len(d.claims) for d in extracted), sum(len(d.figures) for d in extracted)
    assert claims and figures
    assert (counts["documents"], counts["raw"], counts["blobs"]) == (9, 9, 9)
    assert (counts["claims"], counts["figures"]) == (claims, figures)
    assert counts["entities"] == sum(len(d.entities) for d in extracted)
    assert counts["search"] == 9 + claims + figures


def test_a_key_twice_in_one_group_is_two_versions(store, nlp):
    first, second = _items(nlp, [("channel.json#7", TEXTS[0].format(n=5)), ("channel.json#7", TEXTS[0].format(n=6))])
    others = _items(nlp, _messages(3))
    with Run(store, "ingest", "x", []) as run:
        statuses = run.store_documents([others[0], first, others[1], second, others[2]])
    assert statuses == [Status.ADDED] * 5
    assert ("channel.json#7", 1, False) in _versions(store) and ("channel.json#7", 2, True) in _versions(store)
    assert [d["input"] for d in _stored(store)] == [
        "channel.json#0",
        "channel.json#1",
        "channel.json#7",
        "channel.json#2",
    ]


def test_a_group_mixes_new_versions_re_extractions_and_unchanged_documents(store, nlp):
    old = _items(nlp, _messages(4))
    with Run(store, "ingest", "old", []) as run:
        run.store_documents(old)
    newer = _items(nlp, _messages(1, offset=50))  # new content under the key channel.json#0
    with Run(store, "ingest", "old", []) as run:
        assert run.store_documents(newer) == [Status.ADDED]
    fresh = _items(nlp, [("channel.json#9", TEXTS[1].format(n=77))])
    # Under a new extractor: #0's first version comes back (re-extracted in place and current again),
    # #1 and #2 are re-extracted in place, and #9 is new.
    with Run(store, "reprocess", "new", []) as run:
        statuses = run.store_documents([old[0], old[1], old[2], fresh[0]])
        assert statuses == [Status.UPDATED, Status.UPDATED, Status.UPDATED, Status.ADDED]
        assert run.summary.updated == 3 and run.summary.added == 1
    # ... and under the same extractor again, nothing changes.
    with Run(store, "reprocess", "new", []) as run:
        assert run.store_documents([old[0], old[1], fresh[0]]) == [Status.UNCHANGED] * 3
    assert _versions(store) == [
        ("channel.json#0", 1, True),
        ("channel.json#1", 1, True),
        ("channel.json#2", 1, True),
        ("channel.json#3", 1, True),
        ("channel.json#0", 2, False),
        ("channel.json#9", 1, True),
    ]
    expected = [item[4].to_dict() for item in (*old, fresh[0])]
    assert _stored(store) == expected  # re-extracted in place: one set of child rows each, not two


def test_an_older_version_in_a_group_is_made_current_again(store, nlp):
    first = _items(nlp, _messages(2))
    second = _items(nlp, _messages(2, offset=20))
    with Run(store, "ingest", "x", []) as run:
        run.store_documents(first)
        run.store_documents(second)
        assert run.store_documents(first) == [Status.UNCHANGED, Status.UNCHANGED]
    assert [(key, version) for key, version, current in _versions(store) if current] == [
        ("channel.json#0", 1),
        ("channel.json#1", 1),
    ]

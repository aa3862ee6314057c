"""Ingest and reprocess: idempotent, incremental, versioned, nothing lost; on both engines."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import Row, select, text

from corroborator.errors import SkipReason
from corroborator.pipeline import InputDone, Stored
from corroborator.pipeline import storing as storing_module
from corroborator.pipeline.storing import ingest, reprocess
from corroborator.settings import Settings
from corroborator.store import Status, Store, extractor_version, iter_documents
from corroborator.store import rows as rows_module
from corroborator.store.schema import documents, inputs, runs, skipped

PAGE_V1 = "Kyiv says 40 drones downed\n\nThe air force said on Tuesday that 40 of 52 drones were shot down overnight.\n"
PAGE_V2 = (
    "Kyiv says 45 drones downed\n\nThe air force said on Wednesday that 45 of 60 drones were shot down overnight.\n"
)


def _feed(items: dict[str, str]) -> str:
    entries = "".join(
        f"<item><guid>{guid}</guid><title>Item {guid}</title>"
        f"<description><![CDATA[<p>{body}</p><p>{body}</p>]]></description></item>"
        for guid, body in items.items()
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}</channel></rss>'


FEED_ITEMS = {
    "a": "Officials said on Monday that 12 people were wounded when a missile hit the market.",
    "b": "The governor said that 300 residents had been evacuated from the border villages.",
    "c": "The general staff said its forces had repelled 14 attacks near the town overnight.",
}


def _rows(store: Store, query) -> list[Row[Any]]:
    with store.engine.connect() as connection:
        return list(connection.execute(query).all())


def test_ingesting_twice_stores_everything_once(store, corpus, nlp, data_counts):
    first = ingest(store, corpus, nlp=nlp)
    assert (first.added, first.inputs, first.inputs_unchanged, first.skipped) == (22, 13, 0, [])
    after_first = data_counts(store)
    assert after_first["documents"] == 22 and after_first["raw"] == 22

    second = ingest(store, corpus, nlp=nlp)
    assert (second.added, second.updated, second.inputs_unchanged) == (0, 0, 13)
    assert data_counts(store) == after_first
    statuses = _rows(store, select(runs.c.status, runs.c.documents_added, runs.c.inputs_unchanged).order_by(runs.c.id))
    assert [tuple(r) for r in statuses] == [("done", 22, 0), ("done", 0, 13)]


def test_the_hash_is_checked_before_any_parsing(store, corpus, nlp, monkeypatch):
    ingest(store, corpus, nlp=nlp)

    def no_parsing(*args, **kwargs):  # pragma: no cover - the failure this test is for
        raise AssertionError("an unchanged input was parsed")

    monkeypatch.setattr(storing_module, "split", no_parsing)
    monkeypatch.setattr(storing_module, "clean", no_parsing)
    summary = ingest(store, corpus, nlp=no_parsing)  # type: ignore[arg-type]  # fails if used as a model
    assert summary.inputs_unchanged == summary.inputs == 13


def test_new_content_under_the_same_key_is_a_new_version(store, nlp, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE_V1)
    ingest(store, [str(page)], nlp=nlp)
    page.write_text(PAGE_V2)
    summary = ingest(store, [str(page)], nlp=nlp)
    assert summary.added == 1
    versions = _rows(store, select(documents.c.version, documents.c.current, documents.c.title).order_by("version"))
    assert [tuple(v) for v in versions] == [
        (1, False, "Kyiv says 40 drones downed"),
        (2, True, "Kyiv says 45 drones downed"),
    ]
    assert [d.metadata.title for d in iter_documents(store)] == ["Kyiv says 45 drones downed"]
    assert len(list(iter_documents(store, all_versions=True))) == 2

    page.write_text(PAGE_V1)  # back to the first content: that version is current again, none is added
    summary = ingest(store, [str(page)], nlp=nlp)
    assert (summary.added, summary.unchanged) == (0, 1)
    versions = _rows(store, select(documents.c.version, documents.c.current).order_by("version"))
    assert [tuple(v) for v in versions] == [(1, True), (2, False)]
    current_inputs = _rows(store, select(inputs.c.current).order_by(inputs.c.id))
    assert [c for (c,) in current_inputs] == [True, False]


def test_a_changed_feed_stores_only_its_changed_item(store, nlp, tmp_path):
    feed = tmp_path / "wire.xml"
    feed.write_text(_feed(FEED_ITEMS))
    assert ingest(store, [str(feed)], nlp=nlp).added == 3
    feed.write_text(_feed(FEED_ITEMS | {"b": "The governor said that 350 residents had been evacuated overnight."}))
    events: list[object] = []
    summary = ingest(store, [str(feed)], nlp=nlp, on_event=events.append)
    assert (summary.added, summary.unchanged, summary.inputs_unchanged) == (1, 2, 0)
    assert Stored(f"{feed}#b", Status.ADDED) in events
    assert events[-1] == InputDone(str(feed), unchanged=False)
    keys = [d.input for d in iter_documents(store)]
    assert sorted(keys) == [f"{feed}#a", f"{feed}#b", f"{feed}#c"]


def test_bad_inputs_are_skipped_with_their_reason_and_the_run_goes_on(store, nlp, tmp_path):
    (tmp_path / "good.txt").write_text(PAGE_V1)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "broken.json").write_text('{"name": "Front", "messages": [{"id": 1, "text": "cut')
    summary = ingest(store, [str(tmp_path), str(tmp_path / "missing.txt")], nlp=nlp)
    assert summary.added == 1
    reasons = {row.input: row.reason for row in _rows(store, select(skipped.c.input, skipped.c.reason))}
    assert reasons == {
        str(tmp_path / "broken.json"): "malformed-json",
        str(tmp_path / "empty.txt"): "empty",
        str(tmp_path / "junk.bin"): "binary",
        str(tmp_path / "missing.txt"): "not-found",
    }
    assert {s.reason for s in summary.skipped} == set(reasons.values())


def test_a_document_the_database_refuses_is_skipped_and_the_others_stored(store, nlp, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(PAGE_V1)
    (tmp_path / "b.txt").write_text(PAGE_V2)
    real = rows_module.child_rows

    def duplicate_lines(document_id, document, source_ids):
        found = real(document_id, document, source_ids)
        if document.input.endswith("a.txt"):
            found.removed_lines = [{"document_id": document_id, "position": 0, "line": 1, "text": "x", "rule": "r"}] * 2
        return found

    monkeypatch.setattr(rows_module, "child_rows", duplicate_lines)
    summary = ingest(store, [str(tmp_path)], nlp=nlp)
    assert summary.added == 1
    assert [(s.input, s.reason) for s in summary.skipped] == [(str(tmp_path / "a.txt"), SkipReason.STORE_FAILED)]
    assert [d.input for d in iter_documents(store)] == [str(tmp_path / "b.txt")]
    assert _rows(store, text("SELECT count(*) FROM raw"))[0][0] == 1  # the refused document left nothing behind


def test_a_new_extractor_re_extracts_in_place(store, nlp, tmp_path, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(PAGE_V1)
    ingest(store, [str(page)], nlp=nlp)
    monkeypatch.setattr(storing_module, "extractor_version", lambda model: "a newer extractor")
    summary = ingest(store, [str(page)], nlp=nlp)
    assert (summary.updated, summary.added) == (1, 0)
    stored = _rows(store, select(documents.c.version, documents.c.extractor))
    assert [tuple(r) for r in stored] == [(1, "a newer extractor")]


def test_reprocess_re_extracts_from_the_stored_bytes_without_refetching(store, nlp, tmp_path, monkeypatch):
    (tmp_path / "page.txt").write_text(PAGE_V1)
    (tmp_path / "wire.xml").write_text(_feed(FEED_ITEMS))
    ingest(store, [str(tmp_path)], nlp=nlp)
    before = [d.to_dict() for d in iter_documents(store)]
    for path in tmp_path.iterdir():
        path.unlink()  # nothing left to read again

    def no_reading(*args, **kwargs):  # pragma: no cover - the failure this test is for
        raise AssertionError("reprocess read an input again")

    monkeypatch.setattr(storing_module, "read_bytes_of", no_reading)
    assert reprocess(store, nlp=no_reading).stored == 0  # type: ignore[arg-type]  # fails if used as a model  # nothing is stale: no model needed

    monkeypatch.setattr(storing_module, "extractor_version", lambda model: "a newer extractor")
    summary = reprocess(store, nlp=nlp)
    assert (summary.updated, summary.added, summary.skipped) == (4, 0, [])
    assert [d.to_dict() for d in iter_documents(store)] == before
    assert {e for (e,) in _rows(store, select(documents.c.extractor))} == {"a newer extractor"}
    assert reprocess(store, nlp=nlp, force=True).updated == 4


def test_reprocess_reaches_documents_no_longer_in_their_feed(store, nlp, tmp_path, monkeypatch):
    feed = tmp_path / "wire.xml"
    feed.write_text(_feed(FEED_ITEMS))
    ingest(store, [str(feed)], nlp=nlp)
    feed.write_text(_feed({"d": "Rescuers said that 9 people were pulled from the rubble on Friday."}))
    ingest(store, [str(feed)], nlp=nlp)
    monkeypatch.setattr(storing_module, "extractor_version", lambda model: "a newer extractor")
    summary = reprocess(store, nlp=nlp)
    assert summary.updated == 4  # d from the current feed, a b c from their raw rows


def test_stored_documents_are_the_documents_extracted(store, corpus, nlp):
    from corroborator.pipeline import process, with_extraction
    from corroborator.records import Document

    ingest(store, corpus, nlp=nlp)
    extracted = [o.to_dict() for o in with_extraction(process(corpus), nlp) if isinstance(o, Document)]
    assert [d.to_dict() for d in iter_documents(store)] == extracted


def test_runs_record_what_they_did(store, nlp, tmp_path):
    (tmp_path / "page.txt").write_text(PAGE_V1)
    summary = ingest(store, [str(tmp_path)], nlp=nlp)
    (run,) = _rows(store, select(runs))
    assert run.id == summary.run_id and run.command == "ingest" and run.status == "done"
    assert json.loads(run.sources) == [str(tmp_path)]
    assert run.extractor == extractor_version(Settings().model)
    assert run.finished_at is not None and run.pid > 0


def test_a_failed_run_is_marked_so(store, nlp, tmp_path, monkeypatch):
    (tmp_path / "page.txt").write_text(PAGE_V1)

    def broken(*args, **kwargs):
        raise RuntimeError("extraction broke")

    monkeypatch.setattr(storing_module, "clean", broken)
    with pytest.raises(RuntimeError):
        ingest(store, [str(tmp_path)], nlp=nlp)
    assert _rows(store, select(runs.c.status)) == [("failed",)]

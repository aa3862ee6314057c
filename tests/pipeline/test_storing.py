"""Documents side by side are written together (one statement a table); a refused one is skipped alone."""

from __future__ import annotations

import threading

from sqlalchemy import text

from corroborator.clean import clean
from corroborator.extract import annotate, load_pipeline
from corroborator.pipeline.background import InOrder
from corroborator.records import Document, RawDocument, Skipped
from corroborator.store import Run, Status, Store
from corroborator.store import rows as rows_module
from corroborator.store.identity import raw_hash


def _items(count: int) -> list[tuple[RawDocument, str, str, int | None, Document]]:
    raws = [
        RawDocument(
            source="channel.json",
            key=f"channel.json#{n}",
            data=f"The mayor said {n + 3} shells hit the market on the east bank.".encode(),
            media_type="text/plain",
        )
        for n in range(count)
    ]
    documents = list(annotate([clean(r) for r in raws], load_pipeline()))
    return [(r, raw_hash(r), "channel.json", None, d) for r, d in zip(raws, documents, strict=True)]


def test_a_group_is_stored_and_a_refused_document_is_skipped_alone(tmp_path, monkeypatch):
    real = rows_module.child_rows

    def refuse_the_third(document_id, document, source_ids):
        found = real(document_id, document, source_ids)
        if document.input.endswith("#2"):  # the same removed line twice: the database refuses it
            found.removed_lines = [{"document_id": document_id, "position": 0, "line": 1, "text": "x", "rule": "r"}] * 2
        return found

    monkeypatch.setattr(rows_module, "child_rows", refuse_the_third)
    items = _items(5)
    with Store.open(f"sqlite:///{tmp_path / 'store.db'}") as store, Run(store, "ingest", "test", []) as run:
        results = run.store_documents(items)
        assert [r if isinstance(r, Status) else r.reason for r in results] == [
            Status.ADDED,
            Status.ADDED,
            "store-failed",
            Status.ADDED,
            Status.ADDED,
        ]
        assert isinstance(results[2], Skipped) and results[2].input == "channel.json#2"
        assert run.summary.added == 4 and len(run.summary.skipped) == 1
        with store.engine.connect() as connection:
            keys = connection.execute(text("SELECT input FROM documents ORDER BY id")).scalars().all()
            raw_rows = connection.execute(text("SELECT count(*) FROM raw")).scalar()
        assert keys == [f"channel.json#{n}" for n in (0, 1, 3, 4)]
        assert raw_rows == 4  # the refused document left nothing behind


def test_the_writer_thread_takes_what_waits_in_order_and_in_bounded_groups():
    applied: list[list[int]] = []
    gate = threading.Event()

    def apply(steps: list[int]) -> None:
        gate.wait(5)  # the first group waits, so that the next steps queue up behind it
        applied.append(steps)

    with InOrder(apply, size=100, group=8) as worker:
        for n in range(40):
            worker.put(n)
        gate.set()
    assert [n for group in applied for n in group] == list(range(40))
    assert all(1 <= len(group) <= 8 for group in applied)
    assert any(len(group) > 1 for group in applied)


def test_steps_handed_over_together_reach_the_thread_together():
    applied: list[list[int]] = []
    gate = threading.Event()

    def apply(steps: list[int]) -> None:
        gate.wait(5)
        applied.append(steps)

    with InOrder(apply, size=10, group=8) as worker:
        for start in range(0, 30, 5):
            worker.put_all(range(start, start + 5))
        gate.set()
    assert [n for group in applied for n in group] == list(range(30))
    # An entry is never split, and entries are added while the group has fewer than 8 steps.
    assert all(len(group) % 5 == 0 and len(group) <= 10 for group in applied)
    assert any(len(group) == 10 for group in applied)

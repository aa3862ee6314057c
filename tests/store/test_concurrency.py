"""Nothing lost: a writer killed with SIGKILL mid-run, and two writers at once, as real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import func, select, text

from corroborator.pipeline.storing import ingest
from corroborator.store import Store
from corroborator.store.schema import documents, inputs, runs, search

#: Documents stored before the writer is killed: past its start, well before its end.
KILL_AFTER = 5


def _ingest_process(db_url: str, *sources: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "corroborator", "ingest", *sources, "--db", db_url, "--quiet"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _stored(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(documents)).scalar_one()


def _assert_consistent(store: Store) -> None:
    """Whole documents only: each with its search rows, its raw bytes and its blobs; no broken references."""
    with store.engine.connect() as connection:
        if store.dialect == "sqlite":
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        checks = {
            "documents without their search row": """
                SELECT count(*) FROM documents d
                WHERE NOT EXISTS (SELECT 1 FROM search s WHERE s.document_id = d.id AND s.kind = 'document')""",
            "claims without their search row": """
                SELECT count(*) FROM claims c WHERE NOT EXISTS (
                    SELECT 1 FROM search s WHERE s.document_id = c.document_id AND s.kind = 'claim' AND s.item = c.claim)""",
            "raw rows without their bytes": """
                SELECT count(*) FROM raw r WHERE NOT EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = r.data_sha256)""",
            "inputs with two current versions": """
                SELECT count(*) FROM (SELECT source FROM inputs WHERE current GROUP BY source HAVING count(*) > 1) t""",
            "documents with two current versions": """
                SELECT count(*) FROM (SELECT input FROM documents WHERE current GROUP BY input HAVING count(*) > 1) t""",
        }
        for what, query in checks.items():
            assert connection.execute(text(query)).scalar() == 0, what


def test_a_writer_killed_mid_run_leaves_whole_documents_and_a_rerun_completes(
    db_url, generated_corpus, generated_counts, nlp, data_counts
):
    child = _ingest_process(db_url, str(generated_corpus))
    with Store.open(db_url) as store:
        deadline = time.monotonic() + 120
        while _stored(store) < KILL_AFTER and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(child.pid, signal.SIGKILL)
        child.communicate()
        killed_at = _stored(store)
        assert KILL_AFTER <= killed_at < generated_counts["documents"], "the writer was not killed mid-run"
        _assert_consistent(store)
        with store.engine.connect() as connection:
            assert connection.execute(select(runs.c.status)).scalars().all() == ["running"]  # it never finished

        summary = ingest(store, [str(generated_corpus)], nlp=nlp)
        assert summary.added == generated_counts["documents"] - killed_at
        assert summary.unchanged + summary.inputs_unchanged == killed_at  # each text file is one document
        _assert_consistent(store)
        assert data_counts(store) == generated_counts
        with store.engine.connect() as connection:
            assert (
                connection.execute(select(func.count()).select_from(inputs).where(inputs.c.current)).scalar()
                == (generated_counts["inputs"])
            )
            assert connection.execute(select(func.count()).select_from(search)).scalar() == generated_counts["search"]


def test_two_writers_at_once_store_everything_once(db_url, generated_corpus, generated_counts, data_counts):
    writers = [_ingest_process(db_url, str(generated_corpus)) for _ in range(2)]
    errors = [writer.communicate(timeout=300)[1].decode() for writer in writers]  # both finish before any assert
    for writer, err in zip(writers, errors, strict=True):
        assert writer.returncode == 0, err
        assert err.strip() == "", err
    with Store.open(db_url) as store:
        _assert_consistent(store)
        assert data_counts(store) == generated_counts
        with store.engine.connect() as connection:
            done = connection.execute(select(runs.c.status, runs.c.documents_added, runs.c.documents_unchanged)).all()
        assert [status for status, _, _ in done] == ["done", "done"]
        assert sum(added for _, added, _ in done) == generated_counts["documents"], done

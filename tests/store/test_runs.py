"""How runs end: Ctrl-C and SIGTERM keep what is stored and say so; a run whose process died is marked at the next start."""

from __future__ import annotations

import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from corroborator.store import Run, Store
from corroborator.store.runs import ABANDONED, mark_abandoned, newest_run_id, own_run_since
from corroborator.store.schema import runs

PLACES = ("Ostrava", "Lindgrove", "Harbor Point", "Marren", "Kestelby", "Dunmoor")
#: Enough short reports that a run is still going when its first documents are stored.
REPORTS = 800


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of short reports written for these tests, each its own document."""
    folder = tmp_path_factory.mktemp("reports")
    for number in range(REPORTS):
        place = random.Random(number).choice(PLACES)
        (folder / f"report-{number:04d}.txt").write_text(
            f"Bulletin {number} from {place}\n\nLocal officials in {place} said on day {number} that "
            f"{number % 40 + 2} residents were moved to shelters after the storm, and the mayor said "
            f"repairs would take {number % 9 + 2} weeks.\n",
            encoding="utf-8",
        )
    return folder


def _row(store: Store, run_id: int) -> dict:
    with store.engine.connect() as connection:
        return dict(connection.execute(select(runs).where(runs.c.id == run_id)).mappings().one())


def _running_row(store: Store, pid: int, host: str | None = None) -> int:
    """A run recorded as running by process ``pid`` (on this host unless said), as a process leaves it when killed."""
    with store.engine.begin() as connection:
        return int(
            connection.execute(
                runs.insert()
                .values(
                    command="ingest", extractor="x", status="running", started_at=datetime.now(UTC),
                    host=host or socket.gethostname(), pid=pid,
                )
                .returning(runs.c.id)
            ).scalar_one()
        )  # fmt: skip


def _gone_pid() -> int:
    """The pid of a process that has ended and been reaped."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_run_whose_process_died_is_marked_abandoned_at_the_next_start(store):
    dead = _running_row(store, _gone_pid())
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as alive_child:
        alive = _running_row(store, alive_child.pid)
        elsewhere = _running_row(store, _gone_pid(), host="another-host.example")
        mine = _running_row(store, os.getpid())
        with Run(store, "ingest", "x", []) as run:
            pass
        alive_child.kill()
    assert _row(store, dead)["status"] == ABANDONED
    assert _row(store, alive)["status"] == "running"  # its process still runs
    assert _row(store, elsewhere)["status"] == "running"  # a process on another host cannot be seen
    assert _row(store, mine)["status"] == "running"  # this process's own (another thread's) run
    assert _row(store, run.id)["status"] == "done"


def test_a_zombie_is_a_dead_process(store):
    """A process killed and not yet reaped by its parent still has a pid, but will never finish its run."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    child.kill()
    time.sleep(0.5)  # not waited for: a zombie
    run_id = _running_row(store, child.pid)
    with store.engine.begin() as connection:
        assert mark_abandoned(connection) == [run_id]
    child.wait()


def test_own_run_since_finds_this_process_run_only(store):
    before = newest_run_id(store)
    assert own_run_since(store, before) is None
    _running_row(store, _gone_pid())  # another process's run, after ``before``
    with Run(store, "ingest", "x", []) as run:
        pass
    found = own_run_since(store, before)
    assert found is not None and (found.id, found.status) == (run.id, "done")


# The command line, as a user runs it: a child process, a real SQLite store, a real signal.


def _start_ingest(reports: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "corroborator", "ingest", str(reports), "--db", str(db)]
    return subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_hear_interrupts,
    )


def _hear_interrupts() -> None:
    """A shell that starts the tests in the background ("make test &") ignores SIGINT, and its children inherit
    that (Python then installs no KeyboardInterrupt handler): the child hears Ctrl-C as a terminal would send it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:  # not made yet, or not migrated yet
        return 0


def _wait_for_documents(child: subprocess.Popen[bytes], db: Path, timeout: float = 120) -> int:
    """Wait until the child has stored its first documents; fail if it ends first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if stored := _stored(db):
            return stored
        assert child.poll() is None, child.communicate()[1].decode()
        time.sleep(0.05)
    child.kill()
    raise AssertionError("no document stored in time")


def _runs(db: Path) -> list[tuple[int, str, int, int]]:
    with sqlite3.connect(db) as connection:
        query = "SELECT id, status, documents_added, inputs_unchanged FROM runs ORDER BY id"
        return [tuple(row) for row in connection.execute(query)]


@pytest.mark.parametrize(("sent", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_ends_ingest_with_one_line_saying_what_was_kept_and_how_to_go_on(reports, tmp_path, sent, code):
    db = tmp_path / "news.db"
    child = _start_ingest(reports, db)
    _wait_for_documents(child, db)
    child.send_signal(sent)
    _, stderr = child.communicate(timeout=120)
    lines = stderr.decode().splitlines()
    assert child.returncode == code, lines
    stored = _stored(db)
    assert 0 < stored < REPORTS  # stopped part way
    assert lines == [
        f"interrupted: kept in sqlite:///{db}: {stored} documents added; run the same command again to go on"
        " (inputs already stored are skipped as unchanged)."
    ]
    assert _runs(db) == [(1, "interrupted", stored, 0)]
    if sent == signal.SIGTERM:  # and the same command goes on from there
        again = subprocess.run(child.args, capture_output=True, timeout=300)
        assert again.returncode == 0, again.stderr.decode()
        assert _stored(db) == REPORTS
        assert _runs(db)[1][:3] == (2, "done", REPORTS - stored)  # nothing kept is stored twice


def test_an_ingest_killed_outright_is_marked_abandoned_by_the_next(reports, tmp_path):
    db = tmp_path / "news.db"
    child = _start_ingest(reports, db)
    _wait_for_documents(child, db)
    child.kill()
    child.communicate(timeout=60)
    assert _runs(db)[0][1] == "running"
    again = subprocess.run(child.args, capture_output=True, timeout=300)
    assert again.returncode == 0, again.stderr.decode()
    assert [status for _, status, *_ in _runs(db)] == [ABANDONED, "done"]
    assert _stored(db) == REPORTS

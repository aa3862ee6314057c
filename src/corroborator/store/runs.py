"""How runs end when their process cannot say so, and what an interrupted run kept.

A run (one ``ingest`` or ``reprocess``, a row of ``runs``) is recorded
``running`` when it starts and ``done``, ``failed`` or ``interrupted``
(Ctrl-C, SIGTERM) when it ends (``writing.Run``). A process killed outright
(``kill -9``, the machine's memory killer, a power cut) leaves its row
``running``; the next run to start on the same host marks it ``abandoned``
(``mark_abandoned``) once its process is gone. Only this host's runs are
looked at: a process elsewhere, writing to the same PostgreSQL store, cannot
be seen from here. A row marked ``abandoned`` keeps the counts it started
with (zero); the documents the run stored are whole and carry its ``run_id``.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, func, select

from .database import Store
from .schema import runs

ABANDONED = "abandoned"


@dataclass(frozen=True, slots=True)
class RunRecord:
    """A run as its row records it."""

    id: int
    command: str
    status: str
    documents_added: int
    documents_updated: int
    inputs_unchanged: int
    skipped: int


def mark_abandoned(connection: Connection) -> list[int]:
    """Mark ``abandoned`` the runs still ``running`` whose process on this host is gone; returns their ids.

    Run inside the transaction that records a new run, so that two runs starting
    at once do not both mark the same row (the update is conditional anyway).
    """
    host, me = socket.gethostname(), os.getpid()
    running = connection.execute(
        select(runs.c.id, runs.c.pid).where(runs.c.status == "running", runs.c.host == host)
    ).all()
    gone = [run_id for run_id, pid in running if pid is not None and pid != me and not _alive(pid)]
    if gone:
        connection.execute(
            runs.update().where(runs.c.id.in_(gone), runs.c.status == "running").values(status=ABANDONED)
        )
    return gone


def newest_run_id(store: Store) -> int:
    """The highest run id so far (0 for none): the runs after it are the ones started since."""
    with store.engine.connect() as connection:
        return int(connection.execute(select(func.coalesce(func.max(runs.c.id), 0))).scalar_one())


def own_run_since(store: Store, after: int) -> RunRecord | None:
    """The latest run this process started after run ``after`` (``newest_run_id``), as recorded; None if none."""
    query = (
        select(runs)
        .where(runs.c.id > after, runs.c.pid == os.getpid(), runs.c.host == socket.gethostname())
        .order_by(runs.c.id.desc())
        .limit(1)
    )
    with store.engine.connect() as connection:
        row = connection.execute(query).mappings().first()
    if row is None:
        return None
    return RunRecord(**{name: row[name] for name in RunRecord.__dataclass_fields__})


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie (a process killed but not yet reaped by its parent)."""
    try:
        os.kill(pid, 0)  # signal 0: the existence check, nothing is sent
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except (OverflowError, ValueError):
        return False  # no such pid on this system
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc (macOS): the process exists
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


__all__ = ["ABANDONED", "RunRecord", "mark_abandoned", "newest_run_id", "own_run_since"]

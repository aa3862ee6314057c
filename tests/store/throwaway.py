"""A throwaway PostgreSQL server, for the store's tests and benchmark (``bench/store.py`` imports it from here).

Debian's server binaries (``make test`` installs the ``postgresql`` package),
driven by pytest-postgresql (a development dependency, imported here only when
a server is started) on a free port in a temporary folder. As root, ``initdb``
and the server refuse to run, so they run as the ``postgres`` system user.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import tempfile
from pathlib import Path
from typing import Any


def find_pg_ctl() -> str | None:
    """Debian's pg_ctl (the newest installed version), or one on PATH, or $CORROBORATOR_PG_CTL."""
    if os.environ.get("CORROBORATOR_PG_CTL"):
        return os.environ["CORROBORATOR_PG_CTL"]
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    return found[-1] if found else shutil.which("pg_ctl")


class PostgresServer:
    """A running throwaway server, and new databases on it."""

    def __init__(self, executor: Any, folder: Path, prefix: str) -> None:
        self.executor = executor
        self.folder = folder
        self.names = (f"{prefix}_{n}" for n in itertools.count())

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.executor.user}@{self.executor.host}:{self.executor.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        executor = self.executor
        with psycopg.connect(
            host=executor.host, port=executor.port, user=executor.user, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(sql)

    def create(self, template: str | None = None) -> str:
        """A new database (a copy of ``template``, or empty); returns its URL."""
        name = next(self.names)
        self.admin(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return self.url(name)

    def drop(self, url: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")

    def stop(self) -> None:
        self.executor.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def start_postgres(pg_ctl: str, prefix: str, options: str = "") -> PostgresServer:
    """Start a server whose databases are named ``<prefix>_N``; ``options`` are postgres's ``-c`` settings."""
    import port_for
    from pytest_postgresql.executors import PostgreSQLExecutor

    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}-pg-"))  # under /tmp: the postgres user must reach it
    folder.chmod(0o755)
    executable = _as_postgres_user(pg_ctl, folder) if os.geteuid() == 0 else pg_ctl
    executor = PostgreSQLExecutor(
        executable=executable,
        host="127.0.0.1",
        port=port_for.select_random(),
        datadir=str(folder / "data"),
        unixsocketdir=str(folder),
        logfile=str(folder / "server.log"),
        startparams="-w",
        dbname=prefix,
        postgres_options=options,
    )
    executor.start()
    return PostgresServer(executor, folder, prefix)


def _as_postgres_user(pg_ctl: str, folder: Path) -> str:
    """A pg_ctl that runs the real one as the ``postgres`` user (root may not run initdb or the server)."""
    wrapper = folder / "pg_ctl"
    wrapper.write_text(f'#!/bin/sh\nexec runuser -u postgres -- "{pg_ctl}" "$@"\n')
    wrapper.chmod(0o755)
    user = pwd.getpwnam("postgres")
    os.chown(folder, user.pw_uid, user.pw_gid)
    return str(wrapper)

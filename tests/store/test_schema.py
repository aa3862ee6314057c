"""One schema on two engines: the migrations build exactly the metadata, and the engines are set up right."""

from __future__ import annotations

import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from corroborator.errors import ConfigError
from corroborator.store import Store, resolve_url
from corroborator.store.migrations import alembic_config, run_downgrade, run_upgrade
from corroborator.store.schema import SCHEMA_REVISION, metadata

VIEWS = {"documents_view", "claims_view", "figures_view", "entities_view", "sources_view", "skipped_view"}
VIEWS |= {"variables_view", "values_view", "findings_view"}


def _schema_differences(connection) -> list:
    def include(obj, name, kind, reflected, compare_to) -> bool:
        # The engines' own full-text parts are made by the migration, not by the metadata.
        if kind == "table" and name.startswith("search_fts"):
            return False
        return name not in ("tsv", "ix_search_tsv")

    context = MigrationContext.configure(connection, opts={"include_object": include, "compare_type": True})
    return compare_metadata(context, metadata)


def test_migrations_build_the_metadata(empty_db_url):
    with Store.open(empty_db_url) as store, store.engine.connect() as connection:
        assert _schema_differences(connection) == []
        assert set(inspect(connection).get_view_names()) >= VIEWS
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_REVISION


def test_schema_revision_is_the_newest_migration():
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_REVISION


def test_downgrade_to_nothing_and_back(empty_db_url):
    with Store.open(empty_db_url) as store, store.engine.connect() as connection:
        run_downgrade(connection, "base")
        left = set(inspect(connection).get_table_names()) - {"alembic_version"}
        assert left == set()
        assert inspect(connection).get_view_names() == []
        run_upgrade(connection)
        assert _schema_differences(connection) == []


def test_every_view_answers(store):
    with store.engine.connect() as connection:
        for view in VIEWS:
            connection.execute(text(f"SELECT * FROM {view}")).all()


def test_many_processes_opening_a_new_database_migrate_it_once(empty_db_url):
    opener = "import sys; from corroborator.store import Store; Store.open(sys.argv[1]).close()"
    children = [
        subprocess.Popen([sys.executable, "-c", opener, empty_db_url], stderr=subprocess.PIPE) for _ in range(4)
    ]
    # Wait for every child before judging any, so that none is left running.
    results = [(child.communicate(timeout=120)[1], child.returncode) for child in children]
    for errors, code in results:
        assert code == 0, errors.decode()
    with Store.open(empty_db_url) as store, store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
        assert _schema_differences(connection) == []


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_and_foreign_keys(tmp_path):
    with Store.open(str(tmp_path / "x.db")) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert (connection.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) >= 10_000
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_urls(monkeypatch, tmp_path):
    monkeypatch.delenv("CORROBORATOR_DB", raising=False)
    assert str(resolve_url(None)) == "sqlite:///corroborator.db"
    assert str(resolve_url("news.db")) == "sqlite:///news.db"
    monkeypatch.setenv("CORROBORATOR_DB", "sqlite:///from-env.db")
    assert str(resolve_url(None)) == "sqlite:///from-env.db"
    assert resolve_url("postgresql://u@h/news").drivername == "postgresql+psycopg"
    assert resolve_url("postgres://u@h/news").drivername == "postgresql+psycopg"
    with pytest.raises(ConfigError, match="unsupported database"):
        resolve_url("mysql://u@h/news")
    with pytest.raises(ConfigError, match="no such folder"):
        Store.open(str(tmp_path / "missing" / "x.db"))
    with pytest.raises(ConfigError, match="no such database"):
        Store.open(str(tmp_path / "absent.db"), create=False)

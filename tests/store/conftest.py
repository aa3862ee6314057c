"""Store fixtures: every store test runs on SQLite and on a real, throwaway PostgreSQL.

The PostgreSQL server is Debian's (``make test`` installs the ``postgresql``
package when its binaries are missing), started once per session by
pytest-postgresql on a free port in a temporary folder, with durability off
(``fsync=off``: a test server loses nothing that matters when it dies). As root,
``initdb`` and the server refuse to run, so they run as the ``postgres`` user.
Each test gets a new database, copied from a migrated template.

Without the binaries, the PostgreSQL half is skipped, unless
``CORROBORATOR_REQUIRE_POSTGRES`` is set (``make test`` sets it): then it fails.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborator.settings import DEFAULT_MODEL
from corroborator.store import Store

sys.path.insert(0, str(Path(__file__).parent))  # the tests import as files (--import-mode=importlib)
from throwaway import PostgresServer, find_pg_ctl, start_postgres

STORE_TABLES = (
    "blobs",
    "inputs",
    "raw",
    "documents",
    "removed_lines",
    "entities",
    "mentions",
    "sources",
    "claims",
    "claim_via",
    "figures",
    "search",
)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    pg_ctl = find_pg_ctl()
    if pg_ctl is None:
        message = "PostgreSQL's server binaries are not installed (make test installs them)"
        if os.environ.get("CORROBORATOR_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)
    # Durability off: a test server loses nothing that matters when it dies.
    options = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
    server = start_postgres(pg_ctl, "test", options)
    try:
        server.admin("CREATE DATABASE store_template")
        with Store.open(server.url("store_template")):
            pass  # migrated once; every test database is a copy
        yield server
    finally:
        server.stop()


ENGINES = ("sqlite", "postgresql")


@pytest.fixture(scope="session", autouse=True)
def pinned_extractor() -> Iterator[str]:
    """One extractor identity for the session, child processes included, while the extraction code is edited."""
    from corroborator.store.identity import EXTRACTOR_ENV, extractor_version

    identity = extractor_version(DEFAULT_MODEL)
    previous = os.environ.get(EXTRACTOR_ENV)
    os.environ[EXTRACTOR_ENV] = identity
    yield identity
    if previous is None:
        del os.environ[EXTRACTOR_ENV]
    else:
        os.environ[EXTRACTOR_ENV] = previous


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "store.db"
    with Store.open(str(path)):
        pass
    return path


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    return request.param


def _new_store_url(engine_name: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if engine_name == "sqlite":
        path = tmp_path_factory.mktemp("db") / "corroborator.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create(template="store_template")


def _drop_store(engine_name: str, request: pytest.FixtureRequest, url: str) -> None:
    if engine_name == "postgresql":
        request.getfixturevalue("postgres_server").drop(url)


@pytest.fixture
def db_url(engine_name: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A new, migrated, empty store on each engine (a SQLite file apart from the test's tmp_path)."""
    url = _new_store_url(engine_name, request, tmp_path_factory)
    yield url
    _drop_store(engine_name, request, url)


@pytest.fixture(scope="session")
def filled_stores(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, corpus, nlp):
    """The seeds and the example corpus, ingested once per engine (on first use), for tests that only read."""
    from corroborator.pipeline.storing import ingest

    opened: dict[str, Store] = {}

    def filled(engine_name: str) -> Store:
        if engine_name not in opened:
            store = Store.open(_new_store_url(engine_name, request, tmp_path_factory))
            ingest(store, corpus, nlp=nlp)
            opened[engine_name] = store
        return opened[engine_name]

    yield filled
    for store in opened.values():
        store.close()


@pytest.fixture
def filled_store(engine_name: str, filled_stores) -> Store:
    return filled_stores(engine_name)


@pytest.fixture
def empty_db_url(
    engine_name: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database with no schema at all, on each engine."""
    if engine_name == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'empty.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create(template=None)
    yield url
    server.drop(url)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def nlp():
    from corroborator.extract import load_pipeline

    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def corpus(seeds: Path, examples: Path) -> list[str]:
    """The sources the issue names: the seeds and the example corpus."""
    return [str(examples), str(seeds)]


def data_counts(store: Store) -> dict[str, int]:
    """Rows in the tables that hold documents (runs and skipped grow with every run, by design)."""
    counts = store.counts()
    return {name: counts[name] for name in STORE_TABLES}


@pytest.fixture(name="data_counts")
def data_counts_fixture():
    return data_counts


PLACES = ("Kharkiv", "Sumy", "Odesa", "Kursk", "Belgorod", "Zaporizhzhia", "Dnipro", "Kherson")
SPEAKERS = ("the air force", "the governor", "the general staff", "the defence ministry", "regional officials")


def write_corpus(folder: Path, count: int) -> Path:
    """``count`` short, distinct news texts, each with a claim and figures, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        place, speaker = PLACES[n % len(PLACES)], SPEAKERS[n % len(SPEAKERS)]
        (folder / f"report-{n:04d}.txt").write_text(
            f"Strikes on {place}, report {n}\n\n"
            f"{speaker.capitalize()} said on Monday that {n + 3} drones were shot down over {place} overnight.\n\n"
            f"According to {speaker}, {n % 17 + 2} people were wounded and about {n * 10 + 40} residents evacuated.\n",
            encoding="utf-8",
        )
    return folder


@pytest.fixture(scope="session")
def generated_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough documents that a run takes a few seconds: time to kill it in the middle."""
    return write_corpus(tmp_path_factory.mktemp("generated") / "reports", 150)


@pytest.fixture(scope="session")
def generated_counts(generated_corpus: Path, sqlite_template: Path, tmp_path_factory, nlp) -> dict[str, int]:
    """Row counts after one uninterrupted ingest of the generated corpus: what any run must end with."""
    from corroborator.pipeline.storing import ingest

    path = tmp_path_factory.mktemp("reference") / "store.db"
    shutil.copy(sqlite_template, path)
    with Store.open(str(path)) as store:
        ingest(store, [str(generated_corpus)], nlp=nlp)
        return data_counts(store)

"""The store's commands: ingest, search, reprocess and export parse, call the library, and print."""

from __future__ import annotations

import importlib
import json
import re
import socket

import pytest

from corroborator.cli import main

PAGE = "Kyiv says 40 drones downed\n\nThe air force said on Tuesday that 40 of 52 drones were shot down over Odesa.\n"


@pytest.fixture
def run(capsys, monkeypatch, nlp):
    """Run ``corroborator ARGS...`` in this process (the model stays loaded); returns (exit code, stdout, stderr)."""
    # By the module: the name ``corroborator.extract`` on the package is the ``extract`` function.
    monkeypatch.setattr(importlib.import_module("corroborator.extract"), "load_pipeline", lambda model: nlp)

    def invoke(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as done:
            main([str(a) for a in args])
        out, err = capsys.readouterr()
        assert isinstance(done.value.code, int)
        return done.value.code, out, err

    return invoke


def test_ingest_then_again(run, db_url, tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    (tmp_path / "empty.txt").write_text("")
    code, _, err = run("ingest", tmp_path, "--db", db_url)
    assert code == 0
    assert "skipped" in err and "(empty)" in err
    assert ": 1 document added (" in err and "; 1 input skipped." in err
    code, _, err = run("ingest", tmp_path, "--db", db_url)
    assert code == 0 and ": 1 input unchanged; nothing new to store; 1 input skipped." in err


def test_ingest_with_nothing_to_store_fails(run, db_url, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    code, _, err = run("ingest", tmp_path / "empty.txt", "--db", db_url)
    assert code == 1 and "nothing could be stored" in err


def test_search_prints_hits_and_json(run, db_url, tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    run("ingest", tmp_path, "--db", db_url, "--quiet")
    code, out, _ = run("search", "Odesa drones", "--db", db_url)
    assert code == 0 and "document in" in out and "[Odesa]" in out
    code, out, _ = run("search", "Odesa", "--db", db_url, "--json", "--kind", "document")
    (hit,) = [json.loads(line) for line in out.splitlines()]
    assert hit["kind"] == "document" and hit["title"] == "Kyiv says 40 drones downed"
    code, out, err = run("search", "Kherson", "--db", db_url)
    assert (code, out, err.strip()) == (1, "", "no match.")
    code, _, err = run("search", "x", "--db", db_url, "--kind", "paragraph")
    assert code == 2 and "unknown --kind" in err


def test_reprocess_and_export(run, db_url, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_text(PAGE)
    run("ingest", tmp_path / "in", "--db", db_url, "--quiet")
    code, _, err = run("reprocess", "--db", db_url)
    assert code == 0 and ": 1 input already current; nothing to re-extract." in err
    code, _, err = run("reprocess", "--db", db_url, "--force")
    assert code == 0 and ": 1 document re-extracted (" in err
    for output_format in ("jsonl", "csv", "parquet"):
        code, _, err = run("export", "--format", output_format, "-o", tmp_path / output_format, "--db", db_url)
        assert code == 0 and "written to" in err
    assert json.loads((tmp_path / "jsonl" / "documents.jsonl").read_text())["title"] == "Kyiv says 40 drones downed"
    assert (tmp_path / "csv" / "figures.csv").exists() and (tmp_path / "parquet" / "claims.parquet").exists()


def test_store_errors_are_one_line(run, tmp_path, monkeypatch):
    code, _, err = run("search", "x", "--db", tmp_path / "absent.db")
    assert (
        code == 2
        and err.strip() == f"error: no such database: {tmp_path / 'absent.db'} (ingest something into it first)"
    )
    code, _, err = run("ingest", tmp_path, "--db", "mysql://h/news")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "unsupported database" in err
    code, _, err = run("export", "--format", "xlsx", "-o", tmp_path, "--db", tmp_path / "absent.db")
    assert code == 2
    monkeypatch.setenv("CORROBORATOR_DB", str(tmp_path / "from-env.db"))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_text(PAGE)
    assert run("ingest", tmp_path / "in", "--quiet")[0] == 0
    assert (tmp_path / "from-env.db").exists()


def test_ingest_end_to_end_as_a_user_runs_it(cli, tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    database = tmp_path / "db" / "corroborator.db"
    database.parent.mkdir()
    result = cli("ingest", tmp_path / "page.txt", "--db", f"sqlite:///{database}")
    assert result.code == 0, result.stderr
    result = cli("search", "drones", "--db", database)
    assert result.code == 0 and "Kyiv says 40 drones downed" in result.stdout


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def one_error(result) -> str:
    """The single line a failed command printed on stderr."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize("command", ["ingest", "search", "reprocess", "export"])
def test_a_refused_connection_is_one_line_naming_the_url_and_the_fix(cli, tmp_path, command):
    """Issue 8: three lines of SQLAlchemy text with a link to sqlalche.me."""
    (tmp_path / "page.txt").write_text(PAGE)
    url = f"postgresql://nobody@127.0.0.1:{closed_port()}/news"
    arguments = {
        "ingest": [tmp_path / "page.txt"],
        "search": ["drones"],
        "reprocess": [],
        "export": ["-f", "csv", "-o", tmp_path],
    }

    result = cli(command, *arguments[command], "--db", url)

    assert (result.code, one_error(result)) == (
        2,
        f"error: cannot connect to the database {url} (connection refused);"
        " check that the server runs and the URL (--db or $CORROBORATOR_DB)",
    )


def test_a_password_in_the_url_is_never_shown(cli, tmp_path):
    url = f"postgresql://nobody:s3cret-word@127.0.0.1:{closed_port()}/news"

    result = cli("search", "drones", "--db", url)

    assert result.code == 2
    assert "s3cret-word" not in result.stderr + result.stdout
    assert one_error(result).startswith(f"error: cannot connect to the database {url.replace('s3cret-word', '***')} (")


def test_a_url_with_no_host_says_so(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PGHOST", str(tmp_path))  # libpq's socket folder: one where no server listens

    result = cli("search", "drones", "--db", "postgresql://")

    assert (result.code, one_error(result)) == (
        2,
        "error: cannot connect to the database postgresql:// (the URL names no host, and no server listens on"
        " this machine's socket); name the server in the URL (--db or $CORROBORATOR_DB),"
        " e.g. postgresql://USER@HOST:5432/NAME",
    )


def test_a_missing_postgresql_database_says_to_create_it(cli, postgres_server):
    url = postgres_server.url("no_such_database").replace("postgresql+psycopg://", "postgresql://")

    result = cli("search", "drones", "--db", url)

    assert (result.code, one_error(result)) == (
        2,
        f'error: cannot connect to the database {url} (database "no_such_database" does not exist);'
        " create it first, or check the URL (--db or $CORROBORATOR_DB)",
    )


@pytest.mark.parametrize(
    ("db", "message"),
    [
        ("sqlite://", "sqlite:// is an in-memory SQLite database, gone when the command ends:"
         " name a file instead, e.g. --db sqlite:///corroborator.db"),
        ("sqlite:///:memory:", "sqlite:///:memory: is an in-memory SQLite database, gone when the command ends:"
         " name a file instead, e.g. --db sqlite:///corroborator.db"),
        ("", "the database is empty (--db ''): name a SQLite file or a URL such as sqlite:///corroborator.db,"
         " or leave --db out for the default"),
    ],
)  # fmt: skip
def test_a_database_that_cannot_hold_the_store_is_refused(cli, tmp_path, monkeypatch, db, message):
    """Issue 8: sqlite:// ended in a ProgrammingError about threads; --db '' wrote into ./corroborator.db."""
    (tmp_path / "page.txt").write_text(PAGE)
    monkeypatch.chdir(tmp_path)

    result = cli("ingest", "page.txt", "--db", db)

    assert (result.code, one_error(result)) == (2, f"error: {message}")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["page.txt"]


def test_ingest_of_nothing_readable_creates_no_database(cli, tmp_path):
    """Issue 8: ingest of only a missing path left an empty database file."""
    database = tmp_path / "news.db"

    result = cli("ingest", tmp_path / "missing.txt", "--db", database)

    assert result.code == 1
    assert result.stderr.splitlines() == [
        f"skipped {tmp_path / 'missing.txt'}: no such file or folder (not-found)",
        "error: nothing to ingest: no input could be found; see the reasons above.",
    ]
    assert not database.exists()


def test_export_into_a_file_is_refused_before_any_work(cli, tmp_path):
    (tmp_path / "out.csv").write_text("")

    result = cli("export", "-f", "csv", "-o", tmp_path / "out.csv", "--db", tmp_path / "absent.db")

    assert (result.code, one_error(result)) == (
        2,
        f"error: --output {tmp_path / 'out.csv'} is a file, and the export writes a folder of files: name a folder",
    )


def summary_line(result) -> str:
    """The run's summary, the last line but the ledger's; no line says "0 things" or "1 things"."""
    assert result.code == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    for line in lines:
        # Counts of zero are left out, and one thing is one thing: "1 input", not "1 inputs".
        assert not re.search(r"\b0 [a-z]", line) and not re.search(r"\b1 [a-z-]+s\b", line), line
    line = [line for line in lines if not line.startswith("ledger: ")][-1]
    return line


def test_summaries_add_up_without_contradiction(cli, db_url, tmp_path):
    """Issue 8: "0 documents … 0 unchanged" beside "13 of 13 inputs unchanged"; "22 re-extracted, 0 new versions"."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_text(PAGE)
    (tmp_path / "in" / "empty.txt").write_text("")
    shown = db_url.replace("postgresql+psycopg://", "postgresql://")

    first = summary_line(cli("ingest", tmp_path / "in", "--db", db_url))
    again = summary_line(cli("ingest", tmp_path / "in", "--db", db_url))
    current = summary_line(cli("reprocess", "--db", db_url))
    forced = summary_line(cli("reprocess", "--db", db_url, "--force"))
    exported = summary_line(cli("export", "-f", "jsonl", "-o", tmp_path / "out", "--db", db_url))

    assert re.fullmatch(
        rf"{re.escape(shown)}: 1 document added \(\d+ claims?, \d+ figures?\); 1 input skipped\.", first
    )
    assert again == f"{shown}: 1 input unchanged; nothing new to store; 1 input skipped."
    assert current == f"{shown}: 1 input already current; nothing to re-extract."
    assert re.fullmatch(rf"{re.escape(shown)}: 1 document re-extracted \(\d+ claims?, \d+ figures?\)\.", forced)
    assert exported == f"1 file written to {tmp_path / 'out'}."

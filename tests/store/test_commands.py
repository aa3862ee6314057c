"""The store's commands: ingest, search, reprocess and export parse, call the library, and print."""

from __future__ import annotations

import json

import pytest

from corroborator.cli import main

PAGE = "Kyiv says 40 drones downed\n\nThe air force said on Tuesday that 40 of 52 drones were shot down over Odesa.\n"


@pytest.fixture
def run(capsys, monkeypatch, nlp):  # type: ignore[no-untyped-def]
    """Run ``corroborator ARGS...`` in this process (the model stays loaded); returns (exit code, stdout, stderr)."""
    monkeypatch.setattr("corroborator.analyze.load_pipeline", lambda model: nlp)

    def invoke(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as done:
            main([str(a) for a in args])
        out, err = capsys.readouterr()
        return done.value.code, out, err

    return invoke


def test_ingest_then_again(run, db_url, tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    (tmp_path / "empty.txt").write_text("")
    code, _, err = run("ingest", tmp_path, "--db", db_url)
    assert code == 0
    assert "skipped" in err and "(empty)" in err
    assert "1 documents added, 0 updated, 0 unchanged" in err
    code, _, err = run("ingest", tmp_path, "--db", db_url)
    assert code == 0 and "0 documents added" in err and "1 of 2 inputs unchanged; 1 skipped" in err


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
    assert code == 0 and "0 documents re-extracted" in err
    code, _, err = run("reprocess", "--db", db_url, "--force")
    assert code == 0 and "1 documents re-extracted" in err
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

"""The cross-check's commands, run as a user runs them, on a real SQLite store of the example corpus."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corroborator", *map(str, args)], capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    path = tmp_path_factory.mktemp("ledger") / "examples.db"
    ingested = run("ingest", examples, "--db", path, "--quiet")
    assert ingested.returncode == 0, ingested.stderr
    return path


def test_findings_as_json_follow_the_contract(store):
    result = run("findings", "--db", store, "--format", "json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    kinds = {f["kind"] for f in findings}
    assert {"disagreement", "update", "misquote", "part_exceeds_whole"} <= kinds
    for finding in findings:
        assert set(finding) >= {"kind", "variable", "figures", "sources", "independent_sources", "explanation"}
        assert all(set(ref) == {"doc_id", "figure"} for ref in finding["figures"])
    misquote = next(f for f in findings if f["kind"] == "misquote")
    assert "62" in misquote["explanation"] and "72" in misquote["explanation"]


def test_findings_of_one_kind_and_an_unknown_kind(store):
    result = run("findings", "--db", store, "--kind", "update")
    assert result.returncode == 0 and "update" in result.stdout and "disagreement" not in result.stdout
    wrong = run("findings", "--db", store, "--kind", "quarrel")
    assert wrong.returncode == 2
    assert wrong.stderr.strip().splitlines() == [
        "error: unknown --kind 'quarrel': use one of agreement, disagreement, update, part_exceeds_whole, misquote"
    ]


def test_variables_filtered_as_csv(store):
    result = run("variables", "--db", store, "--measure", "present", "--place", "kursk", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(row["measure"] == "present" and "Kursk" in row["place"] for row in rows)
    assert {"low", "best", "high", "independent", "grades"} <= set(rows[0])
    nothing = run("variables", "--db", store, "--subject", "no such subject")
    assert nothing.returncode == 1 and "no variable matches" in nothing.stderr


def test_a_timeline_in_time_order_and_an_unknown_id(store):
    variables = json.loads(run("variables", "--db", store, "--format", "json").stdout)
    killed = next(v for v in variables if v["measure"] == "killed" and v["subject"] == "north-korea")
    result = run("timeline", killed["id"], "--db", store, "--format", "csv")
    assert result.returncode == 0, result.stderr
    dates = [row["when"] for row in csv.DictReader(io.StringIO(result.stdout)) if row["when"]]
    assert dates == sorted(dates) and len(dates) >= 2
    unknown = run("timeline", "north-korea|killed", "--db", store)
    assert unknown.returncode == 2
    assert "did you mean" in unknown.stderr and killed["id"] in unknown.stderr


def test_sources_list_each_speaker_once_with_its_names(store):
    result = run("sources", "--db", store, "--format", "json")
    assert result.returncode == 0, result.stderr
    speakers = {s["source"]: s for s in json.loads(result.stdout)}
    nis = speakers["south-korea-national-intelligence-service"]
    assert nis["claims"] >= 3
    assert speakers["volodymyr-zelensky"]["party_to_fighting"] == "russia-ukraine"
    assert nis["party_to_fighting"] is None  # South Korea fights in none of the conflicts of the data
    assert "NIS" in nis["names"] or len(nis["names"]) >= 1


def test_a_missing_store_is_one_line(tmp_path):
    result = run("findings", "--db", tmp_path / "none.db")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "no such database" in result.stderr


def test_eval_scores_the_seeds_findings_as_score_py_does(tmp_path, seeds, shared):
    store = tmp_path / "seeds.db"
    assert run("ingest", seeds, "--db", store, "--quiet").returncode == 0
    findings, variables, export = tmp_path / "F.json", tmp_path / "V.json", tmp_path / "P.jsonl"
    findings.write_text(run("findings", "--db", store, "-f", "json").stdout, encoding="utf-8")
    variables.write_text(run("variables", "--db", store, "-f", "json").stdout, encoding="utf-8")
    assert run("extract", seeds, "-o", export, "--quiet").returncode == 0
    scoring = ["--findings-gold", shared / "eval" / "seeds.findings.gold.json", "--findings-pred", findings]
    scoring += ["--variables-pred", variables]
    ours = run("eval", "--gold", shared / "eval" / "seeds.gold.jsonl", export, *scoring)
    reference = subprocess.run(
        [sys.executable, shared / "eval" / "score.py", "--gold", shared / "eval" / "seeds.gold.jsonl", "--pred", export]
        + [str(a) for a in scoring],
        capture_output=True,
        text=True,
    )
    summary = ours.stdout.strip().splitlines()[-1]
    assert summary == reference.stdout.strip().splitlines()[-1]
    assert summary.endswith("findings=2/2 rejected=0 independence=4/4")

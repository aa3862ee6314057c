"""The project's scorer gives the same numbers as the reference scorer in shared/eval."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from corroborator.evaluate import content_matches, cue_matches, errors_by_document, fold, input_key, score, summary_line


def _reference(shared: Path, gold: Path, pred: Path) -> tuple[dict, str]:
    completed = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold), "--pred", str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    *report, summary = completed.stdout.strip().split("\n")
    return json.loads("\n".join(report)), summary


def test_agrees_with_reference_scorer_on_seeds(cli, shared, seeds, seeds_gold, tmp_path):
    pred = tmp_path / "seeds.jsonl"
    assert cli("extract", seeds, "-o", pred, "--quiet").code == 0
    reference_report, reference_summary = _reference(shared, seeds_gold, pred)
    result = cli("eval", "--gold", seeds_gold, pred, "--json")
    assert result.code == 0
    *ours, our_summary = result.stdout.strip().split("\n")
    assert json.loads("\n".join(ours)) == reference_report
    assert our_summary == reference_summary


def test_agrees_on_an_export_with_figures_and_claims(shared, seeds_gold, tmp_path):
    # Gold turned into a prediction exercises figure, attribute and claim matching.
    golds = [json.loads(line) for line in seeds_gold.read_text(encoding="utf-8").splitlines()]
    preds = []
    for gold in golds:
        figures = [
            {"id": f"f{i}", "text": f["number"], "value": f["value"], "low": f["value"], "high": f["value"],
             "qualifier": f.get("qualifier"), "unit": "soldiers", "measure": "killed",
             "subject": {"text": "North Korean soldiers"}, "location": None, "claim": "c1"}
            for i, f in enumerate(gold["figures"])
        ]  # fmt: skip
        claims = [
            {"id": f"c{i}", "source": {"text": (c["source"].get("any") or ["Reports"])[0], "kind": "person"},
             "cue": c["cue"], "content": c["content"]}
            for i, c in enumerate(gold["claims"])
        ]  # fmt: skip
        preds.append(
            {"input": gold["input"], "text": " ".join(gold["must_contain"]), "figures": figures, "claims": claims}
        )
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    reference_report, reference_summary = _reference(shared, seeds_gold, pred)
    ours = score(golds, preds)
    assert ours == reference_report
    assert summary_line(ours) == reference_summary


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("said", "say", True),
        ("according to", "according", True),
        ("confirmation", "confirm", True),
        ("warn", "say", False),
    ],
)
def test_cue_matching(gold, pred, expected):
    assert cue_matches(gold, pred) is expected


def test_content_needs_half_the_words_from_both_sides():
    assert content_matches("troops are in Kursk", "the troops are in Kursk now")
    assert not content_matches("troops are in Kursk", "the troops are in Kursk, the ministry said on Tuesday evening")


def test_folding_and_keys():
    assert fold("Russia\u2019s  \u201cwar\u201d") == 'russia\'s "war"'
    assert input_key({"input": "/a/b/feed.xml#https://x.example/1"}) == "feed.xml#https://x.example/1"


def test_errors_name_what_to_fix():
    gold = {
        "input": "a.txt",
        "title": "Drones over the city",
        "must_contain": ["the ministry said"],
        "must_not_contain": ["Share:"],
        "figures": [
            {"number": "40", "value": 40, "qualifier": "at_least", "measure": "launched"},
            {"number": "12", "value": 12, "measure": "intercepted"},
        ],
        "claims": [{"source": {"any": ["ministry"]}, "cue": "say", "content": "40 drones were launched"}],
    }
    pred = {
        "input": "/data/a.txt",
        "title": "Drones",
        "text": "Share: the ministry said",
        "figures": [
            {"text": "40", "value": 40, "qualifier": "exact", "measure": "launched"},
            {"text": "7", "value": 7},
        ],
        "claims": [{"source": {"text": "the ministry"}, "cue": "claim", "content": "40 drones were launched"}],
    }
    [errors] = errors_by_document([gold], [pred])
    assert errors["missed_figures"] == ["12"]
    assert errors["spurious_figures"] == ["7"]
    assert errors["wrong_attributes"] == [
        {"figure": "40", "attribute": "qualifier", "gold": "at_least", "predicted": "exact"}
    ]
    assert errors["wrong_cues"] == [{"gold": "say", "predicted": "claim"}]
    assert errors["missed_claims"] == [] and errors["spurious_claims"] == []
    assert errors["text_left_in"] == ["Share:"]
    assert errors["metadata"] == [{"field": "title", "gold": "Drones over the city", "predicted": "Drones"}]


def test_documents_without_errors_are_left_out():
    gold = {"input": "a.txt", "title": "T", "figures": [], "claims": []}
    assert errors_by_document([gold], [{"input": "a.txt", "title": "T"}]) == []

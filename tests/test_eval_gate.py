"""The gate: scores on the seeds, the example corpus and PolNeAR dev never fall below their floors.

Floors are pinned here and only ever raised; lowering one needs a reason in
the commit that does it. The numbers are those of shared/eval/score.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.analyze import load_pipeline
from corroborator.evaluate import read_jsonl, score, summary_line
from corroborator.pipeline import process, with_extraction
from corroborator.records import Document

FLOORS = {
    "seeds": {
        "boilerplate": 1.0,
        "metadata": 1.0,
        "figures_f1": 1.0,
        "claims_f1": 0.94,
        "attributes": 1.0,
        "cue_accuracy": 1.0,
    },
    "examples": {
        "boilerplate": 1.0,
        "metadata": 1.0,
        "figures_f1": 0.99,
        "claims_f1": 0.95,
        "attributes": 0.98,
        "cue_accuracy": 0.95,
    },
    "polnear_dev": {"claims_f1": 0.60, "metadata": 0.91},
}


def _report(corpus: Path, gold: Path) -> dict:
    outcomes = with_extraction(process([str(corpus)]), load_pipeline())
    documents = [o.to_dict() for o in outcomes if isinstance(o, Document)]
    report = score(read_jsonl(gold), documents)
    print(summary_line(report))
    return report


def _measure(report: dict, name: str) -> float:
    if name == "figures_f1":
        return report["figures"]["f1"]
    if name == "claims_f1":
        return report["claims"]["f1"]
    if name == "attributes":
        scored = [v for v in report["figure_attributes"].values() if v is not None]
        return sum(scored) / len(scored)
    return report[name]


@pytest.fixture(scope="module")
def reports(seeds, seeds_gold, examples, shared):
    polnear = shared / "corpus" / "polnear-dev"
    return {
        "seeds": _report(seeds, seeds_gold),
        "examples": _report(examples, examples.parent / "gold.jsonl"),
        "polnear_dev": _report(polnear / "text", polnear / "dev.gold.jsonl"),
    }


@pytest.mark.parametrize(("corpus", "measure"), [(c, m) for c, floors in FLOORS.items() for m in floors])
def test_floor(reports, corpus, measure):
    report = reports[corpus]
    assert report["documents_found"] == report["documents"]
    assert _measure(report, measure) >= FLOORS[corpus][measure]


def test_nothing_forbidden_is_reported(reports):
    for report in reports.values():
        assert report["not_figures_reported"] == []
        assert report["not_claims_reported"] == []

"""The gate: cleaning scores on the seeds and the example corpus never fall below their floors.

Floors are pinned here and only ever raised; lowering one needs a reason in
the commit that does it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.evaluate import read_jsonl, score
from corroborator.pipeline import process
from corroborator.records import Document

FLOORS = {
    "seeds": {"boilerplate": 1.0, "metadata": 1.0},
    "examples": {"boilerplate": 1.0, "metadata": 1.0},
}


def _report(corpus: Path, gold: Path) -> dict:
    documents = [o.to_dict() for o in process([str(corpus)]) if isinstance(o, Document)]
    return score(read_jsonl(gold), documents)


@pytest.fixture(scope="module")
def seeds_report(seeds, seeds_gold):
    return _report(seeds, seeds_gold)


@pytest.fixture(scope="module")
def examples_report(examples):
    return _report(examples, examples.parent / "gold.jsonl")


@pytest.mark.parametrize("measure", ["boilerplate", "metadata"])
def test_seeds_floor(seeds_report, measure):
    assert seeds_report["documents_found"] == seeds_report["documents"]
    assert seeds_report[measure] >= FLOORS["seeds"][measure]


@pytest.mark.parametrize("measure", ["boilerplate", "metadata"])
def test_example_corpus_floor(examples_report, measure):
    assert examples_report["documents_found"] == examples_report["documents"]
    assert examples_report[measure] >= FLOORS["examples"][measure]

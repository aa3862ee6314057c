"""The trained filter over loose claim candidates, on the real model and the shipped weights.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

import corroborator.analyze.entities
import corroborator.extract.claims  # noqa: F401  (registers corroborator_claims)
from corroborator.extract.attribution.cues import CueFinder
from corroborator.extract.attribution.filter import (
    DEFAULT_FILTER_PATH,
    FILTER_FILE,
    ClaimFilter,
    candidate_features,
)
from corroborator.extract.attribution.lexicon import Lexicon
from corroborator.extract.attribution.spans import Layout
from corroborator.settings import DEFAULT_MODEL

#: A verb outside the lexicon, with a speaker and an object: a loose candidate, which the shipped model keeps.
KEPT = "She bemoaned the slow pace of the inquiry."
#: Also a loose candidate, which the shipped model does not keep.
DROPPED = "The committee hailed the deal as a turning point."


@pytest.fixture(scope="module")
def model():
    return spacy.load(DEFAULT_MODEL)


def pipeline(model_name: str = DEFAULT_MODEL, **config):
    nlp = spacy.load(model_name)
    nlp.add_pipe("corroborator_entities")
    nlp.add_pipe("corroborator_claims", config=config)
    return nlp


@pytest.fixture(scope="module")
def nlp():
    return pipeline()


@pytest.fixture(scope="module")
def rules_only():
    return pipeline(use_filter=False)


def with_threshold(tmp_path: Path, threshold: float) -> str:
    data = json.loads(DEFAULT_FILTER_PATH.read_text(encoding="utf-8"))
    data["threshold"] = threshold
    path = tmp_path / f"filter-{threshold}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_shipped_model_is_package_data_with_its_card():
    shipped = ClaimFilter.default()
    assert shipped is not None
    assert 0.0 < shipped.threshold < 1.0
    assert shipped.about["seed"] == 0
    assert "polnear-dev never read" in shipped.about["corpus"]
    assert shipped.about["held_out"]["precision"] >= 0.5  # the threshold was chosen for it
    assert len(shipped.weights) > 100


def test_probability_rises_with_the_weights():
    toy = ClaimFilter(weights={"good": 2.0, "bad": -2.0}, bias=0.0, threshold=0.5, about={})
    assert toy.probability([]) == pytest.approx(0.5)
    assert toy.probability(["good"]) > 0.5 > toy.probability(["bad"])
    assert toy.keep(["good"]) and not toy.keep(["bad"])
    assert toy.probability(["never seen"]) == pytest.approx(0.5)  # an unknown feature weighs nothing


def test_to_json_round_trip(tmp_path):
    shipped = ClaimFilter.default()
    assert shipped is not None
    path = tmp_path / FILTER_FILE
    path.write_text(shipped.to_json(), encoding="utf-8")
    assert ClaimFilter.from_path(path) == shipped


def test_the_filter_keeps_a_loose_cue_the_rules_miss(nlp, rules_only):
    assert rules_only(KEPT)._.claims == []
    [claim] = nlp(KEPT)._.claims
    assert (claim.source.text, claim.cue, claim.content) == ("She", "bemoan", "the slow pace of the inquiry")


def test_the_filter_drops_a_loose_cue_below_its_threshold(nlp, tmp_path):
    assert nlp(DROPPED)._.claims == []
    keep_all = pipeline(filter_path=with_threshold(tmp_path, 0.0))
    [claim] = keep_all(DROPPED)._.claims
    assert (claim.source.text, claim.cue) == ("The committee", "hail")


def test_loose_candidates_skip_acts_of_war_and_mute_subjects(tmp_path):
    keep_all = pipeline(filter_path=with_threshold(tmp_path, 0.0))
    assert keep_all("The militia attacked the depot before dawn.")._.claims == []  # a not_verbs lemma
    assert keep_all("The flood damaged the bridge near the market.")._.claims == []  # a flood cannot speak
    assert keep_all("Rain soaked the tents overnight.")._.claims == []


def test_features_name_the_cue_its_shape_and_its_speaker(model):
    doc = model("The spokesman regretted that the corridor stayed closed.")
    lexicon = Lexicon.default()
    layout = Layout(doc)
    [loose] = [c for c in CueFinder(doc, lexicon, layout, loose=True).find() if c.loose]
    features = candidate_features(doc, loose, lexicon, layout.quotes)
    assert "lemma=regret" in features
    assert "shape=ccomp" in features
    assert "content_mark=that" in features
    assert "source_lemma=spokesman" in features


def test_the_filter_travels_with_the_pipeline(tmp_path):
    keep_all = pipeline(filter_path=with_threshold(tmp_path, 0.0))
    keep_all.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "corroborator_claims" / FILTER_FILE).exists()
    reloaded = pipeline()
    reloaded.get_pipe("corroborator_claims").from_disk(tmp_path / "pipeline" / "corroborator_claims")
    assert [c.cue for c in reloaded(DROPPED)._.claims] == ["hail"]


def test_rules_alone_make_no_loose_candidates(rules_only):
    assert rules_only.get_pipe("corroborator_claims").filter is None
    assert rules_only(DROPPED)._.claims == []


def test_weak_lexicon_verbs_are_decided_by_the_filter(rules_only, tmp_path):
    lexicon = Lexicon.default()
    assert "find" in lexicon.weak_verbs  # right less than WEAK_CLAIM_PRECISION of the time in training
    assert "say" not in lexicon.weak_verbs  # curated verbs always stay
    text = "The inspectors found that the well was dry."
    assert [c.cue for c in rules_only(text)._.claims] == ["find"]
    keep_none = pipeline(filter_path=with_threshold(tmp_path, 1.01))
    assert keep_none(text)._.claims == []
    assert [c.cue for c in keep_none("The inspectors said that the well was dry.")._.claims] == ["say"]


def test_a_loose_cue_inside_a_sure_claim_is_part_of_it(tmp_path):
    keep_all = pipeline(filter_path=with_threshold(tmp_path, 0.0))
    claims = keep_all("Moscow intends to send more troops to the border, according to the agency.")._.claims
    assert [(c.source.text, c.cue) for c in claims] == [("the agency", "according to")]

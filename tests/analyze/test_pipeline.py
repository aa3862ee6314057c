"""The components as spaCy users meet them: by name, in order, with nothing missing."""

from __future__ import annotations

from importlib.metadata import entry_points

import spacy

from corroborator.analyze import COMPONENTS, PARAGRAPHS, load_pipeline

FACTORIES = ["corroborator_claims", "corroborator_entities", "corroborator_figures"]


def test_factory_names_are_pinned():
    assert sorted(COMPONENTS) == FACTORIES
    published = {
        ep.name: ep.value for ep in entry_points(group="spacy_factories") if ep.value.startswith("corroborator.")
    }
    assert sorted(published) == sorted([*FACTORIES, PARAGRAPHS])


def test_components_load_by_name_through_entry_points():
    # No corroborator import needed beyond what spaCy's entry points do.
    nlp = spacy.blank("en")
    for name in FACTORIES:
        nlp.add_pipe(name)
    assert nlp.pipe_names == FACTORIES


def test_pipeline_order_and_analysis_has_no_problems():
    nlp = load_pipeline()
    assert nlp.pipe_names[-3:] == list(COMPONENTS)
    assert nlp.pipe_names.index(PARAGRAPHS) == nlp.pipe_names.index("parser") - 1
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]


def test_pipeline_round_trips_through_disk(tmp_path):
    nlp = load_pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert again.pipe_names == nlp.pipe_names


def test_a_paragraph_break_starts_a_sentence():
    nlp = load_pipeline()
    text = "Drones Over The Capital\n\nAir defences shot down 40 drones, the air force said."
    doc = nlp(text)
    body = text.index("Air")
    assert any(sentence.start_char == body for sentence in doc.sents)

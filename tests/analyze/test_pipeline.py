"""The components as spaCy users meet them: by name, in order, with nothing missing."""

from __future__ import annotations

import logging
from importlib.metadata import entry_points

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.util import raise_error

from corroborator.analyze.component import log_error
from corroborator.extract import COMPONENTS, PARAGRAPHS, load_pipeline
from corroborator.settings import DEFAULT_MODEL

FACTORIES = ["corroborator_claims", "corroborator_entities", "corroborator_figures"]


def problems(nlp: Language) -> dict[str, list[str]]:
    """What ``analyze_pipes`` finds missing, per component (it returns its analysis unless told to print)."""
    analysis = nlp.analyze_pipes()
    assert analysis is not None
    return dict(analysis["problems"])


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
    found = problems(nlp)
    assert not any(found.values()), found


def test_analysis_names_a_missing_component():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("corroborator_claims")  # no corroborator_entities before it
    nlp.add_pipe("corroborator_figures")
    found = problems(nlp)
    assert set(found["corroborator_claims"]) == {"doc._.entities", "token.ent_kb_id"}
    assert set(found["corroborator_figures"]) == {"doc._.entities", "token.ent_kb_id"}
    nlp.remove_pipe("corroborator_claims")
    assert "doc._.claims" in problems(nlp)["corroborator_figures"]


@pytest.mark.parametrize("name", COMPONENTS)
def test_components_are_pipes_whose_errors_go_to_the_handler(name, caplog, monkeypatch):
    nlp = load_pipeline()
    component = nlp.get_pipe(name)
    assert isinstance(component, Pipe)
    assert component.get_error_handler() is log_error

    def broken(doc):
        raise ValueError("broken")

    monkeypatch.setattr(component, "find", broken)
    with caplog.at_level(logging.WARNING):
        doc = nlp("The ministry said that 40 drones were shot down.")
    extension = name.removeprefix("corroborator_")
    assert not getattr(doc._, extension)  # the Doc gets nothing, and the run goes on
    assert any(name in record.getMessage() and "broken" in record.getMessage() for record in caplog.records)
    component.set_error_handler(raise_error)  # what nlp.set_error_handler does for each pipe that has the hook
    try:
        with pytest.raises(ValueError, match="broken"):
            nlp("The ministry said that 40 drones were shot down.")
    finally:
        component.set_error_handler(log_error)


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

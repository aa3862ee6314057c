"""The extract tests' pipeline: the model, the entity linker and the claims component, loaded once.

A module that needs another pipeline (the figures component alone) defines its own ``nlp``.
"""

from __future__ import annotations

import pytest
import spacy

import corroborator.analyze.entities
import corroborator.extract.claims  # noqa: F401  (registers corroborator_claims)
from corroborator.settings import DEFAULT_MODEL


@pytest.fixture(scope="session")
def nlp():
    pipeline = spacy.load(DEFAULT_MODEL)
    pipeline.add_pipe("corroborator_entities")
    pipeline.add_pipe("corroborator_claims")
    return pipeline

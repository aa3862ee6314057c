"""The extract tests' pipelines: the model with some of Corroborator's components, each set loaded once.

``nlp`` is the model, the entity linker and the claims component; a module that reads figures alone asks
``pipelines("corroborator_entities", "corroborator_figures")`` for its own ``nlp``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest
import spacy
from spacy.language import Language

import corroborator.analyze.entities
import corroborator.extract.claims
import corroborator.extract.figures  # noqa: F401  (registers corroborator_figures)
from corroborator import extract
from corroborator.records import Claim
from corroborator.settings import DEFAULT_MODEL


@pytest.fixture(scope="session")
def pipelines() -> Callable[..., Language]:
    @cache
    def with_components(*components: str) -> Language:
        pipeline = spacy.load(DEFAULT_MODEL)
        for component in components:
            pipeline.add_pipe(component)
        return pipeline

    return with_components


@pytest.fixture(scope="session")
def nlp(pipelines):
    return pipelines("corroborator_entities", "corroborator_claims")


@pytest.fixture(scope="session")
def claim_of() -> Callable[[str, str], Claim]:
    """The claim that carries the figure printed as ``number`` in ``text``, read by the whole pipeline."""

    def carrying(text: str, number: str) -> Claim:
        found = extract(text)
        figure = next(f for f in found.figures if f.text == number)
        by_id = {c.id: c for c in found.claims}
        assert figure.claim in by_id, (number, [c.content for c in found.claims])
        return by_id[figure.claim]

    return carrying

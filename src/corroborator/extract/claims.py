"""The ``corroborator_claims`` component: attributed statements (source, cue, content, ...).

Work in progress (issue 4): the component is registered and sets ``doc._.claims``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..analyze.extensions import install_extensions


class ClaimExtractor:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        install_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = []
        return doc


@Language.factory("corroborator_claims", assigns=["doc._.claims"], requires=["doc.ents"])
def make_claims(nlp: Language, name: str) -> ClaimExtractor:
    return ClaimExtractor(nlp, name)

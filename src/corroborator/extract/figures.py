"""The ``corroborator_figures`` component: reported numbers with what they count, where and when.

Work in progress (issue 4): the component is registered and sets ``doc._.figures``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..analyze.extensions import install_extensions


class FigureExtractor:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        install_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = []
        return doc


@Language.factory("corroborator_figures", assigns=["doc._.figures"], requires=["doc._.claims"])
def make_figures(nlp: Language, name: str) -> FigureExtractor:
    return FigureExtractor(nlp, name)

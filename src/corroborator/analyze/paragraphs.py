"""The ``corroborator_paragraphs`` component: a paragraph break starts a sentence.

The small model's parser runs sentences across blank lines, so a headline or
a subheading merges into the paragraph after it, and claims and figures read
across the two. Placed before the parser, this marks the first token after a
line break as a sentence start, which the parser then respects.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("corroborator_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc

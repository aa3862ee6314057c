"""The ``corroborator_paragraphs`` component: a paragraph break starts a sentence.

The small model's parser runs sentences across blank lines, so a headline or
a subheading merges into the paragraph after it, and claims and figures read
across the two. Placed before the parser, this marks the first token after a
line break as a sentence start, which the parser then respects.
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d


@Language.component("corroborator_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    # One array written back, not ``token.is_sent_start = True`` per break: that setter checks the whole
    # Doc's annotation each time, quadratic in a text of many short paragraphs.
    starts = doc.to_array(SENT_START)
    marked = False
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            starts[token.i + 1] = 1
            marked = True
    if marked:
        doc.from_array([SENT_START], cast(Ints2d, starts.reshape(-1, 1)))
    return doc

"""What one number's sentence says about it: a ``Reading``, and the ``DocIndex`` every reading looks up.

The sentence reader (``syntax``) fills a ``Reading``; the tree walks (``tree``), the
measure and place readers (``measures``, ``places``) and the document's context
(``context``) read and complete it. This module holds only the data, so that all of
them can name it without importing one another.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...records import Measure, Modality, Reference
from .numbers import Quantity


class DocIndex:
    """What every reading of one Doc looks up, computed once: ``Doc.text`` and ``Doc.ents`` are rebuilt from
    the tokens at every access, which a long document with many figures cannot afford."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.newlines = [m.start() for m in re.finditer(r"\n", self.text)]
        self.ents = list(doc.ents)
        self._ent_starts = [ent.start_char for ent in self.ents]

    def line_of(self, position: int) -> int:
        return bisect.bisect_left(self.newlines, position)

    def line_bounds(self, position: int) -> tuple[int, int]:
        """Start and end offsets of the line that holds ``position``."""
        line = self.line_of(position)
        start = self.newlines[line - 1] + 1 if line > 0 else 0
        end = self.newlines[line] if line < len(self.newlines) else len(self.text)
        return start, end

    def ents_within(self, start: int, end: int) -> list[Span]:
        """Entities that start in ``[start, end)``, in text order."""
        return self.ents[bisect.bisect_left(self._ent_starts, start) : bisect.bisect_left(self._ent_starts, end)]


@dataclass(slots=True)
class Reading:
    """What one quantity's sentence says about it (before the document's context is used)."""

    quantity: Quantity
    index: DocIndex  # the document's text, lines and entities
    expression: Span  # the quantity's tokens, qualifier words included
    anchor: Token  # the expression's token that hangs on the rest of the sentence
    number: Token  # the number's own (last) token
    noun: Token | None = None  # the counted noun ("soldiers"), or a pronoun ("them")
    reference: str = "elided"  # own | pronoun | elided | casualty | count | distance
    partitive: bool = False  # "8,000 of the soldiers": the noun is the whole, not the part
    unit: str | None = None
    subject: Reference | None = None
    measure: Measure | None = None
    location: Reference | None = None
    location_static: bool = False  # "in Kursk" may be handed on; "sent to Russia" may not
    modality: Modality = Modality.ACTUAL
    at_object: Token | None = None  # X of "put X at 11,000"
    whole: Token | None = None  # the counted whole's noun for "62 of the 73 drones"
    own_measure: Measure | None = None  # the measure the sentence gave, before the context added one
    measure_word: Token | None = None  # the word that gave the measure ("launched", "stationed")
    strong: bool = False  # "a 1,500-strong force"
    whole_of_part: bool = False  # the 20 of "shot down 12 of 20 missiles": what is done is done to the 12
    included: bool = False  # "31 people, including five children": a part of the figure before it
    whose: bool = False  # the counted noun is a measure ("60 deaths"): whose, the context says

    @property
    def text(self) -> str:
        return self.index.text

    def on_its_line(self, token: Token) -> bool:
        """Is ``token`` on the number's line? A heading is parsed into the sentence below it; lines still part them."""
        return self.index.line_of(token.idx) == self.index.line_of(self.quantity.start)

    @property
    def start(self) -> Token:
        """Where reading up the tree starts: the counted noun when the number is its modifier, else the number."""
        return self.noun if self.noun is not None and not self.partitive and self.reference == "own" else self.anchor

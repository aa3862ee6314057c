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

import numpy
from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

from ...records import Measure, Modality, Reference
from .numbers import Quantity

#: A sentence longer than this, or with a word that has more dependents than ``MAX_DEPENDENTS``, is one the
#: parser could not structure ("thousands thousands thousands ...", a list of numbers with no punctuation):
#: its figures are read from their words alone. The readers walk a word's dependents and its sentence once
#: per figure, which such a sentence would make quadratic. News sentences of PolNeAR and the seeds stay under
#: 100 tokens and 16 dependents a word.
MAX_SENTENCE_TOKENS = 400
MAX_DEPENDENTS = 48


class DocIndex:
    """What every reading of one Doc looks up, computed once: ``Doc.text`` and ``Doc.ents`` are rebuilt from
    the tokens at every access, which a long document with many figures cannot afford."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.newlines = [m.start() for m in re.finditer(r"\n", self.text)]
        self.ents = list(doc.ents)
        self._ent_starts = [ent.start_char for ent in self.ents]
        self._unstructured: tuple[list[int], list[bool]] | None = None
        self._place_mentions: list[tuple[int, int, str]] | None = None

    def line_of(self, position: int) -> int:
        return bisect.bisect_left(self.newlines, position)

    def line_bounds(self, position: int) -> tuple[int, int]:
        """Start and end offsets of the line that holds ``position``."""
        line = self.line_of(position)
        start = self.newlines[line - 1] + 1 if line > 0 else 0
        end = self.newlines[line] if line < len(self.newlines) else len(self.text)
        return start, end

    def unstructured(self, token: int) -> bool:
        """Is the token at ``token`` in a sentence the parser could not structure (see ``MAX_SENTENCE_TOKENS``)?"""
        if self._unstructured is None:
            self._unstructured = self._sentence_shapes()
        starts, flags = self._unstructured
        return bool(starts) and flags[bisect.bisect_right(starts, token) - 1]

    def _sentence_shapes(self) -> tuple[list[int], list[bool]]:
        """Each sentence's first token and whether it is too long or too flat to read; one pass over the Doc."""
        doc = self.doc
        if not len(doc) or not doc.has_annotation("DEP"):
            return [], []
        # HEAD holds each token's head as an offset from the token (unsigned in the array: cast back).
        heads = numpy.arange(len(doc)) + doc.to_array(HEAD).astype(numpy.int64)
        dependents = numpy.bincount(heads, minlength=len(doc))
        dependents[heads == numpy.arange(len(doc))] -= 1  # a root is its own head, not its own dependent
        starts, flags = [], []
        for sentence in doc.sents:
            starts.append(sentence.start)
            too_long = len(sentence) > MAX_SENTENCE_TOKENS
            flags.append(too_long or int(dependents[sentence.start : sentence.end].max()) > MAX_DEPENDENTS)
        return starts, flags

    def place_mentions_within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The linked places' mentions (start, end, id) that start in ``[start, end)``, in text order; the index is
        built on first use, once per Doc."""
        if self._place_mentions is None:
            places = [(ident, e) for ident, e in (self.doc._.entities or {}).items() if e.kind == "place"]
            self._place_mentions = sorted((s, e, ident) for ident, entity in places for s, e in entity.mentions)
        mentions = self._place_mentions
        return mentions[bisect.bisect_left(mentions, (start,)) : bisect.bisect_left(mentions, (end,))]

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

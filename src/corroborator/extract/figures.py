"""The ``corroborator_figures`` component: reported numbers with what they count, where, when and who says so.

For each number in a Doc (digits or words, ranges, vague plurals; see
``figure.numbers``) that is a figure at all (not a date, a clock time, a
designator; see ``figure.filters``), the component reads its sentence
(``figure.syntax``, ``figure.measures``, ``figure.places``: counted noun, unit,
measure, place, modality), then the rest of the document (``figure.context``:
elided subjects, "62 of them", headings). ``as_of`` is the date the sentence
gives, resolved against ``doc._.published`` (``figure.dates``); ``claim`` is the
innermost claim in ``doc._.claims`` whose content holds the figure.

It sets ``doc._.figures`` to ``records.Figure`` records in text order, with ids
"f1", "f2", ... The word lists live in ``data/lexicon`` (numbers, units,
measures and figures JSON files), or in the folder that the factory's
``lexicon_path`` (or ``initialize(lexicon_path=...)``) names; ``to_disk`` writes
the four files in use and ``from_disk`` reads them back. docs/figures.md
describes the choices.
"""

from __future__ import annotations

import bisect
import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..analyze.component import Component, doc_extension
from ..analyze.extensions import CLAIMS, ENTITIES, FIGURES, install_extensions
from ..records import Claim, Figure, Measure
from .figure.context import DOMAIN_CLASSES, DocumentContext, Found, restate_headings
from .figure.dates import resolve_date
from .figure.filters import NotFigures
from .figure.lexicon import LEXICON_FILES, NUMBERS_FILE, Lexicon, default_lexicon, lexicon_of, read_files
from .figure.numbers import NumberReader, Quantity, default_reader
from .figure.reading import DocIndex, Reading
from .figure.syntax import SentenceReader

log = logging.getLogger(__name__)

#: "One" is a pronoun ("one of the prisoners", "one reason") unless something happens to it.
PRONOUN_NUMBERS = frozenset({"one"})

#: A heading ends without a full stop; these close a sentence or a quote.
SENTENCE_END = re.compile(r"[.!?…:;\"”’')\]]\s*$")

#: A heading line is short; a longer line is body text whatever its punctuation.
HEADING_MAX_CHARS = 200

#: Words before a date that make it the start or end of a period rather than the figure's date.
PERIOD_STARTS = frozenset({"since", "from", "until", "till", "through", "before"})

#: An event's own date ("the strikes on Sept. 7") dates a count given within this many days of it; a count
#: published later is a revision, dated by its publication.
EVENT_DATE_DAYS = 2

#: A trailing attribution ("..., according to X") whose content ends this close before its cue carries the
#: figures before the content, in the same sentence.
TRAILING_SLACK = 3

#: How far after a figure's sentence a "This was stated by X" may begin, and how many words such a content has.
RESTATED_WINDOW = 3
RESTATED_WORDS = 3
POINTING_BACK = frozenset({"this", "that", "these", "those", "it"})

#: How far after an attribution ending in a colon its list of figures may run, and what ends the list.
LIST_WINDOW = 600
SENTENCE_BREAK = re.compile(r"[.!?]\s|\n\s*\n")

#: Day numbers printed before a month name ("9–10 November").
DAYS_BEFORE = re.compile(r"(?<![\d,.])\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+\Z")


class FigureExtractor(Component):
    """Finds and reads the figures of a Doc (see the module docstring).

    ``resolve_dates``: fill ``as_of`` (off, the component never calls dateparser).
    ``read_headings``: let a heading's figure take the reading of the body figure it restates.
    ``lexicon_path``: a folder with any of the four word-list files, read instead of the shipped ones.
    """

    on_failure = "no figures"

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        resolve_dates: bool = True,
        read_headings: bool = True,
        lexicon_path: str | None = None,
    ) -> None:
        super().__init__(name)
        self.resolve_dates = resolve_dates
        self.read_headings = read_headings
        install_extensions()
        self._use(lexicon_path)

    def _use(self, folder: str | None) -> None:
        """Read with the word lists of ``folder`` (None: the shipped ones, built once per process)."""
        self.lexicon_path = folder
        if folder is None:
            self.lexicon: Lexicon = default_lexicon()
            self.numbers: NumberReader = default_reader()
        else:
            data = read_files(folder)
            self.lexicon, self.numbers = lexicon_of(data), NumberReader(data[NUMBERS_FILE])
        self.not_figures = NotFigures(self.lexicon)
        self.reader = SentenceReader(self.lexicon)

    # -- the component: find, then set ------------------------------------------------------------

    def nothing(self, doc: Doc) -> list[Figure]:
        return []

    def set_annotations(self, doc: Doc, found: list[Figure]) -> None:
        doc._.figures = found

    # -- data: the word lists in use travel with the pipeline -------------------------------------

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon_path: str | None = None,
    ) -> None:
        """Read other word lists (``[initialize.components.corroborator_figures] lexicon_path = ...``)."""
        if lexicon_path:
            self._use(lexicon_path)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """The four word-list files in use, in ``path``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, data in read_files(self.lexicon_path).items():
            (path / name).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> FigureExtractor:
        if any((Path(path) / name).exists() for name in (NUMBERS_FILE, *LEXICON_FILES)):
            self._use(str(path))
        return self

    # -- the steps ----------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[Figure]:
        """The figures of ``doc``, in text order; the Doc is left as it is."""
        text = doc.text  # rebuilt from the tokens at every access: read it once
        quantities = self.numbers.find(text)
        if not quantities:
            return []  # most paragraphs: nothing more to do
        index = DocIndex(doc, text)
        blocked = self.not_figures.blocked(text, index.ents)
        quantities = [q for q in quantities if not self.not_figures.reason(text, q, blocked)]
        if not doc.has_annotation("DEP"):
            log.debug("no dependency parse: figures are read without their context")
            return [_bare_figure(q, text, n) for n, q in enumerate(quantities, start=1)]
        found, unread = self._read(doc, index, quantities)
        context = DocumentContext(doc, self.lexicon, self.reader)
        context.resolve_all(found)
        found = [item for item in found if self._is_figure(item)]
        context.link_wholes(found)
        if self.read_headings:
            restate_headings(found)
        self._attach(found, list(doc._.claims or []), doc._.published)
        figures = [self._record(item) for item in found]
        if unread:
            figures = _in_text_order(figures, [_bare_figure(q, text, 0) for q in unread])
        return figures

    def _read(self, doc: Doc, index: DocIndex, quantities: list[Quantity]) -> tuple[list[Found], list[Quantity]]:
        """The readings of the quantities, and the quantities of sentences too long or flat to read.

        A sentence the parser could not structure (``reading.MAX_SENTENCE_TOKENS``) would cost each of its
        figures a walk of the whole sentence; its figures are read from their words, and its spelled-out
        numbers, which only a reading could tell from everyday words, are left out.
        """
        found, unread = [], []
        for q in quantities:
            expression = doc.char_span(q.start, q.end, alignment_mode="expand")
            if expression is None or not len(expression):
                continue
            if index.unstructured(expression.start):
                if q.vague or not q.spelled:
                    unread.append(q)
                continue
            reading = self.reader.read(q, expression, index)
            line = index.line_of(q.start)
            found.append(Found(reading, reading.anchor.sent.start, line, heading=self._is_heading(index, q.start)))
        return found, unread

    def _attach(self, found: list[Found], claims: list[Claim], published: str | None) -> None:
        """Ids, carrying claims and dates; a heading says what the body says, when the body says it."""
        indexed = _Claims(claims)
        for n, item in enumerate(found, start=1):
            item.figure_id = f"f{n}"
            item.claim = _innermost_claim(indexed, item.reading) or _carrying_claim(indexed, item.reading)
            if self.resolve_dates:
                item.as_of = _as_of(item.reading, published, self.lexicon.event_nouns)
        for item in found:
            if item.heading and item.source is not None:
                item.claim, item.as_of = item.source.claim, item.source.as_of
            elif item.claim is None and _listed_after(item):
                # "It is noted that 26 were destroyed over Belgorod, 25 over Bryansk": the list goes on being said
                item.claim = item.source.claim if item.source is not None else None

    def _is_heading(self, index: DocIndex, position: int) -> bool:
        """Is ``position`` on a short line without closing punctuation, in a text of several lines?"""
        if not index.newlines:
            return False
        start, end = index.line_bounds(position)
        if end - start > HEADING_MAX_CHARS:
            return False
        line = index.text[start:end].strip()
        words = len(line.split())
        return 0 < words <= self.lexicon.heading_max_words and not SENTENCE_END.search(line)

    def _is_figure(self, item: Found) -> bool:
        """Spelled-out numbers are everyday words ("the two countries") unless they count something that matters."""
        r = item.reading
        q = r.quantity
        if not q.spelled or q.vague:
            return True
        printed = r.text[q.number_start : q.number_end].lower()
        if printed in PRONOUN_NUMBERS:  # "members of one family" describes the members: it counts nothing
            of_phrase = r.noun is not None and r.noun.dep_ == "pobj" and r.noun.head.lower_ == "of"
            return (bool(r.own_measure) and not of_phrase) or self._elided_count_with_place(item)
        return bool(r.own_measure) or self.lexicon.unit_class(r.unit) in DOMAIN_CLASSES

    def _elided_count_with_place(self, item: Found) -> bool:
        """ "34 over Volgograd, two over Belgorod and one over Voronezh": a bare "one" with its own place, which takes
        what it counts from a figure before it in its sentence, counts that (a list of counts that matter)."""
        r, source = item.reading, item.source
        doc = r.expression.doc
        after = doc[r.expression.end] if r.expression.end < len(doc) else None
        return (
            r.reference == "elided"
            and source is not None
            and source.sentence == item.sentence
            and after is not None
            and after.lower_ in self.lexicon.static_preps
            and self.lexicon.unit_class(r.unit) in DOMAIN_CLASSES
        )

    @staticmethod
    def _record(item: Found) -> Figure:
        r = item.reading
        q = r.quantity
        return Figure(
            id=item.figure_id,
            text=r.text[q.start : q.end],
            span=(q.start, q.end),
            value=q.value,
            low=q.low,
            high=q.high,
            qualifier=q.qualifier,
            unit=r.unit,
            subject=r.subject,
            measure=r.measure or Measure.OTHER,
            location=r.location,
            as_of=item.as_of,
            modality=r.modality,
            claim=item.claim,
            part_of=item.part_of.figure_id if item.part_of else None,
            vague=q.vague,
        )


def _bare_figure(q: Quantity, text: str, n: int) -> Figure:
    """A figure read from its words alone, for a pipeline without a parser."""
    unit = q.currency or ("percent" if q.percent else None)
    return Figure(
        id=f"f{n}",
        text=text[q.start : q.end],
        span=(q.start, q.end),
        value=q.value,
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        unit=unit,
        measure=Measure.COST if q.currency else Measure.OTHER,
        vague=q.vague,
    )


def _in_text_order(read: list[Figure], bare: list[Figure]) -> list[Figure]:
    """Figures read in context and figures read from their words, as one list in text order, ids renumbered."""
    figures = sorted(read + bare, key=lambda f: f.span)
    ids = {id(f): f"f{n}" for n, f in enumerate(figures, start=1)}
    renamed = {f.id: ids[id(f)] for f in read}  # only figures read in context are part of one another
    return [replace(f, id=ids[id(f)], part_of=renamed.get(f.part_of) if f.part_of else None) for f in figures]


class _Claims:
    """A document's claims, looked up by position: each figure asks about the claims near it, not all of them.

    Asked of every claim for every figure, a long text with thousands of claims and figures would be quadratic.
    Every answer lists its claims in the document's order, as a scan of all of them would find them.
    """

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self._spans = _Positions([c.span[0] for c in claims], [c.span[1] - c.span[0] for c in claims])
        cues = [c.cue_span for c in claims]
        self._cue_starts = _Positions([s[0] if s else -1 for s in cues], [0] * len(claims))
        self._cue_ends = _Positions([s[1] if s else -1 for s in cues], [0] * len(claims))

    def holding(self, start: int, end: int) -> list[Claim]:
        """Claims whose content holds ``[start, end)``."""
        return [c for c in self._spans.reaching(start, self.claims) if c.span[1] >= end]

    def starting(self, low: int, high: int) -> list[Claim]:
        """Claims whose content starts in ``[low, high)``."""
        return self._spans.starting(low, high, self.claims)

    def cues_starting(self, low: int, high: int) -> list[Claim]:
        """Claims whose cue starts in ``[low, high)``."""
        return self._cue_starts.starting(low, high, self.claims)

    def cues_ending(self, low: int, high: int) -> list[Claim]:
        """Claims whose cue ends in ``[low, high)``."""
        return self._cue_ends.starting(low, high, self.claims)


class _Positions:
    """Items by a position each, sorted once; ranges of positions found by bisection."""

    def __init__(self, positions: list[int], lengths: list[int]) -> None:
        self._order = sorted(range(len(positions)), key=positions.__getitem__)
        self._sorted = [positions[n] for n in self._order]
        self._longest = max(lengths, default=0)

    def starting(self, low: int, high: int, items: list[Claim]) -> list[Claim]:
        """Items whose position is in ``[low, high)``, in their own order."""
        first, last = bisect.bisect_left(self._sorted, low), bisect.bisect_left(self._sorted, high)
        return [items[n] for n in sorted(self._order[first:last])]

    def reaching(self, position: int, items: list[Claim]) -> list[Claim]:
        """Items that start at or before ``position`` and may reach it (no longer than the longest)."""
        return self.starting(position - self._longest, position + 1, items)


def _listed_after(item: Found) -> bool:
    """Is ``item`` a bare count that goes on, in its sentence, from the figure it takes its subject from?"""
    source = item.source
    return item.reading.reference == "elided" and source is not None and source.sentence == item.sentence


def _innermost_claim(claims: _Claims, r: Reading) -> str | None:
    start, end = r.quantity.start, r.quantity.end
    holding = claims.holding(start, end)
    if not holding:
        return None
    return min(holding, key=lambda c: c.span[1] - c.span[0]).id


def _carrying_claim(claims: _Claims, r: Reading) -> str | None:
    """The claim that carries a figure printed outside its content.

    "Twelve were killed in Kherson, 30 in Odesa, according to the governors": an attribution that trails
    the figures' sentence; "Sixteen were killed. This was stated by the ministry": a claim whose content
    is only "this", about the sentence before; "The ministry gave these figures: 16 killed, 42 wounded":
    an attribution that opens a list with a colon.
    """
    sentence = r.anchor.sent
    start, end = r.quantity.start, r.quantity.end
    text = r.text
    trailing = [
        c
        for c in claims.cues_starting(end, sentence.end_char)
        if c.cue_span and c.span[1] <= c.cue_span[0] + TRAILING_SLACK
    ]
    if trailing:
        return min(trailing, key=lambda c: c.cue_span[0] if c.cue_span else 0).id
    following = text[sentence.end_char : sentence.end_char + RESTATED_WINDOW]
    for c in claims.starting(sentence.end_char, sentence.end_char + len(following)):
        offset = c.span[0] - sentence.end_char
        if not following[:offset].strip() and _restates(c.content):
            return c.id
    for c in claims.cues_ending(start - LIST_WINDOW, start):
        if c.cue_span is None or not 0 < start - c.cue_span[1] <= LIST_WINDOW:
            continue
        between = text[c.cue_span[1] : start]
        colon = between.find(":")
        if colon >= 0 and (_a_list(between[colon + 1 :]) or not SENTENCE_BREAK.search(between[colon:])):
            return c.id
    return None


def _a_list(text: str) -> bool:
    """Lines of a list after a colon: each line before the figure's own is a short item."""
    lines = text.split("\n")[:-1]
    return bool(lines) and all(len(line) <= HEADING_MAX_CHARS for line in lines)


def _restates(content: str) -> bool:
    """ "This", "these figures", "that": a content that points back at the sentence before."""
    words = content.strip(" .,;:\"'").lower().split()
    return 0 < len(words) <= RESTATED_WORDS and words[0] in POINTING_BACK


def _as_of(r: Reading, published: str | None, event_nouns: frozenset[str]) -> str | None:
    """The date the figure's sentence gives, nearest first, resolved against the publication date."""
    sentence = r.anchor.sent
    position = r.quantity.start
    dates = [e for e in r.index.ents_within(sentence.start_char, sentence.end_char) if e.label_ == "DATE"]
    dates = [e for e in dates if r.on_its_line(e[0])]
    dates.sort(key=lambda e: abs(e.start_char - position))
    text = r.text
    events = event_nouns
    for ent in dates:
        if _starts_a_period(ent) or _dates_a_clause_of_its_own(ent, r.anchor):
            continue  # "since February 2022" starts a period; it does not date the figure
        # "9–10 November": the model often leaves the days out of the entity.
        days = DAYS_BEFORE.search(text, max(0, ent.start_char - 12), ent.start_char)
        resolved = resolve_date(text[days.start() if days else ent.start_char : ent.end_char], published)
        if resolved and _dates_an_event(ent, events) and _days_before(resolved, published) > EVENT_DATE_DAYS:
            continue  # "killed 27 in the strikes on Sept. 7", published on the 16th: the count is the newer one
        if resolved:
            return resolved
    return None


def _days_before(iso: str, published: str | None) -> int:
    try:
        return (date.fromisoformat(published[:10]) - date.fromisoformat(iso)).days if published else 0
    except ValueError:
        return 0


def _dates_an_event(ent: Span, event_nouns: frozenset[str]) -> bool:
    """ "killed 27 people in the strikes on Sept. 7": the date belongs to the strikes; the count is newer."""
    root = ent.root
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    owner = root.head.head
    return owner.pos_ in ("NOUN", "PROPN") and owner.lower_ in event_nouns


def _dates_a_clause_of_its_own(ent: Span, figure: Token) -> bool:
    """ "around 300 killed, a steep rise on the numbers it gave lawmakers in December": a date inside a
    relative clause or an apposition that does not hold the figure dates what that clause tells of."""
    for token in ent.root.ancestors:
        if token.dep_ in ("relcl", "appos"):
            return not any(t.i == figure.i for t in token.subtree)
    return False


def _starts_a_period(ent: Span) -> bool:
    """ "since 6 August", "since the incursion began on 6 August": the date opens a period."""
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in PERIOD_STARTS:
        return True
    for token in [ent.root, *list(ent.root.ancestors)[:3]]:
        if any(c.dep_ == "mark" and c.lower_ in PERIOD_STARTS for c in token.children):
            return True
    return False


@Language.factory(
    "corroborator_figures",
    # The parse, tags and lemmas, the NER's spans (DATE for as_of), the entity component's links and the
    # claims component's claims. doc._.published is the caller's and optional: see analyze.component.
    requires=[
        "doc.ents",
        "doc.sents",
        "token.dep",
        "token.tag",
        "token.lemma",
        "token.ent_type",
        "token.ent_kb_id",
        doc_extension(ENTITIES),
        doc_extension(CLAIMS),
    ],
    assigns=[doc_extension(FIGURES)],
    default_config={"resolve_dates": True, "read_headings": True, "lexicon_path": None},
)
def make_figures(
    nlp: Language, name: str, resolve_dates: bool, read_headings: bool, lexicon_path: str | None
) -> FigureExtractor:
    return FigureExtractor(
        nlp, name, resolve_dates=resolve_dates, read_headings=read_headings, lexicon_path=lexicon_path
    )


__all__ = ["FigureExtractor", "make_figures"]

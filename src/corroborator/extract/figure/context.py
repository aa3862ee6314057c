"""What the rest of a document tells about each figure: who or what it counts, what it is part of.

A reading (``syntax``) sees one sentence. Here the figures of a document
are read in text order, each with those before it:

- a subject left out ("around 1,000 have been reported injured") is the one of
  the figure before it, in its sentence or else its paragraph;
- a pronoun ("62 of them", "their number") stands for the nearest plural noun
  phrase before it that names something counted, and a partitive figure is
  ``part_of`` the figure that counted the whole;
- a bare number shares the place of the figure before it in its sentence when
  that place is where the counted things are ("in the Kursk fighting");
- "the region" is the last place named as a place before it;
- a heading's figure restates the first body figure with its value.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...records import Measure, Modality, Reference
from .lexicon import Lexicon
from .measures import HARMS
from .places import AT_THE_TARGET
from .reading import Reading
from .syntax import SentenceReader

#: Unit classes worth a figure even when spelled out with no measure ("six of them" drones, "two soldiers").
DOMAIN_CLASSES = frozenset({"people", "munitions", "equipment"})

#: Unit classes whose figure cannot hand its subject on to a bare number after it ("720 km ... around 1,000").
NOT_COUNTS = frozenset({"distance", "area", "money", "percent"})

#: Measures that only people have: a bare number killed or wounded counts people.
PEOPLE_MEASURES = frozenset(
    {Measure.KILLED, Measure.WOUNDED, Measure.CASUALTIES, Measure.MISSING, Measure.DISPLACED, Measure.TRAINED}
)

#: Whose deaths or injuries, when neither the sentence nor the paragraph says: people's.
WHOSE_DEFAULT = "people"

#: What happened to a whole that a part "of them" shares, when nothing else is said of the part.
SHARED = frozenset({Measure.KILLED, Measure.WOUNDED, Measure.CASUALTIES, Measure.MISSING, Measure.CAPTURED})

#: How many figures back "the drones" may name the figure that counted them.
MAX_WHOLE_LOOKBACK = 20

#: Heads of noun phrases that can stand for people when a pronoun refers back ("North Korean losses").
ANTECEDENT_EXTRA = frozenset({"losses", "casualties", "dead", "wounded"})


@dataclass(slots=True)
class Found:
    """A reading, with what the document's context adds."""

    reading: Reading
    sentence: int  # index of the sentence's first token
    line: int  # index of the text line (paragraph)
    heading: bool = False
    source: Found | None = None  # the figure this one takes its subject (or all, for a heading) from
    part_of: Found | None = None
    figure_id: str = ""
    as_of: str | None = None
    claim: str | None = None


class DocumentContext:
    """What the rest of the document tells about one reading: subjects, wholes, places handed on."""

    def __init__(self, doc: Doc, lexicon: Lexicon, reader: SentenceReader) -> None:
        self.doc = doc
        self.lex = lexicon
        self.reader = reader
        self._chunks: list[Span] | None = None
        self._own_places: dict[int, set[int]] = {}  # sentence -> character offsets of its figures' own places
        self._chunk_ends: list[int] = []

    def resolve_all(self, found: list[Found]) -> None:
        """Complete every figure, in text order, from the figures shortly before it."""
        self._own_places = {}
        for item in found:  # the places the figures' own clauses give, before any is handed on
            r = item.reading
            held = self._own_places.setdefault(item.sentence, set())
            if r.location is not None and r.location.span:
                held.add(r.location.span[0])
            if r.at_object is not None:  # "its estimate of losses in Russia at 300": read, and left
                held |= {t.idx for t in r.at_object.subtree}
        starts = [item.reading.quantity.start for item in found]
        for i, item in enumerate(found):
            first = bisect.bisect_left(starts, starts[i] - self.lex.context_chars)
            self.resolve(item, found[first:i])

    def resolve(self, item: Found, nearby: list[Found]) -> None:
        """Complete ``item`` from the figures ``nearby`` before it and the noun phrases of the document."""
        r = item.reading
        unit_before = r.unit
        if self._others_after_a_toll(item, nearby):
            r.unit, r.subject = r.unit or "people", Reference(text=WHOSE_DEFAULT)
        elif r.reference == "pronoun" or (r.reference == "count" and self._possessive_pronoun(r)):
            self._from_antecedent(item, nearby)
            if r.unit is None and r.noun is not None and r.noun.lower_ == "others":
                r.unit = "people"  # "medics said 40 others were hurt", with nothing counted before them
                r.subject = r.subject or Reference(text=WHOSE_DEFAULT)
        elif r.reference == "count":
            self._from_previous(item, nearby, everything=True)
            if r.whose and r.subject is None:  # "the death toll rose to 33", no one named before it
                r.subject = Reference(text=WHOSE_DEFAULT)
        elif r.subject is None and (r.reference in ("elided", "casualty") or r.whose):
            found = self._from_previous(item, nearby, everything=False)
            if not found and (r.reference == "casualty" or r.whose):  # "300 dead" with no figure before it
                self._from_antecedent(item, nearby)
            if (r.whose or r.reference == "casualty") and r.subject is None:  # "60 deaths" of no one named: people
                r.subject = Reference(text=WHOSE_DEFAULT)
        if r.included:
            self._include(item, nearby)
        if r.unit != unit_before or r.measure is None:
            r.measure = self.reader.measures.measure(r)  # "destroyed" drones are intercepted, "destroyed" tanks are not
        source = item.source
        if (
            r.reference == "elided"
            and r.measure in (None, Measure.OTHER)
            and source
            and source.sentence == item.sentence
        ):
            r.measure = source.reading.measure  # "77 drones were downed: 34 over X, three over Y": downed too
        _share_harm(item)
        self._place_from_sentence(item, nearby)
        if r.location is not None:
            self.reader.scene.resolve_anaphor(r.location, r, self.lex.context_chars)
        self._default_measure(r)

    def link_wholes(self, found: list[Found]) -> None:
        """ "62 of the 73 drones": the 62 is part of the figure whose noun is the whole (before or after it)."""
        by_noun = {r.noun.i: item for item in found if (r := item.reading).noun is not None and not r.partitive}
        for i, item in enumerate(found):
            whole = item.reading.whole
            if item.part_of is not None or whole is None:
                continue
            other = by_noun.get(whole.i) or self._named_before(whole, found, i)
            if other is not None and other is not item:
                item.part_of = other
                _share_harm(item)

    @staticmethod
    def _named_before(whole: Token, found: list[Found], i: int) -> Found | None:
        """ "120 drones ... 95 of the drones": a definite whole is the last figure of the same noun in the paragraph;
        "eleven injured people, three of them are children": "them" is the figure right before in the sentence."""
        item = found[i]
        if whole.lower_ in ("them", "whom", "which") and i > 0 and found[i - 1].sentence == item.sentence:
            return found[i - 1]
        if not any(c.lower_ in ("the", "these", "those") for c in whole.lefts):
            return None
        for b in reversed(found[max(0, i - MAX_WHOLE_LOOKBACK) : i]):
            noun = b.reading.noun
            if b.line != item.line:
                return None
            if noun is not None and noun.lemma_.lower() == whole.lemma_.lower() and not b.reading.partitive:
                return b
        return None

    def _include(self, item: Found, nearby: list[Found]) -> None:
        """ "31 people, including five children, were killed": the five are part of the 31, killed where they were."""
        r = item.reading
        # the whole is the figure before that is no part itself: a list's items are parts of one whole
        beside = [b for b in nearby if b.sentence == item.sentence and b.line == item.line]
        whole = next((b for b in reversed(beside) if not b.reading.included), None)
        if whole is None or whole.reading.reference == "distance":
            return
        w = whole.reading
        item.part_of = item.part_of or whole
        r.unit = r.unit or w.unit
        above_the_whole = r.measure_word is not None and any(a.i == r.measure_word.i for a in w.anchor.ancestors)
        if r.measure is None or (above_the_whole and w.measure is not None):
            # "bringing the toll to 524 people, including 213 fighters": the parts are the toll's, not "brought"
            r.measure = w.measure
        if r.location is None:
            r.location, r.location_static = w.location, w.location_static
        if r.modality == Modality.ACTUAL:
            r.modality = w.modality

    # -- subjects from before ---------------------------------------------------------------------

    def _possessive_pronoun(self, r: Reading) -> bool:
        target = r.at_object or r.noun
        return target is not None and any(c.dep_ == "poss" and c.lower_ in self.lex.pronouns for c in target.children)

    def _from_previous(self, item: Found, nearby: list[Found], everything: bool) -> bool:
        """A left-out subject is the one of the figure before, in the same sentence or else the same paragraph."""
        r = item.reading
        same_sentence = [b for b in nearby if b.sentence == item.sentence and b.line == item.line]
        same_line = [b for b in nearby if b.line == item.line]
        # "60 deaths" in a paragraph of their own are nobody's named before, unless they restate a figure; "the death
        # toll rose to 45" goes on
        counted_harm = r.whose and r.reference == "own"
        wide = everything or r.reference == "casualty" or (r.whose and not counted_harm)
        further = nearby if wide else self._told_before(item, nearby) if counted_harm else []
        for pool in (same_sentence, same_line, further):
            for b in reversed(pool):
                if b.reading.quantity.spelled and self.lex.unit_class(b.reading.unit) not in DOMAIN_CLASSES:
                    continue  # "over nine regions" is no figure, and hands nothing on
                if r.whose and b.reading.included:
                    continue  # "100 people, including 20 children, ... The toll rose to 57": not a toll of children
                if b.reading.subject is not None and self.lex.unit_class(b.reading.unit) not in NOT_COUNTS:
                    if (r.reference == "casualty" or r.whose) and self.lex.unit_class(b.reading.unit) != "people":
                        continue
                    self._take(item, b, everything)
                    return True
        return False

    @staticmethod
    def _told_before(item: Found, nearby: list[Found]) -> list[Found]:
        """The figures before ``item`` of the same value: "100 soldiers died ... 'At least 100 deaths have been
        reported,' he said" restates them."""
        return [b for b in nearby if b.line < item.line and b.reading.quantity.value == item.reading.quantity.value]

    def _take(self, item: Found, source: Found, everything: bool) -> None:
        r, s = item.reading, source.reading
        item.source = source
        r.subject = s.subject
        if s.subject is not None and s.subject.text.lower() == "person" and r.quantity.value != 1:
            r.subject = Reference(text=WHOSE_DEFAULT)  # "killed one person and injured 13 more": 13 people
        r.unit = r.unit or s.unit
        if everything:  # "put the figure at 11,000": the same count, as another source gives it
            r.measure = r.measure or s.measure
            if r.location is None:
                r.location, r.location_static = s.location, s.location_static

    @staticmethod
    def _others_after_a_toll(item: Found, nearby: list[Found]) -> bool:
        """ "The toll has climbed to 60,034, with 145,870 others wounded": others than a toll that names no one are
        people, not the nouns named before the toll ("mostly women and children")."""
        r = item.reading
        if r.noun is None or r.noun.lower_ != "others":
            return False
        before = [b for b in nearby if b.sentence == item.sentence]
        if not before:
            return False
        toll = before[-1].reading  # "the number rose to 9,100, with 200 others damaged" counts tanks, not people
        return toll.reference == "count" and toll.noun is None and toll.unit in (None, "people")

    def _from_antecedent(self, item: Found, nearby: list[Found]) -> None:
        """ "62 of them", "their number": the nearest noun phrase before that names something counted."""
        r = item.reading
        own = r.at_object or r.noun
        limit = r.expression.start if own is None else min(r.expression.start, own.left_edge.i)
        figures_by_noun = {b.reading.noun.i: b for b in nearby if b.reading.noun is not None}
        plural = r.noun is None or r.noun.lower_ != "it"
        own_subjects = self._clause_subjects(r)
        # "with 35 killed": whoever was killed are people, not "the deadliest days" before them
        # "with 35 killed", "killed 10 of them": whoever was killed or hurt are people, not the cars named before
        wants_people = r.reference == "casualty" or r.whose or r.own_measure in PEOPLE_MEASURES
        chunks = self._noun_chunks()
        last = bisect.bisect_right(self._chunk_ends, limit)  # chunks are in text order: skip those after the number
        # "These clashes caused 100 fatalities": whose, if not said in its sentence, is nobody's named before
        first = r.expression.sent.start if r.whose and r.reference == "own" else 0
        for chunk in reversed(chunks[:last]):
            if chunk.start < first:
                break
            if chunk.end > limit or chunk.root.i in own_subjects or self._speaks(chunk.root):
                continue  # "Defenders downed 70 of them": a clause's subject is not what its pronoun stands for,
                # nor is a speaker ("Medics said 150 others were hurt": the others are not medics)
            if chunk.root.lower_ in self.lex.measure_nouns and chunk.root.i not in figures_by_noun:
                continue  # "injuries to three others": the others are not injuries
            if r.expression[0].idx - chunk.start_char > self.lex.context_chars:
                break
            root = chunk.root
            if plural and root.tag_ not in ("NNS", "NNPS") and root.i not in figures_by_noun:
                continue  # "them", "their" stand for a plural: "the Air Force" is not what was shot down
            if root.dep_ == "conj" and root.head.i in figures_by_noun:
                root = root.head  # "50 drones and decoys": the decoys belong to the 50
            figure = figures_by_noun.get(root.i)
            counts_others = r.noun is not None and r.noun.lower_ == "others"
            while counts_others and figure is not None and figure.part_of is not None:
                figure = figure.part_of  # "seven killed, including two girls, and 46 others hurt": than the seven
            if figure is not None and figure.reading.subject is not None:
                if wants_people and self.lex.unit_class(figure.reading.unit) != "people":
                    continue
                self._take(item, figure, everything=False)
                if r.partitive:
                    item.part_of = figure
                elif self._others_than_harmed(r, figure.reading.noun):
                    r.subject = Reference(text=WHOSE_DEFAULT)  # "14 bodies ... five others were injured": people
                return
            unit = self._antecedent_unit(chunk)
            if unit and (not wants_people or self.lex.unit_class(unit) == "people"):
                others = self._others_than_harmed(r, root)  # "with some bodies burned, five others were injured"
                r.subject = Reference(text=WHOSE_DEFAULT) if others else self.reader.tree.noun_reference(root, None)
                r.unit = r.unit or unit
                return

    def _others_than_harmed(self, r: Reading, antecedent: Token | None) -> bool:
        """Are ``r``'s "others" other than people named by what happened to them ("bodies", "the dead")?"""
        if r.noun is None or r.noun.lower_ != "others" or antecedent is None:
            return False
        return self.reader.tree.word_measure(antecedent, "people") in HARMS

    def _speaks(self, noun: Token) -> bool:
        """A reporting verb's subject, or the source of "according to" ("according to local residents")."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according":
            return True
        return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in self.lex.reporting

    @staticmethod
    def _clause_subjects(r: Reading) -> set[int]:
        """The subject of the clause whose object the number is ("Defenders downed 70 of them")."""
        verb = r.anchor.head
        if r.anchor.dep_ not in ("dobj", "nsubjpass", "attr") or verb.pos_ not in ("VERB", "AUX"):
            return set()  # "..., with 8,000 of them in Kursk": the pronoun may well be the subject
        return {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}

    def _antecedent_unit(self, chunk: Span) -> str | None:
        root = chunk.root
        lower = root.lower_
        unit = self.lex.unit_of.get(lower) or self.lex.unit_of.get(root.lemma_.lower())
        if unit and self.lex.unit_class(unit) in DOMAIN_CLASSES:
            return unit
        if lower in self.lex.groups or lower in ANTECEDENT_EXTRA:
            return "people"
        if root.tag_ == "NNPS" and root.ent_type_ == "NORP":
            return "people"  # "the North Koreans"
        return None

    def _noun_chunks(self) -> list[Span]:
        """The document's noun phrases, read once and only when a pronoun needs them."""
        if self._chunks is None:
            try:
                self._chunks = list(self.doc.noun_chunks)
            except ValueError:  # no parser in this pipeline
                self._chunks = []
            self._chunk_ends = [chunk.end for chunk in self._chunks]
        return self._chunks

    # -- places and measures handed on -------------------------------------------------------------------

    def _place_from_sentence(self, item: Found, nearby: list[Found]) -> None:
        """A bare number shares the place of the figure before it in its sentence, or of the figure in its paragraph
        it takes its subject from, if that place is where it is;
        any figure whose clause names no place takes the place its sentence names, else its paragraph's."""
        r = item.reading
        if r.location is not None or r.reference == "distance":
            return
        if r.reference in ("elided", "casualty"):
            for b in reversed(nearby):
                if b.sentence == item.sentence and b.line == item.line and b.reading.reference != "distance":
                    if b.reading.location is not None and b.reading.location_static:
                        r.location, r.location_static = b.reading.location, True
                        return
                    break
            source = item.source  # "8 people were killed in X, medics said. Another 14 were wounded": there too
            if source is not None and source.line == item.line and source.reading.location_static:
                r.location, r.location_static = source.reading.location, True
                return
        if self.reader.places.unnamed_places(r):
            return  # "other attacks killed 22 people in a swathe of southern towns": not the town named before
        if self.lex.unit_class(r.unit) in DOMAIN_CLASSES:  # the sentence's place, else its paragraph's
            scene = self.reader.scene
            r.location = scene.sentence_place(r, self._own_places.get(item.sentence, set()))
            # The paragraph's attack placed those it killed or hurt, not the drones launched at the country; a
            # figure that goes on from another in its sentence ("killed three and wounded three others") keeps
            # that one's place.
            source = item.source
            if r.location is None and source is not None and source.sentence == item.sentence:
                r.location = source.reading.location if source.reading.location_static else None
            elif r.measure in AT_THE_TARGET and source is None and item.part_of is None:
                r.location = r.location or scene.paragraph_place(r)
            r.location_static = r.location is not None

    def _default_measure(self, r: Reading) -> None:
        """Only people are killed or wounded; people in a place are present; people planned to move are deployed."""
        if r.unit is None and r.measure in PEOPLE_MEASURES:
            r.unit = "people"  # "wounded five others"
        if r.measure:
            return
        if self.lex.unit_class(r.unit) != "people":
            return
        if r.location is not None and r.location_static:
            r.measure = Measure.PRESENT
        elif r.modality == Modality.PLANNED:
            r.measure = Measure.DEPLOYED


def restate_headings(found: list[Found]) -> None:
    """A heading's figure takes the reading of the first body figure with its value: it restates it."""
    for item in found:
        if not item.heading:
            continue
        q = item.reading.quantity
        for body in found:
            if body.heading or body.reading.quantity.start <= q.start or body.reading.quantity.value != q.value:
                continue
            r, b = item.reading, body.reading
            if r.unit and b.unit and r.unit != b.unit:
                continue
            r.unit, r.measure, r.modality = b.unit, b.measure, b.modality
            r.subject = b.subject or r.subject
            r.location, r.location_static = b.location, b.location_static
            item.source = body
            break


def _share_harm(item: Found) -> None:
    """ "eleven injured people, three of them are children": a part of a harmed whole that nothing else is said of
    shares its harm."""
    r, whole = item.reading, item.part_of
    if r.anchor.dep_ in ("nsubj", "nsubjpass") and r.anchor.head.lemma_ != "be":
        return  # "60 went missing, 25 of them later returned": the part has a verb of its own
    if r.measure in (None, Measure.OTHER) and whole is not None and whole.reading.measure in SHARED:
        r.measure = whole.reading.measure

"""Reading one number in its sentence: what it counts and whose it is.

The parser's dependency tree does most of the work: the counted noun is the
number's head ("8,000 soldiers") or the object of its "of" ("8,000 of the
soldiers", "62 of them"); a number given as a value ("put the dead at 100",
"losses passed 3,000", "raised the toll to 41") counts what the verb's object
or subject names. The small English model's tree is often a little wrong, so a
reading also looks at the words printed right next to the number ("145 attack
and decoy drones"), and never lets the tree carry it onto another line (the
parser runs a heading into the sentence below it).

``SentenceReader.read`` fills a ``Reading``; its measure and modality
(``figure_measures``), its place (``figure_places``) and what the rest of the
document adds (elided subjects, antecedents, headings: ``figure_context``) are
read by the modules named.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..records import Reference
from .figure_lexicon import Lexicon
from .figure_measures import MeasureReader
from .figure_places import PlaceReader
from .numbers import Quantity

#: How many tokens after a number may lie between it and the noun it counts ("145 attack and decoy drones").
NOUN_WINDOW = 6

#: How far up the tree to look for a governing word; clauses are rarely deeper.
MAX_CLIMB = 8

#: Labels whose linked entity may stand for who or what is counted ("North Korean soldiers").
SUBJECT_LABELS = frozenset({"NORP", "GPE", "ORG", "LOC"})

#: Measures whose agent owns what is counted: "North Korea has deployed 10,000 troops" are North Korea's.
OWNER_MEASURES = frozenset({"deployed", "launched", "present"})

#: Tokens that may stand between a number and its noun.
_NOUN_PHRASE_POS = frozenset({"ADJ", "NOUN", "PROPN", "CCONJ", "PUNCT", "NUM", "PART", "SYM", "X"})

#: Words that make a number a part of the figure before it: "31 people, including five children".
_INCLUDED_BEFORE = re.compile(r"(?<!\w)(?:including|among\s+them|among\s+whom|of\s+whom|incl\.)\s+\Z", re.I)

#: Number words that can be a part before its whole ("three of the 20 drones").
_PART_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands"

#: Relative pronouns after "of": "of which", "of whom".
_RELATIVES = frozenset({"which", "whom"})

#: Left modifiers of a noun that say how many, not what ("how many soldiers", "some troops").
_QUANTIFIERS = frozenset({"how", "many", "much", "few", "several", "some", "all", "most", "more", "other", "another"})

_MODIFIER_DEPS = frozenset({"acl", "relcl", "amod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

#: Dependencies of a verb that end the climb when the verb itself gave no measure: another clause begins.
_CLAUSE_ENDS = frozenset({"advcl", "conj", "parataxis", "relcl", "acl", "ROOT"})


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
    measure: str | None = None
    location: Reference | None = None
    location_static: bool = False  # "in Kursk" may be handed on; "sent to Russia" may not
    modality: str = "actual"
    at_object: Token | None = None  # X of "put X at 11,000"
    whole: Token | None = None  # the counted whole's noun for "62 of the 73 drones"
    own_measure: str | None = None  # the measure the sentence gave, before the context added one
    measure_word: Token | None = None  # the word that gave the measure ("launched", "stationed")
    strong: bool = False  # "a 1,500-strong force"
    whole_of_part: bool = False  # the 20 of "shot down 12 of 20 missiles": what is done is done to the 12
    included: bool = False  # "31 people, including five children": a part of the figure before it

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


class SentenceReader:
    """Reads quantities in parsed sentences with the words of a ``Lexicon``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.places = PlaceReader(lexicon, self)
        self.measures = MeasureReader(lexicon, self)
        partitive = "|".join(re.escape(w) for w in sorted(lexicon.partitive, key=len, reverse=True))
        # A part printed before its whole: "12 of 20 missiles", "some of the 11,000 troops", "three out of 20".
        self._part_before = re.compile(
            rf"(?<![\w,.])(?:\d[\d,.]*|{_PART_WORDS}|{partitive})\s+(?:out\s+)?of\s+(?:the\s+)?\Z", re.IGNORECASE
        )

    # -- the entry point ----------------------------------------------------------------------

    def read(self, q: Quantity, expression: Span, index: DocIndex) -> Reading:
        """Read ``q``, printed as ``expression`` in the Doc that ``index`` describes."""
        number = expression.doc.char_span(q.number_start, q.number_end, alignment_mode="expand")
        reading = Reading(q, index, expression, self._anchor(expression), number[-1] if number else expression[-1])
        text = index.text
        rest = text[q.end : q.end + 12].lower()
        reading.strong = any(rest.startswith(f"-{word}") for word in self.lex.strong)
        reading.whole_of_part = bool(self._part_before.search(text, max(0, q.start - 30), q.start))
        reading.included = bool(_INCLUDED_BEFORE.search(text, max(0, q.start - 30), q.start))
        self._find_noun(reading)
        self._find_unit(reading)
        self._find_at_object(reading)
        if self.lex.unit_class(reading.unit) == "distance":
            reading.reference = "distance"
            reading.subject = self.places.distance_subject(reading)
        else:
            reading.subject = self._activity_agent(reading) or self._own_subject(reading)
        reading.modality = self.measures.modality(reading)
        reading.measure = reading.own_measure = self.measures.measure(reading)
        if reading.reference != "distance":
            reading.location, reading.location_static = self.places.location(reading)
        self._owner(reading)
        return reading

    # -- the number and its noun --------------------------------------------------------------

    @staticmethod
    def _anchor(expression: Span) -> Token:
        """The expression's token whose head lies outside it."""
        outside = [t for t in expression if not (expression.start <= t.head.i < expression.end) or t.head == t]
        numeric = [t for t in outside if t.like_num or t.pos_ == "NUM"]
        return (numeric or outside or [expression[-1]])[-1]

    def _find_noun(self, r: Reading) -> None:
        expression = r.expression
        of = self._of_child(r) or self._of_after(expression) or self._of_which_before(r)
        if of is not None and of.lower_ in _RELATIVES:
            of = self._relative_antecedent(of) or of  # "24 drones, of which 20 were shot down"
        if of is not None:
            whole = self._unit_noun_from(of) or of
            r.partitive, r.noun, r.whole = True, whole, whole
            r.reference = "pronoun" if whole.lower_ in self.lex.pronouns else "own"
            return
        if r.strong:  # "a 1,500-strong contingent": the noun after "-strong"
            strong = next((t for t in expression.doc[expression.end : expression.end + 4] if t.pos_ == "NOUN"), None)
            if strong is not None:
                r.noun, r.reference = strong, "own"
                return
        valued = self._valued_subject(r)
        if valued is not None:  # "losses had passed 3,000", "casualties reached 1,500"
            r.noun, r.reference = valued, "own"
            return
        candidate = self._head_noun(r)
        scanned = self._unit_noun_after(expression)
        if candidate is None or (scanned is not None and not self.unit_of_token(candidate)):
            candidate = scanned or candidate or self._noun_after(expression)
        if candidate is None or not r.on_its_line(candidate):
            return
        if candidate.lower_ in self.lex.pronouns:
            r.noun, r.reference = candidate, "pronoun"
        elif candidate.lower_ in self.lex.count_nouns:
            r.noun, r.reference = candidate, "count"
        else:
            r.noun, r.reference = candidate, "own"

    def _valued_subject(self, r: Reading) -> Token | None:
        """The subject of a verb that gives it the number as a value: "losses passed 3,000"."""
        first = r.expression[0]
        if first.pos_ == "VERB" and first.i < r.number.i:
            verb = first  # the qualifier is the verb: "passed 3,000"
        elif r.anchor.dep_ in ("dobj", "attr") and r.anchor.head.lemma_.lower() in self.lex.value_of_subject:
            verb = r.anchor.head
        else:
            return None
        return next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)

    @staticmethod
    def _of_which_before(r: Reading) -> Token | None:
        """ "of which 20 were shot down", when the tree hangs "of which" on the verb."""
        verb = r.anchor.head
        for child in verb.children:
            if child.lower_ == "of" and child.i < r.anchor.i:
                relative = next((c for c in child.children if c.lower_ in _RELATIVES), None)
                if relative is not None:
                    return relative
        return None

    def _relative_antecedent(self, relative: Token) -> Token | None:
        """The noun "which" stands for: the last noun before it that names a unit ("10 drones toward Sumy, five
        of which ..."), else the noun its clause hangs on."""
        for token in reversed(relative.doc[relative.sent.start : relative.i]):
            if token.pos_ in ("NOUN", "PROPN") and self.unit_of_token(token):
                return token
        return next((a.head for a in relative.ancestors if a.dep_ == "relcl"), None)

    def _noun_after(self, expression: Span) -> Token | None:
        """Any noun right after the number ("10 to 12 more air defence systems"), when none names a known unit."""
        doc = expression.doc
        for t in doc[expression.end : min(len(doc), expression.end + NOUN_WINDOW)]:
            if t.pos_ == "NOUN":
                return self._end_of_noun_run(t)
            if t.pos_ not in ("ADJ", "PROPN", "NUM") and t.lower_ not in _QUANTIFIERS and t.text not in ("-", "–"):
                return None
        return None

    @staticmethod
    def _head_noun(r: Reading) -> Token | None:
        head = r.anchor.head
        follows = r.expression.end <= head.i < r.expression.end + NOUN_WINDOW
        if follows and head.pos_ in ("NOUN", "PROPN", "PRON") and r.anchor.dep_ != "pobj":
            return head
        return None

    @staticmethod
    def _of_child(r: Reading) -> Token | None:
        """The object of the number's "of" ("62 of them", "8,000 of the soldiers"), not a qualifier's."""
        for token in (r.anchor, r.number):
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of" and child.i >= r.expression.end:
                    objects = [t for t in child.children if t.dep_ == "pobj"]
                    if objects:
                        return objects[0]
        return None

    @staticmethod
    def _of_after(expression: Span) -> Token | None:
        """ "N of the X" read from the words when the tree hangs "of" elsewhere."""
        doc = expression.doc
        i = expression.end
        if i + 1 < len(doc) and doc[i].lower_ == "of":
            for token in doc[i + 1 : min(len(doc), i + 1 + NOUN_WINDOW)]:
                if token.pos_ in ("NOUN", "PROPN", "PRON"):
                    return token
                if token.pos_ not in _NOUN_PHRASE_POS and token.pos_ != "DET":
                    break
        return None

    def _unit_noun_from(self, token: Token) -> Token | None:
        """From a partitive's object, the noun that names a unit, if the tree picked a modifier."""
        if token.lower_ in self.lex.pronouns:
            return token
        if self.unit_of_token(token):
            return self._end_of_noun_run(token)
        doc = token.doc
        for t in doc[token.i + 1 : min(len(doc), token.i + NOUN_WINDOW)]:
            if self.unit_of_token(t):
                return self._end_of_noun_run(t)
            if t.pos_ not in _NOUN_PHRASE_POS:
                break
        return None

    def _unit_noun_after(self, expression: Span) -> Token | None:
        """The first noun naming a known unit in the words right after the number."""
        doc = expression.doc
        for t in doc[expression.end : min(len(doc), expression.end + NOUN_WINDOW)]:
            if t.pos_ not in _NOUN_PHRASE_POS or (t.lower_ in ("of", "and", "or") and t.i == expression.end):
                break
            if t.pos_ in ("NOUN", "PROPN") and self.unit_of_token(t):
                return self._end_of_noun_run(t)
            if t.pos_ == "PUNCT" and t.text not in ("-", "–"):
                break
        return None

    @staticmethod
    def _end_of_noun_run(token: Token) -> Token:
        """ "decoy drones", "drone operators": the last noun of a run names what is counted."""
        doc = token.doc
        while token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "NOUN" and doc[token.i + 1].tag_ != "VBG":
            token = doc[token.i + 1]
        return token

    def unit_of_token(self, token: Token) -> str | None:
        doc = token.doc
        if token.i > 0:
            pair = f"{doc[token.i - 1].lower_} {token.lower_}"
            if pair in self.lex.unit_of:
                return self.lex.unit_of[pair]
        return self.lex.unit_of.get(token.lower_) or self.lex.unit_of.get(token.lemma_.lower())

    def _find_unit(self, r: Reading) -> None:
        q = r.quantity
        if q.currency:
            r.unit = q.currency
        elif q.percent:
            r.unit = "percent"
        elif r.strong:
            r.unit = "people"
        elif r.noun is not None and r.reference == "own":
            r.unit = self.unit_of_token(r.noun) or self._plural_demonym(r.noun) or r.noun.lower_
            if r.noun.lower_ == "losses":  # "tank losses" count tanks; bare "losses" count people
                r.unit = next((self.unit_of_token(c) for c in r.noun.lefts if self.unit_of_token(c)), r.unit)

    @staticmethod
    def _plural_demonym(token: Token) -> str | None:
        """ "11,000 North Koreans": a people's name in the plural counts people."""
        return "people" if token.tag_ == "NNPS" or (token.ent_type_ == "NORP" and token.lower_.endswith("s")) else None

    def _find_at_object(self, r: Reading) -> None:
        """X in "put X at 11,000", "estimated X at between 200 and 300", "bringing its losses to 700,000".

        The number is then a value given to X, and X says what it counts.
        """
        token = r.anchor
        for _ in range(3):
            head = token.head
            if head == token:
                return
            if head.dep_ == "prep" and head.lower_ in ("at", "to"):
                governor = head.head
                if head.lower_ == "to" and governor.lemma_.lower() not in self.lex.value_verbs:
                    return
                if governor.pos_ in ("VERB", "AUX"):
                    objects = [c for c in governor.children if c.dep_ in ("dobj", *_SUBJECT_DEPS) and c.i < head.i]
                    objects.sort(key=lambda c: c.dep_ != "dobj")
                    r.at_object = objects[0] if objects else governor
                else:
                    r.at_object = governor
                return
            token = head

    # -- subject ------------------------------------------------------------------------------------

    def _own_subject(self, r: Reading) -> Reference | None:
        noun = r.noun
        if r.reference == "own" and noun is not None:
            between = not r.partitive and not r.strong  # the words between number and noun are its
            return self.noun_reference(noun, r.expression if between else None)
        target = r.at_object
        if target is None or noun is not None:
            return None
        head = target.head if target.dep_ == "conj" and target.head.pos_ in ("NOUN", "ADJ") else target
        if head.lower_ in self.lex.groups:  # "puts the North Korean contingent at about 10,000"
            r.reference, r.unit = "own", r.unit or "people"
            return self.noun_reference(head, None)
        if head.lower_ in self.lex.count_nouns:  # "put the figure at 11,000", "the number of troops at"
            r.reference = "count"
            if self.lex.measure_of(head.lower_, "people"):
                r.unit = r.unit or "people"  # "the death toll rose to 41": a toll counts people
            counted = self._of_object(head)
            if counted is not None:
                r.reference, r.unit = "own", self.unit_of_token(counted) or counted.lower_
                return self.noun_reference(counted, None)
            return None
        if self.lex.measure_of(head.lemma_.lower(), "people") or self.lex.measure_of(head.lower_, "people"):
            r.reference, r.unit = "casualty", r.unit or "people"
            reference = self.noun_reference(head, None)
            # "North Korean dead and wounded" names whom; "the dead" does not.
            return reference if reference.entity else None
        return None

    def _activity_agent(self, r: Reading) -> Reference | None:
        """ "his unit flies 40 sorties a day": what is counted is done by the verb's subject."""
        if r.noun is None or r.reference != "own" or r.noun.lower_ not in self.lex.activities:
            return None
        for verb in self.governors(r.noun, r):
            if verb.pos_ == "VERB":
                agents = [c for c in verb.children if c.dep_ == "nsubj"]
                return self.noun_reference(agents[0], None) if agents else None
        return None

    @staticmethod
    def _of_object(token: Token) -> Token | None:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        return None

    def noun_reference(self, noun: Token, expression: Span | None) -> Reference:
        """The counted noun phrase: its modifiers and the noun, without the number ("North Korean soldiers")."""
        doc = noun.doc
        start = noun.i
        if expression is not None and expression.end <= noun.i:
            start = expression.end  # the words between the number and its noun are the noun's
        else:
            for child in noun.lefts:
                if child.dep_ in ("amod", "compound", "nmod", "poss", "case") and not self._quantifier(child):
                    if child.tag_.startswith("VB") or child.lower_ in self.lex.strong:
                        continue  # "wounded soldiers", "estimated dead", "1,500-strong": not who
                    start = min(start, child.left_edge.i)
        end = noun.i + 1
        conj = [c for c in noun.children if c.dep_ == "conj" and c.i < noun.i + 4]
        if noun.lower_ in ("dead", "killed") and conj:
            end = conj[-1].i + 1  # "dead and wounded"
        while start < end - 1 and self._not_what(doc[start]):
            start += 1
        span = doc[start:end]
        return Reference(text=span.text, entity=self.entity_in(span), span=(span.start_char, span.end_char))

    def _not_what(self, token: Token) -> bool:
        """Words at the front of a noun phrase that do not say what is counted: "the", "its", "some", "-"."""
        return token.is_punct or token.pos_ == "DET" or token.tag_ == "PRP$" or self._quantifier(token)

    @staticmethod
    def _quantifier(token: Token) -> bool:
        return token.like_num or token.lower_ in _QUANTIFIERS

    @staticmethod
    def entity_in(span: Span) -> str | None:
        for token in span:
            if token.ent_kb_id_ and token.ent_type_ in SUBJECT_LABELS:
                return token.ent_kb_id_
        return None

    def _owner(self, r: Reading) -> None:
        """ "North Korea has deployed roughly 10,000 troops": the troops are North Korea's."""
        subject = r.subject
        if subject is None or subject.entity or r.measure not in OWNER_MEASURES:
            return
        words = [r.measure_word] if r.measure_word is not None else self.governors(r.start, r)
        for verb in words:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            while verb.dep_ == "xcomp" and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
                verb = verb.head  # "Pyongyang planned to send": the sender is the planner
            agents = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
            owner = self.entity_in(agents[0].doc[agents[0].left_edge.i : agents[0].i + 1]) if agents else None
            if owner:
                subject.entity = owner
            return

    # -- the words that govern it -----------------------------------------------------------------

    @staticmethod
    def has_subject(token: Token) -> bool:
        return any(c.dep_ in _SUBJECT_DEPS for c in token.children)

    def own_modifiers(self, noun: Token) -> list[Token]:
        """The verbs and adjectives that describe the counted noun itself, not a part of it.

        "10,000 troops, most of whom were stationed at training bases": the clause is about "most".
        """
        found = []
        for child in noun.children:
            if child.dep_ not in _MODIFIER_DEPS:
                continue
            subjects = [c for c in child.children if c.dep_ in _SUBJECT_DEPS]
            of_which = any(c.lower_ == "of" for c in child.children)
            if any((s.lower_ in self.lex.partitive or s.like_num) and (of_which or self._has_of(s)) for s in subjects):
                continue  # "drones, of which 20 were shot down": the clause is about the 20
            found.append(child)
        return found

    @staticmethod
    def _has_of(token: Token) -> bool:
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)

    def complements(self, verb: Token) -> list[Token]:
        """What a verb says of its subject: "were missing", "reported injured", "are believed to be encircled"."""
        found = [c for c in verb.children if c.dep_ in ("acomp", "oprd", "attr")]
        if verb.lemma_.lower() in self.lex.reporting and any(c.dep_ == "auxpass" for c in verb.children):
            for xcomp in (c for c in verb.children if c.dep_ == "xcomp"):
                found.append(xcomp)
                found += [c for c in xcomp.children if c.dep_ in ("acomp", "oprd", "attr")]
        return found

    def governors(self, start: Token, r: Reading, absolute: bool = False) -> list[Token]:
        """The words above ``start`` up to the end of its clause and line, crossing no partitive "of".

        ``absolute``: the number has a place of its own ("with 8,000 of them already in Kursk"),
        so a "with" above it opens a clause of its own, not an instrument ("attacked with 50 drones").
        """
        expression = r.expression
        found: list[Token] = []
        if r.whole_of_part:
            return found
        token = start
        for _ in range(MAX_CLIMB):
            head = token.head
            if head == token or self._leaves_a_whole(token, expression) or self._circumstance(token):
                break
            if not r.on_its_line(head):
                break  # the parser runs a heading into the sentence after it
            if absolute and head.lower_ == "with" and head.dep_ == "prep":
                break
            if not (expression.start <= head.i < expression.end):
                found.append(head)
                if head.lemma_.lower() in self.lex.reporting or self._ends_clause(head):
                    break
            token = head
        return found

    def _ends_clause(self, token: Token) -> bool:
        """A verb that gives no measure and hangs on another clause ends the climb ("67 others were lost")."""
        if token.pos_ not in ("VERB",) or token.dep_ not in _CLAUSE_ENDS:
            return False
        return self.measures.word_measure(token, None) is None or token.dep_ == "ROOT"

    def _circumstance(self, token: Token) -> bool:
        """ "killed in two regions", "diverted at three airports": the verb is not about what is counted."""
        if token.dep_ != "pobj":
            return False
        prep = token.head.lower_
        return prep in self.lex.static_preps or prep in self.lex.directional_preps or prep == "from"

    def _leaves_a_whole(self, token: Token, expression: Span) -> bool:
        """ "some of the 11,000 troops": climbing from the whole into the part it is a part of."""
        if token.dep_ != "pobj" or token.head.lower_ != "of":
            return False
        owner = token.head.head
        if expression.start <= owner.i < expression.end:
            return False
        return owner.lower_ in self.lex.partitive or owner.like_num

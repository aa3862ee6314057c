"""Reading one number in its sentence: what it counts and whose it is.

The parser's dependency tree does most of the work: the counted noun is the
number's head ("8,000 soldiers") or the object of its "of" ("8,000 of the
soldiers", "62 of them"); a number given as a value ("put the dead at 100",
"losses passed 3,000", "raised the toll to 41") counts what the verb's object
or subject names. The small English model's tree is often a little wrong, so a
reading also looks at the words printed right next to the number ("145 attack
and decoy drones"), and never lets the tree carry it onto another line (the
parser runs a heading into the sentence below it).

``SentenceReader.read`` fills a ``Reading`` (``reading``); its measure and
modality (``measures``) and its place (``places``) are read by the modules named,
which walk the tree with ``tree`` as this module does; what the rest of the
document adds (elided subjects, antecedents, headings) is ``context``'s.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...records import Measure, Reference
from .distances import DistanceReader
from .lexicon import Lexicon
from .measures import MeasureReader
from .numbers import Quantity
from .places import PlaceReader
from .reading import DocIndex, Reading
from .scene import SceneReader
from .targets import TOLL_NOUNS
from .tree import QUANTIFIERS, SUBJECT_DEPS, TreeReader

#: How many tokens after a number may lie between it and the noun it counts ("145 attack and decoy drones").
NOUN_WINDOW = 6
#: How much further the noun a number modifies in the tree may be ("105 aircraft-type unmanned aerial vehicles").
NUMMOD_EXTRA = 4

#: Measures whose agent owns what is counted: "North Korea has deployed 10,000 troops" are North Korea's.
OWNER_MEASURES = frozenset({Measure.DEPLOYED, Measure.LAUNCHED, Measure.PRESENT})

#: Tokens that may stand between a number and its noun.
_NOUN_PHRASE_POS = frozenset({"ADJ", "NOUN", "PROPN", "CCONJ", "PUNCT", "NUM", "PART", "SYM", "X"})

#: How far before a number the words that make it a part are looked for ("12 of the", "including", "among them").
PART_LOOKBACK = 30

#: Words that make a number a part of the figure before it: "31 people, including five children".
_INCLUDED_BEFORE = re.compile(r"(?<!\w)(?:including|among\s+them|among\s+whom|of\s+whom|incl\.)\s+\Z", re.I)

#: Number words that can be a part before its whole ("three of the 20 drones").
_PART_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands"

#: Plurals of "-man" nouns count people whatever their trade ("tribesmen", "crewmen", "guardsmen"): too many
#: for a word list to hold.
_PEOPLE_PLURAL = re.compile(r"\w{3,}men\Z")

#: Possessives by which a speaker counts its own ("its fighters", "our soldiers").
_OWN_PRONOUNS = frozenset({"its", "their", "our"})

#: Letters against a number's digits ("70NM"), a unit when the lexicon knows them.
_GLUED_WORD = re.compile(r"[A-Za-z]+")

#: The verbs whose subject, a count ("the toll"), a number stands for, by the number's dependency.
#: Qualifiers the parser makes prepositions after "be" ("could be over 3,000").
_QUALIFYING_PREPS = frozenset({"over", "above", "under", "below", "around", "about"})
_COUNTED_AS = {"be": ("attr", "acomp"), "include": ("dobj",), "approach": ("dobj",), "near": ("dobj",)}

#: Relative pronouns after "of": "of which", "of whom".
_RELATIVES = frozenset({"which", "whom"})
#: Words for those harmed that stand alone after a number ("two dead, four wounded"): they are what is counted.
_HARMED_WORDS = frozenset({"dead", "killed", "wounded", "injured", "hurt", "missing"})


#: Adverbs between a counted word and the verb that gives its value ("the dead now number 60").
_VALUE_ADVERBS = frozenset({"now", "still", "already", "currently", "reportedly"})


class SentenceReader:
    """Reads quantities in parsed sentences with the words of a ``Lexicon``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.tree = TreeReader(lexicon)
        self.places = PlaceReader(lexicon, self.tree)
        self.scene = SceneReader(lexicon, self.places)
        self.distances = DistanceReader(self.places)
        self.measures = MeasureReader(lexicon, self.tree, self.places)
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
        reading.whole_of_part = bool(self._part_before.search(text, max(0, q.start - PART_LOOKBACK), q.start))
        reading.included = bool(_INCLUDED_BEFORE.search(text, max(0, q.start - PART_LOOKBACK), q.start))
        self._find_noun(reading)
        reading.included = reading.included or self._listed_after_including(reading)
        self._find_unit(reading)
        self._find_at_object(reading)
        if self.lex.unit_class(reading.unit) == "distance":
            reading.reference = "distance"
            reading.subject = self.distances.subject(reading)
        else:
            reading.subject = self._activity_agent(reading) or self._own_subject(reading)
        reading.modality = self.measures.modality(reading)
        reading.measure = reading.own_measure = self.measures.measure(reading)
        if reading.reference != "distance":
            reading.location, reading.location_static = self.places.location(reading)
        else:
            reading.location = self.distances.location(reading)
        self._owner(reading)
        return reading

    @staticmethod
    def _listed_after_including(r: Reading) -> bool:
        """ "including 5,000 children, 3,250 women and 690 elderly": every item of the list is a part."""
        noun = r.noun
        if noun is None or noun.dep_ != "conj":
            return False
        while noun.dep_ == "conj" and noun.head.i < noun.i:
            noun = noun.head
        edge = noun.left_edge.idx
        return noun is not r.noun and bool(_INCLUDED_BEFORE.search(r.text, max(0, edge - PART_LOOKBACK), edge))

    # -- the number and its noun --------------------------------------------------------------

    @staticmethod
    def _anchor(expression: Span) -> Token:
        """The expression's token whose head lies outside it."""
        outside = [t for t in expression if not (expression.start <= t.head.i < expression.end) or t.head == t]
        numeric = [t for t in outside if t.like_num or t.pos_ == "NUM"]
        return (numeric or outside or [expression[-1]])[-1]

    def _glued_unit(self, r: Reading) -> str | None:
        """ "70NM", "12km": a unit printed against the digits, in the number's own token."""
        word = _GLUED_WORD.match(r.text, r.quantity.number_end)
        if word is None or r.quantity.end != r.quantity.number_end or word.end() > r.number.idx + len(r.number):
            return None
        return self.lex.unit_of.get(word.group().lower())

    def _find_noun(self, r: Reading) -> None:
        expression = r.expression
        if self._glued_unit(r):
            return  # the unit is in the number's token: the noun after it is something else ("70NM west of")
        named = self._named_by_copula(r)
        if named is not None:  # "20 are children": the 20 are counted as children
            r.noun, r.reference = named, "own"
            r.whole = next(  # "of the 140 people who died, 30 were children", "12 of the dead were children"
                (
                    o
                    for p in (*r.anchor.children, *r.anchor.head.children)
                    if p.dep_ == "prep" and p.lower_ in ("of", "among")
                    for o in p.children
                    if o.dep_ == "pobj"
                ),
                None,
            )
            return
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
            if valued.lower_ in self.lex.count_nouns:  # "the number of people killed has reached 1,200"
                valued = self._of_object(valued) or valued
            r.noun, r.reference = valued, "own"
            return
        if _value_of_a_toll(r.anchor):
            return  # "a death toll of 12": the toll is what the 12 is the value of (``_find_at_object``)
        if self._harm_after(r):
            return  # "two dead, four wounded and body parts": the dead are counted, not the parts
        candidate = self._head_noun(r)
        scanned = self._unit_noun_after(expression)
        if (
            scanned is not None
            and candidate is not None
            and scanned.dep_ == "compound"
            and scanned.head.i < candidate.i
        ):
            scanned = None  # "aircraft-type drones": a modifier's noun, not what is counted
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

    @staticmethod
    def _harm_after(r: Reading) -> bool:
        """ "two dead", "four wounded": a harm word right after the number, hung on it, stands for those harmed."""
        doc = r.expression.doc
        after = r.expression.end
        return (
            after < len(doc)
            and doc[after].lower_ in _HARMED_WORDS
            and (doc[after].head.i == r.number.i or r.number.head.i == after)  # either way the parser hangs them
            and (after + 1 == len(doc) or doc[after + 1].is_punct or doc[after + 1].lower_ in ("and", "or"))
        )

    def _named_by_copula(self, r: Reading) -> Token | None:
        """ "Of the dead, 20 are children": a bare number that is the subject of "be" + a noun of people."""
        verb = r.anchor.head
        if r.anchor.dep_ != "nsubj" or verb.lemma_.lower() != "be" or r.anchor.i != r.number.i:
            return None
        attr = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if attr is None or attr.i < r.anchor.i or self.lex.unit_class(self.unit_of_token(attr)) != "people":
            return None
        return attr

    def _valued_subject(self, r: Reading) -> Token | None:
        """The subject of a verb that gives it the number as a value: "losses passed 3,000"."""
        first = r.expression[0]
        if first.pos_ == "VERB" and first.i < r.number.i:
            verb = first  # the qualifier is the verb: "passed 3,000"
        elif r.anchor.dep_ in ("dobj", "attr") and r.anchor.head.lemma_.lower() in self.lex.value_of_subject:
            verb = r.anchor.head
        else:
            return self._valued_by_words(r)
        return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)

    def _valued_by_words(self, r: Reading) -> Token | None:
        """ "The dead now number at least 60", "the victims number 45", where the parser takes "number" for a noun:
        a counted word right before a verb that gives it the number as a value, read from the words."""
        doc = r.expression.doc
        start = r.anchor.sent.start
        i = r.expression.start - 1
        if i > start and doc[i].lower_ == "at":  # "stand at"
            i -= 1
        if i <= start or doc[i].lower_ not in self.lex.value_of_subject:
            return None  # the bare form only: "number", "total", "stand"; an inflected verb is parsed as one
        i -= 1
        while i > start and doc[i].lower_ in _VALUE_ADVERBS:
            i -= 1
        subject = doc[i]
        nominal = subject.pos_ in ("NOUN", "ADJ", "PROPN") or (subject.tag_ == "VBN" and doc[i - 1].pos_ == "DET")
        if nominal and self.unit_of_token(subject) and r.on_its_line(subject):  # "the injured": a VBN to the tagger
            return subject
        return None

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
            if t.pos_ not in ("ADJ", "PROPN", "NUM") and t.lower_ not in QUANTIFIERS and t.text not in ("-", "–"):
                return None
        return None

    @staticmethod
    def _head_noun(r: Reading) -> Token | None:
        head = r.anchor.head
        # the tree's own link reaches further than the words: "77 Ukrainian fixed-wing unmanned aerial vehicles"
        window = NOUN_WINDOW + NUMMOD_EXTRA if r.anchor.dep_ == "nummod" else NOUN_WINDOW
        follows = r.expression.end <= head.i < r.expression.end + window
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
        return (
            self.lex.unit_of.get(token.lower_)
            or self.lex.unit_of.get(token.lemma_.lower())
            or ("people" if _PEOPLE_PLURAL.search(token.lower_) and token.tag_ == "NNS" else None)
        )

    def _find_unit(self, r: Reading) -> None:
        q = r.quantity
        glued = self._glued_unit(r)
        if glued:
            r.unit = glued
        elif q.currency:
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
        """ "11,000 North Koreans", "one Sudanese", "an Israeli": a people's name counted counts people."""
        return "people" if token.tag_ == "NNPS" or token.ent_type_ == "NORP" else None

    def _find_at_object(self, r: Reading) -> None:
        """X in "put X at 11,000", "estimated X at between 200 and 300", "bringing its losses to 700,000".

        The number is then a value given to X, and X says what it counts.
        """
        token = r.anchor
        verb, dep = token.head, token.dep_
        if _value_of_a_toll(token):
            r.at_object = verb.head  # "updating an earlier death toll of 12": the toll's value
            return
        if dep == "prep" and token.lower_ in _QUALIFYING_PREPS and verb.lemma_ == "be":
            dep = "attr"  # "total casualties could be over 3,000": the parser made the qualifier a preposition
        if dep in _COUNTED_AS.get(verb.lemma_, ()):
            # "the number of displaced people was at least 1.85 million", "the toll may be as high as 80", "the toll
            # by province includes 658 in Latakia", "Russian losses are now more than 600,000"
            counted = self.lex.count_nouns | self.lex.measure_nouns
            counts = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in counted]
            if counts:
                r.at_object = counts[0]
                return
        for _ in range(3):
            head = token.head
            if head == token:
                return
            if (
                token.dep_ == "advmod"
                and token.lower_ in ("high", "low")
                and head.lemma_.lower() in self.lex.value_verbs
            ):
                # "put the death toll as high as 37": the qualifier's "high" hangs on the verb
                objects = [c for c in head.children if c.dep_ == "dobj" and c.i < token.i]
                r.at_object = objects[0] if objects else None
                return
            if head.dep_ == "prep" and head.lower_ in ("at", "to"):
                governor = head.head
                count = self._count_of_misplaced_to(governor) if head.lower_ == "to" else None
                if count is not None:  # "brought the number of aid workers killed this year to 57"
                    r.at_object = count
                    return
                if head.lower_ == "to" and governor.lemma_.lower() not in self.lex.value_verbs:
                    return
                if governor.pos_ in ("VERB", "AUX"):
                    # "raised to 220 the number of journalists killed": a count shifted after the number is the object
                    objects = [
                        c
                        for c in governor.children
                        if c.dep_ in ("dobj", *SUBJECT_DEPS)
                        and (c.i < head.i or (c.dep_ == "dobj" and c.lower_ in self.lex.count_nouns))
                    ]
                    objects.sort(key=lambda c: c.dep_ != "dobj")
                    r.at_object = objects[0] if objects else governor
                else:
                    r.at_object = governor
                return
            token = head

    def _count_of_misplaced_to(self, governor: Token) -> Token | None:
        """The count a value verb raises, where the parser hung "to N" on the participle inside it: "brought the
        number of aid workers killed this year to 57" (the workers were not killed to 57)."""
        if governor.dep_ not in ("acl", "relcl") or governor.lemma_.lower() in self.lex.value_verbs:
            return None
        for ancestor in governor.ancestors:
            if ancestor.lower_ in self.lex.count_nouns:
                verb = ancestor.head
                return ancestor if ancestor.dep_ == "dobj" and verb.lemma_.lower() in self.lex.value_verbs else None
        return None

    # -- subject ------------------------------------------------------------------------------------

    def _own_subject(self, r: Reading) -> Reference | None:
        noun = r.noun
        if r.reference == "own" and noun is not None:
            # the words between number and noun are its ("20 are children": not "are")
            between = not r.partitive and not r.strong and noun.dep_ != "attr"
            reference = self.tree.noun_reference(noun, r.expression if between else None)
            if noun.lower_ in self.lex.measure_nouns and reference.entity is None:
                # "60 deaths", "the death toll passed 300": whose deaths? "of civilians", else the context's.
                owner = self._owner_of_measure(noun)
                if owner is not None:
                    return self.tree.noun_reference(owner, None)
                r.whose = True
                return None
            reference.entity = reference.entity or self._speakers_own(noun)
            return reference
        target = r.at_object
        if target is None or noun is not None:
            return None
        head = target.head if target.dep_ == "conj" and target.head.pos_ in ("NOUN", "ADJ") else target
        if head.lower_ in self.lex.groups:  # "puts the North Korean contingent at about 10,000"
            r.reference, r.unit = "own", r.unit or "people"
            return self.tree.noun_reference(head, None)
        if head.lower_ in self.lex.count_nouns:  # "put the figure at 11,000", "the number of troops at"
            r.reference = "count"
            if self.lex.measure_of(head.lower_, "people"):
                r.unit = r.unit or "people"  # "the death toll rose to 41": a toll counts people
                r.whose = True  # whose deaths: the figure before says, else people
            counted = self._of_object(head)
            if counted is not None and not counted.like_num:  # "a death toll of 12": the 12 is no noun counted
                r.reference, r.unit = "own", self.unit_of_token(counted) or counted.lower_
                reference = self.tree.noun_reference(counted, None)
                if counted.lower_ in self.lex.measure_nouns and reference.entity is None:
                    r.whose = True  # "the number of dead rose to 76": whose dead, the context says
                    return None
                return reference
            return None
        named = next((u for c in head.lefts if c.dep_ in ("compound", "amod") and (u := self.unit_of_token(c))), None)
        if named is not None and self.lex.unit_class(named) != "people":
            r.reference, r.unit = "own", r.unit or named  # "tank losses rose to 3,000": tanks, not people
            return self.tree.noun_reference(head, None)
        if self.lex.measure_of(head.lemma_.lower(), "people") or self.lex.measure_of(head.lower_, "people"):
            r.reference, r.unit = "casualty", r.unit or "people"
            owner = self._owner_of_measure(head)  # "deaths among civilians rose to 120"
            if owner is not None:
                return self.tree.noun_reference(owner, None)
            reference = self.tree.noun_reference(head, None)
            # "North Korean dead and wounded" names whom; "the dead" does not.
            return reference if reference.entity else None
        return None

    def _speakers_own(self, noun: Token) -> str | None:
        """ "Hezbollah said 12 of its fighters had died": "its" fighters are the speaker's."""
        if not any(c.dep_ == "poss" and c.lower_ in _OWN_PRONOUNS for c in noun.children):
            return None
        for ancestor in noun.ancestors:
            if ancestor.lemma_.lower() in self.lex.reporting:
                speaker = next((c for c in ancestor.children if c.dep_ in SUBJECT_DEPS), None)
                doc = noun.doc
                return self.tree.entity_in(doc[speaker.left_edge.i : speaker.i + 1]) if speaker is not None else None
        return None

    def _owner_of_measure(self, noun: Token) -> Token | None:
        """ "deaths among civilians", "casualties of the brigade": who died or was hurt."""
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "among"):
                owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
                people = self.lex.unit_class(self.unit_of_token(owner)) == "people" if owner is not None else False
                if owner is not None and (people or owner.ent_type_):
                    return owner
        return None

    def _activity_agent(self, r: Reading) -> Reference | None:
        """ "his unit flies 40 sorties a day": what is counted is done by the verb's subject."""
        if r.noun is None or r.reference != "own" or r.noun.lower_ not in self.lex.activities:
            return None
        for verb in self.tree.governors(r.noun, r):
            if verb.pos_ == "VERB":
                agents = [c for c in verb.children if c.dep_ == "nsubj"]
                return self.tree.noun_reference(agents[0], None) if agents else None
        return None

    @staticmethod
    def _of_object(token: Token) -> Token | None:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        return None

    def _owner(self, r: Reading) -> None:
        """ "North Korea has deployed roughly 10,000 troops", "the Sudanese army lost 900 personnel": theirs."""
        subject = r.subject
        lost = r.measure_word is not None and r.measure_word.lemma_.lower() in self.lex.loss_verbs
        if subject is None or subject.entity or not (r.measure in OWNER_MEASURES or lost):
            return
        words = [r.measure_word] if r.measure_word is not None else self.tree.governors(r.start, r)
        for verb in words:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            while verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
                verb = verb.head  # "Pyongyang planned to send": the sender is the planner
            agents = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            owner = next((e for a in agents if (e := self._agent_entity(a))), None)  # the parser may split the name
            if owner:
                subject.entity = _country_of_a_city(verb.doc, owner)
            return

    def _agent_entity(self, agent: Token) -> str | None:
        """The party an agent names, in its words or the name set beside it ("the Iran-backed group Hezbollah")."""
        doc = agent.doc
        found = self.tree.entity_in(doc[agent.left_edge.i : agent.i + 1])
        for appos in (c for c in agent.children if c.dep_ == "appos" and not found):
            found = self.tree.entity_in(doc[appos.left_edge.i : appos.i + 1])
        return found


def _country_of_a_city(doc: Doc, ident: str) -> str:
    """ "Pyongyang has sent 11,000 troops": a city that sends, loses or keeps troops stands for its country."""
    entity = (doc._.entities or {}).get(ident)
    if entity is None or entity.kind != "place" or not entity.parents:
        return ident
    return str(entity.parents[-1])


def _value_of_a_toll(token: Token) -> bool:
    """Is ``token`` the value a toll is "of" ("an earlier death toll of 12")?"""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in TOLL_NOUNS

"""The parse-tree walks that the sentence, measure and place readers share.

``TreeReader`` answers questions about the dependency tree around a number, with
the words of a ``Lexicon``: which words govern it up to the end of its clause
(``governors``), which modifiers describe a noun itself (``own_modifiers``), what
a verb says of its subject (``complements``), which measure one word gives
(``word_measure``) and which noun phrase a counted noun makes (``noun_reference``).

It sits below the readers that use it: ``syntax`` (the counted noun and unit),
``measures`` and ``places`` each take a ``TreeReader`` and never each other's
caller, so the imports run one way: syntax -> measures, distances -> places -> tree -> reading.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...records import Measure, Reference
from .lexicon import Lexicon
from .reading import Reading

#: How far up the tree to look for a governing word; clauses are rarely deeper.
MAX_CLIMB = 8

#: Labels whose linked entity may stand for who or what is counted ("North Korean soldiers").
SUBJECT_LABELS = frozenset({"NORP", "GPE", "ORG", "LOC"})

#: Left modifiers of a noun that say how many, not what ("how many soldiers", "some troops").
QUANTIFIERS = frozenset({"how", "many", "much", "few", "several", "some", "all", "most", "more", "other", "another"})

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

#: Verbs whose prepositional object is their outcome, not a circumstance ("resulted in 140 deaths", "led to").
RESULT_VERBS = frozenset({"result", "end", "lead"})
_MODIFIER_DEPS = frozenset({"acl", "relcl", "amod"})

#: Words after a party's hyphen that make it a backer of the noun after them ("Iran-backed"); not "led", "run" or
#: "controlled": "Russian-led troops" are Russian.
BACKING_WORDS = frozenset({"backed", "aligned", "allied", "funded", "supported", "sponsored", "affiliated"})

#: A reporting verb that with this object tells a toll, not a report: "the strikes claimed 16 lives".
TOLL_OBJECTS_OF_REPORTING = {"claim": frozenset({"life"})}

#: Dependencies of a verb that end the climb when the verb itself gave no measure: another clause begins.
_CLAUSE_ENDS = frozenset({"advcl", "conj", "parataxis", "relcl", "acl", "ROOT"})


def _hyphenated(token: Token) -> bool:
    """ "one-way attack drones": a number word hyphenated to the next is part of an adjective, not a count."""
    doc = token.doc
    return token.like_num and token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_


#: Verbs that make their object do what the verb after them says ("forced thousands to flee").
_CAUSATIVES = frozenset({"force", "compel", "cause", "drive", "prompt"})
#: Verbs of staying, whose complement says the state ("remain missing", "stay in hospital" stays present).
_STAYING = frozenset({"remain", "stay"})
#: Nouns counted as members of a body that their "of" names ("members of the Fano militia").
_MEMBER_NOUNS = frozenset({"member", "members", "fighters", "soldiers", "officers", "employees", "staff", "personnel"})
#: How long that "of" phrase may be.
_BODY_MAX_TOKENS = 6


class TreeReader:
    """Walks the parse around a number with the words of a ``Lexicon`` (see the module docstring)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    # -- the measure one word gives ------------------------------------------------------------------

    def word_measure(self, token: Token, cls: str | None) -> Measure | None:
        """The measure one word gives (with its particle: "shot down", "taken part")."""
        if token.pos_ not in ("VERB", "AUX", "NOUN", "ADJ", "PROPN"):
            return None
        lemma, lower = token.lemma_.lower(), token.lower_
        doc = token.doc
        if token.i + 1 < len(doc):
            phrase = self.lex.phrase_measure(lemma, doc[token.i + 1].lower_, cls)
            if phrase:
                return phrase
        if token.pos_ == "VERB":
            said = self._measure_of_object(token, lemma, cls)
            if said:
                return said
            if lemma in _CAUSATIVES:  # "forced 6 million people to flee": what they were made to do
                done = next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
                if done is not None:
                    return self.word_measure(done, cls)
            if lemma in _STAYING:  # "seven people remain missing": what they stay
                state = next((c for c in token.children if c.dep_ == "acomp"), None)
                measure = self.word_measure(state, cls) if state is not None else None
                if measure:
                    return measure
        measure = self.lex.measure_of(lower, cls) or self.lex.measure_of(lemma, cls)
        if measure == Measure.INTERCEPTED and lemma == "destroy" and self._on_the_ground(token):
            return Measure.DESTROYED
        return measure

    def _measure_of_object(self, verb: Token, lemma: str, cls: str | None) -> Measure | None:
        """ "lost their lives" (killed), "suffered injuries" (wounded); people who "reached the camp" fled there."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if lemma in self.lex.loss_verbs:
            for obj in objects:
                measure = self.lex.measure_of(obj.lemma_.lower(), "people")
                if measure:
                    return measure
        if lemma in self.lex.outcome_verbs and not objects and cls in ("people", None):
            # "17,000 people left homeless", "people left dead": the participle describes them by its complement
            for state in (c for c in verb.children if c.dep_ in ("oprd", "acomp")):
                measure = self.lex.measure_of(state.lower_, "people")
                if measure:
                    return measure
        if lemma in self.lex.outcome_verbs and objects and cls in ("people", None):
            after = [
                c
                for c in verb.children
                if c.dep_ in ("oprd", "acomp", "advcl", "xcomp", "ccomp")
                and c.i > objects[0].i
                and not self.has_subject(c)
            ]  # "left 12 people dead", "left 40 civilians wounded"
            after += [c for o in objects for c in o.children if c.dep_ in ("acl", "amod") and c.i > o.i]
            for word in (*after, *objects):
                measure = self.lex.measure_of(word.lower_, "people") or self.lex.measure_of(
                    word.lemma_.lower(), "people"
                )
                if measure:
                    return measure
        # "reached the camp", "arrived at the crossing"; "were moved to shelters" (but not "took shelter" from a raid)
        led_to = [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        for verbs, places, reached in (
            (self.lex.refuge_verbs, self.lex.refuges, objects + led_to),
            (self.lex.sheltering_verbs, self.lex.shelters, led_to),
        ):
            if (
                lemma in verbs
                and cls in ("people", None)
                and any(o.lower_ in places or o.lemma_.lower() in places for o in reached)
            ):
                return Measure.DISPLACED
        if lemma in self.lex.leaving_verbs and cls in ("people", None):
            # "were forced to leave their homes", "thousands have left abroad": they fled
            left = [c for c in verb.children if c.dep_ in ("dobj", "advmod")]
            if any(word.lower_ in self.lex.homes for word in left):
                return Measure.DISPLACED
        return None

    def _on_the_ground(self, token: Token) -> bool:
        return any(t.lower_ in self.lex.ground for t in token.sent)

    # -- the counted noun phrase ---------------------------------------------------------------------

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
        end = max(end, self._body_of(noun))
        while start < end - 1 and self._not_what(doc[start]) and not _hyphenated(doc[start]):
            start += 1
        span = doc[start:end]
        return Reference(text=span.text, entity=self.entity_in(span), span=(span.start_char, span.end_char))

    @staticmethod
    def _body_of(noun: Token) -> int:
        """The end of "members of the Fano militia", "fighters of the 5th brigade": whose members they are says who
        is counted (a short "of" phrase without numbers or verbs); else the noun's own end."""
        if noun.lower_ not in _MEMBER_NOUNS:
            return noun.i + 1
        for prep in noun.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == noun.i + 1:
                tokens = list(prep.subtree)
                short = len(tokens) <= _BODY_MAX_TOKENS
                if short and not any(t.tag_ == "CD" or t.pos_ in ("VERB", "AUX") or t.is_punct for t in tokens):
                    return tokens[-1].i + 1
        return noun.i + 1

    def _not_what(self, token: Token) -> bool:
        """Words at the front of a noun phrase that do not say what is counted: "the", "its", "some", "-"."""
        return token.is_punct or token.pos_ == "DET" or token.tag_ == "PRP$" or self._quantifier(token)

    @staticmethod
    def _quantifier(token: Token) -> bool:
        return token.like_num or token.lower_ in QUANTIFIERS

    @staticmethod
    def entity_in(span: Span) -> str | None:
        """The first linked party of ``span``, not a backer ("the Iran-backed group Hezbollah" is Hezbollah)."""
        for token in span:
            if token.ent_kb_id_ and token.ent_type_ in SUBJECT_LABELS and not _a_backer(token):
                return token.ent_kb_id_
        return None

    # -- the words that govern it -----------------------------------------------------------------

    @staticmethod
    def has_subject(token: Token) -> bool:
        return any(c.dep_ in SUBJECT_DEPS for c in token.children)

    def own_modifiers(self, noun: Token) -> list[Token]:
        """The verbs and adjectives that describe the counted noun itself, not a part of it.

        "10,000 troops, most of whom were stationed at training bases": the clause is about "most".
        """
        found = []
        for child in noun.children:
            if child.dep_ not in _MODIFIER_DEPS:
                continue
            subjects = [c for c in child.children if c.dep_ in SUBJECT_DEPS]
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

    def reports(self, verb: Token) -> bool:
        """A reporting verb that reports here: "claimed" a victory, but not "claimed the lives of 16 people"."""
        lemma = verb.lemma_.lower()
        if lemma not in self.lex.reporting:
            return False
        tolls = TOLL_OBJECTS_OF_REPORTING.get(lemma, frozenset())
        return not any(c.dep_ == "dobj" and c.lemma_.lower() in tolls for c in verb.children)

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
            if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and self.has_subject(token):
                break  # "30 were wounded in Odesa and four went missing in Kharkiv": the four's clause ends here
            if not r.on_its_line(head):
                break  # the parser runs a heading into the sentence after it
            if absolute and head.lower_ == "with" and head.dep_ == "prep":
                break
            if not (expression.start <= head.i < expression.end):
                found.append(head)
                if self.reports(head) or self._ends_clause(head):
                    break
            token = head
        return found

    def _ends_clause(self, token: Token) -> bool:
        """A verb that gives no measure and hangs on another clause ends the climb ("67 others were lost")."""
        if token.pos_ not in ("VERB",) or token.dep_ not in _CLAUSE_ENDS:
            return False
        return self.word_measure(token, None) is None or token.dep_ == "ROOT"

    def _circumstance(self, token: Token) -> bool:
        """ "killed in two regions", "diverted at three airports": the verb is not about what is counted."""
        if token.dep_ != "pobj":
            return False
        if token.head.head.lemma_.lower() in RESULT_VERBS:
            return False  # "strikes have resulted in 140 fatalities": the fatalities are what the strikes did
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


def _a_backer(token: Token) -> bool:
    """ "Iran-backed", "Russian-led", "Hamas-run": the party before such a hyphen backs what follows."""
    doc = token.doc
    i = token.i
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in BACKING_WORDS

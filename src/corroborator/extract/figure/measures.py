"""What happens to what a figure counts, and how surely: its measure and its modality.

The measure is read from the words that govern the number, nearest first:

1. a participle right after a bare number ("300 dead", "3,000 killed and wounded");
2. the object that "put X at N" gives a value to ("put the dead at a minimum of 100");
3. the verbs above it, up to the end of its clause ("have been killed", "the presence of"): what
   happens to the counted things beats what describes them ("40 fighters stationed in the town were
   killed" are killed);
4. the counted noun's own verb ("11,000 soldiers stationed in", "drones that Russia launched");
5. the counted noun itself ("1,500 casualties", "100 deaths").

A word means different things for different units (``measures.json``): troops
"sent" are deployed, drones "sent" are launched, drones "destroyed" over a city
are intercepted. Two measures joined by "or"/"and" may make a third ("killed or
wounded" are casualties), unless each has its own subject ("100 died and 1,000
were wounded").

The modality comes from the verbs from the number up through "to"-clauses:
"plans to", "is preparing to", "will" make it planned; "could", "may",
"expects" make it possible.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...records import Measure, Modality
from .lexicon import Lexicon
from .places import PlaceReader
from .reading import Reading
from .targets import FLIGHT_VERBS
from .tree import TreeReader

#: How far up through "to"-clauses the modality may come from ("is believed to be preparing to send").
MAX_CLAUSES = 8

#: What an adjective before a counted noun may say happened to it ("wounded troops", "displaced people").
_STATES = frozenset({Measure.KILLED, Measure.WOUNDED, Measure.MISSING, Measure.DISPLACED, Measure.CAPTURED})

#: Words that plan only as nouns ("a target of 10,000"): as verbs they are acts ("targeted 130 clinics").
_MODAL_AS_NOUNS = frozenset({"target", "goal"})

#: People counted as those cared for: moving them ("patients were transferred") deploys nobody.
_CARED_FOR = frozenset({"patient", "casualty", "evacuee"})
#: Harms that drive people out when they "send" them somewhere (with the lexicon's event nouns: fighting, strikes).
_DRIVING_HARMS = frozenset({"violence", "insecurity", "war", "conflict", "fighting", "hunger", "famine", "drought"})
#: Nouns of fighters: whatever sends them somewhere deploys them ("the war has sent 11,000 soldiers to Kursk").
_FIGHTERS = frozenset(
    {"troop", "soldier", "brigade", "battalion", "regiment", "division", "unit", "peacekeeper", "volunteer"}
    | {"fighter", "mercenary", "marine", "paratrooper", "conscript", "reservist", "personnel", "force", "contractor"}
)
#: Verbs of flight, and "evacuate": their object is what the people left, not a victim ("after fleeing the fighting").
_FLIGHTS = FLIGHT_VERBS | {"evacuate"}
#: Places of care: people moved there ("transferred to the hospital") are not deployed.
_CARE_PLACES = frozenset({"hospital", "clinic", "infirmary", "ward", "morgue"})

#: What happens to people that "victims" may mean.
HARMS = frozenset({Measure.KILLED, Measure.WOUNDED, Measure.CASUALTIES})

#: What happened to a whole that its parts share ("nine of the dead", "two of the missing").
_SHARED_BY_PARTS = HARMS | {Measure.MISSING, Measure.CAPTURED}

#: What people who "sought" or "found" it have done: fled ("sought refuge", "sought asylum").
_REFUGES = frozenset({"refuge", "asylum", "sanctuary"})

#: Dependencies through which a clause hands its verb's meaning down ("preparing to send", "expects ... to be").
_CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "acomp", "pcomp"})


class MeasureReader:
    """Reads a reading's measure and modality with the words of a ``Lexicon``."""

    def __init__(self, lexicon: Lexicon, tree: TreeReader, places: PlaceReader) -> None:
        self.lex = lexicon
        self.tree = tree
        self.places = places

    def measure(self, r: Reading) -> Measure | None:
        """The measure of ``r`` from its sentence, for its unit as known now (the context may add a unit)."""
        cls = self.lex.unit_class(r.unit)
        if cls in self.lex.by_unit_class:
            return self.lex.by_unit_class[cls]
        measure = self._read_measure(r, cls)
        if measure in (Measure.PRESENT, Measure.DEPLOYED) and self._displaced_by_name(r, cls):
            return Measure.DISPLACED  # "116,000 refugees have arrived in Chad": where the displaced now are
        return measure

    def _displaced_by_name(self, r: Reading, cls: str | None) -> bool:
        return r.noun is not None and r.reference == "own" and self.tree.word_measure(r.noun, cls) == Measure.DISPLACED

    def _read_measure(self, r: Reading, cls: str | None) -> Measure | None:
        return (
            self._adjacent_measure(r, cls)
            or self._state_after_noun(r, cls)
            or self._relative_of_number(r, cls)
            or (self.token_measure(r.at_object, cls) if r.at_object is not None else None)
            or self._counted_measure(r, cls)
            or self._stated_state(r, cls)
            or self._climb_measure(r, cls)
            or self._reported_clause(r, cls)
            or self._split_clause(r, cls)
            or self._shared_verb(r, cls)
            or self._modifier_measure(r, cls)
            or self._noun_measure(r, cls)
            or self._verb_before(r, cls)
            or self._harm_before(r, cls)
            or self._whole_measure(r, cls)
            or self._harmed_whole(r, cls)
        )

    def _harmed_whole(self, r: Reading, cls: str | None) -> Measure | None:
        """ "Eight of the dead had no uniforms", "23 of the wounded were children": a part of the dead is dead.
        Only a whole that is itself a harm; "8,000 of the soldiers sent to Russia" are not where they were sent."""
        for prep in r.anchor.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for whole in prep.children:
                if whole.lower_ in ("whom", "which"):  # "82 bodies, 23 of whom were soldiers": the bodies
                    whole = _antecedent(whole, r.expression.start) or whole
                measure = self.tree.word_measure(whole, cls or "people")
                if measure in _SHARED_BY_PARTS:
                    return measure
        return None

    def _whole_measure(self, r: Reading, cls: str | None) -> Measure | None:
        """ "12 of the dead were children", "of the 140 people who died, 30 were children": a part counted
        as what it is (named by the copula) shares the measure of the whole it is taken from. Not a part
        placed by its own clause: "8,000 of the soldiers sent to Russia are in Kursk" are present there."""
        if r.whole is None or r.noun is None or r.noun.dep_ != "attr":
            return None
        for word in (r.whole, *(c for c in r.whole.children if c.dep_ in ("acl", "relcl", "amod"))):
            measure = self.token_measure(word, cls)
            if measure:
                return measure
        return None

    def _verb_before(self, r: Reading, cls: str | None) -> Measure | None:
        """ "strikes killed at least 32 people, residents said", when the parser makes the people the speakers'
        subject: the verb printed right before the number, if nothing in the tree gave a measure."""
        i = r.expression.start - 1
        doc = r.expression.doc
        if i < 0 or doc[i].pos_ != "VERB" or doc[i].tag_ not in ("VBD", "VBN", "VBG") or not r.on_its_line(doc[i]):
            return None
        return self.token_measure(doc[i], cls)

    def _harm_before(self, r: Reading, cls: str | None) -> Measure | None:
        """ "the deaths of nine people and injuries to 14 others": the parser hangs "to 14 others" on the deaths;
        a harm printed right before the number's "to" or "of" is what happened to them."""
        doc = r.expression.doc
        i = r.expression.start - 1
        if i < 1 or doc[i].lower_ not in ("to", "of") or not r.on_its_line(doc[i - 1]):
            return None
        if cls not in (None, "people") or (r.noun is not None and r.unit is not None and cls != "people"):
            return None  # "carried the casualties to 3 hospitals": the hospitals were not harmed
        measure = self.tree.word_measure(doc[i - 1], cls or "people")
        return measure if doc[i - 1].pos_ == "NOUN" and measure in HARMS else None

    def _shared_verb(self, r: Reading, cls: str | None) -> Measure | None:
        """ "18 of the drones and all of the missiles were shot down": the parser hangs the verb that the two
        coordinated subjects share on the first of them, as its conjunct."""
        for token in dict.fromkeys((r.start, r.anchor)):
            if not any(c.dep_ == "cc" for c in token.children):
                continue
            for verb in token.children:
                if verb.dep_ == "conj" and verb.pos_ == "VERB" and verb.i >= r.expression.end:
                    measure = self.token_measure(verb, cls)
                    if measure:
                        r.measure_word = verb
                        return measure
        return None

    def _noun_measure(self, r: Reading, cls: str | None) -> Measure | None:
        """A counted noun that is itself a measure: "1,500 casualties", "100 deaths", "300 prisoners"."""
        if r.noun is None or r.reference != "own" or r.partitive:
            return None  # "one of the prisoners" is not taken prisoner by being counted
        measure = self.tree.word_measure(r.noun, cls)
        if measure is not None and r.noun.lemma_.lower() in self.lex.by_sentence:
            return self._sentence_measure(r.noun, measure)
        return measure

    def token_measure(self, token: Token, cls: str | None) -> Measure | None:
        """A word's measure, combined with its conjuncts' ("killed or wounded" -> casualties)."""
        measure = self.tree.word_measure(token, cls)
        if measure is None:
            return None
        if token.lemma_.lower() in self.lex.by_sentence:
            return self._sentence_measure(token, measure)
        partners = [c for c in token.children if c.dep_ == "conj"]
        if token.dep_ == "conj":
            partners.append(token.head)
        for partner in partners:
            if self.tree.has_subject(token) and self.tree.has_subject(partner):
                continue  # "100 have died ... and 1,000 more have been wounded": two clauses, two measures
            if _has_object(partner):
                continue  # "killed a woman and wounded five others": two objects, two measures
            if any(c.dep_ == "nummod" for c in partner.children):
                continue  # "the deaths of 30 civilians and 50 injuries": each noun has its own count
            other = self.tree.word_measure(partner, cls)
            combined = self.lex.combined.get(frozenset((measure, other))) if other else None
            if combined:
                return combined
        return measure

    def _sentence_measure(self, token: Token, measure: Measure) -> Measure:
        """ "victims": killed where the sentence tells only of deaths, wounded where only of injuries; where it tells
        of neither, the sentence before it, over a paragraph's end too ("The toll climbed to 5,791. The victims
        include 2,360 children").

        In its own sentence, a harm that counts a number of its own is another figure's ("..., adding that 16,297
        were also injured"); in the sentence before, it is the figure the victims are of.
        """
        doc = token.doc
        sentence = token.sent
        own = range(token.left_edge.i, token.right_edge.i + 1)
        harmed = {
            m
            for t in sentence
            if t.i != token.i
            and (m := self.tree.word_measure(t, "people")) in HARMS
            and not any(c.like_num and c.i not in own for c in t.subtree)
        }
        if not harmed and sentence.start > 0:  # the sentence before, over a paragraph's end too, as a reader reads on
            harmed = {m for t in doc[sentence.start - 1].sent if (m := self.tree.word_measure(t, "people")) in HARMS}
        return harmed.pop() if len(harmed) == 1 else measure

    def _counted_measure(self, r: Reading, cls: str | None) -> Measure | None:
        """ "the number of dead rose to 76", "put the number of people killed at 40": what the count counts."""
        count = r.at_object
        if count is None or count.lower_ not in self.lex.count_nouns:
            return None
        for prep in count.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for counted in (c for c in prep.children if c.dep_ == "pobj"):
                    modifiers = [c for c in counted.children if c.dep_ in ("acl", "relcl", "amod")]
                    for word in (counted, *modifiers):
                        measure = self.token_measure(word, cls)
                        if measure:
                            return measure
        # "the number of aid workers killed": the parser may hang the participle on the count itself
        for told in (c for c in count.children if c.dep_ in ("acl", "relcl") and c.i > count.i):
            measure = self.token_measure(told, cls)
            if measure:
                return measure
        return None

    def _adjacent_measure(self, r: Reading, cls: str | None) -> Measure | None:
        """ "300 dead", "2,700 wounded", "3,000 killed and wounded": a participle right after the number."""
        if r.noun is not None and r.reference == "own" and r.noun.i >= r.expression.end:
            return None
        doc = r.expression.doc
        i = r.expression.end
        if i < len(doc) and doc[i].lower_ in ("more", "others"):
            i += 1
        if i >= len(doc) or doc[i].tag_ not in ("VBN", "JJ", "VBD", "VBG", "NN", "NNS"):
            return None
        measure = self.tree.word_measure(doc[i], cls or "people")
        # "3,000 killed and wounded"; but "four wounded and body parts" adds a noun, not a harm
        if measure and i + 2 < len(doc) and doc[i + 1].lower_ in ("and", "or") and doc[i + 2].pos_ != "NOUN":
            other = self.tree.word_measure(doc[i + 2], cls or "people")
            measure = self.lex.combined.get(frozenset((measure, other)), measure) if other else measure
        if measure and r.unit is None:
            r.unit = "people"  # "300 dead": the dead are people
            if r.reference == "elided":
                r.reference = "casualty"
        return measure

    def _state_after_noun(self, r: Reading, cls: str | None) -> Measure | None:
        """ "He reports 23 civilians dead and 34 wounded": a state right after the counted noun, hung on it."""
        noun = r.noun
        doc = r.expression.doc
        if noun is None or r.reference != "own" or noun.i + 1 >= len(doc):
            return None
        after = doc[noun.i + 1]
        # "23 civilians dead", "the 25 civilians killed were among 3,000 who fled": the harm that names them
        hung = after.dep_ == "amod" or (after.dep_ == "acl" and after.tag_ == "VBN")
        if not hung or after.head != noun or any(c.dep_ == "conj" for c in after.children):
            return None  # "600,000 soldiers killed or wounded": the casualties, read by the words above
        measure = self.tree.word_measure(after, cls)
        if measure not in _STATES - {Measure.DISPLACED}:
            return None
        r.measure_word = after
        return measure

    def _relative_of_number(self, r: Reading, cls: str | None) -> Measure | None:
        """ "were among nearly 3,000 who fled": what the relative clause on a bare number says happened to them."""
        if r.noun is not None:
            return None
        for clause in r.anchor.children:
            negated = any(c.dep_ == "neg" for c in clause.children)  # "30 who were not injured"
            if clause.dep_ == "relcl" and not negated and any(c.lower_ in ("who", "that") for c in clause.children):
                measure = self.token_measure(clause, cls or "people")
                if measure:
                    r.measure_word = clause
                    return measure
        return None

    def _modifier_measure(self, r: Reading, cls: str | None) -> Measure | None:
        """ "11,000 soldiers stationed in ...", "the 145 drones that Russia launched"."""
        noun = r.noun
        if noun is None or r.partitive or r.reference != "own":
            return None
        for child in self.tree.own_modifiers(noun):
            measure = self.token_measure(child, cls)
            # an adjective before the noun says what happened to them only for a harm ("720 wounded troops",
            # "40 displaced families"); "trained", "estimated" before a noun describe it
            if measure and (child.dep_ != "amod" or child.i > noun.i or measure in _STATES):
                r.measure_word = child
                return measure
        return None

    def _stated_state(self, r: Reading, cls: str | None) -> Measure | None:
        """ "with 15 militants confirmed dead and many others hurt": a participle that states what became of the
        counted noun beats the verb the parser hangs it on (here the others' "hurt")."""
        noun = r.noun
        if noun is None or r.partitive or r.reference != "own":
            return None
        for child in self.tree.own_modifiers(noun):
            for word in self.tree.complements(child) if child.dep_ == "acl" else []:
                measure = self.token_measure(word, cls)
                if measure in _STATES:
                    r.measure_word = word
                    return measure
        return None

    def _climb_measure(self, r: Reading, cls: str | None) -> Measure | None:
        """Up the tree from the number (or its noun) to the first word that gives a measure; not from a noun the
        parser coordinated with a verb ("people have been killed and 17,000 people left homeless"): a clause of
        its own, read by its own modifiers."""
        if r.start.dep_ == "conj" and r.start.pos_ == "NOUN" and r.start.head.pos_ == "VERB":
            return None
        if r.start.dep_ == "conj" and r.start is r.noun and self.tree.word_measure(r.noun, cls) is not None:
            return None  # "the deaths of 30 civilians and 50 injuries": the injuries are not the deaths
        absolute = self._absolute_participle(r, cls)
        if absolute is not None:
            return absolute
        governors = self.tree.governors(r.start, r, absolute=self.places.has_own_place(r))
        for token in governors:
            measure = self.token_measure(token, cls)
            if measure == Measure.DEPLOYED and (self._in_care(r) or _taken_for_care(token)):
                continue  # "four injured patients were transferred", "taken to hospital": moved for care, not deployed
            if measure in HARMS and token.lemma_.lower() not in self.lex.loss_verbs and _does_the_harm(r.start, token):
                continue  # "hundreds of airstrikes injured 650 people": the strikes did it, the 650 suffered it
            if measure == Measure.DEPLOYED and _sent_by_harm(token) and not _military(r):
                measure = Measure.DISPLACED  # "violence has sent 600,000 people into Bangladesh": driven out
            if measure:
                r.measure_word = token
                return measure
            for child in [*self.tree.complements(token), *self._wholes(token), *_obliged(token), *self._shared(token)]:
                # "were missing", "have been reported injured"; "among the dead were 14 soldiers"
                measure = self.token_measure(child, cls)
                if measure:
                    r.measure_word = child
                    return measure
        for token in governors:  # "5,000 people reached the camp after fleeing the fighting"
            clauses = [c for c in token.children if c.dep_ == "advcl"]
            clauses += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]
            for clause in clauses:
                # "reached the camp after fleeing the fighting"; but "six shells landed, injuring four people": the
                # shells did the injuring (a participle with an object acts on someone else)
                if clause.pos_ == "VERB" and not self.tree.has_subject(clause) and not _acts_on_another(clause):
                    measure = self.token_measure(clause, cls)
                    if measure:
                        r.measure_word = clause
                        return measure
        return None

    def _absolute_participle(self, r: Reading, cls: str | None) -> Measure | None:
        """ "killed 1,200 people, with 251 hostages abducted": after "with", the participle says what happened to
        the counted, not the verb the "with" hangs on."""
        counted = r.start
        if counted.dep_ != "pobj" or counted.head.lower_ != "with":
            return None
        for participle in counted.children:
            if participle.dep_ == "acl" and participle.tag_ == "VBN" and participle.i > counted.i:
                measure = self.token_measure(participle, cls)
                if measure:
                    r.measure_word = participle
                    return measure
        return None

    def _in_care(self, r: Reading) -> bool:
        """People counted as patients or by their harm ("patients", "injured people", "the wounded")."""
        noun = r.noun
        if noun is None:
            return False
        if noun.lemma_.lower() in _CARED_FOR:
            return True
        harms = (self.tree.word_measure(c, "people") for c in noun.children if c.dep_ == "amod")
        return any(m in HARMS for m in harms)

    def _shared(self, verb: Token) -> list[Token]:
        """ "three of them crossed into Israel and were intercepted": a verb of the same subject after one that says
        nothing of what happened."""
        if self.tree.word_measure(verb, None) is not None:
            return []
        return [
            c
            for c in verb.children
            if c.dep_ == "conj" and c.pos_ == "VERB" and not self.tree.has_subject(c) and not _has_object(c)
        ]  # "five gunmen stormed the church and killed 12": the gunmen did it, the 12 suffered it

    def _split_clause(self, r: Reading, cls: str | None) -> Measure | None:
        """ "said that two drones headed for Moscow had been repelled": the parser made "headed" the drones' verb and
        left the passive after it without a subject; what that clause says happened to them."""
        verb = r.start.head
        if r.start.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.dep_ not in ("ccomp", "conj"):
            return None
        for clause in verb.head.children:
            passive = any(c.dep_ == "auxpass" for c in clause.children)
            if clause.i > verb.i and clause.dep_ in ("ccomp", "conj") and passive and not self.tree.has_subject(clause):
                measure = self.token_measure(clause, cls)
                if measure:
                    r.measure_word = clause
                    return measure
        return None

    def _reported_clause(self, r: Reading, cls: str | None) -> Measure | None:
        """ "reported two people including a Syrian man were wounded": the parser makes the people the report's
        object and leaves the clause after them without a subject; what the clause says happened to them."""
        noun = r.start
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in self.lex.reporting:
            return None
        for clause in verb.children:
            if clause.dep_ == "ccomp" and clause.i > noun.i and not self.tree.has_subject(clause):
                measure = self.token_measure(clause, cls)
                if measure:
                    r.measure_word = clause
                    return measure
        return None

    @staticmethod
    def _wholes(verb: Token) -> list[Token]:
        """ "Among the dead were 14 soldiers", "of the 120 people who have died, 30 were children": the whole
        that a copula's figure is counted among, and what happened to it; the subject of "include" too ("the dead
        included nine aid workers", "those killed include 12 children")."""
        if verb.lemma_.lower() == "include":
            wholes = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            return wholes + [c for whole in wholes for c in whole.children if c.dep_ in ("relcl", "acl")]
        if verb.lemma_.lower() != "be":
            return []
        found = []
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("among", "of"):
                for whole in prep.children:
                    if whole.dep_ == "pobj":
                        found.append(whole)
                        found += [c for c in whole.children if c.dep_ in ("relcl", "acl")]
        return found

    def modality(self, r: Reading) -> Modality:
        """planned ("plans to deploy", "preparing to send", "will send"), possible ("could send"), or actual."""
        if r.at_object is not None:
            found = self._modal_word(r.at_object)
            if found:
                return found
        governors = self.tree.governors(r.start, r)
        token = next((t for t in [r.start, *governors] if t.pos_ in ("VERB", "AUX")), None)
        for _ in range(MAX_CLAUSES):
            if token is None:
                break
            found = self._modal_word(token)
            if found:
                return found
            if token.dep_ not in _CLAUSE_LINKS and not (token.dep_ == "acl" and token.head.pos_ == "NOUN"):
                break
            if token.head.lemma_.lower() in self.lex.reporting:
                break
            token = token.head
        return Modality.ACTUAL

    def _modal_word(self, token: Token) -> Modality | None:
        words = [token.lemma_.lower(), token.lower_]
        if token.pos_ == "VERB" and token.lemma_.lower() in _MODAL_AS_NOUNS and token.tag_ in ("VBD", "VBN"):
            words = []  # "targeted 130 institutions" struck them; "is targeting 400,000 recruits" plans
        if any(c.dep_ == "dobj" and c.lemma_.lower() in _REFUGES for c in token.children):
            words = []  # "sought refuge" was done, not planned ("seeks to send" and "expects 200,000 refugees" are not)
        words += [c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")]
        if any(w in self.lex.possible for w in words):
            return Modality.POSSIBLE
        if any(w in self.lex.planned for w in words):
            return Modality.PLANNED
        return None


def _antecedent(relative: Token, before: int) -> Token | None:
    """What "whom" or "which" stands for: the head of its relative clause, else (where the parser took the clause
    for another kind) the last noun before the number in its sentence."""
    clause = next((a for a in relative.ancestors if a.dep_ == "relcl"), None)
    if clause is not None:
        return clause.head
    sentence = relative.sent
    return next((t for t in reversed(sentence[: before - sentence.start]) if t.pos_ == "NOUN"), None)


def _has_object(verb: Token) -> bool:
    return any(c.dep_ == "dobj" for c in verb.children)


def _does_the_harm(counted: Token, verb: Token) -> bool:
    """Is ``counted`` the subject of an active verb of harm that has an object of its own ("five gunmen killed
    three guards")? "15 people died", "20 were injured" suffer it."""
    if counted.dep_ != "nsubj" or counted.head != verb or verb.lemma_.lower() in ("die", "perish"):
        return False  # "100 soldiers have died fighting for Russia": the parser's object is no victim
    return _has_victim(verb)


def _has_victim(verb: Token) -> bool:
    """Has ``verb`` an object that can be harmed (a noun, a pronoun, a number), not a gerund the parser hung on it?"""
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for c in verb.children)


def _taken_for_care(verb: Token) -> bool:
    """ "20 people were transferred to the hospital in Tartous": moved to a place of care."""
    return any(
        prep.dep_ == "prep" and prep.lower_ in ("to", "into") and obj.lemma_.lower() in _CARE_PLACES
        for prep in verb.children
        for obj in prep.children
        if obj.dep_ == "pobj"
    )


def _obliged(verb: Token) -> list[Token]:
    """ "have had to flee their homes": what they had to do says what happened to them; not what they "have to" do
    or "have yet to" do."""
    if verb.lemma_.lower() != "have" or verb.tag_ not in ("VBD", "VBN"):
        return []
    if any(c.lower_ in ("yet", "still") for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]


def _sent_by_harm(verb: Token) -> bool:
    """Is the subject of a verb of sending a harm, not a commander ("violence sent", "the fighting has driven")? An
    offensive or an invasion sends troops, not refugees."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [c for s in subjects for c in s.children if c.dep_ == "conj"]
    return any(s.lower_ in _DRIVING_HARMS for s in subjects)


def _military(r: Reading) -> bool:
    """Are the counted fighters ("10,000 troops", "three brigades", "11,000 soldiers")?"""
    noun = r.noun
    return noun is not None and noun.lemma_.lower() in _FIGHTERS


def _acts_on_another(verb: Token) -> bool:
    """Does a harm verb have an object of its own ("injuring four people")? "fleeing the fighting" flees no one."""
    return _has_victim(verb) and verb.lemma_.lower() not in _FLIGHTS

"""Where a figure is when no preposition of its clause says: the place its strike hit ("shelled Babanusa, killing
nine"), the place "where" stands for, the place the displaced fled, the place whose toll it is ("Gaza's death toll").

Helpers of ``places.PlaceReader``, which tells what a place is; apart so that the reader stays one screenful of steps.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from ...records import Measure
from .reading import Reading
from .tree import TreeReader

#: Verbs whose object is the place a strike is aimed at ("Russia attacked Ukraine with nearly 50 drones").
TARGET_VERBS = frozenset(
    {"attack", "strike", "target", "hit", "bomb", "shell", "pound", "storm", "raid", "bombard", "besiege", "overrun"}
)
#: Dependencies of a verb's subject; an attack as subject places what it did ("shelling in X killed six").
CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Nouns of a toll, whose possessor is the place it was counted in ("Gaza's death toll").
TOLL_NOUNS = frozenset({"toll", "tolls", "tally"})
#: Verbs of flight whose object is the place left ("fled El-Fasher", "escaped the camp").
FLIGHT_VERBS = frozenset({"flee", "escape", "leave", "abandon"})
#: How far before a ", where" clause the place it stands for may be named.
WHERE_WINDOW = 10
#: Where the parser hangs a ", where" clause it did not see as relative: on the verb before it.
_MISHUNG_CLAUSE_DEPS = ("advcl", "ccomp", "conj", "parataxis")
#: What the parser makes of a struck place's name that the tagger took for a verb or an adverb ("hit Sagaing").
_MISTAGGED_OBJECT_DEPS = frozenset({"advmod", "xcomp", "ccomp", "oprd", "npadvmod"})


class PlaceTests(Protocol):
    """What this module asks of the place reader (``places.PlaceReader``), which holds a ``TargetReader``."""

    tree: TreeReader

    def named_place(self, token: Token) -> bool: ...
    def names_a_place(self, head: Token) -> bool: ...
    def place_entity(self, token: Token) -> bool: ...
    def phrase_head(self, token: Token) -> Token: ...
    def is_event(self, token: Token) -> bool: ...
    def marks_the_event(self, clause: Token) -> bool: ...


class TargetReader:
    """Reads the places a figure's clause names without a preposition, with the place reader's tests."""

    def __init__(self, places: PlaceTests) -> None:
        self.places = places
        self.tree = places.tree

    def relative_where(self, r: Reading) -> Token | None:
        """ "shells hit Naqoura, where four peacekeepers were wounded": the place "where" stands for; also where the
        parser hung the clause on the verb ("extended to Abu Shouk camp earlier in the week, where 35 were killed")."""
        for governor in self.tree.governors(r.start, r):
            if governor.dep_ not in ("relcl", *_MISHUNG_CLAUSE_DEPS):
                continue
            where = next((c for c in governor.children if c.lower_ in ("where", "wherever") and c.i < r.anchor.i), None)
            if where is None:
                return None
            if governor.dep_ == "relcl":
                place = governor.head
                return place if self.places.named_place(place) else None
            return self._place_before(where)
        return None

    def _place_before(self, where: Token) -> Token | None:
        """The place named last before a comma and "where", in the same sentence."""
        doc = where.doc
        if where.i == 0 or doc[where.i - 1].text != ",":
            return None
        for token in reversed(doc[max(where.sent.start, where.i - WHERE_WINDOW) : where.i - 1]):
            if self.places.place_entity(token) and self.places.names_a_place(self.places.phrase_head(token)):
                return self.places.phrase_head(token)
        return None

    def place_fled(self, r: Reading) -> Token | None:
        """ "2,400 people fled El-Fasher": the place the displaced left, the object of their flight."""
        word = r.measure_word
        if r.measure != Measure.DISPLACED or word is None:
            return None
        verbs = [word, *(c for c in word.children if c.dep_ == "xcomp")]  # "forced 2,400 people to flee X"
        flight = next((v for v in verbs if v.lemma_.lower() in FLIGHT_VERBS), None)
        if flight is None:
            return None
        left = [c for c in flight.children if c.dep_ == "dobj"]
        left += [c for c in left[:1] for c in c.children if c.dep_ == "conj"]  # "fled the camp and El-Fasher"
        return next((c for c in left if self.places.named_place(c)), None)

    def toll_owner(self, r: Reading) -> Token | None:
        """ "Gaza's death toll climbed to 5,791": the place whose toll the number is (not a people's: "Israel's"). Only
        a toll: "Russia's losses" are a party's, wherever they fell."""
        for word in (r.at_object, r.measure_word, r.noun):
            if word is None or word.lower_ not in TOLL_NOUNS:
                continue
            for child in word.children:
                if child.dep_ == "poss" and self.places.place_entity(child) and child.ent_type_ != "NORP":
                    return child
        return None

    def target(self, r: Reading) -> Token | None:
        """The place a strike is aimed at, when it is the verb's object ("attacked Ukraine"), the object of the
        strike that a participle goes on from ("shelled Babanusa, killing nine people"), or the object of a
        strike in a "when" clause ("killed when a missile hit the Salif grain terminal", "when Kherson was shelled")."""
        for governor in self.tree.governors(r.start, r):
            if governor.pos_ != "VERB":
                continue
            verbs = [governor]
            first = governor
            while first.dep_ == "conj" and first.head.pos_ == "VERB":  # "killing nine and wounding 17"
                first = first.head
            if first is not governor:  # "drones hit Odesa and injured five": the strike the clause goes on from
                verbs.append(first)
            if first.dep_ == "advcl" and first.tag_ == "VBG":
                verbs.append(first.head)
            verbs += [c for c in governor.children if self.places.marks_the_event(c)]  # "killed when a strike hit X"
            verbs += [  # "an assault targeting a village in X killed 10"
                acl
                for event in governor.children
                if event.dep_ in CLAUSE_SUBJECTS and self.places.is_event(event)
                for acl in event.children
                if acl.dep_ == "acl" and acl.tag_ == "VBG"
            ]
            for verb in verbs:
                if verb.lemma_.lower() not in TARGET_VERBS:
                    continue
                struck = "nsubjpass" if verb is not governor and verb.dep_ == "advcl" else "dobj"
                for child in verb.children:
                    if child.dep_ in ("dobj", struck) and self.places.named_place(child):
                        return child
                    if self._mistagged_object(verb, child):
                        return child
            return None
        return None

    def _mistagged_object(self, verb: Token, child: Token) -> bool:
        """ "a drone hit Sagaing", "missiles struck Sana'a": a known place's name right after the verb that the tagger
        read as a verb or an adverb ("-ing", an apostrophe), so the parser hung it on the verb as something else."""
        return child.i == verb.i + 1 and child.dep_ in _MISTAGGED_OBJECT_DEPS and self.places.place_entity(child)

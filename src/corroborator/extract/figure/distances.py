"""What a distance measures, and where it places it.

A distance places a thing ("Kazan, about 720 km from Moscow": Kazan) and
measures it from a point, which is not the figure's place. A distance "off" a
coast, or on a compass bearing "of" a port ("an explosion 25 nautical miles west
of Mokha"), places the event there, at sea; a bearing between two places
("Kazan lies 720 km east of Moscow", "a city 300 km north of it") places nothing.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ...records import Reference
from .places import PlaceReader
from .reading import Reading

#: Prepositions after a distance that place the event rather than measure from a point ("40 miles off the coast").
OFFSHORE_PREPS = frozenset({"off"})

#: A compass direction after a distance ("25 nautical miles west of Mokha"): with "of", it places what it measures.
COMPASS = re.compile(r"(?:north|south)?-?(?:east|west)(?:ward)?|north(?:ward)?|south(?:ward)?")

#: How far a parenthetical aside after a distance may run ("40 nautical miles (74 km) south of").
ASIDE_TOKENS = 8

#: How far up the tree the thing a distance places may be.
MAX_CLIMB = 8

#: Prepositions that put an event somewhere: a place in their object is where it happened, not what a distance
#: after it places ("attacked in the Gulf of Aden, 85 nautical miles east of Aden": the ship, at sea there).
EVENT_PREPS = frozenset({"in", "into", "through", "across", "over", "near", "at", "off"})

#: Nouns of a settlement or an area: one placed on a bearing from another place is measured from it ("a city 300 km
#: north of Tehran"); a building or a ship so placed is where the event was ("a depot 10 km southwest of Kyiv").
SETTLEMENTS = frozenset({"city", "town", "village", "settlement", "capital", "region", "province", "district", "area"})

#: Participles of position after a comma: they describe the noun before the comma ("the airport, located 650 km").
POSITION_VERBS = frozenset({"locate", "situate", "lie", "sit", "base", "station"})

#: Nouns of the sea and its edges: an attack there is placed by a distance after them, not the other way round.
WATERS = frozenset({"sea", "gulf", "strait", "waters", "coast", "port", "bay", "ocean", "channel", "straits"})

#: Nouns that stand for a stretch around a point ("in the vicinity of 46 nautical miles south of"): no thing placed.
STRETCH_NOUNS = frozenset({"vicinity", "proximity", "area", "waters"})


class DistanceReader:
    """Reads a distance's subject and place with the place reader's tests of what a place is."""

    def __init__(self, places: PlaceReader) -> None:
        self.places = places
        self.tree = places.tree
        self.lex = places.lex

    def location(self, r: Reading) -> Reference | None:
        """ "attacked 40 nautical miles off the coast of Hodeidah": "off" places the event, where "from" measures."""
        doc = r.expression.doc
        places = self.places
        owners = [t for t in (r.noun, r.anchor) if t is not None]
        preps = [p for owner in owners for p in places.preps(owner)]
        after = (r.noun.i + 1) if r.noun is not None and r.noun.i >= r.expression.end else r.expression.end
        if after < len(doc) and doc[after].text == "(":  # "40 nautical miles (74 km) south of": past the aside
            close = next((t.i for t in doc[after : after + ASIDE_TOKENS] if t.text == ")"), None)
            after = close + 1 if close is not None else after
        if after < len(doc):
            preps.append(doc[after])
        bearing = after
        while bearing + 2 < len(doc) and COMPASS.fullmatch(doc[bearing].lower_) and doc[bearing + 1].text == "-":
            bearing += 2  # "south-west", split by the tokenizer
        if bearing + 1 < len(doc) and COMPASS.fullmatch(doc[bearing].lower_) and not self._places_a_place(r):
            preps.append(doc[bearing + 1])  # "an explosion 25 nautical miles west of Mokha": there, at sea
            after = bearing
        for prep in preps:
            if prep.lower_ not in OFFSHORE_PREPS and not (prep.lower_ == "of" and prep.i - 1 == after):
                continue
            place = places.object_of(prep)
            if place is None or not r.on_its_line(place):
                continue
            if places.named_place(place):
                return places.place_reference(place, after=prep.i)
        return None

    def _places_a_place(self, r: Reading) -> bool:
        """ "Kazan lies 720 km east of Moscow", "a city 720 km east of it": a place measured from another."""
        subject = r.subject
        if subject is None or subject.span is None:
            return False
        placed = r.expression.doc.char_span(*subject.span, alignment_mode="expand")
        places = self.places
        return placed is not None and any(places.place_entity(t) or t.lower_ in SETTLEMENTS for t in placed)

    def subject(self, r: Reading) -> Reference | None:
        """The thing a distance places: "Kazan, about 720 km from Moscow", "Sudzha lies 10 km from"."""
        doc = r.expression.doc
        head_of = self.places.phrase_head
        i = r.expression.start - 1
        if i >= 0 and doc[i].text == ",":
            i -= 1
        if i >= 0 and doc[i].pos_ in ("NOUN", "PROPN") and not self._where_it_happened(doc[i]):
            thing = head_of(doc[i])
            if thing.dep_ == "dobj" and thing.head.dep_ == "acl":
                thing = thing.head.head  # "a cargo ship flying the Barbados flag, 57 nautical miles off": the ship
            return self._thing(thing, r)
        token = r.noun or r.anchor
        for _ in range(MAX_CLIMB):
            head = token.head
            if head == token:
                break
            if (
                head.pos_ in ("NOUN", "PROPN")
                and head.lower_ not in STRETCH_NOUNS
                and not COMPASS.fullmatch(head.lower_)  # "located 10km southwest of": a bearing, not a thing
                and not self._is_reference_point(head)
                and not self._where_it_happened(head)
            ):
                return self._thing(head_of(head), r)
            if head.pos_ in ("VERB", "AUX"):
                described = self._described_before(head)
                if described is not None:
                    return self._thing(described, r)
                subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return self.tree.noun_reference(head_of(subjects[0]), None)
            token = head
        return None

    def _described_before(self, verb: Token) -> Token | None:
        """ "smoke rose around the airport, located 650 km from the base": what a participle of position after a
        comma describes, wherever the parser hung the participle."""
        doc = verb.doc
        if verb.lemma_.lower() not in POSITION_VERBS or self.tree.has_subject(verb) or verb.i < 2:
            return None  # "Sudzha, the largest town in the region, lies 10 km from": a verb of its own subject
        if doc[verb.i - 1].text != ",":
            return None
        before = doc[verb.i - 2]
        # "attacked a ship on Tuesday, located ...", "troops in Belarus, stationed ...": not the thing placed
        if before.pos_ not in ("NOUN", "PROPN") or before.ent_type_ in ("DATE", "TIME"):
            return None
        if self.places.place_entity(before):
            return None
        return self.places.phrase_head(before)

    def _thing(self, head: Token, r: Reading) -> Reference | None:
        """What a distance places: a named place by its whole name ("the town of Kupiansk, 8 km from"), or the noun;
        never a phrase that holds the distance itself ("Vovchansk, a town located 5 km from")."""
        places = self.places
        if places.named_place(head):
            place = places.place_reference(head)
            if place.span is not None and not (place.span[0] <= r.expression.start_char < place.span[1]):
                return place
        return self.tree.noun_reference(head, None)

    def _where_it_happened(self, token: Token) -> bool:
        """A sea or port in the object of an event's preposition ("attacked in the Gulf of Aden", "sailing through the
        Red Sea"): climbs the name's own words and "of" phrases to the preposition that governs it. A town there is
        still what the distance places ("two people were killed in Vovchansk, 5 km from the border")."""
        if not self._at_sea(token):
            return False
        for _ in range(MAX_CLIMB):
            head = token.head
            if head == token or token.dep_ in ("nsubj", "nsubjpass", "dobj", "appos", "ROOT"):
                return False
            if token.dep_ == "pobj" and head.lower_ != "of":
                return head.lower_ in EVENT_PREPS and head.head.pos_ in ("VERB", "AUX")
            token = head
        return False

    def _at_sea(self, token: Token) -> bool:
        """Is ``token`` in the name of a sea, a gulf, a coast or a port ("the Gulf of Aden", "the Red Sea")?"""
        if token.ent_type_ == "LOC" and self.places.place_entity(token):
            return True
        phrase = [token, *token.ancestors][:MAX_CLIMB]
        return any(t.lower_ in WATERS for t in phrase if t.pos_ in ("NOUN", "PROPN"))

    def _is_reference_point(self, token: Token) -> bool:
        return token.dep_ == "pobj" and token.head.lower_ in self.lex.reference_preps

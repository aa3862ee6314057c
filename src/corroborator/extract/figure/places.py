"""Where a figure is: the place its clause gives, and what a distance places (the place its sentence or
paragraph gives, when its clause names none, is ``scene``'s).

A place comes from a preposition near the number: of its counted noun ("soldiers
in Russia's Kursk region"), of that noun's own verb ("stationed in", "sent to"),
or of the verb that governs it ("have been killed or wounded near the villages
of ..."). The object must name a place: a place entity, a proper noun, or a
place noun ("region", "front", "trenches"). A bare place noun must be definite
("the country", "the first line of trenches"): "over nine regions" places
nothing anyone could look up.

Static prepositions ("in", "near") give a place that a bare number after the
figure may share; directional ones ("sent to Russia", "launched at Ukraine")
give a destination that stays with its own figure.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ...records import Measure, Reference
from .lexicon import Lexicon
from .reading import Reading
from .targets import CLAUSE_SUBJECTS, TARGET_VERBS, TargetReader
from .tree import TreeReader

#: spaCy's labels of places, and labels that a bare proper noun after "in" is not a place for.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_PLACE_LABELS = frozenset({"ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "QUANTITY", "PERCENT", "ORDINAL"})

#: Kinds of linked entities that are not places. A country is linked as a "government" (it speaks), yet is a place.
NOT_PLACE_KINDS = frozenset({"person", "organization", "media", "group"})

#: Dependents kept in a place's noun phrase, and prepositions that may continue it ("the villages of ...").
_NP_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "case", "nummod", "quantmod", "conj", "cc", "punct"})
_NP_PREPS = frozenset({"of", "in", "between", "near", "along", "outside", "around", "at"})

#: Determiners and possessives that make a bare place noun point at a known place ("the region", "its territory").
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"})


#: What happens at the place a strike is aimed at: those killed there were there, drones launched at it were not.
AT_THE_TARGET = frozenset({Measure.KILLED, Measure.WOUNDED, Measure.CASUALTIES, Measure.MISSING, Measure.DAMAGED})

#: Conjunctions of a clause that tells where the same event happened ("killed when a missile hit ...").
_EVENT_MARKS = frozenset({"when", "as", "after"})

#: Counts whose "of" names the counted where they are ("raised to 220 the number of journalists killed in Gaza"); an
#: estimate is the estimator's and places nothing ("raised its estimate of losses in Russia to 300").
_TALLIES = frozenset({"number", "toll", "tally", "count", "total"})

#: Buildings a people's adjective names rather than places ("the Indonesian hospital", "the Turkish embassy").
_FACILITIES = frozenset(
    {"hospital", "hospitals", "school", "schools", "embassy", "consulate", "clinic", "mosque", "church", "centre"}
)

#: Prepositions by which an attack names its place ("a strike on Dnipro", "fighting near Pokrovsk").
_EVENT_PREPS = frozenset({"on", "in", "near", "at", "around", "outside", "of", "for"})  # not "against": a foe


#: Measures for which "from" names the place: people are displaced or evacuated from where they were.
FROM_MEASURES = frozenset({Measure.DISPLACED})

#: Nouns that make a prepositional phrase an idiom, not a place: "fought on the side of Russia".
IDIOM_NOUNS = frozenset(
    {"side", "behalf", "part", "account", "hands", "basis", "eve", "orders", "sidelines", "terms", "name", "wake"}
    | {"response", "retaliation", "revenge", "reprisal", "solidarity", "support", "favour", "favor", "protest"}
    | {"memory", "honour", "honor", "light", "view", "face", "spite"}
)


#: How many tokens after a preposition its object may be when the tree does not link them.
OBJECT_WINDOW = 5


class PlaceReader:
    """Finds a reading's place and, for distances, what is placed."""

    def __init__(self, lexicon: Lexicon, tree: TreeReader) -> None:
        self.lex = lexicon
        self.tree = tree
        self.targets = TargetReader(self)

    # -- the figure's place ---------------------------------------------------------------------------

    def location(self, r: Reading) -> tuple[Reference | None, bool]:
        """The place of ``r`` and whether it is where the counted things are (static) rather than a destination.

        A place the linker does not know ("to the hospital", "the Al-Awda hospital") gives way to a known place the
        same verb or the noun goes on to ("in the city of Tartous"), not to one of another clause ("at the hospital, as
        tanks advanced toward Rafah"); with none, it stands, for the scene to point back from."""
        unnamed: tuple[Reference, bool, Token] | None = None
        for reference, static, prep in self._clause_places(r):
            # a lowercase noun or a facility's name ("the Al-Awda hospital") may give way; a village's name may not
            nameless = reference.entity is None and (
                reference.text.islower() or any(w in _FACILITIES for w in reference.text.lower().split())
            )
            if not nameless and (unnamed is None or prep.head in (unnamed[2].head, *unnamed[2].subtree)):
                return reference, static
            if nameless and unnamed is None:
                unnamed = reference, static, prep
        if unnamed is not None:
            return unnamed[0], unnamed[1]
        targets = self.targets
        where = targets.relative_where(r) or targets.toll_owner(r) or targets.place_fled(r)
        if where is not None:
            return self.place_reference(where), True
        target = self.targets.target(r)  # where the people it killed were; not where the drones it launched are
        static = r.measure in AT_THE_TARGET
        return (self.place_reference(target), static) if target is not None else (None, False)

    def _clause_places(self, r: Reading) -> Iterator[tuple[Reference, bool, Token]]:
        """The places the figure's clause gives by its prepositions, nearest first, with their prepositions."""
        for prep in self._candidate_preps(r):
            if self.after_a_list_colon(r, prep):
                continue  # "77 drones were downed: 34 over Volgograd, ...": the items' places, not the total's
            place = self.object_of(prep)
            if place is not None and place.ent_type_ in ("DATE", "TIME"):  # "over the past two days in El Fasher"
                prep, place = self._placed_within(place) or (prep, None)
            word = prep.lower_
            if self.from_a_distance(prep):
                continue  # "a strike on Deir Billa, some 15 km from Batroun": Batroun is where it is measured from
            event = place is not None and place.lower_ in self.lex.event_nouns
            static = word in self.lex.static_preps or (word == "from" and (event or r.measure in FROM_MEASURES))
            static = static or (word == "of" and self.is_event(prep.head))  # "the bombardment of Omdurman"
            if not static and word not in self.lex.directional_preps and prep.dep_ != "dative":
                continue
            if event and place is not None:  # "killed in a strike on Dnipro", "the toll from the attack on Odesa"
                place, prep = self._event_place(place) or (place, prep)
            if place is None or not r.on_its_line(place) or not r.on_its_line(prep):
                continue
            if place.lower_ in IDIOM_NOUNS:
                continue  # "on the side of Russia", "on behalf of Kyiv": a stance, not a place
            if self.named_place(place):
                yield (*self._nearer_target(r, self.place_reference(place, after=prep.i), static), prep)

    def unnamed_places(self, r: Reading) -> bool:
        """Does the figure's clause put it in places it does not name ("killed 22 people in a swathe of southern
        towns", "in several villages")? Then the place its sentence names elsewhere is not its place."""
        if self._attack_placed(r):
            return False  # "RSF shelling on El Fasher killed 15 people in displacement camps": El Fasher
        for prep in self._candidate_preps(r):
            place = self.object_of(prep)
            if prep.lower_ not in self.lex.static_preps or place is None:
                continue
            if any(t.tag_ == "NNS" and self.place_noun(t) for t in place.subtree):
                return True
        return False

    def _attack_placed(self, r: Reading) -> bool:
        """Does the subject of the figure's verb name a place ("shelling on El Fasher killed ...")?"""
        for verb in self.tree.governors(r.start, r):
            for subject in (c for c in verb.children if c.dep_ in CLAUSE_SUBJECTS):
                if any(self.place_entity(t) for t in subject.subtree):
                    return True
        return False

    @staticmethod
    def after_a_list_colon(r: Reading, token: Token) -> bool:
        """Is ``token`` after a colon that follows the figure, with a number between (in a list of its parts)?"""
        doc = token.doc
        between = doc[r.expression.end : token.i]
        colons = [t.i for t in between if t.text == ":"]
        return bool(colons) and any(t.like_num for t in doc[colons[0] : token.i])

    def _nearer_target(self, r: Reading, found: Reference, static: bool) -> tuple[Reference, bool]:
        """ "shelled Babanusa in Sudan, killing nine": the town struck, inside the place the preposition names."""
        target = self.targets.target(r) if found.entity else None
        if target is None:
            return found, static
        struck = self.place_reference(target)
        return (struck, r.measure in AT_THE_TARGET) if found.entity in struck.parents else (found, static)

    def has_own_place(self, r: Reading) -> bool:
        """ "8,000 of them already in the Kursk border region": the number is placed by its own words."""
        if r.noun is not None and r.reference == "own" and not r.partitive:
            return False
        for prep in r.anchor.children:
            if prep.dep_ == "prep" and prep.lower_ in self.lex.static_preps and prep.i >= r.expression.end:
                place = self.object_of(prep)
                if place is not None and self.is_place(place, depth=0):
                    return True
        return False

    def object_of(self, prep: Token) -> Token | None:
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if objects:
            return objects[0]
        doc = prep.doc  # "84 over seven Russian regions", when the tree hangs "over" on the number
        for token in doc[prep.i + 1 : min(len(doc), prep.i + 1 + OBJECT_WINDOW)]:
            if token.pos_ in ("NOUN", "PROPN"):
                return self._end_of_run(token)
            if token.pos_ not in ("DET", "ADJ", "NUM", "PROPN", "PUNCT"):
                return None
        return None

    def _placed_within(self, token: Token) -> tuple[Token, Token] | None:
        """The place a time or a thing is given in: "the past two days in El Fasher" (a time is never a place),
        "a strike on a car in the village of Khiam" (the car is where the strike hit, the village where that is)."""
        for prep in self.preps(token):
            place = self.object_of(prep)
            if prep.lower_ not in self.lex.static_preps or place is None or place.ent_type_ in ("DATE", "TIME"):
                continue
            if self.named_place(place):
                return prep, place
        return None

    def from_a_distance(self, prep: Token) -> bool:
        """ "15 kilometres from the town of Batroun", "300 km north of Tehran": a distance's point of reference."""
        if prep.lower_ not in self.lex.reference_preps:  # not "off": "40 miles off Aden" places the event there
            return False
        measured = [prep.head, *(c for c in prep.children if c.dep_ == "npadvmod")]  # the tree hangs it either way
        return any(self.lex.unit_class(self.lex.unit_of.get(word.lower_)) == "distance" for word in measured)

    def _event_place(self, event: Token) -> tuple[Token, Token] | None:
        """The place of an attack or a fight, from its own preposition ("a strike on the city of Dnipro") or the object
        of the participle that aims it ("airstrikes targeting Gaza City, Jabalia and Rafah")."""
        for aim in event.children:
            if aim.dep_ == "acl" and aim.tag_ == "VBG" and aim.lemma_.lower() in TARGET_VERBS:
                place = next((c for c in aim.children if c.dep_ == "dobj"), None)
                if place is not None and self.named_place(place):
                    return place, aim
        for prep in self.preps(event):
            if prep.lower_ in _EVENT_PREPS:
                place = self.object_of(prep)
                if place is not None and self.named_place(place):
                    return place, prep
                within = self._placed_within(place) if place is not None else None
                if within is not None:  # "a drone strike on a car in the village of Khiam"
                    return within[1], within[0]
        return None

    @staticmethod
    def _end_of_run(token: Token) -> Token:
        doc = token.doc
        while token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("NOUN", "PROPN"):
            token = doc[token.i + 1]
        return token

    def _candidate_preps(self, r: Reading) -> list[Token]:
        """Prepositions that may place the figure, nearest first."""
        doc = r.expression.doc
        own = r.start
        preps = self.preps(own) + self._shared_preps(own)
        after = (r.noun.i + 1) if r.noun is not None and r.noun.i >= r.expression.end else r.expression.end
        if after < len(doc) and doc[after].pos_ == "ADP":
            preps.append(doc[after])  # read from the words when the tree hangs it elsewhere
        modifiers: list[Token] = []
        if not r.partitive:  # "stationed in", "sent to": the noun's own verbs
            for child in self.tree.own_modifiers(own):
                if child.dep_ in ("acl", "relcl"):
                    modifiers += self.preps(child)
        # "troops deployed in Syria were killed in Idlib": the place of what happened to them comes first.
        governed = r.measure_word is not None and r.measure_word.i not in {m.head.i for m in modifiers}
        if not governed:
            preps += modifiers
        for governor in self.tree.governors(own, r, absolute=self.has_own_place(r)):
            if self.tree.reports(governor):
                # "Zelensky said in Kyiv that ...": the speaker's place, not the figure's; but "troops are
                # believed to be encircled near X" places the troops.
                for said in self.tree.complements(governor):
                    preps += self.preps(said)
                    # "a strike in X is said to have killed 18": the raised subject is the event's
                    preps += [
                        p
                        for c in governor.children
                        if c.dep_ == "nsubjpass" and self.is_event(c)
                        for p in self.preps(c)
                    ]
                break
            if governor.pos_ in ("VERB", "AUX"):
                preps += self._verb_preps(governor)
                if self._parallel_toll(governor):  # "68 were killed in Gaza and 180 injured": the same place
                    preps += [p for p in self.preps(governor.head) if p.lower_ in self.lex.static_preps]
        if governed:
            preps += modifiers
        if r.at_object is not None:  # "puts the contingent in Russia at about 10,000"
            preps += self.preps(r.at_object)
            count, verb = r.at_object, r.at_object.head
            raised = r.anchor.head.lower_ == "to" and verb.lemma_.lower() in self.lex.value_verbs
            if (count.dep_ == "nsubj" and verb.lemma_ == "be") or (count.lower_ in _TALLIES and raised):
                # "the number of displaced people in Ukraine was 1.85 million", "brought to 57 the number of aid workers
                # killed in Gaza": the counted people's place (but an estimate "of losses in Russia at 300" is the
                # estimate's, which places nothing)
                counted = [o for of in self.preps(count) if of.lower_ == "of" for o in of.children]
                told = [m for word in (count, *counted) for m in word.children if m.dep_ in ("acl", "relcl")]
                preps += [p for word in (*counted, *told) for p in self.preps(word)]
            preps += [c for c in self.preps(r.at_object.head) if c.lower_ != "at"]
        unique: dict[int, Token] = {}
        for prep in preps:
            if not (r.expression.start <= prep.i < r.expression.end):
                unique.setdefault(prep.i, prep)
        return list(unique.values())

    def _shared_preps(self, own: Token) -> list[Token]:
        """ "killed 5 soldiers and 3 civilians in Kherson": the parser hangs the place on the last of the list; it
        places each of them."""
        first = own.head if own.dep_ == "conj" else own
        members = [first, *(c for c in first.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))]
        last = members[-1]
        if last is own or len(members) < 2 or own not in members:
            return []
        return [p for p in self.preps(last) if p.i > last.i]

    @staticmethod
    def preps(token: Token) -> list[Token]:
        return [c for c in token.children if c.dep_ in ("prep", "dative")]

    def _verb_preps(self, verb: Token) -> list[Token]:
        """A verb's prepositions, and those of the words that share its event.

        Its conjuncts that share its subject ("killed or wounded near ..."), its agent ("captured by
        forces in Kursk"), its complement ("remain stationed in") and a "when" clause ("killed when a
        missile hit a mall in Kharkiv").
        """
        preps = self.preps(verb)
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ == "VERB":
                if not self.tree.has_subject(child) or self._counted_subject(child):
                    preps += self.preps(child)  # "16 had been killed and 42 wounded across Yemen": both there
                preps += self._event_preps(child)
            elif child.dep_ == "agent":
                preps += [p for obj in child.children for p in self.preps(obj)]
            elif self._complement(verb, child):
                preps += self.preps(child)
            elif child.dep_ in CLAUSE_SUBJECTS and self.is_event(child):
                preps += self.preps(child)  # "shelling in the Donetsk region killed six", "strikes on Yemen"
        return preps + self._event_preps(verb)

    @staticmethod
    def _complement(verb: Token, child: Token) -> bool:
        """ "remain stationed in", "are set to move into", "went missing in Kharkiv"."""
        return child.dep_ in ("acomp", "oprd", "xcomp") or (child.dep_ == "advcl" and child.i == verb.i + 1)

    def _parallel_toll(self, verb: Token) -> bool:
        """Is ``verb`` the second of two tolls joined by "and", each with its count ("68 people have been killed in
        Gaza and at least 180 people have been injured")?"""
        head = verb.head
        joined = verb.dep_ == "conj" and head.pos_ == "VERB" and self.tree.word_measure(head, "people") in AT_THE_TARGET
        return joined and self._counted_subject(verb) and self._counted_subject(head)

    @staticmethod
    def _counted_subject(verb: Token) -> bool:
        """ "... and 42 wounded", "... and 18 others wounded": the conjoined clause's subject is a number (with
        "others", "more" or a noun), its verb elided."""
        return any(
            c.dep_ in CLAUSE_SUBJECTS and (c.like_num or any(n.dep_ == "nummod" and n.like_num for n in c.children))
            for c in verb.children
        )

    def is_event(self, token: Token) -> bool:
        return token.lower_ in self.lex.event_nouns or token.lemma_.lower() in self.lex.event_nouns

    def _event_preps(self, verb: Token) -> list[Token]:
        """The prepositions of a "when" clause under ``verb``, and of its object or passive subject."""
        preps = []
        for clause in verb.children:
            if self.marks_the_event(clause):
                preps += self.preps(clause)
                # its object or subject: "killed when a missile hit a mall in X", "when a mosque in X was hit"
                preps += [p for obj in clause.children if obj.dep_ in ("dobj", "nsubjpass") for p in self.preps(obj)]
        return preps

    @staticmethod
    def marks_the_event(clause: Token) -> bool:
        """A "when", "as" or "after" clause: it tells where the same event happened."""
        return clause.dep_ == "advcl" and any(m.lower_ in _EVENT_MARKS for m in clause.children if m.i < clause.i)

    # -- what a place is -------------------------------------------------------------------------------

    def is_place(self, token: Token, depth: int) -> bool:
        """Does the noun phrase headed by ``token`` name a place?"""
        if self.place_entity(token) or self.place_noun(token):
            return True
        if token.pos_ == "PROPN" and token.is_title and token.ent_type_ not in NOT_PLACE_LABELS:
            return self.linked_kind(token) not in NOT_PLACE_KINDS
        for child in token.lefts:
            # "the Kursk front", "Gaza's hospitals"; but a people's adjective is no place: "in Israeli strikes"
            named = child.dep_ in ("compound", "poss", "nmod", "amod") and child.ent_type_ != "NORP"
            if named and self.place_entity(child):
                return True
        if depth < 2:
            for child in token.rights:
                if child.dep_ == "prep" and child.lower_ in ("in", "of", "near"):
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects and self.is_place(objects[0], depth + 1):
                        return True
        return False

    def _detached_demonym(self, token: Token) -> bool:
        """ "in the Pakistani shelling": the parser took a people's adjective for the head of the phrase."""
        doc = token.doc
        if token.ent_type_ != "NORP" or token.i + 1 >= len(doc):
            return False
        after = doc[token.i + 1]
        return after.is_alpha and after.pos_ in ("NOUN", "VERB") and not self.place_noun(after)

    def place_noun(self, token: Token) -> bool:
        return token.lower_ in self.lex.place_nouns or token.lemma_.lower() in self.lex.place_nouns

    def named_place(self, token: Token) -> bool:
        """Is the phrase headed by ``token`` a place, and does it name one ("Kupiansk", "the town", not "towns")?"""
        return self.is_place(token, depth=0) and self.names_a_place(token)

    def names_a_place(self, head: Token) -> bool:
        """A bare place noun must be definite: "the country" names one, "nine regions" do not."""
        phrase = self._phrase(head)
        if any(self.place_entity(t) or t.ent_type_ == "NORP" for t in phrase):
            return True
        if head.pos_ == "PROPN":
            return True
        # "Zamzam displacement camp", "Al-Amal hospital": a place noun named by a proper noun is one place
        return any(
            t.lower_ in _DEFINITE or t.dep_ == "poss" or (t.dep_ == "compound" and t.pos_ == "PROPN")
            for t in head.lefts
        )

    @staticmethod
    def linked_kind(token: Token) -> str | None:
        entities = token.doc._.entities or {}
        entity = entities.get(token.ent_kb_id_) if token.ent_kb_id_ else None
        return entity.kind if entity is not None else None

    def place_entity(self, token: Token) -> bool:
        """Is ``token`` part of a place entity (by its link, else by its label)?"""
        if not token.ent_type_ or self._detached_demonym(token):
            return False
        kind = self.linked_kind(token)
        if kind == "place":
            return True
        if kind in NOT_PLACE_KINDS:
            return False
        return token.ent_type_ in PLACE_LABELS

    # -- the place's words and entity -----------------------------------------------------------------

    def place_reference(self, head: Token, after: int = -1) -> Reference:
        """The place's noun phrase ("Russia's Kursk region") and the most specific place entity in it.

        ``after``: the preposition's index; the phrase starts after it, whatever the tree hangs on the head.
        """
        span = self._phrase(head, after)
        entity = self.most_specific_place(span) or self._demonym(span)
        return Reference(
            text=span.text, entity=entity, span=(span.start_char, span.end_char), parents=parents_of(head.doc, entity)
        )

    def _phrase(self, head: Token, after: int = -1) -> Span:
        doc = head.doc
        kept = {i for i in self._phrase_tokens(head) if i > after}
        start, end = min(kept), max(kept) + 1
        # "Sudan, which has displaced ...,": the phrase ends where a clause it does not hold begins
        end = next((i for i in range(head.i + 1, end) if i not in kept), end)
        breaks = [t.i for t in doc[start:end] if "\n" in t.text_with_ws]  # a heading's parse runs into the body
        if breaks:
            start, end = (start, breaks[0] + 1) if breaks[0] >= head.i else (breaks[-1] + 1, end)
            while end - 1 > start and doc[end - 1].is_space:
                end -= 1
        while start < end - 1 and (doc[start].pos_ == "DET" or doc[start].is_punct):
            start += 1
        while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "case"):
            end -= 1  # "Gaza's" of "Gaza's death toll" is Gaza
        return doc[start:end]

    def _phrase_tokens(self, head: Token) -> set[int]:
        kept = {head.i}
        for child in head.children:
            close_name = child.dep_ == "appos" and child.i == head.i + 1 and self.place_entity(child)
            if child.dep_ in _NP_DEPS or child.dep_ == "pobj" or self._continues_place(child) or close_name:
                kept |= self._phrase_tokens(child)  # "near the capital Mogadishu": the name set right after
        return kept

    def _continues_place(self, prep: Token) -> bool:
        """ "the villages of Plekhovo", "combat zones in Ukraine" continue a place; "in total" does not."""
        if prep.dep_ != "prep" or prep.lower_ not in _NP_PREPS:
            return False
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        return bool(objects) and (prep.lower_ == "of" or self.is_place(objects[0], depth=1))

    def most_specific_place(self, span: Span) -> str | None:
        """The place ``span`` names: the deepest of a chain ("Russia's Kursk region" -> the region), and
        for places side by side ("between Sudzha and Korenevo", "the Kursk and Bryansk regions") the
        nearest place that holds them all."""
        entities = span.doc._.entities or {}
        named: dict[str, list[str]] = {}
        first: dict[str, int] = {}
        for token in span:
            ident = token.ent_kb_id_
            if token.ent_type_ == "NORP":
                continue  # "the Indonesian hospital in northern Gaza": a people's adjective names, it does not place
            if ident and self.place_entity(token):
                entity = entities.get(ident)
                named[ident] = list(entity.parents) if entity is not None else []
                first.setdefault(ident, token.i)
        enclosing = {parent for parents in named.values() for parent in parents}
        innermost = [ident for ident in named if ident not in enclosing]
        if len(innermost) <= 1:
            return innermost[0] if innermost else None
        if _each_inside_the_next(span.doc, [first[ident] for ident in innermost]):
            return innermost[0]  # "the city of Nabatieh in southern Lebanon": the town, whatever the gazetteer nests
        return _common_parent([named[ident] for ident in innermost])

    @staticmethod
    def _demonym(span: Span) -> str | None:
        """ "Ukrainian territory", "Russian regions": the people's country, when no place is named; but "the Kuwaiti
        hospital" is a hospital's name, wherever it stands."""
        if any(t.lower_ in _FACILITIES for t in span):
            return None
        return next((t.ent_kb_id_ for t in span if t.ent_type_ == "NORP" and t.ent_kb_id_), None)

    def phrase_head(self, token: Token) -> Token:
        """From an apposition, a name after "the town of" or before "'s suburbs", up to its noun phrase."""
        while True:
            if token.dep_ == "appos":
                token = token.head
            elif token.dep_ == "pobj" and token.head.lower_ == "of" and self.place_noun(token.head.head):
                token = token.head.head
            elif token.dep_ in ("poss", "compound") and self.place_noun(token.head):
                token = token.head  # "Beirut's southern suburbs", "the Kursk region"
            else:
                return token


def _each_inside_the_next(doc: Doc, starts: list[int]) -> bool:
    """Places in a chain of "in" ("a village in X in Y"), not side by side ("X and Y", "between X and Y")."""
    return all(
        any(t.lower_ == "in" for t in doc[a:b]) and not any(t.lower_ in ("and", "or", "between") for t in doc[a:b])
        for a, b in itertools.pairwise(starts)
    )


def _common_parent(chains: list[list[str]]) -> str | None:
    """The nearest place enclosing every place of ``chains`` (each a place's parents, nearest first)."""
    shared = set(chains[0]).intersection(*chains[1:])
    return next((parent for parent in chains[0] if parent in shared), None)


def parents_of(doc: Doc, ident: str | None) -> list[str]:
    """The enclosing places of a linked place, nearest first (empty when the linker does not know them)."""
    entity = (doc._.entities or {}).get(ident) if ident else None
    return list(entity.parents) if entity is not None else []

"""Where a figure is when its own clause names no place: the place its sentence or paragraph names.

``places`` reads the place a figure's clause gives; this module reads the rest of the text as a reader would
("Residents of Ramenskoye heard blasts, and authorities said one woman was injured": there; "The strike killed
four" after a paragraph on a strike on Kupiansk: there), and what "the region" or "the camp" points back at.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...records import Reference
from .lexicon import Lexicon
from .places import IDIOM_NOUNS, PlaceReader, parents_of
from .reading import Reading
from .targets import CLAUSE_SUBJECTS, TARGET_VERBS

#: Place nouns that point back at the last place named ("the region" after "the Kursk front"; "at the camp", "the
#: hospital" after "In Kadugli, shells hit the main camp and a hospital").
ANAPHORIC_PLACES = frozenset(
    {"region", "area", "oblast", "province", "district", "city", "town", "village", "camp", "hospital", "school"}
    | {"country", "capital", "state", "governorate"}
    | {"market", "clinic", "shelter", "mosque", "church", "neighbourhood", "neighborhood", "compound", "building"}
)

#: Possessives before a place noun that point back at the place an official was named with ("the governor of the X
#: region said ... over his region"); "its" and "their" may own anything and point back at nothing.
OWNERS_OF_A_PLACE = frozenset({"his", "her"})

#: Nouns of a whole war: its toll is no one attack's, wherever the last attack was told of.
WHOLE_WARS = frozenset({"war", "conflict", "invasion"})  # not "fighting": "the fighting killed 30" is local

#: Nouns whose "of" names where they are: "residents of Ramenskoye", "the people of Sumy".
SENTENCE_PLACE_OWNERS = frozenset({"residents", "people", "inhabitants", "villagers", "citizens", "outskirts"})

#: Officials whose "of" names the place they answer for: "the governor of Sumy said nine were killed".
JURISDICTIONS = frozenset({"governor", "mayor", "head", "administration", "authorities", "police", "chief"})

#: Speakers who tell what they saw where they are: "hospital staff in the town of X said 14 had died" died there
#: (but "officials in Kyiv said" speak of anywhere).
LOCAL_WITNESSES = frozenset(
    {"hospital", "medics", "doctors", "nurses", "paramedics", "rescuers", "witnesses", "eyewitnesses", "villagers"}
)


class SceneReader:
    """Reads the place of a figure's sentence or paragraph, and what a place noun points back at."""

    def __init__(self, lexicon: Lexicon, places: PlaceReader) -> None:
        self.lex = lexicon
        self.places = places

    def resolve_anaphor(self, reference: Reference, r: Reading, window: int) -> None:
        """ "in the region": the region is the last place named before it (within ``window`` characters)."""
        doc = r.expression.doc
        if reference.entity or reference.span is None:
            return
        words = reference.text.split()
        if not words or words[-1].lower() not in ANAPHORIC_PLACES or any(w[:1].isupper() for w in words):
            return  # "the Al-Aqsa hospital" is named, not pointed back at
        start = reference.span[0]
        if words[0].lower() in OWNERS_OF_A_PLACE:  # "his region", after "the governor of the X region"
            self._resolve_owned(reference, r, window)
            return
        if r.text[max(0, start - 5) : start].lower().strip() not in ("the", "this", "that"):
            return
        country = words[-1].lower() == "country"
        before = [e for e in reversed(r.index.ents_within(max(0, start - window), start)) if e.end_char <= start]
        named = [e for e in before if e.kb_id_ and self.places.place_entity(e[0])]
        # "Lebanon said strikes killed 33 across the country": a country that speaks is the country, where no place
        # named as a place comes after it
        ent = next((e for e in named if self._used_as_place(e)), None) or (named[0] if country and named else None)
        if ent is None:
            return
        ident, parents = ent.kb_id_, parents_of(doc, ent.kb_id_)
        if country and parents:  # "the country" after "Myanmar's Sagaing region"
            ident, parents = parents[-1], []
        reference.entity, reference.parents = ident, parents

    def _resolve_owned(self, reference: Reference, r: Reading, window: int) -> None:
        """ "his region": the place of the official ("the governor of the Dnipropetrovsk region", "Sumy governor")
        named last before it; no other place ("drones attacked the Belgorod region ... in his region")."""
        doc = r.expression.doc
        start = reference.span[0] if reference.span else 0
        first = doc.char_span(max(0, start - window), start, alignment_mode="contract")
        if first is None:
            return
        for official in reversed([t for t in first if t.lower_ in JURISDICTIONS]):
            place = self._place_of_office(official)
            if place is not None:
                ident, parents = place.ent_kb_id_, parents_of(doc, place.ent_kb_id_)
                if parents and parents[0].startswith(ident) and reference.text.split()[-1].lower() != "city":
                    ident, parents = parents[0], parents[1:]  # "Kursk governor ... his region": the Kursk region
                reference.entity, reference.parents = ident, parents
                return

    def _place_of_office(self, official: Token) -> Token | None:
        """The place an official answers for: "the governor of X", "X governor", "X's mayor"."""
        for child in official.children:
            if child.dep_ in ("compound", "poss") and self.places.place_entity(child):
                return child
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    named = [t for t in obj.subtree if t.ent_kb_id_ and self.places.place_entity(t)]
                    if named:
                        return named[-1]
        return None

    def sentence_place(self, r: Reading, taken: set[int]) -> Reference | None:
        """The place the figure's sentence names as a place, when its clause names none ("Residents of Ramenskoye
        heard blasts, and authorities said one woman was injured"): the nearest before the number, else after.

        A speaker's place ("Ukraine's Air Force said", "said in Kyiv"; but "the governor of Sumy" answers for
        Sumy), a destination ("sent to Russia") and the words another figure's clause has read (``taken``:
        character offsets where they start) are not it.
        """
        sentence = r.anchor.sent
        position = r.quantity.start
        candidates = [
            ent
            for ent in self._places_named(r, sentence.start_char, sentence.end_char)
            if ent.start_char not in taken
            and ent.root.idx not in taken
            and not self.places.after_a_list_colon(r, ent.root)
        ]  # "34 over the Moscow region and 84 across the country": the 34's place, not the 84's
        if not candidates:
            return self._place_inside_a_name(r)
        before = [e for e in candidates if e.end_char <= position]
        ent = before[-1] if before else candidates[0]
        return self.places.place_reference(self.places.phrase_head(ent.root))

    @staticmethod
    def _place_inside_a_name(r: Reading) -> Reference | None:
        """ "The health ministry in Gaza said 52 were killed": the place inside a body's name (the entity linker
        keeps it as a mention of its own) is where the body counts, when nothing else in the sentence is a place."""
        doc = r.anchor.doc
        sentence = r.anchor.sent
        for start, end, ident in r.index.place_mentions_within(sentence.start_char, sentence.end_char):
            span = doc.char_span(start, end)
            if span is None or not r.on_its_line(span[0]):
                continue
            if span[0].ent_type_ == "ORG" and span[0].ent_iob_ == "I":  # inside the name, not a span of its own
                return Reference(text=span.text, entity=ident, span=(start, end), parents=parents_of(doc, ident))
        return None

    def paragraph_place(self, r: Reading) -> Reference | None:
        """The last place where the figure's paragraph tells of an attack before the figure's sentence, when that
        sentence names none: "A camp outside El Fasher was shelled. Forty people were killed" were killed there.

        A place named for another reason ("forces deployed in Russia. 100 soldiers were killed in the conflict")
        is not where the figure's event happened.
        """
        if self._whole_war(r):
            return None  # "the conflict has claimed 40,000 lives": the whole war's toll, not the last attack's
        # "The strike killed three people": the strike told of before, over paragraphs too
        reach_back = self._definite_event(r)
        start = (
            max(0, r.quantity.start - self.lex.context_chars)
            if reach_back
            else r.index.line_bounds(r.quantity.start)[0]
        )
        candidates = [
            e
            for e in self._places_named(r, start, r.anchor.sent.start_char, any_line=reach_back)
            if self._tells_of_attack(e)
        ]
        return self.places.place_reference(self.places.phrase_head(candidates[-1].root)) if candidates else None

    def _whole_war(self, r: Reading) -> bool:
        """Is the figure's clause about a whole war ("the conflict has claimed", "died in the civil war")?"""
        # "are estimated to have died in the war": the reporting verb's complement too
        governors = self.places.tree.governors(r.start, r)
        verbs = [*governors, *(c for g in governors for c in g.children if c.dep_ == "xcomp")]
        for verb in verbs:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            said = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            said += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children]
            if any(t.lemma_.lower() in WHOLE_WARS for t in said):
                return True
        return False

    def _definite_event(self, r: Reading) -> bool:
        """Does the figure's sentence name its event as one told of before ("the strike", "this attack")?"""
        return any(
            self.places.is_event(t) and any(c.lower_ in ("the", "this", "that") for c in t.children if c.dep_ == "det")
            for t in r.anchor.sent
            if r.on_its_line(t)
        )

    def _tells_of_attack(self, ent: Span) -> bool:
        """Does the sentence of ``ent`` tell of an attack there ("came under fire", "shelled the town of X")? The place
        hangs on the attack's words or its clause, not on a speaker's ("killed in the war in X, said a legislator in
        Y": X)."""
        attacks = [t for t in ent.sent if self.places.is_event(t) or t.lemma_.lower() in TARGET_VERBS]
        if not attacks:
            return False
        above = list(ent.root.ancestors)
        clause = _clause_of(ent.root)
        return any(a in above or _clause_of(a) == clause for a in attacks)

    def _places_named(self, r: Reading, start: int, end: int, any_line: bool = False) -> list[Span]:
        """The linked places between ``start`` and ``end``, on the figure's line (or any), named where things are."""
        found = []
        for ent in r.index.ents_within(start, end):
            if not ent.kb_id_ or not (any_line or r.on_its_line(ent[0])) or not self.places.place_entity(ent[0]):
                continue
            if self._in_a_speaker(ent.root) or not self._where_things_are(ent) or self._in_an_idiom(ent.root):
                continue
            found.append(ent)
        return found

    def _where_things_are(self, ent: Span) -> bool:
        """ "in Kursk", "residents of Ramenskoye", "the Kursk front", "Beirut's suburbs": a place where things are,
        not where they go."""
        root = ent.root
        prep = root.head
        if any(self.places.from_a_distance(a) for a in root.ancestors if a.dep_ == "prep"):
            return False  # "15 km from the town of Batroun": where the distance is measured from
        if self._destination(root):
            return False  # "displaced 10,000 to the governorate of X in eastern Lebanon": where they went
        if root.dep_ in ("pobj", "pcomp"):  # the parser takes some names after "in" for a clause
            if prep.lower_ == "of":
                owner = prep.head
                known = SENTENCE_PLACE_OWNERS | JURISDICTIONS
                return owner.pos_ == "NOUN" and (owner.lower_ in known or self.places.place_noun(owner))
            return prep.lower_ in self.lex.static_preps and prep.head.lower_ not in IDIOM_NOUNS
        return root.dep_ in ("compound", "nmod", "amod", "poss") and self.places.place_noun(root.head)

    def _destination(self, token: Token) -> bool:
        """Is ``token`` inside a phrase of direction ("to the governorate of X in Y"), below its verb?"""
        for ancestor in token.ancestors:
            if ancestor.pos_ in ("VERB", "AUX"):
                return False
            if ancestor.dep_ == "prep" and ancestor.lower_ in self.lex.directional_preps:
                return True
        return False

    @staticmethod
    def _in_an_idiom(token: Token) -> bool:
        """ "in retaliation for the attack on Kazan", "in the name of Chechnya": a motive, not where it happened."""
        for ancestor in token.ancestors:
            if ancestor.pos_ in ("VERB", "AUX"):
                return False
            if ancestor.dep_ == "pobj" and ancestor.lower_ in IDIOM_NOUNS:
                return True
        return False

    def _in_a_speaker(self, token: Token) -> bool:
        """Is ``token`` inside the subject of a reporting verb ("the governor of Kursk said")?"""
        prep = token.head
        if token.dep_ == "pobj" and prep.head.lemma_.lower() in self.lex.reporting and prep.i > prep.head.i:
            return (
                True  # "said in Warsaw that": where it was said; but "In Deir al-Balah, ..., medics said" sets a scene
            )
        for ancestor in [token, *token.ancestors]:
            if ancestor.lower_ in SENTENCE_PLACE_OWNERS | JURISDICTIONS or self._local_witness(ancestor):
                return False  # "residents of Ramenskoye described", "the head of Tatarstan said": there, and of there
            if ancestor.dep_ in CLAUSE_SUBJECTS and ancestor.head.lemma_.lower() in self.lex.reporting:
                return True
        return False

    @staticmethod
    def _local_witness(noun: Token) -> bool:
        return noun.lower_ in LOCAL_WITNESSES or any(
            c.dep_ == "compound" and c.lower_ in LOCAL_WITNESSES for c in noun.children
        )

    def _used_as_place(self, ent: Span) -> bool:
        """Named as a place ("in Kursk", "the Kursk front"), not as a speaker ("Washington's number")."""
        root = ent.root
        prep = root.head
        if root.dep_ == "pobj" and prep.lower_ == "of" and self.places.place_noun(prep.head):
            return self._used_as_place(prep.head.doc[prep.head.i : prep.head.i + 1])  # "over the region of Kherson"
        if root.dep_ == "pobj":
            return prep.lower_ in self.lex.static_preps or prep.lower_ in self.lex.directional_preps
        return root.dep_ in ("compound", "nmod", "amod") and self.places.place_noun(root.head)


def _clause_of(token: Token) -> int:
    """The index of the verb whose clause holds ``token`` (the token itself, if a verb)."""
    for t in (token, *token.ancestors):
        if t.pos_ in ("VERB", "AUX"):
            return t.i
    return token.sent.root.i

"""Naming pronouns and definite descriptions after the parties told of before, in reading order.

``Resolver.resolve(party, head)`` gives "He" the last person who spoke, "the agency" the last body that spoke
and was called so, "the army" the last fighting force, "the group" the last body that spoke (never an outlet).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ...records import Party, PartyKind
from .lexicon import Lexicon
from .parties import (
    BODIES,
    DEFINITE_WORDS,
    GENERIC_BODY_WORDS,
    RELATIVE_PRONOUNS,
    SELF_NAMING_WORDS,
)

#: Words of a fighting force: "the army" is only ever a force named or heard before.
MILITARY_WORDS = frozenset({"army", "military", "forces", "force", "command", "navy", "corps", "guard", "troops"})
#: Words of an armed group outside a state's forces ("the rebels", "the rebel group", "the armed group"): only a
#: body the linker knows as an armed group or that was called so, never the security firm or ministry that spoke
#: between.
ARMED_WORDS = frozenset(
    {"rebel", "rebels", "militant", "militants", "insurgent", "insurgents", "armed", "paramilitary", "jihadist"}
    | {"paramilitaries", "jihadists", "guerrilla", "guerrillas"}
)
#: The linker's kind of an armed group (the gazetteer's "group"), and the label of one it knows: it calls every
#: unknown nationality a group too ("Rubymar", a ship the model took for one).
ARMED_KIND = "group"
ARMED_TYPE = "ORG"
#: Heads of a description that any body's name goes by and that an armed word before it makes an armed group's.
ARMED_HEADS = GENERIC_BODY_WORDS | {"movement", "faction", "force", "forces", "militia"}
#: Offices one person holds ("the Houthi leader", "the governor"): a description of somebody named before.
ROLE_NOUNS = frozenset(
    {"leader", "chief", "commander", "head", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor"}
    | {"minister", "president", "envoy", "ambassador", "lawmaker", "legislator", "premier"}
)


class Resolver:
    """Names pronouns and definite descriptions after earlier speakers, in text order."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        self.history: list[Party] = []
        self.records = getattr(doc._, "entities", None) or {}
        self._by_label: dict[str, tuple[list[Span], list[int]]] = {}

    def resolve(self, party: Party, head: Token | None) -> Party:
        if head is not None:
            lower = head.lower_
            if lower in self.lex.person_pronouns or (lower in RELATIVE_PRONOUNS and party.kind == PartyKind.PERSON):
                antecedent = self._last_person() if party.name is None else None
                if party.name is None and (antecedent is None or antecedent.name):
                    party = self._adopt(party, antecedent or self._last_entity(head, {"PERSON"}))
            elif lower in self.lex.org_pronouns:
                party = self._adopt(party, self._last(BODIES) or self._last_entity(head, {"ORG"}))
            elif self._armed_description(head, party):
                party = self._adopt(party, self._last_armed(head))
            elif self._role_description(head, party):
                party = self._adopt(party, self._last_in_role(head))
            elif self._definite_description(head, party) and head.lower_ in MILITARY_WORDS:
                # "the army", "the military": a force that spoke or was named as one, never another body (the UN
                # office that spoke before the army did)
                party = self._adopt(party, self._last_with_word(*MILITARY_WORDS))
            elif self._definite_description(head, party) and head.lower_ in SELF_NAMING_WORDS:
                # "the network", "the monitor": only a body that called itself so, never the other side that spoke
                party = self._adopt(party, self._last_with_word(*SELF_NAMING_WORDS[head.lower_]))
            elif self._definite_description(head, party) and head.lower_ in GENERIC_BODY_WORDS:
                antecedent = self._last_with_word(head.lower_) or self._last_body_not_outlet()
                party = self._adopt(party, antecedent or self._last_entity(head, {"ORG"}, outlets=False))
            elif self._definite_description(head, party):
                # "the agency": the last body that spoke and was called an agency, else the last body
                # named in the text, else the last body that spoke.
                antecedent = self._last_with_word(head.lower_, head.lemma_) or self._last_entity(head, {"ORG"})
                party = self._adopt(party, antecedent or self._last(BODIES))
        if party.name or (head is not None and party.kind not in BODIES and self._one_unnamed_person(head)):
            self.history.append(party)
        return party

    def _one_unnamed_person(self, head: Token) -> bool:
        """'a resident', 'a second source': somebody a later 'he' or 'she' points back at, though the text never
        names them. Not 'the spokesman', who is somebody named before ("..., al-Qudra said. According to the
        spokesman, ... 'The victims include ...,' he said": al-Qudra)."""
        definite = any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE_WORDS for c in head.children)
        return head.tag_ == "NN" and head.lemma_.lower() in self.lex.speaking_people and not definite

    def _definite_description(self, head: Token, party: Party) -> bool:
        """'the agency', 'the ministry': no name of its own, an organisation's common noun."""
        if party.entity or head.pos_ != "NOUN" or head.lower_ not in self.lex.organization_words:
            return False
        if any(token.pos_ == "PROPN" for token in head.subtree if token.i < head.i):
            return False  # named by a word inside it ("the Houthi-run health ministry", "the Kyiv city council")
        if any(c.dep_ in ("acl", "relcl", "prep") and c.i > head.i for c in head.children):
            return False  # it says which itself ("the emergency group working in the camp", "the office of X")
        if party.name and party.text and party.name.lower() not in party.text.lower():
            return False  # named already ("the agency, known as HUR")
        return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not any(
            c.dep_ in {"poss", "compound", "amod"} and c.pos_ == "PROPN" for c in head.children
        )

    def _armed_description(self, head: Token, party: Party) -> bool:
        """'the rebels', 'the Iran-backed rebels', 'the rebel group': an armed group the text told of, by no name
        of its own."""
        if party.entity or head.pos_ != "NOUN" or not self._definite(head):
            return False
        if head.lower_ in ARMED_WORDS:
            return True
        return head.lower_ in ARMED_HEADS and any(
            c.dep_ in {"amod", "compound"} and c.lower_ in ARMED_WORDS for c in head.children
        )

    def _last_armed(self, head: Token) -> Party | None:
        """The last armed group that spoke (linked as one, or called so), else the last the text named as one."""
        for p in reversed(self.history):
            record = self.records.get(p.entity) if p.entity else None
            if p.kind in BODIES and (_armed(record) or _words(p) & ARMED_WORDS):
                return p
        said = self._said_by(head)
        best: tuple[int, str] | None = None
        for ident, record in self.records.items():
            if not _armed(record):
                continue
            starts = [m[0] for m in getattr(record, "mentions", ()) if m[1] <= head.idx]
            starts = [start for start in starts if self._token_at(start) not in said]
            if starts and (best is None or max(starts) > best[0]):
                best = (max(starts), ident)
        if best is None:
            return None
        record = self.records[best[1]]
        name = getattr(record, "name", None)
        return Party(text=name, name=name, entity=best[1], kind=PartyKind.ORGANIZATION)

    def _role_description(self, head: Token, party: Party) -> bool:
        """'the Houthi leader', 'the governor': an office of one person, with no name of its own."""
        return (
            party.name is None
            and head.pos_ == "NOUN"
            and head.tag_ == "NN"
            and head.lower_ in ROLE_NOUNS
            and self._definite(head)
            and not any(c.dep_ in ("acl", "relcl", "prep") and c.i > head.i for c in head.children)
        )

    def _last_in_role(self, head: Token) -> Party | None:
        """The last person who spoke as this office with the same words before it ('Houthi leader Abdul-Malik
        al-Houthi said' for 'the Houthi leader'), else the person the text named right after those words."""
        modifiers = {c.lower_ for c in head.children if c.dep_ in {"amod", "compound"} and c.i < head.i}
        wanted = modifiers | {head.lower_}
        for p in reversed(self.history):
            if p.kind == PartyKind.PERSON and p.name and wanted <= _words(p):
                return p
        for token in reversed(self.doc[: head.i]):
            if token.lower_ != head.lower_ or not modifiers <= {c.lower_ for c in token.children}:
                continue
            after = token.i + 1 + (token.i + 1 < len(self.doc) and self.doc[token.i + 1].text == ",")
            if after < len(self.doc) and self.doc[after].ent_type_ == "PERSON" and self.doc[after].ent_iob_ == "B":
                end = after + 1
                while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
                    end += 1
                name = self.doc[after:end]
                return Party(text=name.text, name=name.text, kind=PartyKind.PERSON, entity=name.root.ent_kb_id_ or None)
        return None

    def _definite(self, head: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)

    def _token_at(self, offset: int) -> int:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span.start if span is not None else -1

    def _said_by(self, head: Token) -> set[int]:
        """The tokens of what ``head`` says: a name in there is no speaker of its own."""
        verb = head.head
        return {t.i for t in verb.subtree} - {t.i for t in head.subtree} if verb.i != head.i else set()

    def _last_body_not_outlet(self) -> Party | None:
        """The last body that spoke that is no news outlet, by kind or by its words ('Anadolu Agency reported'
        that relayed the body's accusation is not 'the medical group' that then spoke)."""
        for p in reversed(self.history):
            if p.kind in BODIES - {PartyKind.MEDIA} and p.name and not self._outlet_words(p.name):
                return p
        return None

    def _outlet_words(self, text: str) -> bool:
        lower = text.lower()
        return any(p in lower for p in self.lex.media_phrases) or not self.lex.media_words.isdisjoint(
            re.findall(r"\w+", lower)
        )

    def _last(self, kinds: set[PartyKind]) -> Party | None:
        return next((p for p in reversed(self.history) if p.kind in kinds and p.name), None)

    def _last_person(self) -> Party | None:
        """The last person who spoke, or the last body that spoke through its spokesperson ("he" after
        "an army spokesman said"), or an unnamed one, without a name ("a resident told AFP ... 'no fighters were
        among them,' he said": he is the resident, not a name said earlier)."""
        for party in reversed(self.history):
            if not party.name:
                return party
            spokesperson = party.role is not None and not self.lex.speaks_for.isdisjoint(party.role.lower().split())
            if party.name and (party.kind == PartyKind.PERSON or spokesperson):
                return party
        return None

    def _last_with_word(self, *words: str) -> Party | None:
        """The last body that spoke and was called by one of ``words``."""
        for p in reversed(self.history):
            if p.kind in BODIES:
                haystack = set(re.findall(r"\w+", f"{p.name or ''} {p.text or ''}".lower()))
                if not haystack.isdisjoint(words):
                    return p
        return None

    def _last_entity(self, head: Token, labels: set[str], outlets: bool = True) -> Party | None:
        """The last entity of these labels named before ``head``, as a party (when nobody spoke before); not one in
        what ``head`` says ("Various Russian attacks killed one person, he said": the model's PERSON is no speaker)."""
        said = self._said_by(head)
        for label in sorted(labels):
            ents, ends = self._entities_of(label)
            for ent in reversed(ents[: bisect.bisect_right(ends, head.i)]):
                if ent.root.i not in said and (outlets or not self._outlet(ent)):
                    kind = PartyKind.PERSON if ent.label_ == "PERSON" else PartyKind.ORGANIZATION
                    return Party(text=ent.text, name=ent.text, kind=kind, entity=ent.root.ent_kb_id_ or None)
        return None

    def _outlet(self, ent: Span) -> bool:
        """Is the entity a news outlet by its words ('AFP news agency', 'Reuters')?"""
        lower = ent.text.lower()
        return any(p in lower for p in self.lex.media_phrases) or any(
            t.lower_ in self.lex.media_words for t in ent if t.pos_ == "PROPN"
        )

    def _entities_of(self, label: str) -> tuple[list[Span], list[int]]:
        """The Doc's entities of one label in text order, and their ends, gathered once: ``doc.ents`` builds every
        span anew at each access, and a long document has many pronouns to resolve."""
        if label not in self._by_label:
            ents = [ent for ent in self.doc.ents if ent.label_ == label]
            self._by_label[label] = (ents, [ent.end for ent in ents])
        return self._by_label[label]

    @staticmethod
    def _adopt(party: Party, antecedent: Party | None) -> Party:
        if antecedent is None:
            return party
        return replace(party, name=antecedent.name, entity=antecedent.entity, kind=antecedent.kind)


def _words(party: Party) -> set[str]:
    return set(re.findall(r"\w+", f"{party.name or ''} {party.text or ''}".lower()))


def _armed(record: object) -> bool:
    return getattr(record, "kind", None) == ARMED_KIND and getattr(record, "type", None) == ARMED_TYPE

"""One speaker, one key, across documents.

The extractor names a claim's source per document: an entity id where the
gazetteer or the text gives one, else the words of the text. Across the
corpus the same speaker still comes under several keys ("lee" and
"lee-seong-kweun"; "nis" and "national-intelligence-service"; "the US
secretary of state" beside "Antony Blinken" in the same article). This
module merges them:

- a surname alone goes to the one full name of the corpus that ends with it
  (left alone when two full names share the surname);
- an acronym goes to the one multi-word name whose initials spell it;
- an unnamed party described by an office ("the US secretary of state") goes
  to the person holding that office whom the same document names.

Relays resolve to the original speaker: a figure's claim's source is the
speaker, its ``via`` parties and the sources of the claims it is nested in
are the relays, and a forwarded Telegram post relays its channel.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz

from ..records import Claim, Document, Party
from .model import UNNAMED, Speaker

_NOT_INITIALS = frozenset({"of", "the", "and", "for", "on", "in"})
#: How close an unnamed party's words must be to an office a named person holds
#: ("The US secretary of state" / "U.S. Secretary of State"), on rapidfuzz's 0-100 scale.
ROLE_MATCH = 85


def slug(text: str) -> str:
    """A key from words: "U.S. Central Command" -> "us-central-command" (dots dropped, so U.S. = US)."""
    return re.sub(r"[^a-z0-9]+", "-", text.replace(".", "").lower()).strip("-")


def raw_key(party: Party) -> str:
    """A party's key before the corpus is seen: its entity, else its name, else unnamed."""
    if party.entity:
        return party.entity
    if party.name and party.kind != "unnamed":
        return slug(party.name)
    return UNNAMED


def _label(party: Party) -> str:
    return party.name or party.text or party.kind


class SpeakerIndex:
    """Every speaker of a corpus under one key each."""

    def __init__(self, documents: Iterable[Document] = ()) -> None:
        self.speakers: dict[str, Speaker] = {}
        self._roles: dict[str, dict[str, str]] = {}  # doc_id -> office words -> person key
        self._aliases: dict[str, str] = {}
        for document in documents:
            self.collect(document)
        self.merge()

    def collect(self, document: Document) -> None:
        """Note a document's speakers (``merge`` once all are noted, before keys are asked for)."""
        roles: dict[str, str] = {}
        for entity in document.entities:
            if entity.kind == "person" and entity.role:
                roles[entity.role.lower()] = entity.id
        for claim in document.claims:
            for party in (claim.source, *claim.via):
                self._note(claim, party, roles)
        if roles:  # kept for the documents that name offices only: the corpus is not held
            self._roles[document.doc_id] = roles

    def merge(self) -> None:
        """Join the names noted so far that stand for one speaker."""
        self._aliases = self._merge_names()

    def key(self, party: Party, document: Document | None = None) -> str:
        """The corpus-wide key of a party as one document names it."""
        key = raw_key(party)
        if key == UNNAMED and document is not None:
            key = self._office_holder(party, document.doc_id) or key
        return self._aliases.get(key, key)

    def label(self, key: str, fallback: Party | None = None) -> str:
        speaker = self.speakers.get(key)
        if speaker:
            return speaker.name
        return _label(fallback) if fallback else key

    def _note(self, claim: Claim, party: Party, roles: dict[str, str]) -> None:
        key = raw_key(party)
        if key == UNNAMED:
            return
        speaker = self.speakers.setdefault(key, Speaker(key=key, name=_label(party), kind=party.kind))
        speaker.names.add(_label(party))
        if party.role and party.kind == "person":
            roles[party.role.lower()] = key
        if party is claim.source:
            speaker.claims += 1
            speaker.relays.update(raw_key(v) for v in claim.via if raw_key(v) != UNNAMED)
        if party.name and len(party.name) > len(speaker.name) and party.entity is None:
            speaker.name = party.name

    def _merge_names(self) -> dict[str, str]:
        """Surnames, acronyms and shortened names to the one longer key they stand for."""
        aliases: dict[str, str] = {}
        by_last_word: dict[str, list[str]] = defaultdict(list)  # where a surname or a shortened name may point
        by_initial: dict[str, list[str]] = defaultdict(list)  # where an acronym may point
        for key in self.speakers:
            if "-" in key:
                by_last_word[key.rsplit("-", 1)[1]].append(key)
                for word in {w for w in key.split("-") if w not in _NOT_INITIALS}:
                    by_initial[word[0]].append(key)
        for key, speaker in self.speakers.items():
            nearby = by_initial[key[0]] if "-" not in key and speaker.kind != "person" else []
            nearby = [*by_last_word[key.rsplit("-", 1)[-1]], *nearby]
            candidates = {other for other in nearby if other != key and _stands_for(key, other, speaker.kind)}
            if len(candidates) == 1:
                aliases[key] = candidates.pop()
        for alias, target in aliases.items():
            while target in aliases:  # "central-command" -> "us-central-command" -> ...
                target = aliases[target]
            merged = self.speakers.pop(alias)
            self.speakers[target].names |= merged.names
            self.speakers[target].relays |= merged.relays
            self.speakers[target].claims += merged.claims
            aliases[alias] = target
        return aliases

    def _office_holder(self, party: Party, doc_id: str) -> str | None:
        """The person whose office an unnamed party names, where the same document names both."""
        words = (party.role or party.text or "").lower()
        if not words:
            return None
        for office, person in self._roles.get(doc_id, {}).items():
            if fuzz.ratio(_plain(words), _plain(office)) >= ROLE_MATCH:
                return person
        return None


def _stands_for(short: str, full: str, kind: str) -> bool:
    """Is key ``short`` another way to write ``full``: its surname, its acronym, or its last words?"""
    short_words, full_words = short.split("-"), full.split("-")
    if len(short_words) >= len(full_words):
        return False
    if short_words == full_words[-len(short_words) :]:
        return len(short_words) > 1 or kind == "person"  # "central-command"; a lone surname only for people
    if len(short_words) == 1 and kind != "person":
        content = [w for w in full_words if w not in _NOT_INITIALS]
        return any(_spelled_by(short, content[start:]) for start in range(len(content) - 1))
    return False


def _spelled_by(acronym: str, words: list[str]) -> bool:
    """Does ``acronym`` spell ``words`` by their beginnings, every word in order ("nis", "centcom")?"""
    if not words:
        return not acronym
    first, rest = words[0], words[1:]
    return any(
        acronym.startswith(first[:length]) and _spelled_by(acronym[length:], rest)
        for length in range(1, min(len(first), len(acronym)) + 1)
    )


def _plain(text: str) -> str:
    """Office words without articles and dots: "The U.S. Secretary of State" -> "us secretary of state"."""
    text = re.sub(r"\.", "", text.lower())
    return re.sub(r"\b(the|a|an)\b", " ", text).strip()


def relays_of(claim: Claim, claims: dict[str, Claim], index: SpeakerIndex, document: Document) -> list[str]:
    """Who passed a claim on, nearest first: its ``via`` parties, then the sources of the claims around it."""
    relays = [index.key(v, document) for v in claim.via]
    parent = claims.get(claim.parent) if claim.parent else None
    while parent is not None:
        relays.append(index.key(parent.source, document))
        relays.extend(index.key(v, document) for v in parent.via)
        parent = claims.get(parent.parent) if parent.parent else None
    return [r for r in dict.fromkeys(relays) if r != UNNAMED]

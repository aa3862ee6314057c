"""Who is a party to the fighting, and what that makes of a figure it gives.

The sides of each conflict are data (``data/crosscheck/belligerents.json``),
read beside the gazetteer: an entity belongs to a side when it is one of the
side's ids or belongs to one of its countries (a ministry, an army, a head of
state). Kept apart from the figures it judges:

- *interested*: a party speaks of the other side's losses or of its own
  successes (a defence ministry's "drones shot down"). Kept and shown, never
  counted as corroboration.
- *admitted*: a party speaks of its own forces' losses: the party concerned
  admits it (Airwars' "confirmed"), against its interest. Its own civilians
  killed by the enemy are neither: no admission, and not the enemy's losses.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from ..analyze.gazetteer import Gazetteer, load_gazetteer
from ..settings import data_path

#: A side's own losses (or the other side's, when the other side reports them).
LOSSES = frozenset({"killed", "wounded", "captured", "missing", "casualties", "destroyed", "damaged"})
#: What a side counts as its own success against the other: the other side's drones shot down.
SUCCESSES = frozenset({"intercepted"})

#: Words that make a demonym an official voice: "Ukrainian officials", "the Israeli military".
_OFFICIAL = re.compile(
    r"\b(officials?|military|army|armed forces|forces|command|commanders?|ministry|government|authorities|"
    r"spokes(?:man|woman|person)|general staff|air force|navy|troops|intelligence|president|leadership)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Side:
    conflict: str
    index: int  # 0 or 1: which side of its conflict

    def opposes(self, other: Side) -> bool:
        return self.conflict == other.conflict and self.index != other.index


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: its methods cache their answers
class Belligerents:
    """Each conflict's sides, with the words that name them."""

    parties: dict[str, tuple[Side, ...]]  # gazetteer id -> the sides it is on (one per conflict)
    names: tuple[tuple[re.Pattern[str], Side, bool], ...]  # (words, side, needs an official word)
    gazetteer: Gazetteer
    side_parties: dict[Side, str]  # each side's first party, which its names and demonyms stand for
    bodies: dict[str, str]  # a government body's name, casefolded -> its country
    bodies_pattern: re.Pattern[str]
    countries: dict[str, str]  # a country's name, demonym or capital, as written -> the country
    countries_pattern: re.Pattern[str]

    def sides_of_entity(self, entity: str | None) -> tuple[Side, ...]:
        """The sides an entity is on: itself a party, or belonging to a party's country."""
        if not entity:
            return ()
        if entity in self.parties:
            return self.parties[entity]
        entry = self.gazetteer.get(entity)
        if entry is None:
            return ()
        owner = entry.capital_of or entry.country
        return self.parties.get(owner, ()) if owner else ()

    def sides_of_words(self, text: str | None) -> tuple[Side, ...]:
        """The sides an unnamed source's words place it on ("Ukrainian officials")."""
        if not text:
            return ()
        return self._sides_of_words(text)

    @lru_cache(maxsize=4096)  # noqa: B019 (one instance per process, loaded once)
    def _sides_of_words(self, text: str) -> tuple[Side, ...]:
        official = bool(_OFFICIAL.search(text))
        named = tuple(
            side
            for words, side, needs_official in self.names
            if words.search(text) and (official or not needs_official)
        )
        if named or not official:
            return named
        country = self.countries_pattern.search(text)  # "US Central Command": a country's official body
        return self.sides_of_entity(self.countries[country.group(0)]) if country else ()

    @lru_cache(maxsize=4096)  # noqa: B019 (one instance per process, loaded once)
    def government_of(self, entity: str | None, words: str | None = None) -> str | None:
        """The country whose government an official speaker speaks for: by its entity, else by its words."""
        if entity and self.is_official(entity):
            entry = self.gazetteer.get(entity)
            return (entry.capital_of or entry.country or entry.id) if entry is not None else entity
        if not words:
            return None
        found = self.bodies_pattern.search(words)
        if found:
            return self.bodies[found.group(0).casefold()]
        country = self.countries_pattern.search(words)
        if country and _OFFICIAL.search(words):  # "Ukrainian officials", "Kyiv's intelligence services"
            return self.countries[country.group(0)]
        return None

    @lru_cache(maxsize=4096)  # noqa: B019 (one instance per process, loaded once)
    def entity_of_words(self, text: str) -> str | None:
        """The party or country a subject's words name without an entity: "Houthi fighters", "Russian crews"."""
        for words, side, _ in self.names:
            if words.search(text):
                return self.side_parties[side]
        country = self.countries_pattern.search(text)
        return self.countries[country.group(0)] if country else None

    def is_official(self, entity: str | None) -> bool:
        """A government, an armed body or a holder of office, rather than a journalist or an analyst; a capital
        that speaks ("Washington accused ...") is its country's government."""
        if not entity or entity in self.parties:
            return bool(entity)
        entry = self.gazetteer.get(entity)
        return entry is not None and (
            entry.is_country
            or entry.kind in {"government", "group"}
            or bool(entry.role)
            or entry.capital_of is not None
        )


#: Words of a subject that name fighters rather than civilians: a side's own losses among them are an admission.
_FIGHTERS = re.compile(
    r"\b(soldiers?|troops?|servicem[ae]n|service members|personnel|fighters?|forces|military|army|"
    r"militants?|marines|sailors|pilots|crew|conscripts|mercenaries|officers?)\b",
    re.IGNORECASE,
)


def judge(
    speaker_sides: tuple[Side, ...], subject_sides: tuple[Side, ...], measure: str, subject_words: str = ""
) -> tuple[bool, bool]:
    """(interested, admitted) for a figure of ``measure`` about a subject (its sides, its words) from a speaker."""
    interested = admitted = False
    for mine in speaker_sides:
        if measure in SUCCESSES and not any(mine == theirs for theirs in subject_sides):
            interested = True  # drones shot down by its own air defence: its own success
        for theirs in subject_sides:
            if measure in LOSSES and mine.opposes(theirs):
                interested = True
            elif measure in LOSSES and mine == theirs and _FIGHTERS.search(subject_words):
                admitted = True
    return interested, admitted


def _country_words(gazetteer: Gazetteer) -> dict[str, str]:
    """Countries by their names, demonyms and capitals ("Ukraine", "Ukrainian", "Kyiv"), as written."""
    words: dict[str, str] = {}
    for entry in gazetteer.entries.values():
        if entry.is_country:
            for word in (entry.name, *entry.aliases, *entry.demonyms):
                words.setdefault(word, entry.id)
        elif entry.capital_of:
            words.setdefault(entry.name, entry.capital_of)
    return words


def _alternation(words: dict[str, str], flags: int = 0) -> re.Pattern[str]:
    """Any of ``words`` as whole words ("U.S." too: lookarounds, since a dot ends no word for ``\\b``)."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags)


def _official_bodies(gazetteer: Gazetteer) -> dict[str, str]:
    """Every alias of a government body of the gazetteer ("State Department"), casefolded, to its country."""
    return {
        alias.casefold(): entry.country
        for entry in gazetteer.entries.values()
        if entry.type == "ORG" and entry.kind == "government" and entry.country
        for alias in (entry.name, *entry.aliases)
        if len(alias) > 3  # "NIS", "SBU" alone are too often other words in lower case
    }


@lru_cache(maxsize=1)
def load_belligerents() -> Belligerents:
    path = data_path("crosscheck", "belligerents.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    parties: dict[str, list[Side]] = {}
    names: list[tuple[re.Pattern[str], Side, bool]] = []
    side_parties: dict[Side, str] = {}
    for conflict in data["conflicts"]:
        for index, spec in enumerate(conflict["sides"]):
            side = Side(conflict["id"], index)
            side_parties[side] = spec["parties"][0]
            for party in spec["parties"]:
                parties.setdefault(party, []).append(side)
            for word in spec.get("names", []):
                names.append((_words(word), side, False))
            for word in spec.get("demonyms", []):
                names.append((_words(word), side, True))
    gazetteer = load_gazetteer()
    bodies, countries = _official_bodies(gazetteer), _country_words(gazetteer)
    return Belligerents(
        {k: tuple(v) for k, v in parties.items()},
        tuple(names),
        gazetteer,
        side_parties,
        bodies,
        _alternation(bodies, re.IGNORECASE),
        countries,
        _alternation(countries),  # case matters: "US" is a country, "us" a pronoun
    )


def _words(text: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(text)}\b", re.IGNORECASE)

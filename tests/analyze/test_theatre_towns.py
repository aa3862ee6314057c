"""The gazetteer's theatre rule (issue 11, class 1): the towns and villages of the countries a war is fought
in are places, each under its first-level region, and no village takes a name English uses for a word or a
person. The sentences are written here, in the shapes of frontline and displacement reporting."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from corroborator import extract
from corroborator.analyze.gazetteer import load_gazetteer
from corroborator.records import Figure

BUILD_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"


def build_module():
    spec = importlib.util.spec_from_file_location("build_gazetteer", BUILD_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # the build-time packages are imported inside the functions that need them
    return module


def only_figure(text: str) -> Figure:
    figures = extract(text).figures
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


@pytest.mark.parametrize(
    ("text", "village", "parents"),
    [
        (
            "A glide bomb struck Stepnohirsk on Thursday, killing two civilians, the regional governor said.",
            "stepnohirsk",
            ["zaporizhzhia-oblast", "ukraine"],
        ),
        (
            "Shelling of Yunakivka overnight wounded five residents, local officials said.",
            "yunakivka",
            ["sumy-oblast", "ukraine"],
        ),
        (
            "An Israeli strike on Kfar Kila killed three people, Lebanon's health ministry said.",
            "kfar-kila",
            ["nabatieh-governorate", "lebanon"],
        ),
    ],
)
def test_a_village_figure_gets_the_village_and_its_region(text: str, village: str, parents: list[str]) -> None:
    figure = only_figure(text)
    assert figure.location is not None, figure.text
    assert figure.location.entity == village
    assert figure.location.parents == parents


def test_a_village_is_filed_under_its_region_in_the_gazetteer() -> None:
    entries = load_gazetteer().entries
    village = entries["bilohorivka"]  # about a thousand people, on the Luhansk front
    assert village.population is not None and village.population < 15_000
    assert village.parents == ("luhansk-oblast", "ukraine")
    assert entries[village.parents[0]].type == "GPE"


@pytest.mark.parametrize("word", ["Never", "Progress", "Olga"])
def test_a_word_or_a_first_name_that_is_also_a_village_is_no_place(word: str) -> None:
    """GeoNames lists villages called Never, Progress and Olga in Russia; English text means something else."""
    aliases = {alias for entry in load_gazetteer().entries.values() for alias in entry.aliases}
    assert word not in aliases
    found = extract(f"{word} had the committee heard such anger, and 40 members walked out before the vote.")
    assert not [e for e in found.entities if e.kind == "place"], [e.id for e in found.entities]


def test_a_refugee_camp_is_a_place_by_its_short_name() -> None:
    camp = load_gazetteer().entries["nakivale-refugee-camp"]
    assert {"Nakivale camp", "Nakivale"} <= set(camp.aliases)
    assert camp.parents[-1] == "uganda"


def test_the_theatre_is_where_the_fighting_is() -> None:
    """The belligerents of the cross-check give the countries; neighbours as GeoNames lists them."""
    module = build_module()
    code_to_id = {
        "RU": "russia",
        "UA": "ukraine",
        "KP": "north-korea",
        "IL": "israel",
        "PS": "palestine",
        "LB": "lebanon",
        "YE": "yemen",
        "US": "united-states",
        "GB": "united-kingdom",
        "SD": "sudan",
        "MM": "myanmar",
    }
    neighbours = {
        "RU": {"UA", "KP", "BY", "CN"},
        "UA": {"RU", "BY", "PL"},
        "KP": {"RU", "CN", "KR"},
        "IL": {"PS", "LB", "SY", "JO", "EG"},
        "PS": {"IL", "JO", "EG"},
        "LB": {"IL", "SY"},
        "YE": {"SA", "OM"},
        "US": {"CA", "MX"},
        "GB": {"IE"},
        "SD": {"TD", "SS", "EG"},
        "MM": {"TH", "CN", "BD"},
    }
    theatre = module.theatre_countries(module.read_table("organizations"), code_to_id, neighbours)
    # North Korea's troops fight in Russia, beside it; the US and the UK strike Yemen from afar.
    assert theatre == ["IL", "LB", "MM", "PS", "RU", "SD", "UA", "YE"]


@pytest.mark.parametrize(
    ("geonames", "national"),
    [
        ("Hulyaypole", "Huliaipole"),
        ("Mar'yinka", "Marinka"),
        ("Ukrayinsk", "Ukrainsk"),
        ("Staromayors'ke", "Staromaiorske"),
        ("Pervomays'kyy", "Pervomaiskyi"),
        ("Boyarka", "Boiarka"),
        ("Yasynuvata", "Yasynuvata"),
        ("Kyivske", "Kyivske"),
        ("Volodymyr-Volynskyi", "Volodymyr-Volynskyi"),
        ("Kozacha Lopan", "Kozacha Lopan"),
    ],
)
def test_a_ukrainian_village_is_spelled_as_the_news_spells_it(geonames: str, national: str) -> None:
    """GeoNames' older spellings get the national transliteration; a name already in it stays."""
    assert build_module().ukrainian_national(geonames) == national

"""Datelines, date stamps, captions, teasers and titles: the furniture real pages leave in the text."""

from __future__ import annotations

import pytest

from corroborator.clean.headlines import tidy_title
from corroborator.clean.lines import clean_lines
from corroborator.clean.stamps import dateline_of
from corroborator.dates import parse_stamp
from corroborator.records import Metadata

BODY = [
    "Officials in the region said on Monday that a convoy of lorries had reached the camp before dawn.",
    "The governor confirmed that nine people were hurt when debris fell on a market street.",
    "According to the agency, repair crews restored water to most of the district by the evening.",
]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def rules(cleaned) -> dict[str, str]:
    return {r.text: r.rule for r in cleaned.removed}


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("ODESA, Jan 14 (Reuters) - ", "Odesa"),
        ("Malakal, April 2: ", "Malakal"),
        ("BEIRUT — ", "Beirut"),
        ("KHAN YOUNIS, Gaza Strip — ", "Khan Younis, Gaza Strip"),
        ("Mandalay, Aug 9 ", "Mandalay"),
        ("Nairobi: ", "Nairobi"),
        ("TOKYO (Kyodo) -- ", "Tokyo"),
        ("(AP) — ", None),
    ],
)
def test_datelines_are_cut_and_their_place_kept(opening, place):
    sentence = "The agency said 14 people were hurt when a fuel depot caught fire overnight."
    found = dateline_of(opening + sentence)
    assert found is not None and found.place == place
    cleaned = clean_lines(page("Fuel Depot Fire Injures 14", opening + sentence, *BODY))
    assert cleaned.text.startswith("The agency said 14 people")
    assert cleaned.metadata.dateline == place
    assert rules(cleaned)[opening.strip()] == "dateline"


@pytest.mark.parametrize(
    "line",
    [
        "UPDATE: The agency said 14 people were hurt when a fuel depot caught fire.",
        "Mayor Dana Ortiz: the city will rebuild every school that was damaged this year.",
        "Russia - which denies the charge - said the depot was a legitimate target.",
        "The agency — which runs the camp — said 14 people were hurt in the fire.",
    ],
)
def test_openings_that_are_not_datelines(line):
    assert dateline_of(line) is None


def test_glued_byline_and_agency_are_cut():
    cleaned = clean_lines(
        page("Depot Fire Injures 14", "BY OUR CORRESPONDENT: " + BODY[0], BODY[1], BODY[2] + "AGENCIES")
    )
    assert cleaned.text.split("\n\n") == BODY
    assert rules(cleaned).items() >= {"BY OUR CORRESPONDENT:": "byline", "AGENCIES": "wire-credits"}.items()


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("Updated: 03-02-2025 09:40 IST", "2025-02-03"),
        ("Feb 2, 2025 - 14:00", "2025-02-02"),
        ("Published on 12 March 2024, 10:15 GMT", "2024-03-12"),
        ("Published : 19 Jan 2023, 12:35 PM", "2023-01-19"),
        ("Updated 03/02/2025 9:40 EST", "2025-03-02"),
    ],
)
def test_stamps_become_the_date(stamp, published):
    cleaned = clean_lines(page("Depot Fire Injures 14", stamp, *BODY))
    assert cleaned.metadata.published == published
    assert rules(cleaned)[stamp] == "date-stamp"


def test_publication_beats_revision_and_the_earliest_wins():
    cleaned = clean_lines(
        page("Depot Fire Injures 14", "Updated: 5 May 2024, 10:00", "Published: 4 May 2024, 18:00", *BODY)
    )
    assert cleaned.metadata.published == "2024-05-04"
    only_updated = clean_lines(page("Depot Fire Injures 14", "Last updated: 5 May 2024", *BODY))
    assert only_updated.metadata.published == "2024-05-05"
    stamp = parse_stamp("Last updated at Nov 05,2023")
    assert stamp is not None and stamp.revision


def test_a_page_date_given_by_the_container_wins():
    cleaned = clean_lines(
        page("Depot Fire Injures 14", "Updated: 5 May 2024", *BODY), hints=Metadata(published="2024-05-01")
    )
    assert "Updated" not in cleaned.text  # the stamp still goes; clean() keeps the container's date


def test_time_only_stamp_goes():
    cleaned = clean_lines(page("Depot Fire Injures 14", BODY[0], "Updated at 14.39 EDT", BODY[1], BODY[2]))
    assert rules(cleaned)["Updated at 14.39 EDT"] == "date-stamp"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Lorries wait at the crossing on Sunday (AFP photo)", "caption"),
        ("Volunteers unload flour at the depot. Picture: Reuters", "caption"),
        ("The camp clinic after the storm. / Supplied", "photo-credit"),
        ("The camp clinic after the storm. / Ana Ruiz", "caption"),
        ("Workers clear debris in the square (Photo: Ana Ruiz/EPA)", "caption"),
        ("REUTERS/Ana Ruiz", "photo-credit"),
        ("AP Photo/Luis Vega", "photo-credit"),
        ("Image source, Getty Images", "photo-credit"),
        ("Photo by Ana Ruiz/Reuters", "photo-credit"),
        ("Image credit: Red Crescent", "photo-credit"),
    ],
)
def test_captions_and_credits_in_the_body(line, rule):
    cleaned = clean_lines(page("Depot Fire Injures 14", BODY[0], line, BODY[1], BODY[2]))
    assert cleaned.text.split("\n\n") == BODY
    assert rules(cleaned)[line] == rule


def test_a_sentence_with_a_slash_or_photos_is_body():
    lines = [
        "Officials said the drone was shot down between the towns of Izium / Balakliia.",
        "The army said it had destroyed 12 tanks, according to photos: the images show smoke.",
    ]
    cleaned = clean_lines(page("Depot Fire Injures 14", *lines, *BODY))
    assert all(line in cleaned.text for line in lines)


@pytest.mark.parametrize(
    "teaser",
    [
        ["ALSO READ | Convoy reaches the camp after a week on the road"],
        ["Related: Camp clinic runs out of insulin"],
        ["You may also like: Ten ways the border town changed"],
        ["ALSO READ", "Convoy reaches the camp after a week on the road"],
        ["Recommended", "Camp clinic runs out of insulin", "Border town changes hands again"],
        ["You may also like", "Camp clinic runs out of insulin"],
    ],
)
def test_teasers_in_the_body_go_and_the_body_after_them_stays(teaser):
    cleaned = clean_lines(page("Depot Fire Injures 14", BODY[0], *teaser, BODY[1], BODY[2]))
    assert cleaned.text.split("\n\n") == BODY
    assert all(rules(cleaned)[line] in {"read-also", "link-block"} for line in teaser)


def test_a_headline_link_line_from_the_page_goes():
    link = "Camp clinic runs out of insulin after convoy delay"
    cleaned = clean_lines(page(BODY[0], link, BODY[1], BODY[2]), guess_title=False, link_lines=frozenset([link]))
    assert rules(cleaned)[link] == "headline-link"
    assert cleaned.text.split("\n\n") == BODY


def test_a_section_word_is_not_the_title():
    cleaned = clean_lines(page("World", "Depot fire injures 14 in port city", "By Ana Ruiz", *BODY))
    assert cleaned.metadata.title == "Depot fire injures 14 in port city"
    assert rules(cleaned)["World"] == "section"


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("The Harbour Chronicle :: World :: Depot fire injures 14", "Depot fire injures 14"),
        ("Depot fire injures 14 | Middle East | Port Daily News", "Depot fire injures 14"),
        ("Depot fire injures 14 - Coastwatch.com", "Depot fire injures 14"),
        ("Depot fire injures 14 as winds spread the flames", "Depot fire injures 14 as winds spread the flames"),
        ("Kyiv - Moscow talks stall over grain corridor", "Kyiv - Moscow talks stall over grain corridor"),
    ],
)
def test_site_and_section_glued_to_a_title(title, clean):
    assert tidy_title(title) == clean


def test_capitalised_byline_is_a_person():
    cleaned = clean_lines(page("Depot Fire Injures 14", "By ANA RUIZ, Shipping Editor", *BODY))
    assert cleaned.metadata.authors == ("Ana Ruiz",)


def test_a_desk_byline_goes_without_an_author():
    cleaned = clean_lines(page("Depot Fire Injures 14", "By AFP - Mar 3,2025 - Last updated at Mar 4,2025", *BODY))
    assert cleaned.metadata.authors == ()
    assert cleaned.metadata.published == "2025-03-03"
    assert cleaned.text.split("\n\n") == BODY


def test_headline_over_its_deck():
    text = "Port reopens after fire;\nInsurers still wary of the route.\n\n" + "\n\n".join(BODY)
    assert clean_lines(text).metadata.title == "Port reopens after fire; Insurers still wary of the route"


@pytest.mark.parametrize(
    ("opening", "place", "published"),
    [
        ("HODEIDAH/ADEN (Harbour Wire / Example Agency - 3rd March, 2024) ", "Hodeidah", "2024-03-03"),
        ("TYRE (Coast News, March 3, 2024) ", "Tyre", "2024-03-03"),
        ("(SYNDIC- HarbourWire) ", None, None),
    ],
)
def test_a_bracketed_reprint_credit_with_no_dash_is_a_dateline(opening, place, published):
    cleaned = clean_lines(page("Convoy Reaches Camp Before Dawn", opening + BODY[0], *BODY[1:]))
    assert cleaned.text.split("\n\n") == BODY
    assert cleaned.metadata.dateline == place
    assert cleaned.metadata.published == published


def test_a_scrapers_date_field_glued_to_the_first_line_is_cut_and_read():
    glued_title = clean_lines(page(" date 2024-03-03 Convoy Reaches Camp Before Dawn", *BODY))
    assert glued_title.metadata.title == "Convoy Reaches Camp Before Dawn"
    assert glued_title.metadata.published == "2024-03-03"
    glued_body = clean_lines(page(" date 2024-03-03 " + BODY[0], *BODY[1:]))
    assert glued_body.text.split("\n\n") == BODY
    assert glued_body.metadata.published == "2024-03-03"
    month_only = clean_lines(page(" date 2024-03 " + BODY[0], *BODY[1:]))
    assert month_only.text.split("\n\n") == BODY
    assert month_only.metadata.published is None  # a month names no day


@pytest.mark.parametrize(
    "stamp", ["Press Briefings, 3 March 2024", "Tuesday 3 March 2024 17:20, UK", "Field Notes, March 3, 2024"]
)
def test_a_date_with_a_label_or_a_place_after_a_comma_dates_the_page(stamp):
    cleaned = clean_lines(page("Convoy Reaches Camp Before Dawn", stamp, *BODY))
    assert cleaned.text.split("\n\n") == BODY
    assert cleaned.metadata.published == "2024-03-03"
    headline = clean_lines(page("Convoy reaches camp in Gedaref, 3 March 2024", *BODY))
    assert headline.metadata.title == "Convoy reaches camp in Gedaref, 3 March 2024"

"""Line rules for scraped text: what goes, what stays, and what becomes metadata."""

from __future__ import annotations

import pytest

from corroborator.clean.headlines import looks_like_headline
from corroborator.clean.lines import clean_lines, is_prose, normalize
from corroborator.records import Metadata

BODY = [
    "Officials in Kyiv said on Monday that a column of armoured vehicles had crossed the river before dawn.",
    "The regional governor confirmed that 14 people were wounded when debris fell on a residential street.",
    "According to the ministry, air defence units shot down most of the drones launched overnight.",
]


def page(*lines: str) -> str:
    return "\n".join(lines)


def rules(cleaned) -> dict[str, str]:
    return {r.text: r.rule for r in cleaned.removed}


def test_scraped_article_loses_its_furniture_and_keeps_its_body():
    text = page(
        "Armoured Column Crosses River Near Front",
        "Armoured Column Crosses River Near Front",
        "Share this article",
        "",
        "By Olena Marchenko and Piotr Nowak",
        "Published: 12 March 2024, 09:15",
        "World",
        "Image: AFP/Getty",
        "",
        *BODY,
        "",
        "\u00a0",
        "A post shared by Frontline Daily (@frontlinedaily)",
        "\u00a0 ",
        "Tags: Kyiv, Drones, Air defence",
        "Facebook Twitter WhatsApp",
        "Subscribe to our newsletter for daily updates",
        "Read more",
        "Another headline about the war",
        "Yet another headline",
        "World",
    )
    cleaned = clean_lines(text)
    assert cleaned.text.split("\n\n") == BODY
    assert cleaned.metadata.title == "Armoured Column Crosses River Near Front"
    assert cleaned.metadata.authors == ("Olena Marchenko", "Piotr Nowak")
    assert cleaned.metadata.published == "2024-03-12"
    assert cleaned.metadata.tags == ("Kyiv", "Drones", "Air defence")
    removed = rules(cleaned)
    assert removed["Share this article"] == "share-widget"
    assert removed["By Olena Marchenko and Piotr Nowak"] == "byline"
    assert removed["Published: 12 March 2024, 09:15"] == "date-stamp"
    assert removed["Image: AFP/Getty"] == "photo-credit"
    assert removed["A post shared by Frontline Daily (@frontlinedaily)"] == "social-embed"
    assert removed["Tags: Kyiv, Drones, Air defence"] == "tags"
    assert removed["Subscribe to our newsletter for daily updates"] == "invitation"
    assert removed["Another headline about the war"] == "related-tail"
    assert removed["World"] == "section"
    assert removed["\u00a0"] == "blank"


def test_every_removed_line_is_audited_with_its_line_number():
    text = page("Headline Of The Day", "", BODY[0], "Share:", BODY[1])
    cleaned = clean_lines(text)
    assert [(r.line, r.text, r.rule) for r in cleaned.removed] == [
        (1, "Headline Of The Day", "title"),
        (4, "Share:", "share-widget"),
    ]


def test_trending_block_goes_but_a_subheading_before_prose_stays():
    text = page(
        "Headline Of The Day",
        BODY[0],
        "Trending now",
        "Ceasefire talks stall in Geneva",
        "Grain corridor reopens",
        "",
        "What the ministry says",
        BODY[1],
    )
    cleaned = clean_lines(text)
    assert "Ceasefire talks stall" not in cleaned.text
    assert "Grain corridor reopens" not in cleaned.text
    assert "What the ministry says" in cleaned.text
    assert rules(cleaned)["Trending now"] == "link-block"


def test_caption_repeated_in_the_body_is_dropped_where_it_first_appears():
    caption = "Air defence units worked through the night in the capital"
    text = page("Headline Of The Day", "Photo: Reuters", caption + ".", BODY[0], caption + ", the ministry said.")
    cleaned = clean_lines(text)
    assert cleaned.text.count(caption) == 1
    assert rules(cleaned)[caption + "."] == "duplicate"


def test_related_heading_early_in_the_text_is_not_a_tail():
    text = page("Headline Of The Day", "Related", BODY[0], BODY[1], BODY[2])
    cleaned = clean_lines(text)
    assert cleaned.text.split("\n\n") == BODY


def test_hints_win_and_a_known_title_is_not_guessed():
    text = page("Kyiv, 12 March", *BODY)
    cleaned = clean_lines(text, hints=Metadata(title="Column crosses river"), guess_title=True)
    assert cleaned.metadata.title == "Column crosses river"
    assert BODY[0] in cleaned.text


def test_post_without_title_keeps_its_first_line():
    text = page("Air raid alert across the east", BODY[0])
    cleaned = clean_lines(text, guess_title=False)
    assert cleaned.metadata.title is None
    assert cleaned.text.startswith("Air raid alert across the east")


def test_dates_in_the_body_are_not_datelines():
    text = page(
        "Headline Of The Day",
        BODY[0],
        "The strike happened on 5 November 2024, officials said in a statement.",
        BODY[1],
    )
    cleaned = clean_lines(text)
    assert cleaned.metadata.published is None
    assert "5 November 2024" in cleaned.text


@pytest.mark.parametrize(
    "line",
    ["Nov.07 - 2024 9:12 AM CET", "Updated: 8 November 2024, 14:30", "November 9, 2024", "2024-11-09 08:00"],
)
def test_dateline_formats(line):
    cleaned = clean_lines(page("Headline Of The Day", line, *BODY))
    assert cleaned.metadata.published is not None
    assert line not in cleaned.text


def test_normalize_spaces_and_invisible_characters():
    assert normalize("a\u00a0b\u200b c\r\nd\u00ad") == "a b c\nd"


def test_prose_and_headline_shapes():
    assert is_prose(BODY[0])
    assert not is_prose("Armoured Column Crosses River")
    assert looks_like_headline("Armoured Column Crosses River")
    assert not looks_like_headline(BODY[0])


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Olena Harmash; Editing by Mark Trevelyan",
        "(Additional reporting by Jack Kim in Seoul)",
        "Our Standards: The Trust Principles.",
        "This story has been updated to include a statement from the ministry.",
    ],
)
def test_wire_credits_at_the_foot_go(line):
    cleaned = clean_lines(page("Headline Of The Day", *BODY, line))
    assert cleaned.text.split("\n\n") == BODY
    assert rules(cleaned)[line] == "wire-credits"


def test_a_body_sentence_about_reporting_stays():
    sentence = "Reporting by local journalists suggests that the bridge was hit twice during the night, residents said."
    cleaned = clean_lines(page("Headline Of The Day", BODY[0], sentence, BODY[1]))
    assert sentence in cleaned.text


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("Poll Finds Voters Split Over Drone Strikes.", "Poll Finds Voters Split Over Drone Strikes"),
        ("Governor urges calm after night of drone attacks.", "Governor urges calm after night of drone attacks"),
        ("Court in the U.S. Hears Sanctions Case.", "Court in the U.S. Hears Sanctions Case"),
        ("Kyiv Claims A Breakthrough. Moscow Denies It.", "Kyiv Claims A Breakthrough. Moscow Denies It."),
    ],
)
def test_headlines_that_end_with_a_full_stop(first, title):
    cleaned = clean_lines(page(first, "", *BODY))
    assert cleaned.metadata.title == title
    assert cleaned.text.split("\n\n") == BODY


def test_a_lead_sentence_is_not_a_headline():
    lead = "Russia launched 40 drones at Ukraine overnight, the air force said."
    cleaned = clean_lines(page(lead, "", *BODY))
    assert cleaned.metadata.title is None
    assert cleaned.text.startswith(lead)

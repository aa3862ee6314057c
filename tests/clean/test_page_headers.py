"""Headers of scraped pages as real sites print them (issue 11, class 7), in lines written here.

Each test is a shape seen on wire and regional sites: a line of stamps, a masthead's date over the headline,
an agency before its stamp, a byline that ends with a date, a form's labels on lines of their own, and
datelines that run into the sentence.
"""

from __future__ import annotations

import pytest

from corroborator.clean.lines import clean_lines
from corroborator.clean.stamps import dateline_of, is_date_line

LEAD = "More than 3,000 people have fled fighting in the north since Sunday, the refugee agency said on Tuesday."


def test_a_line_of_stamps_and_places_is_read_and_dropped():
    text = f"Thousands flee clashes in the north: U.N.\nWire | Nairobi | Updated: 14-05-2024 11:02 EAT | Created: 13-05-2024 18:40 EAT\n{LEAD}\n"
    cleaned = clean_lines(text)
    assert cleaned.metadata.title == "Thousands flee clashes in the north: U.N."
    assert cleaned.metadata.published == "2024-05-13"  # the creation, not the update
    assert cleaned.text == LEAD


def test_a_dateline_lead_is_no_title_where_the_page_has_none():
    lead = "TRAT, Thailand (Reuters) - Shelling along the border went on for a fourth day on Sunday."
    text = f"{lead}\n\nMore than 20 people have been killed in the fighting, officials said.\n"
    cleaned = clean_lines(text)
    assert cleaned.metadata.title is None
    assert cleaned.text.startswith("Shelling along the border")
    # "Place: ..." with a full stop is still a headline
    headline = clean_lines(f"Sudan: Militia kills 31 in Kordofan.\n\n{lead}\n").metadata.title
    assert headline == "Sudan: Militia kills 31 in Kordofan"


def test_a_mastheads_date_is_no_title_and_the_earliest_stamp_wins():
    text = f"Thursday, October 9, 2025\n\nAFRICA | 02-07-2024 08:15\n\nThousands flee clashes in the north\n\n{LEAD}\n"
    cleaned = clean_lines(text)
    assert cleaned.metadata.title == "Thousands flee clashes in the north"
    assert cleaned.metadata.published == "2024-07-02"
    assert cleaned.text == LEAD


def test_an_agency_before_its_stamp():
    text = f"Thousands flee clashes in the north\n\nAFP Published 4 Mar, 2024 09:12am\n\n{LEAD}\n"
    cleaned = clean_lines(text)
    assert cleaned.metadata.published == "2024-03-04"
    assert cleaned.text == LEAD


def test_a_date_under_an_agency_word_is_no_title():
    text = f"WIRE\nMarch 14, 2024 at 08:30 JST\n{LEAD}\n"
    cleaned = clean_lines(text)
    assert cleaned.metadata.title is None
    assert cleaned.metadata.published == "2024-03-14"


def test_a_byline_that_ends_with_a_date():
    text = f"Thousands flee clashes in the north\n\nBy Lena Varga 11 February 2023\n\n{LEAD}\n"
    cleaned = clean_lines(text)
    assert cleaned.metadata.authors == ("Lena Varga",)
    assert cleaned.metadata.published == "2023-02-11"


def test_a_forms_labels_on_lines_of_their_own():
    text = f"Thousands flee clashes in the north\n\nAuthor:\nLena Varga\nDate:\n\n{LEAD}\n"
    cleaned = clean_lines(text)
    assert cleaned.metadata.authors == ("Lena Varga",)
    assert cleaned.text == LEAD
    assert {r.rule for r in cleaned.removed} >= {"byline", "label"}


@pytest.mark.parametrize(
    "line",
    [
        "Friday, June 6, 2025",
        "NEWS | 11-03-2022 14:33",
        "17:05 GMT 03.02.2024",
        "Posted: 5 May 2023 | Updated: 6 May 2023",
    ],
)
def test_date_lines(line):
    assert is_date_line(line)


@pytest.mark.parametrize(
    "line", ["Strikes resume on May 5, 2024", "Shelling kills four in Kharkiv on 2 June 2024", "Geneva", "WORLD"]
)
def test_headlines_and_words_are_no_date_lines(line):
    assert not is_date_line(line)


@pytest.mark.parametrize(
    ("paragraph", "prefix", "place"),
    [
        ("MOGADISHU--At least 12 people were killed in a blast at a market on Friday.", "MOGADISHU--", "Mogadishu"),
        ("GAZA CITY—The strike hit a school sheltering families on Monday night.", "GAZA CITY—", "Gaza City"),
        (
            "Jun 3 (Reuters) - Drones struck a fuel depot in the south overnight, officials said.",
            "Jun 3 (Reuters) - ",
            None,
        ),
        ("Khartoum, The death toll from the week's fighting has passed 200, medics said.", "Khartoum, ", "Khartoum"),
    ],
)
def test_datelines_that_run_into_the_sentence(paragraph, prefix, place):
    dateline = dateline_of(paragraph)
    assert dateline is not None and (dateline.prefix, dateline.place) == (prefix, place)


def test_a_list_of_places_is_no_dateline():
    assert dateline_of("Kyiv, Kharkiv and Odesa were hit by drones overnight, officials said.") is None


def test_a_russian_wire_dateline_with_the_agency_between_slashes():
    dateline = dateline_of("MOSCOW, March 4. /TASS/. Air defences downed 31 drones over the regions overnight.")
    assert dateline is not None and (dateline.prefix, dateline.place) == ("MOSCOW, March 4. /TASS/. ", "Moscow")


def test_a_byline_with_its_date_after_a_bar_keeps_its_author():
    text = f"Thousands flee clashes in the north\n\nBy Lena Varga | May 5, 2024\n\n{LEAD}\n"
    cleaned = clean_lines(text)
    assert (cleaned.metadata.authors, cleaned.metadata.published) == (("Lena Varga",), "2024-05-05")


def test_a_by_label_over_the_name():
    cleaned = clean_lines(f"Thousands flee clashes in the north\n\nBy:\nLena Varga\n\n{LEAD}\n")
    assert cleaned.metadata.authors == ("Lena Varga",)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Officials--Ruiz among them--said the bridge had been closed since Friday night.",
        "Palestinians—Hamas among them—say the talks have failed again this week.",
    ],
)
def test_a_dash_glued_to_ordinary_words_is_no_dateline(paragraph):
    assert dateline_of(paragraph) is None

"""What real scrapes carry around the body: comment sections, CMS lines, source notes, outlet names, teasers.

Issue 11. Every line here was written for these tests in the shapes real pages print; none is copied from a page.
"""

from __future__ import annotations

import pytest

from corroborator.clean.furniture import is_outlet_name, line_rule, trailing_rules
from corroborator.clean.lines import clean_lines
from corroborator.records import Metadata

BODY = [
    "Shelling hit a grain terminal on the river overnight and set two warehouses on fire, the port authority said.",
    "Crews needed six hours to put out the blaze, and three dock workers were taken to hospital with burns.",
    "The authority said exports through the terminal would resume within a week if the damage was confirmed.",
]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def rules(cleaned) -> dict[str, str]:
    return {r.text: r.rule for r in cleaned.removed}


def test_comment_section_and_cms_tail_leave_the_body():
    text = page(
        "Grain Terminal Burns After Night Of Shelling",
        *BODY,
        "JOIN THE DISCUSSION",
        "The Harbour Example is dedicated to hosting a civil and thoughtful conversation under its stories.",
        "Please keep comments respectful and on topic, and read our community guidelines before posting.",
        "Source link",
        "By webmaster",
        "Proudly powered by WordPress",
    )
    cleaned = clean_lines(text)
    assert cleaned.text.split("\n\n") == BODY
    removed = rules(cleaned)
    assert removed["JOIN THE DISCUSSION"] == "comment-section"
    assert removed["Source link"] == "comment-section"  # past the heading, the comment section's tail


def test_cms_lines_go_even_without_a_comment_heading():
    text = page(
        "Grain Terminal Burns After Night Of Shelling",
        *BODY,
        "Source link",
        "Posted by admin",
        "Sucuri Website Firewall",
    )
    cleaned = clean_lines(text)
    assert cleaned.text.split("\n\n") == BODY
    assert rules(cleaned) == {
        "Grain Terminal Burns After Night Of Shelling": "title",
        "Source link": "source-link",
        "Posted by admin": "cms-byline",
        "Sucuri Website Firewall": "cms-credit",
    }


def test_house_rules_in_the_trailing_block_go_but_a_report_of_a_platforms_rules_stays():
    policy = "We ask readers to keep their comments civil and relevant; see our comment policy."
    report = "The messaging service said the channel was closed because its posts broke community guidelines."
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", *BODY, report, policy))
    assert cleaned.text.split("\n\n") == [*BODY, report]
    assert rules(cleaned)[policy] == "comment-section"


@pytest.mark.parametrize(
    "credit",
    [
        "(With inputs from agencies.)",
        "With inputs from PTI and IANS",
        "(With agency inputs)",
        "Based on materials from Xinhua",
        "— With AFP",
    ],
)
def test_agency_input_credits_go(credit):
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", *BODY, credit))
    assert cleaned.text.split("\n\n") == BODY
    assert rules(cleaned)[credit] == "wire-credits"


def test_a_sentence_that_opens_like_a_credit_stays():
    sentence = "Inputs from farmers in the region show the harvest fell by a third this year."
    assert line_rule(sentence) is None
    assert line_rule("Sign up sheets for the evacuation buses were handed out at the school.") is None
    assert line_rule("Comments by the governor drew an angry reply from the opposition.") is None


def test_an_agency_name_over_the_story_is_no_title():
    text = page("Agence France-Presse", "KHARTOUM, Sudan (AFP) — " + BODY[0], *BODY[1:])
    cleaned = clean_lines(text)
    assert cleaned.metadata.title is None
    assert cleaned.text.split("\n\n") == BODY
    assert rules(cleaned)["Agence France-Presse"] == "outlet"


def test_a_masthead_over_the_headline_leaves_the_headline_as_title():
    cleaned = clean_lines(page("The Juba Monitor", "Grain Terminal Burns After Night Of Shelling", *BODY))
    assert cleaned.metadata.title == "Grain Terminal Burns After Night Of Shelling"
    assert cleaned.text.split("\n\n") == BODY


@pytest.mark.parametrize(
    "line",
    ["Sudan Tribune", "BBC News", "Daily Star - News", "Reuters", "Business Standard", "Border News Agency (BNA)"],
)
def test_outlet_names(line):
    assert is_outlet_name(line)


@pytest.mark.parametrize(
    "line",
    ["Zelensky Meets the Press", "Houthis Target Tanker Post", "Aid reaches Kassala", "Press freedom under attack"],
)
def test_headlines_are_no_outlet_names(line):
    assert not is_outlet_name(line)


def test_the_first_line_with_the_sites_name_glued_on_is_the_title_not_body():
    text = page("Grain terminal burns after night of shelling | World News - Harbour Daily Post", *BODY)
    cleaned = clean_lines(text)
    assert cleaned.metadata.title == "Grain terminal burns after night of shelling"
    assert cleaned.text.split("\n\n") == BODY


def test_teasers_cut_off_in_the_trailing_block_go():
    teasers = [
        "Two aid convoys reached the besieged town after a month of talks with the militia, officials sai…",
        "The coastguard said it had recovered the bodies of 12 migrants off the western sh…",
    ]
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", *BODY, *teasers))
    assert cleaned.text.split("\n\n") == BODY
    assert {rules(cleaned)[t] for t in teasers} == {"teaser"}


def test_a_body_that_trails_off_keeps_its_last_line():
    last = "Asked whether the terminal would reopen, the manager only said that it depended on the weather..."
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", *BODY, last))
    assert cleaned.text.split("\n\n") == [*BODY, last]
    assert trailing_rules([*BODY, "Officials said a ceasefire would hold through the week, but [...]"]) == ["teaser"]


@pytest.mark.parametrize(
    "line",
    [
        "Discover more from Harbour Wire",
        "Subscribe today to keep reading every story in our archive.",
        "Already a subscriber? Log in",
        "…Read more",
        "To Read The Full Story",
        "icon-telegram icon-x icon-email",
        "Estimated read time 3 min read",
        "More Stories From Asia",
    ],
)
def test_prompt_lines_go_wherever_they_stand(line):
    text = page("Grain Terminal Burns After Night Of Shelling", BODY[0], line, *BODY[1:])
    assert clean_lines(text).text.split("\n\n") == BODY


def test_a_lead_in_whose_quote_is_gone_goes_and_one_over_its_quote_stays():
    lead = "According to The Harbour Times:"
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", BODY[0], lead, *BODY[1:]))
    assert cleaned.text.split("\n\n") == BODY
    assert rules(cleaned)[lead] == "lead-in"
    quote = "“The terminal will not reopen this month,” the manager told staff."
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", BODY[0], lead, quote, *BODY[1:]))
    assert lead in cleaned.text.split("\n\n")


def test_a_name_with_how_long_ago_and_the_date_is_a_byline():
    text = page(
        "Grain Terminal Burns After Night Of Shelling", "Aliya Rahman 3 hours ago Tue 4th March 2025 | 10:20 AM", *BODY
    )
    cleaned = clean_lines(text)
    assert cleaned.metadata.authors == ("Aliya Rahman",)
    assert cleaned.metadata.published == "2025-03-04"
    assert cleaned.text.split("\n\n") == BODY


def test_an_outlet_hint_names_the_first_line_too():
    hints = Metadata(title="Grain terminal burns", outlet="The Harbour Examiner Weekly")
    cleaned = clean_lines(page("The Harbour Examiner Weekly", *BODY), hints=hints)
    assert cleaned.text.split("\n\n") == BODY


def test_a_notice_over_the_story_is_no_title():
    cleaned = clean_lines(page("This summary was generated with AI and checked by our editors", BODY[0]))
    assert cleaned.metadata.title is None
    assert cleaned.text == BODY[0]


def test_a_comment_widget_and_a_reaction_bar_close_no_body():
    widget = ["Share this news", "0 0 votes", "Article Rating", "Notify of", "Inline Feedbacks", "View all comments"]
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", *BODY, *widget))
    assert cleaned.text.split("\n\n") == BODY
    reactions = ["Like", "Angry", "Sad", "Pray"]
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", *BODY, *reactions))
    assert cleaned.text.split("\n\n") == BODY
    closed = "Comments are closed, but trackbacks and pingbacks are open."
    assert clean_lines(page("Grain Terminal Burns After Night Of Shelling", *BODY, closed)).text.split("\n\n") == BODY


def test_a_paywall_and_a_source_stub_close_no_body():
    tail = [
        "Subscribe for full access to",
        "Get unlimited access to our reporting and support independent journalism.",
        "Subscribe Now",
        "Source from",
        "Back to top button",
    ]
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", *BODY, *tail))
    assert cleaned.text.split("\n\n") == BODY
    teaser = "Rebels say they shelled an army depot near the river as talks stalled … Read more"
    assert trailing_rules([*BODY, teaser]) == ["teaser"]


@pytest.mark.parametrize(
    "caption",
    [
        "In this image taken from video released by the regional police, rescuers search a collapsed block on Monday.",
        "This handout photo released by the navy shows a patrol boat near the tanker. (Navy Press Office via AP)",
        "Smoke rises over the harbour after the overnight strike (Jane Roe/Harbour Wire) (Harbour Archive)",
        "Credit...Jane Roe for The Harbour Examiner",
        "ImageRescuers carry a stretcher through the rubble on Tuesday.",
        "Crews clear the quay of debris on Tuesday.Credit…Omar Doe/Harbour Wire",
    ],
)
def test_captions_and_their_credits_go(caption):
    text = page("Grain Terminal Burns After Night Of Shelling", BODY[0], caption, *BODY[1:])
    cleaned = clean_lines(text)
    assert cleaned.text.split("\n\n") == BODY
    assert rules(cleaned)[caption] == "caption"


def test_a_report_that_cites_its_source_in_brackets_is_no_caption():
    sentence = "Two thirds of those asked backed the truce, the survey said (Harbour Polling/Example Institute)"
    assert line_rule(sentence) is None


@pytest.mark.parametrize("widget", ["4 minutes ago", "Pinned", "Reporting from Port Sudan", "icon to expand image"])
def test_a_live_pages_widgets_go(widget):
    text = page("Grain Terminal Burns After Night Of Shelling", BODY[0], widget, *BODY[1:])
    assert clean_lines(text).text.split("\n\n") == BODY


@pytest.mark.parametrize(
    "tail",
    [
        ["ENDS"],
        ["Enditem"],
        ["-30-"],
        ["Disclaimer: The views in this story are the writer's own and not those of the site."],
        ["For more information about the mission's work, please visit https://mission.example.org/"],
        ["Please refer to the attached file."],
        ["No comments on this item Please log in to comment by clicking here"],
        ["* The email will not be published on the website."],
        ["Spread the love"],
        ["HNA"],
        ["xk/prd/lm"],
        ["(T/HB2/R1)"],
    ],
)
def test_end_matter_closes_no_body(tail):
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", *BODY, *tail))
    assert cleaned.text.split("\n\n") == BODY


def test_an_agency_code_glued_after_a_dash_is_cut_off_the_last_paragraph():
    last = BODY[-1] + " - HARBOURNEWS-XINHUA"
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", *BODY[:-1], last))
    assert cleaned.text.split("\n\n") == BODY


def test_a_stamp_that_says_originally_published_and_links_the_original_dates_the_page():
    for stamp in ("Originally published: 3 Mar 2025", "Published on 3 March 2025 View Original"):
        cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", stamp, *BODY))
        assert cleaned.metadata.published == "2025-03-03"
        assert cleaned.text.split("\n\n") == BODY


def test_a_bracketed_label_leaves_the_title():
    cleaned = clean_lines(page("[Evening Bulletin] Grain Terminal Burns After Night Of Shelling", *BODY))
    assert cleaned.metadata.title == "Grain Terminal Burns After Night Of Shelling"
    cleaned = clean_lines(page("Grain terminal burns after night of shelling [VIDEO]", *BODY))
    assert cleaned.metadata.title == "Grain terminal burns after night of shelling"
    assert cleaned.text.split("\n\n") == BODY


def test_a_speakers_lower_third_is_a_caption():
    text = page("Grain Terminal Burns After Night Of Shelling", BODY[0], "Amina Doe / Harbour Workers Union", *BODY[1:])
    assert clean_lines(text).text.split("\n\n") == BODY


def test_a_headline_that_names_a_cms_company_is_no_credit():
    assert line_rule("Cloudflare says hackers hit Ukrainian bank sites") is None
    assert line_rule("Protected by Wordfence") == "cms-credit"


def test_a_lead_in_over_a_list_stays():
    lead = "According to the health ministry:"
    cleaned = clean_lines(
        page("Grain Terminal Burns After Night Of Shelling", BODY[0], lead, "40 killed in the city", *BODY[1:])
    )
    assert lead in cleaned.text.split("\n\n")


def test_a_first_line_that_opens_with_punctuation_is_no_title():
    cleaned = clean_lines(page(": : in Harbour (EET)", "Grain Terminal Burns After Night Of Shelling", *BODY))
    assert cleaned.metadata.title == "Grain Terminal Burns After Night Of Shelling"
    assert cleaned.text.split("\n\n") == BODY


def test_a_link_bars_remains_and_a_read_at_stub_go():
    tail = ["Read at www.harbour-example.com", "[", "]"]
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", *BODY, *tail))
    assert cleaned.text.split("\n\n") == BODY


def test_an_agency_byline_with_its_name_spelt_out_is_a_desk():
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", "By HNA (Harbour News Agency)", *BODY))
    assert cleaned.text.split("\n\n") == BODY
    assert cleaned.metadata.authors == ()


def test_a_name_alone_over_the_reading_time_is_the_byline():
    text = page("Grain Terminal Burns After Night Of Shelling", "Amina Doe", "·3 min read", *BODY)
    cleaned = clean_lines(text)
    assert cleaned.metadata.authors == ("Amina Doe",)
    assert cleaned.text.split("\n\n") == BODY
    cleaned = clean_lines(page("Grain Terminal Burns After Night Of Shelling", "Middle East", "·3 min read", *BODY))
    assert cleaned.metadata.authors == ()


def test_a_releases_contacts_reprint_stamp_and_pin_button_go_and_date_the_page():
    text = page(
        "Agency Ships Shelter Kits To River Camps",
        *BODY,
        "For further information on this topic, please contact:",
        "In Kassala, Jane Roe, jane.roe@example.org, +249 91 234 5678",
        "In Geneva, John Roe, [email protected], +41 22 555 01 01",
        "Originally published by Example Refugee Agency on 4 March 2024",
        "Pin It on Pinterest",
    )
    cleaned = clean_lines(text)
    assert cleaned.text.split("\n\n") == BODY
    assert cleaned.metadata.published == "2024-03-04"
    assert {rule for rule in rules(cleaned).values()} >= {"end-matter", "contact", "date-stamp", "share-widget"}


def test_footer_labels_and_widgets_in_other_languages_go_from_the_end():
    text = page("Grain Terminal Burns", *BODY, "(PORTA, JR)", "Condividi su Facebook Condividi su Twitter", "Теги:")
    cleaned = clean_lines(text)
    assert cleaned.text.split("\n\n") == BODY
    assert rules(cleaned)["(PORTA, JR)"] == "wire-credits"


def test_teasers_with_their_date_and_a_run_of_headlines_under_also_read_go():
    text = page(
        "Grain Terminal Burns",
        BODY[0],
        "Tanker reports blast off the coast near the strait14.03.24, 09:40 - [views_0]",
        *BODY[1:],
        "Also Read Flights to resume next month Are prices of rice rising again? Port strike ends after two days",
    )
    cleaned = clean_lines(text)
    assert cleaned.text.split("\n\n") == BODY
    removed = rules(cleaned)
    assert removed["Tanker reports blast off the coast near the strait14.03.24, 09:40 - [views_0]"] == "teaser"


def test_a_link_glued_to_a_paragraphs_end_is_cut_and_the_paragraph_stays():
    glued = BODY[1] + " Also Read: Tanker reports blast off the coast"
    cleaned = clean_lines(page("Grain Terminal Burns", BODY[0], glued, BODY[2]))
    assert cleaned.text.split("\n\n") == BODY
    going_on = BODY[1] + " Read More: The strike hit at dawn. Crews arrived later."  # a paragraph goes on: no link
    assert going_on in clean_lines(page("Grain Terminal Burns", BODY[0], going_on, BODY[2])).text


def test_a_live_posts_reporter_and_title_leave_the_post():
    post = "Today's shelling could be a message to the port's operators that the blockade is not over."
    glued = clean_lines(page("Live: Port Shelled", BODY[0], "Jane Roe", "Black Sea correspondent, in Odesa" + post))
    assert glued.text.split("\n\n") == [BODY[0], post]
    alone = clean_lines(page("Live: Port Shelled", BODY[0], "Jane Roe", "Black Sea correspondent", post))
    assert alone.text.split("\n\n") == [BODY[0], post]
    headline = clean_lines(page("Live: Port Shelled", BODY[0], "Port Shelled Again", post))
    assert "Port Shelled Again" in headline.text  # a post's headline is no reporter


@pytest.mark.parametrize(
    ("head", "authors", "published"),
    [
        (
            ["Grain Terminal Burns", "Jane Roe (@JaneRoe) 5 minutes ago Mon 4th March 2024 | 04:40 AM"],
            ["Jane Roe"],
            "2024-03-04",
        ),
        (["Trending", "World News", "Mar. 4, 2024 / 8:32 AM", "Grain Terminal Burns"], [], "2024-03-04"),
        (["Grain Terminal Burns", "Published: 2 hours ago"], [], None),
    ],
)
def test_head_lines_of_real_pages_read_or_go(head, authors, published):
    cleaned = clean_lines(page(*head, *BODY))
    assert cleaned.text.split("\n\n") == BODY
    assert cleaned.metadata.title == "Grain Terminal Burns"
    assert list(cleaned.metadata.authors) == authors
    assert cleaned.metadata.published == published


def test_a_desk_glued_to_the_lead_and_alone_at_the_end_goes():
    cleaned = clean_lines(page("Grain Terminal Burns", "Port News Desk!!! " + BODY[0], *BODY[1:], "Port News Desk!!!"))
    assert cleaned.text.split("\n\n") == BODY


def test_a_caption_with_a_courtesy_credit_goes():
    caption = "Smoke rises over the grain terminal after the overnight shelling. Photo courtesy Port Authority"
    cleaned = clean_lines(page("Grain Terminal Burns", caption, *BODY))
    assert cleaned.text.split("\n\n") == BODY

"""The claims component on the real model: one invented sentence (or two) per construction.

None of these sentences comes from the seed articles or the example corpus.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.util import raise_error

import corroborator.analyze.entities  # noqa: F401  (registers the entity component)
from corroborator.analyze.component import log_error
from corroborator.extract.attribution.lexicon import Lexicon
from corroborator.extract.claims import ClaimExtractor  # registers corroborator_claims
from corroborator.records import Claim


def claims_of(nlp, text: str) -> list[Claim]:
    return nlp(text)._.claims


def only(nlp, text: str) -> Claim:
    claims = claims_of(nlp, text)
    assert len(claims) == 1, [c.to_dict() for c in claims]
    return claims[0]


def test_registered_and_configurable(nlp):
    assert "corroborator_claims" in nlp.pipe_names
    blank = spacy.blank("en")
    pipe = blank.add_pipe("corroborator_claims", config={"merge_quote_continuations": False})
    assert isinstance(pipe, ClaimExtractor)
    assert pipe.options.merge_quote_continuations is False
    assert blank("Nothing here.")._.claims == []  # no parse, no claims, no error


def test_verbal_cue_strips_that_and_keeps_offsets(nlp):
    text = "The ministry said that 40 drones were shot down over the region."
    claim = only(nlp, text)
    assert (claim.id, claim.cue, claim.certainty, claim.quote) == ("c1", "say", "asserted", "indirect")
    assert claim.source.text == "The ministry"
    assert claim.content == "40 drones were shot down over the region"
    assert text[claim.span[0] : claim.span[1]] == claim.content


def test_according_to(nlp):
    claim = only(nlp, "According to the regional governor, three people were injured in the strike.")
    assert claim.cue == "according to"
    assert claim.source.text == "the regional governor"
    assert claim.content == "three people were injured in the strike"


def test_reportedly_is_an_unnamed_hedged_source(nlp):
    claim = only(nlp, "Enemy forces have reportedly withdrawn from the village.")
    assert (claim.cue, claim.certainty, claim.source.kind, claim.source.text) == (
        "reportedly",
        "hedged",
        "unnamed",
        None,
    )
    assert claim.content == "Enemy forces have withdrawn from the village"


def test_nominal_cue(nlp):
    claim = only(nlp, "The news came after a confirmation by the Polish army that two drones had entered its airspace.")
    assert (claim.cue, claim.certainty) == ("confirmation", "confirmed")
    assert claim.source.text is not None and "Polish army" in claim.source.text
    assert claim.content == "two drones had entered its airspace"


def test_passive_report(nlp):
    claim = only(nlp, "Dozens of soldiers were reported missing after the assault.")
    assert (claim.cue, claim.source.kind) == ("report", "unnamed")
    assert claim.content.startswith("Dozens of soldiers were reported missing")
    claim = only(nlp, "It was reported that the bridge had collapsed.")
    assert claim.content == "the bridge had collapsed"


def test_sourceless_reports(nlp):
    claim = only(nlp, "Reports suggest that the convoy was hit near the border.")
    assert (claim.source.text, claim.source.kind, claim.cue, claim.certainty) == (
        "Reports",
        "unnamed",
        "suggest",
        "hedged",
    )


def test_quote_with_speaker(nlp):
    claim = only(nlp, '"We will not retreat," the commander said.')
    assert (claim.quote, claim.content, claim.source.text) == ("direct", "We will not retreat", "the commander")
    claim = only(nlp, 'The commander said: "We will hold the line."')
    assert (claim.quote, claim.content) == ("direct", "We will hold the line")


def test_quote_that_goes_on_after_the_attribution(nlp):
    claim = only(nlp, "“The dam is holding,” the engineer said. “We expect the water to fall by Sunday.”")
    assert claim.content == "The dam is holding We expect the water to fall by Sunday"
    assert claim.quote == "direct"


def test_mixed_quote(nlp):
    claim = only(nlp, 'The general said the situation was "under control" at the front.')
    assert claim.quote == "mixed"


def test_pronoun_resolves_to_last_speaker(nlp):
    first, second = claims_of(
        nlp, "Maria Lopez said the crossing was closed. She added that it would reopen on Friday."
    )
    assert (first.source.name, first.source.kind) == ("Maria Lopez", "person")
    assert (second.source.text, second.source.name, second.cue) == ("She", "Maria Lopez", "add")


def test_role_from_apposition(nlp):
    claim = only(nlp, "Olena Kravets, head of the regional council, told reporters that the shelling had stopped.")
    assert (claim.source.text, claim.source.role) == ("Olena Kravets", "head of the regional council")


def test_a_name_set_beside_its_description_is_the_source(nlp):
    """No comma: the name is the phrase's own ("the monitoring group Airwars"), the words before it its role."""
    claim = only(nlp, "Rebels fired two dozen drones overnight, the monitoring group Tidewatch said on Sunday.")
    source = claim.source
    assert (source.text, source.name, source.role) == (
        "the monitoring group Tidewatch",
        "Tidewatch",
        "monitoring group",
    )
    assert source.entity == "tidewatch" and source.kind == "organization"


def test_a_description_named_by_a_word_inside_it_is_not_an_earlier_body(nlp):
    text = "The rebels fired two missiles on Monday. The rebel-run health ministry said 16 people were killed."
    claim = only(nlp, text.replace("rebels fired", "Houthis fired").replace("rebel-run", "Houthi-run"))
    assert claim.source.entity != "houthis" and "health ministry" in (claim.source.name or "")


def test_a_spokesperson_speaks_for_the_body_named_beside_it(nlp):
    """The body is the source and keeps the pronoun that follows; a spokesman of nobody named stays unnamed."""
    first, second = claims_of(
        nlp, "A spokeswoman for the Tidewater Port Authority said the quay burned. She said no one died."
    )
    assert (first.source.name, first.source.role) == (
        "Tidewater Port Authority",
        "spokeswoman for the Tidewater Port Authority",
    )
    assert first.source.kind == "organization" and second.source.entity == first.source.entity is not None
    claim = only(nlp, "A military spokesman said the convoy was hit near the crossing.")
    assert (claim.source.name, claim.source.kind) == (None, "unnamed")


def test_a_report_that_ends_its_sentence_is_read_even_when_misparsed(nlp):
    """The parser takes 'reports' for a noun, or leaves the clause before the comma hanging elsewhere."""
    claim = only(nlp, "Nine of the rockets and all of the shells were intercepted, the Harbour agency reports.")
    assert (claim.source.text, claim.cue) == ("the Harbour agency", "report")
    assert claim.content == "Nine of the rockets and all of the shells were intercepted"
    claim = only(nlp, "Three of the trucks and most of the fuel were lost, the relief group says.")
    assert (claim.source.text, claim.content) == (
        "the relief group",
        "Three of the trucks and most of the fuel were lost",
    )
    assert claims_of(nlp, "The annual reports of the agency were published on Monday.") == []


def test_this_was_stated_by_reports_the_sentence_before(nlp):
    """The demonstrative stands for the sentence before it in the paragraph."""
    text = "Nine drones were shot down over the region overnight. This was stated by the regional governor on Telegram."
    claim = only(nlp, text)
    assert (claim.source.text or "").startswith("the regional governor")  # PolNeAR keeps "on Telegram" in a source
    assert claim.cue == "state" and claim.content == "Nine drones were shot down over the region overnight"
    # At a paragraph's start, the paragraph before when it is one sentence (a site that prints each sentence
    # as a paragraph), never a paragraph of several things.
    [claim] = claims_of(nlp, "Two villages were shelled.\n\nThis was reported by the district office.")
    assert claim.content == "Two villages were shelled"
    text = "Rain fell all day. Two villages were shelled.\n\nThis was reported by the district office."
    assert claims_of(nlp, text) == []


def test_via_from_according_to(nlp):
    claim = only(nlp, "The governor said the fire was contained, according to the Northline news agency.")
    assert claim.source.text == "The governor"
    assert [(v.text, v.kind) for v in claim.via] == [("the Northline news agency", "media")]
    assert claim.content == "the fire was contained"


def test_chain_of_relays_nearest_first(nlp):
    text = "Grain exports fell by a third in March, the ministry said, the Danube Herald reported, citing two customs officials."
    claim = only(nlp, text)
    assert (claim.source.text, claim.content) == ("the ministry", "Grain exports fell by a third in March")
    assert [(v.text, v.kind) for v in claim.via] == [
        ("two customs officials", "unnamed"),
        ("the Danube Herald", "media"),
    ]


def test_headline_and_transcript_lines(nlp):
    claim = only(nlp, "Minister Says Grain Exports Fell By A Third In March\n\nThe ministry gave no details.")
    assert (claim.source.text, claim.cue, claim.content) == (
        "Minister",
        "say",
        "Grain Exports Fell By A Third In March",
    )
    _host, guest = claims_of(nlp, "HOST: Where are the troops now?\nKARLSSON: They are still near the river.")
    assert (guest.source.text, guest.source.kind, guest.content) == (
        "KARLSSON",
        "person",
        "They are still near the river",
    )
    assert claims_of(nlp, "KYIV: Air raid sirens sounded across the city overnight.") == []  # a dateline


def test_channel(nlp):
    assert only(nlp, "The mayor wrote on Telegram that the power had been restored.").channel == "Telegram"
    assert only(nlp, "In a statement, the ministry said the talks had failed.").channel == "statement"


@pytest.mark.parametrize(
    "text",
    [
        "The ministry did not say how many drones were launched.",
        "The spokesman declined to comment on the casualties.",
        "The army neither confirmed nor denied that its troops had crossed the river.",
    ],
)
def test_negated_or_empty_report_is_no_claim(nlp, text):
    assert claims_of(nlp, text) == []


def test_nested_claim_keeps_the_chain(nlp):
    outer, inner = claims_of(nlp, "The minister said that the agency had confirmed the deployment of 2,000 troops.")
    assert (outer.id, inner.id, inner.parent) == ("c1", "c2", "c1")
    assert (inner.cue, inner.content) == ("confirm", "the deployment of 2,000 troops")
    assert [v.text for v in inner.via] == ["The minister"]


def test_odd_input_gives_no_error(nlp):
    for text in ["", " ", '"""', "“", "said said said", ":\n:\n:", "According to"]:
        assert isinstance(claims_of(nlp, text), list)


def test_error_handler_logs_or_raises(nlp):
    extractor = nlp.get_pipe("corroborator_claims")
    seen = []
    lexicon = extractor.lexicon
    try:
        extractor.lexicon = None  # a broken state: every document fails
        extractor.set_error_handler(lambda name, proc, docs, error: seen.append((name, type(error))))
        assert nlp("The army said it had withdrawn.")._.claims == []
        assert seen and seen[0][0] == "corroborator_claims"
        extractor.set_error_handler(raise_error)
        with pytest.raises(AttributeError):
            nlp("The army said it had withdrawn.")
    finally:
        extractor.lexicon = lexicon
        extractor.set_error_handler(log_error)


def test_lexicon_travels_with_the_pipeline(nlp, tmp_path):
    extractor = nlp.get_pipe("corroborator_claims")
    extractor.to_disk(tmp_path)
    restored = spacy.blank("en").add_pipe("corroborator_claims")
    assert isinstance(restored, ClaimExtractor)
    restored.from_disk(tmp_path)
    assert restored.lexicon.data == extractor.lexicon.data
    assert Lexicon.default().certainty_of("deny") == "denied"


# --- issue 11: span conventions, sources and cues that report nothing ---------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mendoza said he had received offers for the boat, but the offers came from people he did not trust.",
            "he had received offers for the boat, but the offers came from people he did not trust",
        ),
        (
            "Ortiz says the road ahead is long, but feels confident that the plan will work.",
            "the road ahead is long, but feels confident that the plan will work",
        ),
    ],
)
def test_continuation_after_but_stays_in_the_content(nlp, text, content):
    assert only(nlp, text).content == content


def test_narration_after_but_is_the_writers(nlp):
    claim = only(nlp, "Okafor said the council had not won him over, but he sounded hopeful about the vote.")
    assert claim.content == "the council had not won him over"


def test_second_coordinated_cue_is_its_own_claim(nlp):
    claims = claims_of(nlp, "Reyes said the talks had failed and urged both sides to return.")
    assert [(c.cue, c.content) for c in claims] == [("say", "the talks had failed"), ("urge", "both sides to return")]
    assert claims[1].source.text == "Reyes"


def test_a_quotation_is_not_cut_at_its_own_verbs(nlp):
    claim = only(nlp, "''Some voters want a big change, but many others want someone steady,'' said Tom Vale.")
    assert claim.content == "Some voters want a big change, but many others want someone steady"
    assert claim.source.text == "Tom Vale"


def test_relative_pronoun_source_is_named_by_its_antecedent(nlp):
    claims = claims_of(nlp, "The plan was drafted by a farmer from Tula who said that the river had flooded twice.")
    claim = next(c for c in claims if c.cue == "say")
    assert claim.source.text == "who"
    assert claim.source.name == "a farmer from Tula"  # the antecedent's words, without the relative clause


@pytest.mark.parametrize(
    "text",
    [
        "The storm claimed 14 lives in the valley last week.",
        "The footage appears to show soldiers near the bridge.",
        "Prices rose sharply in March, indicating that the plan had failed.",
        "The mayor commented on the new budget at length.",
        "Police identified the driver as a local man.",
    ],
)
def test_verbs_that_report_no_statement(nlp, text):
    assert claims_of(nlp, text) == []


def test_quote_pieces_join_around_a_cue_with_an_object(nlp):
    text = "“We will rebuild the bridge,” the mayor told the local paper on Tuesday, “and the market will reopen.”"
    claim = only(nlp, text)
    assert (claim.source.text, claim.cue) == ("the mayor", "tell")
    assert "rebuild the bridge" in claim.content and "market will reopen" in claim.content


def test_the_speakers_own_stance_goes_on_in_the_statement(nlp):
    claim = only(nlp, "The minister said the talks had stalled and he feels the deal is lost.")
    assert claim.content == "the talks had stalled and he feels the deal is lost"


def test_a_contrasted_cue_is_not_negated_by_the_first(nlp):
    claims = claims_of(nlp, "The general did not mention the losses, but told his officers that the lines would hold.")
    assert [(c.source.text, c.cue, c.content) for c in claims] == [("The general", "tell", "the lines would hold")]


def test_a_that_clause_hung_on_the_day_is_what_was_said(nlp):
    claim = only(nlp, "She said on Friday that aid may arrive within days.")
    assert (claim.cue, claim.content) == ("say", "aid may arrive within days")


def test_a_name_before_a_colon_and_a_quote_inside_a_line(nlp):
    claim = only(nlp, "Why the vote moved - More from Ana Ruiz: “The north turned out late and in large numbers.”")
    assert (claim.source.text, claim.cue) == ("Ana Ruiz", ":")
    assert claim.content == "The north turned out late and in large numbers"
    claim = only(nlp, "The low turnout did not surprise the pollster Tom Vale: “Turnout always falls in the rain.”")
    assert claim.source.text == "Tom Vale"


def test_the_hearer_before_a_colon_is_no_speaker(nlp):
    claim = only(nlp, "He told Reuters: “We will not leave the town.”")
    assert (claim.source.text, claim.cue) == ("He", "tell")


def test_a_condition_on_a_promise_is_part_of_it(nlp):
    claim = only(nlp, "Mayor Ortiz vowed to close the road unless the floods recede.")
    assert claim.content == "to close the road unless the floods recede"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "She promised to free the hostages should the talks succeed.",
            "to free the hostages should the talks succeed",
        ),
        (
            "She said the hostages would be freed should the talks succeed.",
            "the hostages would be freed should the talks succeed",
        ),
    ],
)
def test_an_inverted_condition_is_not_the_statement(nlp, text, content):
    assert only(nlp, text).content == content


def test_the_speaker_after_the_verb_when_the_parse_hangs_it_on_an_aside(nlp):
    claim = only(nlp, "“The roads are closed,” said the governor, half smiling. “Nobody can reach the valley.”")
    assert (claim.source.text, claim.cue) == ("the governor", "say")
    assert claim.content == "The roads are closed Nobody can reach the valley"


def test_interview_turn_markers_are_not_speakers(nlp):
    # 'Q:' and 'A:' mark turns; the answers' own attributions ('I think ...') stay readable.
    claims = claims_of(nlp, "Q: Will the convoy reach the port?\n\nA: Not this week. I think the road is still mined.")
    assert [c.cue for c in claims] == ["think"]
    assert claims[0].content == "the road is still mined"


def test_a_cue_quoted_inside_anothers_quotation_is_no_claim_of_its_own(nlp):
    text = "“Smith says the things voters want to hear,” Jones said. “But leaders cannot just say anything.”"
    claim = only(nlp, text)
    assert claim.source.text == "Jones"
    assert claim.content.startswith("Smith says the things voters want to hear")


def test_the_scene_after_a_cues_object_is_not_content(nlp):
    claim = only(nlp, "The governor described the deal as a betrayal when speaking to farmers on Friday.")
    assert claim.cue == "describe"
    assert claim.content == "the deal as a betrayal"


def test_a_nested_act_is_part_of_the_report_that_holds_it(nlp):
    # 'criticized' inside what the envoy said is an act the envoy reports, not a relayed statement;
    # a nested reporting verb ('has confirmed') stays a claim of its own (test_nested_claim_keeps_the_chain).
    claim = only(nlp, "The envoy said that the foreign minister Lena Ortiz had criticized the blockade of the port.")
    assert claim.content == "the foreign minister Lena Ortiz had criticized the blockade of the port"


def test_no_speaker_from_inside_a_quotation(nlp):
    # The quotation is somebody's words: who they say told them something is not a source of the ledger.
    text = (
        "The newsletter put it bluntly.\n\n"
        "“Analysts tried to tell us that the vote was too close to call. Some of us listened, and some did not.”"
    )
    assert claims_of(nlp, text) == []


def test_source_words_keep_what_names_the_source(nlp):
    # A participle that says which judge is part of the mention; so is 'himself'.
    judge = only(nlp, "A military judge handling the detention case ordered that the files be released.")
    assert judge.source.text == "A military judge handling the detention case"
    spokesman = only(nlp, "Navy spokesman Paul Dorn himself said the ship had been hit.")
    assert spokesman.source.text == "Navy spokesman Paul Dorn himself"
    assert spokesman.source.name == "Paul Dorn"


def test_a_long_comment_the_writer_hangs_on_the_end_is_cut(nlp):
    text = (
        "The spokesman said he was only joking about the blockade, which drew sharp criticism from aid groups"
        " and a rebuke from two allied governments."
    )
    assert only(nlp, text).content == "he was only joking about the blockade"


def test_a_quotation_signed_with_a_dash_is_its_signers(nlp):
    text = (
        "Readers shared their views on the vote.\n\n"
        "“We will vote for whoever fixes the bridge.” ― Tom Reyes, 44\n\n"
        "The road ― the only one out of the valley ― was closed for a week.\n"
    )
    signed = [c for c in claims_of(nlp, text) if c.cue == "―"]
    assert [(c.source.text, c.content) for c in signed] == [("Tom Reyes", "We will vote for whoever fixes the bridge")]


def test_a_dash_is_no_loose_cue(nlp):
    # The tagger may read a dash as a verb; a cue is a word.
    text = (
        "Police released video of the shooting on Monday. Ruiz, 40 ― a father and student who sang in the choir"
        " every week ― was shot by an officer."
    )
    assert claims_of(nlp, text) == []


def test_a_platform_before_a_colon_is_no_speaker(nlp):
    text = "Hours after the blast, a familiar account cheered on Twitter: “The bridge is ours now.”"
    assert all(c.source.text != "Twitter" for c in claims_of(nlp, text))


def test_a_quoted_question_is_the_askers(nlp):
    claim = only(nlp, "“Will the ferry run tomorrow?” Okafor asked.")
    assert (claim.source.text, claim.cue, claim.content, claim.quote) == (
        "Okafor",
        "ask",
        "Will the ferry run tomorrow",
        "direct",
    )


def test_verbs_of_argument_report_a_quotation(nlp):
    # 'complained', 'argued', 'insisted', 'warned' ... after a quotation that is no clause of its own.
    claim = only(nlp, "“A disaster for the port,” the mayor complained.")
    assert (claim.source.text, claim.cue, claim.content, claim.quote) == (
        "the mayor",
        "complain",
        "A disaster for the port",
        "direct",
    )

"""Issue 11, spans: claims the component found with the wrong words, one invented sentence each.

None of these sentences comes from a corpus; each has the shape of predictions of the PolNeAR training
split whose content or source missed its gold claim.
"""

from __future__ import annotations

from corroborator.records import Claim


def claims_with(nlp, text: str, cue: str) -> list[Claim]:
    return [c for c in nlp(text)._.claims if c.cue == cue]


def test_a_parenthetical_report_of_a_stance_reports_the_whole_clause(nlp):
    # 'she said' hangs on 'considering', a stance: not a relay of the stance's own object
    [claim] = claims_with(nlp, "At one point, she said, she was considering backing the mayor.", "say")
    assert claim.content == "At one point she was considering backing the mayor"
    # a passive stance is nobody's: the parenthetical speaker's statement, as before
    [relay] = claims_with(nlp, "The ferry is believed to be two days late, Ruiz said.", "say")
    assert relay.content == "The ferry is believed to be two days late"


def test_a_quote_goes_on_after_an_attribution_the_parser_made_a_sentence_of_its_own(nlp):
    # the parser ends a sentence at the quote's '!', so that 'she said.' stands alone
    text = "“I’m thrilled!” she said. “It’s giving me chills. I may cry.”"
    [claim] = claims_with(nlp, text, "say")
    assert claim.content == "I’m thrilled It’s giving me chills. I may cry"


def test_a_stance_object_ends_before_its_measure(nlp):
    [claim] = claims_with(nlp, "Ana Ruiz supported the new toll by a wide margin across the three harbours.", "support")
    assert claim.content == "the new toll"
    [view] = claims_with(nlp, "They view the mayor with deep suspicion.", "view")
    assert view.content == "the mayor"


def test_a_parenthetical_verb_with_an_object_of_its_own_reports_that_object(nlp):
    text = "The ferry was late every day last winter (Ruiz blames the storms for it)."
    [claim] = claims_with(nlp, text, "blame")
    assert claim.content == "the storms for it"


def test_a_quotation_whose_closing_mark_the_parser_hung_on_the_speaker(nlp):
    [claim] = claims_with(nlp, "“But why?” reporter Ana Ruiz asked him.", "ask")
    assert claim.content == "why"  # a leading "but" is no part of any content


def test_a_verb_in_the_cues_tense_after_the_reported_clause_is_the_speakers_next_act(nlp):
    text = "The mayor said she admires the harbour crews and praised their work during the storm."
    [claim] = claims_with(nlp, text, "say")
    assert claim.content == "she admires the harbour crews"
    [praise] = claims_with(nlp, text, "praise")  # no longer held by the report: a claim of its own
    assert praise.source.text == "The mayor"
    [promise] = claims_with(nlp, "The council said it regrets the delay and promised to reopen the bridge.", "promise")
    assert promise.content == "to reopen the bridge"
    # a verb in the reported clause's own time goes on with what was said
    [same] = claims_with(nlp, "Ruiz said the council had approved the budget and will vote on the toll soon.", "say")
    assert same.content == "the council had approved the budget and will vote on the toll soon"


def test_a_feeling_or_a_sign_expressed_is_about_its_topic(nlp):
    [concern] = claims_with(nlp, "The harbour master expressed concern about the new ferry schedule.", "express")
    assert concern.content == "the new ferry schedule"
    [sign] = claims_with(nlp, "Ruiz showed no sign of backing down on the toll.", "show")
    assert sign.content == "backing down on the toll"
    # a feeling with its owner is a thing of its own
    [owned] = claims_with(nlp, "The governor voiced her support for the harbour plan.", "voice")
    assert owned.content == "her support for the harbour plan"

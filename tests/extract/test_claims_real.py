"""Claims on the shapes of real war reporting (issue 11, class 6: cues, spans, misses), in sentences written here.

Each test is a shape read in wire copy and regional outlets on the Sahel, Sudan, Myanmar, Lebanon, Congo and
the Red Sea, reworded with other actors, places and numbers. The whole pipeline runs (``corroborator.extract``).
"""

from __future__ import annotations

from corroborator import extract
from corroborator.records import Claim


def claims(text: str) -> list[Claim]:
    return list(extract(text).claims)


def test_a_speaker_told_an_outlet_after_the_event_is_found_past_a_trailing_aside(claim_of):
    text = (
        "NIAMEY: Gunmen killed at least 17 gendarmes in a raid Tuesday in western Niger, "
        "a military source told Reuters, revising an earlier count."
    )
    claim = claim_of(text, "at least 17")
    assert claim.source is not None and claim.source.text == "a military source"
    assert claim.content.startswith("Gunmen killed at least 17 gendarmes")


def test_a_speaker_the_parser_read_into_the_place_before_is_still_the_speaker(claim_of):
    text = (
        "Juba: At least 14 people were killed and 30 others hurt in shelling on a market in Malakal, "
        "the capital of Upper Nile State, the South Sudan People's Defence Forces said."
    )
    claim = claim_of(text, "At least 14")
    assert claim.source is not None and "Defence Forces" in (claim.source.text or "")
    assert claim.content.startswith("At least 14 people")


def test_what_a_speaker_went_without_saying_is_no_claim():
    text = "The navy confirmed the strike on the port, without saying how many sailors were hurt."
    assert [c.cue for c in claims(text)] == ["confirm"]


def test_the_day_a_statement_was_made_is_not_part_of_what_it_says(claim_of):
    text = "The coast guard said on Thursday it had pulled 31 survivors from the water off Lampedusa."
    claim = claim_of(text, "31")
    assert claim.content.startswith("it had pulled 31 survivors")


def test_a_time_that_is_the_clause_own_stays_in_it(claim_of):
    text = "The mayor said that on Thursday, 31 families had left the district."
    assert claim_of(text, "31").content.startswith("on Thursday, 31 families")


def test_a_hedge_and_its_source_in_one_clause_make_one_claim():
    text = "Army jets reportedly struck a fuel depot near Nyala, killing 14, according to a police source."
    found = claims(text)
    assert [(c.cue, c.source.text if c.source else None) for c in found] == [("according to", "a police source")]
    assert found[0].certainty.value == "hedged"


def test_a_that_clause_after_a_channel_that_runs_on_is_what_was_said():
    text = (
        "The Kordofan Youth Committee has said in a statement published yesterday on the Facebook social network "
        "that militia fighters have looted shops, clinics and schools with rifles and caused the panic."
    )
    found = claims(text)
    assert [c.content for c in found] == [
        "militia fighters have looted shops, clinics and schools with rifles and caused the panic"
    ]
    assert found[0].channel == "statement"


def test_a_that_clause_after_an_anonymity_phrase_is_what_was_told(claim_of):
    text = (
        'A nurse at the Al-Amal Hospital told AP on condition of anonymity that the ward took in "at least 19 '
        'bodies and about 40 wounded people."'
    )
    claim = claim_of(text, "at least 19")
    assert claim.content.startswith("the ward took in")


def test_a_that_the_parser_read_as_a_preposition_is_no_part_of_the_content():
    text = (
        "The SPLM-N said that the RSF, after its raids were repelled, resorted to drone strikes from outside the town."
    )
    assert [c.content for c in claims(text)] == [
        "the RSF, after its raids were repelled, resorted to drone strikes from outside the town"
    ]


def test_a_that_clause_the_parser_hung_on_that_alone_is_still_found():
    text = (
        "The battles lasted more than four hours.\n"
        "The SLA-AW said that the RSF, after its attacks were repelled, resorted to artillery shelling from outside "
        "the town. This led to the deaths of 9 people in a house near the main market."
    )
    found = claims(text)
    assert [(c.source.text, c.content) for c in found] == [
        ("The SLA-AW", "the RSF, after its attacks were repelled, resorted to artillery shelling from outside the town")
    ]


def test_as_reported_by_a_party_names_the_source_of_the_whole_clause(claim_of):
    text = "More than 50 fishermen have died following a storm off the coast of Rakhine, as reported by the state broadcaster."
    claim = claim_of(text, "More than 50")
    assert claim.source.text == "the state broadcaster"
    assert claim.content == "More than 50 fishermen have died following a storm off the coast of Rakhine"


def test_a_present_tense_report_the_parser_hung_on_the_last_noun_closes_the_sentence(claim_of):
    text = (
        "A Saudi air strike on a truck in north Yemen kills four Houthi fighters, a medical source says, the latest "
        "in almost three months of escalating border clashes between the rebels and Riyadh."
    )
    claim = claim_of(text, "four")
    assert claim.source.text == "a medical source"
    assert claim.content == "A Saudi air strike on a truck in north Yemen kills four Houthi fighters"


def test_the_writers_ranking_after_a_closing_attribution_is_no_part_of_the_content(claim_of):
    text = (
        "A Russian strike on a minibus in east Ukraine kills five civilians, a regional official says, the latest "
        "in almost a week of heavy shelling on the town."
    )
    assert claim_of(text, "five").content == "A Russian strike on a minibus in east Ukraine kills five civilians"


def test_the_clause_subject_read_as_the_sources_apposition_stays_in_the_content():
    text = (
        'According to the Rwanda Defence Force, the depot, used by the rebels to "store their shells and rockets," '
        "was part of a larger M23 base that was hit in earlier raids."
    )
    (claim,) = claims(text)
    assert claim.source.text == "the Rwanda Defence Force"
    assert claim.content.startswith("the depot, used by the rebels")


def test_a_bracket_the_content_opened_is_closed_and_as_many_as_is_kept(claim_of):
    text = (
        "Rescue officials said 13 of the casualties were in Rafah, including three people killed inside a school "
        "run by the UN agency for Palestinian refugees (UNRWA)."
    )
    assert claim_of(text, "13").content.endswith("(UNRWA)")
    quoted = '"As many as 40 people have been killed, including 12 children," the daily reported.'
    assert claim_of(quoted, "As many as 40").content.startswith("As many as 40")


def test_a_report_set_hours_after_the_statement_is_cut_from_it(claim_of):
    text = (
        "The Amhara militia on Monday said that two of its commanders died in a drone strike near Gondar, hours "
        'after the federal army said "several fighters were neutralised in the area."'
    )
    assert claim_of(text, "two").content == "two of its commanders died in a drone strike near Gondar"


def test_an_agency_written_in_lower_case_is_whom_it_was_told_never_a_cue():
    text = (
        "Syrian security sources confirmed to dpa that at least four heavy air strikes hit the airbase. "
        "A Syrian security source told dpa that Turkish drones carried out the strike."
    )
    found = claims(text)
    assert [(c.cue, c.content) for c in found] == [
        ("confirm", "at least four heavy air strikes hit the airbase"),
        ("tell", "Turkish drones carried out the strike"),
    ]


def test_a_quotation_never_closed_does_not_hide_the_next_report(claim_of):
    text = 'The army said: "The enemy lost 120 fighters near the river. It said 6 armoured vehicles were destroyed.'
    assert claim_of(text, "120").content.startswith("The enemy lost 120 fighters")
    later = claim_of(text, "6")
    assert later.source.text == "It"
    assert later.content == "6 armoured vehicles were destroyed"

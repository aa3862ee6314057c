"""Issue 11, recall: shapes of attribution that the claims component missed, one invented sentence each.

None of these sentences comes from a corpus; each has the shape of gold claims of the PolNeAR training split.
"""

from __future__ import annotations

from corroborator.records import Claim, PartyKind


def claims_with(nlp, text: str, cue: str) -> list[Claim]:
    return [c for c in nlp(text)._.claims if c.cue == cue]


def test_a_passive_expectation_is_an_unnamed_claim(nlp):
    [claim] = claims_with(nlp, "The harbour master is expected to reopen the eastern pier on Monday.", "expect")
    assert claim.source.kind == PartyKind.UNNAMED
    assert "reopen the eastern pier on Monday" in claim.content
    assert claims_with(nlp, "These patrols aim to deter smugglers along the coast.", "aim") == []


def test_a_poll_put_first_is_the_source_of_its_clause(nlp):
    [claim] = claims_with(nlp, "In a poll released on Tuesday, most residents backed the new ferry timetable.", "in")
    assert "poll" in (claim.source.text or "")
    assert claim.content.startswith("most residents backed the new ferry timetable")
    assert claims_with(nlp, "The mayor still leads comfortably in the latest surveys.", "in") == []


def test_a_noun_of_intent_with_its_infinitive_is_its_owners_claim(nlp):
    text = "Mayor Ana Ruiz's decision to close the coastal road angered the fishermen."
    [claim] = claims_with(nlp, text, "decision")
    assert "Ruiz" in (claim.source.name or "")
    assert claim.content == "to close the coastal road"
    assert claims_with(nlp, "The decision to close the coastal road angered the fishermen.", "decision") == []


def test_a_group_of_people_named_by_a_noun_holds_a_stance(nlp):
    # 'economists' is one of the speaker nouns mined from the training split's gold sources
    [claim] = claims_with(nlp, "Most economists believe the harbour will reopen before the spring.", "believe")
    assert "economists" in (claim.source.text or "")
    assert claim.content == "the harbour will reopen before the spring"


def test_an_adjective_of_stance_after_a_copula_is_its_subjects_claim(nlp):
    [sure] = claims_with(nlp, "Ana Ruiz is confident that the ferry will run again by June.", "confident")
    assert "Ruiz" in (sure.source.name or "")
    assert sure.content == "the ferry will run again by June"
    [critical] = claims_with(nlp, "The port workers remain critical of the new toll on the bridge.", "critical")
    assert critical.content == "the new toll on the bridge"
    assert claims_with(nlp, "The water was clear and cold that morning.", "make clear") == []


def test_an_as_clause_reports_the_clause_it_hangs_on(nlp):
    text = "As the port authority reported on Monday, two cranes were damaged in the storm."
    [claim] = claims_with(nlp, text, "report")
    assert "port authority" in (claim.source.text or "")
    assert claim.content == "two cranes were damaged in the storm"


def test_a_holder_of_a_stance_after_a_copula_is_its_subjects_claim(nlp):
    [claim] = claims_with(nlp, "Ana Ruiz has long been a vocal critic of the new toll on the bridge.", "critic")
    assert "Ruiz" in (claim.source.name or "")
    assert claim.content == "the new toll on the bridge"


def test_an_adjective_of_intent_with_its_infinitive_is_its_subjects_claim(nlp):
    [claim] = claims_with(nlp, "Mayor Ana Ruiz is eager to reopen the eastern pier before the summer.", "eager")
    assert "Ruiz" in (claim.source.name or "")
    assert claim.content == "to reopen the eastern pier before the summer"

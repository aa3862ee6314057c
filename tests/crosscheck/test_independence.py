"""Independent sources: copies, relays, wires, outlets and governments count once; different speakers twice."""

from __future__ import annotations

from corroborator.crosscheck import crosscheck

STORY = (
    "Officials in the capital said on Tuesday that the convoy crossed the river before dawn. "
    "The column of trucks was seen by farmers near the old grain elevator outside the town. "
    "A spokesman for the regional administration declined to say how many vehicles were involved. "
    "Residents described hearing engines for more than an hour after the first trucks passed. "
    "The ministry has promised an update once the count of the soldiers is confirmed by its staff."
)


def only_value(ledger):
    (variable,) = ledger.variables
    (value,) = variable.values
    return value


def test_a_relay_counts_as_its_original_speaker(build):
    agency = build.party("Harbour Intelligence Bureau", "harbour-intelligence-bureau", kind="organization")
    wire = build.party("Northgate Press", "northgate-press", kind="media")
    value = only_value(
        crosscheck(
            [
                build.document((agency, [build.figure(100, measure="killed", location=None)])),
                build.document((agency, [build.figure(100, measure="killed", location=None)]), via=[wire]),
            ]
        )
    )
    assert value.independent_sources == 1
    assert value.groups[0].via == ["northgate-press"]
    assert "relays resolved" in value.groups[0].to_dict()["why"]


def test_copies_of_one_story_count_once_even_with_a_sentence_added(build):
    copy = STORY + " Local radio repeated the figure in its evening bulletin."
    value = only_value(
        crosscheck(
            [
                build.document((None, [build.figure(40)]), text=STORY, outlet="Valley Times"),
                build.document((None, [build.figure(40)]), text=copy, outlet="Coast Herald"),
            ]
        )
    )
    assert value.independent_sources == 1
    assert "copies of one story" in value.groups[0].to_dict()["why"]


def test_unrelated_stories_from_two_outlets_count_twice(build):
    value = only_value(
        crosscheck(
            [
                build.document((None, [build.figure(40)]), outlet="Valley Times"),
                build.document((None, [build.figure(40)]), outlet="Coast Herald"),
            ]
        )
    )
    assert value.independent_sources == 2


def test_the_same_wire_credit_counts_once(build):
    first = "BERGEN, March 3 (Northgate) - Forty trucks crossed the river, a local official said, on a cold morning."
    second = "BERGEN (Northgate) — Army trucks were counted by residents at the crossing, which reopened yesterday."
    value = only_value(
        crosscheck(
            [
                build.document((None, [build.figure(40)]), text=first, outlet="Valley Times"),
                build.document((None, [build.figure(40)]), text=second, outlet="Coast Herald"),
            ]
        )
    )
    assert value.independent_sources == 1
    assert "same wire credit" in value.groups[0].to_dict()["why"]


def test_two_named_speakers_in_one_article_are_two_sources(build):
    ledger = crosscheck(
        [
            build.document(
                (build.party("Kim Ha-neul", kind="person"), [build.figure(40, text="40")]),
                (build.party("Ola Brennan", kind="person"), [build.figure(40, text="forty", location="kursk-oblast")]),
            )
        ]
    )
    assert only_value(ledger).independent_sources == 2


def test_one_government_speaks_once(build):
    minister = build.party("Antony Blinken", "antony-blinken")
    spokesperson = build.party(None, text="a State Department spokesperson")
    value = only_value(
        crosscheck(
            [build.document((minister, [build.figure(8000)])), build.document((spokesperson, [build.figure(8000)]))]
        )
    )
    assert value.independent_sources == 1
    assert "same government" in value.groups[0].to_dict()["why"]


def test_a_capital_that_speaks_is_its_government(build):
    """'Washington said': the United States' government, a party to a war the parties' data lists it in."""
    capital = build.party("Washington", "washington", "government")
    ledger = crosscheck([build.document((capital, [build.figure(40, measure="killed", subject="houthis")]))])
    assert ledger.speakers["washington"].party == "red-sea"


def test_a_forwarded_post_speaks_for_the_channel_it_came_from(build):
    ledger = crosscheck(
        [
            build.document((None, [build.figure(500)]), outlet="Channel One", relayed_from="Drone Watch"),
            build.document((None, [build.figure(500)]), outlet="Channel Two", relayed_from="Drone Watch"),
        ]
    )
    value = only_value(ledger)
    assert value.sources == ["drone-watch"]
    assert value.independent_sources == 1

"""Findings: each kind found where a careful reader finds it, and not where a careful reader rejects it."""

from __future__ import annotations

from corroborator.crosscheck import FindingKind, crosscheck
from corroborator.records import Reference


def kinds(ledger, kind: FindingKind) -> list[set[float]]:
    return [{r.value for r in f.reports} for f in ledger.findings if f.kind is kind]


def test_two_speakers_far_apart_on_one_variable_disagree(build, blinken, zelensky):
    ledger = crosscheck(
        [
            build.document((blinken, [build.figure(8000, qualifier="approximately", as_of="2024-10-31")])),
            build.document((zelensky, [build.figure(11000, as_of="2024-11-04")])),
        ]
    )
    assert kinds(ledger, FindingKind.DISAGREEMENT) == [{8000, 11000}]
    finding = next(f for f in ledger.findings if f.kind is FindingKind.DISAGREEMENT)
    assert finding.independent_sources == 2
    assert "8,000 (Antony Blinken, 31 Oct 2024)" in finding.explanation
    assert "11,000 (Volodymyr Zelensky, 4 Nov 2024)" in finding.explanation


def test_an_undated_count_disagrees_with_a_dated_level(build):
    anonymous = build.document((None, [build.figure(11000)]), published=None)
    dated = build.document(
        (build.party("Antony Blinken", "antony-blinken"), [build.figure(8000, qualifier="approximately")])
    )
    assert kinds(crosscheck([anonymous, dated]), FindingKind.DISAGREEMENT) == [{8000, 11000}]


def test_levels_months_apart_are_not_compared(build, blinken, zelensky):
    ledger = crosscheck(
        [
            build.document((blinken, [build.figure(8000, as_of="2024-10-31")])),
            build.document((zelensky, [build.figure(11000, as_of="2025-01-20")])),
        ]
    )
    assert kinds(ledger, FindingKind.DISAGREEMENT) == []


def test_different_measures_subjects_modalities_and_places_never_disagree(build, blinken, zelensky):
    ledger = crosscheck(
        [
            build.document(
                (
                    blinken,
                    [
                        build.figure(100, measure="killed", location=None, qualifier="at_least"),
                        build.figure(8000, location="kursk-oblast"),
                        build.figure(12000, measure="deployed", modality="planned", location="russia", parents=()),
                    ],
                )
            ),
            build.document(
                (
                    zelensky,
                    [
                        build.figure(1000, measure="wounded", location=None),
                        build.figure(10000, measure="deployed", location="russia", parents=()),
                        build.figure(3000, subject="russia", subject_text="Russian troops"),
                    ],
                )
            ),
        ]
    )
    assert kinds(ledger, FindingKind.DISAGREEMENT) == []


def test_a_toll_that_grew_is_not_a_disagreement_but_one_that_fell_is(build):
    first, second = build.party("Kim Ha-neul", kind="person"), build.party("Ola Brennan", kind="person")
    grew = crosscheck(
        [
            build.document((first, [build.figure(100, measure="killed", location=None, as_of="2024-12-01")])),
            build.document((second, [build.figure(300, measure="killed", location=None, as_of="2024-12-20")])),
        ]
    )
    assert kinds(grew, FindingKind.DISAGREEMENT) == []
    fell = crosscheck(
        [
            build.document((first, [build.figure(300, measure="killed", location=None, as_of="2024-12-01")])),
            build.document((second, [build.figure(100, measure="killed", location=None, as_of="2024-12-20")])),
        ]
    )
    assert kinds(fell, FindingKind.DISAGREEMENT) == [{100, 300}]


def test_a_toll_that_rose_through_one_day_is_not_a_disagreement(build):
    """Two sources the same day, 16 dead at noon and 27 in the evening: the times of day tell the rise."""
    first, second = build.party("Kim Ha-neul", kind="person"), build.party("Ola Brennan", kind="person")

    def toll(speaker, value: float, at: str | None):
        killed = build.figure(value, measure="killed", location=None)
        return build.document((speaker, [killed]), published="2024-12-01", published_at=at)

    rose = crosscheck([toll(first, 16, "2024-12-01T12:05:00+03:00"), toll(second, 27, "2024-12-01T19:40:00+03:00")])
    assert kinds(rose, FindingKind.DISAGREEMENT) == []
    fell = crosscheck([toll(first, 27, "2024-12-01T12:05:00+03:00"), toll(second, 16, "2024-12-01T19:40:00+03:00")])
    assert kinds(fell, FindingKind.DISAGREEMENT) == [{16, 27}]
    untimed = crosscheck([toll(first, 16, None), toll(second, 27, "2024-12-01T19:40:00+03:00")])
    assert kinds(untimed, FindingKind.DISAGREEMENT) == [{16, 27}]  # without both times, the day is all we know
    offsets = crosscheck([toll(first, 16, "2024-12-01T12:05:00+03:00"), toll(second, 27, "2024-12-01T08:00:00-05:00")])
    assert kinds(offsets, FindingKind.DISAGREEMENT) == []  # 08:00 at -05:00 is 16:00 at +03:00: later


def test_counts_of_different_nights_are_different_events(build):
    first, second = build.party("Kim Ha-neul", kind="person"), build.party("Ola Brennan", kind="person")

    def drones(value: float, day: str):
        return build.figure(value, measure="intercepted", unit="drones", subject="russia", location=None, as_of=day)

    other_night = crosscheck(
        [build.document((first, [drones(62, "2024-11-10")])), build.document((second, [drones(30, "2024-11-20")]))]
    )
    assert kinds(other_night, FindingKind.DISAGREEMENT) == []
    same_night = crosscheck(
        [build.document((first, [drones(62, "2024-11-10")])), build.document((second, [drones(30, "2024-11-10")]))]
    )
    assert kinds(same_night, FindingKind.DISAGREEMENT) == [{30, 62}]


def test_overlapping_values_from_independent_sources_agree(build):
    first, second = build.party("Kim Ha-neul", kind="person"), build.party("Ola Brennan", kind="person")
    ledger = crosscheck(
        [
            build.document((first, [build.figure(8000, qualifier="approximately")])),
            build.document((second, [build.figure(8200)])),
        ]
    )
    assert kinds(ledger, FindingKind.AGREEMENT) == [{8000, 8200}]
    assert kinds(ledger, FindingKind.DISAGREEMENT) == []


def test_one_speaker_repeated_is_not_agreement(build, blinken):
    ledger = crosscheck(
        [
            build.document(
                (blinken, [build.figure(8000, text="around 8,000", qualifier="approximately")]), outlet="Paper A"
            ),
            build.document(
                (blinken, [build.figure(8000, text="about 8,000", qualifier="approximately")]), outlet="Paper B"
            ),
            build.document(
                (blinken, [build.figure(8000, text="roughly 8,000", qualifier="approximately")]), outlet="Paper C"
            ),
        ]
    )
    assert kinds(ledger, FindingKind.AGREEMENT) == []
    (value,) = ledger.variables[0].values
    assert value.independent_sources == 1
    assert len(value.reports) == 3


def test_a_later_value_from_the_same_speaker_is_an_update(build):
    agency = build.party("Harbour Intelligence Bureau", "harbour-intelligence-bureau", kind="organization")
    ledger = crosscheck(
        [
            build.document(
                (agency, [build.figure(100, measure="killed", location=None, qualifier="at_least")]),
                published="2024-12-19",
            ),
            build.document(
                (agency, [build.figure(300, measure="killed", location=None, qualifier="approximately")]),
                published="2025-01-13",
            ),
        ]
    )
    assert kinds(ledger, FindingKind.UPDATE) == [{100, 300}]
    assert kinds(ledger, FindingKind.DISAGREEMENT) == []


def test_another_night_count_of_events_from_the_same_speaker_is_no_update(build):
    """Drones shot down on Monday night and on Friday night are two events, not a revised count."""
    command = build.party("Coastal Air Command", "coastal-air-command", kind="government")
    ledger = crosscheck(
        [
            build.document(
                (command, [build.figure(18, measure="intercepted", unit="drones", location=None)]),
                published="2024-09-16",
            ),
            build.document(
                (command, [build.figure(7, measure="intercepted", unit="drones", location=None)]),
                published="2024-09-20",
            ),
        ]
    )
    assert kinds(ledger, FindingKind.UPDATE) == []
    assert kinds(ledger, FindingKind.DISAGREEMENT) == []


def test_a_relay_that_changes_one_number_of_a_statement_is_a_misquote(build):
    force = build.party("Ukrainian Air Force", "ukraine-air-force", kind="government")

    def statement(shot_down: float, day: str):
        return [
            build.figure(145, measure="launched", unit="drones", subject="russia", location=None, as_of=day),
            build.figure(shot_down, measure="intercepted", unit="drones", subject="russia", location=None, as_of=day),
        ]

    ledger = crosscheck(
        [
            build.document((force, statement(62, "2024-11-10")), outlet="First Wire"),
            build.document((force, statement(62, "2024-11-10")), outlet="Second Channel"),
            build.document((force, statement(72, "2024-11-09")), outlet="Third Monitor"),
        ]
    )
    (misquote,) = [f for f in ledger.findings if f.kind is FindingKind.MISQUOTE]
    assert {r.value for r in misquote.reports} == {62, 72}
    assert misquote.reports[0].value == 62  # the number more documents give is the original
    assert "Third Monitor" in misquote.explanation


def test_a_misquote_between_two_single_documents_takes_the_earlier_timed_one_for_the_original(build):
    """One document each: the one stamped 11:05 that day said it first; the one with no time of day relayed."""
    command = build.party("Coastal Command", "coastal-command", kind="organization")

    def statement(shot_down: float):
        launched = build.figure(23, measure="launched", unit="drones", subject="russia", location=None)
        return [
            launched,
            build.figure(shot_down, measure="intercepted", unit="drones", subject="russia", location=None),
        ]

    untimed = build.document((command, statement(21)), published="2024-09-15", outlet="Evening Herald")
    timed = build.document(
        (command, statement(18)), published="2024-09-15", published_at="2024-09-15T11:05:00+00:00", outlet="Bulletin"
    )
    (misquote,) = [f for f in crosscheck([untimed, timed]).findings if f.kind is FindingKind.MISQUOTE]
    assert misquote.reports[0].value == 18 and "Evening Herald relayed it as 21" in misquote.explanation
    assert "(15 Sep 2024, 1 document)" in misquote.explanation


def test_a_region_above_its_country_is_a_part_exceeding_its_whole(build, blinken):
    anonymous = build.document(
        (None, [build.figure(11000, location="kursk-oblast", parents=("russia",))]), published=None
    )
    ledger = crosscheck(
        [
            anonymous,
            build.document(
                (
                    blinken,
                    [
                        build.figure(8000, qualifier="approximately"),
                        build.figure(
                            10000, measure="deployed", qualifier="approximately", location="russia", parents=()
                        ),
                    ],
                )
            ),
        ]
    )
    assert kinds(ledger, FindingKind.PART_EXCEEDS_WHOLE) == [{11000, 10000}]


def test_an_open_ended_whole_is_never_exceeded(build):
    source = build.party("Kim Ha-neul", kind="person")
    ledger = crosscheck(
        [
            build.document((source, [build.figure(11000)])),
            build.document(
                (
                    build.party("Ola Brennan", kind="person"),
                    [build.figure(10000, qualifier="at_least", location="russia", parents=())],
                )
            ),
        ]
    )
    assert kinds(ledger, FindingKind.PART_EXCEEDS_WHOLE) == []


def test_an_unplaced_figure_is_read_where_its_document_places_that_measure(build):
    """The other side's count, given without naming the place again, is of the same place; with two
    places in the document it stays unplaced."""
    us, rebels = build.party("Coastal Command", "coastal-command", "organization"), build.party("Rebel army", "rebels")

    def killed(value: float, location: str | None, qualifier: str = "exact"):
        return build.figure(value, measure="killed", subject="houthis", subject_text="Houthi fighters",
                            location=location, parents=("yemen",) if location else (), qualifier=qualifier)  # fmt: skip

    one_place = build.document((us, [killed(30, "sanaa", "at_least")]), (rebels, [killed(3, None)]))
    found = crosscheck([one_place])
    assert kinds(found, FindingKind.DISAGREEMENT) == [{3, 30}]
    assert {v.key.location for v in found.variables} == {"sanaa"}
    two_places = build.document(
        (us, [killed(30, "sanaa", "at_least"), killed(12, "hodeidah")]), (rebels, [killed(3, None)])
    )
    assert kinds(crosscheck([two_places]), FindingKind.DISAGREEMENT) == []


def test_a_possessive_makes_the_people_counted_the_speakers_own(build):
    """'three of its fighters', said by a group: the group's fighters, the same subject as 'Houthi fighters'."""
    text = "The coastal command said more than 30 Houthi fighters died. A spokesman said three of its fighters died."
    start = text.index("fighters died. A") + len("fighters died. A spokesman said three of its ")
    theirs = build.figure(
        3, measure="killed", subject=None, subject_text="fighters", location="sanaa", parents=("yemen",)
    )
    theirs.subject = Reference("fighters", span=(start, start + len("fighters")))
    ours = build.figure(30, measure="killed", subject="houthis", subject_text="Houthi fighters", location="sanaa",
                        parents=("yemen",), qualifier="at_least")  # fmt: skip
    command = build.party("Coastal Command", "coastal-command", "organization")
    document = build.document(
        (command, [ours]), (build.party("Houthis", "houthis", "organization"), [theirs]), text=text
    )
    assert kinds(crosscheck([document]), FindingKind.DISAGREEMENT) == [{3, 30}]


def test_a_whole_takes_no_place_from_its_part(build):
    """'72 drones shot down, 31 of them over the capital region': the 72 are not all over the capital."""
    total = build.figure(72, measure="intercepted", unit="drones", subject="russia", location=None)
    part = build.figure(31, measure="intercepted", unit="drones", subject="russia", location="moscow-oblast")
    document = build.document((build.party("Air Force", "ukraine-air-force", "government"), [total, part]))
    part.part_of = total.id
    placed = {r.value: v.key.location for v in crosscheck([document]).variables for x in v.values for r in x.reports}
    assert placed == {72: None, 31: "moscow-oblast"}


def test_generic_troops_are_the_one_country_a_document_counts(build, blinken, zelensky):
    """A story about one country's troops: another speaker's '8,000 troops in Kursk' are that country's too.
    Not for tolls: a carried-over subject there would make a false disagreement."""
    theirs = build.figure(11000, subject="north-korea", subject_text="North Korean soldiers")
    generic = build.figure(8000, subject=None, subject_text="troops", qualifier="approximately")
    document = build.document((zelensky, [theirs]), (blinken, [generic]))
    ledger = crosscheck([document])
    assert {v.key.subject for v in ledger.variables} == {"north-korea"}
    assert kinds(ledger, FindingKind.DISAGREEMENT) == [{8000, 11000}]
    dead = build.figure(16, measure="killed", subject=None, subject_text="fighters", location=None)
    toll = build.document((zelensky, [build.figure(30, measure="killed", location=None)]), (blinken, [dead]))
    assert {v.key.subject for v in crosscheck([toll]).variables} == {"north-korea", "fighter~antony-blinken"}

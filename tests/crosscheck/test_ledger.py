"""The ledger: speakers under one key, variables through the place hierarchy, grades, low / best / high."""

from __future__ import annotations

import json

from corroborator.crosscheck import Grade, crosscheck


def test_surnames_and_acronyms_join_their_full_names(build):
    ledger = crosscheck(
        [
            build.document((build.party("Petra Halvorsen"), [build.figure(40)])),
            build.document((build.party("Halvorsen"), [build.figure(40)])),
            build.document(
                (
                    build.party("National Intelligence Service", kind="organization"),
                    [build.figure(7, measure="killed", location=None)],
                )
            ),
            build.document(
                (build.party("NIS", kind="organization"), [build.figure(7, measure="killed", location=None)])
            ),
        ]
    )
    assert set(ledger.speakers) == {"petra-halvorsen", "national-intelligence-service"}
    assert ledger.speakers["petra-halvorsen"].names == {"Petra Halvorsen", "Halvorsen"}
    for variable in ledger.variables:
        assert variable.values[0].independent_sources == 1


def test_a_surname_shared_by_two_people_is_left_alone(build):
    ledger = crosscheck(
        [
            build.document((build.party("Petra Halvorsen"), [build.figure(40)])),
            build.document((build.party("Jonas Halvorsen"), [build.figure(40)])),
            build.document((build.party("Halvorsen"), [build.figure(40)])),
        ]
    )
    assert "halvorsen" in ledger.speakers


def test_a_city_named_like_its_region_is_read_as_the_region(build):
    ledger = crosscheck(
        [
            build.document(
                (
                    build.party("Kim Ha-neul", kind="person"),
                    [build.figure(40, location="kursk", parents=("kursk-oblast", "russia"))],
                )
            ),
            build.document((build.party("Ola Brennan", kind="person"), [build.figure(40, location="kursk-oblast")])),
        ]
    )
    (variable,) = ledger.variables
    assert variable.key.location == "kursk-oblast"


def test_an_enemy_party_on_losses_is_interested_and_its_own_losses_are_confirmed(build):
    kyiv = build.party("Ukraine's General Staff", "ukraine-general-staff", kind="government")
    moscow = build.party("Russian Ministry of Defence", "russia-ministry-of-defence", kind="government")
    ledger = crosscheck(
        [
            build.document((kyiv, [build.figure(3000, measure="casualties", qualifier="at_least")])),
            build.document(
                (moscow, [build.figure(12, measure="killed", subject="russia", subject_text="Russian soldiers")])
            ),
        ]
    )
    by_subject = {v.key.subject: v.values[0] for v in ledger.variables}
    assert by_subject["north-korea"].interested_party
    assert by_subject["russia"].grade is Grade.CONFIRMED
    assert not by_subject["russia"].interested_party


def test_grades_and_the_estimate(build):
    first, second, third = (build.party(n, kind="person") for n in ("Kim Ha-neul", "Ola Brennan", "Ines Moreau"))
    ledger = crosscheck(
        [
            build.document((first, [build.figure(8000, qualifier="approximately", as_of="2024-11-01")])),
            build.document((second, [build.figure(8000, qualifier="approximately", as_of="2024-11-02")])),
            build.document((third, [build.figure(11000, as_of="2024-11-03")])),
        ]
    )
    (variable,) = ledger.variables
    grades = {v.value: v.grade for v in variable.values}
    assert grades == {8000: Grade.CONTESTED, 11000: Grade.CONTESTED}
    assert (variable.low, variable.best, variable.high) == (8000, 8000, 11000)  # best: most independent support


def test_the_export_follows_the_contract(build, blinken):
    ledger = crosscheck(
        [build.document((blinken, [build.figure(8000, qualifier="approximately", as_of="2024-10-31")]))]
    )
    exported = json.loads(json.dumps(ledger.variables[0].to_dict()))
    assert exported["id"] == "north-korea|present|kursk-oblast|people|actual"
    assert (exported["low"], exported["best"], exported["high"]) == (8000, 8000, 8000)
    (value,) = exported["values"]
    assert value["value"] == 8000 and isinstance(value["value"], int)
    assert value["as_of"] == "2024-10-31"
    assert value["sources"] == ["antony-blinken"]
    assert value["independent_sources"] == 1
    assert value["grade"] == "weak"
    assert value["interested_party"] is False
    assert value["figures"][0]["figure"] == "f1"


def test_a_sides_own_civilians_are_no_admission(build):
    kyiv = build.party("Ukraine's General Staff", "ukraine-general-staff", kind="government")
    ledger = crosscheck(
        [
            build.document(
                (kyiv, [build.figure(9, measure="killed", subject="ukraine", subject_text="Ukrainian civilians")])
            )
        ]
    )
    (value,) = ledger.variables[0].values
    assert value.grade is Grade.WEAK and not value.interested_party

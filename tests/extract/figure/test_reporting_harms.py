"""What happened to whom: measures and subjects of tolls on more shapes of real reporting (issue 11).

Each test is a shape read in reports on Ethiopia, Burkina Faso and the Afghan-Pakistani border, reworded here
with other numbers, places and actors. The whole pipeline runs (``corroborator.extract``), as users run it.
"""

from __future__ import annotations

from corroborator import extract
from corroborator.records import Figure, Measure


def figures(text: str) -> dict[str, Figure]:
    return {f.text: f for f in extract(text).figures}


def subject(f: Figure) -> str | None:
    return f.subject.text if f.subject else None


def test_injuries_to_others_are_wounded_people():
    found = figures("The blast caused the deaths of nine traders and injuries to 14 others, a medic said.")
    assert found["nine"].measure is Measure.KILLED
    assert found["14"].measure is Measure.WOUNDED
    found = figures("A raid on the depot led to the death of a guard and injuries to three others.")
    assert found["three"].measure is Measure.WOUNDED
    assert subject(found["three"]) != "injuries"


def test_deaths_and_injuries_each_with_a_count_are_not_casualties():
    found = figures("Health workers recorded the deaths of 31 villagers and 52 injuries in Dessie last month.")
    assert found["31"].measure is Measure.KILLED
    assert found["52"].measure is Measure.WOUNDED


def test_killed_or_wounded_over_one_count_are_still_casualties():
    assert figures("The mortar fire killed or wounded 27 people.")["27"].measure is Measure.CASUALTIES


def test_people_confirmed_dead_are_killed():
    found = figures("Border guards returned fire, with over 12 militants confirmed dead and several others hurt.")
    assert found["over 12"].measure is Measure.KILLED


def test_a_toll_in_a_later_paragraph_is_nobodys_named_before():
    found = figures(
        "Four rebel fighters were killed near the dam, officials said.\n\n"
        "The monitor counted 38 clashes this year. These clashes have caused over 90 fatalities and at least "
        "55 injuries, the monitor said."
    )
    assert subject(found["Four"]) == "rebel fighters"
    assert subject(found["over 90"]) == "people"
    assert found["at least 55"].measure is Measure.WOUNDED


def test_a_source_named_by_according_to_is_not_whose_toll_it_is():
    found = figures(
        "Drones struck two districts on Sunday, according to local farmers.\n\n"
        "The attack caused six fatalities, while four others sustained injuries."
    )
    assert subject(found["six"]) == "people"
    assert found["four"].measure is Measure.WOUNDED
    assert subject(found["four"]) != "local farmers"


def test_a_part_of_the_wounded_is_of_people_not_of_their_injuries():
    found = figures("Nurses said 17 people suffered severe injuries and three of them died overnight.")
    assert found["three"].measure is Measure.KILLED
    assert subject(found["three"]) == "people"

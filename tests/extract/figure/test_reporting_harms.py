"""What happened to whom: measures and subjects of tolls on more shapes of real reporting (issue 11).

Each test is a shape read in reports on Ethiopia, Burkina Faso and the Afghan-Pakistani border, reworded here
with other numbers, places and actors. The whole pipeline runs (``corroborator.extract``), as users run it.
"""

from __future__ import annotations

import pytest

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


# -- where: towns the gazetteer lacks, and the scene a local witness sets ------------------------------------


def place(f: Figure) -> str | None:
    return f.location.text if f.location else None


def place_id(f: Figure) -> str | None:
    return f.location.entity if f.location else None


def test_a_town_the_gazetteer_lacks_is_a_place_by_its_noun_of_settlement():
    # the small model labels unknown towns and camps organisations; "the town of", "camp" say what they are
    assert place(figures("Medics in the town of Walda said at least 14 people had died.")["at least 14"]) == (
        "town of Walda"
    )
    assert place(figures("A drone strike on Gumer town killed 11 people.")["11"]) == "Gumer town"
    assert place(figures("Shells fell on the Deir Billa camp, killing six people.")["six"]) == "Deir Billa camp"


def test_a_strike_said_to_have_killed_is_placed_by_its_own_words():
    found = figures("Another strike in Kherson is said to have resulted in the deaths of 18 people.")
    assert place_id(found["18"]) == "kherson"


def test_local_witnesses_set_the_scene_but_officials_elsewhere_do_not():
    found = figures("Hospital staff in Bahir Dar said at least 21 people had died.")
    assert place_id(found["at least 21"]) == "bahir-dar"
    found = figures("Officials in Kyiv said Russia had lost 1,200 soldiers that week.")
    assert found["1,200"].location is None


def test_a_peoples_adjective_cut_off_by_the_parser_is_no_place():
    found = figures("At least eight people have been killed in the Indian shelling so far, the MLA said.")
    assert found["At least eight"].location is None


def test_a_name_run_into_the_bracket_that_abbreviates_it_stops_before_it():
    found = figures("Nine villagers were killed near the Line of Control (LoC) in Jammu and Kashmir.")
    assert place_id(found["Nine"]) == "line-of-control"
    names = [e.name for e in extract("Patrols along the Line of Control (LoC) were doubled.").entities]
    assert names and all("(" not in name for name in names)


def test_a_toll_put_as_high_as_a_number_is_its_upper_bound():
    found = figures("Local radio put the death toll as high as 44, including two teachers.")
    toll = found["as high as 44"]
    assert (toll.measure, toll.qualifier.value, toll.unit) == (Measure.KILLED, "at_most", "people")


def test_corpses_are_people_killed():
    # the small model lemmatises "corpses" as "corps"
    assert figures("Six corpses were recovered from the rubble.")["Six"].measure is Measure.KILLED


def test_people_moved_to_shelters_are_displaced_but_troops_moved_to_a_border_are_deployed():
    assert figures("Officials said 8,400 people had been moved to shelters.")["8,400"].measure is Measure.DISPLACED
    assert figures("About 900 troops were moved to the border.")["About 900"].measure is Measure.DEPLOYED
    # camps hold troops and detainees too; sheltering from a raid is no displacement
    assert figures("The army moved 300 troops to a camp near the border.")["300"].measure is Measure.DEPLOYED
    assert figures("About 2,000 people took shelter in metro stations during the raid.")["About 2,000"].measure not in (
        Measure.DISPLACED,
    )


def test_the_state_points_back_at_the_state_named_before():
    found = figures(
        "Gunmen raided two villages in Katsina State on Friday. Attacks in the state have displaced more than "
        "90,000 people this year, an official said."
    )
    assert place_id(found["more than 90,000"]) == "katsina-state"


def test_a_toll_that_may_be_as_high_as_a_number_is_that_toll():
    found = figures("Aid groups said the death toll may be as high as 95, with 40 others wounded.")
    toll = found["as high as 95"]
    assert (toll.measure, toll.unit, toll.modality.value) == (Measure.KILLED, "people", "possible")


def test_a_toll_that_includes_counts_by_place_counts_people_killed_there():
    found = figures("The monitor said the toll by province includes 412 in Idlib, 96 in Hama and 7 in Homs.")
    assert [(found[n].measure, found[n].unit, place_id(found[n])) for n in ("412", "96", "7")] == [
        (Measure.KILLED, "people", "idlib"),
        (Measure.KILLED, "people", "hamah"),
        (Measure.KILLED, "people", "homs"),
    ]


def test_the_parts_of_a_toll_brought_to_a_number_are_killed_not_brought():
    found = figures(
        "The monitor said 290 civilians were killed, bringing the overall death toll to 507 people, including 188 "
        "security personnel and militants."
    )
    assert found["188"].measure is Measure.KILLED


def test_where_people_were_sent_is_not_where_the_next_paragraph_happened():
    found = figures(
        "The raids have driven at least 6,000 Druze to the district of Hasbaya in southern Lebanon.\n\n"
        "At least 48 gunmen were killed in the ensuing fighting, according to an official toll."
    )
    assert found["at least 6,000"].unit == "people"
    assert found["At least 48"].location is None


def test_a_religious_community_counts_people():
    assert figures("Some 400 Alawites fled to the hills overnight.")["Some 400"].unit == "people"


def test_others_after_a_count_of_the_dead_are_people_not_bodies():
    found = figures("Rescuers pulled 11 bodies from the debris, and at least four others were hurt.")
    assert subject(found["at least four"]) == "people"
    found = figures("Six villagers were killed, with some bodies burned beyond recognition, while 9 others were hurt.")
    assert subject(found["9"]) == "people"
    found = figures("Troops killed 30 militants and five others were captured.")
    assert subject(found["five"]) == "militants"  # others of a kind named for what they are stay of that kind


# -- displacement as agencies count it ---------------------------------------------------------------------


def test_refugees_who_arrived_somewhere_are_displaced_there():
    found = figures("Nearly 48,000 Sudanese refugees have arrived in eastern Chad since May, the agency said.")
    assert (found["Nearly 48,000"].measure, place_id(found["Nearly 48,000"])) == (Measure.DISPLACED, "chad")
    assert figures("Some 3,000 troops arrived in the town.")["Some 3,000"].measure is Measure.PRESENT


def test_people_who_sought_refuge_are_displaced_and_did_not_plan_to():
    found = figures("About 9,000 people, mostly women and children, sought refuge in the hills last week.")
    assert (found["About 9,000"].measure, found["About 9,000"].modality.value) == (Measure.DISPLACED, "actual")
    assert figures("Moscow seeks to send 3,000 more troops.")["3,000"].modality.value == "planned"


def test_idps_are_displaced_people():
    found = figures("As of March, the matrix identified 412,600 IDPs in Ninewa.")
    assert (found["412,600"].unit, found["412,600"].measure) == ("people", Measure.DISPLACED)


def test_members_are_counted_with_the_body_they_belong_to():
    found = figures("Four members of the Ansar militia and a shepherd were among the casualties.")
    assert subject(found["Four"]) == "members of the Ansar militia"
    assert subject(figures("Six soldiers of the 2nd brigade were wounded.")["Six"]) == "soldiers of the 2nd brigade"
    assert subject(figures("Nine members were killed.")["Nine"]) == "members"


def test_a_forecast_with_an_object_keeps_its_modality():
    assert figures("The UN expects 200,000 new refugees in Chad by June.")["200,000"].modality.value == "possible"


def test_a_harm_before_to_labels_only_people():
    assert (
        figures("Ambulances carried the casualties to 3 hospitals in the city.")["3"].measure is not Measure.CASUALTIES
    )


# -- third round: Gaza tolls ------------------------------------------------------------------------------------


def test_what_did_the_harm_is_not_harmed():
    found = figures("Dozens of air raids across the district injured another 300 people.")
    assert (found["Dozens"].measure, found["300"].measure) == ("other", "wounded")


def test_hostages_taken_in_a_with_clause_are_captured_not_killed():
    found = figures("The assault killed 900 people, with 140 hostages abducted into the tunnels.")
    assert (found["900"].measure, found["140"].measure) == ("killed", "captured")


@pytest.mark.parametrize(
    "text",
    [
        "The shelling raised to 75 the number of medics killed in Rafah.",
        "The shelling brought the number of medics killed in Rafah this month to 75.",
    ],
)
def test_a_raised_count_of_people_killed_counts_them_where_they_died(text):
    (f,) = figures(text).values()
    assert (f.measure, subject(f), place(f)) == ("killed", "medics", "Rafah")


def test_others_after_a_toll_that_names_no_one_are_people():
    text = (
        "Raids overnight killed more than a dozen people, mostly women and children, according to medics.\n"
        "The death toll has climbed to 4,120, with 9,300 others wounded since the war began."
    )
    found = figures(text)
    assert found["9,300"].subject is not None and found["9,300"].subject.text == "people"


def test_targeted_is_an_act_not_a_plan():
    assert figures("The army targeted 41 schools last year.")["41"].modality == "actual"


# -- third round: UN displacement and rescue reports -------------------------------------------------------------


def test_people_who_had_to_flee_are_displaced():
    found = figures("Some 3.4 million people have had to leave their homes since the offensive began.")
    assert found["Some 3.4 million"].measure is Measure.DISPLACED


def test_people_a_harm_sent_away_are_displaced_and_troops_sent_are_deployed():
    found = figures("Fighting has sent 48,000 villagers into Chad. The army sent 900 troops to the border.")
    assert (found["48,000"].measure, found["900"].measure) == (Measure.DISPLACED, Measure.DEPLOYED)


def test_people_taken_to_hospital_are_not_deployed():
    found = figures("Rescuers said 14 people were taken to the hospital in the city of Tartus.")
    assert found["14"].measure is not Measure.DEPLOYED
    assert place_id(found["14"]) == "tartus"


def test_a_place_named_with_a_clause_is_the_name_without_it():
    text = "The war in Mali, which has uprooted nearly 3 million people since June, is but the latest in a long list of crises."
    found = figures(text)
    assert place(found["nearly 3 million"]) == "Mali"


# -- third round: North Korean troops -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "measure"),
    [
        ("Total losses could be over 4,000, the lawmaker said.", "over 4,000", Measure.CASUALTIES),
        ("Russian casualties are now more than 700,000, Kyiv said.", "more than 700,000", Measure.CASUALTIES),
    ],
)
def test_losses_that_are_a_number_count_people(text, number, measure):
    found = figures(text)
    assert (found[number].unit, found[number].measure) == ("people", measure)


def test_details_about_two_soldiers_are_no_estimate():
    found = figures("Kyiv released new details about two captured soldiers on Monday.")
    assert found["two"].qualifier == "exact"


def test_a_toll_takes_no_place_from_a_speaker_in_the_paragraph_before():
    text = (
        "Up to 200 soldiers are said to have died in the fighting in Kursk, as word came from an envoy in Japan. "
        "The envoy spoke after a briefing that suggested nearly 900 soldiers were wounded."
    )
    found = figures(text)
    assert place_id(found["nearly 900"]) != "japan"


def test_a_passive_the_parser_split_from_its_subject_says_what_happened():
    text = "The city's mayor said late on Friday that three drones headed for the capital had been repelled."
    assert figures(text)["three"].measure is Measure.INTERCEPTED


def test_drones_that_targeted_a_town_were_launched():
    assert figures("An officer said 22 drones targeted Kosti overnight.")["22"].measure is Measure.LAUNCHED


def test_soldiers_who_died_fighting_are_killed():
    # the parser makes "fighting" the object of "died": no victim, so the soldiers did not do the harm
    assert (
        figures("At least 60 conscripts have died fighting for the junta, officials said.")["At least 60"].measure
        is Measure.KILLED
    )


# -- third round: Zaporizhzhia and Kharkiv governors --------------------------------------------------------------


def test_a_state_right_after_the_counted_noun_says_what_happened():
    found = figures("The occupation official reports 19 civilians dead and 40 wounded.")
    assert (found["19"].measure, found["40"].measure) == (Measure.KILLED, Measure.WOUNDED)


@pytest.mark.parametrize(
    ("text", "part", "measure"),
    [
        ("We know of nine injured people so far, four of them are children.", "four", Measure.WOUNDED),
        ("Six marines were captured, two of them are officers.", "two", Measure.CAPTURED),
    ],
)
def test_a_part_of_them_shares_what_happened_to_the_whole(text, part, measure):
    assert figures(text)[part].measure is measure


# -- third round: eastern Congo ----------------------------------------------------------------------------------


def test_shells_that_landed_injuring_people_did_the_harm():
    found = figures("Four shells landed near the camp on Monday, injuring at least seven people.")
    assert found["Four"].measure is not Measure.WOUNDED and found["at least seven"].measure is Measure.WOUNDED


def test_the_value_of_an_earlier_toll_counts_people_killed():
    text = (
        "Twenty people were killed and 41 wounded on Sunday when at least four rockets fell on a market, the agency "
        "said, revising an earlier death toll of 9."
    )
    f = figures(text)["9"]
    assert (f.unit, subject(f), f.measure) == ("people", "people", Measure.KILLED)


# -- third round: aid sites in Gaza -------------------------------------------------------------------------------


def test_the_second_of_two_tolls_joined_by_and_shares_the_first_ones_place():
    found = figures("By noon, 41 people had been killed in Gaza and at least 130 people had been injured.")
    assert place_id(found["at least 130"]) == "gaza-strip"


# -- third round: Rakhine ----------------------------------------------------------------------------------------


def test_the_harm_that_names_the_counted_beats_the_whole_they_were_among():
    found = figures("The 19 villagers killed were among nearly 2,000 who fled from the township after the raids began.")
    assert (found["19"].measure, found["nearly 2,000"].measure) == (Measure.KILLED, Measure.DISPLACED)


# -- what the later rules must not do (a second reader's sentences, reworded) ------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "measure"),
    [
        ("Six gunmen stormed the mosque in Ituri and killed 9 worshippers.", "Six", Measure.OTHER),
        ("Kyiv says it has suffered 90,000 soldiers killed or wounded.", "90,000", Measure.CASUALTIES),
        ("Russian drones hit 4 apartment blocks in Kharkiv overnight.", "4", Measure.OTHER),
        ("Some 12 people were treated for malnutrition at the clinic.", "Some 12", Measure.OTHER),
        ("Medics evacuated 20 who were not injured from the building.", "20", Measure.OTHER),
    ],
)
def test_what_the_later_rules_leave_alone(text, number, measure):
    assert figures(text)[number].measure is measure


def test_a_part_with_a_verb_of_its_own_keeps_it():
    found = figures("The army says 50 soldiers went missing near Toretsk, 20 of them later returned to their unit.")
    assert found["20"].measure is not Measure.MISSING


def test_a_village_named_in_the_clause_stays_its_place():
    found = figures("Russian shelling killed 3 people in Zaritskove near Kupiansk.")
    assert place(found["3"]) == "Zaritskove"


def test_local_fighting_keeps_the_place_of_the_clashes_before_it():
    text = "Heavy clashes erupted in Kadugli on Friday. The fighting has killed at least 20 people."
    assert place_id(figures(text)["at least 20"]) == "kadugli"

"""Figure attributes on the shapes of real reporting (issue 11, error classes 1-5), in sentences written here.

Each test is one shape seen in wire copy, regional outlets and ministry statements, reworded with other
numbers, places and actors. The model, the entity linker and the figures component are loaded once;
claims are set by hand where a test needs one.
"""

from __future__ import annotations

import pytest

from corroborator.analyze import entities
from corroborator.extract import figures as figures_module
from corroborator.extract import make_doc
from corroborator.records import Certainty, Claim, Figure, Party, Reference

#: Importing the modules registers the factories.
COMPONENTS = (entities.make_entities, figures_module.make_figures)


@pytest.fixture(scope="module")
def nlp(pipelines):
    """The model, the entity linker and the figures component (claims are set by hand where needed)."""
    return pipelines("corroborator_entities", "corroborator_figures")


def read(nlp, text: str, published: str | None = "2025-09-16", claims: list[Claim] | None = None) -> list[Figure]:
    doc = make_doc(nlp, text, published)
    with nlp.select_pipes(disable=["corroborator_figures"]):
        doc = nlp(doc)
    doc._.claims = claims or []
    return nlp.get_pipe("corroborator_figures")(doc)._.figures


def by_text(found: list[Figure]) -> dict[str, Figure]:
    return {f.text: f for f in found}


def one(nlp, text: str, **kwargs) -> Figure:
    found = read(nlp, text, **kwargs)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def place(f: Figure) -> str | None:
    return f.location.text if f.location else None


def subject(f: Figure) -> Reference:
    assert f.subject is not None, f.text
    return f.subject


def location(f: Figure) -> Reference:
    assert f.location is not None, f.text
    return f.location


def claim(text: str, source: str, content: str, cue: str) -> Claim:
    start, at = text.index(content), text.index(cue)
    span, cue_span = (start, start + len(content)), (at, at + len(cue))
    return Claim("c1", Party(source), cue, Certainty.ASSERTED, content, span, cue_span=cue_span)


# -- 1. the place in the same clause ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Artillery fire in the Kharkiv region killed four civilians overnight.", "Kharkiv region"),
        ("Shelling in the Zaporizhzhia region wounded nine people on Friday.", "Zaporizhzhia region"),
        ("Air raids on Sudan have resulted in at least 85 fatalities this month.", "Sudan"),
    ],
)
def test_an_attack_that_is_the_subject_places_what_it_did(nlp, text, where):
    assert place(one(nlp, text)) == where


def test_coordinated_figures_share_the_place_after_them(nlp):
    found = by_text(read(nlp, "Officials said 21 people had been killed and 37 wounded across Lebanon."))
    assert place(found["21"]) == place(found["37"]) == "Lebanon"


def test_each_clause_keeps_its_own_place(nlp):
    text = "Nine people were killed in Sumy, 14 were wounded in Poltava and three went missing in Chernihiv."
    found = by_text(read(nlp, text))
    assert [place(found[n]) for n in ("Nine", "14", "three")] == ["Sumy", "Poltava", "Chernihiv"]


def test_drones_downed_over_several_regions_are_placed_over_all_of_them(nlp):
    f = one(nlp, "Air defences downed 33 drones over the Bryansk, Kursk and Belgorod regions.")
    assert location(f).entity == "russia"


def test_a_distance_off_a_coast_places_the_event(nlp):
    f = one(nlp, "The freighter was struck about 60 nautical miles off the coast of Aden.")
    assert (f.unit, f.measure) == ("nautical miles", "distance")
    assert "Aden" in location(f).text


def test_a_distance_from_a_point_places_nothing(nlp):
    assert one(nlp, "Kazan lies about 720 km from Moscow.").location is None


def test_a_prepositional_idiom_is_not_a_place(nlp):
    found = read(nlp, "The volunteers fought on the side of Russia, and 15 of them were killed.")
    assert place(by_text(found)["15"]) is None


@pytest.mark.parametrize(
    "text",
    [
        "The militia launched 40 drones in retaliation for the attack on Kazan.",
        "In response to strikes on Hodeidah, the Houthis fired 12 missiles.",
        "In the wake of the Kursk incursion, 5,000 troops were moved.",
        "The rebels fired 15 rockets in solidarity with Gaza.",
    ],
)
def test_a_motive_is_not_a_place(nlp, text):
    assert one(nlp, text).location is None


def test_the_place_where_it_happened_beats_the_place_they_were_sent(nlp):
    f = one(nlp, "About 120 Iranian advisers deployed in Syria were killed in Homs province.")
    assert (f.measure, place(f)) == ("killed", "Homs province")


def test_a_clause_without_a_place_takes_its_sentences(nlp):
    text = "Residents of Kramatorsk heard blasts at dawn, and the mayor said three men were wounded."
    f = by_text(read(nlp, text))["three"]
    assert place(f) == "Kramatorsk" and f.measure == "wounded"


def test_a_scene_set_before_the_speaker_is_the_figures_place(nlp):
    text = "In Deir al-Balah, a strike on a tent camp killed 8 people, medics said. Another 14 were wounded."
    found = read(nlp, text)
    assert [(f.measure, place(f)) for f in found] == [("killed", "Deir al-Balah"), ("wounded", "Deir al-Balah")]


def test_a_speakers_place_is_not_the_figures(nlp):
    assert place(one(nlp, "Poland's army said in Warsaw that nine drones were shot down.")) is None


def test_an_officials_jurisdiction_is_the_figures_place(nlp):
    assert place(one(nlp, "The governor of Sumy said nine people were killed.")) == "Sumy"


def test_another_figures_place_is_not_handed_to_a_figure_with_its_own_words(nlp):
    text = "Air defences destroyed 61 drones overnight, 22 of them over the Tula region."
    found = by_text(read(nlp, text))
    assert (place(found["61"]), place(found["22"])) == (None, "Tula region")


def test_the_place_of_an_attack_named_with_of(nlp):
    f = one(nlp, "The bombardment of Omdurman has led to at least 230 deaths since May.")
    assert (f.measure, place(f)) == ("killed", "Omdurman")


def test_where_stands_for_the_place_before_it(nlp):
    text = "Mortar rounds landed in Naqoura, where four peacekeepers were wounded."
    f = one(nlp, text)
    assert (f.unit, f.measure, place(f)) == ("people", "wounded", "Naqoura")


def test_the_place_of_a_when_clause_subject(nlp):
    f = one(nlp, "At least 25 worshippers died when a mosque in El Obeid was hit.")
    assert (f.unit, place(f)) == ("people", "El Obeid")


def test_a_compass_bearing_off_a_port_places_a_ship(nlp):
    f = one(nlp, "A bulk carrier was attacked 60 nautical miles southeast of Aden.")
    assert (f.measure, place(f)) == ("distance", "Aden")


@pytest.mark.parametrize(
    "text",
    [
        "The monitor logged an incident 70NM west of Hodeidah.",
        "A tanker was struck 40 nautical miles (74 km) northwest of Yemen's Mokha.",
    ],
)
def test_a_bearing_after_a_glued_unit_or_an_aside_places_a_ship(nlp, text):
    f = read(nlp, text)[0]
    assert (f.unit, f.measure) == ("nautical miles", "distance")
    assert location(f).entity in ("hodeidah", "mokha")


def test_a_strike_on_a_place_places_those_its_participle_killed(nlp):
    text = "Paramilitary gunners shelled Babanusa in Sudan on Monday, killing 9 people and wounding 17."
    found = read(nlp, text)
    assert [(f.measure, place(f)) for f in found] == [("killed", "Babanusa"), ("wounded", "Babanusa")]


def test_a_strike_on_a_place_does_not_place_the_drones_it_launched(nlp):
    f = one(nlp, "The militia attacked Israel with 12 drones, and the army said none got through.")
    assert f.measure == "launched" and place(f) == "Israel"


@pytest.mark.parametrize(
    "text", ["Kazan lies about 720 km east of Moscow.", "The drones hit a city some 300 km north of Tehran."]
)
def test_a_compass_bearing_between_places_places_nothing(nlp, text):
    assert one(nlp, text).location is None


@pytest.mark.parametrize(
    "text",
    [
        "A shelter in Sittwe came under fire on Friday. Nine people died and 22 were hurt, medics said.",
        "In Kharkiv, a guided bomb hit an apartment block. Nine residents were killed and 22 were hurt.",
    ],
)
def test_a_sentence_without_a_place_takes_the_place_of_the_attack_before_it(nlp, text):
    found = read(nlp, text)
    assert [place(f) for f in found] == [place(found[0])] * 2 and place(found[0]) in ("Sittwe", "Kharkiv")


def test_every_figure_at_a_citys_camp_hospital_and_school_is_in_the_city(nlp):
    text = (
        "In Kadugli, shells hit the main camp, a hospital and a school. "
        "Eight people were killed at the camp, four at the hospital and two at the school."
    )
    found = read(nlp, text)
    assert [location(f).entity for f in found] == ["kadugli"] * 3


def test_the_country_is_the_country_of_the_last_place_named(nlp):
    text = "Air strikes hit a village in Myanmar's Magway region. Some 40,000 people have fled across the country."
    f = read(nlp, text)[-1]
    assert (f.measure, location(f).entity) == ("displaced", "myanmar")


def test_a_named_facility_is_not_pointed_back_at(nlp):
    text = "Shells hit Kadugli on Monday. Four nurses were killed at the Al-Shifa hospital, the hospital said."
    assert location(one(nlp, text)).entity is None


def test_the_attack_before_places_a_possessed_district(nlp):
    text = "Jets struck Beirut's southern suburbs on Sunday. The health ministry said 12 people were killed."
    assert place(one(nlp, text)) == "Beirut's southern suburbs"


def test_the_attack_before_does_not_place_drones_launched_at_the_country(nlp):
    text = "Israeli jets pounded Beirut's southern suburbs on Sunday. Hezbollah said it launched 40 drones in reply."
    assert place(one(nlp, text)) is None


def test_a_place_in_another_paragraph_is_not_handed_on(nlp):
    assert (
        place(one(nlp, "Artillery pounded Sittwe overnight.\n\nThe rebels said they had captured 150 soldiers."))
        is None
    )


def test_a_place_named_for_a_deployment_is_not_where_a_later_count_happened(nlp):
    text = "Russian instructors are deployed in Mali. At least 50 instructors have been killed in the war."
    assert place(one(nlp, text)) is None


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Rockets struck Tyre on Sunday, killing six people.", "tyre"),  # Tyre: a person's name to the small model
        ("Artillery pounded Kherson overnight, killing two residents.", "kherson"),
        ("Gunmen stormed El Fasher at dawn, killing 30 civilians.", "el-fasher"),
        ("Drones hit Odesa overnight and injured five people.", "odesa"),
        ("Russia attacked Kyiv overnight with drones, wounding 12 people.", "kyiv"),  # "Kyiv overnight": a TIME
    ],
)
def test_the_town_struck_places_those_the_strike_killed(nlp, text, where):
    assert location(one(nlp, text)).entity == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("At least 23 people were killed when shelling hit the Salif grain terminal.", "salif"),
        ("Nine people died when a missile struck the Odesa seaport on Friday.", "odesa"),
        ("Twelve civilians were killed when drones struck Kherson.", "kherson"),
        ("Six guards were wounded as shells hit the market in Nabatieh, medics said.", "nabatieh"),
    ],
)
def test_the_place_a_when_clauses_strike_hit(nlp, text, where):
    f = one(nlp, text)
    assert location(f).entity == where and f.measure in ("killed", "wounded")


def test_a_when_clauses_object_that_was_not_struck_is_not_the_place(nlp):
    assert one(nlp, "Six soldiers were killed when their unit left Kherson.").location is None


def test_the_place_inside_the_counting_bodys_name(nlp):
    f = one(nlp, "The health ministry in Gaza said 37 people were killed overnight.")
    assert (f.measure, location(f).entity) == ("killed", "gaza-strip")


# -- 2. the measure from the right word ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Some 70 guards stationed at the depot were killed.", "killed"),
        ("The flood claimed 45 lives in the valley.", "killed"),
        ("The fighting has cost 230 lives since June.", "killed"),
        ("Hospitals in the city recorded 310 injuries.", "wounded"),
        ("The clashes left 64 wounded and dead.", "casualties"),
        ("Armed men abducted 38 pupils from a school.", "captured"),
        ("About 18,000 villagers were forced from their homes.", "displaced"),
        ("More than 9,000 residents have fled the district.", "displaced"),
        ("Gunners destroyed 27 drones before dawn.", "intercepted"),
        ("Officials counted 52 fatalities.", "killed"),
        ("Around 80 villagers lost their lives in the raids.", "killed"),
        ("Some 45 conscripts suffered injuries in the blast.", "wounded"),
        ("More than 2,000 people reached the camp at Adre this week.", "displaced"),
        ("About 3,500 women arrived at the border crossing overnight.", "displaced"),
        ("Soldiers detained 25 men at the checkpoint.", "captured"),
    ],
)
def test_measures_of_real_reporting(nlp, text, measure):
    f = one(nlp, text)
    assert (f.measure, f.unit) == (measure, "people" if measure not in ("intercepted",) else "drones")


@pytest.mark.parametrize(
    ("text", "number", "measure"),
    [
        ("Among the dead were 11 medics.", "11", "killed"),
        ("Of the 95 people who have died, 40 were women.", "40", "killed"),
        ("Nearly 7,000 people reached the border after fleeing the shelling.", "Nearly 7,000", "displaced"),
    ],
)
def test_a_figure_takes_the_measure_of_the_whole_or_the_clause_it_shares(nlp, text, number, measure):
    assert by_text(read(nlp, text))[number].measure == measure


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The number of dead in Rafah rose to 76.", "killed"),
        ("The number of people killed has reached 1,200.", "killed"),
        ("Officials put the number of people wounded at 340.", "wounded"),
        ("The number of displaced people has risen to 400,000.", "displaced"),
    ],
)
def test_the_number_of_takes_the_measure_of_what_it_counts(nlp, text, measure):
    f = one(nlp, text)
    assert (f.measure, f.unit) == (measure, "people")


def test_a_lost_armys_personnel_are_its_own(nlp):
    f = one(nlp, "The Sudanese army lost 900 personnel in the battle for Wad Madani.")
    assert (f.measure, f.unit, place(f)) == ("casualties", "people", "Wad Madani")
    assert subject(f).entity is not None


def test_a_lost_tank_is_destroyed_not_a_death(nlp):
    f = one(nlp, "The brigade lost 40 tanks near Avdiivka.")
    assert (f.measure, f.unit) == ("destroyed", "tanks")


def test_the_verb_before_the_number_when_the_parse_hands_it_to_the_speakers(nlp):
    text = (
        "Junta air strikes on a village in Myanmar's Magway region killed at least 29 people, "
        "including 9 children, residents and a rebel group said on Friday."
    )
    found = read(nlp, text)
    assert [f.measure for f in found] == ["killed", "killed"]


def test_part_of_which_were_shot_down_is_intercepted(nlp):
    found = by_text(read(nlp, "The rebels launched 36 drones, 29 of which were shot down."))
    assert found["29"].measure == "intercepted" and found["29"].part_of == found["36"].id


@pytest.mark.parametrize(
    "text",
    [
        "27 of the rockets and all of the drones were intercepted, the army said.",
        "14 of the drones and all of the missiles were shot down, the agency reports.",
    ],
)
def test_a_verb_the_parser_hangs_on_the_number_as_a_conjunct_gives_its_measure(nlp, text):
    f = read(nlp, text)[0]
    assert f.measure == "intercepted" and f.value in (27, 14)


def test_the_toll_passing_a_number_is_killed(nlp):
    f = one(nlp, "The death toll passed 410 on Monday.")
    assert (f.measure, f.unit, f.qualifier) == ("killed", "people", "at_least")


# -- 3. the subject: whose, not what happened -----------------------------------------------------------


def test_a_measure_noun_is_not_the_subject(nlp):
    f = one(nlp, "The health ministry recorded at least 75 deaths on Sunday.")
    assert subject(f).text == "people"


def test_a_toll_with_no_one_named_counts_people(nlp):
    f = one(nlp, "The death toll has risen to 33.")
    assert (subject(f).text, f.unit, f.measure) == ("people", "people", "killed")


def test_whose_deaths_from_the_figure_before(nlp):
    text = "Air strikes killed 40 Sudanese soldiers on Monday. The army said the toll had passed 90."
    found = by_text(read(nlp, text))
    assert subject(found["passed 90"]).text == "Sudanese soldiers"


def test_whose_deaths_from_an_of_phrase(nlp):
    f = one(nlp, "Deaths among aid workers rose to 31.")
    assert subject(f).text == "aid workers" and f.measure == "killed"


def test_a_number_that_is_children_keeps_children(nlp):
    found = by_text(read(nlp, "Of the 80 victims, 26 are children."))
    assert subject(found["26"]).text == "children"


def test_a_copulas_part_is_part_of_the_whole_before_it(nlp):
    found = by_text(read(nlp, "Of the 140 people who died in the raid, 30 were women."))
    assert (found["30"].part_of, found["30"].measure, subject(found["30"]).text) == (found["140"].id, "killed", "women")


def test_a_sender_owns_the_troops_it_sends(nlp):
    f = one(nlp, "Iran has sent 2,500 troops to Iraq.")
    assert subject(f).entity == "iran" and f.measure == "deployed"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Hezbollah said 12 of its fighters had died in the clashes.", "hezbollah"),
        ("The Houthis announced that 14 of their fighters were killed in the raids.", "houthis"),
    ],
)
def test_a_speakers_own_losses_are_its_own(nlp, text, owner):
    assert subject(one(nlp, text)).entity == owner


def test_a_capital_that_sends_troops_stands_for_its_country(nlp):
    f = one(nlp, "Pyongyang has sent about 11,000 troops to Russia.")
    assert (subject(f).entity, f.measure) == ("north-korea", "deployed")


def test_one_family_describes_the_members_it_counts(nlp):
    f = one(nlp, "Drone fire killed 5 members of one family in Khan Younis.")
    assert (f.text, f.unit, f.measure, place(f)) == ("5", "people", "killed", "Khan Younis")


def test_one_way_is_not_a_number(nlp):
    f = one(nlp, "The navy intercepted 17 one-way attack drones.")
    assert subject(f).text == "one-way attack drones" and f.unit == "drones"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Gunners shot down 12 unmanned aerial vehicles.", "drones"),
        ("Gunners shot down 12 unmanned aircraft.", "drones"),
        ("The quake claimed 12 lives.", "people"),
        ("Doctors treated 12 injuries.", "people"),
        ("The ambush killed 12 peacekeepers.", "people"),
        ("The ambush killed 12 tribesmen.", "people"),
        ("Police dispersed 12 protesters.", "people"),
    ],
)
def test_units_follow_the_noun(nlp, text, unit):
    assert one(nlp, text).unit == unit


# -- 4. the claim that carries a figure ------------------------------------------------------------------


def test_a_trailing_according_to_carries_every_figure_of_its_sentence(nlp):
    text = "Eight people were killed in Dnipro, 19 were wounded in Odesa and two went missing, according to officials."
    found = read(nlp, text, claims=[claim(text, "officials", "two went missing", "according to")])
    assert [f.claim for f in found] == ["c1", "c1", "c1"]


def test_this_was_stated_by_carries_the_sentence_before(nlp):
    text = "Fourteen people were killed and 33 wounded in the raids. This was stated by the regional governor."
    found = read(nlp, text, claims=[claim(text, "the regional governor", "This", "stated")])
    assert [f.claim for f in found] == ["c1", "c1"]


def test_an_attribution_ending_in_a_colon_carries_its_list(nlp):
    text = "The ministry released these figures:\n- 23 killed\n- 51 wounded\n- 6 missing"
    found = read(nlp, text, claims=[claim(text, "The ministry", "these figures", "released")])
    assert [f.claim for f in found] == ["c1", "c1", "c1"]


def test_a_claim_after_another_clause_does_not_carry_it(nlp):
    text = "Russia launched 65 drones overnight, and Ukraine said it downed 48."
    found = by_text(read(nlp, text, claims=[claim(text, "Ukraine", "it downed 48", "said")]))
    assert (found["65"].claim, found["48"].claim) == (None, "c1")


# -- 5. not figures ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Some of the casualties were as young as five.",
        "It was one of the deadliest days of the year.",
        "A child of four was wounded.",
        "A boy of 15 was among those detained.",
        "The girl, who was eight, died in hospital.",
    ],
)
def test_ages_and_superlatives_are_not_figures(nlp, text):
    assert read(nlp, text) == []


def test_ages_listed_before_years_old_are_ages(nlp):
    found = read(nlp, "The victims were three sisters, 6, 9 and 13 years old.")
    assert [(f.text, f.unit) for f in found] == [("three", "people")]


def test_every_age_of_a_list_is_an_age(nlp):
    found = read(nlp, "Among the victims were two girls aged seven and nine.")
    assert [f.text for f in found] == ["two"]  # the girls are counted; their ages are not figures


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The convoy halted 46 miles (74 km) short of the border.", ("46", "miles")),
        ("The tanker was 30 nautical miles (56 km) off the coast.", ("30", "nautical miles")),
        ("The drone flew 120 kilometres (about 75 miles) before it fell.", ("120", "km")),
    ],
)
def test_a_conversion_in_brackets_is_not_a_second_figure(nlp, text, kept):
    assert [(f.text, f.unit) for f in read(nlp, text)] == [kept]


def test_a_count_in_brackets_is_still_a_figure(nlp):
    found = read(nlp, "The army sent 300 soldiers (100 of them conscripts) to the front.")
    assert [f.text for f in found] == ["300", "100"]


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The injuries now number more than 650.", "wounded"),
        ("The dead still number at least 75.", "killed"),  # "number" taken for a noun by the parser
        ("The injured total 310.", "wounded"),  # "injured" tagged as a verb, "total" as a noun
        ("The victims number 52, the ministry said.", "casualties"),
    ],
)
def test_number_as_a_verb_after_what_is_counted_is_not_a_label(nlp, text, measure):
    f = one(nlp, text)
    assert (f.measure, f.unit) == (measure, "people")


def test_number_as_a_label_is_still_a_label(nlp):
    assert read(nlp, "He wore shirt number 23 in the final.") == []


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The 30 victims were killed when the shelling began.", "killed"),
        ("Doctors treated 85 victims for burns and shrapnel injuries.", "wounded"),
        ("The number of victims has passed 120.", "casualties"),
    ],
)
def test_victims_take_the_harm_their_sentence_tells_of(nlp, text, measure):
    assert one(nlp, text).measure == measure


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The raids left 14 people dead.", "killed"),
        ("The blast left 40 workers wounded.", "wounded"),
        ("The floods left 6,000 families homeless.", "displaced"),
        ("The shelling left 300 casualties.", "casualties"),
    ],
)
def test_what_an_attack_left_its_object_is_the_measure(nlp, text, measure):
    assert one(nlp, text).measure == measure


# -- dates --------------------------------------------------------------------------------------------------


def test_a_bare_number_tagged_as_a_date_is_a_figure_without_a_date(nlp):
    found = read(nlp, "The strike killed 19 people and wounded 58.")
    assert [(f.text, f.as_of) for f in found] == [("19", None), ("58", None)]


def test_a_revised_toll_is_not_dated_by_the_strikes_it_counts(nlp):
    f = one(nlp, "The ministry said the raids on Sept. 2 had killed 33 people.", published="2025-09-16")
    assert f.as_of is None  # the publication date, not the strikes'


def test_a_first_toll_is_dated_by_its_attack(nlp):
    f = one(nlp, "Officials said the attack on Monday killed 12 people.", published="2025-09-16")
    assert f.as_of == "2025-09-15"


def test_the_dead_of_a_bare_toll_are_people_not_the_noun_before_them(nlp):
    """ "..., with 27 killed": whoever was killed are people, not the "bloodiest days" named before them."""
    found = by_text(
        read(nlp, "Sunday was one of the bloodiest days of the offensive, with 27 killed in the port city.")
    )
    assert found["27"].measure == "killed" and found["27"].unit == "people"
    assert found["27"].subject is not None and found["27"].subject.text == "people"


@pytest.mark.parametrize(
    ("text", "number", "entity"),
    [
        ("At the shelter outside Kramatorsk, 16 people were wounded by the blast.", "16", "kramatorsk"),
        ("Drone strikes on the villages around Kupiansk killed five residents.", "five", "kupiansk"),
    ],
)
def test_a_place_named_beside_a_camp_or_villages_places_them(nlp, text, number, entity):
    """ "the camp outside X", "the villages around X": the noun is placed by the town it is beside."""
    location = by_text(read(nlp, text))[number].location
    assert location is not None and location.entity == entity


def test_a_place_noun_named_by_a_proper_noun_is_a_place(nlp):
    """ "Al-Noor hospital", "Kalma camp": a hospital or a camp with its name is one place, though no gazetteer lists it."""
    found = by_text(read(nlp, "Mortar fire hit Al-Noor hospital, wounding four nurses."))
    assert found["four"].location is not None and found["four"].location.text == "Al-Noor hospital"


@pytest.mark.parametrize("people", ["Rohingya", "Masalit", "Yazidis"])
def test_a_people_counted_by_name_counts_people(nlp, people):
    """ "3,000 Rohingya fled": a people the model does not tag as one is still people."""
    found = by_text(read(nlp, f"About 4,200 {people} fled across the border last month."))
    assert found["About 4,200"].unit == "people" and found["About 4,200"].measure == "displaced"


@pytest.mark.parametrize(
    "text",
    [
        "Paramedics said more than 40 others were hurt in the blast at the depot.",
        "Rescuers pulled 12 people from the rubble. Paramedics said more than 40 others were hurt.",
    ],
)
def test_others_counted_after_a_speaker_are_not_the_speaker(nlp, text):
    """ "Paramedics said 40 others were hurt": the others are people hurt, not paramedics."""
    others = by_text(read(nlp, text))["more than 40"]
    assert others.subject is not None and others.subject.text == "people"
    assert others.unit == "people" and others.measure == "wounded"


def test_a_war_names_its_place_by_its_preposition(nlp):
    found = by_text(read(nlp, "She was killed in the war in Yemen with nine relatives, the family said."))
    assert found["nine"].location is not None and found["nine"].location.text == "Yemen"


def test_people_forced_to_flee_are_displaced(nlp):
    """ "forced N to flee": the measure is what they were made to do."""
    found = by_text(read(nlp, "The renewed shelling forced about 18,000 residents to flee the district."))
    assert found["about 18,000"].measure == "displaced"


def test_a_part_counted_as_what_it_is_shares_its_wholes_measure(nlp):
    """ "9 of the dead were women": the nine were killed, counted as women."""
    found = by_text(read(nlp, "Officials said 9 of the dead were women from the same street."))
    assert found["9"].measure == "killed" and found["9"].subject is not None and found["9"].subject.text == "women"


def test_people_who_remain_missing_are_missing(nlp):
    found = by_text(read(nlp, "Another 14 fishermen remain missing after the boat sank."))
    assert found["14"].measure == "missing"


@pytest.mark.parametrize(
    ("text", "thing", "port"),
    [
        ("A tanker came under fire in the Arabian Sea, 70 nautical miles south of Salalah.", "tanker", "Salalah"),
        ("The freighter was sailing through the Red Sea 30 nautical miles west of Hodeidah.", "freighter", "Hodeidah"),
    ],
)
def test_a_bearing_after_a_sea_places_the_ship_not_the_sea(nlp, text, thing, port):
    f = one(nlp, text)
    assert (subject(f).text, place(f)) == (thing, port)


def test_a_bearing_in_the_vicinity_of_a_point_measures_no_vicinity(nlp):
    f = one(nlp, "Sailors reported drone activity in the vicinity of 35 nautical miles east of Mokha.")
    assert subject(f).text != "vicinity" and place(f) == "Mokha"


def test_a_place_before_a_distance_is_still_the_thing_it_places(nlp):
    f = one(nlp, "Rockets struck Sudzha, about 10 km from the border.")
    assert subject(f).text == "Sudzha" and f.location is None


def test_a_hyphened_bearing_after_a_bracketed_conversion_places_the_event(nlp):
    f = one(nlp, "The strike came about 30 nautical miles (56km) north-east of the Yemeni port of Mokha.")
    assert "Mokha" in (place(f) or "")


def test_a_distance_after_a_flag_a_ship_flies_places_the_ship(nlp):
    text = "Sailors saw a blast near a tanker flying the Liberian flag, 40 nautical miles west of Hodeidah."
    f = one(nlp, text)
    assert (subject(f).text, place(f)) == ("tanker", "Hodeidah")


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Two sailors were badly burned in the blaze.", "wounded"),
        ("Two sailors burned to death in the blaze.", "killed"),
    ],
)
def test_people_burned_are_hurt_and_burned_to_death_are_killed(nlp, text, measure):
    assert one(nlp, text).measure == measure

"""The ``corroborator_figures`` component on invented sentences, with the real model (loaded once)."""

from __future__ import annotations

import json
from importlib import resources

import pytest
import spacy

from corroborator.analyze import entities
from corroborator.extract import figures as figures_module
from corroborator.extract import make_doc
from corroborator.records import Certainty, Claim, Figure, Party, Reference
from corroborator.settings import DEFAULT_MODEL

#: Importing the modules registers the factories; named here so that the imports are not pruned as unused.
COMPONENTS = (entities.make_entities, figures_module.make_figures)


@pytest.fixture(scope="module")
def nlp(pipelines):
    """The model, the entity linker and the figures component (claims are set by hand where needed)."""
    return pipelines("corroborator_entities", "corroborator_figures")


@pytest.fixture(scope="module")
def unlinked():
    """The model and the figures component, no entity linker: nothing has an id."""
    pipeline = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    pipeline.add_pipe("corroborator_figures")
    return pipeline


def read(nlp, text: str, published: str | None = "2024-03-14", claims: list[Claim] | None = None) -> list[Figure]:
    doc = make_doc(nlp, text, published)
    with nlp.select_pipes(disable=["corroborator_figures"]):
        doc = nlp(doc)
    doc._.claims = claims or []
    return nlp.get_pipe("corroborator_figures")(doc)._.figures


def one(nlp, text: str, **kwargs) -> Figure:
    found = read(nlp, text, **kwargs)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def by_text(figures: list[Figure]) -> dict[str, Figure]:
    return {f.text: f for f in figures}


def blank_extractor() -> figures_module.FigureExtractor:
    """The figures component alone on a blank English pipeline, typed as its class."""
    component = spacy.blank("en").add_pipe("corroborator_figures")
    assert isinstance(component, figures_module.FigureExtractor)
    return component


def subject(f: Figure) -> Reference:
    assert f.subject is not None, f.text
    return f.subject


def location(f: Figure) -> Reference:
    assert f.location is not None, f.text
    return f.location


# -- numbers, qualifiers, intervals ---------------------------------------------------------------------


def test_ids_values_and_offsets_in_text_order(nlp):
    text = "The brigade lost 12 tanks and about 1,300 soldiers, and a further two dozen trucks were destroyed."
    found = read(nlp, text)
    assert [f.id for f in found] == ["f1", "f2", "f3"]
    assert [(f.text, f.value) for f in found] == [("12", 12), ("about 1,300", 1300), ("two dozen", 24)]
    for f in found:
        assert text[f.span[0] : f.span[1]] == f.text


def test_range_interval_and_qualifier(nlp):
    f = one(nlp, "Between 4,000 and 4,500 marines are stationed on the island of Crete.")
    assert (f.qualifier, f.value, f.low, f.high) == ("range", 4000, 4000, 4500)
    assert f.text == "Between 4,000 and 4,500"


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [("roughly 650", "approximately"), ("more than 650", "at_least"), ("up to 650", "at_most"), ("650", "exact")],
)
def test_qualifier_words_are_kept_in_the_text(nlp, phrase, qualifier):
    f = one(nlp, f"The militia has {phrase} fighters in the town of Tessalit.")
    assert (f.text, f.qualifier, f.low, f.high) == (phrase, qualifier, 650, 650)


def test_vague_quantity(nlp):
    f = one(nlp, "Hundreds of civilians were evacuated from Kherson.")
    assert f.vague and f.value == 100 and f.unit == "people" and f.measure == "displaced"


# -- units and measures ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "measure"),
    [
        ("About 3,200 paratroopers are stationed near the border town of Narva.", "people", "present"),
        ("The alliance sent 900 troops to Estonia.", "people", "deployed"),
        ("At least 27 civilians were killed in the shelling.", "people", "killed"),
        ("Forty people were injured when the bridge collapsed.", "people", "wounded"),
        ("Rebels captured 60 government soldiers.", "people", "captured"),
        ("Nine sailors are still missing.", "people", "missing"),
        ("More than 400 fighters were killed or wounded in the assault.", "people", "casualties"),
        ("The navy launched 14 cruise missiles overnight.", "missiles", "launched"),
        ("Air defences shot down 33 drones over the capital.", "drones", "intercepted"),
        ("Artillery destroyed 8 tanks near the river.", "tanks", "destroyed"),
        ("The storm damaged 70 houses.", "houses", "damaged"),
        ("The fighting has displaced 250,000 people.", "people", "displaced"),
        ("Instructors trained 1,100 recruits last year.", "people", "trained"),
        ("The village lies 35 km from the front.", "km", "distance"),
        ("The government pledged $400 million in aid.", "USD", "cost"),
        ("Officials said 30% of the grid was offline.", "percent", "other"),
    ],
)
def test_unit_and_measure(nlp, text, unit, measure):
    f = one(nlp, text)
    assert (f.unit, f.measure) == (unit, measure)


def test_destroyed_in_the_air_is_intercepted(nlp):
    f = one(nlp, "Air defence units destroyed 41 drones over the Black Sea.")
    assert (f.unit, f.measure) == ("drones", "intercepted")


def test_a_noun_outside_the_unit_list_is_its_own_unit(nlp):
    f = one(nlp, "The squadron flew 75 sorties a week over the coast.")
    assert f.unit == "sorties"


# -- subject -----------------------------------------------------------------------------------------


def test_subject_with_linking(nlp):
    f = one(nlp, "Some 2,000 Belarusian soldiers were moved to the border.")
    assert subject(f).text == "Belarusian soldiers"
    assert subject(f).entity  # the linker gives the demonym an id


def test_subject_without_linking(unlinked):
    f = one(unlinked, "Some 2,000 Belarusian soldiers were moved to the border.")
    assert subject(f).text == "Belarusian soldiers"
    assert subject(f).entity is None  # no linker: no id is made up


def test_elided_subject_comes_from_the_figure_before(nlp):
    text = "At least 45 Georgian volunteers have been killed. In addition, about 120 have been wounded."
    killed, wounded = read(nlp, text)
    assert subject(wounded).text == subject(killed).text == "Georgian volunteers"
    assert (wounded.unit, wounded.measure) == ("people", "wounded")


def test_distance_places_a_thing_and_has_no_location(nlp):
    f = one(nlp, "The refinery at Ryazan, about 180 km from the capital, was hit.")
    assert f.measure == "distance" and f.location is None
    assert "Ryazan" in subject(f).text


# -- location -------------------------------------------------------------------------------------------


def test_location_with_linking(nlp):
    f = one(nlp, "Around 5,000 soldiers remain stationed in Russia's Belgorod region.")
    assert "Belgorod" in location(f).text
    assert location(f).entity


def test_location_without_linking(unlinked):
    f = one(unlinked, "Around 5,000 soldiers remain stationed in Russia's Belgorod region.")
    assert "Belgorod" in location(f).text and location(f).entity is None


def test_destination_of_a_deployment(nlp):
    f = one(nlp, "Turkey sent 300 engineers to Libya.")
    assert location(f).text == "Libya" and f.measure == "deployed"


def test_a_conflict_is_not_a_place(nlp):
    f = one(nlp, "At least 60 soldiers have been killed in the conflict.")
    assert f.location is None


# -- as_of --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "as_of"),
    [
        ("last week", "2024-03-07"),
        ("in February", "2024-02-01"),
        ("on Tuesday", "2024-03-12"),
        ("on 9 March", "2024-03-09"),
    ],
)
def test_as_of_is_resolved_against_the_publication_date(nlp, when, as_of):
    f = one(nlp, f"The ministry said {when} that 700 marines had arrived in the port.", published="2024-03-14")
    assert f.as_of == as_of


def test_a_date_in_a_clause_about_something_else_does_not_date_the_figure(nlp):
    """The date tells when the earlier numbers were given, not the new count."""
    text = "The agency now estimates that around 300 soldiers have been killed, a sharp rise on the figures it gave in May."
    assert one(nlp, text, published="2024-09-14").as_of is None
    dated = one(nlp, "The agency said in May that around 300 soldiers had been killed.", published="2024-09-14")
    assert dated.as_of == "2024-05-01"


def test_as_of_is_unknown_without_a_publication_date(nlp):
    f = one(nlp, "The ministry said last week that 700 marines had arrived in the port.", published=None)
    assert f.as_of is None


def test_dates_can_be_switched_off():
    pipeline = spacy.load(DEFAULT_MODEL)
    pipeline.add_pipe("corroborator_figures", config={"resolve_dates": False})
    f = one(pipeline, "The ministry said last week that 700 marines had arrived in the port.")
    assert f.as_of is None


# -- modality ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The ministry plans to deploy 2,500 troops to the north.", "planned"),
        ("Russia is preparing to send up to 6,000 reservists to the front.", "planned"),
        ("The coalition will send 800 peacekeepers.", "planned"),
        ("Moscow could send 20,000 more troops.", "possible"),
        ("The strike may have killed 40 fighters.", "possible"),
        ("The army sent 700 troops to the coast.", "actual"),
    ],
)
def test_modality(nlp, text, modality):
    assert one(nlp, text).modality == modality


# -- claims and parts ---------------------------------------------------------------------------------


def test_figure_is_linked_to_the_innermost_claim_that_holds_it(nlp):
    text = "The agency said the governor claimed that 90 drones were downed."
    start = text.index("the governor")
    inner_start = text.index("90")
    claims = [
        Claim("c1", Party("The agency"), "say", Certainty.ASSERTED, text[start:-1], (start, len(text) - 1)),
        Claim(
            "c2", Party("the governor"), "claim", Certainty.CLAIMED, text[inner_start:-1], (inner_start, len(text) - 1)
        ),
    ]
    assert one(nlp, text, claims=claims).claim == "c2"
    assert one(nlp, text, claims=[]).claim is None


def test_part_of_a_counted_whole(nlp):
    found = by_text(read(nlp, "Air defences shot down 51 of the 64 missiles fired at the city."))
    assert found["51"].part_of == found["64"].id
    assert found["51"].unit == "missiles" and found["51"].measure == "intercepted"


def test_part_of_a_pronoun_whole(nlp):
    text = "The enemy launched 88 drones at the port. Defenders downed 70 of them."
    launched, downed = read(nlp, text)
    assert downed.part_of == launched.id
    assert downed.unit == "drones" and launched.measure == "launched"


def test_part_of_a_relative_whole(nlp):
    found = by_text(read(nlp, "The navy fired 30 missiles, of which 22 hit the harbour."))
    assert found["22"].part_of == found["30"].id
    assert found["30"].measure == "launched"  # what happened to the 22 did not happen to all 30


def test_the_whole_does_not_take_the_parts_measure(nlp):
    found = by_text(read(nlp, "Gunners shot down 12 of 20 Russian missiles overnight."))
    assert (found["12"].measure, found["12"].part_of) == ("intercepted", found["20"].id)
    assert found["20"].measure == "other"


def test_including_makes_a_part_that_shares_the_event(nlp):
    found = by_text(read(nlp, "At least 19 people, including three children, were killed in Zaporizhzhia."))
    children = found["three"]
    assert children.part_of == found["At least 19"].id
    assert children.measure == "killed" and location(children).text == "Zaporizhzhia"


def test_a_value_given_to_a_toll(nlp):
    f = one(nlp, "The death toll from the attack on Poltava has risen to 57.")
    assert (f.unit, f.measure, location(f).text) == ("people", "killed", "Poltava")


def test_strong_counts_people(nlp):
    f = one(nlp, "A 2,500-strong battalion arrived in the port city of Tartus.")
    assert f.unit == "people" and subject(f).text == "battalion"


def test_heading_restates_the_body_figure(nlp):
    text = "Nearly 600 Sailors Stationed Abroad\n\nThe navy keeps nearly 600 sailors in Djibouti, officials said."
    heading, body = read(nlp, text)
    assert location(heading).text == location(body).text == "Djibouti"
    assert heading.measure == body.measure == "present"


# -- what is not a figure ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The talks ended on 12 February 2024.",
        "The statement was issued on Feb. 12.",
        "In 2022 the war began.",
        "The siren sounded at 4:45 a.m.",
        "It was the first attack, and the 3rd this month.",
        "Some compared it to 9/11.",
        "Russia fired Kh-101 and Kh-22 missiles, and a T-90 tank and an S-300 battery were seen.",
        "Shahed-136 and Su-34 aircraft were spotted, along with F-16 jets.",
        "Call +44 20 7946 0958 or 555-123-4567 for details.",
        "See https://example.org/news/2024/03/12/strike-45 and @unit_72.",
        "A 45-year-old man was arrested.",
        "The suspect, aged 52, was detained.",
        "The operation lasted three days.",
        "The ceasefire talks between the two countries resumed.",
        "One of the prisoners told reporters he was afraid.",
        "Posted in World. 12 comments.",
        "The 155mm shells were stored in the 1990s.",
        "Article 5 of the treaty was invoked.",
        "Page 1 of 3. Share 45.",
        "Temperatures fell to -15 degrees overnight.",
        "He said one in five soldiers was wounded.",
        "The Leopard 2 and the Mirage 2000 were shown at Ramstein.",
    ],
)
def test_not_figures(nlp, text):
    assert read(nlp, text) == []


def test_robust_to_odd_input(nlp):
    assert read(nlp, "") == []
    assert read(nlp, "\n\n\t  \n") == []
    found = read(nlp, "1,000,000,000,000,000 ... 7 7 7 ---- ±3 ½ ⅔ ٣ 𝟕")
    assert all(isinstance(f, Figure) for f in found)


def test_without_a_parser_figures_are_read_from_their_words():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("corroborator_figures")
    found = pipeline("They paid $3 million for about 40 trucks.")._.figures
    assert [(f.text, f.unit, f.measure) for f in found] == [("$3 million", "USD", "cost"), ("about 40", None, "other")]


def test_word_lists_travel_with_the_pipeline(tmp_path):
    extractor = blank_extractor()
    extractor.to_disk(tmp_path / "saved")
    assert sorted(f.name for f in (tmp_path / "saved").iterdir()) == [
        "figures.json",
        "measures.json",
        "numbers.json",
        "units.json",
    ]
    restored = blank_extractor().from_disk(tmp_path / "saved")
    assert restored.lexicon == extractor.lexicon


def test_initialize_reads_other_word_lists(tmp_path):
    units = json.loads((resources.files("corroborator") / "data" / "lexicon" / "units.json").read_text("utf-8"))
    units["nouns"]["drones"].append("gizmos")
    (tmp_path / "units.json").write_text(json.dumps(units), encoding="utf-8")
    extractor = blank_extractor()
    assert "gizmos" not in extractor.lexicon.unit_of
    extractor.initialize(lexicon_path=str(tmp_path))  # the other three files stay the shipped ones
    assert extractor.lexicon.unit_of["gizmos"] == "drones"
    extractor.to_disk(tmp_path / "saved")
    restored = blank_extractor().from_disk(tmp_path / "saved")
    assert restored.lexicon.unit_of["gizmos"] == "drones"


def test_find_leaves_the_doc_as_it_is(nlp):
    doc = make_doc(nlp, "The ministry said 40 drones were shot down.", "2024-03-14")
    with nlp.select_pipes(disable=["corroborator_figures"]):
        doc = nlp(doc)
    extractor = nlp.get_pipe("corroborator_figures")
    found = extractor.find(doc)
    assert doc._.get("figures") is None
    extractor.set_annotations(doc, found)
    assert [f.text for f in doc._.figures] == ["40"]


# -- sentences the parser cannot structure --------------------------------------------------------------


def test_a_flat_run_of_vague_quantities_is_read_from_its_words(nlp):
    text = "thousands " * 600
    found = read(nlp, text)
    assert len(found) == 600
    assert all(f.vague and text[slice(*f.span)] == "thousands" for f in found)
    assert [f.id for f in found] == [f"f{n}" for n in range(1, 601)]


def test_figures_around_an_unreadable_run_keep_their_reading_spans_and_parts():
    from corroborator.extract import load_pipeline

    full = load_pipeline()  # its paragraph component ends the run's sentence at the blank line
    before = "Gunners shot down 12 of 20 Russian missiles overnight.\n\n"
    after = "\n\nThe governor said 31 people were wounded in Kharkiv."
    text = before + "1,000 " * 500 + after
    found = full(make_doc(full, text))._.figures
    assert [f.id for f in found] == [f"f{n}" for n in range(1, len(found) + 1)]
    assert all(text[slice(*f.span)] == f.text for f in found)
    assert sorted(f.span for f in found) == [f.span for f in found]
    first = by_text(found[:2])
    assert first["12"].part_of == first["20"].id and first["12"].measure == "intercepted"
    wounded = found[-1]
    assert (wounded.text, wounded.unit, wounded.measure) == ("31", "people", "wounded")
    assert sum(1 for f in found if f.text == "1,000") == 500


def test_a_sentence_is_unstructured_when_too_long_or_too_flat(nlp):
    from corroborator.extract.figure.reading import MAX_DEPENDENTS, DocIndex

    doc = nlp("Gunners shot down 12 of 20 missiles. " + "1,000 " * (MAX_DEPENDENTS + 10))
    index = DocIndex(doc)
    assert not index.unstructured(0)
    assert index.unstructured(len(doc) - 1)


def test_a_long_run_with_no_space_blocks_nothing_after_it(nlp):
    run = "-".join(f"the-governor-said-{n % 90 + 2}-drones-fell-on-Sumy" for n in range(800))
    text = run + " Officials said 12 drones fell."
    [found] = read(nlp, text)
    assert (found.text, found.span) == ("12", (text.index(" 12 ") + 1, text.index(" 12 ") + 3))


def test_an_email_address_is_still_not_a_figure(nlp):
    found = read(nlp, "Write to press-office.3@mod-ua.org about the 12 drones.")
    assert [f.text for f in found] == ["12"]

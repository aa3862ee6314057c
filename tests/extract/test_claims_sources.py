"""Sources of claims on the shapes of real reporting (issue 11, class 4), in sentences written here.

Each test is a shape read in wire copy on Sudan, Ukraine and Korea, reworded with other actors and numbers.
The whole pipeline runs (``corroborator.extract``): a figure's source is its claim's.
"""

from __future__ import annotations

from corroborator import extract


def test_a_pronoun_speaker_is_never_a_name_inside_what_it_says(claim_of):
    text = (
        "Six drones were downed over the northern region of Sumy, its governor said. "
        "Various Russian strikes in this region killed two people over the past day, he said."
    )
    source = claim_of(text, "two").source
    assert source.text == "he"
    assert source.name is None or "Russian" not in source.name


def test_the_army_is_a_force_heard_before_never_another_body(claim_of):
    text = (
        "The UN office said the Rapid Support Forces attacked the camps. "
        "The army said on Sunday that 63 civilians were killed."
    )
    source = claim_of(text, "63").source
    assert source.text == "The army"
    assert source.name not in ("UN office", "Rapid Support Forces")


def test_the_army_after_the_force_itself_is_that_force(claim_of):
    text = "The Sudanese Armed Forces said they repelled an assault. Later the army said 40 fighters were killed."
    assert claim_of(text, "40").source.name == "Sudanese Armed Forces"


def test_a_description_that_says_which_body_it_is_is_not_pointed_back(claim_of):
    text = (
        "The Rapid Support Forces attacked a camp near the city on Monday.\n\n"
        "The volunteer group working in the camp said in a statement that 23 people were killed."
    )
    source = claim_of(text, "23").source
    assert source.entity != "rapid-support-forces"
    assert source.name is not None and "volunteer group" in source.name


def test_a_speaker_after_the_last_comma_is_only_the_words_before_the_cue(claim_of):
    text = (
        "At least 38 civilians were killed in shelling of the market in the city, a local official announced on Monday."
    )
    assert claim_of(text, "At least 38").source.text == "a local official"


def test_this_was_stated_by_reports_the_paragraph_before_when_it_is_one_sentence(claim_of):
    text = (
        "At least 70 soldiers sent to the front have died, and another 600 have been injured.\n\n"
        "This was stated by lawmaker Park Jin-soo, reports Reuters."
    )
    claim = claim_of(text, "At least 70")
    assert claim.source.name == "Park Jin-soo"
    assert [v.name for v in claim.via] == ["Reuters"]
    assert claim_of(text, "600").id == claim.id


def test_this_was_stated_by_reports_nothing_across_a_paragraph_of_several_sentences():
    text = (
        "Drones hit the port on Monday. At least 70 soldiers sent to the front have died.\n\n"
        "This was stated by lawmaker Park Jin-soo."
    )
    found = extract(text)
    assert not any(c.source.name == "Park Jin-soo" and "70" in c.content for c in found.claims)


def test_a_phrase_that_cannot_speak_is_no_inverted_speaker():
    text = (
        "Dr Ana Ruiz, treating the wounded, said she had seen 64 bodies since Friday, "
        "the highest death toll reported since the fighting began last week."
    )
    found = extract(text)
    assert [c.source.text for c in found.claims] == ["Dr Ana Ruiz"]


def test_a_report_set_beside_a_statement_is_its_own():
    text = "The ministry said shelling had killed 14 people on Sunday, as state television reported more strikes in the east."
    found = extract(text)
    by_cue = {c.cue: c for c in found.claims}
    assert by_cue["say"].content == "shelling had killed 14 people on Sunday"
    assert by_cue["report"].via == [] and by_cue["report"].parent is None


def test_a_rival_claim_after_while_is_a_claim_of_its_own():
    found = extract("The army said it had repelled the assault, while the rebels claimed they had taken the base.")
    assert [(c.source.text, c.content) for c in found.claims] == [
        ("The army", "it had repelled the assault"),
        ("the rebels", "they had taken the base"),
    ]


def test_according_to_names_whose_belief_a_passive_reports(claim_of):
    claim = claim_of("About 3,500 people are believed to have fled the town, according to the agency.", "About 3,500")
    assert (claim.source.text, claim.via) == ("the agency", [])


def test_according_to_after_a_speaker_is_a_relay(claim_of):
    claim = claim_of("The governor said 12 houses burned, according to the Northline news agency.", "12")
    assert claim.source.text == "The governor"
    assert [v.text for v in claim.via] == ["the Northline news agency"]


def test_a_list_of_counts_goes_on_being_said_past_the_parsed_clause(claim_of):
    text = (
        "Air defences destroyed 58 Ukrainian drones overnight, the ministry said.\n\n"
        "It is noted that 31 of them were destroyed over the Kursk region, 18 over Bryansk, 9 over Oryol."
    )
    claim = claim_of(text, "31")
    assert claim_of(text, "18").id == claim_of(text, "9").id == claim.id


def test_a_bodys_name_of_generic_words_links_in_any_text():
    # "State Department" is made of words that alone name no place; the rule for such place names spares bodies.
    found = extract("A State Department spokesperson said that about 2,500 soldiers had moved to the border area.")
    assert [c.source.entity for c in found.claims] == ["us-department-of-state"]


def test_he_after_an_unnamed_witness_is_that_witness_not_a_name_in_the_text(claim_of):
    text = (
        "At least nine villagers were found dead near Kalehe on Monday, according to residents who blamed the rebels.\n\n"
        '"I counted nine bodies on the road to Kalehe, some burned," a farmer told Reuters by phone. '
        '"None of them carried a weapon," he said.\n\n'
        "A second witness said the gunmen left at dawn. He said four more people were wounded."
    )
    source = claim_of(text, "four").source
    assert source.text == "He"
    assert source.name is None and source.entity is None


def test_adding_after_a_reported_clause_is_the_reporter_adding(claim_of):
    text = (
        "A shopkeeper told the radio that the whole district had emptied after the raid, "
        "adding that 40 homes had burned overnight."
    )
    source = claim_of(text, "40").source
    assert source.text == "A shopkeeper"


def test_a_place_that_opens_the_line_before_a_body_is_a_dateline_not_the_speaker(claim_of):
    text = "Baghdad, Joint Operations Command has announced that 14 militants were killed in Anbar desert raids."
    source = claim_of(text, "14").source
    assert source.text == "Joint Operations Command"


def test_a_relative_clause_that_describes_or_reports_is_not_part_of_the_source(claim_of):
    text = (
        "Nine fishermen were killed off the coast, according to elders in Kismayo who blamed the militants for it. "
        "Two more boats sank, according to a harbour official, who spoke on condition of anonymity."
    )
    assert claim_of(text, "Nine").source.text == "elders in Kismayo"
    assert claim_of(text, "Two").source.text == "a harbour official"


def test_he_after_the_spokesman_is_the_spokesman_named_before(claim_of):
    # "the spokesman" is somebody already named, unlike "a witness": a later "he" keeps that name
    text = (
        '"Nine clinics have closed," Ali Haddad said.\n\n'
        "According to the spokesman, the toll from the strikes rose to 412 people.\n\n"
        '"The dead include 130 children," he said.'
    )
    assert claim_of(text, "130").source.name == "Ali Haddad"


def test_the_network_or_the_monitor_is_the_body_named_before(claim_of):
    text = (
        "The Kordofan Medics Network said 17 people were killed in the shelling. "
        "The network said 26 others were wounded.\n\n"
        "The Syrian Observatory for Human Rights said 40 people died. The monitor said 12 of them were children."
    )
    assert claim_of(text, "26").source.name == "Kordofan Medics Network"
    assert claim_of(text, "12").source.entity == "syrian-observatory-for-human-rights"


def test_the_armed_groups_of_africas_wars_are_known_groups():
    found = extract("M23 rebels said they had taken 40 soldiers prisoner. Al-Shabaab said it had killed 9 troops.")
    assert [c.source.entity for c in found.claims] == ["m23", "al-shabaab"]


def test_a_speaker_after_the_cue_that_the_parser_coordinated_with_the_clause(claim_of):
    text = (
        "At least 24 children were among the dead in the attack in Magway Region, said a medic at the scene and an "
        "official of the shadow National Unity Council."
    )
    source = claim_of(text, "At least 24").source
    assert (source.text or "").startswith("a medic at the scene")


def test_the_militia_or_the_monitor_is_never_the_other_side_that_spoke():
    found = extract("The army said 12 soldiers died in the clashes. The militia said it had lost 3 fighters.")
    militia = next(c for c in found.claims if c.source.text == "The militia")
    assert militia.source.name != "army"


def test_a_participle_saying_more_is_the_clauses_subjects_not_the_reporters():
    found = extract("The army said the rebels shelled the town, saying it was a government stronghold.")
    saying = next(c for c in found.claims if c.content.startswith("it was"))
    assert saying.source.text == "the rebels"


def test_a_figure_after_a_shared_auxiliary_stays_in_the_report(claim_of):
    # "have attacked ... and burned": one clause with one auxiliary, not the governor's next act
    assert claim_of("The governor said gunmen have attacked three villages and burned 40 homes.", "40").cue == "say"


def test_the_organization_is_the_body_that_spoke_not_one_named_in_what_it_said():
    text = (
        "The Darfur Bar Association confirmed the RSF's shelling of the market, stating that mortars hit the eastern "
        "part of the town. The organization urged families to keep away from the roads."
    )
    found = extract(text)
    urged = next(c for c in found.claims if c.cue == "urge")
    assert urged.source.name == "Darfur Bar Association"


def test_the_group_is_never_the_news_agency_that_relayed(claim_of):
    text = "Insurgents seized a base near Sittwe on Monday, AFP news agency reported. The rebel group said it had captured 40 soldiers."
    assert claim_of(text, "40").source.name != "AFP news agency"


def test_an_outlet_that_reports_a_statement_last_is_its_relay_not_part_of_it(claim_of):
    text = "The Arakan Army said its fighters had seized a base near Sittwe, AFP news agency reported. The group said it had captured 40 soldiers."
    found = extract(text)
    army = next(c for c in found.claims if c.source.text == "The Arakan Army")
    assert army.content == "its fighters had seized a base near Sittwe"
    assert [v.name for v in army.via] == ["AFP news agency"]
    assert claim_of(text, "40").source.name == "Arakan Army"


def test_a_day_in_brackets_after_the_source_is_neither_its_subject_nor_its_words(claim_of):
    text = "The Nigerian army on Sunday (Oct 12) said it killed 12 insurgents in Borno state."
    assert claim_of(text, "12").source.text == "The Nigerian army"
    other = "KYIV: The Ukrainian air force on Friday (Mar 14) said it downed 9 drones over Sumy."
    assert claim_of(other, "9").source.text == "The Ukrainian air force"


def test_a_source_keeps_the_bracket_its_name_opened():
    text = (
        '"The militia fired shells on the market today," the command of the 22nd Division of the South Sudan '
        "People's Defence Forces (SSPDF) announced on Friday."
    )
    (claim,) = extract(text).claims
    assert (claim.source.text or "").endswith("(SSPDF)")
    assert (claim.source.name or "").endswith("(SSPDF)")


def test_a_paper_quoting_a_body_as_saying_relays_that_bodys_words(claim_of):
    text = (
        '"At least 30 people were killed in the shelling of the market," the Sudan Tribune daily reported, '
        "quoting the health ministry as saying."
    )
    claim = claim_of(text, "At least 30")
    assert claim.source.text == "the health ministry"
    assert [v.text for v in claim.via] == ["the Sudan Tribune daily"]


def test_a_statement_quoted_by_an_agency_is_the_source_and_the_agency_its_relay(claim_of):
    text = 'The convoy was hit "by two drones and an artillery shell," said a statement quoted by Reuters news agency.'
    claim = claim_of(text, "two")
    assert claim.source.text == "a statement"
    assert [v.name for v in claim.via] == ["Reuters news agency"]


def test_an_argument_after_a_clause_about_a_thing_is_the_reporters():
    found = extract(
        "The army said the raid targeted a rebel depot in Kidal, arguing that its presence there violated the accord."
    )
    arguing = next(c for c in found.claims if c.cue == "argue")
    assert arguing.source.text == "The army"


def test_a_body_quoted_as_saying_by_an_agency_is_the_source_and_the_agency_its_relay(claim_of):
    text = (
        '"Overnight, 14 enemy drones were shot down over the coast," the ministry was quoted as saying by RIA Novosti.'
    )
    claim = claim_of(text, "14")
    assert claim.source.text == "the ministry"
    assert [v.text for v in claim.via] == ["RIA Novosti"]


def test_the_leader_of_a_movement_is_the_person_named_with_those_words_before(claim_of):
    text = (
        "Militia leader Omar al-Tahir vowed to keep up the attacks. The port authority said a ferry was hit. "
        "The militia leader said 9 boats had been struck since May."
    )
    assert claim_of(text, "9").source.name == "Omar al-Tahir"


def test_the_governor_is_the_governor_who_spoke_before(claim_of):
    text = "Odesa Governor Oleh Kiper said three people were hurt. The governor said 14 houses were damaged."
    assert claim_of(text, "14").source.name == "Oleh Kiper"


def test_the_rebel_group_is_the_armed_group_named_before_never_the_firm_that_spoke_between(claim_of):
    text = (
        "Yemen's Houthi rebels have attacked dozens of ships since November. "
        "The maritime security firm Ambrey said a bulk carrier was hit off Mokha. "
        "The rebel group said it fired 4 missiles at the vessel."
    )
    source = claim_of(text, "4").source
    assert source.entity == "houthis"


def test_the_medical_group_is_never_the_agency_that_relayed_it(claim_of):
    text = (
        "The Darfur Medics Network has accused the militia of shelling a clinic, Anadolu Agency reported. "
        "In a statement, the medical group said 17 patients were killed."
    )
    assert claim_of(text, "17").source.name == "Darfur Medics Network"


def test_the_syndicate_points_back_at_the_syndicate_that_spoke(claim_of):
    text = (
        "The Kordofan Nurses Syndicate announced that the hospital had closed. "
        "The syndicate said 60 staff had fled the town."
    )
    assert claim_of(text, "60").source.name == "Kordofan Nurses Syndicate"


def test_quoting_a_party_as_saying_without_a_comma_relays_its_words(claim_of):
    text = "The Qatari daily Al-Sharq reported quoting a senior commander as saying that 25 gunmen were captured."
    claim = claim_of(text, "25")
    assert claim.source.text == "a senior commander"
    assert [v.text for v in claim.via] == ["The Qatari daily Al-Sharq"]


def test_an_unnamed_party_quoted_as_saying_after_a_comma_is_the_source(claim_of):
    text = "The weekly Al-Ayam reported, quoting an army officer as saying that 8 trucks were seized at the crossing."
    claim = claim_of(text, "8")
    assert claim.source.text == "an army officer"
    assert [v.text for v in claim.via] == ["The weekly Al-Ayam"]


def test_an_outlet_that_reports_citing_an_agency_relays_the_agency(claim_of):
    # the tagger reads 'Caliber reports' as a noun phrase, 'APA reports' as a subject and its verb
    for outlet, cited in (("Caliber", "Interfax"), ("APA", "the Defence Ministry")):
        claim = claim_of(f"{outlet} reports citing {cited} that 11 drones were downed over Kursk overnight.", "11")
        assert claim.source.text == cited
        assert [v.text for v in claim.via] == [outlet]
        assert claim.content == "11 drones were downed over Kursk overnight"

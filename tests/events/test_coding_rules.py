"""Actor-category rules move probability between confusable sub-types; unit tests, no model."""
from __future__ import annotations

import pytest

from dateline.events.coding_rules import (apply_actor_rules, apply_text_rules, apply_trigger_rules,
                                          decisive_sub_type)


def uniform(*names: str) -> dict[str, float]:
    return {n: 1.0 / len(names) for n in names}


def top(p: dict[str, float]) -> str:
    return max(p, key=p.get)


def test_state_forces_taking_ground_regain_territory():
    p = {"Non-state actor overtakes territory": 0.7, "Government regains territory": 0.3}
    assert top(apply_actor_rules(p, "state_forces", "rebel_group")) == "Government regains territory"
    assert top(apply_actor_rules({"Non-state actor overtakes territory": 0.3, "Government regains territory": 0.7},
                                 "rebel_group", "state_forces")) == "Non-state actor overtakes territory"


def test_violence_by_state_against_protesters_is_excessive_force():
    p = {"Attack": 0.5, "Armed clash": 0.2, "Excessive force against protesters": 0.1,
         "Protest with intervention": 0.1, "Violent demonstration": 0.1}
    assert top(apply_actor_rules(p, "protesters", "state_forces")) == "Excessive force against protesters"


def test_civilian_victims_make_an_attack_not_a_clash():
    p = {"Armed clash": 0.7, "Attack": 0.3}
    assert top(apply_actor_rules(p, "political_militia", "civilians")) == "Attack"
    assert top(apply_actor_rules({"Armed clash": 0.3, "Attack": 0.7}, "rebel_group", "state_forces")) == "Armed clash"


def test_rioters_make_a_riot():
    p = {"Peaceful protest": 0.4, "Protest with intervention": 0.3, "Violent demonstration": 0.3}
    assert top(apply_actor_rules(p, "rioters", "state_forces")) == "Violent demonstration"


def test_unknown_actors_change_nothing_and_mass_is_kept():
    p = uniform("Arrests", "Abduction/forced disappearance", "Attack")
    assert apply_actor_rules(p, None, None) == p
    out = apply_actor_rules(p, "state_forces", "civilians")
    assert sum(out.values()) == pytest.approx(1.0)
    assert out["Arrests"] > out["Abduction/forced disappearance"]


# -- what the event word itself says ----------------------------------------------------------------

QUIET_AND_VIOLENT = ("Change to group/activity", "Agreement", "Headquarters or base established", "Other",
                     "Air/drone strike", "Shelling/artillery/missile attack", "Attack", "Armed clash",
                     "Peaceful protest", "Looting/property destruction", "Government regains territory",
                     "Non-state actor overtakes territory")


def leaning(top_sub: str, mass: float = 0.6) -> dict[str, float]:
    rest = (1 - mass) / (len(QUIET_AND_VIOLENT) - 1)
    return {n: (mass if n == top_sub else rest) for n in QUIET_AND_VIOLENT}


def test_missiles_that_struck_are_no_change_to_a_group():
    p = apply_trigger_rules(leaning("Change to group/activity"), "struck",
                            "Missiles struck two vehicles as they left the airport, an official said.")
    assert top(p) in ("Air/drone strike", "Shelling/artillery/missile attack")
    assert sum(p.values()) == pytest.approx(1.0)


def test_an_accidental_blast_may_stay_other():
    p = apply_trigger_rules(leaning("Other"), "explosion", "An explosion at a fuel depot started a fire.")
    assert top(p) == "Other"


def test_a_shooting_verb_outweighs_a_quiet_trigger():
    p = apply_trigger_rules(leaning("Headquarters or base established"), "pulled",
                            "She was pulled from her car and shot at a roadblock.", ["pulled", "shot"])
    assert top(p) in ("Attack", "Armed clash")


def test_taking_to_the_streets_is_a_protest():
    p = apply_trigger_rules(leaning("Other"), "took", "Residents took to the streets to celebrate.")
    assert top(p) == "Peaceful protest"


def test_seizing_weapons_is_looting_not_territory():
    p = apply_trigger_rules(leaning("Non-state actor overtakes territory"), "seized",
                            "The fighters seized large amounts of weapons and ammunition.")
    assert top(p) == "Looting/property destruction"
    q = apply_trigger_rules(leaning("Non-state actor overtakes territory"), "seized",
                            "The fighters seized the town and its weapons depots.")
    assert top(q) == "Non-state actor overtakes territory"


def test_blowing_up_a_mosque_is_property_destruction_unless_people_died():
    text = "Militants blew up the old mosque and its minaret as troops advanced."
    assert top(apply_trigger_rules(leaning("Government regains territory"), "blew", text)) == \
        "Looting/property destruction"
    lethal = "A truck bomb blew up at a junction, killing 20 people and destroying several buildings."
    assert top(apply_trigger_rules(leaning("Air/drone strike"), "blew", lethal)) == "Air/drone strike"


def test_a_group_being_formed_is_no_battle():
    p = apply_trigger_rules(leaning("Government regains territory"), "formed",
                            "The commission, which was formed last week, said it would unite the factions.")
    assert top(p) in ("Change to group/activity", "Headquarters or base established")


def test_weapons_found_before_use_stay_disrupted():
    p = {"Disrupted weapons use": 0.6, "Remote explosive/landmine/IED": 0.2, "Other": 0.2}
    text = "Army engineers discovered a roadside bomb near the bridge and destroyed it on Monday."
    assert top(apply_text_rules(p, text)) == "Disrupted weapons use"
    assert top(apply_text_rules(p, "Troops removed dozens of mines from the fields around the town.")) == \
        "Disrupted weapons use"


def test_a_weapon_named_in_passing_does_not_overturn_a_sure_model():
    text = "Early word of a drone attack was wrong: the blast came from a grenade thrown from a motorbike."
    sure = {"Grenade": 0.6, "Air/drone strike": 0.2, "Other": 0.2}
    assert top(apply_text_rules(sure, text)) == "Grenade"
    unsure = {"Grenade": 0.35, "Air/drone strike": 0.3, "Other": 0.35}
    assert top(apply_text_rules(unsure, text)) == "Air/drone strike"  # the taxonomy's precedence


def test_fighter_jets_and_irritant_gas_name_their_weapon():
    jets = {"Air/drone strike": 0.3, "Shelling/artillery/missile attack": 0.3, "Attack": 0.4}
    text = "F-16s struck a depot outside the town, a week after a rocket attack on the base."
    assert top(apply_text_rules(jets, text)) == "Air/drone strike"
    gas = {"Chemical weapon": 0.25, "Air/drone strike": 0.35, "Agreement": 0.4}
    assert top(apply_text_rules(gas, "A drone dropped irritant gas on a trench, burning two soldiers' eyes.")) == \
        "Chemical weapon"


def test_no_interception_word_takes_from_disrupted_without_reordering_the_rest():
    p = {"Disrupted weapons use": 0.3, "Abduction/forced disappearance": 0.36, "Remote explosive/landmine/IED": 0.34}
    got = apply_text_rules(p, "Gunmen took a village chief from his car on Thursday evening.")
    assert got["Disrupted weapons use"] < 0.1
    assert top(got) == "Abduction/forced disappearance"
    assert sum(got.values()) == pytest.approx(1.0)


def test_a_crowd_that_storms_and_burns_is_a_violent_demonstration():
    p = {"Peaceful protest": 0.5, "Violent demonstration": 0.3, "Mob violence": 0.2}
    text = "Protesters stormed the town hall and set fire to its doors."
    assert top(apply_trigger_rules(p, "stormed", text)) == "Violent demonstration"
    calm = "Protesters marched to the town hall and handed in a petition."
    assert top(apply_trigger_rules(p, "marched", calm)) == "Peaceful protest"


def test_two_sides_that_fought_are_a_battle_even_beside_civilians():
    # actor rules read "villagers" as the victims and lean to an attack; the verb says both sides fought
    p = apply_actor_rules({"Armed clash": 0.7, "Attack": 0.3}, "state_forces", "civilians")
    assert top(p) == "Attack"
    text = "Soldiers and rebels fought near the village for hours, and villagers fled."
    assert top(apply_trigger_rules(p, "fought", text)) == "Armed clash"
    assert top(apply_trigger_rules(p, "killed", "Soldiers killed four villagers.")) == "Attack"


def test_air_operations_are_an_air_strike_not_property_destruction():
    p = {"Air/drone strike": 0.5, "Looting/property destruction": 0.2, "Other": 0.3}
    text = "The ministry said 30 depots were destroyed in air operations overnight."
    assert top(apply_text_rules(p, text)) == "Air/drone strike"


def test_a_detainee_whose_fate_is_hidden_was_disappeared_whoever_took_him():
    p = {"Arrests": 0.55, "Abduction/forced disappearance": 0.3, "Attack": 0.15}
    seized = "Military Security personnel took a young man from a barber's shop in Douma on Thursday."
    assert top(apply_text_rules(p, seized)) == "Arrests"
    told = seized + " His family has been told nothing of his whereabouts, an activist network said."
    assert top(apply_text_rules(p, seized, told)) == "Abduction/forced disappearance"


def test_opening_a_post_is_not_opening_fire():
    p = {"Headquarters or base established": 0.35, "Attack": 0.3, "Armed clash": 0.35}
    post = "Russian military police opened a new observation post in the village north of Raqqa."
    assert top(apply_trigger_rules(p, "opened", post)) == "Headquarters or base established"
    fire = "Soldiers opened fire on a car at the checkpoint."
    assert top(apply_trigger_rules(p, "opened", fire)) in ("Attack", "Armed clash")


def test_ground_that_changes_hands_without_a_fight_is_a_non_violent_transfer():
    p = {"Non-state actor overtakes territory": 0.6, "Non-violent transfer of territory": 0.2,
         "Armed clash": 0.1, "Change to group/activity": 0.1}
    quiet = "Al-Shabaab fighters moved into the town of Elbur on Wednesday. No fighting was reported."
    assert top(apply_trigger_rules(p, "moved", quiet)) == "Non-violent transfer of territory"
    fought = "Al-Shabaab fighters stormed the town of Elbur on Wednesday after hours of fighting."
    assert top(apply_trigger_rules(p, "stormed", fought)) == "Non-state actor overtakes territory"


def test_a_base_handed_over_is_a_transfer_not_a_change_to_the_group():
    p = {"Change to group/activity": 0.6, "Non-violent transfer of territory": 0.3, "Other": 0.1}
    text = "The militias handed over their positions near the river to the army and moved their fighters east."
    assert top(apply_trigger_rules(p, "handed", text)) == "Non-violent transfer of territory"


def test_a_prisoner_swap_or_a_surrender_is_an_agreement():
    p = {"Change to group/activity": 0.45, "Agreement": 0.35, "Arrests": 0.2}
    assert top(apply_trigger_rules(p, "surrendered", "About 300 fighters surrendered to troops in Bama.")) == "Agreement"
    assert top(apply_trigger_rules(p, "swapped", "The two sides swapped 15 prisoners on Thursday.")) == "Agreement"


def test_property_taken_or_burned_with_nobody_hurt_is_looting():
    p = {"Change to group/activity": 0.5, "Looting/property destruction": 0.3, "Attack": 0.2}
    assert top(apply_trigger_rules(p, "looted", "M23 fighters looted medicines from the hospital.")) == \
        "Looting/property destruction"
    killed = "M23 fighters looted the hospital and killed two guards."
    assert top(apply_trigger_rules({"Attack": 0.5, "Looting/property destruction": 0.5}, "killed", killed)) == "Attack"


def test_a_named_toxic_chemical_decides_whatever_carried_it():
    from dateline.events.coding_rules import decisive_sub_type

    p = {"Shelling/artillery/missile attack": 0.7, "Chemical weapon": 0.2, "Air/drone strike": 0.1}
    rockets = "Islamic State fired rockets filled with a mustard agent at the town, wounding hundreds."
    assert top(apply_text_rules(p, rockets)) == "Chemical weapon"
    assert decisive_sub_type("A junta aircraft dropped a bomb that released a yellowish gas over the village.") == \
        "Chemical weapon"
    assert decisive_sub_type("Police fired tear gas at the crowd and used water cannon.") is None
    assert decisive_sub_type("Artillery fired white phosphorus shells at the town.") is None


def test_a_rape_is_sexual_violence_even_when_the_victim_was_then_killed():
    from dateline.events.coding_rules import decisive_sub_type

    text = "Gunmen killed a woman after sexually assaulting her on a farm near the village on Friday."
    assert decisive_sub_type(text) == "Sexual violence"
    p = {"Arrests": 0.6, "Sexual violence": 0.3, "Attack": 0.1}
    assert top(apply_text_rules(p, "Police arrested a policeman accused of raping a girl in a police car.")) == \
        "Sexual violence"


def test_bodies_found_shot_are_an_attack_not_a_development():
    p = {"Other": 0.6, "Attack": 0.3, "Change to group/activity": 0.1}
    text = "Nine bodies with gunshot wounds were dumped on a road on Thursday alongside a message signed by a cartel."
    assert top(apply_text_rules(p, text)) == "Attack"


def test_kidnappers_abduct_even_when_the_police_tell_of_it():
    p = {"Arrests": 0.6, "Abduction/forced disappearance": 0.4}
    text = "Police in Kirkuk said a gang kidnapped a businessman on Tuesday and demanded a ransom."
    assert top(apply_text_rules(p, text)) == "Abduction/forced disappearance"


def test_closures_curfews_levies_and_mass_graves_are_other_developments():
    p = {"Change to group/activity": 0.5, "Other": 0.3, "Agreement": 0.2}
    for text in ("The General Command announced the closure of the crossings with the SDF areas until further notice.",
                 "Authorities imposed a curfew on the city after the unrest.",
                 "Bandits imposed levies on villages in the district, residents said.",
                 "Civil defence teams exhumed the remains of 21 people from a mass grave."):
        assert top(apply_text_rules(p, text)) == "Other", text


def test_arrests_at_a_protest_belong_to_the_protest():
    p = {"Arrests": 0.7, "Protest with intervention": 0.2, "Peaceful protest": 0.1}
    at_rally = "Security forces arrested four young men who held up banners during a small protest in Jaramana."
    assert top(apply_trigger_rules(p, "arrested", at_rally)) == "Protest with intervention"
    raid = "Security forces arrested four young men in a dawn raid on their homes in Jaramana."
    assert top(apply_trigger_rules(p, "arrested", raid)) == "Arrests"


def test_tear_gas_and_warning_shots_with_nobody_hurt_are_an_intervention_not_excessive_force():
    p = {"Excessive force against protesters": 0.6, "Protest with intervention": 0.3, "Peaceful protest": 0.1}
    scared = "Security forces fired shots in the air to scare off protesters who had gathered at the square."
    assert top(apply_trigger_rules(p, "fired", scared)) == "Protest with intervention"
    killed = "Security forces fired tear gas and live ammunition at protesters, killing two of them."
    assert top(apply_trigger_rules(p, "fired", killed)) == "Excessive force against protesters"


def test_a_crowd_burning_a_shop_is_left_to_the_riot_types():
    p = {"Mob violence": 0.6, "Looting/property destruction": 0.4}
    text = "Worshippers leaving a mosque attacked and ransacked a shop selling alcohol, police said."
    assert top(apply_trigger_rules(p, "ransacked", text)) == "Mob violence"


def test_a_crowd_that_burns_the_police_station_riots_even_when_the_police_kill():
    p = {"Excessive force against protesters": 0.6, "Violent demonstration": 0.3, "Protest with intervention": 0.1}
    text = "Security forces opened fire after protesters set fire to the police station, killing one person."
    assert top(apply_trigger_rules(p, "opened", text)) == "Violent demonstration"


def test_a_mob_without_organised_arms_is_mob_violence_not_a_battle():
    p = {"Armed clash": 0.5, "Attack": 0.3, "Mob violence": 0.2}
    lynching = "A mob at a factory tortured and killed a manager over blasphemy accusations, police said."
    assert top(apply_trigger_rules(p, "killed", lynching)) == "Mob violence"
    armed = "Gunmen from a rival gang killed a manager at a factory, police said."
    assert top(apply_trigger_rules(p, "killed", armed)) != "Mob violence"


def test_gunmen_burning_an_office_destroy_property_rather_than_riot():
    p = {"Violent demonstration": 0.6, "Looting/property destruction": 0.4}
    text = "Gunmen set ablaze the office of the electoral commission, destroying ballot boxes, police said."
    assert top(apply_trigger_rules(p, "set", text)) == "Looting/property destruction"


def test_a_curfew_told_beside_a_capture_leaves_the_capture():
    p = {"Non-state actor overtakes territory": 0.6, "Other": 0.4}
    text = ("Fano militiamen took control of Lalibela after clashes with the army, residents said, "
            "as the government declared a state of emergency.")
    assert top(apply_text_rules(p, text)) == "Non-state actor overtakes territory"


def test_drones_destroyed_in_flight_are_disrupted_not_a_strike():
    p = {"Air/drone strike": 0.6, "Disrupted weapons use": 0.3, "Shelling/artillery/missile attack": 0.1}
    text = "Ukrainian forces destroyed 19 of the 24 Shahed drones launched overnight, the air force said."
    assert top(apply_text_rules(p, text)) == "Disrupted weapons use"


def test_the_weapon_that_opens_the_sentence_decides_over_the_fight_after_it():
    from dateline.events.coding_rules import decisive_sub_type

    text = "An explosive device hit a patrol near Muzayrib on Monday, after which gunmen opened fire on the survivors."
    assert decisive_sub_type(text) == "Remote explosive/landmine/IED"
    assert decisive_sub_type("Gunmen opened fire on a patrol near Muzayrib on Monday.") is None


def test_fighters_who_beheaded_two_men_attacked_them_and_a_gunfight_is_a_battle():
    p = {"Armed clash": 0.6, "Attack": 0.4}
    text = "Islamic State militants beheaded two men in the main square on Friday after accusing them of spying."
    assert top(apply_trigger_rules(p, "beheaded", text)) == "Attack"


def test_a_new_base_is_a_base_not_a_change_to_the_group():
    p = {"Change to group/activity": 0.6, "Headquarters or base established": 0.4}
    text = "The American forces built a new base in the area of Harir and moved helicopters to it."
    assert top(apply_trigger_rules(p, "built", text)) == "Headquarters or base established"


def test_a_car_bomb_driven_into_a_checkpoint_is_a_suicide_bomb():
    p = {"Remote explosive/landmine/IED": 0.5, "Suicide bomb": 0.3, "Armed clash": 0.2}
    text = "A fighter drove an explosives-laden truck into an army checkpoint west of Tabqa, killing nine soldiers."
    assert top(apply_text_rules(p, text)) == "Suicide bomb"


def test_a_device_that_struck_decides_over_a_quiet_reading_of_its_target():
    from dateline.events.coding_rules import decisive_sub_type

    text = "A roadside bomb targeted the car of a militia commander who had recently changed sides, killing him."
    assert decisive_sub_type(text) == "Remote explosive/landmine/IED"


def test_men_accused_of_killing_civilians_after_a_capture_attacked_them():
    p = {"Government regains territory": 0.5, "Armed clash": 0.2, "Attack": 0.3}
    text = ("Monitors accused pro-government fighters of killing at least nine civilians in two villages "
            "after the town's recapture.")
    assert top(apply_trigger_rules(p, "killing", text)) == "Attack"


def test_fire_traded_with_no_shell_named_is_a_battle():
    p = {"Shelling/artillery/missile attack": 0.5, "Armed clash": 0.4, "Attack": 0.1}
    text = "Rival factions traded fire along the front line north of Manbij overnight, each blaming the other."
    assert top(apply_trigger_rules(p, "traded", text)) == "Armed clash"
    shelled = "Rival factions traded artillery fire along the front line north of Manbij overnight."
    assert top(apply_trigger_rules(p, "traded", shelled)) == "Shelling/artillery/missile attack"


def test_a_palace_cleansed_of_rebels_is_ground_taken():
    p = {"Government regains territory": 0.45, "Looting/property destruction": 0.35, "Armed clash": 0.2}
    text = ("Army units cleansed the old city of the remaining rebel fighters and seized their weapons, "
            "a military spokesman announced.")
    assert top(apply_trigger_rules(p, "cleansed", text)) == "Government regains territory"
    q = {"Armed clash": 0.6, "Government regains territory": 0.4}
    assert top(apply_trigger_rules(q, "cleansed", text)) == "Government regains territory"


def test_people_taken_from_their_homes_were_abducted_or_arrested_not_a_capture():
    p = {"Non-state actor overtakes territory": 0.5, "Abduction/forced disappearance": 0.3, "Arrests": 0.2}
    text = "Militants took four village teachers from their homes near Gao at night, relatives said."
    assert top(apply_trigger_rules(p, "took", text)) == "Abduction/forced disappearance"


def test_a_detainee_killed_after_the_arrest_is_an_attack():
    p = {"Arrests": 0.6, "Attack": 0.4}
    text = "Relatives said soldiers detained and then executed a shepherd near Khost, weeks after his return."
    assert top(apply_trigger_rules(p, "detained", text)) == "Attack"


def test_a_dispersed_protest_had_an_intervention_and_one_without_arrests_was_peaceful():
    p = {"Peaceful protest": 0.6, "Protest with intervention": 0.4}
    dispersed = "Police dispersed residents protesting against a new toll road in Marea, activists said."
    assert top(apply_trigger_rules(p, "protesting", dispersed)) == "Protest with intervention"
    q = {"Peaceful protest": 0.4, "Protest with intervention": 0.6}
    calm = "Hundreds of students rallied outside the parliament on Monday, and the rally ended without arrests."
    assert top(apply_trigger_rules(q, "rallied", calm)) == "Peaceful protest"


def test_residents_who_attack_refugees_homes_are_a_mob_and_a_lynching_stays_one_when_handed_over():
    p = {"Armed clash": 0.6, "Mob violence": 0.4}
    text = "After a fight at a market, residents of the town attacked homes of displaced families, the army said."
    assert top(apply_trigger_rules(p, "attacked", text)) == "Mob violence"
    q = {"Non-violent transfer of territory": 0.6, "Mob violence": 0.4}
    lynch = "Villagers lynched a suspected thief and then handed him over to the police, barely alive."
    assert top(apply_trigger_rules(q, "lynched", lynch)) == "Mob violence"


def test_an_agreement_that_settles_a_release_is_an_agreement():
    p = {"Arrests": 0.6, "Agreement": 0.4}
    text = "The two sides agreed on the release of the detained men in exchange for an end to the raids."
    assert top(apply_trigger_rules(p, "agreed", text)) == "Agreement"


def test_an_oil_field_shut_down_by_a_militia_is_another_development():
    p = {"Non-state actor overtakes territory": 0.6, "Other": 0.4}
    text = "Tribal militias shut down the main oil field in the south, halting exports, the oil company said."
    assert top(apply_text_rules(p, text)) == "Other"


def test_sexual_violence_needs_words_of_its_own():
    p = {"Sexual violence": 0.5, "Abduction/forced disappearance": 0.3, "Other": 0.2}
    taken = "A women's rights campaigner was taken from her flat in Herat by armed men on Tuesday night."
    assert top(apply_text_rules(p, taken)) == "Abduction/forced disappearance"
    told = "A women's rights campaigner was raped by armed men in Herat on Tuesday night."
    assert top(apply_text_rules(p, told)) == "Sexual violence"


def test_houses_and_land_confiscated_are_property_taken_not_arrests():
    p = {"Arrests": 0.6, "Looting/property destruction": 0.4}
    text = "Militia authorities confiscated the houses and farmland of 20 exiled opposition figures in Sanaa."
    assert top(apply_text_rules(p, text)) == "Looting/property destruction"
    seized_people = "Militia authorities detained 20 opposition figures and confiscated their houses in Sanaa."
    assert top(apply_text_rules(p, seized_people)) == "Arrests"


def test_an_emergency_declared_after_mobs_burned_shops_is_not_the_event():
    p = {"Other": 0.6, "Mob violence": 0.4}
    text = "Mobs burned shops and a mosque in the old town, prompting the government to declare a state of emergency."
    assert top(apply_text_rules(p, text)) == "Mob violence"
    measure = "The government declared a state of emergency in the old town on Monday."
    assert top(apply_text_rules(p, measure)) == "Other"


def test_a_decisive_sub_type_is_as_sure_as_the_event_even_when_the_text_model_hesitated():
    from dateline.events.extractor import EventExtractor

    text = {"Sexual violence": 0.33, "Change to group/activity": 0.17, "Peaceful protest": 0.13, "Attack": 0.37}
    sub, p_sub = EventExtractor._sub_type(text, dict(text), "Sexual violence")
    assert (sub, p_sub) == ("Sexual violence", 0.9)
    sub, p_sub = EventExtractor._sub_type(text, dict(text), None)
    assert sub == "Attack" and p_sub < 0.5


def test_set_fire_is_an_event_word_of_its_own_and_other_verbs_do_not_speak_for_it():
    p = {"Violent demonstration": 0.45, "Change to group/activity": 0.35, "Armed clash": 0.2}
    text = "Protesters set fire to the governor's office after a rally, and police later killed one of them."
    ruled = apply_trigger_rules(p, "set", text, verbs=["set", "killed"])
    assert top(ruled) == "Violent demonstration"  # "killed" told in passing moved nothing to a battle


def test_captives_put_to_death_are_an_attack_not_a_change_of_activity():
    p = {"Change to group/activity": 0.56, "Attack": 0.3, "Other": 0.14}
    text = ("A judge of the group's court read out a verdict in the square before executing what it "
            "called \"apostate\" villagers.")
    assert top(apply_trigger_rules(dict(p), "executing", text)) == "Attack"


def test_gunmen_who_killed_an_activist_attacked_him():
    p = {"Armed clash": 0.55, "Attack": 0.45}
    text = "Gunmen killed a journalist outside his home in Basra late on Monday, police said."
    assert top(apply_trigger_rules(dict(p), "killed", text)) == "Attack"


def test_a_release_agreed_on_is_an_agreement():
    p = {"Arrests": 0.5, "Agreement": 0.3, "Other": 0.2}
    text = ("The army command and the militia leaders agreed in Basra on the release of the detained fighters "
            "in exchange for an end to the rocket fire, a source said.")
    assert top(apply_trigger_rules(dict(p), "agreed", text)) == "Agreement"


def test_a_pull_out_under_a_deal_is_a_transfer_of_territory():
    p = {"Non-state actor overtakes territory": 0.5, "Non-violent transfer of territory": 0.3, "Agreement": 0.2}
    text = "Militia fighters pulled out of the border town under a Russian-brokered deal, leaving it to the army."
    assert top(apply_trigger_rules(dict(p), "pulled", text)) == "Non-violent transfer of territory"


def test_ground_entered_after_its_holders_fled_without_a_fight_is_a_transfer():
    p = {"Non-state actor overtakes territory": 0.6, "Non-violent transfer of territory": 0.4}
    text = "Local factions took over the security offices in the city after government staff fled overnight."
    assert top(apply_trigger_rules(dict(p), "took", text)) == "Non-violent transfer of territory"
    fought = "Rebels entered the city after the troops pulled out following days of clashes."
    assert top(apply_trigger_rules(dict(p), "entered", fought)) == "Non-state actor overtakes territory"


def test_kettled_marchers_had_a_protest_with_intervention():
    p = {"Excessive force against protesters": 0.5, "Protest with intervention": 0.3, "Peaceful protest": 0.2}
    text = "Police kettled hundreds of marchers near the parliament and pushed them back with shields."
    assert top(apply_trigger_rules(dict(p), "kettled", text)) == "Protest with intervention"


def test_a_mob_met_with_tear_gas_is_still_a_mob():
    p = {"Mob violence": 0.4, "Protest with intervention": 0.35, "Peaceful protest": 0.25}
    text = "A mob tried to storm the police station and set fire to two cars; security forces fired tear gas."
    assert top(apply_trigger_rules(dict(p), "storm", text)) != "Protest with intervention"


def test_residents_of_a_neighbourhood_who_stone_a_man_are_a_mob_and_vigilantes_who_fight_bandits_a_battle():
    p = {"Attack": 0.6, "Mob violence": 0.4}
    text = "Residents in the city's old market district stoned and set on fire a suspected thief."
    assert top(apply_trigger_rules(dict(p), "stoned", text)) == "Mob violence"
    q = {"Mob violence": 0.6, "Armed clash": 0.4}
    fight = "Local vigilantes fought off bandits who stormed the village on Tuesday night."
    assert top(apply_trigger_rules(dict(q), "fought", fight)) == "Armed clash"


@pytest.mark.parametrize("text", [
    "Militants wearing explosive vests stormed the ministry; four of them blew themselves up.",
    "An istishhadi of the group drove a booby-trapped vehicle into a gathering of soldiers at the front.",
])
def test_a_suicide_attacker_named_decides_the_sub_type(text):
    assert decisive_sub_type(text) == "Suicide bomb"


def test_a_car_detonated_remotely_is_an_ied_even_if_first_called_a_suicide_attack():
    text = ("Early reports spoke of a suicide attack, but police said the car that exploded had been parked "
            "and was detonated remotely.")
    assert decisive_sub_type(text) is None
    p = {"Suicide bomb": 0.6, "Remote explosive/landmine/IED": 0.4}
    assert top(apply_text_rules(p, text)) == "Remote explosive/landmine/IED"


def test_missiles_partly_intercepted_still_struck():
    p = {"Air/drone strike": 0.3, "Disrupted weapons use": 0.6, "Shelling/artillery/missile attack": 0.1}
    text = ("Warplanes fired missiles at positions near the capital overnight and air defences intercepted most "
            "of the hostile missiles, the army said.")
    assert top(apply_text_rules(dict(p), text)) == "Air/drone strike"
    whole = "Air defences intercepted all eight missiles fired at the airbase overnight, the army said."
    assert top(apply_text_rules(dict(p), whole)) == "Disrupted weapons use"


def test_a_fight_told_hours_after_a_bomb_is_a_battle():
    p = {"Remote explosive/landmine/IED": 0.45, "Armed clash": 0.4, "Attack": 0.15}
    text = ("Government troops clashed with militants in the desert on Thursday, hours after a roadside bomb hit "
            "one of their vehicles.")
    assert top(apply_text_rules(apply_trigger_rules(dict(p), "clashed", text), text)) == "Armed clash"


def test_a_bystander_shot_by_police_at_a_protest_is_excessive_force_and_a_crowd_that_threw_firecrackers_rioted():
    p = {"Attack": 0.6, "Excessive force against protesters": 0.4}
    text = "A teacher was killed by a police bullet during anti-tax protests in the town on Thursday."
    assert top(apply_trigger_rules(dict(p), "killed", text)) == "Excessive force against protesters"
    q = {"Change to group/activity": 0.6, "Violent demonstration": 0.4}
    riot = "Students rammed a truck into the palace gate and threw firecrackers at the guards."
    assert top(apply_trigger_rules(dict(q), "rammed", riot)) == "Violent demonstration"


def test_tribesmen_who_burn_a_rival_clans_houses_destroy_property():
    p = {"Mob violence": 0.6, "Looting/property destruction": 0.4}
    text = "Members of a tribe burned three houses belonging to a rival clan after a dispute, police said."
    assert top(apply_trigger_rules(dict(p), "burned", text)) == "Looting/property destruction"


def test_students_left_missing_by_gunmen_who_raided_their_school_were_abducted():
    p = {"Change to group/activity": 0.3, "Excessive force against protesters": 0.4, "Abduction/forced disappearance": 0.3}
    text = ("Hundreds of pupils of a boarding school were still unaccounted for on Saturday after gunmen "
            "invaded the school on Friday night.")
    assert top(apply_text_rules(dict(p), text)) == "Abduction/forced disappearance"
    killed = "Five villagers were killed and two are missing after bandits attacked the market."
    assert top(apply_text_rules(dict(p), killed)) != "Abduction/forced disappearance"


def test_someone_pulled_from_her_car_and_shot_was_attacked():
    p = {"Armed clash": 0.4, "Attack": 0.35, "Abduction/forced disappearance": 0.25}
    text = "The party's leader was pulled from her car and shot at a roadblock set up by a rival faction."
    assert top(apply_trigger_rules(dict(p), "pulled", text)) == "Attack"


def test_fire_opened_on_a_crowd_nobody_says_was_protesting_is_an_attack():
    p = {"Excessive force against protesters": 0.5, "Attack": 0.3, "Armed clash": 0.2}
    text = "Gunmen then opened fire on the crowd waiting at the airport gate, officials said."
    assert top(apply_text_rules(dict(p), text, text)) == "Attack"
    protest = "Police opened fire on the crowd of protesters outside the governor's office."
    assert top(apply_text_rules(dict(p), protest, protest)) == "Excessive force against protesters"


def test_a_local_truce_reached_is_a_deal():
    from dateline.events.taxonomy_cues import DEAL
    assert DEAL.search("after rebels and the government reached a local truce")


def test_a_crowd_that_killed_a_suspect_a_day_after_rebels_struck_is_a_mob():
    p = {"Attack": 0.6, "Mob violence": 0.4}
    text = ("Angry villagers in Beni beat a man to death on Sunday, accusing him of guiding the militia, a day "
            "after rebels killed nine farmers nearby, the mayor said.")
    assert top(apply_trigger_rules(dict(p), "beat", text)) == "Mob violence"


def test_residents_who_stone_suspected_gang_members_are_a_mob_and_armed_doers_are_not():
    p = {"Attack": 0.6, "Mob violence": 0.4}
    lynching = "Residents of the market district stoned and burned four suspected gang members caught by police."
    assert top(apply_trigger_rules(dict(p), "stoned", lynching)) == "Mob violence"
    armed = "Gunmen and angry youths attacked the village, burning homes."
    assert top(apply_trigger_rules(dict(p), "attacked", armed)) == "Attack"


def test_tear_gas_that_lightly_injures_protesters_is_an_intervention_not_excessive_force():
    p = {"Excessive force against protesters": 0.6, "Protest with intervention": 0.4}
    light = "Militia members fired tear gas at protesters demanding the release of detainees, injuring four."
    assert top(apply_trigger_rules(dict(p), "fired", light)) == "Protest with intervention"
    serious = "Police fired tear gas canisters at protesters' heads, leaving two critically injured in hospital."
    assert top(apply_trigger_rules(dict(p), "fired", serious)) == "Excessive force against protesters"


def test_suicide_belts_seized_in_a_raid_are_no_suicide_bombing():
    text = "Police said they arrested three men in the raid and seized two explosive belts and a rifle."
    assert decisive_sub_type(text) is None
    assert decisive_sub_type("A bomber wearing an explosive belt blew himself up at the checkpoint.") == "Suicide bomb"


def test_a_banner_signed_by_a_cartel_is_no_deal():
    p = {"Agreement": 0.6, "Other": 0.4}
    text = "Banners signed by the cartel were hung from two bridges overnight, warning the police."
    assert top(apply_trigger_rules(dict(p), "signed", text)) == "Other"
    deal = "The truce signed by both sides on Friday held through the weekend."
    assert top(apply_trigger_rules(dict(p), "signed", deal)) == "Agreement"


def test_ground_taken_after_the_last_fighters_inside_left_is_a_transfer():
    from dateline.events.taxonomy_cues import ABANDONED
    assert ABANDONED.search("Government troops entered the dam after the last rebel fighters inside it left at dawn.")


@pytest.mark.parametrize("text, expected", [
    # taxonomy: cruise missiles launched from aircraft far from the target are missile attacks
    ("Strategic bombers fired cruise missiles at the port city overnight; two struck grain silos.",
     "Shelling/artillery/missile attack"),
    # a bomber on foot or driving a truck packed with explosives is a suicide attacker, not an aircraft
    ("A bomber on foot walked into the queue outside the passport office and blew himself up.", "Suicide bomb"),
    ("Militants drove a truck packed with explosives into the outer wall of the base at dawn.", "Suicide bomb"),
    # the chemical decides whatever carried it
    ("Soldiers threw gas grenades into the trench, forcing the defenders out.", "Chemical weapon"),
])
def test_the_weapon_and_its_delivery_decide_the_explosion(text, expected):
    p = {"Air/drone strike": 0.4, "Shelling/artillery/missile attack": 0.2, "Suicide bomb": 0.1,
         "Grenade": 0.2, "Chemical weapon": 0.1}
    got = apply_text_rules(dict(p), text)
    decisive = decisive_sub_type(text)
    assert (decisive if decisive and decisive in ("Chemical weapon", "Suicide bomb") else top(got)) == expected


def test_drones_mostly_shot_down_but_one_hit_struck_and_a_bomb_that_went_off_early_was_disrupted():
    p = {"Disrupted weapons use": 0.5, "Air/drone strike": 0.3, "Remote explosive/landmine/IED": 0.1,
         "Suicide bomb": 0.1}
    struck = "The militia launched 30 drones at the city overnight; most were shot down, but two hit a power station."
    assert top(apply_text_rules(dict(p), struck, struck)) == "Air/drone strike"
    early = "Two men were killed when the bomb they were planting by the road exploded prematurely, police said."
    q = {"Disrupted weapons use": 0.2, "Remote explosive/landmine/IED": 0.5, "Attack": 0.3}
    assert top(apply_text_rules(dict(q), early, early)) == "Disrupted weapons use"
    anyway = "A man stopped at the gate detonated his explosive vest as guards approached, killing three of them."
    assert top(apply_text_rules(dict(p), anyway, anyway)) != "Disrupted weapons use"


def test_beatings_that_send_protesters_to_hospital_are_excessive_force_and_a_killing_protested_is_not():
    p = {"Protest with intervention": 0.6, "Excessive force against protesters": 0.4}
    beaten = "Riot police beat marchers with batons outside the ministry; 14 people were taken to hospital with head injuries."
    assert top(apply_trigger_rules(dict(p), "beat", beaten)) == "Excessive force against protesters"
    motive = "Police fired tear gas at people who gathered to protest against the killing of a young man."
    assert top(apply_trigger_rules(dict(p), "fired", motive)) == "Protest with intervention"


def test_a_crowd_that_burns_homes_and_a_church_is_a_mob_and_one_that_throws_bottles_at_police_riots():
    p = {"Looting/property destruction": 0.6, "Mob violence": 0.2, "Violent demonstration": 0.2}
    mob = "A crowd set fire to a church and a dozen Christian homes in the village after a rumour of blasphemy spread."
    assert top(apply_trigger_rules(dict(p), "set", mob)) == "Mob violence"
    q = {"Protest with intervention": 0.6, "Violent demonstration": 0.4}
    riot = "Protesters threw bottles and fireworks at police lines, who answered with water cannon."
    assert top(apply_trigger_rules(dict(q), "threw", riot)) == "Violent demonstration"


def test_a_forced_marriage_to_fighters_is_sexual_violence():
    p = {"Change to group/activity": 0.7, "Sexual violence": 0.3}
    text = "Women freed from the group said they had been forced to marry its fighters."
    assert top(apply_text_rules(dict(p), text, text)) == "Sexual violence"


def test_vehicles_torched_with_nobody_hurt_are_property_destroyed_not_a_battle():
    p = {"Armed clash": 0.5, "Looting/property destruction": 0.3, "Attack": 0.2}
    text = "Cartel gunmen torched a dozen trucks at roadblocks outside the city overnight; nobody was hurt."
    assert top(apply_trigger_rules(dict(p), "torched", text)) == "Looting/property destruction"


def test_a_body_found_with_gunshot_wounds_is_a_killing_not_an_abduction():
    p = {"Abduction/forced disappearance": 0.6, "Attack": 0.4}
    text = "The body of an abducted engineer was found near the river on Friday with gunshot wounds, police said."
    assert top(apply_text_rules(dict(p), text, text)) == "Attack"

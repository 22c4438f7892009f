"""Whole short articles written for these tests: what becomes an event, who did it, and the toll.

Each test is a small story a reader of conflict news would recognise: a dateline that is not the
scene, a toll told in the lead before the incident, a photo of the aftermath, an analyst's
generalisation, a speaker telling of its own strike. The pipeline loads once (session fixture).
"""
from __future__ import annotations


def violent(result):
    return [e for e in result.events if e.event_type != "Strategic developments"]


def test_the_dateline_city_is_not_where_the_strike_fell(analyze):
    r = analyze("BEIRUT - Government warplanes struck a crowded market in the town of Ariha on Tuesday, "
                "killing nine civilians, rescuers said.")
    e = violent(r)[0]
    assert e.location_text != "BEIRUT"


def test_a_country_that_backs_a_militia_is_not_the_scene(analyze):
    text = ("A drone strike near Baghdad International Airport killed seven people on Friday.\n\n"
            "Missiles struck two vehicles carrying members of the Iran-backed militias as they left the airport, "
            "an official said.")
    r = analyze(text)
    assert len(violent(r)) == 1
    assert all((e.place or {}).get("name") != "Iran" for e in r.events)


def test_a_toll_in_the_lead_belongs_to_the_blast_told_after_it(analyze):
    text = ("The death toll from two explosions at the university in Aleppo on Tuesday has risen to 87, a "
            "monitoring group said, as both sides continued to blame each other.\n\n"
            "Government warplanes had bombed the campus while students sat exams, activists said.")
    e = violent(analyze(text))[0]
    assert e.fatalities == 87


def test_a_campaign_total_paragraphs_away_is_not_the_incidents_toll(analyze):
    text = ("Fighters fled towards Mayadeen after the army shelled their positions near Deir ez-Zor on Monday.\n\n"
            "The city had been held by the group for four years.\n\n"
            "Analysts expect the group to return to insurgency.\n\n"
            "Activists say between 1,130 and 1,873 civilians were killed, many of them by the air strikes.")
    for e in analyze(text).events:
        assert e.fatalities is None or e.fatalities < 1000


def test_nobody_hurt_in_the_next_sentence_is_a_zero_toll(analyze):
    text = ("Two mortar rounds landed inside the Green Zone in Baghdad late on Saturday, the military said. "
            "Nobody was hurt.")
    e = violent(analyze(text))[0]
    assert e.fatalities == 0


def test_a_photo_of_the_aftermath_is_the_same_incident(analyze):
    text = ("A Russian missile struck the railway station in Kramatorsk on Friday, killing 50 people.\n\n"
            "Photos from the scene show bodies next to luggage and the remains of the missile.")
    r = analyze(text)
    assert len(r.events) == 1
    assert r.events[0].fatalities == 50


def test_an_analysts_generalisation_is_no_event(analyze):
    text = ("Every time a bomb falls in Syria, at least three numbers appear within hours. Government media "
            "rarely give civilian tolls at all; they report terrorists killed and martyrs from the army.")
    assert analyze(text, published=None).events == []


def test_an_intention_in_an_infinitive_is_not_the_event_word(analyze):
    text = ("The aircraft have intensified their raids on the old city in the past days, killing dozens, in "
            "support of the army, which is trying to advance towards Mosul.")
    assert analyze(text).events == []


def test_the_victim_named_after_the_strike_is_not_its_owner(analyze):
    r = analyze("A US drone strike near Baghdad International Airport on Friday killed the commander of "
                "Iran's Quds Force.")
    e = violent(r)[0]
    assert e.actor1_name != "Military Forces of Iran"


def test_a_claim_of_responsibility_names_the_agent(analyze):
    r = analyze("Car bomb kills three in Qamishli, Islamic State claims responsibility")
    e = violent(r)[0]
    assert e.actor1_name == "Islamic State"


def test_a_group_that_forms_and_a_group_that_reinforces_are_two_developments(analyze):
    text = ("Opposition factions formed a new military council in Raqqa province on Monday, its founders said.\n\n"
            "Islamic State brought in reinforcements to Raqqa from the Aleppo countryside on Tuesday.")
    assert len([e for e in analyze(text).events if e.event_type == "Strategic developments"]) == 2


def test_two_clauses_two_events(analyze):
    r = analyze("Government artillery shelled the village of Kafr Zita on Thursday while rebels seized the "
                "town of Khan Sheikhoun after heavy fighting.")
    kinds = {e.event_type for e in r.events}
    assert {"Explosions/Remote violence", "Battles"} <= kinds


def test_killing_and_wounding_in_one_breath_stay_one_event(analyze):
    r = analyze("Gunmen killed three people and wounded five others at a market in Maiduguri on Monday.")
    assert len(r.events) == 1


def test_victims_of_the_main_clause_are_not_the_ambushers(analyze):
    r = analyze("Eight Malian soldiers were killed on Sunday when militants of the al-Qaeda-linked JNIM "
                "ambushed an army convoy near Gao, the army said.")
    e = violent(r)[0]
    assert e.actor1_name not in ("Military Forces of Mali", "al-Qaeda")
    assert e.actor2_name == "Military Forces of Mali"


def test_unnamed_gunmen_are_the_agent_not_the_convoy_they_attacked(analyze):
    r = analyze("Unidentified gunmen attacked a convoy of the Malian armed forces near Gao on Sunday, killing "
                "six soldiers, an official said.")
    e = violent(r)[0]
    assert e.actor1_name == "Unidentified Armed Group (Mali)"
    assert e.actor2_name == "Military Forces of Mali"


def test_aircraft_believed_to_be_russian_are_russian(analyze):
    r = analyze("Warplanes believed to be Russian carried out several strikes on a market in Maarat al-Numan "
                "this morning, killing 31 civilians.")
    e = violent(r)[0]
    assert e.actor1_name == "Military Forces of Russia"
    assert e.actor2_name.startswith("Civilians")


def test_it_after_the_event_word_is_the_city_named_before(analyze):
    r = analyze("The situation in Raqqa can be compared to Iraq's Mosul, which was also recaptured from ISIS. "
                "The Iraqi army retook it and then carried out security operations.")
    retaken = [e for e in r.events if "retook it" in r.document.text[e.evidence[0][0]:e.evidence[0][1]]]
    assert retaken and retaken[0].place["name"] == "Mosul"


def test_the_group_after_a_datelines_dash_is_the_attacker(analyze):
    r = analyze("BAGHDAD - Islamic State fighters killed five soldiers in an attack on an army post near Tikrit "
                "on Monday, police said.")
    battle = violent(r)[0]
    assert battle.actor1_name == "Islamic State"
    assert all(" - " not in (m.text or "") for m in r.mentions)


def test_a_journalists_nationality_does_not_make_his_country_the_bomber(analyze):
    r = analyze("A Russian journalist was killed by a roadside bomb near Raqqa on Monday, the ministry said.")
    blast = violent(r)[0]
    assert blast.actor1_name != "Military Forces of Russia"
    armed = analyze("Russian warplanes struck the town of Ariha in Idlib on Sunday, killing nine civilians.")
    assert violent(armed)[0].actor1_name == "Military Forces of Russia"


def test_a_march_told_with_the_marchers_vow_is_still_a_protest_and_a_vow_to_march_is_not(analyze):
    text = ("KAMPALA - Police said on Saturday that the campus would stay closed.\n\n"
            "On Friday thousands of students marched through the centre of Kampala in yellow scarves, "
            "vowing to keep up their campaign against the fee increases.")
    assert [e.sub_event_type for e in analyze(text).events] == ["Peaceful protest"]
    assert analyze("The union vowed to march through Kampala next week.").events == []

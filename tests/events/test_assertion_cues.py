"""Whether a sentence asserts that an event happened, read through the whole pipeline: the cues that
cancel a trigger (intentions, purposes, claims that only point back) must not cancel the events that
wire copy and breaking-news posts tell in the same breath. Sentences are written for these tests."""
from __future__ import annotations

from types import SimpleNamespace


def types(result) -> list[str]:
    return [e.event_type for e in result.events]


def _tagged(sentence: str) -> list:
    """Tokens from "word/POS/TAG" items, as the tagger would give them."""
    out, at = [], 0
    for item in sentence.split():
        text, pos, tag = item.rsplit("/", 2)
        out.append(SimpleNamespace(text=text, pos_=pos, tag_=tag, idx=at))
        at += len(text) + 1
    return out


def test_a_toll_told_before_the_claim_of_responsibility_is_the_event(analyze):
    told = analyze("A suicide bomber blew himself up at a wedding hall in Kabul on Sunday, killing 12 people, "
                   "police said, as the Islamic State claimed responsibility.")
    assert types(told) == ["Explosions/Remote violence"]


def test_a_claim_that_only_points_at_an_incident_is_not_one(analyze):
    claim = analyze("The Islamic State claimed responsibility for the bombing in a statement on its Amaq agency.")
    assert claim.events == []


def test_fighting_that_intensified_on_a_given_day_is_that_days_battle(analyze):
    fight = analyze("Fighting between the army and the Rapid Support Forces intensified on Thursday around the "
                    "Armoured Corps base in south Khartoum, with witnesses reporting heavy gunfire.")
    assert types(fight) == ["Battles"]


def test_fighting_that_intensified_over_months_is_a_trend(analyze):
    trend = analyze("Fighting between the army and the Rapid Support Forces has intensified in recent months "
                    "across Khartoum, aid agencies say.")
    assert trend.events == []


def test_announcing_readiness_to_storm_a_city_is_a_plan(analyze):
    plan = analyze("Last week, the Syrian Democratic Forces announced their readiness to storm the city of Raqqa, "
                   "warning civilians to stay away from the group's headquarters.")
    assert plan.events == []


def test_bombing_a_group_hopes_to_avoid_has_not_happened(analyze):
    purpose = analyze("The group kept its fighters out of the towns of al-Anbar to spare them the monitoring "
                      "and bombing by the coalition.")
    assert purpose.events == []


def test_a_breaking_news_post_in_the_present_tense_tells_an_arrest(analyze):
    post = analyze("BREAKING: Iraqi security forces arrest three suspects in the killing of an activist in "
                   "#Karbala, per the interior ministry.")
    assert [e.sub_event_type for e in post.events] == ["Arrests"]


def test_a_capture_earlier_this_month_is_still_news(analyze):
    recent = analyze("Government troops recaptured the town of Hish from rebels earlier this month, "
                     "a military source said.", published="2019-07-24")
    assert types(recent) == ["Battles"]


def test_an_accusation_of_rape_tells_the_rape(analyze):
    accused = analyze("Residents accused the militia of raping two women and torching homes in the village of "
                      "Jasim on Sunday.")
    assert [(e.sub_event_type, e.trigger) for e in accused.events] == [("Sexual violence", "raping")]


def test_a_gerund_names_the_event_word_a_claim_frame_points_at():
    from dateline.events.triggers import find_trigger

    stormed = _tagged("The/DET/DT group/NOUN/NN claimed/VERB/VBD responsibility/NOUN/NN for/ADP/IN "
                      "storming/VERB/VBG the/DET/DT prison/NOUN/NN")
    assert find_trigger(stormed).text == "storming"
    arson = _tagged("Rebels/NOUN/NNS were/AUX/VBD accused/VERB/VBN of/ADP/IN setting/VERB/VBG fire/NOUN/NN "
                    "to/ADP/IN a/DET/DT market/NOUN/NN")
    assert find_trigger(arson).text == "setting"


def test_a_claim_for_setting_fire_only_points_at_the_arson(analyze):
    claim = analyze("The Islamic State claimed responsibility for setting fire to three fuel tankers on the "
                    "highway near Kirkuk.")
    assert claim.events == []
    told = analyze("Gunmen set fire to three fuel tankers on the highway near Kirkuk on Monday, as the Islamic "
                   "State claimed responsibility.")
    assert [e.sub_event_type for e in told.events] == ["Looting/property destruction"]


def test_a_raid_told_as_days_before_the_news_is_not_coded_again(analyze):
    # the clause read on its own no longer sees "days after": the cue before it must keep it out
    arrests = analyze("Police in Basra arrested four men on Sunday, days after gunmen stormed a local radio station "
                      "in the city.")
    assert [e.trigger for e in arrests.events] == ["arrested"]


def test_deaths_in_a_quake_a_factory_blast_or_a_crash_are_not_conflict_events(analyze):
    assert analyze("A strong earthquake in Hatay province flattened two villages and killed 40 people, "
                   "officials said.").events == []
    assert analyze("An explosion at a fireworks factory near Multan killed six workers, police said.").events == []
    armed = analyze("A bomb planted by militants exploded at a fireworks factory near Multan, killing six workers.")
    assert types(armed) == ["Explosions/Remote violence"]


def test_a_heart_attack_is_no_armed_attack(analyze):
    assert analyze("A retired general died of a heart attack at his home in Homs on Sunday, "
                   "his family said.").events == []


def test_a_cue_word_inside_an_agency_name_governs_nothing(analyze):
    found = analyze("The National Investigation Agency arrested two men in Srinagar on Monday, officials said.")
    assert [e.sub_event_type for e in found.events] == ["Arrests"]
    planned = analyze("The agency said it plans to arrest two more men in Srinagar next week.")
    assert planned.events == []


def test_forces_fleeing_after_a_fall_are_no_battle_of_their_own(analyze):
    found = analyze("Islamic State fighters took control of the city on Sunday after a three-day assault. "
                    "Soldiers and police fled towards a base east of the city, leaving behind armoured vehicles.")
    assert [e.sub_event_type for e in found.events] == ["Non-state actor overtakes territory"]


def test_a_claim_that_names_the_abduction_and_its_place_reports_it(analyze):
    found = analyze("KANO - The group's leader claimed responsibility on Tuesday for last Friday's abduction of "
                    "hundreds of boys from a school in Kankara, in an audio message sent to journalists.")
    assert [e.sub_event_type for e in found.events] == ["Abduction/forced disappearance"]
    pointing = analyze("The group claimed responsibility for the attack in a statement on Tuesday.")
    assert pointing.events == []


def test_a_claim_by_a_groups_leader_names_the_group_as_the_doer(analyze):
    found = analyze("KANO - Boko Haram leader Abubakar Shekau claimed responsibility on Tuesday for last Friday's "
                    "abduction of hundreds of boys from a school in Kankara. Officials had blamed the raid on "
                    "bandits.")
    assert [(e.sub_event_type, e.actor1) for e in found.events] == [("Abduction/forced disappearance", "boko-haram")]


def test_weapons_fired_in_drills_or_tests_are_no_event(analyze):
    assert types(analyze("The navy fired anti-ship missiles at floating targets during live-fire drills off the "
                         "coast, state television reported.")) == []
    assert types(analyze("North Korea test-fired two short-range ballistic missiles into the sea on Thursday, "
                         "Seoul said.")) == []


def test_weapons_bought_or_sold_are_no_event(analyze):
    assert types(analyze("The defence ministry bought 300 armed drones and 40 howitzers under a new contract, "
                         "officials said.")) == []


def test_lightning_and_an_industrial_leak_are_no_conflict_event(analyze):
    assert types(analyze("Lightning killed six herders and dozens of cattle in the hills above the town on "
                         "Monday.")) == []
    assert types(analyze("An ammonia leak at a fertiliser plant sent 30 workers to hospital on Tuesday.")) == []


def test_what_a_weapon_can_do_is_no_event(analyze):
    assert types(analyze("A loitering munition can strike a tank from forty kilometres away.")) == []
    assert types(analyze("Rebels could seize the town within days.")) == []
    assert types(analyze("Gunmen kill five in attack on church in Owo")) == ["Violence against civilians"]


def test_a_sentence_whose_only_finite_verb_is_a_modal_tells_no_event_but_a_hedged_past_does():
    from dateline.events.triggers import Trigger, assertion

    can = _tagged("An/DET/DT FPV/PROPN/NNP drone/NOUN/NN can/AUX/MD hunt/VERB/VB a/DET/DT tank/NOUN/NN")
    assert assertion(can, Trigger(2, can[2].idx, can[2].idx + 5, "drone"), "An FPV drone can hunt a tank")[1] == "modal"
    may = _tagged("The/DET/DT strike/NOUN/NN may/AUX/MD have/AUX/VB killed/VERB/VBN five/NUM/CD people/NOUN/NNS")
    assert assertion(may, Trigger(1, may[1].idx, may[1].idx + 6, "strike"), "The strike may have killed five people") \
        == (1.0, None)


def test_talks_that_end_without_a_deal_are_no_agreement(analyze):
    assert types(analyze("Talks between the two factions in Doha ended on Sunday without agreement on a truce, "
                         "the mediators said.")) == []
    assert types(analyze("The two factions signed a truce in Doha on Sunday, the mediators said.")) == ["Strategic developments"]

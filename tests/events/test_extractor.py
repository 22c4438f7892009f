"""The events stage end to end on short texts written for these tests (not from any data set).

The pipeline (spaCy model, gazetteer, actor packs, classifier) loads once per test session through
`dateline.analyze`'s cached default pipeline.
"""
from __future__ import annotations

import pytest

from dateline.events.extractor import EventExtractor


def top(result):
    return max(result.events, key=lambda e: e.confidence, default=None)


# One sentence (or two) per sub-event type.
SUB_TYPES = [
    ("Armed clash", "Syrian army troops clashed with Hayat Tahrir al-Sham fighters near Kafr Nabl on Monday, "
                    "leaving six fighters dead."),
    ("Government regains territory", "Iraqi government forces recaptured the town of Rawa from Islamic State "
                                     "militants on Friday after three days of fighting."),
    ("Non-state actor overtakes territory", "Islamic State fighters overran the army garrison and seized the town "
                                            "of Palmyra on Wednesday after heavy fighting."),
    ("Chemical weapon", "A chlorine gas attack on the town of Douma on Saturday killed 40 people, rescue "
                        "workers said."),
    ("Air/drone strike", "Russian warplanes bombed a market in the town of Ariha on Tuesday, killing nine "
                         "civilians."),
    ("Suicide bomb", "A suicide bomber blew himself up at a police checkpoint in Kirkuk on Sunday, killing "
                     "four officers."),
    ("Shelling/artillery/missile attack", "Government artillery shelled the village of Kafr Zita on Thursday, "
                                          "killing two farmers."),
    ("Remote explosive/landmine/IED", "A roadside bomb exploded under a passing bus near Mopti on Thursday, "
                                      "killing eleven passengers."),
    ("Grenade", "Unknown attackers hurled a hand grenade into a bar in Bujumbura on Saturday night, wounding "
                "five people."),
    ("Sexual violence", "Militiamen raped at least ten women during a raid on a village in Leer county last "
                        "week, UN monitors said."),
    ("Attack", "Militiamen executed a village elder and his two sons at their home in Dara'a on Monday."),
    ("Abduction/forced disappearance", "Armed men kidnapped a doctor from his clinic in Maiduguri on Tuesday and "
                                       "demanded a ransom."),
    ("Peaceful protest", "Hundreds of people marched peacefully through the centre of Khartoum on Friday to "
                         "demand civilian rule."),
    ("Protest with intervention", "Police fired tear gas and water cannon to disperse a peaceful sit-in by "
                                  "students in Algiers on Tuesday."),
    ("Excessive force against protesters", "Security forces opened fire with live ammunition on peaceful "
                                           "protesters in Baghdad on Friday, killing twelve of them."),
    ("Violent demonstration", "Demonstrators hurled stones at police and set fire to the governor's office in "
                              "Basra on Sunday."),
    ("Mob violence", "An angry mob lynched a man accused of theft in a village near Kano on Sunday."),
    ("Agreement", "The government and the rebels signed a ceasefire agreement in Juba on Monday."),
    ("Arrests", "Police arrested the opposition leader at his home in Kampala on Wednesday and said he was being "
                "held at the central police station."),
    ("Change to group/activity", "Islamic State transferred hundreds of its fighters and their families from "
                                 "Raqqa to Deir ez-Zor on Monday, activists said."),
    ("Disrupted weapons use", "Army engineers defused a large roadside bomb planted on the main road near "
                              "Baidoa on Sunday."),
    ("Headquarters or base established", "Turkish forces established a new military base on a hill near "
                                         "al-Bab on Tuesday."),
    ("Looting/property destruction", "Islamic State militants demolished a shrine and looted several "
                                     "homes in the village of Tal Hamis on Monday."),
    ("Non-violent transfer of territory", "Government troops withdrew from the town of Manbij on Sunday and "
                                          "handed it over to the Kurdish forces without a fight."),
    ("Other", "The military imposed a curfew in the city of Mandalay on Monday night."),
]


@pytest.mark.parametrize("sub, text", SUB_TYPES, ids=[s for s, _ in SUB_TYPES])
def test_each_sub_event_type(analyze, sub, text):
    best = top(analyze(text))
    assert best is not None, "no event found"
    assert best.sub_event_type == sub
    assert 0.0 <= best.confidence <= 1.0
    start, end = best.evidence[0]
    assert best.trigger_start is not None and start <= best.trigger_start < best.trigger_end <= end


@pytest.mark.parametrize("text", [
    "The army will launch an offensive to retake the city next spring, a general said.",          # plan
    "The group threatened to attack the capital if its demands were not met.",                     # threat
    "The ministry denied that its forces had shelled the village, calling the reports fabricated.",  # denial
    "Government forces did not attack the town on Monday, residents said.",                        # negation
    "Rebels could storm the town within days, analysts warned.",                                   # hedged
])
def test_no_event_for_plans_threats_negation_and_hedging(analyze, text):
    assert analyze(text).events == []


def test_active_voice_roles(analyze):
    r = analyze("Islamic State militants attacked Syrian Democratic Forces positions near Hajin on Monday.")
    e = top(r)
    assert e is not None and e.event_type == "Battles"
    assert e.actor1_name == "Islamic State"
    assert e.actor2_name == "Syrian Democratic Forces"


def test_passive_voice_roles(analyze):
    r = analyze("Syrian Democratic Forces positions near Hajin were attacked by Islamic State militants on Monday.")
    e = top(r)
    assert e is not None and e.event_type == "Battles"
    assert e.actor1_name == "Islamic State"
    assert e.actor2_name == "Syrian Democratic Forces"


def test_civilian_victims_get_a_generic_actor_with_a_record(analyze):
    r = analyze("Five villagers were shot dead in Jasim on Monday by unknown assailants.")
    e = top(r)
    assert e is not None and e.sub_event_type == "Attack"
    assert e.actor2_name == "Civilians (Syria)"
    assert e.actor1_name == "Unidentified Armed Group (Syria)"
    assert e.actor1 in r.actors and e.actor2 in r.actors
    assert e.civilian_targeting and e.interaction == 37


def test_fatality_range_is_kept(analyze):
    e = top(analyze("Government air strikes on the town of Saraqib killed between 20 and 30 civilians on Monday."))
    assert e is not None
    assert (e.fatalities, e.fatalities_low, e.fatalities_high) == (20, 20, 30)


def test_conflicting_claims_keep_the_lowest_and_every_figure(analyze):
    text = ("Russian warplanes bombed a market in Maarat al-Numan on Monday, killing 33 civilians, activists said.\n\n"
            "The Syrian Observatory for Human Rights said 20 people had been killed in the market.")
    e = top(analyze(text))
    assert e is not None
    assert e.fatalities == 20
    assert sorted(c["low"] for c in e.claims) == [20, 33]
    assert e.fatalities_claimant and "Observatory" in e.fatalities_claimant


def test_wounded_are_not_fatalities(analyze):
    e = top(analyze("A car bomb exploded in the centre of Qamishli on Friday, wounding 14 people."))
    assert e is not None and e.fatalities is None


def test_two_sentences_about_one_event_make_one_event(analyze):
    text = ("Turkish drones struck a car near the town of Qamishli on Sunday, killing three fighters.\n\n"
            "The drone strike on the car near Qamishli was the third this month, local sources said.")
    r = analyze(text)
    assert len(r.events) == 1
    assert len(r.events[0].evidence) == 2


def test_event_place_date_and_precision(analyze):
    r = analyze("Government artillery shelled the village of Kafr Zita on Thursday, killing two farmers.")
    e = top(r)
    assert e is not None and e.place is not None
    assert e.location_text == "Kafr Zita"
    assert e.date is not None and e.date.start == "2019-07-18" and e.time_precision == 1
    assert r.document.text[e.location_start:e.location_end] == "Kafr Zita"


def test_background_history_is_not_an_event(analyze):
    r = analyze("In 2014, Islamic State fighters seized the town of Tabqa.", published="2017-10-20")
    assert r.events == []


def test_a_confident_text_model_is_not_overturned_by_the_coding_rules():
    # "An angry crowd beat a man to death" read with a wrongly resolved armed actor: the rules lean
    # to a clash, but the text model alone was sure of mob violence.
    text_probs = {"Mob violence": 0.85, "Armed clash": 0.1, "Attack": 0.05}
    ruled = {"Mob violence": 0.3, "Armed clash": 0.6, "Attack": 0.1}
    assert EventExtractor._sub_type(text_probs, ruled) == ("Mob violence", 0.85)
    unsure = {"Mob violence": 0.5, "Armed clash": 0.3, "Attack": 0.2}
    assert EventExtractor._sub_type(unsure, ruled) == ("Armed clash", 0.6)


def _tokens(*words):
    from types import SimpleNamespace

    out, idx = [], 0
    for text, pos, tag in words:
        out.append(SimpleNamespace(text=text, pos_=pos, tag_=tag, idx=idx))
        idx += len(text) + 1
    return out


def test_attack_helicopters_are_a_weapon_not_the_event_word():
    from dateline.events.triggers import find_trigger

    deployed = _tokens(("Russia", "PROPN", "NNP"), ("based", "VERB", "VBD"), ("three", "NUM", "CD"),
                       ("attack", "NOUN", "NN"), ("helicopters", "NOUN", "NNS"), ("at", "ADP", "IN"),
                       ("the", "DET", "DT"), ("airport", "NOUN", "NN"))
    found = find_trigger(deployed)
    assert found is None or found.text != "attack"
    raid = _tokens(("Rebels", "NOUN", "NNS"), ("claimed", "VERB", "VBD"), ("an", "DET", "DT"),
                   ("attack", "NOUN", "NN"), ("on", "ADP", "IN"), ("the", "DET", "DT"), ("airport", "NOUN", "NN"))
    assert find_trigger(raid).text == "attack"  # an attack on a place is one


def test_a_past_form_mistagged_as_present_is_still_an_event():
    from dateline.events.triggers import Trigger, assertion

    words = (("Troops", "NOUN", "NNS"), ("retook", "VERB", "VBP"), ("the", "DET", "DT"), ("town", "NOUN", "NN"),
             ("on", "ADP", "IN"), ("Sunday", "PROPN", "NNP"))
    tokens = _tokens(*words)
    assert assertion(tokens, Trigger(1, 7, 13, "retook"), "Troops retook the town on Sunday")[0] == 1.0
    states = _tokens(("The", "DET", "DT"), ("force", "NOUN", "NN"), ("consists", "VERB", "VBZ"), ("of", "ADP", "IN"),
                     ("two", "NUM", "CD"), ("units", "NOUN", "NNS"))
    assert assertion(states, Trigger(2, 10, 18, "consists"), "The force consists of two units")[1] == "present"


def test_soldiers_who_died_in_a_blast_are_not_also_its_attackers(analyze):
    result = analyze("A roadside bomb hit a patrol of Syrian army soldiers near Inkhil on Monday. Four soldiers "
                     "died, a monitor said.")
    for e in result.events:
        assert e.actor1 != e.actor2
        assert not {e.actor1, e.actor2} & set(e.assoc_actor1 + e.assoc_actor2)
    bomb = top(result)
    assert "military" in (bomb.actor2_name or "").lower() and "syria" in (bomb.actor2_name or "").lower()


def test_a_defence_ministry_reporting_its_own_strike_is_the_attacker(analyze):
    result = analyze("The Russian defence ministry said a frigate had fired cruise missiles at Islamic State "
                     "positions near Palmyra on Tuesday.")
    strike = top(result)
    assert strike is not None
    assert "russia" in (strike.actor1 or "") and "islamic-state" in (strike.actor2 or "")


def test_a_sentence_pointing_back_in_time_keeps_the_date_told_before_it(analyze):
    result = analyze("Gunmen stormed the village of Kafr Nabl on Friday. Hours later, a roadside bomb killed two "
                     "soldiers near Hish.")
    assert len(result.events) == 2
    assert all(e.date is not None and e.date.start == "2019-07-19" for e in result.events)


def test_naming_a_new_leader_is_the_event_word_but_plain_names_are_not():
    from dateline.events.triggers import find_trigger

    headline = _tokens(("Ahrar", "PROPN", "NNP"), ("al-Sham", "PROPN", "NNP"), ("names", "VERB", "VBZ"),
                       ("new", "ADJ", "JJ"), ("leader", "NOUN", "NN"))
    assert find_trigger(headline).text == "names"
    listing = _tokens(("The", "DET", "DT"), ("names", "NOUN", "NNS"), ("of", "ADP", "IN"), ("the", "DET", "DT"),
                      ("dead", "ADJ", "JJ"), ("were", "AUX", "VBD"), ("read", "VERB", "VBN"))
    found = find_trigger(listing)
    assert found is None or found.text != "names"


def test_a_past_spelt_like_the_present_is_still_an_event():
    from dateline.events.triggers import Trigger, assertion

    words = (("Villagers", "NOUN", "NNS"), ("beat", "VERB", "VBP"), ("to", "ADP", "IN"), ("death", "NOUN", "NN"),
             ("a", "DET", "DT"), ("man", "NOUN", "NN"))
    assert assertion(_tokens(*words), Trigger(1, 10, 14, "beat"), "Villagers beat to death a man")[0] == 1.0


def _tagged(sentence: str) -> list:
    """Tokens from "word/POS/TAG" items, as the tagger would give them."""
    return _tokens(*(tuple(item.rsplit("/", 2)) for item in sentence.split()))


def test_the_main_clause_event_wins_over_one_told_as_its_time():
    from dateline.events.triggers import find_trigger

    road = _tagged("Rebels/NOUN/NNS blocked/VERB/VBD the/DET/DT road/NOUN/NN to/ADP/IN the/DET/DT airport/NOUN/NN "
                   "after/ADP/IN troops/NOUN/NNS entered/VERB/VBD the/DET/DT town/NOUN/NN")
    assert find_trigger(road).text == "blocked"
    # the clause's verb is a word the likeliest sub-type is known for, the main one a light verb
    takeover = _tagged("Fighters/NOUN/NNS moved/VERB/VBD into/ADP/IN the/DET/DT town/NOUN/NN hours/NOUN/NNS "
                       "after/ADP/IN the/DET/DT troops/NOUN/NNS withdrew/VERB/VBD")
    assert find_trigger(takeover, frozenset({"withdrew"})).text == "moved"
    arson = _tagged("Soldiers/NOUN/NNS set/VERB/VBD fire/NOUN/NN to/ADP/IN houses/NOUN/NNS after/ADP/IN "
                    "fighters/NOUN/NNS ambushed/VERB/VBD a/DET/DT column/NOUN/NN")
    assert find_trigger(arson).text == "set"
    deal = _tagged("An/DET/DT agreement/NOUN/NN was/AUX/VBD reached/VERB/VBN for/ADP/IN the/DET/DT exit/NOUN/NN "
                   "of/ADP/IN fighters/NOUN/NNS ,/PUNCT/, as/SCONJ/IN buses/NOUN/NNS entered/VERB/VBD the/DET/DT "
                   "area/NOUN/NN")
    assert find_trigger(deal).text == "agreement"


def test_a_clause_told_first_still_yields_to_the_main_clause():
    from dateline.events.triggers import find_trigger

    fronted = _tagged("When/SCONJ/WRB soldiers/NOUN/NNS entered/VERB/VBD the/DET/DT village/NOUN/NN ,/PUNCT/, "
                      "militiamen/NOUN/NNS opened/VERB/VBD fire/NOUN/NN")
    assert find_trigger(fronted).text == "opened"
    same_subject = _tagged("Gunmen/NOUN/NNS kidnapped/VERB/VBD three/NUM/CD engineers/NOUN/NNS as/SCONJ/IN "
                           "they/PRON/PRP ambushed/VERB/VBD a/DET/DT convoy/NOUN/NN")
    assert find_trigger(same_subject).text == "kidnapped"


def test_the_clause_tells_the_event_when_the_main_clause_only_counts_the_dead():
    from dateline.events.triggers import find_trigger

    headline = _tagged("Five/NUM/CD killed/VERB/VBN as/SCONJ/IN gunmen/NOUN/NNS attack/VERB/VBP church/NOUN/NN")
    assert find_trigger(headline).text == "attack"
    # after the clause comes an aside, not the main clause: "dropped" stays the event word
    aside = _tagged("Children/NOUN/NNS suffered/VERB/VBD burns/NOUN/NNS after/ADP/IN aircraft/NOUN/NN dropped/VERB/VBD "
                    "bombs/NOUN/NNS ,/PUNCT/, in/ADP/IN what/PRON/WP monitors/NOUN/NNS called/VERB/VBD a/DET/DT "
                    "chemical/ADJ/JJ attack/NOUN/NN")
    assert find_trigger(aside).text == "dropped"


def test_comparisons_and_phrases_are_not_clauses_of_their_own():
    from dateline.events.triggers import subordinate_clauses

    assert subordinate_clauses(_tagged("The/DET/DT army/NOUN/NN shelled/VERB/VBD the/DET/DT village/NOUN/NN "
                                       "as/ADV/RB well/ADV/RB as/ADP/IN farms/NOUN/NNS that/PRON/WDT "
                                       "lay/VERB/VBD nearby/ADV/RB")) == []
    assert subordinate_clauses(_tagged("Troops/NOUN/NNS retook/VERB/VBD the/DET/DT town/NOUN/NN after/ADP/IN "
                                       "three/NUM/CD days/NOUN/NNS of/ADP/IN fighting/NOUN/NN")) == []
    assert subordinate_clauses(_tagged("Police/NOUN/NNS arrested/VERB/VBD two/NUM/CD men/NOUN/NNS after/ADP/IN "
                                       "detaining/VERB/VBG them/PRON/PRP")) == []


def test_rebels_blocking_a_road_after_troops_came_is_told_by_the_blocking(analyze):
    e = top(analyze("Rebels blocked the road to the airport on Monday after government troops entered the town "
                    "of Kafr Nabl."))
    assert e is not None and e.trigger == "blocked"


def test_a_takeover_after_a_withdrawal_is_the_takeover(analyze):
    e = top(analyze("Al-Shabaab fighters moved into the town of Bulo Burde on Tuesday hours after Somali troops "
                    "pulled out, residents said."))
    assert e is not None and e.trigger == "moved"
    assert e.actor1_name == "Al Shabaab"


def test_a_second_main_clause_after_while_keeps_its_own_event(analyze):
    # the demotion reads the whole sentence; the clause split off after "while" is read on its own
    result = analyze("Syrian army troops shelled Kafr Nabl on Monday while rebels seized the nearby village "
                     "of Hish.")
    assert sorted(e.trigger for e in result.events) == ["seized", "shelled"]


def test_an_event_told_in_an_after_clause_is_an_event_of_its_own(analyze):
    # the main clause's event word wins the sentence; the clause is read on its own beside it
    result = analyze("Rebels shelled the town of Suqaylabiyah on Monday after government troops captured the "
                     "village of Hish.")
    assert sorted(e.trigger for e in result.events) == ["captured", "shelled"]


def test_an_assassination_told_after_especially_after_is_an_event_of_its_own(analyze):
    result = analyze("ISIS has brought in reinforcements from the Aleppo countryside to Raqqa, especially after "
                     "the assassination of one of its military commanders outside a hospital in the city.")
    assert sorted(e.trigger for e in result.events) == ["assassination", "brought"]


def test_the_fall_of_a_city_years_ago_stays_background(analyze):
    dated = analyze("Iraqi forces shelled the town of Hawija on Tuesday after the fall of Mosul in 2014.",
                    published="2017-10-20")
    assert [e.trigger for e in dated.events] == ["shelled"]
    weeks = analyze("Iraqi forces shelled the town of Hawija on Tuesday, weeks after the capture of Mosul by "
                    "government troops.", published="2017-10-20")
    assert [e.trigger for e in weeks.events] == ["shelled"]


def test_what_happens_as_a_crowd_riots_or_as_the_other_side_withdraws_is_the_same_event(analyze):
    riot = analyze("Protesters stormed the parliament building in Baghdad on Wednesday as police fired tear gas.")
    assert [e.trigger for e in riot.events] == ["stormed"]
    handover = analyze("Government troops entered the town of Tal Tamr on Monday after Kurdish fighters withdrew.")
    assert [e.trigger for e in handover.events] == ["entered"]


def test_a_clause_subject_may_be_hyphenated_or_two_parties_but_not_a_relative_clause():
    from dateline.events.triggers import subordinate_clauses

    truce = _tagged("Residents/NOUN/NNS waited/VERB/VBD at/ADP/IN a/DET/DT checkpoint/NOUN/NN after/ADP/IN "
                    "rebels/NOUN/NNS and/CCONJ/CC the/DET/DT regime/NOUN/NN reached/VERB/VBD a/DET/DT "
                    "truce/NOUN/NN")
    assert subordinate_clauses(truce) == [(5, 13)]
    fell = _tagged("Volunteers/NOUN/NNS fled/VERB/VBD after/ADP/IN al/PROPN/NNP -/PUNCT/HYPH Raqqa/PROPN/NNP "
                   "fell/VERB/VBD to/ADP/IN rebels/NOUN/NNS")
    assert subordinate_clauses(fell) == [(2, 9)]
    relative = _tagged("Troops/NOUN/NNS retook/VERB/VBD the/DET/DT village/NOUN/NN after/ADP/IN fierce/ADJ/JJ "
                       "fighting/NOUN/NN that/PRON/WDT left/VERB/VBD 30/NUM/CD dead/ADJ/JJ")
    assert subordinate_clauses(relative) == []


def test_a_car_that_pulled_into_a_courtyard_is_no_abduction():
    from dateline.events.triggers import find_trigger

    courtyard = _tagged("The/DET/DT driver/NOUN/NN had/AUX/VBD just/ADV/RB pulled/VERB/VBN into/ADP/IN the/DET/DT "
                        "courtyard/NOUN/NN when/SCONJ/WRB the/DET/DT missile/NOUN/NN hit/VERB/VBD")
    assert find_trigger(courtyard).text != "pulled"
    from_car = _tagged("Gunmen/NOUN/NNS pulled/VERB/VBD the/DET/DT judge/NOUN/NN from/ADP/IN her/PRON/PRP$ "
                       "car/NOUN/NN")
    assert find_trigger(from_car).text == "pulled"
    withdrawal = _tagged("The/DET/DT troops/NOUN/NNS pulled/VERB/VBD out/ADP/RP of/ADP/IN the/DET/DT town/NOUN/NN")
    assert find_trigger(withdrawal).text == "pulled"


def test_took_and_moved_are_event_words_only_in_their_event_senses():
    from dateline.events.triggers import light_move_is_event

    def sense(sentence: str) -> bool:
        tokens = _tagged(sentence)
        return light_move_is_event(tokens, next(i for i, t in enumerate(tokens) if t.text in ("took", "moved")))

    assert sense("Fighters/NOUN/NNS took/VERB/VBD control/NOUN/NN of/ADP/IN the/DET/DT town/NOUN/NN")
    assert sense("Gunmen/NOUN/NNS took/VERB/VBD him/PRON/PRP from/ADP/IN his/PRON/PRP$ car/NOUN/NN")
    assert not sense("Delegates/NOUN/NNS took/VERB/VBD part/NOUN/NN in/ADP/IN the/DET/DT talks/NOUN/NNS")
    assert sense("The/DET/DT army/NOUN/NN moved/VERB/VBD reinforcements/NOUN/NNS to/ADP/IN the/DET/DT "
                 "front/NOUN/NN")
    assert not sense("Lawmakers/NOUN/NNS moved/VERB/VBD to/PART/TO block/VERB/VB the/DET/DT law/NOUN/NN")


def test_a_missile_hitting_as_a_car_pulled_in_is_not_an_abduction(analyze):
    result = analyze("Relatives said the driver had just pulled into the courtyard of his home in Kabul when the "
                     "missile hit.")
    assert "Abduction/forced disappearance" not in [e.sub_event_type for e in result.events]

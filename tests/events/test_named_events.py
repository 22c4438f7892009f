"""Events the taxonomy names in words of its own, read through the whole pipeline: people taken away or
gone without trace, measures, deals and changes to a group, and sides in a battle for ground named
around scare quotes. Sentences are written for these tests."""
from __future__ import annotations

import pytest


def subtypes(result) -> list[str]:
    return [e.sub_event_type for e in result.events]


@pytest.mark.parametrize("text", [
    "A student leader has not been seen since plain-clothes agents took him from a cafe in Kassala on Friday, "
    "and police say he is not in their custody.",
    "Gunmen stopped a minibus near Funtua on Sunday and led eleven passengers into the forest, a police "
    "spokesman said.",
    "Relatives of a journalist detained in Aden last month say they have had no news of him since, and the "
    "security belt denies holding him.",
])
def test_people_taken_away_or_gone_without_trace_were_abducted(analyze, text):
    assert subtypes(analyze(text)) == ["Abduction/forced disappearance"]


def test_people_gone_words_do_not_make_a_rescue_or_a_killing_an_abduction():
    from dateline.events.coding_rules import people_gone
    assert people_gone("Gunmen led eleven passengers into the forest near Funtua.") == "taken"
    assert people_gone("Villagers say none of them has returned since the raid.") == "disappeared"
    assert people_gone("Paramedics took the wounded to hospital in Kaduna.") is None
    assert people_gone("The body of a trader taken from his shop was found on Tuesday.") is None


def test_soldiers_of_two_armies_who_scuffle_without_weapons_fight_no_battle(analyze):
    told = analyze("Russian and Turkish soldiers scuffled with their fists at a joint checkpoint near Tal Abyad "
                   "on Sunday; no weapons were used.")
    assert subtypes(told) == ["Other"]


@pytest.mark.parametrize("text", [
    "The two jihadist factions announced a merger under a new name in a video released on Tuesday.",
    "The army sent 500 reinforcements to Gao on Thursday after a week of attacks, a military source said.",
])
def test_a_merger_or_reinforcements_change_a_group(analyze, text):
    assert subtypes(analyze(text)) == ["Change to group/activity"]


@pytest.mark.parametrize("text", [
    "The two groups said they might announce a merger next year.",
    "Talks on a merger between the two rebel factions broke down on Monday.",
])
def test_a_merger_only_talked_of_is_no_event(analyze, text):
    assert subtypes(analyze(text)) == []


def test_a_gain_proclaimed_by_its_winner_is_the_winners_and_a_scare_quote_keeps_the_loser_a_loser(analyze):
    told = analyze("The Syrian National Army announced the 'liberation' of Tal Rifaat from 'PKK terrorists' "
                   "after two days of clashes with the SDF.")
    assert subtypes(told) == ["Non-state actor overtakes territory"]
    assert told.events[0].actor1 == "syrian-national-army"


def test_told_measures_name_the_taxonomys_other():
    from dateline.events.taxonomy_cues import OTHER_MEASURE
    assert OTHER_MEASURE.search("A convoy of 30 aid trucks was turned back at the checkpoint on Monday.")
    assert OTHER_MEASURE.search("The commander gave the families 48 hours to vacate their houses.")
    assert OTHER_MEASURE.search("Gangs are charging truckers a 'toll' of 5,000 per vehicle.")
    assert OTHER_MEASURE.search("The besiegers dug a trench around the town, cutting the last road to the camp.")
    assert not OTHER_MEASURE.search("The mayor said the road would reopen next week.")


def test_fighters_pushed_out_of_villages_lost_ground():
    from dateline.events.taxonomy_cues import CAPTURE
    assert CAPTURE.search("Rebels pushed the militia out of three villages near the river.")
    assert not CAPTURE.search("Police pushed the protesters out of the square.")


@pytest.mark.parametrize("text, expected", [
    ("Opposition supporters staged a sit-in outside the electoral commission demanding a recount, the party said.",
     "Peaceful protest"),
    ("Hundreds of students marching peacefully through the city centre with banners on Friday, witnesses said.",
     "Peaceful protest"),
    ("A soldier fired on a peaceful gathering of farmers outside the district office, killing one man, "
     "relatives said.", "Excessive force against protesters"),
])
def test_a_sit_in_staged_a_march_told_as_it_goes_and_fire_on_a_peaceful_gathering_are_protest_events(
        analyze, text, expected):
    assert subtypes(analyze(text)) == [expected]


@pytest.mark.parametrize("text, reading", [
    ("has not been heard from since", "disappeared"), ("whereabouts remain unknown", "disappeared"),
    ("forcibly disappeared", "disappeared"), ("authorities denied holding him", "disappeared"),
    ("held incommunicado", "disappeared"), ("his fate is unknown", "disappeared"),
    ("we have had no news of them", "disappeared"), ("none has returned", "disappeared"),
    ("never came back home", "disappeared"), ("not in their custody", "disappeared"),
    ("had no record of him", "disappeared"), ("refused to confirm where he is", "disappeared"),
    ("none of them has been released", "disappeared"), ("have not been able to locate him", "disappeared"),
    ("was bundled into a car", "taken"), ("was taken at a checkpoint", "taken"),
    ("carried off five girls into the bush", "taken"), ("spirited away two men into a waiting car", "taken"),
    ("snatched a trader from his shop", "taken"), ("pulled 20 passengers off the bus", "taken"),
])
def test_every_wording_of_people_gone_passes_the_quick_word_check(text, reading):
    from dateline.events.coding_rules import people_gone
    assert people_gone(text) == reading


def test_a_march_to_mark_an_anniversary_is_a_protest_and_one_announced_is_not(analyze):
    told = analyze("Relatives of detainees marched through the capital on Sunday carrying portraits of their "
                   "missing sons to mark the anniversary of their arrest.")
    assert subtypes(told) == ["Peaceful protest"]
    planned = analyze("The families will march through the capital next Sunday to mark the anniversary, "
                      "organisers said.")
    assert subtypes(planned) == []

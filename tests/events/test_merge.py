"""One record per incident inside a document: what folds together and what stays apart (no model)."""
from __future__ import annotations

from dateline.events.merge import merge_events
from dateline.model import Event

RAQQA = {"name": "Raqqa", "lat": 35.95, "lon": 39.01, "country": "SY", "feature_code": "PPLA"}
ALEPPO = {"name": "Aleppo", "lat": 36.20, "lon": 37.16, "country": "SY", "feature_code": "PPLA"}
SYRIA = {"name": "Syria", "lat": 35.0, "lon": 38.0, "country": "SY", "feature_code": "PCLI"}


def event(start: int, sub: str, kind: str, trigger: str, place=RAQQA, claims=()) -> Event:
    return Event(event_type=kind, sub_event_type=sub, confidence=0.8, evidence=[(start, start + 50)],
                 trigger=trigger, place=place, claims=list(claims))


def test_a_group_that_forms_a_council_and_brings_reinforcements_did_two_things():
    formed = event(0, "Change to group/activity", "Strategic developments", "formed")
    brought = event(100, "Change to group/activity", "Strategic developments", "brought")
    assert len(merge_events([formed, brought])) == 2


def test_one_transfer_told_twice_is_one_development():
    a = event(0, "Change to group/activity", "Strategic developments", "transferring")
    b = event(100, "Change to group/activity", "Strategic developments", "transferred")
    assert len(merge_events([a, b])) == 1


def test_violence_at_one_place_retold_is_one_incident():
    a = event(0, "Air/drone strike", "Explosions/Remote violence", "bombed")
    b = event(100, "Shelling/artillery/missile attack", "Explosions/Remote violence", "struck")
    assert len(merge_events([a, b])) == 1


def test_the_assassination_points_back_to_the_killing_told_before():
    killing = event(0, "Attack", "Violence against civilians", "executed",
                    claims=[{"value": 9, "low": 9, "high": 9, "claimant": None, "start": 5, "end": 9}])
    later = event(300, "Armed clash", "Battles", "assassination", place=SYRIA)
    merged = merge_events([killing, later], anaphoric={1})
    assert len(merged) == 1 and merged[0].sub_event_type == "Attack"
    assert (300, 350) in merged[0].evidence and merged[0].fatalities == 9


def test_a_definite_reference_to_a_distant_specific_place_stays_apart():
    here = event(0, "Attack", "Violence against civilians", "killed", place=RAQQA)
    there = event(300, "Armed clash", "Battles", "attack", place=ALEPPO)
    assert len(merge_events([here, there], anaphoric={1})) == 2


def test_only_the_event_words_of_a_trigger_phrase_are_hints():
    from dateline.events.extractor import hint_words

    hints = hint_words(["appointed a new commander", "bombed from the air", "reinforcements"])
    assert {"appointed", "bombed", "reinforcements"} <= hints
    assert not hints & {"commander", "from"}


def test_two_reports_that_swap_who_did_it_never_give_one_actor_both_sides():
    first = event(0, "Air/drone strike", "Explosions/Remote violence", "struck")
    first.actor1, first.actor1_name, first.inter1 = None, None, None
    first.actor2, first.actor2_name, first.inter2 = "us-military", "Military Forces of the United States", 8
    second = event(100, "Air/drone strike", "Explosions/Remote violence", "bombed")
    second.actor1, second.actor1_name, second.inter1 = "us-military", "Military Forces of the United States", 8
    second.actor2, second.actor2_name, second.inter2 = "isis", "Islamic State", 2
    second.assoc_actor1 = ["isis"]
    merged = merge_events([first, second])
    assert len(merged) == 1
    one = merged[0]
    assert one.actor1 == "us-military" and one.actor2 == "isis"
    assert "isis" not in one.assoc_actor1 and one.interaction == 28



def test_a_council_formed_and_its_formation_are_one_development():
    formation = event(0, "Change to group/activity", "Strategic developments", "formation")
    formed = event(100, "Change to group/activity", "Strategic developments", "formed")
    assert len(merge_events([formation, formed])) == 1


def test_an_event_along_a_road_is_near_either_of_its_towns():
    road = dict(ALEPPO, route_end={"name": "Raqqa", "lat": RAQQA["lat"], "lon": RAQQA["lon"]})
    along = event(0, "Armed clash", "Battles", "clashed", place=road)
    at_raqqa = event(100, "Armed clash", "Battles", "fought", place=RAQQA)
    assert len(merge_events([along, at_raqqa])) == 1

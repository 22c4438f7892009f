"""Place names the model cut short, sites located by the town named after them, and a country speaking as
its forces, read through the whole pipeline. Sentences are written for these tests."""
from __future__ import annotations

import pytest

import dateline


@pytest.fixture(scope="module")
def analyze():
    try:
        dateline.analyze("Warm-up text about Aleppo.")
    except Exception as exc:  # the model or the gazetteer is not installed
        pytest.skip(f"pipeline not available: {exc}")
    return lambda text: dateline.analyze(text).to_dict()


def test_a_police_station_in_a_town_is_in_that_town_not_the_dateline_city(analyze):
    out = analyze("PESHAWAR, Pakistan - Militants attacked the Chodhwan police station in Dera Ismail Khan "
                  "district late on Tuesday, triggering a long exchange of fire, police said.")
    places = {p["text"]: p["name"] for p in out["places"]}
    assert places.get("police station") == "Dera Ismail Khan"
    assert [(e["place"] or {}).get("name") for e in out["events"]] == ["Dera Ismail Khan"]


def test_a_town_named_inside_a_possessive_keeps_its_own_name(analyze):
    out = analyze("Fighters occupied a building in Khartoum's al-Riyadh district on Saturday, residents said.")
    assert all(p.get("country") == "SD" for p in out["places"])


def test_a_country_that_speaks_through_its_defence_ministry_is_its_forces(analyze):
    out = analyze("Russia's defence ministry said its troops had captured the village of Ocheretyne in Donetsk "
                  "region after fierce fighting with Ukrainian units.")
    russia = next(m for m in out["mentions"] if m["text"] == "Russia")
    assert russia.get("actor") == "military-forces-of-russia"
    assert [e["actor1"] for e in out["events"]] == ["military-forces-of-russia"]
    said = analyze("Russia's foreign ministry condemned the strike.")
    assert next(m for m in said["mentions"] if m["text"] == "Russia").get("actor") is None

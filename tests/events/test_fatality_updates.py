"""ACLED toll choice with updates, superseded and campaign figures (pure functions, no model)."""
import pytest

from dateline.events.fatalities import NO_HARM, claims_in, conservative, is_death_count
from dateline.model import Figure


def _claim(value, start, claimant=None, **flags):
    return {"value": value, "low": value, "high": value, "claimant": claimant, "start": start,
            "end": start + 2, "vague": False, **flags}


def test_same_source_update_replaces_its_earlier_figures():
    gov = "Donetsk Oblast Governor Pavlo Kyrylenko"
    claims = [_claim(50, 10, gov), _claim(30, 90, superseded=True, said_by="governor"),
              _claim(39, 99, superseded=True, said_by="governor")]
    assert conservative(claims)[0] == 50


def test_another_sources_earlier_figure_stays_a_competing_claim():
    claims = [_claim(160, 10, "a local official", update=True), _claim(134, 90, superseded=True, said_by="minusma")]
    assert conservative(claims)[0] == 134


def test_rose_to_supersedes_the_same_sources_first_count():
    claims = [_claim(10, 10), _claim(25, 90, update=True)]
    assert conservative(claims)[0] == 25
    assert conservative([_claim(10, 10, "police"), _claim(25, 90, "ministry", update=True)])[0] == 10


# -- claims read from text (hand-built figures, no model) ----------------------------------------


def _figure(text: str, phrase: str, **kw) -> Figure:
    start = text.index(phrase)
    low = kw.pop("value")
    return Figure(start=start, end=start + len(phrase), text=phrase, low=low, high=low, **kw)


def test_victims_noun_does_not_hide_an_execution():
    text = "The gunmen set up a checkpoint near the village and executed nine civilians on the road."
    f = _figure(text, "nine civilians", value=9, unit="people", counts="civilians")
    assert is_death_count(f, text)


def test_martyrs_and_them_count_people():
    text = "The toll rose to 51 martyrs. The raid hit the barracks, killing dozens of them."
    assert is_death_count(_figure(text, "51 martyrs", value=51, unit="martyrs"), text)
    assert is_death_count(_figure(text, "dozens of them", value=12, unit="them", counts="killed", vague=True), text)


def test_putting_the_number_of_dead_at_is_a_toll():
    text = "Missiles struck two vehicles, an official said, putting the number of dead at seven."
    assert is_death_count(_figure(text, "seven", value=7), text)


def test_one_sides_share_gives_way_to_the_incident_toll():
    text = ("An official put the number of dead at seven. The militia said five of its members had been "
            "killed, including its protocol chief.")
    figures = [_figure(text, "seven", value=7), _figure(text, "five", value=5, counts="killed")]
    claims = claims_in(figures, text, 0, len(text))
    assert [c["part"] for c in claims] == [False, True]
    assert conservative(claims)[0] == 7


def test_bodies_found_in_one_place_are_part_of_the_total():
    text = ("Doctors say at least 118 people have been killed in the raid, and that 40 bodies were "
            "recovered from the river.")
    figures = [_figure(text, "at least 118 people", value=118, unit="people", counts="killed"),
               _figure(text, "40 bodies", value=40, unit="people", counts="bodies")]
    assert conservative(claims_in(figures, text, 0, len(text)))[0] == 118


def test_exact_group_beside_a_vague_one_is_no_total():
    text = "Suicide bombing at the airport kills 13 soldiers and dozens of civilians"
    figures = [_figure(text, "13 soldiers", value=13, unit="people", counts="soldiers"),
               _figure(text, "dozens of civilians", value=12, unit="people", counts="civilians", vague=True)]
    claims = claims_in(figures, text, 0, len(text))
    assert claims and all(c["part"] for c in claims)


@pytest.mark.parametrize("text", [
    "Two rockets hit the air base, security sources said, without causing casualties.",
    "Helicopters dropped barrel bombs on the outskirts, causing material damage only.",
    "The two sides exchanged fire on the front line, with no reported casualties.",
    "Nobody was hurt.",
])
def test_reported_zero_tolls(text):
    assert NO_HARM.search(text)


def test_material_damage_alone_is_not_a_zero_toll():
    assert not NO_HARM.search("The blast caused heavy material damage and killed four people.")

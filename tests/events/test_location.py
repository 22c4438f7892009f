"""Choosing an event's own place among the places its sentence names, with the hand rules and with
the trained ranker. Sentences are written for these tests; places are hand-made records, so no
gazetteer or spaCy model is loaded (only the small shipped ranker weights)."""
from __future__ import annotations

import numpy as np
import pytest

from dateline.events.location import DEFAULT_METHOD, GATED, RANKER, RULES, choose_place
from dateline.events.location_features import FEATURES, INDEX, candidate_matrix, sentence_bounds
from dateline.events.location_ranker import (LocationRanker, RankerMismatch, default_model_dir, export_ranker,
                                             gated_pick)
from dateline.model import Mention

TOWN = {"feature_code": "PPL", "geo_precision": 1}
COUNTRY = {"feature_code": "PCLI", "geo_precision": 3}


def places(text: str, *named: tuple[str, str, dict]) -> list[Mention]:
    """Mentions of the given names (first occurrence each), labelled and resolved as told."""
    out = []
    for name, label, place in named:
        start = text.index(name)
        out.append(Mention(start, start + len(name), name, label, place=place))
    return out


def pick(text: str, trigger: str, named, method: str, **kw) -> str:
    got = choose_place(places(text, *named), text, text.index(trigger), method=method, **kw)
    return got[0].text


EVERY_METHOD = pytest.mark.parametrize("method", [RULES, RANKER, GATED])


@EVERY_METHOD
def test_the_town_where_the_shelling_fell_beats_the_monitors_home_city(method):
    text = ("Government artillery shelled the village of Kafr Zita on Thursday, killing two farmers, "
            "the London-based Syrian Observatory for Human Rights said.")
    assert pick(text, "shelled", [("Kafr Zita", "GPE", TOWN), ("London", "GPE", TOWN)], method) == "Kafr Zita"


@EVERY_METHOD
def test_a_town_is_preferred_over_the_country_it_lies_in(method):
    text = "In Syria, a car bomb exploded at a checkpoint in Azaz on Sunday, killing five people."
    assert pick(text, "exploded", [("Syria", "GPE", COUNTRY), ("Azaz", "GPE", TOWN)], method) == "Azaz"


@EVERY_METHOD
def test_where_protesters_came_from_is_not_where_they_marched(method):
    text = "Hundreds of students from Homs marched through the centre of Damascus on Friday."
    assert pick(text, "marched", [("Homs", "GPE", TOWN), ("Damascus", "GPE", TOWN)], method) == "Damascus"


@EVERY_METHOD
def test_the_capital_that_issued_a_statement_is_not_the_scene(method):
    text = "Gunmen killed four police officers near Bannu late on Monday, Islamabad said in a statement."
    assert pick(text, "killed", [("Bannu", "GPE", TOWN), ("Islamabad", "GPE", TOWN)], method) == "Bannu"


def test_no_resolved_place_means_no_choice():
    text = "Fighters attacked a convoy in Wadi Khaled on Monday."
    unresolved = [Mention(text.index("Wadi"), text.index("Wadi") + 11, "Wadi Khaled", "LOC", place=None)]
    assert choose_place(unresolved, text, text.index("attacked"), method=RANKER) is None
    assert choose_place([], text, 0) is None


def test_an_unknown_method_is_refused_with_the_choices():
    text = "Clashes erupted in Idlib."
    with pytest.raises(ValueError, match="gated"):
        choose_place(places(text, ("Idlib", "GPE", TOWN)), text, 0, method="nearest")


def test_features_read_the_preposition_and_the_side_of_the_trigger():
    text = "Rebels from Deraa attacked an army post near Busra al-Harir on Monday."
    ms = places(text, ("Deraa", "GPE", TOWN), ("Busra al-Harir", "GPE", TOWN))
    x = candidate_matrix(ms, text, text.index("attacked"))
    assert x.shape == (2, len(FEATURES))
    assert x[0, INDEX["prep_from"]] == 1 and x[0, INDEX["after_trigger"]] == 0
    assert x[1, INDEX["prep_near"]] == 1 and x[1, INDEX["after_trigger"]] == 1


def test_features_see_a_speakers_base_and_a_quotation():
    text = 'A Beirut-based monitor said the strikes hit "every street in Maarat al-Numan".'
    ms = places(text, ("Beirut", "GPE", TOWN), ("Maarat al-Numan", "GPE", TOWN))
    x = candidate_matrix(ms, text, text.index("hit"))
    assert x[0, INDEX["based_after"]] == 1
    assert x[1, INDEX["inside_quotes"]] == 1 and x[0, INDEX["inside_quotes"]] == 0


def test_sentence_bounds_stop_at_the_neighbouring_sentences():
    text = "Talks resumed in Geneva. Shelling hit Douma on Friday. Aid arrived later."
    start, end = sentence_bounds(text, text.index("Shelling"), text.index("Friday"))
    assert text[start:end].strip() == "Shelling hit Douma on Friday."


def test_exported_weights_load_back_and_rank_the_same(tmp_path):
    weights = np.zeros(len(FEATURES))
    weights[INDEX["prep_in"]] = 2.0
    export_ranker(tmp_path, LocationRanker(FEATURES, weights), {"note": "test"})
    loaded = LocationRanker.load(tmp_path)
    assert np.array_equal(loaded.weights, weights) and loaded.meta["note"] == "test"
    text = "Troops from Mosul clashed with militants in Tal Afar."
    named = [("Mosul", "GPE", TOWN), ("Tal Afar", "GPE", TOWN)]
    assert pick(text, "clashed", named, RANKER, ranker=loaded) == "Tal Afar"


def test_weights_trained_on_other_features_are_refused():
    with pytest.raises(RankerMismatch, match="train_event_location"):
        LocationRanker(FEATURES[:-1] + ("something_else",), np.zeros(len(FEATURES)))
    with pytest.raises(RankerMismatch, match="shape"):
        LocationRanker(FEATURES, np.zeros(3))


def test_the_shipped_weights_load_with_their_licence_and_held_out_figures():
    ranker = LocationRanker.load()
    folder = default_model_dir()
    assert (folder / "LICENSE").read_text().startswith("MIT License")
    held = ranker.meta["held_out"]["halterman_held_out"]
    assert held["ranker"]["answerable"] == held["rules"]["answerable"] > 100
    assert held["gated"]["correct"] >= held["rules"]["correct"]
    assert (folder / "weights.npz").stat().st_size < 50_000


@EVERY_METHOD
def test_a_part_of_a_city_resolved_into_another_country_gives_way_to_the_city(method):
    text = "Militants blew up the mosque in Mosul's Old City late on Wednesday."
    jerusalem = {"feature_code": "PPL", "geo_precision": 1, "country": "PS"}
    mosul = {"feature_code": "PPLA", "geo_precision": 1, "country": "IQ"}
    named = [("Mosul", "GPE", mosul), ("Old City", "GPE", jerusalem)]
    assert pick(text, "blew", named, method) == "Mosul"


def test_the_gate_keeps_the_rules_pick_unless_the_ranker_is_clearly_surer():
    rules = [5.0, 4.0]
    assert gated_pick(np.array([0.1, 0.3]), rules) == 0      # ranker barely prefers the second
    assert gated_pick(np.array([0.0, 3.0]), rules) == 1      # ranker is sure of the second
    assert gated_pick(np.array([2.0, 0.0]), rules) == 0      # both agree
    assert gated_pick(np.array([0.0, 3.0]), rules, margin=0.99) == 0


def test_choosing_by_default_uses_the_trained_ranker():
    assert DEFAULT_METHOD == RANKER
    text = "Troops from Mosul clashed with militants in Tal Afar."
    got = choose_place(places(text, ("Mosul", "GPE", TOWN), ("Tal Afar", "GPE", TOWN)), text, text.index("clashed"))
    assert got[0].text == "Tal Afar"


def test_features_notice_a_place_in_another_clause():
    text = "Fighters stormed the base near Ramadi, and the soldiers fled towards Habbaniyah."
    ms = places(text, ("Ramadi", "GPE", TOWN), ("Habbaniyah", "GPE", TOWN))
    x = candidate_matrix(ms, text, text.index("stormed"))
    assert x[0, INDEX["comma_and_between"]] == 0 and x[1, INDEX["comma_and_between"]] == 1
    assert x[1, INDEX["prep_to"]] == 1 and x[0, INDEX["phrase_locative"]] == 1


@EVERY_METHOD
def test_the_army_base_that_was_stormed_beats_where_the_soldiers_fled(method):
    text = "Fighters stormed the base near Ramadi, and the soldiers fled towards Habbaniyah."
    named = [("Ramadi", "GPE", TOWN), ("Habbaniyah", "GPE", TOWN)]
    assert pick(text, "stormed", named, method) == "Ramadi"


def test_a_transfer_lands_where_the_movers_were_sent_not_where_they_once_came_from():
    text = ("The group transferred families of its fighters that had newly arrived from the Iraqi city of Mosul "
            "to the eastern countryside of Deir Ezzor.")
    named = [("Mosul", "GPE", TOWN), ("Deir Ezzor", "GPE", TOWN)]
    assert pick(text, "transferred", named, RULES, movement=True) == "Deir Ezzor"
    assert pick(text, "transferred", named, DEFAULT_METHOD, movement=True) == "Deir Ezzor"


def test_a_withdrawal_is_coded_where_the_forces_left():
    text = "Kurdish fighters withdrew from Manbij to the east bank of the Euphrates near Tabqa on Sunday."
    named = [("Manbij", "GPE", TOWN), ("Tabqa", "GPE", TOWN)]
    assert pick(text, "withdrew", named, DEFAULT_METHOD, movement=True) == "Manbij"


def test_where_people_are_driven_to_or_reinforcements_come_from_is_no_event_place():
    driven = "The group has forced dozens of Kurdish families to move to the city of Palmyra."
    assert choose_place(places(driven, ("Palmyra", "GPE", TOWN)), driven, driven.index("forced"), movement=True) is None
    inbound = "The group has brought in reinforcements from the Aleppo countryside and bolstered its checkpoints."
    assert choose_place(places(inbound, ("Aleppo", "GPE", TOWN)), inbound, inbound.index("brought"),
                        movement=True) is None
    # a violent event keeps the only place its sentence names
    raid = "Gunmen killed two men who had arrived from Aleppo the day before."
    assert choose_place(places(raid, ("Aleppo", "GPE", TOWN)), raid, raid.index("killed"))[0].text == "Aleppo"


REGION = {"feature_code": "ADM1", "geo_precision": 3}
CAPITAL = {"feature_code": "PPLC", "geo_precision": 1, "population": 4_000_000}
SUBURB = {"feature_code": "PPL", "geo_precision": 1, "population": 300_000}


@EVERY_METHOD
def test_a_unit_named_after_a_region_is_not_where_its_troops_fought(method):
    text = ("Troops of the East group of forces took full control of the village after a week of assaults, "
            "the ministry said.")
    east = places(text, ("East", "GPE", REGION))
    assert choose_place(east, text, text.index("took"), method=method) is None
    # with the village named and resolved, the village is the place
    named = text.replace("the village after", "the village of Staromaiorske after")
    assert pick(named, "took", [("East", "GPE", REGION), ("Staromaiorske", "GPE", TOWN)], method) == "Staromaiorske"


@EVERY_METHOD
def test_the_city_that_only_says_where_a_suburb_lies_gives_way_to_the_suburb(method):
    text = "Police fired tear gas at stone-throwing youths in the Nairobi suburb of Kawangware on Tuesday."
    named = [("Nairobi", "GPE", CAPITAL), ("Kawangware", "GPE", SUBURB)]
    assert pick(text, "fired", named, method) == "Kawangware"


@EVERY_METHOD
def test_a_named_district_of_a_city_is_still_the_place_when_the_city_follows(method):
    # the same words, the other way round: the first name is the district, the city comes after
    text = "A car bomb tore through a crowded market in the Karrada district of Baghdad on Thursday evening."
    named = [("Karrada", "GPE", SUBURB), ("Baghdad", "GPE", CAPITAL)]
    assert pick(text, "tore", named, method) == "Karrada"


@EVERY_METHOD
def test_protesters_blocking_a_road_named_for_another_town_are_coded_where_they_live(method):
    text = ("Hundreds of people from Bakura blocked the Talata Mafara road with burning tyres on Tuesday "
            "to demand the release of their relatives.")
    named = [("Bakura", "GPE", TOWN), ("Talata Mafara", "GPE", TOWN)]
    assert pick(text, "blocked", named, method) == "Bakura"
    # a road the sentence names alone still places the event
    alone = "Gunmen ambushed travellers on the Talata Mafara road on Tuesday night."
    assert pick(alone, "ambushed", [("Talata Mafara", "GPE", TOWN)], method) == "Talata Mafara"


@EVERY_METHOD
def test_shelling_is_coded_where_the_shells_fell_not_where_they_were_fired_from(method):
    text = ("Mortar bombs fired from positions outside Kadugli fell on the village of Tillo on Sunday, "
            "killing six traders.")
    named = [("Kadugli", "GPE", TOWN), ("Tillo", "GPE", TOWN)]
    assert pick(text, "fired", named, method) == "Tillo"
    # a shot fired "from close range in" a town was fired in it
    close = "A police officer was shot from close range in Kadugli by a man on a motorbike."
    assert pick(close, "shot", [("Kadugli", "GPE", TOWN)], method) == "Kadugli"


@EVERY_METHOD
def test_the_village_that_was_struck_beats_the_region_named_first(method):
    text = ("In the Kherson region, Russian drones dropped explosives on a bus in the village of Bilozerka, "
            "wounding four passengers.")
    named = [("Kherson region", "GPE", REGION), ("Bilozerka", "GPE", TOWN)]
    assert pick(text, "dropped", named, method) == "Bilozerka"


@EVERY_METHOD
def test_a_road_named_by_both_its_ends_still_places_the_blast_on_it(method):
    text = ("An IED struck a military truck on the Damboa-Maiduguri road on Friday, killing four soldiers, "
            "residents of Konduga said.")
    named = [("Damboa-Maiduguri", "GPE", TOWN), ("Konduga", "GPE", TOWN)]
    assert pick(text, "struck", named, method) == "Damboa-Maiduguri"

"""User stories for attackers and places: given a sentence from conflict reporting, the mentions are ...

The span conventions follow re3d (see `place_context`): a country before a weapon is the
Organisation that used it ("U.S. strike" -> Organisation "U.S."), a country before its forces is
one Organisation ("U.S. forces"), and a demonym stays a Nationality ("Russian warplanes" ->
Nationality "Russian"; resolve reads the actor from the nationality and its context).
These load the real model once per session (see conftest).
"""
from __future__ import annotations

from .conftest import make_document


def mentions(annotator, *paragraphs: str) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in annotator.annotate(make_document(*paragraphs))]


# -- who attacked -----------------------------------------------------------------------------------

def test_a_us_drone_strike_has_the_us_as_its_doer_and_idlib_as_its_place(annotator):
    found = mentions(annotator, "A US drone strike in Idlib killed two people.")
    assert ("US", "ORG") in found
    assert ("US", "GPE") not in found
    assert ("Idlib", "GPE") in found


def test_us_forces_are_one_organisation(annotator):
    found = mentions(annotator, "U.S. forces raided a house on Monday.")
    assert ("U.S. forces", "ORG") in found


def test_russian_warplanes_keep_the_nationality_and_add_no_organisation(annotator):
    found = mentions(annotator, "Russian warplanes bombed Idlib.")
    assert ("Russian", "NORP") in found
    assert not any("warplanes" in t for t, _ in found)


def test_syrian_government_forces_are_a_nationality_and_one_group(annotator):
    found = mentions(annotator, "Syrian government forces shelled Manbij, activists said.")
    assert ("Syrian", "NORP") in found
    assert ("government forces", "ORG") in found
    assert ("Manbij", "GPE") in found


def test_a_countrys_air_force_is_a_group_and_the_country_stays_a_place(annotator):
    found = mentions(annotator, "Russia's air force bombed Idlib.")
    assert ("Russia", "GPE") in found and ("air force", "ORG") in found


def test_a_citys_police_leave_the_city_a_place(annotator):
    found = mentions(annotator, "Islamabad police baton-charged protesters.")
    assert ("Islamabad", "GPE") in found
    assert ("police", "ORG") in found


def test_a_place_before_the_verb_forces_stays_a_place(annotator):
    found = mentions(annotator, "Fighting in Idlib forces thousands to flee.")
    assert ("Idlib", "GPE") in found


# -- places the model mislabels or misses -----------------------------------------------------------

def test_a_town_listed_after_a_place_is_a_place_even_when_the_model_skipped_it(annotator):
    found = mentions(annotator, "Russian warplanes bombed villages near Qamishli and Albu Kamal on Tuesday.")
    assert ("Qamishli", "GPE") in found and ("Albu Kamal", "GPE") in found
    assert ("Tuesday", "DATE") in found


def test_the_villages_of_a_list_are_all_places(annotator):
    found = mentions(annotator, "Regime forces retook the villages of Kafr Nabuda and al-Hamamiyat in northern Hama.")
    assert ("Kafr Nabuda", "GPE") in found and ("al-Hamamiyat", "GPE") in found


def test_a_title_after_a_list_of_places_is_not_a_place(annotator):
    found = mentions(annotator, "Clashes in Syria and Iraq, President Obama said.")
    assert not any(label == "GPE" and "President" in t for t, label in found)


def test_fighters_moved_from_one_town_to_another(annotator):
    found = mentions(annotator, "Militias moved about 300 fighters from Albu Kamal to al-Mayadin.")
    assert ("Albu Kamal", "GPE") in found and ("al-Mayadin", "GPE") in found


def test_an_untagged_name_near_which_something_happened_is_a_place(annotator):
    found = mentions(annotator, "Aircraft released a toxic substance near Garri on Thursday.")
    assert ("Garri", "GPE") in found


def test_a_crossing_named_after_its_village_gives_the_village(annotator):
    found = mentions(annotator, "Turkey sent tanks through the Kafr Lusin crossing on Tuesday.")
    assert ("Kafr Lusin", "GPE") in found


def test_a_hashtag_dateline_is_a_place(annotator):
    found = mentions(annotator, "#Hama: crowd beating a man accused of theft")
    assert ("Hama", "GPE") in found


def test_a_region_name_the_model_cut_is_taken_whole(annotator):
    found = mentions(annotator, "Fighters fled in the direction of Mayadeen in the Deiz Ezzor governorate.")
    assert ("Deiz Ezzor", "GPE") in found


def test_a_language_after_in_is_not_a_place(annotator):
    found = mentions(annotator, "The statement was read in Arabic and in Kurdish on state television.")
    assert not any(label == "GPE" for _, label in found)


def test_a_person_after_from_stays_a_person(annotator):
    found = mentions(annotator, "The minister received a call from John Kerry on Sunday.")
    assert ("John Kerry", "PERSON") in found


# -- what the country or nationality is attached to -----------------------------------------------

def head_nouns(annotator, text: str) -> dict[str, str | None]:
    annotated = annotator.process(make_document(text))
    return {m.text: (annotated.head_noun(m) or (0, 0, None))[2] for m in annotated.mentions}


def test_the_noun_a_nationality_modifies_tells_an_attacker_from_a_victim(annotator):
    assert head_nouns(annotator, "Russian warplanes bombed Idlib.")["Russian"] == "warplanes"
    assert head_nouns(annotator, "A Russian journalist was killed by a roadside bomb.")["Russian"] == "journalist"


def test_the_noun_after_a_country_is_the_head_of_the_compound(annotator):
    assert head_nouns(annotator, "A US drone strike in Idlib killed two people.")["US"] == "strike"


def test_a_backer_modifies_nothing(annotator):
    assert head_nouns(annotator, "Turkish-backed factions shelled Tal Rifaat.")["Turkish"] is None


def test_the_head_noun_offsets_slice_back_to_the_word(annotator):
    doc = make_document("Clashes went on.", "Russian warplanes bombed Idlib.")
    annotated = annotator.process(doc)
    russian = next(m for m in annotated.mentions if m.text == "Russian")
    start, end, word = annotated.head_noun(russian)
    assert doc.text[start:end] == "warplanes" == word


def test_a_datelines_dash_ends_the_place_it_was_filed_from(annotator):
    found = mentions(annotator, "MOGADISHU - Somali troops recaptured the town from al-Shabaab on Tuesday.")
    assert ("MOGADISHU", "GPE") in found
    assert not any(" - " in text for text, _ in found)

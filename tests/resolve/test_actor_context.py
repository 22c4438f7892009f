"""Actor resolution with the words NER left outside the span: stories where a tagger found only
"forces", "government" or "militants" and the sentence around says whose they are."""
from __future__ import annotations

import pytest

from dateline.resolve.actor_packs import ActorPack
from dateline.resolve.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver(ActorPack.load())


def named(resolver, surface, context, hint):
    return resolver.resolve_or_provisional(surface, context=context, country_hint=hint).actor.name


def test_us_forces_on_an_iraqi_base_are_american_not_iraqi(resolver):
    # A rocket story datelined Baghdad: the tagger split "US" from "forces".
    text = "Two rockets hit Balad air base, which hosts US forces, security sources said."
    assert named(resolver, "forces", text, "IQ") == "Military Forces of the United States"


def test_the_us_military_in_an_afghan_story_is_the_us_military(resolver):
    text = "Relatives contradicted US military statements that the strike stopped a bomber."
    assert named(resolver, "military", text, "AF") == "Military Forces of the United States"


def test_syrian_government_forces_are_the_army_not_the_government(resolver):
    # ACLED codes the state's forces, not its government, as the actor of violence.
    text = "Syrian government forces and their allies broke through the siege of Deir al-Zor."
    assert named(resolver, "government", text, "SY") == "Military Forces of Syria"


def test_regime_forces_without_a_country_word_are_the_hinted_army(resolver):
    text = "Meanwhile, regime forces and the factions exchanged fire north of Hama."
    assert named(resolver, "regime", text, "SY") == "Military Forces of Syria"


def test_a_government_statement_stays_the_government(resolver):
    text = "The Syrian government said the talks had failed."
    assert named(resolver, "government", text, "SY") == "Government of Syria"


def test_two_countries_forces_in_one_paragraph_fall_back_to_the_hint(resolver):
    # "forces" could be either mention; the widening refuses to guess.
    text = "Turkish forces shelled the town as Russian forces watched."
    assert named(resolver, "forces", text, "SY") == "Military Forces of Syria"


def test_a_country_named_security_forces_phrase_is_not_taken_for_bare_forces(resolver):
    text = "US forces left the base and Iraqi security forces took it over."
    assert named(resolver, "forces", text, "IQ") == "Military Forces of the United States"


def test_militants_missing_their_the_still_refer_back_to_the_named_group(resolver):
    session = resolver.session(country_hint="IQ")
    session.resolve_or_provisional("Islamic State fighters", context="Islamic State fighters took Ramadi.")
    m = session.resolve_or_provisional("militants", context="It was the militants' biggest victory in a year.")
    assert m.actor.name == "Islamic State"


def test_militants_without_a_determiner_stay_unidentified(resolver):
    session = resolver.session(country_hint="IQ")
    session.resolve_or_provisional("Islamic State", context="Islamic State claimed a bombing.")
    m = session.resolve_or_provisional("militants", context="Later, militants attacked a checkpoint.")
    assert m.actor.name == "Unidentified Armed Group (Iraq)"


def test_the_warplanes_after_russian_warplanes_are_still_russian(resolver):
    text = "Russian warplanes struck a market in Idlib. The warplanes returned at dusk."
    assert named(resolver, "warplanes", text, "SY") == "Military Forces of Russia"


def test_warplanes_take_the_one_air_force_the_paragraph_names(resolver):
    text = "The Russian air force said it flew 20 sorties. Warplanes struck a market in Idlib."
    assert named(resolver, "Warplanes", text, "SY") == "Military Forces of Russia"


def test_jets_stay_with_the_hint_when_two_air_forces_are_named(resolver):
    text = "Turkish jets struck Afrin. Russian jets struck Idlib. The jets left at noon."
    assert named(resolver, "jets", text, "SY") == "Military Forces of Syria"


def test_us_aircraft_over_iraq_keep_the_theatre_reading_of_the_coalition(resolver):
    text = "The group's news agency said US aircraft had destroyed the mosque."
    assert named(resolver, "aircraft", text, "IQ") == "Global Coalition Against Daesh"


def test_fighters_from_a_named_group_are_that_group(resolver):
    assert named(resolver, "fighters from the Islamic State group", None, "SY") == "Islamic State"
    assert named(resolver, "troops from Chad", None, "ML") == "Military Forces of Chad"


def test_where_planes_were_built_does_not_say_who_flies_them(resolver):
    # A Syrian story on "Russian-made warplanes": the maker is not the attacker.
    assert named(resolver, "Russian-made warplanes", None, "SY") == "Military Forces of Syria"

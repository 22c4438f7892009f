"""Actor names in other languages: the other-language pack and literal matching through the lexicon."""
from __future__ import annotations

import pytest

from dateline.foreign.actors import ForeignActors
from dateline.foreign.lexicon import load_lexicon
from dateline.resolve.actor_packs import ActorPack


@pytest.fixture(scope="module")
def pack():
    return ActorPack.load()


@pytest.fixture(scope="module")
def actors(pack):
    return ForeignActors(pack)


def test_other_language_aliases_join_the_actors_of_their_home_packs(pack):
    assert "ВСУ" in pack["military-forces-of-ukraine"].aliases
    assert "داعش" in pack["islamic-state"].aliases
    # The alias file loads last, so every actor stays attributed to the pack that defines it.
    assert pack["military-forces-of-ukraine"].pack == "ukraine"
    assert pack["houthis"].pack == "yemen"
    assert not pack.in_pack("other_languages")


@pytest.mark.parametrize("language,text,actor", [
    ("ru", "Минобороны России заявило, что ВСУ обстреляли город.", "russian-ministry-of-defence"),
    ("ru", "Минобороны России заявило, что ВСУ обстреляли город.", "military-forces-of-ukraine"),
    ("ar", "وقال مسؤولون إن عناصر وداعش انسحبوا.", "islamic-state"),
    ("es", "Las Fuerzas de Apoyo Rápido dispersaron la sentada.", "rapid-support-forces"),
    ("fr", "L'armée malienne a repris le contrôle de la ville.", "military-forces-of-mali"),
    ("fr", "Des combattants du groupe Wagner ont été vus à Bamako.", "wagner-group"),
])
def test_an_alias_is_found_through_clitics_articles_and_case(actors, language, text, actor):
    mentions, records = actors.find(text, load_lexicon(language))
    assert actor in {m.actor for m in mentions}
    assert records[actor]["id"] == actor
    for m in mentions:
        assert text[m.start:m.end] == m.text and m.source == "lexicon"


def test_an_acronym_matches_only_in_capitals(actors):
    lexicon = load_lexicon("es")
    assert {m.actor for m in actors.find("Las RSF atacaron el campamento.", lexicon)[0]} == {"rapid-support-forces"}
    assert actors.find("Las rsf atacaron el campamento.", lexicon)[0] == []


def test_the_longest_name_wins(actors):
    mentions, _ = actors.find("Вооружённые силы Украины отошли.", load_lexicon("ru"))
    assert [(m.text, m.actor) for m in mentions] == [("Вооружённые силы Украины", "military-forces-of-ukraine")]

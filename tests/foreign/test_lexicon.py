"""The lexicon files and the word matching the lexicon path stands on. No gazetteer, no model."""
from __future__ import annotations

import pytest

from dateline.events.taxonomy import Taxonomy
from dateline.foreign.lexicon import Phrase, available_languages, fold, from_dict, load_lexicon


def test_the_four_news_languages_ship_a_lexicon():
    assert {"fr", "es", "ru", "ar"} <= set(available_languages())
    assert load_lexicon("xx") is None


@pytest.mark.parametrize("language", available_languages())
def test_every_lexicon_names_only_real_sub_event_types(language):
    taxonomy = Taxonomy.load()
    lexicon = load_lexicon(language)
    names = set(taxonomy.sub_event_names)
    assert lexicon.language == language and lexicon.triggers
    assert {g.sub_event_type for g in lexicon.triggers} <= names
    assert {u.source for u in lexicon.upgrades} | {u.target for u in lexicon.upgrades} <= names
    assert all(g.phrases for g in lexicon.triggers)
    assert lexicon.dead and lexicon.negation and lexicon.hedge


def test_folding_ignores_case_latin_accents_and_arabic_letter_variants():
    assert fold("Tués") == "tues"
    assert fold("Ёлка") == "елка"
    assert fold("йод") == "йод"                  # the breve of й is part of the letter
    assert fold("إدلب") == fold("ادلب")
    assert fold("مدينةٌ") == "مدينه"             # short vowel dropped, ta marbuta as ha
    assert fold("٣٠") == "30"


def test_a_starred_word_is_a_stem_and_words_must_follow_each_other():
    lexicon = load_lexicon("fr")
    tokens = lexicon.tokens("Une frappe aérienne a visé le marché.")
    assert list(Phrase.parse("frappe* aérienne*").find(tokens)) == [1]
    assert list(Phrase.parse("aérienne* frappe*").find(tokens)) == []
    assert list(Phrase.parse("vis*").find(tokens)) == [4]


def test_an_arabic_word_is_also_read_without_its_clitics():
    lexicon = load_lexicon("ar")
    forms = list(lexicon.forms("بالموصل"))
    assert forms[0] == "بالموصل"
    assert "موصل" in forms


def test_a_russian_place_name_is_also_read_in_its_dictionary_form():
    lexicon = load_lexicon("ru")
    assert "краматорск" in lexicon.forms("Краматорске")
    assert "москва" in lexicon.forms("Москве")
    assert "украина" in lexicon.forms("Украины")


def test_numbers_in_digits_words_and_arabic_digits():
    assert load_lexicon("fr").number(load_lexicon("fr").tokens("treize")[0]) == (13, False)
    assert load_lexicon("es").number(load_lexicon("es").tokens("decenas")[0]) == (12, True)
    ar = load_lexicon("ar")
    assert ar.number(ar.tokens("٣٠")[0]) == (30, False)


def test_a_language_is_added_as_data():
    lexicon = from_dict({"language": "it", "script": "latin",
                         "triggers": [{"sub_event_type": "Armed clash", "words": ["scontri"]}]})
    assert lexicon.triggers[0].sub_event_type == "Armed clash"
    assert list(lexicon.triggers[0].phrases[0].find(lexicon.tokens("Violenti scontri a nord"))) == [1]

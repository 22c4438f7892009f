"""Ruler patterns from names: spelling variants and cased/caseless routing (no model loaded)."""
from __future__ import annotations

from dateline.annotate import patterns_from_names, spelling_variants
from dateline.annotate.entity_patterns import case_variants, split_by_case


def test_arabic_article_variants_cover_hyphen_space_and_case():
    forms = set(spelling_variants("al-Raqqa"))
    assert {"al-Raqqa", "al Raqqa", "Al-Raqqa", "Al Raqqa"} <= forms


def test_article_inside_a_name_is_varied_too():
    assert "Deir al Zor" in spelling_variants("Deir al-Zor")


def test_apostrophe_and_hyphen_variants():
    assert "People’s Protection Units" in spelling_variants("People's Protection Units")
    assert "Counter Daesh Coalition" in spelling_variants("Counter-Daesh Coalition")


def test_acronyms_keep_their_exact_case():
    # "Is" would match every sentence-initial "Is".
    assert case_variants("IS") == ["IS"]
    assert case_variants("YPG") == ["YPG"]


def test_capitalised_single_names_get_no_lower_case_form():
    # a village called "Said" must not match the verb
    assert "said" not in case_variants("Said")
    assert "DAESH" in case_variants("Daesh")


def test_patterns_carry_label_and_id_and_are_not_duplicated():
    pats = patterns_from_names([("ORG", "Daesh", "is"), ("ORG", "Daesh", "is")])
    assert {"label": "ORG", "pattern": "Daesh", "id": "is"} in pats
    assert len(pats) == len({p["pattern"] for p in pats})


def test_single_tokens_are_routed_to_the_cased_ruler():
    n_tokens = lambda s: len(s.replace("-", " - ").split())  # noqa: E731 - a stand-in tokenizer
    pats = patterns_from_names([("ORG", "IS", None), ("ORG", "Syrian Democratic Forces", None),
                                ("GPE", "al-Raqqa", None)])
    caseless, cased = split_by_case(pats, n_tokens)
    assert {p["pattern"] for p in cased} == {"IS"}
    assert "Syrian Democratic Forces" in {p["pattern"] for p in caseless}
    assert "al-Raqqa" in {p["pattern"] for p in caseless}

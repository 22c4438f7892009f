"""Figures: every number a story claims, with its unit and claimant — and nothing that only looks like one."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.annotate.figures import find_figures
from dateline.model import Document


def doc(text: str) -> Document:
    return Document(id="t", article_id="t", uri="t", text=text, paragraphs=[])


def only(text: str):
    figures = [f for f in find_figures(doc(text)) if not f.vague]
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


def test_range_of_killed_civilians_claimed_by_activists():
    f = only("Syrian activists say between 1,130 and 1,873 civilians were killed in the campaign.")
    assert (f.low, f.high, f.unit, f.counts) == (1130, 1873, "people", "killed")
    assert f.claimant == "Syrian activists" and f.text == "between 1,130 and 1,873 civilians"


@pytest.mark.parametrize("text, value, unit", [
    ("Salaries go as high up as 25 thousand Syrian pounds a month.", 25_000, "SYP"),
    ("This £10 million package of support is new.", 10_000_000, "GBP"),
    ("The fund reached $4.5bn last year.", 4_500_000_000, "USD"),
    ("roughly $170 US dollars", 170, "USD"),
    ("It costs €2.5 million.", 2_500_000, "EUR"),
])
def test_money_with_multipliers_and_currencies(text, value, unit):
    f = only(text)
    assert (f.low, f.unit) == (value, unit)


def test_qualifiers_and_percentages():
    f = only("The camp held around 450 volunteers.")
    assert (f.low, f.qualifier, f.unit, f.counts) == (450, "around", "people", "volunteers")
    f = only("The government said that more than 90% of the city had been razed.")
    assert (f.low, f.unit, f.qualifier, f.claimant) == (90, "percent", "more than", "The government")
    assert only("Around half of them returned home.").low == 50


def test_word_numbers_and_age_ranges():
    assert only("The city could not survive for more than ten hours.").low == 10
    assert only("Twenty-five fighters surrendered.").low == 25
    assert only("A dozen rockets hit the base.").low == 12
    f = only("ISIS imposes conscription on men aged between 14-40 years.")
    assert (f.low, f.high, f.unit) == (14, 40, "years")


def test_vague_amounts_follow_acled_and_are_flagged():
    figures = find_figures(doc("Dozens of families fled and hundreds of fighters arrived; several were hurt."))
    assert [(f.low, f.vague) for f in figures] == [(12, True), (100, True)]


@pytest.mark.parametrize("text", [
    "The 17th Division held the base.",
    "UN Resolution 2254 was adopted.",
    "They met on March 2, 2014 in Damascus.",
    "The war began in 2011.",
    "The blast came at 11:40pm and again at 5 am.",
    "Hevrin Khalaf, 35, was killed.",
    "Nearly one year ago the flag came down.",
    "Two days ago the town fell.",
    "A Su-24 jet crashed near Division 17.",
    "One of the commanders was killed.",
    "It was the second and third rank leadership.",
    "On the 22th October 2017 they left.",
])
def test_things_that_are_not_figures(text):
    assert [f.text for f in find_figures(doc(text)) if not f.vague] == []


def test_outlet_voice_has_no_claimant_and_reported_speech_has_one():
    text = ("A few months ago, ISIS transferred 75 families into Syria, according to local sources. "
            "The UK delivered 660,000 relief packages.")
    figures = find_figures(doc(text))
    assert [(f.low, f.claimant) for f in figures] == [(75, "local sources"), (660_000, None)]


def test_killing_before_the_number_sets_what_it_counts():
    f = only("The blast tore through the market, killing at least 82 people.")
    assert (f.low, f.qualifier, f.counts) == (82, "at least", "killed")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 ,.-–%$£") + ["between ", "and ", "people ", "around ",
                                                               "million ", "two ", "twenty-", "dozens of ",
                                                               "March ", "said "]), max_size=60).map("".join))
def test_never_crashes_and_every_span_slices_back(text):
    for f in find_figures(doc(text)):
        assert text[f.start:f.end] == f.text
        assert f.low <= f.high

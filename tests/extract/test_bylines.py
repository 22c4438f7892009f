"""Byline recognition and bare author names."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.bylines import author_names, bare_names, parse_byline, split_byline


@pytest.mark.parametrize("line, names", [
    ("By: Firas al-Hakkar", ["Firas al-Hakkar"]),
    ("Reporting by: Qehreman Miste", ["Qehreman Miste"]),
    ("EXCLUSIVE – Aghiad Al Kheder", ["Aghiad Al Kheder"]),
    ("By John Smith and Jane Doe", ["John Smith", "Jane Doe"]),
    ("Reporting by John Smith; Editing by Jane Doe", ["John Smith", "Jane Doe"]),
    ("Written by Maria de la Cruz", ["Maria de la Cruz"]),
    ("Ahmed Rasheed | Reuters", ["Ahmed Rasheed"]),
    ("By John Smith, Reuters", ["John Smith"]),
    ("Par Jeanne Morel", ["Jeanne Morel"]),
    ("Por Ana Beltrán", ["Ana Beltrán"]),
    ("Автор: Иван Петров", ["Иван Петров"]),
    ("By staff correspondents", []),
    ("(Reporting by IPA Beirut bureau; editing by staff)", []),
    ("By Reuters", []),
])
def test_bylines(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize("line", [
    "By the end of the year, fighting had stopped.",
    "By Sunday",
    "ARA News",
    "Home | News | Opinion",
    "Attacked by Islamic State",
    "The army said it had retaken the town.",
    "",
])
def test_not_bylines(line):
    assert parse_byline(line) is None


def test_split_byline_returns_the_credit_segment_as_written():
    assert split_byline("By Global Wire staff | May 18, 2015") == ("By Global Wire staff", [])
    assert split_byline("December 13, 2020 - By Our Correspondent") == ("By Our Correspondent", [])
    assert split_byline("Posted on 14 February 2021 by Tarek Oudeh") == ("by Tarek Oudeh", ["Tarek Oudeh"])


def test_author_names_is_lenient():
    assert author_names("By: Firas al-Hakkar") == ["Firas al-Hakkar"]
    assert author_names("not a byline at all, really.") == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=150))
def test_parse_byline_never_crashes_and_names_come_from_the_line(line):
    found = split_byline(line)
    if found is not None:
        credit, names = found
        assert credit in line
        assert all(n in line for n in names)


_name = st.from_regex(r"[A-Z][a-z]{2,8} [A-Z][a-z]{2,10}", fullmatch=True)


@settings(max_examples=100, deadline=None)
@given(st.lists(_name, min_size=1, max_size=3), st.sampled_from(["By ", "By: ", "Written by ", "Reporting by "]))
def test_generated_bylines_give_back_their_names(names, prefix):
    # month names as first names, and function words a byline reads as joins ("Aaa And"), are not names
    if any(n.split()[0].lower() in {"the", "may", "march", "june", "july"} for n in names) or any(
            w.lower() in {"and", "in", "of", "for", "with", "by", "at", "on", "from", "to", "via"}
            for n in names for w in n.split()):
        return
    line = prefix + (" and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1])
    assert parse_byline(line) == names


@pytest.mark.parametrize("line, names", [
    ("Reporting by Mara Quill in Harbour Town and Ode Brandt in New Port; Editing by Pia Lunde",
     ["Mara Quill", "Ode Brandt", "Pia Lunde"]),
    ("Reporting by Mara Quill; Additional reporting by Ode Brandt in Lisbon and Ana Sol in Faro; "
     "Writing by Tim Roe; Editing by Pia Lunde and Kai Berg", ["Mara Quill", "Ode Brandt", "Ana Sol", "Tim Roe",
                                                              "Pia Lunde", "Kai Berg"]),
    ("Staff writer", []),
    ("Our correspondent", []),
    ("K.M. / T.A.", []),
    ("By Par Aaa", ["Par Aaa"]),  # "Par" (French "by") starting a name is a name
])
def test_wire_credits_staff_lines_and_initials(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize("line, names", [
    ("Mara Quill, Ode Brandt", ["Mara Quill", "Ode Brandt"]),
    ("Mara Quill and Ode van Brandt", ["Mara Quill", "Ode van Brandt"]),
    ("Coast News", None), ("Middle East", None), ("WORLD NEWS", None), ("Reuters", None),
    ("Shelling damages port.", None), ("Harbour", None),
])
def test_bare_names(line, names):
    assert bare_names(line) == names

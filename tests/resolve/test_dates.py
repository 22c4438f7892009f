"""Date resolution: relative words become calendar ranges, counted the way ACLED coders count them."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.model import Document, PartialDate
from dateline.resolve.dates import find_dates


def doc(text: str) -> Document:
    return Document(id="t", article_id="t", uri="t", text=text, paragraphs=[])


def resolve(text: str, published: str | None):
    pub = PartialDate.parse_iso(published) if published else None
    found = find_dates(doc(text), pub)
    assert len(found) == 1, [(d.text, d.value) for d in found]
    return found[0]


@pytest.mark.parametrize("text, published, iso, precision", [
    ("The strike came on Monday morning.", "2019-07-23", "2019-07-22", "day"),        # Tuesday paper
    ("The strike came on Monday morning.", "2021-08-30", "2021-08-30", "day"),        # same-day Monday
    ("Rockets fell late on Saturday.", "2020-01-05", "2020-01-04", "day"),
    ("It was last Friday's raid.", "2020-12-15", "2020-12-11", "day"),
    ("It happened last Friday.", "2020-12-11", "2020-12-04", "day"),                  # never the same day
    ("Gunmen struck on Saturday.", "2019-03-02", "2019-03-02", "day"),
    ("Gunmen struck on Sunday.", "2019-03-01", "2019-02-24", "day"),                  # across a month
    ("Gunmen struck on Thursday.", "2020-01-01", "2019-12-26", "day"),                # across a year
    ("Students fled yesterday afternoon.", "2013-01-01", "2012-12-31", "day"),
    ("The group formed two days ago.", "2014-03-01", "2014-02-27", "day"),
    ("The flag came down nearly one year ago.", "2014-03-03", "2013-03", "month"),
    ("Flags went up over the past month.", "2014-03-03", "2014-02", "month"),
    ("The SDF announced it last week.", "2015-11-04", "2015-10-26", "week"),
    ("Talks went on this week.", "2015-11-04", "2015-11-02", "week"),
    ("He spoke over the weekend.", "2017-10-24", "2017-10-21", "week"),
    ("It was agreed earlier this month.", "2017-10-24", "2017-10", "month"),
    ("The truce was signed last month.", "2017-01-10", "2016-12", "month"),
    ("He said it last year.", "2018-10-30", "2017", "year"),
    ("The UN said in June that it was grave.", "2017-10-24", "2017-06", "month"),
    ("The UN said in November that it was grave.", "2017-10-24", "2016-11", "month"),
    ("On October 19th, PressTV reported it.", "2018-10-30", "2018-10-19", "day"),
    ("Rebels attacked on Friday.", "2019-07", None, None),                            # month-only paper
])
def test_relative_expressions_resolve_against_the_publication_date(text, published, iso, precision):
    d = resolve(text, published)
    assert d.relative
    if iso is None:
        assert d.value is None
    else:
        assert (d.value.iso, d.value.precision) == (iso, precision)
        assert d.value.text == d.text


@pytest.mark.parametrize("text, iso", [
    ("Priti Patel announced on the 22th October 2017 UK efforts.", "2017-10-22"),
    ("Residents waited on March 2, 2014 at the checkpoint.", "2014-03-02"),
    ("It was declared the capital in 2015.", "2015"),
    ("The offensive of June 2014 changed everything.", "2014-06"),
])
def test_absolute_dates_resolve_without_a_publication_date(text, iso):
    d = resolve(text, None)
    assert d.value.iso == iso and not d.relative


def test_no_publication_date_keeps_relative_expressions_unresolved():
    found = find_dates(doc("On Tuesday, and yesterday, and last week, and October 19th, ISIS moved."), None)
    assert [d.text for d in found] == ["On Tuesday", "yesterday", "last week", "October 19th"]
    assert all(d.value is None and d.relative for d in found)


def test_since_runs_until_the_publication_date():
    d = resolve("The UK has helped since 2012.", "2017-10-24")
    assert (d.value.start, d.value.end, d.value.precision) == ("2012-01-01", "2017-10-24", "year")


def test_other_languages_weekdays():
    assert resolve("L'attaque a eu lieu samedi à l'aube.", "2019-03-24").value.iso == "2019-03-23"
    assert resolve("Ocurrió este lunes en Jartum.", "2019-06-03").value.iso == "2019-06-03"
    assert resolve("Удар нанесён в пятницу.", "2022-04-08").value.iso == "2022-04-08"


@pytest.mark.parametrize("text", ["May God protect them.", "2,000 people fled.", "Route 2015-A", "They may leave."])
def test_not_dates(text):
    assert find_dates(doc(text), PartialDate.parse_iso("2019-01-01")) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 ,.-/") + [
    "on ", "Monday ", "last ", "week ", "year ", "ago ", "two ", "June ", "October ", "19th ", "2014 ",
    "since ", "yesterday ", "the ", "weekend ", "morning "]), max_size=40).map("".join),
    st.one_of(st.none(), st.dates().map(lambda d: PartialDate.parse_iso(d.isoformat()))))
def test_never_crashes_and_every_span_slices_back(text, published):
    for d in find_dates(doc(text), published):
        assert text[d.start:d.end] == d.text
        if d.value is not None:
            assert d.value.start <= d.value.end
        elif published is None:
            assert d.relative

"""Publication-date parsing: date lines, precision, and which date a page is given."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.dates import find_dates, find_published, lead_date, parse_date_line
from dateline.extract.layout import Block


@pytest.mark.parametrize("line, iso, text", [
    ("Published Monday, March 3, 2014", "2014-03-03", "Monday, March 3, 2014"),
    ("News 24 Oct 2017", "2017-10-24", "24 Oct 2017"),
    ("23/07/2019", "2019-07-23", "23/07/2019"),
    ("03/04/2019", "2019-04-03", "03/04/2019"),       # day-first
    ("07/23/2019", "2019-07-23", "07/23/2019"),       # day-first impossible
    ("2019-07-23", "2019-07-23", "2019-07-23"),
    ("July 23, 2019 at 10:02 am", "2019-07-23", "July 23, 2019"),
    ("Updated: July 24, 2019", "2019-07-24", "July 24, 2019"),
    ("March 2014", "2014-03", "March 2014"),
    ("Published 26 May 2012, 19:40 GMT", "2012-05-26", "26 May 2012"),
    ("January 3, 2020 | 08:15 GMT | Updated 14:02 GMT", "2020-01-03", "January 3, 2020"),
    ("Posted March 2019 by a former analyst | 9 min read", "2019-03", "March 2019"),
    ("Publié le dimanche 24 mars 2019", "2019-03-24", "dimanche 24 mars 2019"),
    ("8 апреля 2022, 16:45", "2022-04-08", "8 апреля 2022"),
    ("الخميس 22 حزيران 2017", "2017-06-22", "الخميس 22 حزيران 2017"),
    ("Saturday, October 14, 2017 - 17:55 EAT", "2017-10-14", "Saturday, October 14, 2017"),
    ("December 13, 2020 - By Our Correspondent", "2020-12-13", "December 13, 2020"),
])
def test_date_lines(line, iso, text):
    d = parse_date_line(line)
    assert d is not None and d.iso == iso and d.text == text
    assert d.text in line


def test_month_precision_spans_the_month():
    d = parse_date_line("February 2020")
    assert (d.start, d.end, d.precision) == ("2020-02-01", "2020-02-29", "month")


def test_published_wins_over_updated_on_one_line():
    assert parse_date_line("Updated 5 May 2020, published 1 May 2020").iso == "2020-05-01"


@pytest.mark.parametrize("line", [
    "Sept 6",                               # no year: we do not guess it
    "BEIRUT, Sept 6 (Global Wire)",
    "31/31/2019",                           # impossible either way
    "Priti Patel announced on the 22th October 2017 UK efforts to:",
    "The army said on March 3, 2014 that it had retaken the town after heavy fighting.",
    "Marine corps 2019",
    "",
])
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_find_dates_reports_yearless_dates_without_a_value():
    (start, end, d), = find_dates("BEIRUT, Sept 6 (Global Wire)")
    assert "BEIRUT, Sept 6 (Global Wire)"[start:end] == "Sept 6" and d is None


def test_lead_date_reads_a_wire_dateline():
    assert lead_date("BEIRUT, Jan 17, 2013 (IPA) - The death toll rose.").iso == "2013-01-17"
    assert lead_date("The death toll rose on Jan 17, 2013 - officials said.") is None


def _blocks(*pairs):
    return [Block(text=t, kind=k) for k, t in pairs]


def test_find_published_prefers_the_top_date_line_over_body_dates():
    long = "Fighting resumed on 4 May 2019 around the town, residents said, " * 3
    blocks = _blocks(("title", "Title"), ("byline", "12 May 2019"), ("body", long), ("body", long))
    assert find_published(blocks).iso == "2019-05-12"


def test_find_published_never_takes_a_date_inside_body_prose():
    long = "Fighting resumed on 4 May 2019 around the town, residents said, " * 3
    assert find_published(_blocks(("title", "Title"), ("body", long))) is None


def test_find_published_falls_back_to_bottom_then_dateline():
    long = "Fighting resumed around the town, residents said on Monday evening, " * 3
    bottom = _blocks(("title", "T"), ("body", long), ("body", long), ("byline", "Posted 2 June 2018"))
    assert find_published(bottom).iso == "2018-06-02"
    lead = _blocks(("title", "T"), ("body", "KABUL, 5 May 2021 (AFP) — " + long))
    assert find_published(lead).iso == "2021-05-05"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parse_date_line_never_crashes_and_returns_consistent_dates(line):
    d = parse_date_line(line)
    if d is not None:
        assert d.start <= d.end and d.precision in ("day", "month")
        assert d.text and d.text in line


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(["{d:%d %B %Y}", "{d:%B %d, %Y}", "{d:%Y-%m-%d}", "{d:%d/%m/%Y}",
                                    "Published {d:%A, %B %d, %Y}", "{d:%d %b %Y}"]))
def test_formatted_dates_round_trip(day, fmt):
    line = fmt.format(d=day)
    d = parse_date_line(line)
    assert d is not None and d.start == day.isoformat() and d.precision == "day"

"""Date expressions in a story, resolved against the publication date.

Responsible for `find_dates`, which finds absolute dates ("March 2, 2014", "on the 22th October
2017", "June 2014", "2015", "since 2014"), dates without a year ("October 19th", "in June") and
relative expressions ("yesterday", "on Monday morning", "last Friday's", "late on Saturday", "last
week", "this week", "over the weekend", "earlier this month", "over the past month", "last year",
"two days ago", "nearly one year ago"), each as a `DateMention` with a `PartialDate` range and
precision (day, week, month, year).

Conventions (ACLED-like, as in dateline-dev-reports/README.md "Dates"):
- a weekday is the most recent such day on or before the publication date ("on Monday" in a story
  published on a Monday is that day); "last Friday" is never the publication day itself;
- weeks run Monday to Sunday; "this week" ends on the publication date; a weekend is Sat–Sun;
- "N days/weeks/months ago" counts back from the publication date; "a year ago" keeps month
  precision (reporters use it for the anniversary month), two or more years ago keeps the year;
- a month or day without a year takes the publication year, or the year before when that would put
  it more than two months after publication (news reports the past);
- with no publication date, every expression that needs one is kept with `value=None,
  relative=True`: stored as written, never guessed. Absolute dates resolve regardless.

Not responsible for deciding which event a date belongs to, nor for times of day ("at 11:40pm").
Only `re` and `datetime`: this runs on every sentence of every story, so no dateparser.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..extract.dates import find_dates as find_calendar_dates
from ..model import DateMention, Document, PartialDate
from .date_words import (COUNT_PATTERN, COUNTS, MONTH_PATTERN, MONTH_WORDS, MONTHS, WEEKDAY_PATTERN,
                         WEEKDAYS)

__all__ = ["find_dates"]

_TOD = r"(?:\s+(?:morning|afternoon|evening|night|à l[’']aube|au matin|en la mañana|por la mañana))"
_LEAD = (r"(?:(?:(?i:early|late|later|earlier)\s+(?:on\s+)?|(?i:at\s+dawn|at\s+dusk|in\s+the\s+early\s+hours)\s+"
         r"(?:on|of)\s+|(?i:on|from|until|since|by|в|el|este|ce|مساء|صباح|فجر|يوم)\s+)?)")
_RELATIVE = re.compile(
    rf"(?P<wdx>{_LEAD}(?:(?P<wrel>(?i:last|this|next|past))\s+)?(?P<wd>{WEEKDAY_PATTERN})(?P<poss>[’']s)?"
    rf"(?P<wtod>{_TOD})?)(?!\w)"
    rf"|(?P<yday>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night|"
    rf"this\s+(?:morning|afternoon|evening))(?:{_TOD})?)(?!\w)"
    rf"|(?P<past>(?i:(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?P<punit>week|month|year)))(?!\w)"
    rf"|(?P<weekend>(?i:(?:over|at|during)\s+the\s+weekend|(?:this|last)\s+weekend))(?!\w)"
    rf"|(?P<cal>(?i:(?:(?:early|late|earlier|later)\s+(?:in\s+)?)?(?P<crel>last|this|next|previous)\s+"
    rf"(?P<cunit>week|month|year)))(?!\w)"
    rf"|(?P<ago>(?i:(?:(?:nearly|almost|about|around|some|more\s+than|over|just\s+over|roughly|exactly)\s+)?"
    rf"(?P<n>{COUNT_PATTERN})\s+(?P<aunit>day|week|month|year)s?\s+ago))(?!\w)"
    rf"|(?P<since>(?i:since|in|during|by|until|from|of|throughout)\s+(?P<sy>(?:19|20)\d\d))(?!\d|[.,]\d|\s*[-–]\d)"
    rf"|(?P<mon>(?:(?i:in|since|during|by|until|early|late|mid|mid-|earlier\s+in|later\s+in|last|next|this)\s+)?"
    rf"(?P<mname>{MONTH_PATTERN})\b\.?(?!\s*\d))"
    rf"|(?P<year>(?<![\w$£€.,/-])(?:19|20)\d\d)(?![\w%/-]|[.,]\d|\s+(?:people|civilians|troops|soldiers|"
    rf"fighters|families|percent|per\s+cent))"
)
_YEARLESS = re.compile(rf"(?:(?P<m1>{MONTH_PATTERN})\.?\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                       rf"(?P<m2>{MONTH_PATTERN}))", re.IGNORECASE)
_CALENDAR_HINT = re.compile(r"(?P<num>\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})|[^\W\d_]+\.?")
_TOKEN = re.compile(r"[^\W\d_]+|(?:19|20)\d\d")
_KEYWORDS = frozenset([w.lower() for w in WEEKDAYS] + [w.lower() for w in MONTHS] + [
    "yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening",
    "week", "weeks", "weekend", "month", "months", "year", "years", "day", "days", "ago"]
    + [str(y) for y in range(1900, 2100)])
_MONTH_NEEDS_PREPOSITION = frozenset({"May", "Mar", "Jan", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
                                      "Feb", "Apr", "Sept"})


def find_dates(doc: Document, published: PartialDate | None) -> list[DateMention]:
    """Date expressions in `doc.text`, in text order, without overlaps (the longest wins)."""
    text = doc.text
    found: list[DateMention] = []
    calendar_hits = (m.span() for m in _CALENDAR_HINT.finditer(text)
                     if m.group("num") or m.group().lower().rstrip(".") in MONTH_WORDS)
    for lo, hi in _windows(text, calendar_hits):
        for start, end, value in find_calendar_dates(text[lo:hi]):
            start, end = start + lo, end + lo
            span_text = text[start:end]
            if value is None:
                found.append(_yearless(text, start, end, published))
            else:
                found.append(DateMention(start, end, span_text, replace_text(value, span_text), False))
    hits = (m.span() for m in _TOKEN.finditer(text) if m.group().lower() in _KEYWORDS)
    for lo, hi in _windows(text, hits):
        for m in _RELATIVE.finditer(text, lo, hi):
            mention = _relative(text, m, published)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    for d in found:
        if out and d.start < out[-1].end:
            if d.end - d.start > out[-1].end - out[-1].start and d.start >= out[-1].start:
                out[-1] = d
            continue
        out.append(d)
    return out


def _windows(text: str, hits, before: int = 48, after: int = 40) -> list[tuple[int, int]]:
    """Merged stretches of text around keyword hits, widened to whitespace.

    The full grammars are costly to try at every character; every date expression holds a digit or
    one of a few words, so only the text around those is searched.
    """
    out: list[tuple[int, int]] = []
    for s, e in hits:
        lo, hi = max(0, s - before), min(len(text), e + after)
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def replace_text(value: PartialDate, text: str) -> PartialDate:
    return PartialDate(value.start, value.end, value.precision, text)


def _day(d: date, text: str) -> PartialDate:
    return PartialDate(d.isoformat(), d.isoformat(), "day", text)


def _month(y: int, m: int, text: str) -> PartialDate:
    last = calendar.monthrange(y, m)[1]
    return PartialDate(date(y, m, 1).isoformat(), date(y, m, last).isoformat(), "month", text)


def _year(y: int, text: str, end: date | None = None) -> PartialDate:
    return PartialDate(f"{y:04d}-01-01", (end or date(y, 12, 31)).isoformat(), "year", text)


def _range(a: date, b: date, precision, text: str) -> PartialDate:
    return PartialDate(a.isoformat(), b.isoformat(), precision, text)


def _anchor(published: PartialDate | None, need: str) -> date | None:
    """The publication date when it is known to the precision an expression needs."""
    if published is None:
        return None
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    if order[published.precision] > order[need]:
        return None
    return date.fromisoformat(published.end if published.precision == "day" else published.start)


def _shift_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) - months
    return total // 12, total % 12 + 1


def _past_year_for(month: int, day: int, anchor: date) -> int:
    """The publication year, or the one before when the date would lie > 2 months after publication."""
    try:
        candidate = date(anchor.year, month, min(day, calendar.monthrange(anchor.year, month)[1]))
    except ValueError:
        return anchor.year
    return anchor.year - 1 if (candidate - anchor).days > 62 else anchor.year


def _yearless(text: str, start: int, end: int, published: PartialDate | None) -> DateMention:
    span_text = text[start:end]
    m = _YEARLESS.search(span_text)
    anchor = _anchor(published, "year") if published and published.precision != "year" else None
    value = None
    if m and anchor is not None:
        mon = MONTHS.get((m.group("m1") or m.group("m2")).capitalize().rstrip("."))
        day = int(m.group("d1") or m.group("d2"))
        if mon:
            y = _past_year_for(mon, day, anchor)
            try:
                value = _day(date(y, mon, day), span_text)
            except ValueError:
                value = None
    return DateMention(start, end, span_text, value, True)


def _relative(text: str, m: re.Match[str], published: PartialDate | None) -> DateMention | None:
    g = m.lastgroup
    span_text = m.group()
    value: PartialDate | None = None
    relative = True
    if g == "wdx":
        anchor = _anchor(published, "day")
        if anchor is not None:
            wd = WEEKDAYS[m.group("wd")] if m.group("wd") in WEEKDAYS else None
            if wd is None:
                return None
            rel = (m.group("wrel") or "").lower()
            if rel == "next":
                value = _day(anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7), span_text)
            else:
                back = (anchor.weekday() - wd) % 7
                if rel in ("last", "past") and back == 0:
                    back = 7
                value = _day(anchor - timedelta(days=back), span_text)
    elif g == "yday":
        anchor = _anchor(published, "day")
        word = span_text.lower()
        if anchor is not None:
            offset = (-2 if word.startswith("the day before") else -1 if word.startswith(("yesterday", "last night"))
                      else 1 if word.startswith("tomorrow") else 0)
            value = _day(anchor + timedelta(days=offset), span_text)
    elif g == "past":
        unit = m.group("punit").lower()
        anchor = _anchor(published, "day")
        if anchor is not None:
            days = {"week": 7, "month": 30, "year": 365}[unit]
            value = _range(anchor - timedelta(days=days), anchor, unit, span_text)
    elif g == "weekend":
        anchor = _anchor(published, "day")
        if anchor is not None:
            sat = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
            if span_text.lower().startswith("last") and anchor.weekday() >= 5:
                sat -= timedelta(days=7)
            value = _range(sat, min(sat + timedelta(days=1), max(anchor, sat)), "week", span_text)
    elif g == "cal":
        value = _calendar(m, published, span_text)
    elif g == "ago":
        value = _ago(m, published, span_text)
    elif g == "since":
        y = int(m.group("sy"))
        relative = False
        lead = span_text.split()[0].lower()
        if lead == "since" and published is not None:
            end = date.fromisoformat(published.end)
            value = _year(y, span_text, end if end.year >= y else None)
        else:
            value = _year(y, span_text)
    elif g == "mon":
        name = m.group("mname")
        if name in _MONTH_NEEDS_PREPOSITION and m.group() == name:
            return None
        anchor = _anchor(published, "month")
        if anchor is not None:
            mon = MONTHS[name]
            rel = span_text.split()[0].lower()
            y = anchor.year if mon <= anchor.month else anchor.year - 1
            if rel == "last":
                y = anchor.year - 1 if mon >= anchor.month else anchor.year
            elif rel == "next":
                y = anchor.year + 1 if mon <= anchor.month else anchor.year
            value = _month(y, mon, span_text)
    elif g == "year":
        relative = False
        value = _year(int(span_text), span_text)
    return DateMention(m.start(), m.end(), span_text, value, relative)


def _calendar(m: re.Match[str], published: PartialDate | None, text: str) -> PartialDate | None:
    unit, rel = m.group("cunit").lower(), m.group("crel").lower()
    step = {"last": -1, "previous": -1, "this": 0, "next": 1}[rel]
    anchor = _anchor(published, unit)
    if anchor is None:
        return None
    if unit == "year":
        return _year(anchor.year + step, text)
    if unit == "month":
        y, mo = _shift_months(anchor, -step)
        return _month(y, mo, text)
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
    end = anchor if step == 0 else monday + timedelta(days=6)
    return _range(monday, end, "week", text)


def _ago(m: re.Match[str], published: PartialDate | None, text: str) -> PartialDate | None:
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else COUNTS.get(" ".join(raw.split()))
    unit = m.group("aunit").lower()
    anchor = _anchor(published, "day" if unit in ("day", "week") else "month")
    if n is None or anchor is None:
        return None
    if unit == "day":
        return _day(anchor - timedelta(days=n), text)
    if unit == "week":
        d = anchor - timedelta(weeks=n)
        monday = d - timedelta(days=d.weekday())
        return _range(monday, monday + timedelta(days=6), "week", text)
    if unit == "month" or n == 1:
        y, mo = _shift_months(anchor, n if unit == "month" else 12)
        return _month(y, mo, text)
    return _year(anchor.year - n, text)

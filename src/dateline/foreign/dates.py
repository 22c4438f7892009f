"""Date expressions in a non-English text, read by dateparser and anchored on the publication date.

Responsible for `find_foreign_dates`: dateparser's multilingual search, trimmed of the words it
drags along ("Hier, le"), filtered of bare numbers (a toll of "30" is not the 30th), and turned
into the same `DateMention`s the English reader produces, with the same conventions: a relative
expression without a publication date keeps `value=None, relative=True`; a weekday is the most
recent such day on or before publication; news reports the past.

Not responsible for English (`resolve.dates`, which avoids dateparser for speed) or for deciding
which event a date belongs to.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from ..model import DateMention, Document, PartialDate

_WORD = re.compile(r"[^\W\d_]{3,}")
_NUMERIC_DATE = re.compile(r"\d[/.-]\d")
# A clock time is not a date ("5 heures, 30" is half past five).
_TIME_WORDS = re.compile(r"\b(?:\d{1,2}[:h]\d\d|heures?|minutes?|horas?|hours?|hrs?|час\w*|минут\w*|ساع\w*|دقيق\w*)\b",
                         re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_ANY_DIGIT = re.compile(r"\d")
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MAX_TEXT = 20000


def _settings(base: datetime | None) -> dict:
    s = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        s["RELATIVE_BASE"] = base
    return s


def find_foreign_dates(doc: Document, language: str) -> list[DateMention]:
    """Date expressions in `doc.text` (text order, no overlaps), resolved against `doc.published`."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    published = doc.published
    base = datetime.fromisoformat(published.start) if published and published.precision == "day" else None
    try:
        hits = search_dates(doc.text[:_MAX_TEXT], languages=[language], settings=_settings(base)) or []
    except Exception:   # dateparser raises on some languages/inputs; dates are optional here
        return []
    parser = DateDataParser(languages=[language], settings=_settings(base))
    out: list[DateMention] = []
    pos = 0
    for found, _value in hits:
        start = doc.text.find(found, pos)
        if start < 0:
            continue
        pos = start + len(found)
        phrase = _trim(found, parser)
        if phrase is None:
            continue
        text, data = _past_reading(*phrase, parser, base)
        start += max(0, found.find(text))
        # Without a year the expression needs the publication date ("hier", "3 de junio").
        relative = not _ANY_YEAR.search(text)
        day = data.date_obj.date()
        if base is not None and relative and (base.date() - day).days == 7 and not _ANY_DIGIT.search(text):
            day = base.date()   # "on Friday" in a story published on a Friday is that day
        value = _partial(day, data.period or "day", text)
        if relative and base is None:
            value = None
        elif relative and base is not None and value is not None and data.period == "day" \
                and value.start > base.date().isoformat():
            value = None        # news reports the past; a future day is a misreading
        out.append(DateMention(start, start + len(text), text, value, relative))
    return out


def _trim(found: str, parser) -> tuple[str, object] | None:
    """`found` without the short words dateparser drags along ("Hier, le"), with its reading;
    None for what is not worth a date: a bare number ("30", "el 3"), a time ("5 heures")."""
    words = found.strip(" ,.;:-–").split()
    text = _without_short_tail(words)
    dated = _TIME_WORDS.sub(" ", text)
    if not (_WORD.search(dated) or _NUMERIC_DATE.search(dated) or _ANY_YEAR.search(dated)):
        return None
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    return text, data


def _past_reading(text: str, data, parser, base: datetime | None) -> tuple[str, object]:
    """News reports the past: a reading after publication has run on into the next words
    ("domingo a 20 estudiantes" read as the 20th); the words before them may still read right."""
    words = text.split()
    while base is not None and data.date_obj > base and len(words) > 1:
        words.pop()
        shorter = " ".join(words).strip(" ,.;:-–")
        got = parser.get_date_data(shorter)
        if got.date_obj is None:
            break
        text, data = shorter, got
    short = _without_short_tail(text.split())
    return (short, parser.get_date_data(short)) if short != text else (text, data)


def _without_short_tail(words: list[str]) -> str:
    """The words without the short ones trailing after the date ("Hier, le" → "Hier"), as long as a
    word is left to carry the date: "3 jun" keeps its month."""
    words = list(words)
    while len(words) > 1 and words[-1].strip(",.;:").isalpha() and len(words[-1].strip(",.;:")) <= 3 \
            and _WORD.search(" ".join(words[:-1])):
        words.pop()
    return " ".join(words).strip(" ,.;:-–")


def _partial(day: date, period: str, text: str) -> PartialDate:
    if period == "year":
        return PartialDate(f"{day.year:04d}-01-01", f"{day.year:04d}-12-31", "year", text)
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return PartialDate(date(day.year, day.month, 1).isoformat(), date(day.year, day.month, last).isoformat(),
                           "month", text)
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return PartialDate(monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week", text)
    return PartialDate(day.isoformat(), day.isoformat(), "day", text)

"""When an event happened: the date told in its sentence, background history, ACLED time precision.

Shared by the English extractor and the word-list path for other languages (`dateline.foreign`).
"""
from __future__ import annotations

from datetime import date

from ..model import DateMention, Document, Event

# An event dated this long before publication is background history, not news (the dev reports'
# `background_events`): a dataset that re-coded every retold incident would count it twice.
BACKGROUND_DAYS = 45
_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def sentence_date(s, dates: list[DateMention], trigger_at: int) -> DateMention | None:
    """The resolved date inside sentence `s` (anything with `start`/`end`) nearest the trigger."""
    inside = [d for d in dates if s.start <= d.start and d.end <= s.end and d.value is not None]
    return min(inside, key=lambda d: abs(d.start - trigger_at), default=None)


def is_background(doc: Document, d: DateMention | None) -> bool:
    if d is None or doc.published is None or d.value is None:
        return False
    try:
        gap = date.fromisoformat(doc.published.start) - date.fromisoformat(d.value.end)
    except ValueError:
        return False
    return gap.days > BACKGROUND_DAYS


def set_when(e: Event, doc: Document, d: DateMention | None) -> None:
    """The sentence's date at its precision, else the publication date one step less precise."""
    if d is not None:
        e.date, e.date_text, e.time_precision = d.value, d.text, _PRECISION[d.value.precision]
    elif doc.published is not None:
        e.date = doc.published
        e.time_precision = 2 if doc.published.precision == "day" else 3

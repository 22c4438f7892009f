"""When an event happened: the date told in its sentence, background history, ACLED time precision.

Shared by the English extractor and the word-list path for other languages (`dateline.foreign`).

The sentence's date is the resolved date nearest the trigger, leaving out the day a source spoke
("monitors said on Saturday they had counted 92 bodies": Saturday dates the statement, not the
killing). A sentence with no date of its own takes the last date told before it in its paragraph
("Gunmen stormed the village on Friday. They burned the houses and killed five men."), and a
sentence that opens by pointing back in time ("At about the same time", "Later that day") takes the
last date told before it anywhere in the text. A carried date is never background history: the
sentence after a look back at 2014 is usually back in the news.

Not responsible for resolving date expressions (`dateline.resolve.dates`: "on Monday" against the
publication date, "last week" at week precision, "earlier this month" at month precision).
"""
from __future__ import annotations

import re
from datetime import date

from ..model import DateMention, Document, Event

# An event dated this long before publication is background history, not news (the dev reports'
# `background_events`): a dataset that re-coded every retold incident would count it twice.
BACKGROUND_DAYS = 45
_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

# "said on Saturday", "told reporters late on Monday", "announced on Friday that": the date of a statement.
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|announced|reported|stated|confirmed|added|claimed|declared|"
                          r"denied|tweeted|wrote)\b(?:\s+[\w'’]+){0,2}\s*$", re.IGNORECASE)
# "At about the same time", "Later that day", "Hours later": a sentence that dates itself by the one before.
_SAME_TIME = re.compile(r"^\W*(?:[A-Z][\w'’.-]*\s+[-–—]\s+)?(?:at (?:about |around |roughly )?the same time|"
                        r"(?:later|earlier) (?:that|the same) (?:day|night|morning|afternoon|evening)|"
                        r"(?:minutes|hours|shortly|soon) (?:later|afterwards?)|on the same day|the same day|"
                        r"that (?:same )?(?:day|night|morning|afternoon|evening))\b", re.IGNORECASE)
# How far back a pointing sentence looks for the date it points to.
_SAME_TIME_REACH = 1500


def sentence_date(s, dates: list[DateMention], trigger_at: int) -> DateMention | None:
    """The date of the event whose trigger is at `trigger_at` in sentence `s` (anything with
    `start`/`end`; an extractor `Sentence` also gives its paragraph through `span` and `shift`)."""
    text, shift = _paragraph(s)
    inside = [d for d in dates if s.start <= d.start and d.end <= s.end and d.value is not None]
    own = [d for d in inside if not _statement_date(d, text, shift, trigger_at)]
    if own:
        return min(own, key=lambda d: abs(d.start - trigger_at))
    carried = _carried(s, dates, text, shift)
    if carried is not None:
        return carried
    return min(inside, key=lambda d: abs(d.start - trigger_at), default=None)


def _paragraph(s) -> tuple[str | None, int]:
    shift = getattr(s, "shift", None)
    text = getattr(s, "paragraph_text", None)
    if text is None and getattr(s, "span", None) is not None:
        text = s.span.doc.text
    if not text or shift is None:
        return None, 0
    return text, shift


def _statement_date(d: DateMention, text: str | None, shift: int, trigger_at: int) -> bool:
    """Whether `d` dates a statement ("said on Saturday") rather than the event; never when the
    statement is the event itself ("The SDF announced on Saturday the start of a campaign")."""
    if text is None:
        return False
    at = d.start - shift
    if not 0 <= at <= len(text):
        return False
    window = max(0, at - 40)
    found = _SAID_BEFORE.search(text[window:at])
    return bool(found) and window + found.start() + shift != trigger_at


def _carried(s, dates: list[DateMention], text: str | None, shift: int) -> DateMention | None:
    """The last usable date before `s` in its paragraph, or anywhere before it when `s` opens with
    a pointer back in time."""
    if text is None:
        return None
    sentence = text[max(0, s.start - shift):max(0, s.end - shift)]
    lower = max(0, s.start - _SAME_TIME_REACH) if _SAME_TIME.match(sentence) else shift
    earlier = [d for d in dates if lower <= d.start and d.end <= s.start and d.value is not None]
    latest = max((d.value.end for d in dates if d.value is not None), default=None)
    for d in reversed(earlier):
        if d.start >= shift and _statement_date(d, text, shift, -99):
            continue
        if d.value.precision == "year" or _long_before(d, latest):
            return None  # "since 2014", "in March 2019": history, not the day of this incident
        return d
    return None


def _long_before(d: DateMention, latest: str | None) -> bool:
    """Whether `d` ends long before the latest date the text tells (the news it is written for)."""
    try:
        return latest is not None and (date.fromisoformat(latest) - date.fromisoformat(d.value.end)).days \
            > BACKGROUND_DAYS
    except ValueError:
        return False


def is_background(doc: Document, d: DateMention | None) -> bool:
    if d is None or doc.published is None or d.value is None:
        return False
    try:
        gap = date.fromisoformat(doc.published.start) - date.fromisoformat(d.value.end)
    except ValueError:
        return False
    return gap.days > BACKGROUND_DAYS


# A time phrase put first that points back ("Last month, four soldiers were killed ...", "In May, a
# guided bomb destroyed ...") sets what follows apart from the news as its context.
FRONTED_BACK = re.compile(r"^\W*(?:last (?:week|month|year|weekend|spring|summer|autumn|winter)|earlier this (?:week|month|"
                           r"year)|(?:in|on|since|by) (?:early |mid-?|late )?(?:january|february|march|april|may|june|july|"
                           r"august|september|october|november|december)\b(?! \d{1,2}\b)|"
                           r"(?:a|one|two|three|several|a few) (?:weeks?|months?|years?) ago)\b,?", re.IGNORECASE)
FRONTED_DAYS = 7


def fronted_background(doc: Document, sentence: str, d: DateMention | None) -> bool:
    """Whether the sentence opens with a time phrase pointing back at least a week before publication:
    the context a report gives its news, which a dataset coding each report would count twice."""
    if d is None or doc.published is None or d.value is None or not FRONTED_BACK.match(sentence):
        return False
    try:
        gap = date.fromisoformat(doc.published.start) - date.fromisoformat(d.value.start)
    except ValueError:
        return False
    return gap.days >= FRONTED_DAYS


def set_when(e: Event, doc: Document, d: DateMention | None) -> None:
    """The sentence's date at its precision, else the publication date one step less precise."""
    if d is not None:
        e.date, e.date_text, e.time_precision = d.value, d.text, _PRECISION[d.value.precision]
    elif doc.published is not None:
        e.date = doc.published
        e.time_precision = 2 if doc.published.precision == "day" else 3

"""Publication dates from page text: recognise a date line and pick the page's publication date.

Responsible for: finding calendar dates written in the usual news-page forms (`March 3, 2014`,
`24 Oct 2017`, `23/07/2019`, `2019-07-23`, `March 2014`, and the month names of French, Spanish,
German, Portuguese, Russian and Arabic pages), deciding whether a whole line is a *date line*
(a line that is there to say when the page was published, not a sentence that mentions a date),
and choosing the publication date among the date lines of a page.

Not responsible for: relative dates ("yesterday", "on Tuesday") and event dates inside the story;
those belong to the annotate stage, which resolves them against the date found here.

Decisions:
- Numeric dates are read day-first (`03/04/2019` is 3 April) unless that is impossible
  (`07/23/2019` is 23 July), because the outlets we read are mostly outside the US.
- A date without a year (`Sept 6`) gives None: a `PartialDate` must be a span of real days and
  guessing the year from the crawl date would invent a fact the page does not state.
- `PartialDate.text` holds the date words as written, including a weekday right before them
  (`Monday, March 3, 2014`), never the surrounding `Published`/`Updated` labels.

Only `re` and `datetime`: this runs on every block of every page, so no `dateparser` here.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from ..model import PartialDate
from .layout import Block

__all__ = ["find_dates", "parse_date_line", "find_published", "lead_date"]

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate([
    "january jan janvier janv enero ene januar janeiro gennaio января январь январе",
    "february feb febr février fevrier févr fevr febrero februar fevereiro febbraio февраля февраль",
    "march mar mars marzo märz maerz março marco марта март",
    "april apr avril abril aprile апреля апрель",
    "may mai mayo maio maggio мая май",
    "june jun juin junio juni junho giugno июня июнь",
    "july jul juillet juil julio juli julho luglio июля июль",
    "august aug août aout agosto augusto августа август",
    "september sep sept septembre setiembre septiembre sebtember setembro settembre сентября сентябрь",
    "october oct octobre octubre oktober outubro ottobre октября октябрь",
    "november nov novembre noviembre novembro ноября ноябрь",
    "december dec déc décembre decembre diciembre dezember dezembro dicembre декабря декабрь",
], start=1):
    for _name in _names.split():
        _MONTHS[_name] = _number
# Arabic: Levantine/Iraqi names and the transliterated ones used in Egypt and the Gulf.
for _number, _names in enumerate([
    ["كانون الثاني", "يناير"], ["شباط", "فبراير"], ["آذار", "اذار", "مارس"], ["نيسان", "أبريل", "ابريل"],
    ["أيار", "ايار", "مايو"], ["حزيران", "يونيو", "يونية"], ["تموز", "يوليو", "يولية"],
    ["آب", "اب", "أغسطس", "اغسطس"], ["أيلول", "ايلول", "سبتمبر"], ["تشرين الأول", "تشرين الاول", "أكتوبر", "اكتوبر"],
    ["تشرين الثاني", "نوفمبر"], ["كانون الأول", "كانون الاول", "ديسمبر"],
], start=1):
    for _name in _names:
        _MONTHS[_name] = _number

_MONTH = "(?:" + "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
            r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
            r"|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
            r"|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
            r"|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد")
_ORD = r"(?:st|nd|rd|th|er|º|°)?"
_Y = r"(?P<y>(?:1[89]|20)\d\d)"
_DATE_RE = re.compile(
    rf"(?P<wd>(?:{_WEEKDAY}),?\s+(?:the\s+|le\s+|el\s+)?)?(?:"
    rf"(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]?\d)-(?P<id>[0-3]?\d))(?![\d:])"
    rf"|(?P<num>(?P<n1>[0-3]?\d)[/.](?P<n2>[0-3]?\d)[/.](?P<ny>(?:19|20)\d\d))(?!\d)"
    rf"|(?P<dmy>(?P<d1>[0-3]?\d){_ORD}\s*(?:of\s+|de\s+)?(?P<m1>{_MONTH}),?\s*(?:de\s+|del\s+)?(?P<y1>(?:19|20)\d\d))(?!\d)"
    rf"|(?P<mdy>(?P<m2>{_MONTH})\s*(?P<d2>[0-3]?\d){_ORD},?\s+(?P<y2>(?:19|20)\d\d))(?![\d:])"
    rf"|(?P<my>(?P<m3>{_MONTH}),?\s+(?:de\s+|of\s+)?(?P<y3>(?:19|20)\d\d))(?!\d)"
    rf"|(?P<md>(?P<m4>{_MONTH})\s+(?P<d4>[0-3]?\d){_ORD}(?![\d,]*\s*(?:19|20)\d\d)(?!\d))"
    rf"|(?P<dm>(?P<d5>[0-3]?\d){_ORD}\s+(?P<m5>{_MONTH})(?!\s*,?\s*(?:de\s+)?(?:19|20)\d\d))"
    r")",
    re.IGNORECASE,
)
del _Y
# A month name must not be the start of a longer word ("Marine", "Augustine", "Junior").
_WORD_AFTER = re.compile(r"\w")
_WORD_BEFORE = re.compile(r"\w$")

# Everything a date line may hold besides the date: labels, times, time zones, separators.
_LINE_NOISE = re.compile(
    r"\b(?:published|posted|updated|last\s+updated|modified|date|dated|news|on|at|le|publié|publiée|mis\s+à\s+jour|"
    r"publicado|actualizado|el|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|cest|eat|ast|est|edt|pst|pdt|"
    r"ist|pkt|msk|local\s+time|time|daily|bulletin|edition|issue|opinion|analysis|"
    r"опубликовано|обновлено|نشر|بتاريخ|آخر\s+تحديث|تحديث|في)\b"
    r"|\d{1,2}[:.h]\d{2}(?::\d{2})?|\b\d+\s*min(?:ute)?s?\s+read\b|\bread\s+time\b|[|•·,:;/()\[\]\-–—.]",
    re.IGNORECASE,
)
_BY_TAIL = re.compile(r"(?:^|\s)(?:by|par|por|بقلم|автор)\b[^|]*", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:updated|modified|mis à jour|actualizado|обновлено|تحديث)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")

# Where to look for a page's date lines, in blocks from either end.
TOP_BLOCKS = 8
BOTTOM_BLOCKS = 6
MAX_DATE_LINE_CHARS = 120
MAX_LEFTOVER_WORDS = 2


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _day_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _partial(m: re.Match[str], text: str) -> PartialDate | None:
    """The PartialDate one `_DATE_RE` match stands for, or None when it names no real day/month."""
    g = m.groupdict()
    if g["iso"]:
        day = _day_date(int(g["iy"]), int(g["im"]), int(g["id"]))
    elif g["num"]:
        a, b, y = int(g["n1"]), int(g["n2"]), int(g["ny"])
        day = _day_date(y, b, a) or _day_date(y, a, b)
    elif g["dmy"]:
        day = _day_date(int(g["y1"]), _month(g["m1"]), int(g["d1"]))
    elif g["mdy"]:
        day = _day_date(int(g["y2"]), _month(g["m2"]), int(g["d2"]))
    elif g["my"]:
        y, mo = int(g["y3"]), _month(g["m3"])
        last = calendar.monthrange(y, mo)[1]
        return PartialDate(f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{last:02d}", "month", text)
    else:
        return None  # no year: see the module docstring
    if day is None:
        return None
    return PartialDate(day.isoformat(), day.isoformat(), "day", text)


def _is_word_bounded(line: str, m: re.Match[str]) -> bool:
    return not (_WORD_BEFORE.search(line[:m.start()]) or _WORD_AFTER.match(line, m.end()))


def find_dates(line: str) -> list[tuple[int, int, PartialDate | None]]:
    """Every calendar date written in `line`: (start, end, date); date is None when it has no year
    or names an impossible day, so callers can still see that a date was written there."""
    out: list[tuple[int, int, PartialDate | None]] = []
    if not _DIGIT.search(line):  # every form we read has a digit; skips the costly regex on most lines
        return out
    for m in _DATE_RE.finditer(line):
        if not _is_word_bounded(line, m):
            continue
        text = line[m.start():m.end()].rstrip(" ,.")
        out.append((m.start(), m.start() + len(text), _partial(m, text)))
    return out


def _leftover_words(line: str, spans: Sequence[tuple[int, int]]) -> int:
    rest = line
    for start, end in sorted(spans, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    rest = _BY_TAIL.sub(" ", rest)
    rest = _LINE_NOISE.sub(" ", rest)
    return len(_LETTER_WORD.findall(rest))


def parse_date_line(line: str) -> PartialDate | None:
    """The publication date a short line states (`Published Monday, March 3, 2014`,
    `News 24 Oct 2017`, `23/07/2019 10:02`, `Updated: July 23, 2019 at 10:02 am`), or None when the
    line is not a date line: too long, a sentence that merely mentions a date, or a date with no year.

    When a line gives both a published and an updated date, the published one wins.
    """
    line = line.strip()
    if not line or len(line) > MAX_DATE_LINE_CHARS:
        return None
    found = find_dates(line)
    if not found or _leftover_words(line, [(s, e) for s, e, _ in found]) > MAX_LEFTOVER_WORDS:
        return None
    dated, prev_end = [], 0
    for start, end, d in found:
        if d is not None:  # the label that counts is the one between the previous date and this one
            dated.append((_UPDATED.search(line[prev_end:start]) is not None, d))
        prev_end = end
    if not dated:
        return None
    return next((d for updated, d in dated if not updated), dated[0][1])


# A dateline that carries the date: "BEIRUT, Jan 17, 2013 (IPA) -", "Kabul, 5 May 2021 (AFP) —".
_PARENS = re.compile(r"\([^()]*\)")
MAX_LEAD_PLACE_WORDS = 4
_LEAD = re.compile(r"^(?P<head>[^\n.!?]{3,70}?)\s*(?:[-–—]+|\.-)\s+\S")


def lead_date(text: str) -> PartialDate | None:
    """The full date inside the dateline that opens a story's first paragraph, if any."""
    m = _LEAD.match(text)
    if not m:
        return None
    head = m.group("head")
    found = find_dates(head)
    # What is left besides the date and "(Agency)" must be a place name, not a clause.
    rest = head
    for start, end, _ in reversed(found):
        rest = rest[:start] + rest[end:]
    if len(_LETTER_WORD.findall(_PARENS.sub(" ", rest))) > MAX_LEAD_PLACE_WORDS:
        return None
    return next((d for _, _, d in found if d is not None), None)


def find_published(blocks: Sequence[Block]) -> PartialDate | None:
    """The page's publication date: the first date line near the top (skipping boilerplate), else
    the last one near the bottom, else a full date in the opening dateline of the first body block.

    Dates inside body sentences are never taken; a date line that sits between body paragraphs is
    ignored too, since it is more likely a timeline entry than the page's date.
    """
    usable = [b for b in blocks if b.kind != "boilerplate" or _looks_dated(b.text)]
    for b in usable[:TOP_BLOCKS]:
        if b.kind == "body" and not b.subheading and len(b.text) > MAX_DATE_LINE_CHARS:
            break
        d = parse_date_line(b.text)
        if d is not None:
            return d
    for b in reversed(usable[-BOTTOM_BLOCKS:]):
        if b.kind == "body" and len(b.text) > MAX_DATE_LINE_CHARS:
            break
        d = parse_date_line(b.text)
        if d is not None:
            return d
    first_body = next((b for b in blocks if b.kind == "body" and not b.subheading), None)
    return lead_date(first_body.text) if first_body is not None else None


def _looks_dated(text: str) -> bool:
    # Some sites print the date inside a boilerplate-looking line ("Daily bulletin | 22 July 2019").
    return len(text) <= MAX_DATE_LINE_CHARS and parse_date_line(text) is not None

"""Numeric figures: reported numbers with what they count, their unit and who claims them.

Responsible for `find_figures`, which reads counts ("75 families", "three rockets", "twenty-five"),
ranges ("between 1,130 and 1,873 civilians", "14-40 years", "30 to 40"), money ("£10 million",
"$4.5bn", "25 thousand Syrian pounds" → 25000 SYP), percentages ("more than 90%", "around half"),
durations used as claims ("ten hours"), with their qualifier ("around", "at least", "up to").
Vague amounts follow ACLED's convention and are flagged `vague=True`: "dozens" = 12, "scores" = 20,
"hundreds" = 100, "thousands" = 1000; "several", "a number of", "numerous" are not figures.

Not figures: dates and years, ordinals ("17th", "second"), times of day, ages in apposition
("Hevrin Khalaf, 35,"), durations that date something ("two days ago"), numbers inside names
("Division 17", "Resolution 2254", "Su-24") and a bare "one", which is mostly a pronoun.

The claimant is the speaker of the quote or reported clause the number sits in (see `quotes`); a
number in the outlet's own voice has no claimant.
"""
from __future__ import annotations

import re

from ..model import Document, Figure, Quote
from .figure_words import (CURRENCY_WORDS, FRACTIONS, MONTH, MULTIPLIERS, NUMBER_WORD, OUTCOMES,
                           PEOPLE, QUALIFIER, UNIT_STOP, VAGUE, word_value)
from .quotes import find_quotes

__all__ = ["find_figures"]

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM = rf"(?:{_DIGITS}|a\s+(?:dozen|hundred|thousand|million)|{NUMBER_WORD})"
_MULT = r"(?:\s*(?:bn|mn|m|k)\b|\s+(?:thousand|million|billion|trillion)\b)"
_CUR = r"(?:US\$|\$|£|€|USD\s?|GBP\s?|EUR\s?)"
_FIGURE = re.compile(
    rf"(?<![\w.,/:’'-])(?P<qual>(?:{QUALIFIER})\s+)?(?P<rng>between\s+|from\s+)?"
    rf"(?P<c1>{_CUR})?(?P<n1>{_NUM})(?P<m1>{_MULT})?"
    rf"(?:\s*(?P<sep>[-–]|\s(?:to|and)\s)\s*(?P<c2>{_CUR})?(?P<n2>{_NUM})(?P<m2>{_MULT})?)?"
    rf"(?P<pct>\s*%|\s+per\s?cent\b)?(?![\w/:]|[.,]\d)", re.IGNORECASE)
_FRACTION = re.compile(rf"\b(?P<qual>{QUALIFIER})\s+(?P<frac>{'|'.join(FRACTIONS)})\b", re.IGNORECASE)
_VAGUE = re.compile(rf"\b(?P<word>{'|'.join(VAGUE)})\s+of\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b{MONTH}\.?\s+(?:the\s+)?$")
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b")
_TIME_AFTER = re.compile(r"^\s*(?:a\.?m\b|p\.?m\b|am\b|pm\b|gmt\b|utc\b|o[’']clock|hrs\b|local time)", re.IGNORECASE)
_DURATION = re.compile(r"(?:second|minute|hour|day|night|week|month|year|decade)s?", re.IGNORECASE)
_AGO = re.compile(r"\s+(?:ago|later|earlier|before|after|since)\b")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_CURRENCY_AFTER = re.compile(rf"\s+(?P<cur>{'|'.join(CURRENCY_WORDS)})\b", re.IGNORECASE)
_OUTCOME_AFTER = re.compile(
    rf"(?:\s+(?:were|was|have|had|has|been|are|got|reportedly|later|also|all|being)){{0,3}}\s+(?P<o>{'|'.join(OUTCOMES)})\b")
_OUTCOME_BEFORE = re.compile(r"\b(?P<o>killing|killed|wounding|wounded|injuring|injured|toll\b[^.;]{0,40}?)\s*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\n[•\-*·]?\s*|[“\"(]\s*)$")
_NAME_NUMBER_WORDS = re.compile(r"(?:No\.|#|resolution|division|brigade|battalion|route|highway|flight|"
                                r"article|chapter|room|unit|regiment|corps|sector|gate|block)\s*$", re.IGNORECASE)


def find_figures(doc: Document, *, quotes: list[Quote] | None = None) -> list[Figure]:
    """Every numeric claim in `doc.text`, in text order.

    `quotes` are the document's `find_quotes` result when the caller has it already; claimants are
    read from them, so passing them saves finding quotes twice.
    """
    text = doc.text
    if not re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"twenty|thirty|forty|fifty|hundred|thousand|dozen|half|third|quarter)", text, re.IGNORECASE):
        return []
    quotes = find_quotes(doc) if quotes is None else quotes
    figures = [f for m in _FIGURE.finditer(text) if (f := _figure(text, m)) is not None]
    figures += [_fraction(text, m) for m in _FRACTION.finditer(text)]
    figures += [_vague(text, m) for m in _VAGUE.finditer(text)]
    figures = _drop_overlaps(sorted(figures, key=lambda f: (f.start, -f.end)))
    for f in figures:
        _claim(f, quotes)
    return figures


def _number(s: str | None, mult: str | None) -> float | None:
    if not s:
        return None
    s = " ".join(s.lower().split())
    v = float(s.replace(",", "")) if s[0].isdigit() else word_value(s)
    if v is None:
        return None
    return v * MULTIPLIERS.get((mult or "").strip().lower(), 1)


def _figure(text: str, m: re.Match[str]) -> Figure | None:
    n1, n2 = m.group("n1"), m.group("n2")
    if m.group("sep") and m.group("sep").strip().lower() == "and" and not m.group("rng"):
        return _figure_prefix(text, m)  # "two and three" is only a range after "between"
    low = _number(n1, m.group("m1") or (m.group("m2") if n2 and not m.group("m1") else None))
    high = _number(n2, m.group("m2")) if n2 else low
    if low is None or high is None or high < low or _not_a_figure(text, m, low):
        return None  # high < low is a score ("won 3-1") or a code, not a range
    start, end = m.start(), m.end()
    unit = counts = None
    cur = m.group("c1") or m.group("c2")
    if m.group("pct"):
        unit = "percent"
    elif cur:
        unit = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR"}.get(cur.strip().lower(), cur.strip().upper())
        after = _CURRENCY_AFTER.match(text, end)
        end = after.end() if after and CURRENCY_WORDS[_key(after.group("cur"))] == unit else end
    else:
        after = _CURRENCY_AFTER.match(text, end)
        if after:
            unit, end = CURRENCY_WORDS[_key(after.group("cur"))], after.end()
        else:
            unit, counts, end = _unit(text, end)
    if n1.lower() == "one" and not (m.group("qual") or n2 or m.group("m1")):
        return None
    if unit is not None and _DURATION.fullmatch(unit) and _AGO.match(text, end):
        return None
    if unit == "people" or counts is None:
        counts = _outcome(text, m.start(), end) or counts
    qual = m.group("qual")
    return Figure(start=start, end=end, text=text[start:end], low=low, high=high, unit=unit, counts=counts,
                  qualifier=" ".join(qual.lower().split()) if qual else None)


def _figure_prefix(text: str, m: re.Match[str]) -> Figure | None:
    """Re-read a match that swallowed "and N" as a range without "between" as its first number only."""
    sub = _FIGURE.match(text, m.start(), m.start("sep"))
    return _figure(text, sub) if sub and not sub.group("sep") else None


def _key(s: str) -> str:
    return " ".join(s.lower().split())


def _not_a_figure(text: str, m: re.Match[str], low: float) -> bool:
    n1 = m.group("n1")
    before = text[max(0, m.start() - 40):m.start()]
    after = text[m.end():m.end() + 30]
    if n1.lower() == "one" and re.match(r"^\s+of\b", after) and not m.group("n2"):
        return True
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _TIME_AFTER.match(after):
        return True
    if re.match(r"^(?:st|nd|rd|th)\b", after):
        return True
    digits = n1.replace(",", "")
    if (digits.isdigit() and len(digits) == 4 and 1800 <= low <= 2099 and "," not in n1
            and not (m.group("c1") or m.group("pct") or m.group("m1") or m.group("qual"))
            and not re.match(rf"^\s+(?:{PEOPLE})\b", after, re.IGNORECASE)):
        return True  # a year
    if re.search(r"[A-Za-z][-‑]$", before) or _NAME_NUMBER_WORDS.search(before):
        return True
    if m.group("qual") is None and re.search(r"[A-Z][\w’'-]*,\s*$", before) and re.match(r"^\s*,", after):
        return True  # age in apposition: "Hevrin Khalaf, 35,"
    prev = re.search(r"([A-Z][\w’'-]*)\s+$", before)
    if prev and not m.group("qual") and not m.group("c1"):
        head = before[:prev.start(1)]
        if not _SENTENCE_START.search(head) and not re.fullmatch(MONTH, prev.group(1)) \
                and prev.group(1) not in ("US", "UK", "UN", "EU", "I"):
            return True  # a number inside a name: "Division 17", "Route 66"
    return False


def _unit(text: str, pos: int) -> tuple[str | None, str | None, int]:
    """The counted noun after a number: ("people", "civilians", end) or (noun phrase, None, end)."""
    words: list[re.Match[str]] = []
    cur = pos
    while len(words) < 4:
        gap = re.match(r"[ \u00a0]+", text[cur:cur + 3])
        if not gap:
            break
        w = _WORD.match(text, cur + gap.end())
        if not w:
            break
        lw = w.group().lower()
        if lw in UNIT_STOP or (words and (lw.endswith("ed") or (lw.endswith("ing") and len(lw) > 5))):
            break
        words.append(w)
        cur = w.end()
    while words and not _nounish(words[-1].group()):
        words.pop()
    if not words:
        return None, None, pos
    phrase = text[words[0].start():words[-1].end()]
    head = words[-1].group()
    if re.fullmatch(PEOPLE, head, re.IGNORECASE) or (head[0].isupper() and head.endswith(("ans", "ons", "is", "ese"))):
        return "people", phrase, words[-1].end()
    return phrase.lower() if not head[0].isupper() else phrase, None, words[-1].end()


def _nounish(w: str) -> bool:
    lw = w.lower()
    return not (lw.endswith("ly") or lw in UNIT_STOP or lw in ("other", "more", "new", "all"))


def _outcome(text: str, start: int, end: int) -> str | None:
    after = _OUTCOME_AFTER.match(text, end)
    if after:
        return after.group("o")
    before = _OUTCOME_BEFORE.search(text, max(0, start - 60), start)
    if before:
        o = before.group("o").lower()
        return "killed" if o.startswith(("kill", "toll")) else "wounded"
    return None


def _fraction(text: str, m: re.Match[str]) -> Figure:
    v = FRACTIONS[m.group("frac").lower().replace("-", " ")]
    return Figure(start=m.start(), end=m.end(), text=m.group(), low=v, high=v, unit="percent",
                  qualifier=" ".join(m.group("qual").lower().split()))


def _vague(text: str, m: re.Match[str]) -> Figure:
    v = VAGUE[_key(m.group("word"))]
    unit, counts, end = _unit(text, m.end())
    span_end = end if unit else m.start() + len(m.group("word"))
    return Figure(start=m.start(), end=span_end, text=text[m.start():span_end], low=v, high=v, unit=unit,
                  counts=_outcome(text, m.start(), span_end) or counts, vague=True)


def _drop_overlaps(figures: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    for f in figures:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


def _claim(f: Figure, quotes: list[Quote]) -> None:
    host = [q for q in quotes if q.start <= f.start and f.end <= q.end + 1]
    if not host:
        return
    q = min(host, key=lambda q: q.end - q.start)
    if q.speaker is None:
        return
    f.claimant, f.claimant_start, f.claimant_end = q.speaker, q.speaker_start, q.speaker_end

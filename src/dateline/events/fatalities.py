"""Fatalities of an event by ACLED's rules, from the figures found in its sentences.

Responsible for: choosing the death counts among a sentence's figures (killed, dead, died, bodies,
"death toll of"; never wounded, missing, arrested), turning them into claims `{value, low, high,
claimant, text, start, end}`, and the ACLED reading of those claims: the most conservative figure
(the low end of the lowest claim), ranges kept as low/high, "dozens" = 12 (the figure finder's
convention for vague amounts), later updates by the same claimant replacing earlier ones, and
victim groups counted separately in one breath added up ("13 US troops and 60 Afghans").
Not responsible for finding numbers or their claimants (`dateline.annotate.figures`).
"""
from __future__ import annotations

import re

from ..model import Figure

DEATH = frozenset({"killed", "dead", "died", "executed", "death", "deaths", "bodies", "fatalities", "slain",
                   "lives", "martyrs", "martyred"})
_DEATH_AFTER = re.compile(r"^[\w\s,-]{0,40}?\b(?:killed|dead|died|executed|slain|lost their lives|"
                          r"were killed|have died|perished|massacred|murdered|shot dead|bodies)\b", re.IGNORECASE)
_DEATH_BEFORE = re.compile(r"\b(?:killing|killed|kills|death toll (?:rose |climbed |reached )?(?:to|of|at)?|"
                           r"toll (?:rose |climbed )?(?:to|of|at)|bodies of|massacre of|deaths of|"
                           r"claimed the lives of|left|"
                           r"(?:toll|number (?:of )?[\w\s]{0,20}(?:killed|dead|deaths))[^.;]{0,80}?"
                           r"(?:has |had |have )?(?:risen|rose|rises|climbed|jumped|reached|increased|stands|stood)"
                           r"(?: to| at)?)\s+(?:at least |more than |about |around |some |nearly )?$",
                           re.IGNORECASE)
_NOT_DEATH_AFTER = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:wounded|injured|hurt|missing|arrested|detained|"
                              r"abducted|kidnapped|displaced|rescued|released|evacuated)\b", re.IGNORECASE)
_PART_OF = re.compile(r"\b(?:including|among them|among whom|of whom|of them|most of them|among the dead)\s*$",
                      re.IGNORECASE)


def is_death_count(f: Figure, text: str) -> bool:
    """A count of people killed: the figure finder's outcome word, else the words around it."""
    if f.unit not in (None, "people") or (f.vague and f.unit != "people"):
        return False
    if f.counts:
        return f.counts.lower() in DEATH
    after = text[f.end:f.end + 60]
    if _NOT_DEATH_AFTER.match(after):
        return False
    before = text[max(0, f.start - 160):f.start]
    return bool(_DEATH_AFTER.match(after) or _DEATH_BEFORE.search(before))


def claims_in(figures: list[Figure], text: str, start: int, end: int) -> list[dict]:
    """Death-count claims among `figures` inside `start..end`, with parts ("including 5 children") dropped."""
    out: list[dict] = []
    inside = [f for f in figures if start <= f.start and f.end <= end]
    death = {id(f) for f in inside if is_death_count(f, text)}
    # "killing 13 US service members and at least 60 Afghans": the second group shares the verb
    for a, b in zip(inside, inside[1:]):
        if (id(a) in death) != (id(b) in death) and re.fullmatch(r"\s+and\s+", text[a.end:b.start]) \
                and a.unit == b.unit == "people" and not a.counts in ("wounded", "injured") \
                and b.counts not in ("wounded", "injured"):
            death |= {id(a), id(b)}
    for f in inside:
        if id(f) not in death:
            continue
        if _PART_OF.search(text[max(start, f.start - 30):f.start]):
            continue
        low, high = int(f.low), int(f.high)
        out.append({"value": low if low == high else [low, high], "low": low, "high": high,
                    "claimant": f.claimant, "text": f.text, "start": f.start, "end": f.end,
                    "qualifier": f.qualifier, "vague": f.vague, "unit": f.unit})
    return _add_groups(out, text)


def _add_groups(claims: list[dict], text: str) -> list[dict]:
    """"13 US service members and 60 Afghans were killed": two groups, one claim of their sum."""
    merged: list[dict] = []
    for c in claims:
        prev = merged[-1] if merged else None
        if (prev is not None and prev["claimant"] == c["claimant"] and not prev.get("vague") and not c["vague"]
                and re.fullmatch(r"\s+and\s+", text[prev["end"]:c["start"]])):
            low, high = prev["low"] + c["low"], prev["high"] + c["high"]
            merged[-1] = dict(prev, low=low, high=high, value=low if low == high else [low, high],
                              text=text[prev["start"]:c["end"]], end=c["end"])
            continue
        merged.append(c)
    return merged


NO_HARM = re.compile(r"\b(?:no (?:casualties|injuries|deaths|fatalities|one was (?:hurt|injured|killed))|"
                     r"nobody was (?:hurt|injured|killed)|without (?:casualties|injuries|human losses)|"
                     r"caus(?:ed|ing) no (?:casualties|injuries|damage))\b", re.IGNORECASE)


def conservative(claims: list[dict]) -> tuple[int | None, int | None, int | None, str | None]:
    """(fatalities, low, high, claimant) by ACLED's rule: the lowest claim; a claimant's last update wins."""
    if not claims:
        return None, None, None, None
    if any(not c.get("vague") for c in claims):  # "dozens" stands in only when nothing exact is said
        claims = [c for c in claims if not c.get("vague")]
    latest: dict[str | None, dict] = {}
    for c in sorted(claims, key=lambda c: c["start"]):
        latest[c["claimant"]] = c if c["claimant"] is not None else min(
            (x for x in (latest.get(None), c) if x), key=lambda x: x["low"])
    best = min(latest.values(), key=lambda c: (c["low"], c["high"]))
    return best["low"], best["low"], best["high"], best["claimant"]

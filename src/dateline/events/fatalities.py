"""Fatalities of an event by ACLED's rules, from the figures found in its sentences.

Responsible for: choosing the death counts among a sentence's figures (killed, dead, died, bodies,
"death toll of"; never wounded, missing, arrested), turning them into claims `{value, low, high,
claimant, text, start, end}`, and the ACLED reading of those claims: the most conservative figure
(the low end of the lowest claim), ranges kept as low/high, "dozens" = 12 (the figure finder's
convention for vague amounts), later updates by the same claimant replacing earlier ones, and
victim groups counted separately in one breath added up ("13 US troops and 60 Afghans").
Updated and campaign figures (a decision, after ACLED's "most recent reliable figure"):
- a toll that "rose to" / "climbed to" / "reached" N is an update: the same source's figures told
  before it are superseded (the lowest survivor still wins);
- a figure the text itself marks as superseded ("earlier put the toll at 30, then 39",
  "initially") is dropped when the same source gives a current one. Other sources' figures stay
  competing claims (MINUSMA's 134 against a local official's "risen to about 160": 134);
- a campaign or period total in the figure's clause ("since the start of the offensive", "so far
  this year", "since January", "over the past month") is never an incident's toll;
- a share of the dead is not a competing total: one side's members ("five of its members"), bodies
  found in one place beside a larger toll ("40 bodies were recovered from the river"), or an exact
  group told beside a vague one ("13 soldiers and dozens of civilians"). Shares count only when
  nothing else is said.
Not responsible for finding numbers or their claimants (`dateline.annotate.figures`).
"""
from __future__ import annotations

import re

from ..model import Figure

DEATH = frozenset({"killed", "dead", "died", "executed", "death", "deaths", "bodies", "fatalities", "slain",
                   "lives", "martyrs", "martyred"})
_DEATH_AFTER = re.compile(r"^[\w\s,-]{0,40}?\b(?:killed|dead|died|executed|slain|lost their lives|"
                          r"were killed|have died|perished|massacred|murdered|shot dead|bodies)\b", re.IGNORECASE)
_DEATH_BEFORE = re.compile(r"\b(?:killing|killed|kills|executed|executing|massacred|murdered|slaughtered|"
                           r"shot dead|(?:put|puts|putting|placed|placing|gave|giving) the (?:death )?(?:toll|"
                           r"number of (?:dead|deaths|people killed|victims|fatalities)) at|death toll (?:rose |climbed |reached )?(?:to|of|at)?|"
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


# Units the figure finder leaves as nouns that still count people ("dozens of them", "51 martyrs").
PERSON_UNITS = frozenset({"people", "them", "martyrs", "victims", "bodies"})
NOT_DEATH = frozenset({"wounded", "injured", "hurt", "missing", "arrested", "detained", "abducted",
                       "kidnapped", "displaced", "rescued", "released", "evacuated"})


def is_death_count(f: Figure, text: str) -> bool:
    """A count of people killed: the figure finder's outcome word, else the words around it.

    The finder's `counts` is sometimes the victims' noun ("nine civilians") rather than the
    outcome, so only an outcome word decides; a noun leaves it to the surrounding words.
    """
    unit = (f.unit or "").lower() or None
    if unit not in (None, *PERSON_UNITS) or (f.vague and unit is None):
        return False
    if unit in ("martyrs", "bodies"):
        return True
    if f.counts and f.counts.lower() in DEATH:
        return True
    if f.counts and (f.counts.lower() in NOT_DEATH or f.counts.lower() in ("wounded", "injured")):
        return False
    after = text[f.end:f.end + 60]
    if _NOT_DEATH_AFTER.match(after):
        return False
    before = text[max(0, f.start - 160):f.start]
    return bool(_DEATH_AFTER.match(after) or _DEATH_BEFORE.search(before))


_UPDATE = re.compile(r"\b(?:rose|risen|rises|climbed|jumped|increased|reached|updated|revised (?:up|upward)\w*)"
                     r"(?: to| at)?\s+(?:at least |more than |about |around |some |nearly )?$", re.IGNORECASE)
_SUPERSEDED = re.compile(r"\b(?:earlier|initially|at first|first|previously|had put|initial)\b[^.;]{0,50}$|"
                         r"\b(?:then|and then)\s+$", re.IGNORECASE)
_CAMPAIGN = re.compile(
    r"\b(?:since the (?:start|beginning|outbreak|launch)|since (?:it|they|the offensive|the campaign|the war|"
    r"the conflict|fighting) (?:began|started)|so far this (?:year|month)|this year|in (?:the )?(?:past|last) "
    r"(?:few )?(?:days|weeks|months|years)|over the (?:past|last) (?:few )?(?:days|weeks|months|years)|"
    r"since (?:january|february|march|april|may|june|july|august|september|october|november|december|\d{4})|"
    r"throughout the (?:campaign|offensive|war)|during the (?:campaign|offensive|war|siege)|in total since|"
    r"cumulative)\b", re.IGNORECASE)


def _flags(f: Figure, text: str, start: int, end: int) -> dict:
    """Update, superseded and campaign-total readings of one figure, from its clause."""
    before = text[max(start, f.start - 60):f.start]
    window = max(start, f.start - 200)
    stops = [m.end() for m in re.finditer(r"[.;,]", text[window:f.start])]
    lo = window + stops[-1] if stops else window
    right = re.search(r"[.;,]", text[f.end:min(end, f.end + 160)])
    clause = text[lo:f.end + (right.start() if right else min(end, f.end + 160) - f.end)]
    said_by = re.search(r"([\w'’]+)\s+(?:had\s+)?(?:earlier|initially|first|previously)\b",
                        text[max(start, f.start - 120):f.start])
    return {"update": bool(_UPDATE.search(before)), "superseded": bool(_SUPERSEDED.search(before)),
            "campaign": bool(_CAMPAIGN.search(clause)), "said_by": said_by.group(1).lower() if said_by else None}


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
        flags = _flags(f, text, start, end)
        if flags["campaign"]:
            continue  # a period total is kept as a figure, never as this incident's toll
        out.append({"value": low if low == high else [low, high], "low": low, "high": high,
                    "claimant": f.claimant, "text": f.text, "start": f.start, "end": f.end,
                    "qualifier": f.qualifier, "vague": f.vague, "unit": f.unit,
                    "update": flags["update"], "superseded": flags["superseded"], "said_by": flags["said_by"],
                    "part": bool(_SUBGROUP.match(text, f.end))})
    _mark_found_bodies(out, text)
    return _add_groups(out, text)


# "five of its members had been killed": one side's share of the dead, not the incident's toll.
_SUBGROUP = re.compile(r"\s+of (?:its|their|his|her|our|the group's|the militia's) ", re.IGNORECASE)
_FOUND = re.compile(r"\s+(?:\w+\s+){0,2}?(?:were |had been |have been )?(?:recovered|found|retrieved|pulled|"
                    r"washed up|buried)\b", re.IGNORECASE)


def _mark_found_bodies(claims: list[dict], text: str) -> None:
    """"118 killed ..., and that 40 bodies were recovered from the Nile": bodies found in one place
    are a part of a larger toll told in the same sentence, not a competing count of it."""
    for c in claims:
        if "bodies" in c["text"].lower() and _FOUND.match(text, c["end"]) \
                and any(o is not c and o["low"] > c["high"] and "bodies" not in o["text"].lower() for o in claims):
            c["part"] = True


def _add_groups(claims: list[dict], text: str) -> list[dict]:
    """"13 US service members and 60 Afghans were killed": two groups, one claim of their sum."""
    merged: list[dict] = []
    for c in claims:
        prev = merged[-1] if merged else None
        if (prev is not None and prev["vague"] != c["vague"]
                and re.fullmatch(r"\s+and\s+", text[prev["end"]:c["start"]])):
            # "13 US troops and dozens of Afghans": no sum can be told, each group is only a share
            prev["part"] = c["part"] = True
        if (prev is not None and prev["claimant"] == c["claimant"] and not prev.get("vague") and not c["vague"]
                and re.fullmatch(r"\s+and\s+", text[prev["end"]:c["start"]])):
            low, high = prev["low"] + c["low"], prev["high"] + c["high"]
            merged[-1] = dict(prev, low=low, high=high, value=low if low == high else [low, high],
                              text=text[prev["start"]:c["end"]], end=c["end"])
            continue
        merged.append(c)
    return merged


NO_HARM = re.compile(r"\b(?:no (?:reported )?(?:casualties|injuries|deaths|fatalities|one was (?:hurt|injured|killed))|"
                     r"nobody was (?:hurt|injured|killed)|without (?:causing )?(?:any )?(?:casualties|injuries|"
                     r"human losses|deaths|fatalities)|caus(?:ed|ing) no (?:casualties|injuries|damage)|"
                     r"material damage only|only (?:caus(?:ed|ing) )?material damage|no (?:casualties|injuries|deaths) "
                     r"(?:were|was) reported)\b", re.IGNORECASE)


def conservative(claims: list[dict]) -> tuple[int | None, int | None, int | None, str | None]:
    """(fatalities, low, high, claimant) by ACLED's rule: the lowest claim; a claimant's last update wins."""
    if not claims:
        return None, None, None, None
    if any(not c.get("vague") for c in claims):  # "dozens" stands in only when nothing exact is said
        claims = [c for c in claims if not c.get("vague")]
    claims = [c for c in claims if not c.get("part")] or claims  # a share counts only when nothing else does
    # Superseded and updated figures count only against the same source: another source's
    # lower figure is a competing claim, and ACLED keeps the most conservative of those.
    current = {c["claimant"] for c in claims if not c.get("superseded")}
    def same_source(c: dict) -> bool:
        if c["claimant"] is not None:
            return c["claimant"] in current
        # "The governor earlier put the toll at 30": the current claimant is "Governor Pavlo Kyrylenko"
        return bool(c.get("said_by")) and any(c["said_by"] in str(k).lower().split() for k in current if k)

    claims = [c for c in claims if not c.get("superseded") or not same_source(c)] or claims
    updates: dict = {}
    for c in claims:
        if c.get("update"):
            updates[c["claimant"]] = max(updates.get(c["claimant"], -1), c["start"])
    claims = [c for c in claims if c["start"] >= updates.get(c["claimant"], -1)] or claims
    latest: dict[str | None, dict] = {}
    for c in sorted(claims, key=lambda c: c["start"]):
        latest[c["claimant"]] = c if c["claimant"] is not None else min(
            (x for x in (latest.get(None), c) if x), key=lambda x: x["low"])
    best = min(latest.values(), key=lambda c: (c["low"], c["high"]))
    return best["low"], best["low"], best["high"], best["claimant"]

"""Where an event happened: the event's own place, not just any place its sentence names.

Responsible for ranking the resolved place mentions of an event sentence (`choose_place`) and for
the fallbacks when the sentence names none (the paragraph's, then the document's most specific
event place, then the dateline). Ranking, as ACLED codes location: a populated place beats a
region beats a country; a place attached to the trigger by a locative preposition ("in X", "near
X", "at X's market", "X's outskirts") beats one that only names an origin, a destination of a
statement or an actor ("Syrian", "Damascus said"); nearer the trigger beats farther. geo_precision
comes from the place record and is raised to 2 for "near/outskirts/countryside/outside" and to 3
for regions and countries. A name that only qualifies another noun is passed over for a place at
least as specific ("the Dakar suburb of Pikine", "the Gusau road", "fired from ... Goma"), and a
name inside a unit's ("the Centre group of forces") is no candidate at all.
By default a trained ranker (`location_ranker`, features in `location_features`, the rules' score
among them) makes the choice; `method="rules"` keeps the hand rules alone and `method="gated"` lets
the ranker overrule them only where it is clearly surer.
Not responsible for resolving names to the gazetteer (`dateline.resolve.places`).
"""
from __future__ import annotations

import re

import numpy as np

_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|outside|around|inside|into|on|across|over|within|of|"
                       r"outskirts of|countryside of|vicinity of|north of|south of|east of|west of|"
                       r"town of|city of|village of|district of|province of|region of|area of|"
                       r"suburb of|neighbou?rhood of|hit|struck|targeted|stormed|captured|seized|"
                       r"recaptured|retook|entered|shelled|bombed|attacked|overran|besieged)"
                       r"(?:\s+the)?(?:\s+(?:\w+ern|central|rural|town|city|village|district|province|"
                       r"region|area|outskirts|countryside))*)\s*$", re.IGNORECASE)
_NEAR = re.compile(r"\b(?:near|outside|outskirts|countryside|vicinity|around|kilometres|km|miles|"
                   r"north of|south of|east of|west of|close to|rural)\b[^.]{0,20}$", re.IGNORECASE)
_ORIGIN = re.compile(r"\b(?:from|to|towards?|toward)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:(?:city|town|village|countryside|"
                     r"outskirts|province|area|region)\s+of\s+)?$", re.IGNORECASE)
# "families that had newly arrived from Mosul": where the movers came from before, not the move's origin.
# "brought in reinforcements from the Aleppo countryside": an inbound move happens where it arrives.
_ARRIVED = re.compile(r"\b(?:arriv\w*|came|come|coming|fled|returned|returning|hail\w*|brought\s+in|"
                      r"reinforcements?)\s+(?:[\w’'-]+\s+){0,3}from\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
# Forced displacement is coded where people are driven from: "forced families to move to Palmyra" is
# not an event in Palmyra.
_FORCED = re.compile(r"\b(?:forc(?:ed|ing)|compell\w*|expell\w*|displac\w*|deport\w*|evict\w*|drove|driven)\b",
                     re.IGNORECASE)
_DESTINATION = re.compile(r"\b(?:to|towards?|into)\s+(?:the\s+)?(?:(?:city|town|village|area|region|province|"
                          r"countryside)\s+of\s+)?$", re.IGNORECASE)
_SPEECH = re.compile(r"^\s*(?:said|says|told|announced|reported|state media|news agency|'s? (?:government|"
                     r"foreign ministry|ministry|army|military|forces|officials?))\b", re.IGNORECASE)


def specificity(place: dict) -> int:
    """3 for a populated place or site, 2 for an admin division below the country, 1 for a country."""
    code = str(place.get("feature_code") or "")
    if code.startswith(("PCL", "CONT", "RGN")) or code in ("TERR", "ZN"):
        return 1
    if code.startswith("ADM") or code in ("AREA", "PRK", "RGNE", "VAL", "PLN", "DSRT", "MTS", "STM"):
        return 2
    return 3


def precision_of(place: dict, text: str, start: int) -> int:
    gp = int(place.get("geo_precision") or 1)
    if specificity(place) < 3:
        return 3
    if _NEAR.search(text[max(0, start - 40):start]):
        return max(gp, 2)
    return gp


def rule_score(m, text: str, trigger_pos: int, *, movement: bool = False) -> float:
    """The hand-written ranking score of one resolved place mention (higher: more likely the event's)."""
    before = text[max(0, m.start - 60):m.start]
    after = text[m.end:m.end + 40]
    score = specificity(m.place) * 2.0
    if _LOCATIVE.search(before):
        score += 3.0
    if _ARRIVED.search(before):
        score -= 3.0
    elif _ORIGIN.search(before):
        origin = movement and re.search(r"\bfrom\s", _ORIGIN.search(before).group(), re.I)
        score += 1.5 if origin else -1.5
    if re.match(r"^\s*(?:'s|’s)", after) or re.match(r"^\s*(?:province|governorate|city|town|district)", after):
        score += 1.0
    if _SPEECH.match(after) or m.label == "NORP":
        score -= 3.0
    return score - min(abs(m.start - trigger_pos), 300) / 150.0


def plausible_candidates(mentions: list, text: str) -> list:
    """The resolved mentions that may be where the event happened.

    Never a name inside a military unit's ("the Centre group of forces liberated Novoselivka": the
    unit is not a place, even when the gazetteer has a region of that name). Less "Y" of "X's Y"
    when Y resolved into another country than X: "Mosul's Old City" is not Jerusalem's, whatever
    the gazetteer matched, and X is then the best place the text gives.
    """
    candidates = [m for m in mentions if m.place and not _UNIT_AFTER.match(text, m.end)]
    keep = []
    for m in candidates:
        owner = next((o for o in candidates if o is not m and 0 <= m.start - o.end <= 3
                      and _POSSESSIVE_GAP.fullmatch(text[o.end:m.start])), None)
        if owner is not None and owner.place.get("country") != m.place.get("country"):
            continue
        keep.append(m)
    return keep or candidates


def qualifiers(candidates: list, text: str) -> list[bool]:
    """Per candidate, whether it only qualifies another noun while the sentence names a place at least
    as specific: "the Dakar suburb of Pikine", "blocking the Gusau road", "shells fired from the
    hills west of Goma landed in the camp". Such a name is passed over, not removed, so that the
    ranker still sees the sentence as it was trained to."""
    return [_qualifies_another(m, candidates, text) for m in candidates]


def first_unqualified(order, flags: list[bool]) -> int:
    """The best-ranked index (`order`: best first) that is not a mere qualifier, else the best."""
    order = [int(i) for i in order]
    return next((i for i in order if not flags[i]), order[0])


# Russian and Ukrainian bulletins name units after regions and cities: "the Centre group of forces",
# "the Dnipro group"; a brigade or regiment named for a town fights anywhere.
_UNIT_AFTER = re.compile(r"\s+(?:group\s+of\s+(?:forces|troops)|(?:operational|tactical|army)\s+group|"
                         r"brigade|battalion|regiment|division|corps)\b", re.IGNORECASE)
# "the Dakar suburb of Pikine", "the Idlib town of Saraqib": the first name says where the second lies.
_AREA_OF = re.compile(r"\s+(?:suburbs?|towns?|cit(?:y|ies)|villages?|district|region|province|governorate|county|"
                      r"township|neighbou?rhoods?|community|settlement|outskirts|countryside)\s+of\s+(?:the\s+)?",
                      re.IGNORECASE)
# "blocking the Gusau road": a road named for the town it leads to, not the town. "The Damboa-Maiduguri
# road" names both ends, and an event on it is coded at one of them.
_ROAD_AFTER = re.compile(r"\s+(?:road|highway|motorway|expressway|bypass|route)\b", re.IGNORECASE)
_ROUTE = re.compile(r"\w[-–/]\w")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# "shells fired from the hills west of Goma landed in the camp": fire is coded where it lands.
# Not past a locative word: "shot from close range in Kabul" happened in Kabul.
_FIRED_FROM = re.compile(r"\b(?:fired|launched|lobbed|shot|flown)\s+from\s+(?:the\s+)?"
                         r"(?:(?!(?:in|at|on|near|inside|into)\s)[\w'’-]+\s+){0,5}$", re.IGNORECASE)


def _contains(outer: dict, inner: dict) -> bool:
    """Whether `outer` is plainly the bigger place: a region around a town, or a city many times its size."""
    so, si = specificity(outer), specificity(inner)
    if so != si:
        return so < si
    return so == 3 and float(outer.get("population") or 0) > 2 * float(inner.get("population") or 0) > 0


def _qualifies_another(m, candidates: list, text: str) -> bool:
    """Whether `m` only qualifies another noun and the sentence offers a place at least as specific."""
    spec = specificity(m.place)
    area = _AREA_OF.match(text, m.end)
    if area:  # "the Shaab neighbourhood of Baghdad" reads the other way: the bigger place says which
        return bool(_THE_BEFORE.search(text[max(0, m.start - 6):m.start])) and any(
            o.start == area.end() and _contains(m.place, o.place) for o in candidates)
    road = (_ROAD_AFTER.match(text, m.end) and _THE_BEFORE.search(text[max(0, m.start - 6):m.start])
            and not _ROUTE.search(m.text))
    if road or _FIRED_FROM.search(text[max(0, m.start - 80):m.start]):
        return any(o is not m and specificity(o.place) >= spec for o in candidates)
    return False


def _forced_destination(m, text: str, trigger_pos: int) -> bool:
    """"forced dozens of families to move to the city of Palmyra": the place people are driven to."""
    lo = min(trigger_pos, m.start)
    return bool(_DESTINATION.search(text[max(0, m.start - 40):m.start])
                and _FORCED.search(text[max(0, lo - 60):m.start]))


_POSSESSIVE_GAP = re.compile(r"(?:'s|’s|')\s")

RULES, RANKER, GATED = "rules", "ranker", "gated"
METHODS = (RULES, RANKER, GATED)
# The trained ranker beats the hand rules on both held-out sets (bench/event_location_score.py) and
# leaves the whole-document scorecards where the rules had them. "gated" (the ranker only where it
# is clearly surer than the rules, `location_ranker.gated_pick`) is the cautious middle way.
DEFAULT_METHOD = RANKER


def choose_place(mentions: list, text: str, trigger_pos: int, *, movement: bool = False,
                 method: str | None = None, ranker=None) -> tuple | None:
    """The best (mention, score) among resolved place mentions of one sentence, or None.

    `method` is one of `METHODS`: `"rules"` (the hand-written `rule_score`), `"ranker"` (the
    trained `LocationRanker`; `ranker` overrides the shipped weights) or `"gated"` (the ranker
    where it is clearly surer than the rules); None means `DEFAULT_METHOD`. The score returned is
    the rules' score or the ranker's, and compares within one call only.
    """
    # The ranker learnt from violent events; where people or forces move, which end of the move is the
    # event's place is the rules' call (origin, "arrived from", forced destinations).
    method = method or (RULES if movement else DEFAULT_METHOD)
    if method not in METHODS:
        raise ValueError(f"unknown place-ranking method {method!r}: use one of {', '.join(METHODS)}")
    candidates = plausible_candidates(mentions, text)
    if movement:
        candidates = [m for m in candidates if not (_forced_destination(m, text, trigger_pos)
                                                    or _ARRIVED.search(text[max(0, m.start - 80):m.start]))]
    if not candidates:
        return None
    rules = [rule_score(m, text, trigger_pos, movement=movement) for m in candidates]
    flags = qualifiers(candidates, text)
    if method == RULES:
        best = first_unqualified(sorted(range(len(rules)), key=lambda i: -rules[i]), flags)
        return candidates[best], rules[best]
    from .location_features import candidate_matrix
    from .location_ranker import gated_pick, shipped_ranker

    model = ranker if ranker is not None else shipped_ranker()
    scores = model.scores(candidate_matrix(candidates, text, trigger_pos, rule_scores=rules))
    best = int(np.argmax(scores)) if method == RANKER else gated_pick(scores, rules)
    if flags[best]:
        best = first_unqualified(np.argsort(-scores, kind="stable"), flags)
    return candidates[best], float(scores[best])

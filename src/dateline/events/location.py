"""Where an event happened: the event's own place, not just any place its sentence names.

Responsible for ranking the resolved place mentions of an event sentence (`choose_place`) and for
the fallbacks when the sentence names none (the paragraph's, then the document's most specific
event place, then the dateline). Ranking, as ACLED codes location: a populated place beats a
region beats a country; a place attached to the trigger by a locative preposition ("in X", "near
X", "at X's market", "X's outskirts") beats one that only names an origin, a destination of a
statement or an actor ("Syrian", "Damascus said"); nearer the trigger beats farther. geo_precision
comes from the place record and is raised to 2 for "near/outskirts/countryside/outside" and to 3
for regions and countries.
Not responsible for resolving names to the gazetteer (`dateline.resolve.places`).
"""
from __future__ import annotations

import re

_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|outside|around|inside|into|on|across|over|within|of|"
                       r"outskirts of|countryside of|vicinity of|north of|south of|east of|west of|"
                       r"town of|city of|village of|district of|province of|region of|area of|"
                       r"suburb of|neighbou?rhood of|hit|struck|targeted|stormed|captured|seized|"
                       r"recaptured|retook|entered|shelled|bombed|attacked|overran|besieged)"
                       r"(?:\s+the)?(?:\s+(?:\w+ern|central|rural|town|city|village|district|province|"
                       r"region|area|outskirts|countryside))*)\s*$", re.IGNORECASE)
_NEAR = re.compile(r"\b(?:near|outside|outskirts|countryside|vicinity|around|kilometres|km|miles|"
                   r"north of|south of|east of|west of|close to|rural)\b[^.]{0,20}$", re.IGNORECASE)
_ORIGIN = re.compile(r"\b(?:from|to|towards?|toward)\s+(?:the\s+)?$", re.IGNORECASE)
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


def choose_place(mentions: list, text: str, trigger_pos: int, *, movement: bool = False) -> tuple | None:
    """The best (mention, score) among resolved place mentions of one sentence, or None."""
    best = None
    for m in mentions:
        if not m.place:
            continue
        before = text[max(0, m.start - 60):m.start]
        after = text[m.end:m.end + 40]
        score = specificity(m.place) * 2.0
        if _LOCATIVE.search(before):
            score += 3.0
        if _ORIGIN.search(before):
            score += 1.5 if movement and re.search(r"\bfrom\s+(?:the\s+)?$", before, re.I) else -1.5
        if re.match(r"^\s*(?:'s|’s)", after) or re.match(r"^\s*(?:province|governorate|city|town|district)", after):
            score += 1.0
        if _SPEECH.match(after) or m.label == "NORP":
            score -= 3.0
        score -= min(abs(m.start - trigger_pos), 300) / 150.0
        if best is None or score > best[1]:
            best = (m, score)
    return best

"""When a place name may be read loosely: the rules that keep a near-miss spelling or a part of a
name from putting a story somewhere it is not.

Three kinds of looseness are judged here:

* a *loose match* (skeleton or fuzzy, see `gazetteer.Gazetteer.candidates`) when the story's
  country is unknown: "Amerli" is not Amreli in India nor "Kocho" Gaozhou, so such a match stands
  only near places the document has already placed, or for a country, a province, a capital or
  another well-known place spelt almost right ("Afganistan");
* a *compass name* ("East Ghouta", "South Waziristan", "North Sinai"): a capitalised compass word
  before a name is part of that name, so the name is looked up whole first, and failing that the
  core ("Ghouta") only under its exact spelling and only as a place big enough to have a north or
  an east, never a namesake village abroad ("Sinnai" in Sardinia for "North Sinai");
* a *word out of a longer name* ("Sayyida" of "Sayyida Zeinab", "Cabo" of "Cabo Delgado"), which
  `gazetteer` may look up alone only when a country is known to check the answer against.

Not responsible for finding candidates or scoring them (`gazetteer`), nor for splitting other
descriptive phrases (`placename`).
"""
from __future__ import annotations

import re

from dateline.geo import haversine_km

__all__ = ["LOOSE_NEAR_KM", "LOOSE_AREA_MIN", "compass_core", "compass_core_believed", "cuts_a_name",
           "is_compass_word", "loose_believed"]

# How far from a place the document has already placed a look-alike may lie and still be meant:
# a story's places sit within a province or two of each other.
LOOSE_NEAR_KM = 300.0
# A misspelt country, province or capital is believed on its own only this close to the name.
LOOSE_AREA_MIN = 92.0
_AREA_CODES = ("PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "ADM1", "PPLC")

_COMPASS = ("North-East", "North-West", "South-East", "South-West", "Northeast", "Northwest",
            "Southeast", "Southwest", "North", "South", "East", "West", "Northern", "Southern",
            "Eastern", "Western", "Central", "Upper", "Lower", "Middle", "Greater")
_COMPASS_LOWER = frozenset(w.lower() for w in _COMPASS)
# Capitalised compass word, then a capitalised name: "East Ghouta", "North-West Syria".
_COMPASS_RE = re.compile(rf"^({'|'.join(_COMPASS)})[ -]+([A-Z\u00C0-\u024F].*)$")


def is_compass_word(word: str) -> bool:
    """Whether `word` ("North", "eastern") is a compass word alone, which names no place."""
    return word.lower() in _COMPASS_LOWER


def compass_core(text: str) -> tuple[str, str] | None:
    """("East", "Ghouta") for "East Ghouta"; None unless a capitalised compass word opens a
    capitalised name. Lower-case "eastern Aleppo" is a description, not a name: that is
    `placename.parse_place_phrase`'s."""
    m = _COMPASS_RE.match(" ".join(text.split()))
    if not m or is_compass_word(m.group(2).split()[0]):
        return None
    return m.group(1), m.group(2)


def loose_believed(c, near: list[tuple[float, float]] | None, well_known: bool) -> bool:
    """Whether a skeleton or fuzzy match `c` (a `gazetteer.Candidate`) stands when the story's
    country is unknown: within `LOOSE_NEAR_KM` of a place already placed in the document, or a
    country, province, capital or other `well_known` place spelt nearly right ("Afganistan", the
    Russian "Краматорске"). A wrong point is worse than none."""
    if near and any(haversine_km((c.lat, c.lon), p) <= LOOSE_NEAR_KM for p in near):
        return True
    return ((c.feature_code or "") in _AREA_CODES or well_known) and c.similarity >= LOOSE_AREA_MIN


def compass_core_believed(c, country: str | None, well_known: bool) -> bool:
    """Whether the core of a compass name ("Ghouta" of "East Ghouta") may be read as entry `c`:
    an exact match that is well known, or any exact match in the story's country."""
    return c.match == "exact" and (well_known or (country is not None and c.country == country))


# Words that may follow or precede a place's name without being part of it: "Idlib Governorate"
# and "Old Damascus" hold Idlib and Damascus, "Daraa al-Balad" ("the town") is a part of Daraa;
# "Cabo Delgado" holds no place called Cabo.
_GENERIC = frozenset({
    "governorate", "province", "state", "region", "district", "county", "prefecture", "department",
    "oblast", "division", "territory", "city", "town", "village", "camp", "countryside", "airport",
    "base", "airbase", "hospital", "market", "square", "road", "highway", "street", "bridge", "dam",
    "prison", "university", "school", "mosque", "church", "checkpoint", "crossing", "port", "front",
    "refinery", "stadium", "junction", "roundabout", "neighbourhood", "neighborhood", "quarter",
    "suburb", "suburbs", "outskirts", "area", "valley", "river", "mountain", "mountains", "plain",
    "desert", "border", "gate", "station", "council", "police", "old", "new", "oil", "company",
    "balad"})
# Particles inside a name ("Ras al-Ain", "Bab el Hawa"): a name continues across them.
_JOINERS = frozenset({"al", "el", "ad", "ar", "as", "ash", "az", "at", "an", "ed", "es", "er", "ez", "et",
                      "en", "de", "du", "da", "do", "dos", "das", "la", "le", "ul", "bin", "ibn", "of"})
_BREAK = ",;:"  # "Tame, Arauca" is two names


def _name_word(tok: str) -> bool:
    head, _, tail = tok.partition("-")
    word = tail if head.lower() in _JOINERS and tail else tok  # "al-Ain" is a name word
    return word[:1].isupper() and word.lower() not in _GENERIC


def cuts_a_name(tokens: list[str], i: int, size: int) -> bool:
    """Whether `tokens[i:i+size]` is only a piece of a longer capitalised name: "Cabo" of "Cabo
    Delgado", "Sayyida" of "Sayyida Zeinab", "Ain" of "Ras al-Ain". A name beside a generic word
    ("Idlib Governorate") or after a comma ("Tame, Arauca") is whole."""
    if any(t[-1:] in _BREAK for t in tokens[i:i + size - 1]):
        return False

    def joined(j: int, step: int) -> bool:
        if (step < 0 and j >= 0 and tokens[j][-1:] in _BREAK) or (step > 0 and tokens[i + size - 1][-1:] in _BREAK):
            return False
        while 0 <= j < len(tokens) and tokens[j].lower() in _JOINERS:
            j += step
        return 0 <= j < len(tokens) and _name_word(tokens[j].rstrip(_BREAK))

    return joined(i - 1, -1) or joined(i + size, 1)

"""Place-name keys: how a written place name becomes something a gazetteer can look up.

Conflict reporting transliterates the same Arabic, Kurdish, Pashto or Cyrillic name many ways
("Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor"). This module turns a name into two keys:

* `normalize_place` — the *exact* key: case, diacritics, apostrophes, articles, doubled letters and
  a few safe spelling habits folded. Two spellings with the same exact key are the same name.
* `skeleton_place` — a looser *consonant skeleton* of the exact key, used only when the exact key
  finds nothing; it merges vowel and digraph variants (Qamishli/Qamishlo, Hasakah/Hasakeh) at the
  cost of occasional collisions, which the ranking in `gazetteer` settles.

It also splits descriptive phrases ("countryside of Aleppo", "Hasakah province", "Mosul's old city")
into a core name and what the phrase says about it, and a possessive ("Baghdad's Dora district")
into its owner and the rest. It does no lookups.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Arabic articles as they come through English, French and academic transliteration.
_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "ash", "az", "at", "an", "ed", "es", "er",
                       "ez", "et", "en", "ul", "il"})
_APOSTROPHES = "'`´’‘ʿʾʼ′ʹ"
_APOSTROPHE_RE = re.compile(f"[{_APOSTROPHES}]")
_NON_WORD_RE = re.compile(r"[^\w]+|_")
_DOUBLE_RE = re.compile(r"(\w)\1+")
# Final -ah/-eh/-a/-e all write the same Arabic ta marbuta.
_FINAL_H_RE = re.compile(r"([aeiou])h\b")
_FINAL_E_RE = re.compile(r"(?<=\w\w)e\b")


_GLUED_ARTICLE_RE = re.compile(r"^[ae]([tdrszn])\1(\w{2,})$")


def _fold_token(tok: str, first: bool) -> str:
    if tok.startswith("ال") and len(tok) > 3:  # Arabic article written attached
        return tok[2:]
    if not first and (m := _GLUED_ARTICLE_RE.match(tok)):  # "Ezzor", "Arraqqa": sun-letter article
        return m.group(1) + m.group(2)
    return tok


@functools.lru_cache(maxsize=65536)
def normalize_place(s: str) -> str:
    """The exact lookup key of a place name ("Ar-Raqqah" -> "raqa", "Deir ez-Zor" -> "deir zor")."""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = _APOSTROPHE_RE.sub("", s)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.replace("ı", "i").replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("ß", "ss")
    tokens = [_fold_token(t, i == 0) for i, t in enumerate(_NON_WORD_RE.sub(" ", s).split())]
    # An article is dropped only when a real word follows it, so "As" alone stays a name.
    kept = [t for i, t in enumerate(tokens) if not (t in _ARTICLES and i + 1 < len(tokens))]
    s = " ".join(kept)
    s = s.replace("ou", "u")  # French transliteration: Nouman, Zour, Houla
    s = _DOUBLE_RE.sub(r"\1", s)
    s = _FINAL_H_RE.sub(r"\1", s)
    s = re.sub(r"e\b", "a", s) if re.search(r"[a-z]", s) else s  # Hasakeh/Hasaka, Kobane/Kobana
    return s


_SKELETON_DROP = re.compile(r"[aeiouyhw ]")


@functools.lru_cache(maxsize=65536)
def skeleton_place(s: str) -> str:
    """The consonant skeleton of a name: first letter kept, vowels, h, w, y and spaces dropped.

    Returns "" when the skeleton is too short (under 3 letters) to be worth matching on.
    """
    key = normalize_place(s)
    if not key or not key[0].isascii():
        return ""
    key = key.replace("q", "k").replace("-", "")
    first, rest = key[0], _SKELETON_DROP.sub("", key[1:])
    skel = _DOUBLE_RE.sub(r"\1", first + rest)
    return skel if len(skel) >= 3 and skel.isascii() else ""


# ---------------------------------------------------------------------------------------------
# Descriptive phrases

Scope = str  # "admin1" (the province), "part" (inside or near a place), "same" (the place itself)

_REGION_WORDS = {
    "governorate": "admin1", "province": "admin1", "state": "admin1", "oblast": "admin1",
    "region": "admin1", "wilayat": "admin1", "wilaya": "admin1", "muhafazat": "admin1",
    "countryside": "admin1", "rif": "admin1", "rural": "admin1", "desert": "admin1",
    "badia": "admin1", "division": "admin1",
    "city": "same", "town": "same", "village": "same", "township": "same",
    "district": "part", "neighbourhood": "part", "neighborhood": "part", "quarter": "part",
    "old city": "part", "outskirts": "part", "suburbs": "part", "suburb": "part",
    "centre": "part", "center": "part", "vicinity": "part", "area": "part", "airport": "part",
    "international airport": "part", "air base": "part", "airbase": "part", "base": "part",
    "university": "part", "market": "part", "hospital": "part", "square": "part",
    "junction": "part", "intersection": "part", "camp": "part", "dam": "part", "prison": "part",
    "bridge": "part", "road": "part", "highway": "part", "checkpoint": "part", "port": "part",
    "front": "part", "plain": "part", "plains": "part", "refinery": "part", "stadium": "part",
}
_DIRECTIONS = ("north-eastern", "north-western", "south-eastern", "south-western", "northeastern",
               "northwestern", "southeastern", "southwestern", "northeast", "northwest", "southeast",
               "southwest", "northern", "southern", "eastern", "western", "central", "north",
               "south", "east", "west", "greater", "upper", "lower")
_LEADING = ("near the village of", "near the town of", "near the city of", "the village of",
            "the town of", "the city of", "village of", "town of", "city of", "outside", "near",
            "in", "at", "on", "the")

_words = "|".join(sorted((re.escape(w) for w in _REGION_WORDS), key=len, reverse=True))
_OF_RE = re.compile(rf"^(?:the )?(?:({'|'.join(_DIRECTIONS)}) )?({_words}) of (.+)$", re.I)
_SUFFIX_RE = re.compile(rf"^(.+?)(?:['’]s)? ({_words})$", re.I)
_DIRECTION_RE = re.compile(rf"^({'|'.join(_DIRECTIONS)}) (.+)$", re.I)
# Only the capital's surroundings: a bare "the capital" may be a provincial capital just named.
_CAPITAL_RE = re.compile(r"^(?:the )?capital['’]s (countryside|outskirts|suburbs|environs)$", re.I)


@dataclass(frozen=True)
class PlacePhrase:
    """A mention split into the name to look up and what the wording says about it.

    `scope` is "same" when the phrase names the place itself, "part" when it names something in or
    near it (a district, an airport, "western Kabul"), "admin1" when it names the surrounding
    province ("Raqqa governorate", "Aleppo countryside").
    """
    core: str
    scope: Scope
    qualifier: str | None = None


def capital_phrase(text: str) -> str | None:
    """The region word of "the capital's countryside" ("countryside"), else None; the caller knows
    which country's capital is meant."""
    m = _CAPITAL_RE.match(" ".join(text.split()))
    return m.group(1).lower() if m else None


def strip_leading(text: str) -> str:
    """Drop "near", "the village of" and similar lead-ins that an extractor may leave on a span."""
    t = " ".join(text.split())
    changed = True
    while changed:
        changed = False
        low = t.lower()
        for lead in _LEADING:
            if low.startswith(lead + " ") and len(t) > len(lead) + 1:
                t = t[len(lead) + 1:]
                changed = True
                break
    return t


# "Baghdad's Dora district", "Deir ez-Zor's airport": a capitalised owner of three letters or more
# then 's, so "Ra's al-Ain" stays one name, not a place "Ra" owning "al-Ain".
_POSSESSIVE_RE = re.compile(r"^([A-Z][\w'’ -]{0,40}?[\w-]{2})['’]s\s+(\S.*)$")


def split_possessive(text: str) -> tuple[str, str] | None:
    """("Baghdad", "Dora district") for "Baghdad's Dora district"; None without a possessive.

    Only the split: whether the owner is a place the rest lies in is the gazetteer's question."""
    m = _POSSESSIVE_RE.match(strip_leading(text))
    return (m.group(1), m.group(2)) if m else None


@functools.lru_cache(maxsize=16384)
def parse_place_phrase(text: str) -> PlacePhrase | None:
    """Split a descriptive phrase, or None when the text is a bare name.

    >>> parse_place_phrase("countryside of Aleppo")
    PlacePhrase(core='Aleppo', scope='admin1', qualifier='countryside')
    """
    t = strip_leading(text)
    if m := _OF_RE.match(t):
        direction, word, core = m.group(1), m.group(2).lower(), m.group(3)
        return PlacePhrase(strip_leading(core), _REGION_WORDS[word], word if not direction else
                           f"{direction} {word}")
    if m := _SUFFIX_RE.match(t):
        core, word = m.group(1), m.group(2).lower()
        scope = _REGION_WORDS[word]
        if d := _DIRECTION_RE.match(core):
            core = d.group(2)
            if scope == "same":
                scope = "part"
        return PlacePhrase(core, scope, word)
    if m := _DIRECTION_RE.match(t):
        return PlacePhrase(m.group(2), "part", m.group(1).lower())
    if t.lower().startswith("rural "):
        return PlacePhrase(t[6:], "admin1", "rural")
    if t != " ".join(text.split()):
        return PlacePhrase(t, "same", None)
    return None

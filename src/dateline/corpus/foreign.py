"""Places in texts the entity model does not read, found by looking words up in the gazetteer.

Responsible for giving a non-English document the place mentions that story grouping needs: its
words and word pairs are looked up as exact gazetteer names (GeoNames keeps 'Jartum', 'Краматорск',
'الموصل'), with the endings of inflected languages trimmed. Only towns of some size and capitals
count, because every common word in some language is also the name of a hamlet somewhere.
Not responsible for English texts (the resolve stage does those properly).
"""
from __future__ import annotations

import re
from typing import Any, Iterator

MIN_POPULATION = 20000
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_CYRILLIC_ENDINGS = ("ами", "ями", "ого", "ему", "ом", "ем", "ой", "ей", "ах", "ях", "е", "а", "у", "ы", "и", "я")
_ARABIC_PREFIXES = ("و", "ب", "ل", "ف")


def _variants(word: str) -> Iterator[str]:
    yield word
    if re.match(r"[\u0400-\u04FF]", word):
        for ending in _CYRILLIC_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                yield word[:-len(ending)]
    if re.match(r"[\u0600-\u06FF]", word) and word[0] in _ARABIC_PREFIXES and len(word) > 4:
        yield word[1:]


def _looks_like_name(word: str) -> bool:
    if word[0].isupper():
        return True
    return word[0].lower() == word[0].upper() and len(word) >= 4      # caseless scripts


def scan_places(text: str, gazetteer: Any, *, limit: int = 400) -> list[dict[str, Any]]:
    """Mention-like dicts (start, end, text, place columns) for gazetteer names in `text`."""
    found: list[dict[str, Any]] = []
    tokens = list(_TOKEN.finditer(text[:6000]))[:limit]
    memo: dict[str, Any] = {}
    for i, tok in enumerate(tokens):
        word = tok.group()
        if len(word) < 4 or not _looks_like_name(word):
            continue
        phrases = [(word, tok.start(), tok.end())]
        if i + 1 < len(tokens) and tokens[i + 1].start() - tok.end() <= 1:
            phrases.insert(0, (text[tok.start():tokens[i + 1].end()], tok.start(), tokens[i + 1].end()))
        for phrase, start, end in phrases:
            hit = None
            for variant in _variants(phrase):
                if variant not in memo:
                    memo[variant] = _lookup(gazetteer, variant)
                hit = memo[variant]
                if hit:
                    break
            if hit:
                found.append({"start": start, "end": end, "text": phrase, "label": "GPE", "actor_id": None,
                              "geonameid": hit.geonameid, "place_name": hit.name, "country": hit.country,
                              "lat": hit.lat, "lon": hit.lon, "geo_precision": 1 if hit.feature_class == "P" else 3})
                break
    return found


def _lookup(gazetteer: Any, name: str):
    for c in gazetteer.candidates(name, loose=False, limit=5):
        capital = (c.feature_code or "").startswith(("PPLC", "PPLA", "PCL"))
        if (c.feature_class == "P" and (c.population >= MIN_POPULATION or capital)) or \
                (c.feature_class == "A" and (c.feature_code or "").startswith("PCL")):
            return c
    return None

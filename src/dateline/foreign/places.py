"""Place mentions in a text the entity model cannot read: word n-grams looked up in the gazetteer.

Responsible for proposing candidate spans (capitalised runs of words where the script has case,
every word n-gram where it has none, the way the language's lexicon says words inflect) and for
keeping the ones the gazetteer knows well enough to trust. The choice between same-named places
and the document's country are the resolve stage's (`PlaceLinker`), called here unchanged: each
candidate is handed over under the name it was found by ("Краматорск" for "Краматорске") and gets
its surface text back afterwards.

Not responsible for English texts, for actors, or for the lookup itself.
"""
from __future__ import annotations

from typing import Any

from ..model import Mention
from ..resolve.gazetteer import Gazetteer
from ..resolve.places import PlaceLinker
from .lexicon import Lexicon, Token

MAX_WORDS = 3
MEMO_SIZE = 50_000
# Every common word of some language is also a hamlet somewhere. Outside the document's own
# country only countries, capitals, provinces and big towns count; in a script without letter
# case, where any word may be looked up, only very big ones.
MIN_POPULATION = {"cased": 100_000, "caseless": 500_000}
_MAJOR_CODES = ("PPLC", "PCL", "ADM1", "RGN")


def _major(place: dict[str, Any], lexicon: Lexicon) -> bool:
    code = str(place.get("feature_code") or "")
    floor = MIN_POPULATION["cased" if lexicon.cased else "caseless"]
    return code.startswith(_MAJOR_CODES) or (place.get("population") or 0) >= floor


class ForeignPlaces:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.linker = PlaceLinker(gazetteer)
        self._memo: dict[tuple[str, str], str | None] = {}

    def find(self, text: str, lexicon: Lexicon, *, dateline: str | None = None,
             taken: list[tuple[int, int]] = ()) -> list[Mention]:
        """Resolved place mentions in `text`, in text order; spans in `taken` (actors) are skipped."""
        tokens = lexicon.tokens(text)
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            hit = None
            for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
                hit = self._span(text, tokens[i:i + n], lexicon, taken)
                if hit and _inside_longer_name(text, tokens, i, n, lexicon):
                    hit = None      # and its words are not tried alone either
                    i += n - 1
                    break
                if hit:
                    found.append(hit)
                    i += n
                    break
            if not hit:
                i += 1
        self.linker.link(found, dateline=dateline, text=None)
        placed = [m for m in found if m.place]
        country = main_country([m for m in placed if _major(m.place, lexicon)]) or main_country(placed)
        kept = []
        for m in placed:
            if m.place.get("country") == country or _major(m.place, lexicon):
                m.text = text[m.start:m.end]
                kept.append(m)
        return kept

    def _span(self, text: str, tokens: list[Token], lexicon: Lexicon,
              taken) -> Mention | None:
        start, end = tokens[0].start, tokens[-1].end
        if any(a < end and start < b for a, b in taken):
            return None
        if any(t.start > 0 and not text[prev.end:t.start].isspace() and text[prev.end:t.start] != "-"
               for prev, t in zip(tokens, tokens[1:])):
            return None     # a span never runs over punctuation
        if not _name_like(tokens, lexicon):
            return None
        surface = text[start:end]
        if tokens[0].forms[0] in lexicon.not_places or tokens[-1].forms[0] in lexicon.not_places:
            return None
        for k, name in enumerate(_names(tokens, lexicon)):
            key = (lexicon.language, name)
            if key not in self._memo:
                if len(self._memo) >= MEMO_SIZE:
                    self._memo.clear()
                self._memo[key] = self._lookup(name, lexicon)
            gaz_name = self._memo[key]
            if gaz_name:
                # The resolver reads a lower-case Latin span as prose, so names keep their capitals.
                if gaz_name == name:
                    gaz_name = surface if k == 0 else name.title()
                return Mention(start, end, gaz_name, "GPE", source="lexicon")
        return None

    def _lookup(self, name: str, lexicon: Lexicon) -> str | None:
        """The name to hand the resolver, or None when the gazetteer has no such place."""
        if name in lexicon.place_names:
            return lexicon.place_names[name]
        if name in lexicon.not_places or len(name) < 4:
            return None
        if any(c.feature_class in ("P", "A", "L") for c in self.gazetteer.candidates(name, loose=False, limit=20)):
            return name
        return None


def _name_like(tokens: list[Token], lexicon: Lexicon) -> bool:
    if not lexicon.cased:
        return all(not t.text.isdigit() for t in tokens)
    # Cased scripts: every word capitalised, except a linking particle inside ("Rio de Janeiro").
    first, last = tokens[0].text, tokens[-1].text
    if not (_capitalised(first, lexicon) and _capitalised(last, lexicon)):
        return False
    return all(_capitalised(t.text, lexicon) or (len(t.text) <= 3 and t.text.islower()) for t in tokens)


def _inside_longer_name(text: str, tokens: list[Token], i: int, n: int, lexicon: Lexicon) -> bool:
    """A place name run on by another capitalised word is part of a longer name: "Banco Santander",
    "Radio Bamako". A sentence's first word does not count ("Hier Gao…" never happens, "Selon…")."""
    if not lexicon.cased:
        return False

    def joined(a: Token, b: Token) -> bool:
        return text[a.end:b.start] == " "

    def other_name(t: Token) -> bool:
        return _capitalised(t.text, lexicon) and t.forms[0] not in lexicon.not_places and not t.text.isupper()
    left = i > 0 and joined(tokens[i - 1], tokens[i]) and other_name(tokens[i - 1]) \
        and not _sentence_initial(text, tokens[i - 1])
    right = i + n < len(tokens) and joined(tokens[i + n - 1], tokens[i + n]) and other_name(tokens[i + n])
    return bool(left or right)


def _sentence_initial(text: str, t: Token) -> bool:
    before = text[:t.start].rstrip()
    return not before or before[-1] in ".!?:;\n—–-«\"(" or before.endswith("...")


def _capitalised(word: str, lexicon: Lexicon) -> bool:
    for el in lexicon.elisions:
        if word.lower().startswith(el) and len(word) > len(el):
            word = word[len(el):]
    return word[:1].isupper() and not word.isdigit()


def _names(tokens: list[Token], lexicon: Lexicon) -> list[str]:
    """Forms to look up, the written one first: "Краматорске" → "краматорске", "краматорск"…"""
    if len(tokens) == 1:
        return list(tokens[0].forms)
    joined = " ".join(t.forms[0] for t in tokens)
    # Inflected multi-word names change their last word most ("Донецкой области" aside).
    last = [" ".join([*(t.forms[0] for t in tokens[:-1]), f]) for f in tokens[-1].forms[1:]]
    first = [" ".join([f, *(t.forms[0] for t in tokens[1:])]) for f in tokens[0].forms[1:]]
    return list(dict.fromkeys([joined, *first, *last]))


def main_country(mentions: list[Mention]) -> str | None:
    """The country most of the resolved mentions are in."""
    counts: dict[str, int] = {}
    for m in mentions:
        c = m.place.get("country") if m.place else None
        if c:
            counts[c] = counts.get(c, 0) + 1
    return max(counts, key=counts.get) if counts else None


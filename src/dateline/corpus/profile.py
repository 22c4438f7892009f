"""What a document says about its incident, in the compact form story grouping compares.

Responsible for turning one stored document (its row, events, place mentions, date mentions) into
a `Profile`: where (event places, then the places the text names most), when (event dates with
their precision, then dated mentions, then the publication date), what (event types), who (actor
ids) and a bag of salient terms (names and numbers, which survive rewording by another outlet),
plus the blocking keys that let a new document find its candidates without comparing all pairs.
Not responsible for reading the store (the caller passes rows) or for deciding what is the same
incident (`similarity`).

Profiles are plain JSON-able values so the store can keep them: an incremental update compares a
new document with stored profiles instead of re-reading every candidate's mentions.
"""
from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, timedelta
from typing import Any, Iterable

import numpy as np

CELL_DEGREES = 0.5          # geohash-like grid for blocking: ~55 km, so 50 km neighbours are one cell away
TERM_BANDS, TERM_ROWS = 12, 2
MAX_TERMS = 60

# Capitalised words that name no incident: sentence furniture, weekdays and months, generic nouns.
_COMMON = frozenset("""
the a an and but or of in on at to for from by with as after before during when while this that these
those there their they them he she his her its it we our you your i was were is are be been has have
had will would could should may might can not no yes also said says told according monday tuesday
wednesday thursday friday saturday sunday january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow
mr mrs ms dr gen president minister ministry government army forces police officials official
security spokesman spokeswoman local residents witnesses sources source state news agency reuters
afp ap update updated read more related share comments photo video copyright all rights reserved
some many several most other another one two three four five six seven eight nine ten dozens
hundreds thousands people killed dead wounded injured at least more than least
le la les un une des du de et en au aux sur dans par pour avec el los las y por con del al
""".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:[,.]\d{3})*(?![\d])")


def fold(text: str) -> str:
    """Lower case without accents, so 'Maarat al-Nouman' and 'Maʿarrat' compare on letters."""
    if text.isascii():
        # Most words of most texts: nothing to decompose or strip, and ASCII casefold is lower().
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("’", "'")


@dataclass
class Incident:
    """One coded event of a document, reduced to what grouping and comparison need."""
    event_id: str
    event_type: str
    sub_event_type: str
    confidence: float
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    place_name: str | None = None
    country: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    precision: str | None = None       # day | week | month | year | None (unknown)
    fatalities: int | None = None
    actor1: str | None = None
    actor2: str | None = None


@dataclass
class Profile:
    document_id: str
    outlet: str | None
    language: str | None
    published: str | None
    published_precision: str | None
    duplicate_of: str | None
    incidents: list[Incident] = field(default_factory=list)
    places: list[tuple[float, float, str, str | None, float]] = field(default_factory=list)  # lat, lon, name, cc, weight
    countries: list[str] = field(default_factory=list)
    days: list[str] = field(default_factory=list)          # day-precision dates the text names
    actors: list[str] = field(default_factory=list)
    terms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["incidents"] = [dict(i.__dict__) for i in self.incidents]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Profile:
        d = dict(d)
        d["incidents"] = [Incident(**i) for i in d.get("incidents", [])]
        d["places"] = [tuple(p) for p in d.get("places", [])]
        return cls(**d)

    # ---- derived views -------------------------------------------------------------------

    # Derived views are cached on the instance: pair scoring asks for them thousands of times.
    def main_days(self) -> list[date]:
        """The day of the lead event (the first dated one), else the days the text names most."""
        cached = self.__dict__.get("_main_days")
        if cached is None:
            cached = next(([date.fromisoformat(i.date_start)] for i in self.incidents
                           if i.precision == "day" and i.date_start), None)
            if cached is None:
                cached = sorted(date.fromisoformat(d) for d in self.days[:2])
            self.__dict__["_main_days"] = cached
        return cached

    def coarse_dates(self) -> set[tuple[str, str]]:
        """(precision, period) of events known only to week, month or year."""
        return {(i.precision, (i.date_start or "")[:7 if i.precision != "year" else 4])
                for i in self.incidents if i.precision in ("week", "month", "year") and i.date_start}

    def points(self) -> list[tuple[float, float, float]]:
        """(lat, lon, weight) of where the document's incident may be: event places first."""
        cached = self.__dict__.get("_points")
        if cached is None:
            cached = [(i.lat, i.lon, 1.0 + i.confidence) for i in self.incidents if i.lat is not None]
            cached += [(lat, lon, w) for lat, lon, _, _, w in self.places[:4]]
            self.__dict__["_points"] = cached
        return cached

    def sited(self) -> bool:
        """Whether a coded event has a site; place mentions alone may be background or datelines."""
        return any(i.lat is not None for i in self.incidents)

    def anchor_day(self) -> date | None:
        days = self.main_days()
        if days:
            return days[0]
        if self.published and self.published_precision == "day":
            return date.fromisoformat(self.published)
        return None


def build_profile(doc: dict[str, Any], events: Iterable[dict[str, Any]], mentions: Iterable[dict[str, Any]],
                  date_mentions: Iterable[dict[str, Any]], *, extra_places: Iterable[dict[str, Any]] = ()) -> Profile:
    """A profile from stored rows: `doc` (documents row with text), `events` rows, `mentions` rows
    (with place columns), `date_mentions` rows. `extra_places` adds places found another way (the
    gazetteer scan of a text the entity model does not read)."""
    text = doc.get("text") or ""
    title = doc.get("title") or ""
    lead_end = len(title) + 400
    dateline = {fold(part).strip() for part in re.split(r"[/,]", doc.get("dateline") or "") if part.strip()}
    incidents = [_incident(e, dateline) for e in sorted(events, key=lambda e: e.get("n") or 0)]
    place_weight: dict[tuple, float] = Counter()
    names: dict[tuple, tuple] = {}
    countries: Counter = Counter()
    actors: Counter = Counter()
    for m in sorted(list(mentions) + list(extra_places), key=lambda m: m.get("start") or 0):
        if m.get("actor_id"):
            actors[m["actor_id"]] += 1
        if m.get("lat") is None:
            continue
        if fold(m.get("text") or "") in dateline:
            # The dateline says where the reporter filed from (BEIRUT for all of Syria), not where
            # it happened; only its first occurrence is the dateline itself.
            dateline.discard(fold(m.get("text") or ""))
            continue
        countries[m.get("country")] += 1
        if (m.get("geo_precision") or 1) > 2:
            continue             # a country or province names no incident site
        key = (round(m["lat"], 2), round(m["lon"], 2))
        place_weight[key] += 2.0 if (m.get("start") or 0) < lead_end else 1.0
        names.setdefault(key, (m.get("place_name") or m.get("text"), m.get("country")))
    for i in incidents:
        if i.country:
            countries[i.country] += 2
    places = [(k[0], k[1], names[k][0], names[k][1], w) for k, w in
              sorted(place_weight.items(), key=lambda kv: (-kv[1], kv[0]))[:8]]
    days = Counter()
    for d in date_mentions:
        if d.get("precision") == "day" and d.get("value_start"):
            days[d["value_start"]] += 1
    return Profile(
        document_id=doc["id"], outlet=doc.get("outlet"), language=doc.get("language"),
        published=doc.get("published_start"), published_precision=doc.get("published_precision"),
        duplicate_of=doc.get("duplicate_of"), incidents=incidents, places=places,
        countries=[c for c, _ in countries.most_common(3) if c],
        days=[d for d, _ in sorted(days.items(), key=lambda kv: (-kv[1], kv[0]))],
        actors=sorted(actors), terms=salient_terms(title, text))


_PRECISION = {1: "day", 2: "week", 3: "month"}


def _incident(e: dict[str, Any], dateline: set[str]) -> Incident:
    precision = None
    if e.get("place_name") and fold(e["place_name"]) in dateline:
        # An event placed at the dateline city is usually placed where the reporter sat; its
        # site is then unknown rather than wrong.
        e = {**e, "lat": None, "lon": None, "geonameid": None}
    if (e.get("geo_precision") or 1) >= 3:
        e = {**e, "lat": None, "lon": None}      # a country or province centroid is no incident site
    if e.get("date_start"):
        precision = _PRECISION.get(e.get("time_precision") or 0, "year")
        if precision == "month" and e["date_start"][:4] != (e.get("date_end") or "")[:4]:
            precision = "year"
    return Incident(event_id=e["id"], event_type=e["event_type"], sub_event_type=e["sub_event_type"],
                    confidence=float(e.get("confidence") or 0.5), lat=e.get("lat"), lon=e.get("lon"),
                    geonameid=e.get("geonameid"), place_name=e.get("place_name"), country=e.get("country"),
                    date_start=e.get("date_start"), date_end=e.get("date_end"), precision=precision,
                    fatalities=e.get("fatalities"), actor1=e.get("actor1"), actor2=e.get("actor2"))


def salient_terms(title: str, text: str) -> dict[str, float]:
    """Names and numbers with weights: what two outlets share when they tell the same incident.

    Only capitalised words not opening a sentence count as names (another outlet rewords the
    verbs but keeps 'Zoobe', 'Hevrin Khalaf', '87'); scripts without case (Arabic) keep every
    longer word. Years are not terms: every report of a year names it. The title and lead count
    double: background ('Soleimani, killed a day earlier') sits lower in the text than the incident."""
    counts: Counter = Counter()
    text = f"{title}\n{text}"
    lead_end = len(title) + 300
    for m in _WORD.finditer(text):
        term = _name_term(m.group())
        if term is not None:
            counts[term] += 2 if m.start() < lead_end else 1
    for m in _NUMBER.finditer(text):
        n = int(re.sub(r"[,.]", "", m.group()))
        if n >= 2 and not 1900 <= n <= 2100:
            counts[f"#{n}"] += 2 if m.start() < lead_end else 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    return {t: round(1.0 + math.log(c), 3) for t, c in top}


@lru_cache(maxsize=1 << 16)
def _name_term(w: str) -> str | None:
    """The term a word of the text counts as, or None. Words recur across documents (names,
    furniture), so the answer is kept: it depends on the word alone."""
    word = fold(w).strip("'-")
    if len(word) < 3 or word in _COMMON:
        return None
    cased = w[0].isupper()
    if not cased and w[0].lower() == w[0].upper():      # caseless script
        cased = len(word) >= 4
    return _strip_article(word) if cased else None


def _strip_article(word: str) -> str:
    # 'al-Nuri' and 'Nuri', 'el-Fasher' and 'Fasher' are the same name in different house styles.
    return re.sub(r"^(?:al|el|ad|ar|as|at|an|az)[-']", "", word)


# ---- blocking keys -----------------------------------------------------------------------------

def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)


def _week(d: date) -> int:
    return d.toordinal() // 7


def _cached(name: str):
    def wrap(fn):
        def inner(p: Profile) -> set[str]:
            if name not in p.__dict__:
                p.__dict__[name] = fn(p)
            return p.__dict__[name]
        inner.__doc__, inner.__name__ = fn.__doc__, fn.__name__
        return inner
    return wrap


@_cached("_stored_keys")
def stored_keys(p: Profile) -> set[str]:
    """The keys this document is filed under: (cell, week) and (country, week) for dated
    documents, (cell) for all, and term-signature bands for text similarity."""
    keys: set[str] = set()
    day = p.anchor_day()
    cells = {_cell(lat, lon) for lat, lon, _ in p.points()}
    for c in cells:
        keys.add(f"c:{c[0]}:{c[1]}")
        if day:
            keys.add(f"cw:{c[0]}:{c[1]}:{_week(day)}")
    placeless = not p.sited()
    for cc in p.countries[:3]:
        keys.add(f"k:{cc}:{_week(day)}" if day else f"k:{cc}:-")
        if placeless:
            keys.add(f"k:{cc}:{_week(day)}:np" if day else f"k:{cc}:-:np")
    keys.update(undated_cell_keys(p))
    keys.update(_bands(p))
    return keys


@_cached("_query_keys")
def query_keys(p: Profile) -> set[str]:
    """The keys to look up for this document's candidates: neighbouring cells and weeks (the
    window is ±3 days, so the week before and after), and every cell when the date is unknown."""
    keys: set[str] = set()
    day = p.anchor_day()
    weeks = {_week(day + timedelta(days=k)) for k in (-4, 0, 4)} if day else set()
    for lat, lon, _ in p.points():
        ci, cj = _cell(lat, lon)
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                c = (ci + di, cj + dj)
                if day:
                    keys.update(f"cw:{c[0]}:{c[1]}:{w}" for w in weeks)
                    keys.add(f"c:{c[0]}:{c[1]}:u")     # undated documents filed in this cell
                else:
                    keys.add(f"c:{c[0]}:{c[1]}")
    # Country and week is a coarse block: a document with a place looks there only for documents
    # without one (`:np`); only a document without an event site looks at the whole country's week.
    suffix = ":np" if p.sited() else ""
    for cc in p.countries[:3]:
        keys.add(f"k:{cc}:-{suffix}")              # undated documents from the same country
        keys.update(f"k:{cc}:{w}{suffix}" for w in weeks)
    if not (day and p.sited()):
        # Text signatures are how a document without a resolved place or date finds its story; a
        # placed, dated one is found through its cell and week, and common names ('Syria',
        # 'Baghdad') would otherwise make every band bucket name thousands of documents.
        keys.update(_bands(p))
    return keys


@_cached("_bands")
def _bands(p: Profile) -> set[str]:
    return term_bands(p.terms)


def undated_cell_keys(p: Profile) -> set[str]:
    """Bare-cell keys for undated documents, looked up by dated documents (`...:u`)."""
    if p.anchor_day():
        return set()
    return {f"c:{ci}:{cj}:u" for ci, cj in (_cell(lat, lon) for lat, lon, _ in p.points())}


def term_bands(terms: dict[str, float]) -> set[str]:
    """MinHash bands over the salient terms: documents sharing several rare names meet here even
    when their places or dates were not resolved. Each term is hashed once; the permutations are
    universal hashes of that value (vectorised: this runs for every document)."""
    names = sorted(t for t in terms if not t.startswith("#"))
    if len(names) < 4:
        return set()
    base = np.array([_term_hash(t) for t in names], dtype=np.uint64)
    mins = ((base[:, None] * _PERM_A + _PERM_B) % _PRIME).min(axis=0)
    return {f"t:{b}:{int(mins[b * TERM_ROWS]):x}.{int(mins[b * TERM_ROWS + 1]):x}" for b in range(TERM_BANDS)}


@lru_cache(maxsize=1 << 16)
def _term_hash(term: str) -> int:
    return int.from_bytes(hashlib.blake2b(term.encode(), digest_size=4).digest(), "little")


_PRIME = np.uint64((1 << 31) - 1)
_PERM_A = np.array([(2654435761 * (i + 1)) % ((1 << 31) - 1) | 1 for i in range(TERM_BANDS * TERM_ROWS)],
                   dtype=np.uint64)
_PERM_B = np.array([(40503 * (i + 7)) % ((1 << 31) - 1) for i in range(TERM_BANDS * TERM_ROWS)], dtype=np.uint64)

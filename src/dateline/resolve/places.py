"""Place mentions in one document → gazetteer entries, decided with the whole document in view.

Responsible for document-level disambiguation: a first pass resolves every distinct place name on
its own; the countries those answers fall in give the document's country (weighted: the names of
countries, capitals and hamlets abroad count less, the dateline counts double only when the body
agrees); a second pass resolves every name again with that country and the points already placed
as context, so "Palmyra" in a Syria story is Tadmur, not Palmyra, New York. A match on one of a
town's other names (GeoNames keeps dozens) votes for less than one on a place's own name, and puts
no place abroad that nothing else in the document points to: "Boni" in a Malian report is not Bonn.
A place the text puts inside another ("Baghdad's Dora district", "Dora in Baghdad", "Dora,
Baghdad") is looked up there, and put at that place when not found there (`Gazetteer.resolve_in`).
What the gazetteer cannot place is put at a town named beside it, at precision 2: a site ("the
grain silos") at its town, a village the text calls one ("the village of X") at the town in its
sentence.

Not responsible for finding the mentions (annotate) or for the lookup itself (`gazetteer`).
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import replace
from importlib import resources
from typing import Any, Iterable

from ..geo import haversine_km
from ..model import Mention
from .gazetteer import Candidate, Gazetteer, PlaceMatch, is_area, well_known

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# How the text puts place Y inside place X, by what stands between the two mentions.
_OWNER_GAP = re.compile(r"['’]s?\s+")              # X's Y, Homs' Y
_HOLDER_GAP = re.compile(r"\s+in\s+|\s*,\s*")    # Y in X, Y, X
# A chain of names joined like this is a list ("Homs, Hama and Idlib"), not an address ("Dora,
# Baghdad, Iraq"), when one of its joins says "and", "or" or "&".
_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|&)\s+)?", re.I)
_LIST_WORD = re.compile(r"\b(?:and|or)\b|&", re.I)


def place_record(text: str, match: PlaceMatch) -> dict[str, Any]:
    c = match.candidate
    return {"geonameid": c.geonameid, "name": c.name, "country": c.country, "admin1": c.admin1_name,
            "admin1_code": c.admin1, "admin1_label": admin1_label(c.country, c.admin1) or c.admin1_name,
            "admin2": c.admin2, "lat": round(c.lat, 5), "lon": round(c.lon, 5),
            "feature_code": c.feature_code, "population": c.population,
            "geo_precision": match.geo_precision, "method": match.method, "score": match.score}


_DIVISION = re.compile(r"\b(?:Governorate|Province|State|Region|Oblast|Department|District|Division|County|"
                       r"Prefecture|Territory|Emirate)$")


@functools.lru_cache(maxsize=1)
def _admin1_labels() -> dict[tuple[str, str], str]:
    rows = resources.files("dateline.resources.gazetteer").joinpath("admin1.tsv").read_text("utf-8").splitlines()
    out = {}
    for row in rows:
        if row.startswith(("#", "code\t")) or not row.strip():
            continue
        code, name, alternates = row.split("\t")[:3]
        country, _, admin1 = code.partition(".")
        out[(country, admin1)] = next((n for n in [name, *alternates.split("|")] if _DIVISION.search(n)), name)
    return out


def admin1_label(country: str | None, admin1: str | None) -> str | None:
    """The first-level division as English reporting names it ("Raqqa Governorate", "Imo State"), for the
    conflict countries the package ships divisions for; None elsewhere."""
    return _admin1_labels().get((country or "", admin1 or ""))


def _towns(placed: list[Mention], country: str | None) -> list[Mention]:
    """Mentions resolved to a town itself, in the story's country when it is known."""
    return [m for m in placed if m.place and m.place.get("geo_precision") == 1
            and str(m.place.get("feature_code") or "").startswith("PPL")
            and (country is None or m.place.get("country") == country)]


_SITE_IN = re.compile(r"^[\s,]*(?:in|at|near|outside|of|on the outskirts of)\s+(?:the\s+)?(?:[a-z]+\s+)?$", re.I)


def _town_for(site: Mention, placed: list[Mention], country: str | None = None,
              text: str | None = None) -> Mention | None:
    """The town a named site is in: the town named right after it ("the police station in Dera
    Ismail Khan"), else the nearest named before it, else the one named most."""
    towns = _towns(placed, country)
    if text is not None:
        after = [m for m in towns if site.end <= m.start and _SITE_IN.match(text[site.end:m.start])]
        if after:
            return after[0]
    before = [m for m in towns if m.end <= site.start and site.start - m.end < 400]
    if before:
        return before[-1]
    if not towns:
        return None
    counts = Counter(m.place["geonameid"] for m in towns)
    best = counts.most_common(1)[0][0]
    return next(m for m in towns if m.place["geonameid"] == best)


def _town_near(name: Mention, placed: list[Mention], country: str | None, text: str) -> Mention | None:
    """The town an unknown place name is near: the closest named in its sentence ("the village of
    X, south of Tell Abyad"), else the last named shortly before. Where ACLED codes a village
    missing from its gazetteer."""
    def gap(m: Mention) -> str:
        return text[min(m.end, name.end):max(m.start, name.start)]
    towns = _towns(placed, country)
    same = [m for m in towns if len(gap(m)) < 250 and not any(ch in ".\n" for ch in gap(m))]
    if same:
        return min(same, key=lambda m: abs(m.start - name.start))
    before = [m for m in towns if m.end <= name.start and name.start - m.end < 300]
    return before[-1] if before else None


_NAME_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "az", "de", "du", "la", "le", "of"})
# Only a name the text itself calls a settlement gets a neighbour's point: an unknown "Europe",
# "Nile" or "Katyusha" (a rocket the model took for a place) must stay unplaced.
_SETTLEMENT_BEFORE = re.compile(r"\b(?:village|town|hamlet|settlement|locality)\s+of\s+$", re.I)
_SETTLEMENT_AFTER = re.compile(r"^\s+(?:village|town|hamlet|settlement)\b", re.I)


def held_pairs(places: list[Mention], text: str) -> list[tuple[Mention, Mention]]:
    """(Y, X) for each place mention Y the text puts inside the mention X next to it: "X's Y",
    "Y in X", "Y, X" (not in a list)."""
    ordered = sorted(places, key=lambda m: m.start)
    gaps = [text[a.end:b.start] for a, b in zip(ordered, ordered[1:])]
    pairs = []
    for i, gap in enumerate(gaps):
        a, b = ordered[i], ordered[i + 1]
        if _OWNER_GAP.fullmatch(gap) and (gap[1:2] == "s" or a.text.endswith("s")):
            pairs.append((b, a))
        elif _HOLDER_GAP.fullmatch(gap) and not ("," in gap and _in_list(gaps, i)):
            pairs.append((a, b))
    return pairs


def _in_list(gaps: list[str], i: int) -> bool:
    """Whether the chain of joined names around join `i` says "and" or "or" anywhere."""
    lo = hi = i
    while lo > 0 and gaps[lo - 1] and _JOIN.fullmatch(gaps[lo - 1]):
        lo -= 1
    while hi + 1 < len(gaps) and gaps[hi + 1] and _JOIN.fullmatch(gaps[hi + 1]):
        hi += 1
    return any(_LIST_WORD.search(g) for g in gaps[lo:hi + 1])


def _is_settlement(m: Mention, text: str) -> bool:
    words = m.text.split()
    if m.source in ("nominal", "pronoun") or not words or any(ch.isdigit() for ch in m.text) \
            or not all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words):
        return False
    return bool(_SETTLEMENT_BEFORE.search(text[max(0, m.start - 30):m.start])
                or _SETTLEMENT_AFTER.match(text[m.end:m.end + 15]))


def _vote_weight(c: Candidate) -> float:
    """How much one place name says about the story's country. Countries and capitals are named
    for their governments ("the US", "Washington", "Moscow"), and a hamlet abroad is more often a
    word that happens to be a place ("Earth", Texas), so they count less; a capital still counts
    more than a country's name, which a story about somewhere else names most often. A province
    or its seat counts more: it is seldom named in passing."""
    code = c.feature_code or ""
    if code.startswith("PCL"):
        return 0.5
    if code == "PPLC":
        return 0.75
    if code in ("ADM1", "PPLA", "RGN"):
        return 1.5
    if c.feature_class == "P" and c.population < 5000 and not c.source.startswith("dateline:"):
        return 0.5
    return 1.0


# The share of a vote a town's other names carry. GeoNames keeps dozens per town, in every language,
# so an exact hit on one is often a namesake by accident: "Boni" is a name of Bonn, "Nawa" of Naha,
# while the Malian village a report means may be missing from the file or filed under its own name.
ALTERNATE_SHARE = 0.5
_OWN_NAME_CODES = frozenset({"ADM1", "PPLC", "PPLA", "RGN"})


def _own_name(c: Candidate) -> bool:
    """Whether a match stands on a name the entry is known by: its primary name, a curated row's,
    or any name of a country, province or capital, whose other names are the English ones ("Kiev",
    "Hodeidah") more often than not."""
    code = c.feature_code or ""
    return c.primary or c.source.startswith("dateline:") or code.startswith("PCL") or code in _OWN_NAME_CODES


def _reading_weight(c: Candidate) -> float:
    return _vote_weight(c) * (1.0 if _own_name(c) else ALTERNATE_SHARE)


def _placed_points(first: Iterable[PlaceMatch | None], country: str | None) -> list[tuple[float, float]]:
    """The points a first pass placed that the second may lean on (nearness in ranking, and the
    only ground a look-alike spelling has when no story country is known): the towns placed in
    the story's country, and, in it or anywhere when it is unknown, whatever is placed by its own
    exact name: a province, a capital, a town. Not a country: its point is a centroid, and a
    village 300 km from the middle of Russia is not near anything the text named."""
    points = []
    for m in first:
        if m is None:
            continue
        c = m.candidate
        if country is not None and c.country != country:
            continue
        firm = c.match == "exact" and _own_name(c) and not (c.feature_code or "").startswith("PCL")
        if (country is not None and m.geo_precision == 1) or firm:
            points.append((m.lat, m.lon))
    return points


# How far abroad a town must lie for a lone other name to be taken for an accident: nearer, it is
# as likely the story's own cross-border place under its English name ("Jenin" in an Israeli army
# statement is Janin, West Bank).
NAMESAKE_FAR_KM = 500.0


def _lone_namesake(match: PlaceMatch, country: str | None, home: list[tuple[float, float]],
                   tally: dict[str, float], own_vote: dict[str, float]) -> bool:
    """Whether `match` is a town far abroad reached only through one of its other names, in a
    country nothing else in the document points to: "Boni" in a report on Mali, whose village the
    file lacks, is not Bonn. `home` are points in the story's country. A wrong point is worse than
    none."""
    c = match.candidate
    if country is None or not home or c.country == country or not match.method.startswith("name:") \
            or c.match != "exact" or _own_name(c):
        return False
    if min(haversine_km((c.lat, c.lon), p) for p in home) <= NAMESAKE_FAR_KM:
        return False
    return tally.get(c.country, 0.0) - own_vote.get(c.country, 0.0) <= 1e-9


class PlaceLinker:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def document_country(self, names: Iterable[str], dateline: str | None = None,
                         votes: dict[str, float] | None = None) -> str | None:
        """The country most of the document's unambiguous place names fall in.

        The dateline counts double when the body also names its country, and only as a tie-breaker
        when it does not: "BEIRUT -" opens many a wire story about Syria. `votes` are other votes
        already cast (the actors named)."""
        tally, _ = self._tally(names, dateline, votes)
        return max(tally, key=tally.__getitem__) if tally else None

    def _tally(self, names: Iterable[str], dateline: str | None,
               votes: dict[str, float] | None) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
        """The votes by country (see `document_country`), and what each name cast."""
        where = dateline.split(",")[0].strip() if dateline else None
        votes = dict(votes or {})
        memo: dict[str, dict[str, float]] = {}
        for name in names:
            if name == where:  # the dateline's own mention ("BEIRUT"), not the body naming it
                continue
            if name not in memo:
                memo[name] = self._votes(name)
            for cc, w in memo[name].items():
                votes[cc] = votes.get(cc, 0.0) + w
        if where:
            m = self.gazetteer.resolve(where)
            if m and m.candidate.country:
                cc = m.candidate.country
                votes[cc] = votes.get(cc, 0.0) + (2.0 if cc in votes else 0.5)
        return votes, memo

    def voting_names(self, places: list[Mention], text: str) -> list[str]:
        """The names of `places` that may vote for the story's country: not "Dora" of "Baghdad's Dora
        district" when no Dora the gazetteer knows is in Baghdad's country, for the text has said
        where it is and its namesakes abroad say nothing."""
        contradicted = set()
        for inner, outer in held_pairs(places, text):
            area = self.gazetteer.resolve(outer.text)
            if area is not None and is_area(area.candidate) and area.candidate.country not in self._votes(inner.text):
                contradicted.add(inner.text)
        return [m.text for m in places if m.text not in contradicted]

    def _votes(self, name: str) -> dict[str, float]:
        """What one place name says about the story's country, by country.

        Only exact whole names and phrases around one vote ("northern Syria", "Raqqa province"): a
        look-alike spelling or a word inside a site's name says little. A name found in several
        countries ("Ariha" is Jericho too) gives half its vote to its best reading and spreads the
        rest over all of them, so a province named beside it decides. A match on one of a town's
        other names counts `ALTERNATE_SHARE` of one on its own name."""
        m = self.gazetteer.resolve(name)
        if m is None or not m.candidate.country or m.candidate.match != "exact" \
                or not m.method.startswith(("name:", "phrase:")):
            return {}
        top = m.candidate
        if m.method.startswith("phrase:"):
            return {top.country: 1.0 if _own_name(top) else ALTERNATE_SHARE}
        readings = [c for c in self.gazetteer.candidates(name, loose=False) if c.country]
        # A big city goes by its own name in the news: a match on another of its names more likely
        # means a smaller place that goes by it ("Tillia" is the town in Niger, not Tilburg). Not
        # so for a small town's exonym: "Palmyra" is Tadmur before any American Palmyra. A curated
        # row's name is the one the news uses, so it leads one of a town's many other names: "Koya"
        # is the Kurdish town before Coyah in Guinea, which GeoNames also calls that.
        lead = top
        if not _own_name(top):
            curated = next((c for c in readings if c.source.startswith("dateline:")), None)
            lead = curated or (next((c for c in readings if _own_name(c)), top) if well_known(top) else top)
        weight = _reading_weight(lead)
        countries = {c.country for c in readings} | {top.country, lead.country}
        if len(countries) == 1:
            return {lead.country: weight}
        # Sorted, so that a tie between two countries falls the same way in every run.
        out = {cc: weight * 0.5 / len(countries) for cc in sorted(countries)}
        out[lead.country] += weight * 0.5
        return out

    def link(self, mentions: list[Mention], *, dateline: str | None = None,
             text: str | None = None, votes: dict[str, float] | None = None) -> list[Mention]:
        """Fill `place` on every place mention that resolves (and has none yet); returns those that did.

        Given the document `text`, a place name the gazetteer lacks is put at the town named next
        to it in its sentence (precision 2); those are not in the returned list."""
        places = [m for m in mentions if m.label in PLACE_LABELS and m.place is None]
        names = list(dict.fromkeys(m.text for m in places))
        if not names:
            return []
        voting = list(dict.fromkeys(self.voting_names(places, text))) if text is not None else names
        tally, cast = self._tally(voting, dateline, votes)
        country = max(tally, key=tally.__getitem__) if tally else None
        first = {n: self.gazetteer.resolve(n, country_hint=country) for n in names}
        near = _placed_points(first.values(), country)
        home = near + self._capital_point(country)
        resolved: dict[str, PlaceMatch | None] = {}
        far_end: dict[str, dict] = {}  # a route's other town, which events told along it may also be near
        for name in names:
            match = self.gazetteer.resolve(name, country_hint=country, near=near or None)
            if match is not None and _lone_namesake(match, country, home, tally, cast.get(name, {})):
                match = None
            # A name found inside a longer phrase ("Modern" in "Hospital of Modern Medicine" is a
            # Slovak town's German name, "Sultan" in "Sultan Abdullah" a town in Washington) is
            # only believed in the story's own country, or when that is unknown, if well known.
            if match is not None and match.method.startswith("contained") and (
                    match.candidate.country != country if country else not well_known(match.candidate)):
                match = None
            if match is None and (ends := route_ends(name)) and (route := self._route(ends, country, near)):
                match, far_end[name] = route
            resolved[name] = match
        linked = []
        for m in places:
            match = resolved.get(m.text)
            if match is not None:
                m.place = place_record(m.text, match)
                if m.text in far_end:
                    m.place["route_end"] = far_end[m.text]
                linked.append(m)
        if text is not None:
            linked += self._contain(places, text, country)
        for m in places:
            if m.place is None and m.label == "FAC":
                town = _town_for(m, linked, country, text)
                if town is not None:
                    m.place = dict(town.place, geo_precision=2, method=f"landmark:{town.text}")
                    linked.append(m)
        if text is not None:
            for m in places:
                if m.place is None and m.label in ("GPE", "LOC") and _is_settlement(m, text) \
                        and (town := _town_near(m, linked, country, text)):
                    m.place = dict(town.place, geo_precision=2, method=f"near:{town.text}")
        return linked

    def _route(self, ends: tuple[str, str], country: str | None,
               near: list[tuple[float, float]]) -> tuple[PlaceMatch, dict] | None:
        """"The Kirkuk-Erbil road": on the road out of the first town (precision 2), with the other
        town as its far end, when both ends are places of one country."""
        start, end = (self.gazetteer.resolve(e, country_hint=country, near=near or None) for e in ends)
        if start is None or end is None or start.candidate.country != end.candidate.country:
            return None
        match = replace(start, geo_precision=max(2, start.geo_precision), method=f"route:{ends[0]}")
        return match, {"name": end.candidate.name, "lat": end.lat, "lon": end.lon}

    def _capital_point(self, country: str | None) -> list[tuple[float, float]]:
        capital = self.gazetteer.capital_of(country) if country else None
        match = self.gazetteer.resolve(capital, country_hint=country) if capital else None
        return [(match.lat, match.lon)] if match is not None and match.candidate.country == country else []

    def _contain(self, places: list[Mention], text: str, country: str | None) -> list[Mention]:
        """Re-place each mention the text puts inside another ("Baghdad's Dora district") with
        `Gazetteer.resolve_in`; returns those that had no place before."""
        added = []
        for inner, outer in held_pairs(places, text):
            record = outer.place
            if record is None or not str(record.get("method", "")).startswith(("name:", "phrase:")) \
                    or not str(record.get("method", "")).endswith(":exact") \
                    or inner.source in ("pronoun", "nominal"):
                continue
            area = self.gazetteer.get(record["geonameid"])
            if area is None or not is_area(area):
                continue
            own = self.gazetteer.get(inner.place["geonameid"]) if inner.place else None
            match = self.gazetteer.resolve_in(inner.text, area, own=own, country=country)
            if match is not None:
                if inner.place is None:
                    added.append(inner)
                inner.place = place_record(inner.text, match)
                if match.candidate.geonameid == area.geonameid:
                    inner.place["method"] = f"landmark:{outer.text}"  # as the sites put at their town
        return added


# Two capitalised names joined by a dash: a road, front or corridor between two towns ("Homs-Hama")
_ROUTE = re.compile(r"([A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,2}) ?[-–—] ?([A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,2})")


def route_ends(name: str) -> tuple[str, str] | None:
    """The two towns a route name joins ("Kirkuk-Erbil" → Kirkuk, Erbil), or None."""
    m = _ROUTE.fullmatch(name.strip())
    return (m.group(1), m.group(2)) if m else None

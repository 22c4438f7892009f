"""Place mentions in one document → gazetteer entries, decided with the whole document in view.

Responsible for document-level disambiguation: a first pass resolves every distinct place name on
its own; the countries those answers fall in (the dateline's counting double) give the document's
country; a second pass resolves every name again with that country and the points already placed
as context, so "Palmyra" in a Syria story is Tadmur, not Palmyra, New York. Not responsible for
finding the mentions (annotate) or for the lookup itself (`gazetteer`).
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from ..model import Mention
from .gazetteer import Gazetteer, PlaceMatch

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def place_record(text: str, match: PlaceMatch) -> dict[str, Any]:
    c = match.candidate
    return {"geonameid": c.geonameid, "name": c.name, "country": c.country, "admin1": c.admin1_name,
            "admin1_code": c.admin1, "admin2": c.admin2, "lat": round(c.lat, 5), "lon": round(c.lon, 5),
            "feature_code": c.feature_code, "population": c.population,
            "geo_precision": match.geo_precision, "method": match.method, "score": match.score}


def _town_for(site: Mention, placed: list[Mention]) -> Mention | None:
    """The town a named site is in: the nearest town named before it, else the one named most."""
    towns = [m for m in placed if m.place and m.place.get("geo_precision") == 1
             and str(m.place.get("feature_code") or "").startswith("PPL")]
    before = [m for m in towns if m.end <= site.start and site.start - m.end < 400]
    if before:
        return before[-1]
    if not towns:
        return None
    counts = Counter(m.place["geonameid"] for m in towns)
    best = counts.most_common(1)[0][0]
    return next(m for m in towns if m.place["geonameid"] == best)


class PlaceLinker:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def document_country(self, names: Iterable[str], dateline: str | None = None) -> str | None:
        """The country most of the document's unambiguous place names fall in."""
        votes: Counter[str] = Counter()
        for name in names:
            m = self.gazetteer.resolve(name)
            # Only whole-name matches vote: a word found inside a site's name says little.
            if m and m.candidate.country and m.method.startswith("name:"):
                votes[m.candidate.country] += 1
        if dateline:
            m = self.gazetteer.resolve(dateline.split(",")[0])
            if m and m.candidate.country:
                votes[m.candidate.country] += 2
        return votes.most_common(1)[0][0] if votes else None

    def link(self, mentions: list[Mention], *, dateline: str | None = None) -> list[Mention]:
        """Fill `place` on every place mention that resolves (and has none yet); returns those that did."""
        places = [m for m in mentions if m.label in PLACE_LABELS and m.place is None]
        names = list(dict.fromkeys(m.text for m in places))
        if not names:
            return []
        country = self.document_country(names, dateline)
        first = {n: self.gazetteer.resolve(n, country_hint=country) for n in names}
        near = [(m.lat, m.lon) for m in first.values()
                if m is not None and m.candidate.country == country and m.geo_precision == 1]
        resolved: dict[str, PlaceMatch | None] = {}
        for name in names:
            match = self.gazetteer.resolve(name, country_hint=country, near=near or None)
            # A name found inside a longer phrase ("Modern" in "Hospital of Modern Medicine" is a
            # Slovak town's German name) is only believed in the story's own country.
            if match is not None and match.method.startswith("contained") and country \
                    and match.candidate.country != country:
                match = None
            resolved[name] = match
        linked = []
        for m in places:
            match = resolved.get(m.text)
            if match is not None:
                m.place = place_record(m.text, match)
                linked.append(m)
        for m in places:
            if m.place is None and m.label == "FAC":
                town = _town_for(m, linked)
                if town is not None:
                    m.place = dict(town.place, geo_precision=2, method=f"landmark:{town.text}")
                    linked.append(m)
        return linked

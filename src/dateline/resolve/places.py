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


class PlaceLinker:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def document_country(self, names: Iterable[str], dateline: str | None = None) -> str | None:
        """The country most of the document's unambiguous place names fall in."""
        votes: Counter[str] = Counter()
        for name in names:
            m = self.gazetteer.resolve(name)
            if m and m.candidate.country:
                votes[m.candidate.country] += 1
        if dateline:
            m = self.gazetteer.resolve(dateline.split(",")[0])
            if m and m.candidate.country:
                votes[m.candidate.country] += 2
        return votes.most_common(1)[0][0] if votes else None

    def link(self, mentions: list[Mention], *, dateline: str | None = None) -> list[Mention]:
        """Fill `place` on every place mention that resolves; returns the mentions that did."""
        places = [m for m in mentions if m.label in PLACE_LABELS]
        names = list(dict.fromkeys(m.text for m in places))
        if not names:
            return []
        country = self.document_country(names, dateline)
        first = {n: self.gazetteer.resolve(n, country_hint=country) for n in names}
        near = [(m.lat, m.lon) for m in first.values()
                if m is not None and m.candidate.country == country and m.geo_precision == 1]
        resolved: dict[str, PlaceMatch | None] = {}
        for name in names:
            resolved[name] = self.gazetteer.resolve(name, country_hint=country, near=near or None)
        linked = []
        for m in places:
            match = resolved.get(m.text)
            if match is not None:
                m.place = place_record(m.text, match)
                linked.append(m)
        return linked

"""Great-circle distance, the one geometric fact several stages need (place ranking, merging events,
grouping stories, scoring against gold)."""
from __future__ import annotations

import math

EARTH_DIAMETER_KM = 12742.0


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Kilometres between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return EARTH_DIAMETER_KM * math.asin(min(1.0, math.sqrt(h)))

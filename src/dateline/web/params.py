"""Query parameters shared by the pages and the API: the event filter and paging, validated once.

Dates accept `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `since` takes the start of what it names and `until`
its end, so `until=2017` means up to the last day of 2017.
"""
from __future__ import annotations

from fastapi import HTTPException, Query

from ..model import PartialDate
from ..store.views import SORTS, EventQuery


def _date(value: str | None, name: str, end: bool) -> str | None:
    if not value:
        return None
    try:
        d = PartialDate.parse_iso(value)
    except ValueError:
        raise HTTPException(400, f"{name}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}") from None
    return d.end if end else d.start


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError:
        raise HTTPException(400, f"bbox: expected west,south,east,north in degrees, got {value!r}") from None
    if not (-90 <= s <= n <= 90):
        raise HTTPException(400, "bbox: south must not exceed north, both within -90..90")
    # Leaflet reports longitudes beyond ±180 after panning round the world; fold them back.
    if e - w >= 360:
        w, e = -180.0, 180.0
    else:
        w, e = ((w + 180) % 360) - 180, ((e + 180) % 360) - 180
    return (w, s, e, n)


def event_query(
        type: str | None = Query(None, description="ACLED event type, e.g. Battles"),  # noqa: A002
        sub_type: str | None = Query(None, description="ACLED sub-event type, e.g. Air/drone strike"),
        actor: str | None = Query(None, description="Actor id, or part of an actor's name"),
        outlet: str | None = Query(None, description="Outlet name, exactly as stored"),
        place: str | None = Query(None, description="GeoNames id, ISO country code, or part of a place name"),
        since: str | None = Query(None, description="Events on or after this date (YYYY[-MM[-DD]])"),
        until: str | None = Query(None, description="Events on or before this date (YYYY[-MM[-DD]])"),
        document: str | None = Query(None, description="Only the events of this document id"),
        bbox: str | None = Query(None, description="west,south,east,north in degrees"),
) -> EventQuery:
    """FastAPI dependency: the event filter from the query string."""
    return EventQuery(type=type or None, sub_type=sub_type or None, actor=(actor or "").strip() or None,
                      outlet=outlet or None, place=(place or "").strip() or None,
                      since=_date(since, "since", end=False), until=_date(until, "until", end=True),
                      document=document or None, bbox=_bbox(bbox))


class Paging:
    """FastAPI dependency: sort column, direction and page of a table."""

    def __init__(self, sort: str = Query("date", description=f"One of: {', '.join(SORTS)}"),
                 order: str = Query("desc", pattern="^(asc|desc)$"),
                 page: int = Query(1, ge=1, le=100_000),
                 per_page: int = Query(50, ge=1, le=500)):
        if sort not in SORTS:
            raise HTTPException(400, f"sort: expected one of {', '.join(SORTS)}")
        self.sort, self.desc, self.page, self.per_page = sort, order == "desc", page, per_page

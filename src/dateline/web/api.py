"""The JSON API under `/api/`: the data behind every page, for scripts and for the pages' JavaScript.

Documented by FastAPI's OpenAPI (`/api/openapi.json`; `/api/docs` is Swagger UI served locally). Every endpoint is read-only and
bounded: lists are paged or limited, the map answers with grid cells rather than raw points.
"""
from __future__ import annotations

import io
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response

from ..export import write_events
from ..store import Store
from ..store import views
from ..store.views import EventQuery
from .app import borrow_store
from .params import Paging, event_query

router = APIRouter(prefix="/api", tags=["api"])

# Cell edge in screen pixels: markers closer than this on screen merge into one cluster.
CLUSTER_PIXELS = 44


def cell_degrees(zoom: float) -> float:
    """The grid cell (degrees) that spans CLUSTER_PIXELS at a Web Mercator zoom level."""
    if zoom >= 16:
        return 1e-6   # street level: only events at the very same coordinates share a marker
    return 360.0 / (256 * 2 ** zoom) * CLUSTER_PIXELS


@router.get("/overview", summary="Corpus size, failures, top actors, places and outlets")
def overview(store: Store = Depends(borrow_store)) -> dict[str, Any]:
    return views.overview(store)


@router.get("/facets", summary="Values the filters offer: event types, sub-event types, outlets, date range")
def facets(store: Store = Depends(borrow_store)) -> dict[str, Any]:
    return views.facets(store)


@router.get("/events", summary="Events matching the filter, one page, sorted")
def events(q: EventQuery = Depends(event_query), paging: Paging = Depends(),
           store: Store = Depends(borrow_store)) -> dict[str, Any]:
    return views.event_page(store, q, sort=paging.sort, desc=paging.desc, page=paging.page,
                            per_page=paging.per_page)


@router.get("/events/export", summary="Download the filtered events as ACLED CSV or GeoJSON")
def export(q: EventQuery = Depends(event_query),
           format: str = Query("acled-csv", pattern="^(acled-csv|geojson)$"),  # noqa: A002
           store: Store = Depends(borrow_store)) -> Response:
    # Written whole before answering: the borrowed connection goes back to the pool with the handler.
    buf = io.StringIO()
    written, skipped = write_events(views.export_rows(store, q), format, buf)
    media, ext = ("text/csv", "csv") if format == "acled-csv" else ("application/geo+json", "geojson")
    return Response(buf.getvalue(), media_type=f"{media}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="dateline-events.{ext}"',
                             "X-Dateline-Events": str(written), "X-Dateline-Skipped": str(skipped)})


@router.get("/events/{event_id}", summary="One event with all its evidence sentences")
def event(event_id: str, store: Store = Depends(borrow_store)) -> dict[str, Any]:
    found = views.event_detail(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return found


@router.get("/map", summary="Events with coordinates, clustered on a grid for a zoom level")
def map_cells(q: EventQuery = Depends(event_query), zoom: float = Query(5, ge=0, le=22),
              store: Store = Depends(borrow_store)) -> dict[str, Any]:
    out = views.map_cells(store, q, cell=cell_degrees(zoom))
    out["zoom"] = zoom
    return out


@router.get("/timeline", summary="Event counts per day, week or month and type")
def timeline(q: EventQuery = Depends(event_query),
             bucket: str | None = Query(None, pattern="^(day|week|month)$"),
             store: Store = Depends(borrow_store)) -> dict[str, Any]:
    out = views.timeline(store, q, bucket=bucket)
    if views.story_count(store):
        out["stories"] = [{k: s[k] for k in ("id", "event_type", "place_name", "date_start", "date_end", "n_outlets")}
                          for s in views.story_list(store, limit=2000)]
    return out


@router.get("/documents/{doc_id}", summary="A document: clean text, paragraphs, annotations and events")
def document(doc_id: str, store: Store = Depends(borrow_store)) -> dict[str, Any]:
    try:
        doc = store.get_document(doc_id)
    except KeyError as exc:
        raise HTTPException(404, str(exc.args[0])) from None
    ann = store.get_annotations(doc.id)
    return {"document": doc.to_dict(), "sources": store.sources_of(doc.id),
            "annotations": {k: [x.to_dict() for x in v] for k, v in ann.items()},
            "events": views.document_events(store, doc.id)}


@router.get("/actors", summary="Actors by number of events, optionally filtered by name")
def actors(q: str | None = Query(None, description="Part of a name, or an actor id"),
           limit: int = Query(200, ge=1, le=1000), store: Store = Depends(borrow_store)) -> list[dict[str, Any]]:
    return views.actor_list(store, text=q, limit=limit)


@router.get("/actors/{actor_id}", summary="An actor: names used, events, who quotes it")
def actor(actor_id: str, store: Store = Depends(borrow_store)) -> dict[str, Any]:
    found = views.actor_detail(store, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    found["framing"] = views.actor_framing(store, actor_id)
    return found


@router.get("/places", summary="Places by number of events")
def places(limit: int = Query(200, ge=1, le=1000), store: Store = Depends(borrow_store)) -> list[dict[str, Any]]:
    return views.place_list(store, limit=limit)


@router.get("/places/{geonameid}", summary="A place: names used, what happened there, who mentions it")
def place(geonameid: int, store: Store = Depends(borrow_store)) -> dict[str, Any]:
    found = views.place_detail(store, geonameid)
    if found is None:
        raise HTTPException(404, f"no place {geonameid}")
    return found


@router.get("/search", summary="Full-text search over documents (SQLite FTS5 syntax or plain words)")
def search(q: str = Query(..., min_length=1, max_length=500), limit: int = Query(50, ge=1, le=200),
           store: Store = Depends(borrow_store)) -> dict[str, Any]:
    out = views.search(store, q, limit=limit)
    for d in out["documents"]:
        d["snippet"] = d["snippet"].replace(views.SNIPPET_START, "[").replace(views.SNIPPET_END, "]")
    return out


@router.get("/stories", summary="Stories (one incident across outlets), when the corpus stage made them")
def stories(outlet: str | None = Query(None, description="Only stories this outlet reported"),
            store: Store = Depends(borrow_store)) -> list[dict[str, Any]]:
    return views.story_list(store, outlet=outlet)


@router.get("/stories/{story_id}", summary="One story: member events by outlet and the discrepancies")
def story(story_id: str, store: Store = Depends(borrow_store)) -> dict[str, Any]:
    found = views.story_detail(store, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return found

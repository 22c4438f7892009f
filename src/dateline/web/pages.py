"""The HTML pages: each a thin view over `dateline.store.views`, rendered by a Jinja2 template.

Pages that filter events (map, timeline, events table) read the same query parameters as the API,
so a page's address is a shareable filter and its download links export exactly what is shown.
`/fragments/...` return pieces of HTML the pages' scripts insert (an event card, a cluster's
events): rendered here, escaped here, so no script ever builds markup from article text.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..store import Store
from ..store import views
from ..store.views import EventQuery
from . import document_render, theme
from .app import borrow_store
from .params import Paging, event_query

router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    filters = {k: v for k, v in request.query_params.items() if v}
    context.setdefault("filters", filters)
    # The filter alone, for links that change the page or the sort and for downloads.
    context.setdefault("fq", {k: v for k, v in filters.items() if k not in ("page", "sort", "order", "per_page")})
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


@router.get("/")
def overview(request: Request, store: Store = Depends(borrow_store)):
    data = views.overview(store)
    chart = theme.bar_chart(views.timeline(store, EventQuery(), bucket="month")["rows"])
    return render(request, "overview.html", page="overview", data=data, chart=chart, db=request.app.state.db_path)


@router.get("/map")
def map_page(request: Request, store: Store = Depends(borrow_store)):
    return render(request, "map.html", page="map", facets=views.facets(store), tiles_url=request.app.state.tiles_url)


@router.get("/timeline")
def timeline_page(request: Request, store: Store = Depends(borrow_store)):
    return render(request, "timeline.html", page="timeline", facets=views.facets(store),
                  stories=views.story_count(store))


@router.get("/events")
def events_page(request: Request, q: EventQuery = Depends(event_query), paging: Paging = Depends(),
                store: Store = Depends(borrow_store)):
    result = views.event_page(store, q, sort=paging.sort, desc=paging.desc, page=paging.page,
                              per_page=paging.per_page)
    return render(request, "events.html", page="events", result=result, facets=views.facets(store))


@router.get("/events/{event_id}")
def event_page(event_id: str, store: Store = Depends(borrow_store)):
    found = views.event_detail(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return RedirectResponse(f"/documents/{found['document_id']}?event={found['n']}#ev-{found['n']}", 303)


@router.get("/fragments/event/{event_id}")
def event_card(request: Request, event_id: str, store: Store = Depends(borrow_store)):
    found = views.event_detail(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return render(request, "fragments/event_card.html", ev=found)


@router.get("/fragments/events")
def event_list(request: Request, q: EventQuery = Depends(event_query), store: Store = Depends(borrow_store)):
    result = views.event_page(store, q, per_page=25)
    return render(request, "fragments/event_list.html", result=result)


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: str, event: int | None = Query(None),
                  store: Store = Depends(borrow_store)):
    try:
        doc = store.get_document(doc_id)
    except KeyError as exc:
        raise HTTPException(404, str(exc.args[0])) from None
    ann = store.get_annotations(doc.id)
    events = views.document_events(store, doc.id)
    actors = views.actor_names(store, {m.actor for m in ann["mentions"] if m.actor})
    marks = document_render.marks_for(ann, events, actors, focus=event)
    counts = {"mentions": sum(1 for m in ann["mentions"] if m.label not in document_render.DATE_LABELS),
              "quotes": len(ann["quotes"]), "figures": len(ann["figures"]), "dates": len(ann["dates"]),
              "events": len(events)}
    return render(request, "document.html", page="document", doc=doc, sources=store.sources_of(doc.id),
                  blocks=document_render.blocks(doc, marks), events=events, counts=counts, focus=event)


@router.get("/actors")
def actors_page(request: Request, q: str | None = Query(None), store: Store = Depends(borrow_store)):
    return render(request, "actors.html", page="actors", actors=views.actor_list(store, text=q or None), q=q or "")


@router.get("/actors/{actor_id}")
def actor_page(request: Request, actor_id: str, store: Store = Depends(borrow_store)):
    found = views.actor_detail(store, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id}")
    pack = request.app.state.actor_pack() if found["actor"].get("pack") else None
    known = pack.get(actor_id) if pack else None
    aliases = list(known.aliases) if known else []
    return render(request, "actor.html", page="actors", data=found, aliases=aliases,
                  framing=views.actor_framing(store, actor_id))


@router.get("/places")
def places_page(request: Request, store: Store = Depends(borrow_store)):
    return render(request, "places.html", page="places", places=views.place_list(store))


@router.get("/places/{geonameid}")
def place_page(request: Request, geonameid: int, store: Store = Depends(borrow_store)):
    found = views.place_detail(store, geonameid)
    if found is None:
        raise HTTPException(404, f"no place {geonameid}")
    return render(request, "place.html", page="places", data=found)


@router.get("/search")
def search_page(request: Request, q: str = Query("", max_length=500), store: Store = Depends(borrow_store)):
    result = views.search(store, q) if q.strip() else None
    return render(request, "search.html", page="search", q=q, result=result)


@router.get("/stories")
def stories_page(request: Request, outlet: str | None = Query(None), store: Store = Depends(borrow_store)):
    return render(request, "stories.html", page="stories", stories=views.story_list(store, outlet=outlet or None),
                  has_stories=views.story_count(store) > 0, facets=views.facets(store), outlet=outlet or "")


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str, store: Store = Depends(borrow_store)):
    found = views.story_detail(store, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id}")
    return render(request, "story.html", page="stories", data=found)

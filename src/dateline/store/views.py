"""Read-only queries behind the web app and its JSON API: every SQL statement the web app runs.

Each function takes an open `Store` and returns plain dicts and lists, so the pages, the API and a
script read the same data. Filters arrive as an `EventQuery` and become one WHERE clause
(`event_where`), so the map, the timeline, the table and an export of "the current filter" agree.

Not responsible for rendering, paging links or HTTP; never writes. Queries are shaped for large
corpora (100,000 events): aggregate over indexed columns, fetch names and texts only for the rows
shown, and bound every list with a LIMIT.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterator

from .event_filter import EventQuery, actor_ids_matching, event_where
from .sqlite import Store

SORTS = {"date": "e.date_start", "type": "e.event_type", "sub_type": "e.sub_event_type",
         "actor1": "e.actor1_name", "actor2": "e.actor2_name", "place": "e.place_name",
         "fatalities": "e.fatalities", "confidence": "e.confidence",
         "outlet": "d.outlet"}
SNIPPET_START, SNIPPET_END = "\x02", "\x03"   # never in clean text; split into <mark> by the page


# ---- overview and facets --------------------------------------------------------------------

def facets(store: Store) -> dict[str, Any]:
    """The values the filter controls offer: event types, sub-event types, outlets, date range."""
    c = store.conn
    return {
        "types": [dict(r) for r in c.execute(
            "SELECT event_type AS value, COUNT(*) AS n FROM events GROUP BY event_type ORDER BY event_type")],
        "sub_types": [dict(r) for r in c.execute(
            "SELECT event_type, sub_event_type AS value, COUNT(*) AS n FROM events "
            "GROUP BY event_type, sub_event_type ORDER BY event_type, sub_event_type")],
        "outlets": [dict(r) for r in c.execute(
            "SELECT outlet AS value, COUNT(*) AS n FROM documents WHERE outlet IS NOT NULL "
            "GROUP BY outlet ORDER BY outlet")],
        "first": c.execute("SELECT MIN(date_start) FROM events").fetchone()[0],
        "last": c.execute("SELECT MAX(date_start) FROM events").fetchone()[0],
    }


def top_actors(store: Store, limit: int) -> list[dict[str, Any]]:
    """Actors by events as actor 1 or 2: two index-only counts merged here (a UNION would scan the table)."""
    counts: dict[str, int] = {}
    for column in ("actor1", "actor2"):
        for actor, n in store.conn.execute(
                f"SELECT {column}, COUNT(*) FROM events WHERE {column} IS NOT NULL GROUP BY {column}"):
            counts[actor] = counts.get(actor, 0) + n
    best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    names = actor_names(store, {a for a, _ in best})
    return [{"id": a, "name": names.get(a, {}).get("name", a), "kind": names.get(a, {}).get("kind"),
             "country": names.get(a, {}).get("country"), "provisional": names.get(a, {}).get("provisional"),
             "n": n, "events": n} for a, n in best]


def corpus_stats(store: Store) -> dict[str, Any]:
    """Corpus size by index lookups only (`Store.stats` also scans documents for its language count)."""
    q = lambda sql: store.conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "documents": q("SELECT COUNT(*) FROM documents"),
        "outlets": q("SELECT COUNT(DISTINCT outlet) FROM documents WHERE outlet IS NOT NULL"),
        "duplicates": q("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"),
        "first_published": q("SELECT MIN(published_start) FROM documents"),
        "last_published": q("SELECT MAX(published_start) FROM documents"),
        "failures": q("SELECT COUNT(*) FROM failures"),
        "events": q("SELECT COUNT(*) FROM events"),
    }


def overview(store: Store, *, top: int = 10) -> dict[str, Any]:
    """Corpus size, failures, and the most frequent actors, places and outlets."""
    c = store.conn
    actors = top_actors(store, top)
    places = [dict(r) for r in c.execute(
        "SELECT geonameid AS id, COUNT(*) AS n FROM events WHERE geonameid IS NOT NULL "
        "GROUP BY geonameid ORDER BY n DESC LIMIT ?", (top,))]
    for p in places:   # names for the few shown rather than for every row grouped
        row = c.execute("SELECT place_name, admin1, country FROM events WHERE geonameid = ? LIMIT 1",
                        (p["id"],)).fetchone()
        p.update(name=row[0], admin1=row[1], country=row[2])
    outlets = [dict(r) for r in c.execute(
        "SELECT outlet AS name, COUNT(*) AS documents FROM documents WHERE outlet IS NOT NULL "
        "GROUP BY outlet ORDER BY documents DESC LIMIT ?", (top,))]
    for o in outlets:
        o["events"] = c.execute("SELECT COUNT(*) FROM events WHERE document_id IN "
                                "(SELECT id FROM documents WHERE outlet = ?)", (o["name"],)).fetchone()[0]
    failures = [dict(r) for r in c.execute(
        "SELECT uri, stage, code, message, times FROM failures ORDER BY id DESC LIMIT ?", (top,))]
    return {"stats": corpus_stats(store), "actors": actors, "places": places, "outlets": outlets,
            "failures": failures, "stories": story_count(store)}


def timeline(store: Store, q: EventQuery, *, bucket: str | None = None) -> dict[str, Any]:
    """Event counts per period and type; the period (day, week, month) follows the span shown."""
    where, params = event_where(store.conn, q)
    first, last = store.conn.execute(
        f"SELECT MIN(e.date_start), MAX(e.date_start) FROM events e{where}", params).fetchone()
    if not first:
        return {"bucket": bucket or "month", "first": None, "last": None, "rows": []}
    if bucket is None:
        days = store.conn.execute("SELECT julianday(?) - julianday(?)", (last, first)).fetchone()[0]
        bucket = "day" if days <= 120 else "week" if days <= 3 * 365 else "month"
    key = {"day": "e.date_start", "month": "substr(e.date_start, 1, 7) || '-01'",
           # Monday of the event's week: weekday 0 is Sunday, so step to the next Sunday and back six days.
           "week": "date(e.date_start, 'weekday 0', '-6 days')"}[bucket]
    sql = (f"SELECT e.event_type AS type, {key} AS period, COUNT(*) AS n FROM events e{where}"
           f"{' AND' if where else ' WHERE'} e.date_start IS NOT NULL GROUP BY e.event_type, period")
    rows = [dict(r) for r in store.conn.execute(sql, params)]
    rows.sort(key=lambda r: (r["period"], r["type"]))
    return {"bucket": bucket, "first": first, "last": last, "rows": rows}


# ---- events ---------------------------------------------------------------------------------

def map_cells(store: Store, q: EventQuery, *, cell: float) -> dict[str, Any]:
    """Events with coordinates grouped into square cells of `cell` degrees.

    A cell holding one event is a marker (with the event's id); more make a cluster with its count,
    its dominant type, total fatalities and bounds. Grouping happens in SQL, so the answer stays
    small however many events match.
    """
    where, params = event_where(store.conn, q)
    sql = (f"SELECT CAST((e.lat + 90) / ? AS INTEGER) AS gy, CAST((e.lon + 180) / ? AS INTEGER) AS gx, "
           f"e.event_type AS type, COUNT(*) AS n, SUM(COALESCE(e.fatalities, 0)) AS fatalities, "
           f"SUM(e.lat) AS slat, SUM(e.lon) AS slon, MIN(e.lat) AS s, MAX(e.lat) AS n_, MIN(e.lon) AS w, "
           f"MAX(e.lon) AS e_, MIN(e.rowid) AS rid FROM events e{where}{' AND' if where else ' WHERE'} "
           f"e.lat IS NOT NULL AND e.lon IS NOT NULL GROUP BY gy, gx, e.event_type")
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    for r in store.conn.execute(sql, [cell, cell] + params):
        c = cells.get((r["gy"], r["gx"]))
        if c is None:
            c = cells[(r["gy"], r["gx"])] = {"n": 0, "fatalities": 0, "slat": 0.0, "slon": 0.0, "types": {},
                                             "bounds": [r["s"], r["w"], r["n_"], r["e_"]], "rid": r["rid"]}
        c["n"] += r["n"]
        c["fatalities"] += r["fatalities"]
        c["slat"] += r["slat"]
        c["slon"] += r["slon"]
        c["types"][r["type"]] = r["n"]
        b = c["bounds"]
        c["bounds"] = [min(b[0], r["s"]), min(b[1], r["w"]), max(b[2], r["n_"]), max(b[3], r["e_"])]
    singles = [c["rid"] for c in cells.values() if c["n"] == 1]
    ids = dict(store.conn.execute(f"SELECT rowid, id FROM events WHERE rowid IN ({','.join('?' * len(singles))})",
                                  singles).fetchall()) if singles else {}
    out = []
    for c in cells.values():
        out.append({"lat": round(c["slat"] / c["n"], 5), "lon": round(c["slon"] / c["n"], 5), "n": c["n"],
                    "type": max(c["types"].items(), key=lambda kv: (kv[1], kv[0]))[0], "types": c["types"],
                    "fatalities": c["fatalities"], "bounds": c["bounds"],
                    "id": ids.get(c["rid"]) if c["n"] == 1 else None})
    out.sort(key=lambda c: -c["n"])
    return {"total": sum(c["n"] for c in out), "cells": out}


EVENT_COLUMNS = ("e.id, e.document_id, e.n, e.event_type, e.sub_event_type, e.confidence, e.actor1, "
                 "e.actor1_name, e.actor2, e.actor2_name, e.place_name, e.geonameid, e.country, e.admin1, "
                 "e.lat, e.lon, e.date_start, e.date_end, e.time_precision, e.fatalities, e.fatalities_low, "
                 "e.fatalities_high, e.fatalities_claimant, e.evidence_start, e.evidence_end")


def event_page(store: Store, q: EventQuery, *, sort: str = "date", desc: bool = True, page: int = 1,
               per_page: int = 50) -> dict[str, Any]:
    """One page of events (newest first by default) with their outlet and main evidence sentence."""
    where, params = event_where(store.conn, q)
    total = store.conn.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0]
    column = SORTS.get(sort, SORTS["date"])
    direction = "DESC" if desc else "ASC"
    page = max(1, page)
    # Page the ids first, then fetch texts for the page only: the outlet and evidence need a join.
    join = " JOIN documents d ON d.id = e.document_id" if column.startswith("d.") else ""
    sql = (f"SELECT {EVENT_COLUMNS}, d.outlet, d.title, substr(d.text, e.evidence_start + 1, "
           f"e.evidence_end - e.evidence_start) AS evidence FROM (SELECT e.rowid AS rid FROM events e{join}{where} "
           f"ORDER BY {column} IS NULL, {column} {direction}, e.rowid LIMIT ? OFFSET ?) p "
           f"JOIN events e ON e.rowid = p.rid JOIN documents d ON d.id = e.document_id "
           f"ORDER BY {column} IS NULL, {column} {direction}, e.rowid")
    rows = [dict(r) for r in store.conn.execute(sql, params + [per_page, (page - 1) * per_page])]
    return {"total": total, "page": page, "per_page": per_page, "pages": max(1, -(-total // per_page)),
            "sort": sort if sort in SORTS else "date", "desc": desc, "rows": rows}


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with every evidence sentence sliced from its document, and the document's metadata."""
    row = store.conn.execute(
        "SELECT e.*, d.outlet, d.title, d.uri, d.url, d.published_start, d.text AS _text FROM events e "
        "JOIN documents d ON d.id = e.document_id WHERE e.id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    out = dict(row)
    text = out.pop("_text")
    record = json.loads(out.pop("record_json"))
    spans = record.get("evidence") or [[out["evidence_start"], out["evidence_end"]]]
    out["evidence"] = [{"start": s, "end": e, "text": text[s:e]} for s, e in spans]
    out["record"] = record
    return out


def export_rows(store: Store, q: EventQuery) -> Iterator[dict[str, Any]]:
    """Events in the shape `Store.events()` returns (what `dateline.export.write_events` reads)."""
    return store.stream_events(q)


# ---- documents, actors, places ----------------------------------------------------------------

def document_events(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """A document's events in order, each with all its evidence spans."""
    out = []
    for r in store.conn.execute(f"SELECT {EVENT_COLUMNS}, e.record_json FROM events e "
                                "WHERE e.document_id = ? ORDER BY e.n", (doc_id,)):
        row = dict(r)
        record = json.loads(row.pop("record_json"))
        row["spans"] = record.get("evidence") or [[row["evidence_start"], row["evidence_end"]]]
        row["trigger"] = record.get("trigger")
        out.append(row)
    return out


def actor_names(store: Store, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r["id"]: dict(r) for r in store.conn.execute(
        f"SELECT id, name, kind, country, provisional FROM actors WHERE id IN ({marks})", sorted(ids))}


def actor_list(store: Store, *, text: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Actors by number of events (as actor 1 or 2), optionally those whose name contains `text`."""
    c = store.conn
    if text:
        ids = actor_ids_matching(store.conn, text, limit)
        rows = [dict(r) for r in c.execute(
            f"SELECT id, name, kind, country, provisional, (SELECT COUNT(*) FROM events WHERE actor1 = a.id) + "
            f"(SELECT COUNT(*) FROM events WHERE actor2 = a.id) AS events FROM actors a "
            f"WHERE id IN ({','.join('?' * len(ids))})", ids)] if ids else []
        return sorted(rows, key=lambda r: -r["events"])
    return top_actors(store, limit)


def actor_detail(store: Store, actor_id: str, *, limit: int = 50) -> dict[str, Any] | None:
    """An actor: its row, the names the texts use for it, its events, who quotes it and what it said."""
    c = store.conn
    row = c.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
    n_events = c.execute("SELECT (SELECT COUNT(*) FROM events WHERE actor1 = ?) + "
                         "(SELECT COUNT(*) FROM events WHERE actor2 = ?)", (actor_id, actor_id)).fetchone()[0]
    if row is None and not n_events:
        return None
    surfaces = [dict(r) for r in c.execute(
        "SELECT text, COUNT(*) AS n FROM mentions WHERE actor_id = ? GROUP BY text ORDER BY n DESC LIMIT 40",
        (actor_id,))]
    events = [dict(r) for r in c.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.rowid IN (SELECT rowid FROM events WHERE actor1 = ? "
        f"UNION SELECT rowid FROM events WHERE actor2 = ?) ORDER BY e.date_start IS NULL, e.date_start DESC "
        f"LIMIT ?", (actor_id, actor_id, limit))]
    quoted_by = [dict(r) for r in c.execute(
        "SELECT d.outlet, COUNT(*) AS n FROM quotes q JOIN documents d ON d.id = q.document_id "
        "WHERE q.speaker_actor = ? GROUP BY d.outlet ORDER BY n DESC LIMIT 20", (actor_id,))]
    quotes = [dict(r) for r in c.execute(
        "SELECT q.document_id, q.start, q.end, q.text, q.direct, q.cue, q.speaker, d.outlet, d.title, "
        "d.published_start FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.speaker_actor = ? "
        "ORDER BY d.published_start DESC LIMIT ?", (actor_id, limit))]
    documents = c.execute("SELECT COUNT(DISTINCT document_id) FROM mentions WHERE actor_id = ?",
                          (actor_id,)).fetchone()[0]
    actor = dict(row) if row else {"id": actor_id, "name": actor_id}
    return {"actor": actor, "surfaces": surfaces, "events_total": n_events, "events": events,
            "quoted_by": quoted_by, "quotes": quotes, "documents": documents}


def place_list(store: Store, *, limit: int = 200) -> list[dict[str, Any]]:
    """Places by number of events."""
    rows = [dict(r) for r in store.conn.execute(
        "SELECT geonameid AS id, COUNT(*) AS events FROM events WHERE geonameid IS NOT NULL "
        "GROUP BY geonameid ORDER BY events DESC LIMIT ?", (limit,))]
    for r in rows:
        p = store.conn.execute("SELECT place_name, admin1, country FROM events WHERE geonameid = ? LIMIT 1",
                               (r["id"],)).fetchone()
        r.update(name=p[0], admin1=p[1], country=p[2])
    return rows


def place_detail(store: Store, geonameid: int, *, limit: int = 50) -> dict[str, Any] | None:
    """A place: where it is, the names the texts use for it, what happened there, who mentions it."""
    c = store.conn
    place = c.execute("SELECT place_name AS name, admin1, admin2, country, lat, lon, geo_precision FROM events "
                      "WHERE geonameid = ? LIMIT 1", (geonameid,)).fetchone()
    if place is None:
        place = c.execute("SELECT place_name AS name, admin1, NULL AS admin2, country, lat, lon, geo_precision "
                          "FROM mentions WHERE geonameid = ? LIMIT 1", (geonameid,)).fetchone()
    if place is None:
        return None
    n_events = c.execute("SELECT COUNT(*) FROM events WHERE geonameid = ?", (geonameid,)).fetchone()[0]
    by_type = [dict(r) for r in c.execute(
        "SELECT event_type AS type, COUNT(*) AS n FROM events WHERE geonameid = ? GROUP BY event_type "
        "ORDER BY n DESC", (geonameid,))]
    events = [dict(r) for r in c.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.geonameid = ? ORDER BY e.date_start IS NULL, "
        f"e.date_start DESC LIMIT ?", (geonameid, limit))]
    surfaces = [dict(r) for r in c.execute(
        "SELECT text, COUNT(*) AS n FROM mentions WHERE geonameid = ? GROUP BY text ORDER BY n DESC LIMIT 40",
        (geonameid,))]
    outlets = [dict(r) for r in c.execute(
        "SELECT d.outlet, COUNT(DISTINCT m.document_id) AS n FROM mentions m JOIN documents d "
        "ON d.id = m.document_id WHERE m.geonameid = ? GROUP BY d.outlet ORDER BY n DESC LIMIT 20", (geonameid,))]
    return {"place": dict(place) | {"id": geonameid}, "events_total": n_events, "by_type": by_type,
            "events": events, "surfaces": surfaces, "outlets": outlets}


def search(store: Store, text: str, *, limit: int = 50) -> dict[str, Any]:
    """Documents by full-text match (BM25, snippets marked with SNIPPET_START/END), and matching actors."""
    docs: list[dict[str, Any]] = []
    terms = " ".join('"' + t.replace('"', '""') + '"' for t in text.split())
    for query in (text, terms):   # FTS5 syntax first; plain words quoted if the syntax does not parse
        if not query:
            continue
        try:
            docs = [dict(r) for r in store.conn.execute(
                "SELECT d.id, d.title, d.outlet, d.published_start, "
                f"snippet(documents_fts, 1, '{SNIPPET_START}', '{SNIPPET_END}', ' … ', 16) AS snippet "
                "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
                "WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?", (query, limit))]
            break
        except sqlite3.OperationalError:
            continue
    actors = actor_list(store, text=text, limit=20) if text.strip() else []
    return {"query": text, "documents": docs, "actors": actors}


# ---- stories (migration 0004; older databases have no such tables and get empty answers) ---------

def story_count(store: Store) -> int:
    if not store.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stories'").fetchone():
        return 0
    return store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]


def story_list(store: Store, *, outlet: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Stories seen by the most outlets first, with how many fields their sources disagree on."""
    if not story_count(store):
        return []
    where, params = "", []
    if outlet:
        where, params = " WHERE s.id IN (SELECT story_id FROM story_members WHERE outlet = ?)", [outlet]
    rows = [dict(r) for r in store.conn.execute(
        "SELECT s.id, s.event_type, s.sub_event_type, s.place_name, s.country, s.lat, s.lon, s.date_start, "
        "s.date_end, s.fatalities_low, s.fatalities_high, s.n_documents, s.n_outlets, s.actors_json, "
        "(SELECT COUNT(DISTINCT field) FROM discrepancies d WHERE d.story_id = s.id) AS disagreements "
        f"FROM stories s{where} ORDER BY s.n_outlets DESC, s.date_start DESC LIMIT ?", params + [limit])]
    for r in rows:
        r["actors"] = json.loads(r.pop("actors_json") or "[]")
    return rows


def story_detail(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story: its merged record, member events side by side per outlet, disagreements, framing."""
    if not story_count(store):
        return None
    row = store.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    story = dict(row)
    story["actors"] = json.loads(story.pop("actors_json") or "[]")
    story["record"] = json.loads(story.pop("record_json") or "{}")
    members = [dict(r) for r in store.conn.execute(
        f"SELECT m.document_id AS member_document, m.outlet AS member_outlet, m.published, m.lag_days, m.score, "
        f"{EVENT_COLUMNS}, d.title, d.url, substr(d.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) "
        f"AS evidence FROM story_members m JOIN documents d ON d.id = m.document_id "
        f"LEFT JOIN events e ON e.id = m.event_id WHERE m.story_id = ? ORDER BY m.published, m.outlet",
        (story_id,))]
    outlets: dict[str, list[dict[str, Any]]] = {}
    for m in members:
        outlets.setdefault(m["member_outlet"] or "(no outlet)", []).append(m)
    # Fields whose values differ between members: the comparison marks them.
    differs = [f for f in ("date_start", "fatalities", "actor1_name", "actor2_name", "place_name", "event_type")
               if len({m[f] for m in members if m[f] is not None}) > 1]
    discrepancies: dict[str, list[dict[str, Any]]] = {}
    for r in store.conn.execute("SELECT * FROM discrepancies WHERE story_id = ? ORDER BY field, outlet",
                                (story_id,)):
        discrepancies.setdefault(r["field"], []).append(dict(r))
    framing = [dict(r) for r in store.conn.execute(
        "SELECT outlet, term, count FROM framing WHERE target_kind = 'story' AND target = ? "
        "ORDER BY outlet, count DESC", (story_id,))]
    return {"story": story, "outlets": outlets, "differs": differs, "discrepancies": discrepancies,
            "framing": framing}


def actor_framing(store: Store, actor_id: str) -> list[dict[str, Any]]:
    """The words each outlet uses for an actor (empty before the corpus stage has run)."""
    if not store.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'framing'").fetchone():
        return []
    return [dict(r) for r in store.conn.execute(
        "SELECT outlet, term, count FROM framing WHERE target_kind = 'actor' AND target = ? "
        "ORDER BY outlet, count DESC", (actor_id,))]

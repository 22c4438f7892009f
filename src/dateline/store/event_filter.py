"""One definition of "events matching a filter", shared by `dateline events`, exports and the web app.

An `EventQuery` holds what the user asked for; `event_where` turns it into one SQL WHERE clause over
the `events` table aliased `e`, so the CLI, the map, the timeline, the table and an export of "the
current filter" always select the same rows.

Matching rules, the same everywhere:
- `type` names an event type or a sub-event type, in any case ("battles", "Air/drone strike").
- `actor` is an actor id ("ISIS") or part of a name, case- and accent-insensitive; names in the
  `actors` table are tried first so aliases resolve to ids and the index is used.
- `place` is a GeoNames id, a two-letter country code (any case), or part of a place or admin-1 name
  (case- and accent-insensitive).
- `since`/`until` are ISO dates that overlap the event's date range.
Not responsible for sorting, paging or which columns are read.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, fields
from typing import Any

from .folding import fold

_ACTOR_IDS_LIMIT = 200


@dataclass(frozen=True)
class EventQuery:
    """What the user filtered on; every field optional. `bbox` is (west, south, east, north)."""
    type: str | None = None
    sub_type: str | None = None
    actor: str | None = None
    outlet: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    document: str | None = None
    bbox: tuple[float, float, float, float] | None = None

    def params(self) -> dict[str, str]:
        """The non-empty filters as query-string parameters (for links and downloads)."""
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v not in (None, ""):
                out[f.name] = ",".join(str(x) for x in v) if f.name == "bbox" else str(v)
        return out


def event_where(conn: sqlite3.Connection, q: EventQuery) -> tuple[str, list[Any]]:
    """The WHERE clause (with leading ' WHERE ', or '') and its parameters for events aliased `e`."""
    where: list[str] = []
    params: list[Any] = []
    if q.type:
        kind = canonical_type(conn, q.type)
        where.append("(e.event_type = ? OR e.sub_event_type = ?)")
        params += [kind, kind]
    if q.sub_type:
        where.append("e.sub_event_type = ?")
        params.append(canonical_type(conn, q.sub_type))
    if q.actor:
        _actor_clause(conn, q.actor, where, params)
    if q.outlet:
        where.append("e.document_id IN (SELECT id FROM documents WHERE outlet = ?)")
        params.append(q.outlet)
    if q.place:
        _place_clause(q.place.strip(), where, params)
    if q.since:
        where.append("e.date_end >= ?")
        params.append(q.since)
    if q.until:
        where.append("e.date_start <= ?")
        params.append(q.until)
    if q.document:
        where.append("e.document_id = ?")
        params.append(q.document)
    if q.bbox:
        w, s, e, n = q.bbox
        where.append("e.lat BETWEEN ? AND ? AND " + ("e.lon BETWEEN ? AND ?" if w <= e else
                                                      "(e.lon >= ? OR e.lon <= ?)"))
        params += [s, n, w, e]
    return (" WHERE " + " AND ".join(where) if where else ""), params


def canonical_type(conn: sqlite3.Connection, text: str) -> str:
    """The stored spelling of an event or sub-event type written in any case (else `text` as given)."""
    # Index-only reads of two small sets of distinct values, so equality can use the type indexes.
    wanted = text.strip().casefold()
    for column in ("event_type", "sub_event_type"):
        for (name,) in conn.execute(f"SELECT DISTINCT {column} FROM events"):
            if name and name.casefold() == wanted:
                return name
    return text.strip()


def actor_ids_matching(conn: sqlite3.Connection, text: str, limit: int = _ACTOR_IDS_LIMIT) -> list[str]:
    """Actor ids for an id or (part of) a name; an exact id wins over name matches."""
    exact = conn.execute("SELECT id FROM actors WHERE id = ?", (text,)).fetchone()
    if exact:
        return [exact[0]]
    return [r[0] for r in conn.execute(
        "SELECT id FROM actors WHERE fold(name) LIKE ? ORDER BY length(name) LIMIT ?", (f"%{fold(text)}%", limit))]


def _actor_clause(conn: sqlite3.Connection, text: str, where: list[str], params: list[Any]) -> None:
    ids = actor_ids_matching(conn, text)
    if ids:   # every stored actor, provisional ones included, has a row: the ids use the index
        marks = ",".join("?" * len(ids))
        where.append(f"(e.actor1 IN ({marks}) OR e.actor2 IN ({marks}))")
        params += ids + ids
    else:     # names no actor row carries (an older database, a derived name): match the stored names
        where.append("(fold(e.actor1_name) LIKE ? OR fold(e.actor2_name) LIKE ?)")
        params += [f"%{fold(text)}%"] * 2


def _place_clause(text: str, where: list[str], params: list[Any]) -> None:
    if text.lstrip("-").isdigit():
        where.append("e.geonameid = ?")
        params.append(int(text))
        return
    if re.fullmatch(r"[A-Za-z]{2}", text):
        where.append("e.country = ?")
        params.append(text.upper())
    else:
        where.append("(fold(e.place_name) LIKE ? OR fold(e.admin1) LIKE ?)")
        params += [f"%{fold(text)}%"] * 2

"""SQL for stories, discrepancies and framing: functions taking a `Store`, and `StoryTables`.

Responsible for reading what the corpus stage needs (documents with their events, mentions and
dates; stored profiles; candidates by blocking key) and for writing stories, members,
discrepancies and framing rows. Not responsible for deciding anything: `dateline.corpus` decides,
through a `StoryTables` (these functions bound to one store), because the corpus stage sits below
the store in the layering and never imports it.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Sequence

from .sqlite import Store

_CHUNK = 500       # SQLite caps bound parameters; IN lists go in chunks
_CACHE_KIB = 16 * 1024       # page cache while writing stories (see StoryTables.transaction)


def _chunks(items: Sequence, n: int = _CHUNK):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def documents_of_run(store: Store, run_id: int) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT id FROM documents WHERE run_id = ? ORDER BY rowid", (run_id,))]


def all_documents(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute(
        "SELECT id FROM documents ORDER BY published_start IS NULL, published_start, rowid")]


def profile_inputs(store: Store, doc_ids: Sequence[str]) -> list[tuple[dict, list, list, list]]:
    """(document row with text, events, mentions, date mentions) for each id, in the given order."""
    docs, events, mentions, dates = {}, {}, {}, {}
    for part in _chunks(list(doc_ids)):
        q = _marks(len(part))
        for r in store.conn.execute(
                "SELECT id, uri, outlet, url, title, dateline, published_start, published_precision, language, "
                f"duplicate_of, text FROM documents WHERE id IN ({q})", part):
            docs[r["id"]] = dict(r)
        for table, out in (("events", events), ("mentions", mentions), ("date_mentions", dates)):
            cols = "*" if table != "events" else ("id, document_id, n, event_type, sub_event_type, confidence, "
                                                  "actor1, actor2, place_name, geonameid, country, lat, lon, "
                                                  "geo_precision, date_start, date_end, time_precision, fatalities")
            for r in store.conn.execute(f"SELECT {cols} FROM {table} WHERE document_id IN ({q})", part):
                out.setdefault(r["document_id"], []).append(dict(r))
    return [(docs[i], events.get(i, []), mentions.get(i, []), dates.get(i, [])) for i in doc_ids if i in docs]


def save_profiles(store: Store, rows: Iterable[tuple[str, dict, Iterable[str]]], run_id: int | None) -> None:
    """Replace the profiles and blocking keys of documents: (document id, profile, keys)."""
    rows = list(rows)
    for part in _chunks([r[0] for r in rows]):
        store.conn.execute(f"DELETE FROM story_keys WHERE document_id IN ({_marks(len(part))})", part)
    store.conn.executemany("INSERT OR REPLACE INTO story_profiles (document_id, profile_json, run_id) VALUES (?, ?, ?)",
                           [(d, json.dumps(p, ensure_ascii=False), run_id) for d, p, _ in rows])
    store.conn.executemany("INSERT INTO story_keys (key, document_id) VALUES (?, ?)",
                           [(k, d) for d, _, keys in rows for k in sorted(keys)])


def load_profiles(store: Store, doc_ids: Iterable[str]) -> dict[str, dict]:
    out = {}
    for part in _chunks(list(doc_ids)):
        for r in store.conn.execute(
                f"SELECT document_id, profile_json FROM story_profiles WHERE document_id IN ({_marks(len(part))})", part):
            out[r[0]] = json.loads(r[1])
    return out


def documents_with_keys(store: Store, keys: Iterable[str], *, limit: int = 5000) -> set[str]:
    """Stored documents filed under any of `keys` (capped: a key so common it names thousands of
    documents would make every update compare against them all)."""
    found: set[str] = set()
    for part in _chunks(sorted(set(keys))):
        found.update(r[0] for r in store.conn.execute(
            f"SELECT DISTINCT document_id FROM story_keys WHERE key IN ({_marks(len(part))}) LIMIT ?",
            (*part, limit)))
    return found


def copies_of(store: Store, doc_ids: Iterable[str]) -> dict[str, str]:
    """Documents that are copies of these ones, and the originals these are copies of: {copy: original}."""
    out = {}
    for part in _chunks(list(doc_ids)):
        q = _marks(len(part))
        # Two indexed lookups: an OR of the two conditions makes SQLite scan the whole table.
        for sql in (f"SELECT id, duplicate_of FROM documents WHERE duplicate_of IN ({q})",
                    f"SELECT id, duplicate_of FROM documents WHERE id IN ({q}) AND duplicate_of IS NOT NULL"):
            for r in store.conn.execute(sql, part):
                out[r[0]] = r[1]
    return out


def stories_of(store: Store, doc_ids: Iterable[str]) -> dict[str, str]:
    out = {}
    for part in _chunks(list(doc_ids)):
        for r in store.conn.execute(
                f"SELECT DISTINCT document_id, story_id FROM story_members WHERE document_id IN ({_marks(len(part))})",
                part):
            out[r[0]] = r[1]
    return out


def member_documents(store: Store, story_ids: Iterable[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in _chunks(list(story_ids)):
        for r in store.conn.execute(
                f"SELECT DISTINCT story_id, document_id FROM story_members WHERE story_id IN ({_marks(len(part))})",
                part):
            out.setdefault(r[0], []).append(r[1])
    return out


def story_rows(store: Store, story_ids: Iterable[str]) -> dict[str, dict]:
    out = {}
    for part in _chunks(list(story_ids)):
        for r in store.conn.execute(f"SELECT * FROM stories WHERE id IN ({_marks(len(part))})", part):
            out[r["id"]] = dict(r)
    return out


def evidence_inputs(store: Store, doc_ids: Sequence[str]) -> dict[str, dict]:
    """What a story's merged record, discrepancies and comparison read for each member document:
    the document (with its source paths), its events (full record), quotes and figures."""
    out: dict[str, dict] = {}
    for part in _chunks(list(doc_ids)):
        q = _marks(len(part))
        for r in store.conn.execute(
                "SELECT id, uri, url, outlet, title, published_start, published_precision, language, duplicate_of, "
                f"text FROM documents WHERE id IN ({q})", part):
            out[r["id"]] = {**dict(r), "sources": [], "events": [], "quotes": [], "figures": []}
        for r in store.conn.execute(
                f"SELECT d.id, s.uri FROM article_sources s JOIN documents d ON d.article_id = s.article_id "
                f"WHERE d.id IN ({q}) ORDER BY s.uri", part):
            out[r[0]]["sources"].append(r[1])
        for r in store.conn.execute(f"SELECT * FROM events WHERE document_id IN ({q}) ORDER BY document_id, n", part):
            out[r["document_id"]]["events"].append(dict(r))
        for r in store.conn.execute(f"SELECT * FROM quotes WHERE document_id IN ({q}) ORDER BY document_id, start",
                                    part):
            out[r["document_id"]]["quotes"].append(dict(r))
        for r in store.conn.execute(f"SELECT * FROM figures WHERE document_id IN ({q}) ORDER BY document_id, start",
                                    part):
            out[r["document_id"]]["figures"].append(dict(r))
    return out


def replace_stories(store: Store, old_ids: Iterable[str], stories: Iterable[dict[str, Any]], run_id: int | None) -> None:
    """Delete `old_ids` and write `stories` (each: record columns, `members`, `discrepancies`)."""
    old = list(old_ids)
    created = {}
    for part in _chunks(old):
        q = _marks(len(part))
        created.update(store.conn.execute(f"SELECT id, created_run FROM stories WHERE id IN ({q})", part).fetchall())
        for table, col in (("discrepancies", "story_id"), ("story_members", "story_id"), ("stories", "id")):
            store.conn.execute(f"DELETE FROM {table} WHERE {col} IN ({q})", part)
    cols = ("id", "event_type", "sub_event_type", "place_name", "country", "lat", "lon", "date_start", "date_end",
            "time_precision", "fatalities_low", "fatalities_high", "n_documents", "n_outlets")
    story_rows_, members, discrepancies = [], [], []
    for s in stories:
        story_rows_.append((*(s.get(c) for c in cols), json.dumps(s.get("actors", []), ensure_ascii=False),
                            json.dumps(s.get("record", {}), ensure_ascii=False),
                            created.get(s["id"], run_id), run_id))
        members += [(s["id"], m["document_id"], m.get("event_id"), m.get("outlet"), m.get("published"),
                     m.get("lag_days"), m.get("score")) for m in s.get("members", [])]
        discrepancies += [(s["id"], d["field"], d["document_id"], d.get("outlet"), d.get("value"), d.get("claimant"),
                           d.get("evidence_start"), d.get("evidence_end"), d.get("evidence"))
                          for d in s.get("discrepancies", [])]
    store.conn.executemany(f"INSERT INTO stories ({', '.join(cols)}, actors_json, record_json, created_run, "
                           f"updated_run) VALUES ({_marks(len(cols) + 4)})", story_rows_)
    store.conn.executemany("INSERT INTO story_members VALUES (?, ?, ?, ?, ?, ?, ?)", members)
    store.conn.executemany("INSERT INTO discrepancies VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", discrepancies)


def clear_stories(store: Store) -> None:
    for table in ("discrepancies", "story_members", "stories", "story_keys", "story_profiles", "framing"):
        store.conn.execute(f"DELETE FROM {table}")


def list_stories(store: Store, *, story_id: str | None = None, outlets: Sequence[str] = (),
                 min_documents: int = 1) -> list[dict[str, Any]]:
    """Stories with their members (documents, sources, events with evidence) and discrepancies."""
    where, params = ["n_documents >= ?"], [min_documents]
    if story_id:
        where.append("id LIKE ?")
        params.append(story_id + "%")
    if outlets:
        where.append(f"id IN (SELECT story_id FROM story_members WHERE outlet IN ({_marks(len(outlets))}))")
        params += list(outlets)
    rows = [dict(r) for r in store.conn.execute(
        f"SELECT * FROM stories WHERE {' AND '.join(where)} ORDER BY date_start IS NULL, date_start, id", params)]
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        r["actors"] = json.loads(r.pop("actors_json"))
        r["record"] = json.loads(r.pop("record_json"))
        r["members"], r["discrepancies"] = [], []
    ids = list(by_id)
    for part in _chunks(ids):
        q = _marks(len(part))
        for m in store.conn.execute(
                "SELECT m.*, d.uri, d.url, d.title, d.text AS _text, e.sub_event_type, e.evidence_start, "
                "e.evidence_end, e.fatalities, e.date_start AS event_date, e.actor1_name, e.actor2_name, e.place_name "
                "FROM story_members m JOIN documents d ON d.id = m.document_id "
                "LEFT JOIN events e ON e.id = m.event_id "
                f"WHERE m.story_id IN ({q}) ORDER BY m.published IS NULL, m.published, m.document_id, m.event_id", part):
            m = dict(m)
            text = m.pop("_text")
            m["evidence"] = text[m["evidence_start"]:m["evidence_end"]] if m["evidence_start"] is not None else None
            by_id[m["story_id"]]["members"].append(m)
        for d in store.conn.execute(f"SELECT * FROM discrepancies WHERE story_id IN ({q}) ORDER BY story_id, field, "
                                    "outlet, document_id", part):
            by_id[d["story_id"]]["discrepancies"].append(dict(d))
        sources: dict[str, list[str]] = {}
        for r in store.conn.execute(
                "SELECT DISTINCT d.id, s.uri FROM article_sources s JOIN documents d ON d.article_id = s.article_id "
                f"JOIN story_members m ON m.document_id = d.id WHERE m.story_id IN ({q}) ORDER BY s.uri", part):
            sources.setdefault(r[0], []).append(r[1])
        for sid in part:
            for m in by_id[sid]["members"]:
                m["sources"] = sources.get(m["document_id"], [m["uri"]])
    return rows


# ---- framing ----------------------------------------------------------------------------------

def actor_mentions(store: Store, outlets: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Every mention resolved to an actor, with its document's outlet and the actor's name."""
    sql = ("SELECT m.document_id, m.start, m.end, m.text, m.actor_id, a.name AS actor_name, d.outlet, d.uri, "
           "substr(d.text, max(1, m.start - 80), m.end - m.start + 160) AS context "
           "FROM mentions m JOIN documents d ON d.id = m.document_id LEFT JOIN actors a ON a.id = m.actor_id "
           "WHERE m.actor_id IS NOT NULL AND d.duplicate_of IS NULL")
    params: list = []
    if outlets:
        sql += f" AND d.outlet IN ({_marks(len(outlets))})"
        params = list(outlets)
    return [dict(r) for r in store.conn.execute(sql + " ORDER BY d.outlet, m.document_id, m.start", params)]


def story_texts(store: Store) -> list[dict[str, Any]]:
    """(story, document, outlet, text) for every member document of every story."""
    return [dict(r) for r in store.conn.execute(
        "SELECT DISTINCT m.story_id, m.document_id, m.outlet, d.uri, d.text FROM story_members m "
        "JOIN documents d ON d.id = m.document_id ORDER BY m.story_id, m.document_id")]


def replace_framing(store: Store, rows: Iterable[dict[str, Any]]) -> None:
    store.conn.execute("DELETE FROM framing")
    store.conn.executemany(
        "INSERT INTO framing VALUES (:outlet, :target_kind, :target, :target_name, :term, :count, :document_id, "
        ":example_start, :example_end, :example)", list(rows))


def framing_rows(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.conn.execute(
        "SELECT * FROM framing ORDER BY target_kind, target, outlet, count DESC, term")]


def quote_rows(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.conn.execute(
        "SELECT q.document_id, q.speaker, q.speaker_actor, q.direct, d.outlet, d.uri FROM quotes q "
        "JOIN documents d ON d.id = q.document_id WHERE d.duplicate_of IS NULL")]


def attribution_counts(store: Store) -> list[dict[str, Any]]:
    """Per outlet: figures and events, and how many of each name a claimant."""
    rows: dict[str, dict] = {}
    for r in store.conn.execute(
            "SELECT d.outlet, d.uri, COUNT(*) AS n, SUM(f.claimant IS NOT NULL) AS claimed FROM figures f "
            "JOIN documents d ON d.id = f.document_id WHERE d.duplicate_of IS NULL GROUP BY d.id"):
        key = r["outlet"] or r["uri"]
        e = rows.setdefault(key, {"outlet": key, "figures": 0, "figures_claimed": 0, "events": 0,
                                  "events_claimed": 0})
        e["figures"] += r["n"]
        e["figures_claimed"] += r["claimed"] or 0
    for r in store.conn.execute(
            "SELECT d.outlet, d.uri, COUNT(*) AS n, SUM(e.fatalities_claimant IS NOT NULL) AS claimed FROM events e "
            "JOIN documents d ON d.id = e.document_id WHERE d.duplicate_of IS NULL GROUP BY d.id"):
        key = r["outlet"] or r["uri"]
        e = rows.setdefault(key, {"outlet": key, "figures": 0, "figures_claimed": 0, "events": 0,
                                  "events_claimed": 0})
        e["events"] += r["n"]
        e["events_claimed"] += r["claimed"] or 0
    return sorted(rows.values(), key=lambda r: r["outlet"])


class StoryTables:
    """The functions above bound to one store: what `dateline.corpus` reads and writes through."""

    def __init__(self, store: Store):
        self.store = store
        self._cache_raised = False

    def __getattr__(self, name: str):
        fn = _BOUND.get(name)
        if fn is None:
            raise AttributeError(name)
        return lambda *a, **kw: fn(self.store, *a, **kw)

    def transaction(self):
        if not self._cache_raised:
            # Grouping inserts blocking keys all over one large index (term bands are hashes, so
            # every batch lands on most of its pages). With SQLite's default 2 MiB page cache each
            # batch re-reads those pages and spills them half-written; 16 MiB keeps them.
            (size,) = self.store.conn.execute("PRAGMA cache_size").fetchone()
            if size < 0 and -size < _CACHE_KIB:        # negative: KiB; SQLite's default is -2000
                self.store.conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
            self._cache_raised = True
        return self.store.transaction()


_BOUND = {f.__name__: f for f in (
    documents_of_run, all_documents, profile_inputs, save_profiles, load_profiles, documents_with_keys, copies_of,
    stories_of, member_documents, story_rows, evidence_inputs, replace_stories, clear_stories, list_stories,
    actor_mentions, story_texts, replace_framing, framing_rows, quote_rows, attribution_counts)}


def update_for_run(store: Store, run_id: int, *, gazetteer: str | None = None) -> None:
    """Update the stories around the documents a run added or re-derived (what `run()` calls)."""
    from ..corpus.framing import update_framing
    from ..corpus.stories import update_stories

    doc_ids = documents_of_run(store, run_id)
    if not doc_ids:
        return
    gz = None
    try:
        from ..resolve.gazetteer import Gazetteer

        gz = Gazetteer.open_default(gazetteer)
    except Exception:   # noqa: BLE001 - grouping works without it, only non-English places are lost
        gz = None
    try:
        tables = StoryTables(store)
        update_stories(tables, doc_ids, run_id=run_id, gazetteer=gz)
        with store.transaction():
            update_framing(tables)
    finally:
        if gz is not None:
            gz.close()

"""The SQLite store: every SQL statement dateline runs lives in this module.

Responsible for the schema (versioned migrations in `migrations/`), transactions (one per batch),
content-hash idempotency, and reading documents back. Not responsible for deciding what is a
duplicate (corpus stage) or what a document contains (extract stage): it stores what it is given.

One writer per database: a run holds one connection in WAL mode, so readers (the web app, a second
`dateline docs`) never block it and never see half a batch.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import StoreCorrupt, StoreNotFound
from .event_filter import EventQuery, event_where
from .folding import fold
from ..model import (Article, DateMention, Document, Event, Failure, Figure, Mention, Paragraph,
                     PartialDate, Quote)

SCHEMA_TABLE = "schema_migrations"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("dateline.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.name, entry.read_text("utf-8")))
    return sorted(found)


class Store:
    """A dateline database. Use `Store.open(path)`; close it (or use `with`) when done."""

    def __init__(self, conn: sqlite3.Connection, path: str, readonly: bool):
        self.conn, self.path, self.readonly = conn, path, readonly

    # ---- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False, create: bool = True) -> Store:
        path = str(path)
        exists = path == ":memory:" or Path(path).exists()
        if not exists and (readonly or not create):
            raise StoreNotFound(f"no database at {path} (run `dateline run ... --db {path}` first)")
        try:
            if readonly:
                conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True,
                                       check_same_thread=False, isolation_level=None)
            else:
                if path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                # Autocommit mode: transactions are opened and closed explicitly by `transaction()`.
                conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.create_function("fold", 1, fold, deterministic=True)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            if not readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(conn, path, readonly)
            store._check_or_migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreCorrupt(f"{path} is not a usable dateline database: {exc}") from None
        return store

    def _check_or_migrate(self) -> None:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and SCHEMA_TABLE not in tables:
            raise StoreCorrupt(f"{self.path} is an SQLite file but not a dateline database")
        if self.readonly:
            if not tables:
                raise StoreCorrupt(f"{self.path} is empty, not a dateline database")
            return
        self.conn.execute(f"CREATE TABLE IF NOT EXISTS {SCHEMA_TABLE} "
                          "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        done = {r[0] for r in self.conn.execute(f"SELECT version FROM {SCHEMA_TABLE}")}
        for version, name, sql in _migrations():
            if version in done:
                continue
            # executescript commits first; wrap the migration so a failure leaves nothing half-applied.
            self.conn.executescript("BEGIN;\n" + sql + f"\nINSERT INTO {SCHEMA_TABLE} VALUES "
                                    f"({version}, '{name}', '{_now()}');\nCOMMIT;")

    @property
    def schema_version(self) -> int:
        row = self.conn.execute(f"SELECT MAX(version) FROM {SCHEMA_TABLE}").fetchone()
        return int(row[0] or 0)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: a crash or Ctrl-C inside leaves the database as it was before."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()

    # ---- runs ------------------------------------------------------------------------------

    def begin_run(self, *, pipeline_version: str, config: dict, resources_: dict, sources: list[str]) -> int:
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs (started_at, pipeline_version, config_json, resources_json, sources_json) "
                "VALUES (?, ?, ?, ?, ?)",
                (_now(), pipeline_version, json.dumps(config, sort_keys=True),
                 json.dumps(resources_, sort_keys=True), json.dumps(sources)))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, *, status: str, counts: dict[str, int]) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE runs SET finished_at = ?, status = ?, seen = ?, added = ?, updated = ?, "
                "unchanged = ?, failed = ? WHERE id = ?",
                (_now(), status, counts.get("seen", 0), counts.get("added", 0), counts.get("updated", 0),
                 counts.get("unchanged", 0), counts.get("failed", 0), run_id))

    def runs(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM runs ORDER BY id")]

    # ---- writing ---------------------------------------------------------------------------

    def document_version(self, article_id: str) -> str | None:
        """The pipeline version that produced the stored document for this article, if any."""
        row = self.conn.execute("SELECT pipeline_version FROM documents WHERE article_id = ?",
                                (article_id,)).fetchone()
        return row[0] if row else None

    def put_article(self, article: Article, run_id: int) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO articles (id, uri, media_type, encoding, fetched_at, hints_json, raw, "
            "first_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.uri, article.media_type, article.encoding, article.fetched_at,
             json.dumps(article.hints, default=str), article.raw, run_id))
        self.conn.execute("INSERT OR IGNORE INTO article_sources (article_id, uri, first_run) VALUES (?, ?, ?)",
                          (article.id, article.uri, run_id))

    def put_document(self, doc: Document, *, pipeline_version: str, run_id: int,
                     minhash: bytes | None, band_keys: Iterable[tuple[int, int]]) -> str:
        """Insert or re-derive; returns 'added' or 'updated'."""
        pub = doc.published
        values = dict(
            id=doc.id, article_id=doc.article_id, pipeline_version=pipeline_version, run_id=run_id,
            uri=doc.uri, media_type=doc.media_type, url=doc.url, outlet=doc.outlet, title=doc.title,
            authors_json=json.dumps(doc.authors, ensure_ascii=False),
            published_start=pub.start if pub else None, published_end=pub.end if pub else None,
            published_precision=pub.precision if pub else None, published_text=pub.text if pub else None,
            dateline=doc.dateline, language=doc.language, language_score=doc.language_score,
            word_count=doc.word_count, text=doc.text,
            paragraphs_json=json.dumps([p.to_dict() for p in doc.paragraphs], ensure_ascii=False),
            warnings_json=json.dumps(doc.warnings, ensure_ascii=False),
            duplicate_of=doc.duplicate_of, similarity=doc.similarity, minhash=minhash)
        existed = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if existed:
            sets = ", ".join(f"{k} = :{k}" for k in values if k != "id")
            self.conn.execute(f"UPDATE documents SET {sets} WHERE id = :id", values)
            self.conn.execute("DELETE FROM minhash_bands WHERE document_id = ?", (doc.id,))
        else:
            cols = ", ".join(values)
            self.conn.execute(f"INSERT INTO documents ({cols}) VALUES ({', '.join(':' + k for k in values)})",
                              values)
        self.conn.executemany("INSERT INTO minhash_bands (band, bucket, document_id) VALUES (?, ?, ?)",
                              [(b, k, doc.id) for b, k in band_keys])
        return "updated" if existed else "added"

    def put_annotations(self, doc_id: str, *, mentions: Iterable[Mention] = (), quotes: Iterable[Quote] = (),
                        figures: Iterable[Figure] = (), dates: Iterable[DateMention] = ()) -> None:
        """Replace everything found in one document (call inside the document's transaction)."""
        for table in ("mentions", "quotes", "figures", "date_mentions"):
            self.conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
        self.conn.executemany(
            "INSERT OR REPLACE INTO mentions (document_id, start, end, text, label, source, actor_id, geonameid, "
            "place_name, country, admin1, lat, lon, geo_precision) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, m.start, m.end, m.text, m.label, m.source, m.actor,
              *((m.place or {}).get(k) for k in ("geonameid", "name", "country", "admin1", "lat", "lon",
                                                 "geo_precision"))) for m in mentions])
        self.conn.executemany(
            "INSERT INTO quotes (document_id, start, end, text, direct, cue, speaker, speaker_start, speaker_end, "
            "speaker_actor, via) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, q.start, q.end, q.text, int(q.direct), q.cue, q.speaker, q.speaker_start, q.speaker_end,
              q.speaker_actor, q.via) for q in quotes])
        self.conn.executemany(
            "INSERT INTO figures (document_id, start, end, text, low, high, unit, counts, qualifier, vague, "
            "claimant, claimant_start, claimant_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, f.start, f.end, f.text, f.low, f.high, f.unit, f.counts, f.qualifier, int(f.vague),
              f.claimant, f.claimant_start, f.claimant_end) for f in figures])
        self.conn.executemany(
            "INSERT INTO date_mentions (document_id, start, end, text, value_start, value_end, precision, "
            "relative) VALUES (?,?,?,?,?,?,?,?)",
            [(doc_id, d.start, d.end, d.text, d.value.start if d.value else None,
              d.value.end if d.value else None, d.value.precision if d.value else None, int(d.relative))
             for d in dates])

    def put_events(self, doc_id: str, events: Iterable[Event]) -> None:
        """Replace a document's events (call inside the document's transaction)."""
        self.conn.execute("DELETE FROM events WHERE document_id = ?", (doc_id,))
        rows = []
        for n, e in enumerate(events):
            place = e.place or {}
            first = e.evidence[0] if e.evidence else (0, 0)
            rows.append((f"{doc_id}:{n}", doc_id, n, e.disorder_type, e.event_type, e.sub_event_type, e.confidence,
                         e.actor1, e.actor1_name, e.actor2, e.actor2_name, e.inter1, e.inter2, e.interaction,
                         int(e.civilian_targeting), place.get("name"), place.get("geonameid"), place.get("country"),
                         place.get("admin1"), place.get("admin2"), place.get("lat"), place.get("lon"),
                         place.get("geo_precision"), e.date.start if e.date else None,
                         e.date.end if e.date else None, e.time_precision, e.fatalities, e.fatalities_low,
                         e.fatalities_high, e.fatalities_claimant, first[0], first[1],
                         json.dumps(e.to_dict(), ensure_ascii=False)))
        self.conn.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 33)})", rows)

    def put_actors(self, actors: Iterable[dict[str, Any]]) -> None:
        """Known and provisional actors that mentions point to; a later definition wins."""
        self.conn.executemany(
            "INSERT INTO actors (id, name, kind, inter, country, parent, wikidata, provisional, pack) "
            "VALUES (:id, :name, :kind, :inter, :country, :parent, :wikidata, :provisional, :pack) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, inter = excluded.inter, "
            "country = excluded.country, parent = excluded.parent, wikidata = excluded.wikidata, "
            "provisional = excluded.provisional, pack = excluded.pack", list(actors))

    def actor_names(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT id, name FROM actors")}

    def get_annotations(self, doc_id: str) -> dict[str, list]:
        """Mentions, quotes, figures and dates of a stored document, as model objects."""
        mentions = []
        for r in self.conn.execute("SELECT * FROM mentions WHERE document_id = ? ORDER BY start", (doc_id,)):
            place = None
            if r["lat"] is not None:
                place = {"geonameid": r["geonameid"], "name": r["place_name"], "country": r["country"],
                         "admin1": r["admin1"], "lat": r["lat"], "lon": r["lon"], "geo_precision": r["geo_precision"]}
            mentions.append(Mention(r["start"], r["end"], r["text"], r["label"], r["source"], r["actor_id"], place))
        quotes = [Quote(r["start"], r["end"], r["text"], bool(r["direct"]), r["cue"], r["speaker"], r["speaker_start"],
                        r["speaker_end"], r["speaker_actor"], r["via"])
                  for r in self.conn.execute("SELECT * FROM quotes WHERE document_id = ? ORDER BY start", (doc_id,))]
        figures = [Figure(r["start"], r["end"], r["text"], r["low"], r["high"], r["unit"], r["counts"], r["qualifier"],
                          bool(r["vague"]), r["claimant"], r["claimant_start"], r["claimant_end"])
                   for r in self.conn.execute("SELECT * FROM figures WHERE document_id = ? ORDER BY start", (doc_id,))]
        dates = [DateMention(r["start"], r["end"], r["text"],
                             PartialDate(r["value_start"], r["value_end"], r["precision"], r["text"])
                             if r["value_start"] else None, bool(r["relative"]))
                 for r in self.conn.execute("SELECT * FROM date_mentions WHERE document_id = ? ORDER BY start",
                                            (doc_id,))]
        return {"mentions": mentions, "quotes": quotes, "figures": figures, "dates": dates}

    def duplicate_candidates(self, keys: list[tuple[int, int]], *, exclude: str | None = None
                             ) -> list[tuple[str, bytes, str | None]]:
        if not keys:
            return []
        clause = " OR ".join("(b.band = ? AND b.bucket = ?)" for _ in keys)
        params: list[Any] = [v for k in keys for v in k]
        rows = self.conn.execute(
            f"SELECT DISTINCT d.id, d.minhash, d.duplicate_of FROM minhash_bands b "
            f"JOIN documents d ON d.id = b.document_id WHERE ({clause}) AND d.minhash IS NOT NULL "
            f"AND d.id != ? ORDER BY d.rowid", params + [exclude or ""])
        return [(r[0], r[1], r[2]) for r in rows]

    def put_failure(self, failure: Failure, run_id: int) -> None:
        self.conn.execute(
            "INSERT INTO failures (uri, stage, code, message, article_id, first_run, last_run) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uri, stage, code, message) "
            "DO UPDATE SET last_run = excluded.last_run, times = times + 1",
            (failure.uri, failure.stage, failure.code, failure.message, failure.article_id, run_id, run_id))

    # ---- reading ---------------------------------------------------------------------------

    def count_documents(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def resolve_id(self, prefix: str) -> str:
        """A full document id from a unique prefix (at least 4 characters), as `git` does."""
        if len(prefix) < 4:
            raise KeyError(f"document id prefix {prefix!r} is too short (4 characters at least)")
        rows = self.conn.execute("SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2",
                                 (prefix, prefix + "\uffff")).fetchall()
        if not rows:
            raise KeyError(f"no document with id {prefix!r}")
        if len(rows) > 1:
            raise KeyError(f"document id prefix {prefix!r} is ambiguous")
        return rows[0][0]

    def get_document(self, doc_id: str) -> Document:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (self.resolve_id(doc_id),)).fetchone()
        return row_to_document(row)

    def iter_documents(self, *, order: str = "published") -> Iterator[Document]:
        key = {"published": "published_start IS NULL, published_start, rowid", "added": "rowid"}[order]
        for row in self.conn.execute(f"SELECT * FROM documents ORDER BY {key}"):
            yield row_to_document(row)

    def document_rows(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Summary rows (no text) for tables and exports."""
        sql = ("SELECT id, uri, outlet, title, authors_json, published_start, published_precision, "
               "dateline, language, word_count, duplicate_of, similarity FROM documents "
               "ORDER BY published_start IS NULL, published_start, rowid")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [dict(r) for r in self.conn.execute(sql)]

    def sources_of(self, doc_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT s.uri FROM article_sources s JOIN documents d ON d.article_id = s.article_id "
            "WHERE d.id = ? ORDER BY s.uri", (doc_id,))]

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search, best first (BM25), with a highlighted snippet. FTS5 query syntax."""
        try:
            rows = self.conn.execute(
                "SELECT d.id, d.title, d.outlet, d.published_start, d.uri, "
                "snippet(documents_fts, 1, '[', ']', ' … ', 12) AS snippet, bm25(documents_fts) AS rank "
                "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
                "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit)).fetchall()
        except sqlite3.OperationalError:
            # Users type plain words and punctuation, not FTS syntax: quote each term and try again.
            terms = " ".join('"' + t.replace('"', '""') + '"' for t in query.split())
            if not terms:
                return []
            return self.search(terms, limit=limit) if terms != query else []
        return [dict(r) for r in rows]

    def events(self, query: EventQuery | None = None, *, event_type: str | None = None, actor: str | None = None,
               place: str | None = None, since: str | None = None, until: str | None = None,
               document: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored events with their document's outlet and source, newest first.

        Filters follow `event_filter.event_where` (the web app's too): `event_type` is an event or
        sub-event type in any case; `actor` and `place` an id or part of a name; `since`/`until`
        ISO dates that overlap the event's dates. A `query` is combined with the keyword filters.
        """
        query = replace(query or EventQuery(), **{k: v for k, v in {
            "type": event_type, "actor": actor, "place": place, "since": since, "until": until,
            "document": document}.items() if v})
        return list(self.stream_events(query, limit=limit))

    def stream_events(self, query: EventQuery | None = None, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Like `events()`, one row at a time: exports of any size run in constant memory."""
        clause, params = event_where(self.conn, query or EventQuery())
        # The evidence is cut in SQL so a row never carries its whole document's text.
        sql = ("SELECT e.*, d.outlet, d.uri, d.url, d.title, d.published_start, substr(d.text, "
               "e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence FROM events e "
               "JOIN documents d ON d.id = e.document_id" + clause
               + " ORDER BY e.date_start IS NULL, e.date_start DESC, e.document_id, e.n")
        if limit:
            sql += f" LIMIT {int(limit)}"
        for r in self.conn.execute(sql, params):
            yield dict(r)

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM failures ORDER BY id")]

    def stats(self) -> dict[str, Any]:
        q = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": q("SELECT COUNT(*) FROM documents"),
            "outlets": q("SELECT COUNT(DISTINCT outlet) FROM documents WHERE outlet IS NOT NULL"),
            "duplicates": q("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"),
            "non_english": q("SELECT COUNT(*) FROM documents WHERE language IS NOT NULL AND language != 'en'"),
            "first_published": q("SELECT MIN(published_start) FROM documents"),
            "last_published": q("SELECT MAX(published_end) FROM documents"),
            "undated": q("SELECT COUNT(*) FROM documents WHERE published_start IS NULL"),
            "failures": q("SELECT COUNT(*) FROM failures"),
            "events": q("SELECT COUNT(*) FROM events"),
        }


def row_to_document(row: sqlite3.Row) -> Document:
    pub = None
    if row["published_start"]:
        pub = PartialDate(row["published_start"], row["published_end"], row["published_precision"],
                          row["published_text"])
    return Document(
        id=row["id"], article_id=row["article_id"], uri=row["uri"], text=row["text"],
        paragraphs=[Paragraph(**p) for p in json.loads(row["paragraphs_json"])],
        media_type=row["media_type"], outlet=row["outlet"], url=row["url"], title=row["title"],
        authors=json.loads(row["authors_json"]), published=pub, dateline=row["dateline"],
        language=row["language"], language_score=row["language_score"],
        duplicate_of=row["duplicate_of"], similarity=row["similarity"],
        warnings=json.loads(row["warnings_json"]))

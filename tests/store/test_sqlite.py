"""The SQLite store: migrations, idempotent writes, transactions, search, and refusing bad files."""
from __future__ import annotations

import sqlite3

import pytest

from dateline.errors import StoreCorrupt, StoreNotFound
from dateline.model import Article, Document, Failure, Paragraph, PartialDate
from dateline.store import Store


def make_doc(text: str, title: str = "A title", raw: bytes | None = None) -> tuple[Article, Document]:
    raw = raw or text.encode()
    art = Article.from_bytes(raw, uri="mem://x", media_type="text/plain", text=text)
    para = Paragraph("body", text, 0, len(text), 0, len(text))
    doc = Document(id=art.id, article_id=art.id, uri=art.uri, text=text, paragraphs=[para], title=title,
                   published=PartialDate.parse_iso("2017-10-20", "20 Oct 2017"), outlet="Wire")
    return art, doc


def store_one(store: Store, text: str, **kw) -> Document:
    art, doc = make_doc(text, **kw)
    run = store.begin_run(pipeline_version="t", config={}, resources_={}, sources=[])
    with store.transaction():
        store.put_article(art, run)
        store.put_document(doc, pipeline_version="t", run_id=run, minhash=None, band_keys=[])
    return doc


def test_a_new_database_is_migrated_and_in_wal_mode(db):
    with Store.open(db) as store:
        assert store.schema_version >= 1
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store.open(db) as again:              # opening twice applies nothing twice
        assert again.schema_version >= 1


def test_documents_round_trip_and_search_finds_them(db):
    with Store.open(db) as store:
        doc = store_one(store, "Fighters captured the Tabqa dam after a week of clashes.", title="Tabqa dam taken")
        got = store.get_document(doc.id[:8])
        assert got.text == doc.text and got.title == doc.title
        assert got.published == doc.published
        hits = store.search("tabqa")
        assert [h["id"] for h in hits] == [doc.id]
        assert "[Tabqa]" in hits[0]["snippet"]
        assert store.search('dam" OR (') is not None       # broken FTS syntax is retried as plain words


def test_re_deriving_replaces_the_document_and_its_index_entry(db):
    with Store.open(db) as store:
        art, doc = make_doc("Old text about Manbij.")
        run = store.begin_run(pipeline_version="1", config={}, resources_={}, sources=[])
        with store.transaction():
            store.put_article(art, run)
            assert store.put_document(doc, pipeline_version="1", run_id=run, minhash=None, band_keys=[]) == "added"
        doc.text = "New text about Kobani."
        with store.transaction():
            assert store.put_document(doc, pipeline_version="2", run_id=run, minhash=None, band_keys=[]) == "updated"
        assert store.count_documents() == 1
        assert store.search("Manbij") == [] and len(store.search("Kobani")) == 1
        assert store.document_version(art.id) == "2"


def test_a_failed_transaction_leaves_nothing_behind(db):
    with Store.open(db) as store:
        art, doc = make_doc("Text that will not be committed.")
        run = store.begin_run(pipeline_version="t", config={}, resources_={}, sources=[])
        with pytest.raises(KeyboardInterrupt):
            with store.transaction():
                store.put_article(art, run)
                store.put_document(doc, pipeline_version="t", run_id=run, minhash=None, band_keys=[])
                raise KeyboardInterrupt
        assert store.count_documents() == 0
        assert store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0


def test_the_same_failure_twice_is_one_row(db):
    with Store.open(db) as store:
        f = Failure("bad.pdf", "ingest", "binary", "binary file (PDF document), not text")
        for _ in range(2):
            run = store.begin_run(pipeline_version="t", config={}, resources_={}, sources=[])
            with store.transaction():
                store.put_failure(f, run)
        rows = store.failures()
        assert len(rows) == 1 and rows[0]["times"] == 2


def test_read_only_open_of_a_missing_file_says_so(tmp_path):
    with pytest.raises(StoreNotFound, match="no database"):
        Store.open(tmp_path / "nope.sqlite", readonly=True)
    assert not (tmp_path / "nope.sqlite").exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreCorrupt):
        Store.open(junk)
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreCorrupt, match="not a dateline database"):
        Store.open(other)

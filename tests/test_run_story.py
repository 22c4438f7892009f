"""The user's story for `dateline run`: a folder of messy pages becomes a stored, searchable corpus."""
from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from dateline.cli import main
from dateline.pipeline import PIPELINE_VERSION, run
from dateline.store import Store


def cli(*args: str) -> int:
    try:
        main(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_the_five_samples_are_stored_once(samples_dir, db, capsys):
    assert cli("run", str(samples_dir / "articles"), "--db", db) == 0
    out = capsys.readouterr().out
    assert "5 added" in out and "failures: 0" in out
    assert cli("run", str(samples_dir / "articles"), "--db", db) == 0
    out = capsys.readouterr().out
    assert "0 added" in out and "5 unchanged" in out
    with Store.open(db, readonly=True) as store:
        assert store.count_documents() == 5
        assert [r["status"] for r in store.runs()] == ["ok", "ok"]
        assert store.runs()[0]["pipeline_version"] == PIPELINE_VERSION
        assert json.loads(store.runs()[0]["resources_json"])["trafilatura"]


def test_search_show_docs_and_export(samples_dir, db, tmp_path, capsys):
    cli("run", str(samples_dir / "articles"), "--db", db)
    capsys.readouterr()
    assert cli("search", "Hasakah", "--db", db) == 0
    out = capsys.readouterr().out
    assert "ISIS senior commanders evacuate" in out and "[hasakah]" in out.lower()
    assert cli("docs", "--db", db) == 0
    assert "5 document(s)" in capsys.readouterr().out
    with Store.open(db, readonly=True) as store:
        doc_id = next(r["id"] for r in store.document_rows() if r["title"] and "secret cells" in r["title"])
    assert cli("show", doc_id[:10], "--db", db) == 0
    shown = capsys.readouterr().out
    assert "[title]" in shown and "[byline]" in shown and "boilerplate removed: Post new comment" in shown
    out_file = tmp_path / "docs.jsonl"
    assert cli("export", "--format", "jsonl", "-o", str(out_file), "--db", db) == 0
    records = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert len(records) == 5 and all(r["text"] and r["sources"] for r in records)
    pq = tmp_path / "docs.parquet"
    assert cli("export", "--format", "parquet", "-o", str(pq), "--db", db) == 0
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_parquet(pq)
    assert len(frame) == 5 and set(frame["id"]) == {r["id"] for r in records}
    csv_file = tmp_path / "docs.csv"
    assert cli("export", "--format", "csv", "-o", str(csv_file), "--db", db) == 0
    assert len(pandas.read_csv(csv_file)) == 5


def test_a_corrupt_file_among_good_ones_fails_alone(samples_dir, db, tmp_path, capsys):
    folder = tmp_path / "in"
    shutil.copytree(samples_dir / "articles", folder)
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" * 20)
    (folder / "empty.txt").write_bytes(b"")
    assert cli("run", str(folder), "--db", db) == 4
    captured = capsys.readouterr()
    assert "5 added" in captured.out
    failed = [line for line in captured.err.splitlines() if line.startswith("failed:")]
    assert len(failed) == 2 and any("scan.pdf" in f for f in failed) and any("empty.txt" in f for f in failed)
    with Store.open(db, readonly=True) as store:
        assert store.count_documents() == 5
        assert {f["code"] for f in store.failures()} == {"binary", "empty"}
    # running again changes nothing stored and records no new failure rows
    assert cli("run", str(folder), "--db", db) == 4
    with Store.open(db, readonly=True) as store:
        assert store.count_documents() == 5 and len(store.failures()) == 2


def test_an_interrupted_run_keeps_finished_batches_and_a_consistent_database(samples_dir, db):
    from dateline.config import Config
    from dateline.ingest import iter_articles

    def interrupted():
        for i, item in enumerate(iter_articles([str(samples_dir / "articles")])):
            if i == 3:
                raise KeyboardInterrupt
            yield item

    with pytest.raises(KeyboardInterrupt):
        run([], db, config=Config(batch_size=2), articles=interrupted())
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
    assert con.execute("SELECT status FROM runs").fetchone()[0] == "interrupted"
    con.close()
    summary = run([str(samples_dir / "articles")], db)
    assert summary.counts["added"] == 3 and summary.counts["unchanged"] == 2


def test_read_commands_on_a_missing_or_corrupt_database_say_so(tmp_path, capsys):
    assert cli("docs", "--db", str(tmp_path / "missing.sqlite")) == 2
    assert "no database" in capsys.readouterr().err
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 1000)
    assert cli("docs", "--db", str(bad)) == 2
    assert "not a usable dateline database" in capsys.readouterr().err


def test_workers_give_the_same_documents(samples_dir, tmp_path):
    from dateline.config import Config

    one, two = str(tmp_path / "one.sqlite"), str(tmp_path / "two.sqlite")
    run([str(samples_dir / "articles")], one)
    run([str(samples_dir / "articles")], two, config=Config(workers=2))
    with Store.open(one, readonly=True) as a, Store.open(two, readonly=True) as b:
        assert [d.text for d in a.iter_documents()] == [d.text for d in b.iter_documents()]


def test_the_same_bytes_under_two_names_are_analysed_once_with_workers(samples_dir, tmp_path):
    from dateline.config import Config

    folder = tmp_path / "in"
    folder.mkdir()
    first = sorted((samples_dir / "articles").glob("*.txt"))[0].read_bytes()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_bytes(first)
    for workers, batch_size in ((2, 1), (1, 2)):
        db = str(tmp_path / f"w{workers}.sqlite")
        summary = run([str(folder)], db, config=Config(workers=workers, batch_size=batch_size))
        assert summary.counts["added"] == 1 and summary.counts["unchanged"] == 2, summary.counts
        with Store.open(db, readonly=True) as store:
            assert len(list(store.iter_documents())) == 1
            assert len(store.sources_of(next(store.iter_documents()).id)) == 3

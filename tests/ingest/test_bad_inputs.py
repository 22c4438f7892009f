"""One folder of the inputs that break ingest in real life: each bad one is one clear Failure."""
from __future__ import annotations

from pathlib import Path

from dateline.ingest import iter_articles
from dateline.model import Article, Failure

from .conftest import page, warc_bytes

CAP = 20_000


def build_folder(root: Path) -> None:
    files: dict[str, bytes] = {
        "01-good.txt": b"DAMASCUS (Reuters) - Shelling killed 12 people on Monday.\n",
        "02-good.html": b"<!doctype html><html><body><p>Clashes in Idlib.</p></body></html>",
        "03-report.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>",
        "04-photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        "05-empty.txt": b"",
        "06-huge.txt": b"x" * (CAP + 1),
        "07-cp1252.txt": "The army said “at least 12 civilians” were killed – "
                         "the Observatory disputed the café figures.".encode("cp1252"),
        "08-broken.html": b"<html><body><p>unclosed <div>",
        "10-nul.txt": b"Report text\x00\x00\x00with NUL bytes in it",
        "11-blank.md": b"  \n\n\t \n",
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    full = warc_bytes([page(1), page(2)], gzip=True)
    (root / "09-cut.warc.gz").write_bytes(full[:-60])


def test_bad_inputs_folder(tmp_path: Path) -> None:
    build_folder(tmp_path)
    out = list(iter_articles([str(tmp_path)], max_bytes=CAP))
    summary = [(Path(o.uri).name if not o.uri.startswith("http") else o.uri,
                o.code if isinstance(o, Failure) else o.media_type) for o in out]
    assert summary == [
        ("01-good.txt", "text/plain"),
        ("02-good.html", "text/html"),
        ("03-report.pdf", "binary"),
        ("04-photo.png", "binary"),
        ("05-empty.txt", "empty"),
        ("06-huge.txt", "too_large"),
        ("07-cp1252.txt", "text/plain"),
        ("08-broken.html", "text/html"),
        ("http://news.example/story/1", "text/html"),
        ("09-cut.warc.gz", "truncated"),
        ("10-nul.txt", "binary"),
        ("11-blank.md", "empty"),
    ]
    lines = [o.line().removeprefix(str(tmp_path) + "/") for o in out if isinstance(o, Failure)]
    assert lines == [
        "03-report.pdf: binary file (PDF document), not text",
        "04-photo.png: binary file (PNG image), not text",
        "05-empty.txt: empty file (0 bytes)",
        "06-huge.txt: file is 20,001 bytes, over the 20,000 bytes limit (max_bytes)",
        "09-cut.warc.gz: archive is truncated: it ends in the middle of record 5",
        "10-nul.txt: binary file (contains NUL bytes), not text",
        "11-blank.md: empty file (only whitespace)",
    ]
    by_name = {Path(o.uri).name: o for o in out if isinstance(o, Article)}
    assert "“at least 12 civilians”" in by_name["07-cp1252.txt"].text
    assert by_name["07-cp1252.txt"].warnings
    assert by_name["08-broken.html"].text == "<html><body><p>unclosed <div>"


def test_order_is_deterministic(tmp_path: Path) -> None:
    build_folder(tmp_path)
    first = [(o.uri, type(o).__name__) for o in iter_articles([str(tmp_path)], max_bytes=CAP)]
    second = [(o.uri, type(o).__name__) for o in iter_articles([str(tmp_path)], max_bytes=CAP)]
    assert first == second

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dateline.ingest import iter_articles
from dateline.ingest.warc import iter_warc
from dateline.model import Article, Failure

from .conftest import page, warc_bytes

ARABIC = "قال الجيش السوري إن قواته دخلت المدينة"


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_responses_become_articles(write_warc, name: str) -> None:
    path = write_warc(name, [page(1), page(2)])
    out = list(iter_articles([str(path)]))
    assert [a.uri for a in out] == ["http://news.example/story/1", "http://news.example/story/2"]
    first = out[0]
    assert isinstance(first, Article)
    assert first.media_type == "text/html"
    assert "Story 1" in first.text
    assert first.fetched_at and first.fetched_at.startswith("20")
    assert first.hints["url"] == "http://news.example/story/1"
    assert first.hints["warc_file"] == str(path)
    assert first.hints["warc_record"] == 3  # after warcinfo and the request


def test_http_header_charset_decodes_the_payload(write_warc) -> None:
    html = f"<html><body><p>{ARABIC}</p></body></html>".encode("cp1256")
    path = write_warc("ar.warc.gz", [("http://ar.example/1", html,
                                      "text/html; charset=windows-1256")])
    (article,) = iter_articles([str(path)])
    assert ARABIC in article.text
    assert article.encoding == "cp1256"


def test_non_pages_are_skipped_and_bad_pages_fail(write_warc) -> None:
    path = write_warc("mixed.warc", [
        page(1),
        ("http://news.example/logo.png", b"\x89PNG\r\n\x1a\nxxxx", "image/png"),
        ("http://news.example/app.js", b"var x = 1;", "application/javascript"),
        ("http://news.example/empty", b"", "text/html"),
        ("http://news.example/fake.html", b"%PDF-1.4 not html", "text/html"),
        page(2),
    ])
    out = list(iter_articles([str(path)]))
    assert [(o.uri, getattr(o, "code", "ok")) for o in out] == [
        ("http://news.example/story/1", "ok"),
        ("http://news.example/empty", "empty"),
        ("http://news.example/fake.html", "binary"),
        ("http://news.example/story/2", "ok"),
    ]
    assert out[2].message == f"binary record 11 of {path} (PDF document), not text"


def test_error_pages_are_not_articles() -> None:
    data = warc_bytes([page(1)], gzip=False, status="404 Not Found")
    assert list(iter_warc(io.BytesIO(data), uri="x.warc", max_bytes=10**6)) == []


def test_an_oversized_payload_fails_and_the_next_record_is_read(write_warc) -> None:
    path = write_warc("big.warc.gz", [page(1, "y" * 50_000), page(2)])
    out = list(iter_articles([str(path)], max_bytes=10_000))
    assert isinstance(out[0], Failure) and out[0].code == "too_large"
    assert out[0].uri == "http://news.example/story/1"
    assert isinstance(out[1], Article)


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
def test_truncated_archive_yields_good_records_then_one_failure(write_warc, name: str) -> None:
    full = write_warc("full-" + name, [page(1), page(2), page(3)]).read_bytes()
    path = write_warc(name, [page(1), page(2), page(3)], cut=len(full) - 60)
    out = list(iter_articles([str(path)]))
    assert [type(o).__name__ for o in out] == ["Article", "Article", "Failure"]
    failure = out[-1]
    assert failure.code == "truncated"
    assert failure.line() == f"{path}: archive is truncated: it ends in the middle of record 7"


def test_truncation_in_the_first_member_is_reported(write_warc) -> None:
    path = write_warc("stub.warc.gz", [page(1)], cut=30)
    out = list(iter_articles([str(path)]))
    assert len(out) == 1 and out[0].code == "truncated"


def test_warc_without_extension_is_sniffed(write_warc) -> None:
    path = write_warc("crawl-0001", [page(1)], gzip=True)
    (article,) = iter_articles([str(path)])
    assert article.uri == "http://news.example/story/1"


def test_warc_on_stdin(write_warc) -> None:
    data = warc_bytes([page(1), page(2)], gzip=True)
    out = list(iter_articles(["-"], stdin=io.BytesIO(data)))
    assert len(out) == 2 and all(isinstance(a, Article) for a in out)


def test_gzip_that_is_not_warc_is_binary(tmp_path: Path) -> None:
    import gzip
    path = tmp_path / "notes.txt.gz"
    path.write_bytes(gzip.compress(b"just text"))
    (failure,) = iter_articles([str(path)])
    assert failure.code == "binary"
    assert failure.message == "binary file (gzip archive), not text"

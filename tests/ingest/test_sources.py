from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from dateline.ingest import iter_articles
from dateline.ingest.sources import (STDIN, expand_sources, format_from_name, parse_content_type,
                                     sniff_format)
from dateline.model import Article, Failure


def make(root: Path, files: dict[str, bytes | str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)


def test_folders_are_walked_recursively_in_name_order_skipping_hidden(tmp_path: Path) -> None:
    make(tmp_path, {"b.txt": "b", "a/z.html": "<p>z</p>", "a/c.md": "# c", "c.txt": "c",
                    ".hidden.txt": "h", ".git/config.txt": "g", "a/.cache/x.txt": "x"})
    found = list(expand_sources([str(tmp_path)]))
    assert found == [str(tmp_path / p) for p in ("a/c.md", "a/z.html", "b.txt", "c.txt")]


def test_globs_are_sorted_and_recursive(tmp_path: Path) -> None:
    make(tmp_path, {"2.txt": "2", "1.txt": "1", "x.html": "<p>x</p>", "deep/er/3.html": "<p/>",
                    ".dot/4.html": "<p/>"})
    assert list(expand_sources([str(tmp_path / "*.txt")])) == \
        [str(tmp_path / "1.txt"), str(tmp_path / "2.txt")]
    assert list(expand_sources([str(tmp_path / "**/*.html")])) == \
        [str(tmp_path / "deep/er/3.html"), str(tmp_path / "x.html")]


def test_sources_that_match_nothing_are_failures_not_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    out = list(expand_sources([str(tmp_path / "nope.txt"), str(tmp_path / "*.xml"),
                               str(tmp_path / "empty")]))
    assert [(f.code, f.message) for f in out] == [
        ("missing", "no such file or folder"),
        ("missing", "pattern matched no files"),
        ("missing", "folder has no files to read"),
    ]
    assert all(f.uri.startswith(str(tmp_path)) for f in out)


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    make(tmp_path, {"a.txt": "a"})
    assert list(expand_sources([str(tmp_path / "a.txt"), str(tmp_path / "*.txt")])) == \
        [str(tmp_path / "a.txt")]


def test_stdin_marker_passes_through() -> None:
    assert list(expand_sources(["-"])) == [STDIN]


def test_expansion_is_lazy(tmp_path: Path) -> None:
    make(tmp_path, {"a/1.txt": "1", "b/2.txt": "2"})
    stream = expand_sources([str(tmp_path)])
    assert next(stream) == str(tmp_path / "a/1.txt")
    (tmp_path / "b/3.txt").write_text("3")  # b/ is listed only when the walk reaches it
    assert list(stream) == [str(tmp_path / "b/2.txt"), str(tmp_path / "b/3.txt")]


@pytest.mark.parametrize("name, fmt", [
    ("a.html", "text/html"), ("a.HTM", "text/html"), ("a.xhtml", "text/html"),
    ("a.md", "text/markdown"), ("a.markdown", "text/markdown"), ("a.jsonl", "jsonl"),
    ("a.ndjson", "jsonl"), ("a.warc", "warc"), ("a.warc.gz", "warc"), ("a.arc.gz", "warc"),
    ("a.txt", None), ("a.text", None), ("README", None), ("a.pdf", None)])
def test_format_from_name(name: str, fmt: str | None) -> None:
    assert format_from_name(name) == fmt


@pytest.mark.parametrize("head, fmt", [
    (b"Plain report from Aleppo.", "text/plain"),
    (b"\xef\xbb\xbf  <!DOCTYPE html><html>", "text/html"),
    (b"\n<HTML><body>", "text/html"),
    (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "text/html"),
    (b"<p>a fragment is not a document</p>", "text/plain"),
    (b'{"text": "x", "url": "u"}\n{"text": "y"}', "jsonl"),
    (b'{"not": "a record"}\n', "text/plain"),
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
    (b"%PDF-1.4", "text/plain"),  # the decoder rejects it as binary
])
def test_sniff_format_by_content(head: bytes, fmt: str) -> None:
    assert sniff_format("notes.txt", head) == fmt
    assert sniff_format("notes", head) == fmt


def test_extension_beats_content() -> None:
    assert sniff_format("page.md", b"<!doctype html>") == "text/markdown"


@pytest.mark.parametrize("header, expected", [
    ("text/html; charset=ISO-8859-1", ("text/html", "ISO-8859-1")),
    ('application/xhtml+xml;charset="utf-8"', ("text/html", "utf-8")),
    ("text/plain", ("text/plain", None)),
    ("text/markdown; charset=utf-8", ("text/markdown", "utf-8")),
    (None, ("", None)),
    ("application/octet-stream", ("", None)),
    ("image/png", (None, None)),
    ("application/pdf", (None, None)),
])
def test_parse_content_type(header: str | None, expected: tuple) -> None:
    assert parse_content_type(header) == expected


def test_media_types_of_files(tmp_path: Path) -> None:
    make(tmp_path, {"a.html": "<p>x</p>", "b.md": "# Title\n\nBody", "c.txt": "<!doctype html><p>y",
                    "d": "plain words", "e.text": "more words"})
    out = {Path(a.uri).name: a.media_type for a in iter_articles([str(tmp_path)])}
    assert out == {"a.html": "text/html", "b.md": "text/markdown", "c.txt": "text/html",
                   "d": "text/plain", "e.text": "text/plain"}
    (md,) = iter_articles([str(tmp_path / "b.md")])
    assert md.text == "# Title\n\nBody"


def test_stdin_plain_and_html() -> None:
    (plain,) = iter_articles(["-"], stdin=io.BytesIO(b"Piped report."))
    assert (plain.uri, plain.media_type, plain.text) == ("<stdin>", "text/plain", "Piped report.")
    (html,) = iter_articles(["-"], stdin=io.BytesIO(b"<!doctype html><p>x</p>"))
    assert html.media_type == "text/html"
    (big,) = iter_articles(["-"], stdin=io.BytesIO(b"x" * 500), max_bytes=100)
    assert big.code == "too_large"


def test_size_is_checked_before_reading(tmp_path: Path) -> None:
    # A sparse 50 GB file: reading it would take minutes, the size check takes nothing.
    for name in ("huge.html", "huge.txt"):
        path = tmp_path / name
        with open(path, "wb") as handle:
            handle.truncate(50_000_000_000)
        (failure,) = iter_articles([str(path)], max_bytes=1000)
        assert failure.line() == f"{path}: file is 50 GB, over the 1 KB limit (max_bytes)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret")
    path.chmod(0)
    (failure,) = iter_articles([str(path)])
    assert (failure.code, failure.message) == ("unreadable", "cannot read file (permission denied)")


def test_a_file_that_vanishes_is_a_failure(tmp_path: Path) -> None:
    make(tmp_path, {"a.txt": "a", "b.txt": "b"})
    stream = iter_articles([str(tmp_path)])
    assert isinstance(next(stream), Article)
    (tmp_path / "b.txt").unlink()  # listed already, gone before it is opened
    (failure,) = list(stream)
    assert isinstance(failure, Failure)
    assert (failure.code, failure.message) == ("missing", "file disappeared before it could be read")


def test_programmer_errors_raise() -> None:
    with pytest.raises(TypeError):
        list(iter_articles("a.txt"))
    with pytest.raises(ValueError):
        list(iter_articles(["a.txt"], max_bytes=0))


def test_public_api_is_what_all_says() -> None:
    import dateline.ingest as ingest
    assert ingest.__all__ == sorted(ingest.__all__)
    assert all(callable(getattr(ingest, name)) for name in ingest.__all__)
    public = {n for n, v in vars(ingest).items() if callable(v) and not n.startswith("_")}
    assert public == set(ingest.__all__)

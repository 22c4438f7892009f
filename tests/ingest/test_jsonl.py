from __future__ import annotations

import io
import json
from pathlib import Path

from dateline.ingest import iter_articles
from dateline.ingest.jsonl import iter_jsonl
from dateline.model import Article, Failure


def lines(*records: object) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n"
                    for r in records)


def read(data: bytes, max_bytes: int = 1_000_000) -> list[Article | Failure]:
    return list(iter_jsonl(io.BytesIO(data), uri="feed.jsonl", max_bytes=max_bytes))


def test_records_become_articles_with_hints_and_line_uris() -> None:
    out = read(lines({"text": "Clashes in Idlib.", "url": "https://a.example/1", "title": "T",
                      "published": "2014-03-03", "outlet": "Al-Akhbar", "id": 7},
                     b"",
                     {"html": "<p>Strike on Raqqa</p>"}))
    first, second = out
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.uri == "feed.jsonl#L1" and second.uri == "feed.jsonl#L3"
    assert first.media_type == "text/plain" and second.media_type == "text/html"
    assert first.text == "Clashes in Idlib."
    assert first.raw == "Clashes in Idlib.".encode()
    assert first.hints == {"url": "https://a.example/1", "title": "T", "published": "2014-03-03",
                           "outlet": "Al-Akhbar", "id": "7"}


def test_a_bad_line_is_one_failure_and_the_rest_go_on() -> None:
    out = read(lines({"text": "one"}, b'{"text": "broken', [1, 2], {"title": "no body"},
                     {"text": 5}, {"text": "   "}, {"text": "seven"}))
    assert [type(o).__name__ for o in out] == ["Article"] + ["Failure"] * 5 + ["Article"]
    messages = [o.line() for o in out if isinstance(o, Failure)]
    assert messages == [
        "feed.jsonl#L2: line 2 is not valid JSON (unterminated string starting at column 10)",
        "feed.jsonl#L3: line 3 is a JSON array, not an object with 'text' or 'html'",
        "feed.jsonl#L4: line 4 has no 'text' or 'html' field",
        "feed.jsonl#L5: line 5: 'text' is a JSON number, not a string",
        "feed.jsonl#L6: line 6 has an empty 'text'",
    ]
    assert [o.code for o in out if isinstance(o, Failure)] == ["parse"] * 4 + ["empty"]
    assert out[-1].uri == "feed.jsonl#L7"


def test_html_is_preferred_and_its_meta_charset_not_reapplied() -> None:
    html = '<meta charset="windows-1256"><p>قال الجيش</p>'
    (article,) = read(lines({"text": "plain", "html": html}))
    assert isinstance(article, Article)
    assert article.media_type == "text/html"
    assert article.text == html


def test_an_overlong_line_is_skipped_without_losing_the_next() -> None:
    out = read(lines({"text": "x" * 5000}, {"text": "short"}), max_bytes=100)
    assert isinstance(out[0], Failure) and out[0].code == "too_large"
    assert out[0].uri == "feed.jsonl#L1"
    assert isinstance(out[1], Article) and out[1].text == "short" and out[1].uri == "feed.jsonl#L2"


def test_lone_surrogates_and_bad_utf8_are_replaced_with_warnings() -> None:
    out = read(b'{"text": "a\\ud800b"}\n{"text": "caf\xe9"}\n')
    assert [a.text for a in out] == ["a?b", "caf\ufffd"]
    assert all(a.warnings for a in out)


def test_bom_and_crlf() -> None:
    out = read(b'\xef\xbb\xbf{"text": "one"}\r\n{"text": "two"}\r\n')
    assert [a.text for a in out] == ["one", "two"]


def test_files_are_read_record_by_record(tmp_path: Path) -> None:
    # The file is far over max_bytes; each record is under it, so all of them are read.
    path = tmp_path / "big.ndjson"
    path.write_bytes(lines(*({"text": f"report {i} " + "x" * 50} for i in range(2000))))
    stream = iter_articles([str(path)], max_bytes=200)
    first = next(stream)
    assert isinstance(first, Article) and first.uri == f"{path}#L1"
    assert sum(1 for _ in stream) == 1999


def test_jsonl_content_in_a_txt_file_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes(lines({"text": "one"}, {"text": "two"}))
    assert [a.text for a in iter_articles([str(path)])] == ["one", "two"]


def test_jsonl_on_stdin() -> None:
    out = list(iter_articles(["-"], stdin=io.BytesIO(lines({"text": "piped"}))))
    assert [(a.uri, a.text) for a in out] == [("<stdin>#L1", "piped")]


def test_a_json_file_holds_one_article_or_an_array_of_them(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Clashes in Raqqa.", "outlet": "ARA News"}, indent=2), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"html": "<p>Shelling in Hama.</p>"}, {"title": "no body"}]), encoding="utf-8")
    got = list(iter_articles([str(one), str(many)]))
    assert isinstance(got[0], Article) and got[0].text == "Clashes in Raqqa." and got[0].uri == str(one)
    assert got[0].hints["outlet"] == "ARA News"
    assert isinstance(got[1], Article) and got[1].uri == f"{many}#1" and got[1].media_type == "text/html"
    assert isinstance(got[2], Failure) and got[2].uri == f"{many}#2" and "item 2 has no 'text'" in got[2].message


def test_json_that_is_not_an_article_is_refused_not_read_as_prose(tmp_path: Path) -> None:
    gold = tmp_path / "01_gold.json"
    gold.write_text(json.dumps({"document": {"title": "x"}, "events": []}, indent=1), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"text": "unterminated', encoding="utf-8")
    [not_article], [bad] = list(iter_articles([str(gold)])), list(iter_articles([str(broken)]))
    assert isinstance(not_article, Failure) and not_article.code == "parse"
    assert "not an article" in not_article.message and not_article.uri == str(gold)
    assert isinstance(bad, Failure) and bad.code == "parse" and "not valid JSON" in bad.message

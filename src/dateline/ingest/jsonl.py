"""Articles from JSON Lines (one record a line, read a line at a time) and from whole JSON files.

A record carries its content in `html` (preferred, as it keeps the page's structure for the
extractor) or `text`, and may carry `url`, `title`, `published`, `outlet` and `id`, which become
the article's hints. The article's uri is `<file>#L<line>` so every failure points at a line.
A bad line is one Failure and the lines after it go on.

The content is already text (JSON is Unicode), so no charset is guessed: the article's raw bytes
are the content encoded as UTF-8, which also makes the id independent of JSON escaping.

Not responsible for recognising a file as JSON Lines (`sources`).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from dateline.ingest.decode import binary_kind
from dateline.ingest.failures import STAGE, too_large
from dateline.model import Article, Failure

HINT_FIELDS = ("url", "title", "published", "outlet", "id")
_DRAIN_CHUNK = 65536


def iter_jsonl(stream: BinaryIO, *, uri: str, max_bytes: int) -> Iterator[Article | Failure]:
    """Yield an Article or a Failure for each non-blank line of `stream`.

    `uri` names the file; `max_bytes` caps each line, and a longer line is skipped without
    ever being held in memory whole.
    """
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        line_uri = f"{uri}#L{number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield too_large(line_uri, f"line {number}", max_bytes)
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        yield record_to_article(line, uri=line_uri, number=number)


def record_to_article(line: bytes, *, uri: str, number: int) -> Article | Failure:
    """One JSON Lines line as an Article, or a Failure saying what is wrong with it."""
    warnings: list[str] = []
    try:
        source = line.decode("utf-8")
    except UnicodeDecodeError:
        source = line.decode("utf-8", errors="replace")
        warnings.append("line is not valid UTF-8; replaced invalid bytes with U+FFFD")
    try:
        record = json.loads(source.rstrip("\r\n"))
    except json.JSONDecodeError as error:
        reason = error.msg.removesuffix(" at").lower()
        return _parse_failure(uri, f"line {number} is not valid JSON "
                                   f"({reason} at column {error.colno})")
    return article_from_record(record, uri=uri, where=f"line {number}", warnings=warnings)


def article_from_record(record: Any, *, uri: str, where: str, warnings: list[str] | None = None) -> Article | Failure:
    """A parsed JSON record as an Article, or a Failure whose message starts with `where`."""
    warnings = list(warnings or [])
    if not isinstance(record, dict):
        return _parse_failure(uri, f"{where} is a JSON {_json_type(record)}, not an object with 'text' or 'html'")
    field, content = _content(record)
    if field is None:
        return _parse_failure(uri, f"{where} has no 'text' or 'html' field")
    if not isinstance(content, str):
        return _parse_failure(uri, f"{where}: '{field}' is a JSON {_json_type(content)}, not a string")

    # A JSON "\ud800" escape decodes to a lone surrogate, which UTF-8 cannot hold.
    raw = content.encode("utf-8", errors="replace")
    text = raw.decode("utf-8")
    if text != content:
        warnings.append(f"replaced unpaired surrogates in '{field}' with '?'")
    if not text.strip():
        return Failure(uri, STAGE, "empty", f"{where} has an empty '{field}'")
    kind = binary_kind(raw)
    if kind is not None:
        return Failure(uri, STAGE, "binary", f"{where}: '{field}' is binary ({kind}), not text")
    hints: dict[str, Any] = {}
    for name in HINT_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if isinstance(value, str):
            hints[name] = value
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            hints[name] = str(value)
        else:
            warnings.append(f"ignored '{name}': a JSON {_json_type(value)}, not a string")
    media_type = "text/html" if field == "html" else "text/plain"
    return Article.from_bytes(raw, uri=uri, media_type=media_type, text=text, encoding="utf-8",
                              hints=hints, warnings=tuple(warnings))


def iter_json(stream: BinaryIO, *, uri: str, max_bytes: int) -> Iterator[Article | Failure]:
    """A whole JSON file: one article object, or an array of them (`<file>#<n>` each).

    Any other JSON (a gold file, a config) is one Failure saying it is not an article, rather
    than being read as if its braces and keys were prose.
    """
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield too_large(uri, "file", max_bytes)
        return
    try:
        parsed = json.loads(data.removeprefix(b"\xef\xbb\xbf").decode("utf-8"))
    except UnicodeDecodeError:
        yield _parse_failure(uri, "JSON file is not valid UTF-8")
        return
    except json.JSONDecodeError as error:
        yield _parse_failure(uri, f"not valid JSON ({error.msg.lower()} at line {error.lineno} column {error.colno})")
        return
    if isinstance(parsed, list):
        if not parsed:
            yield Failure(uri, STAGE, "empty", "JSON array with no articles")
        for n, record in enumerate(parsed, 1):
            yield article_from_record(record, uri=f"{uri}#{n}", where=f"item {n}")
    elif isinstance(parsed, dict) and _content(parsed)[0] is None:
        yield _parse_failure(uri, "JSON object with no 'text' or 'html' field: not an article "
                                  "(articles in JSON need one of them; JSON Lines take one object a line)")
    else:
        yield article_from_record(parsed, uri=uri, where="the object")


def _content(record: dict[str, Any]) -> tuple[str | None, Any]:
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        return "html", html
    for field in ("text", "html"):
        if field in record:
            return field, record[field]
    return None, None


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_DRAIN_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _parse_failure(uri: str, message: str) -> Failure:
    return Failure(uri, STAGE, "parse", message)


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number",
             float: "number", type(None): "null"}
    return names.get(type(value), type(value).__name__)

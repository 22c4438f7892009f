"""`iter_articles`: the ingest stage's front door for local inputs.

Responsible for sending each path the sources expand to (and stdin) to the reader for its
format, streaming: one file, one JSONL line or one WARC record in memory at a time.

Not responsible for the readers themselves (`plain`, `jsonl`, `warc`), for expanding sources
(`sources`) or for URLs (`fetch`).
"""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from dateline.ingest.failures import too_large, unreadable
from dateline.ingest.jsonl import iter_json, iter_jsonl
from dateline.ingest.plain import read_text_file, read_text_stream
from dateline.ingest.sources import (HEAD_BYTES, STDIN, TEXT_FORMATS, expand_sources,
                                     format_from_name, sniff_format)
from dateline.ingest.warc import iter_warc
from dateline.model import Article, Failure

STDIN_URI = "<stdin>"


def iter_articles(sources: Iterable[str], *, max_bytes: int = 20_000_000,
                  stdin: BinaryIO | None = None) -> Iterator[Article | Failure]:
    """Yield an Article or a Failure for every document the sources hold, in a stable order.

    `sources` are files, folders (walked recursively in name order, hidden entries skipped),
    globs (`*.txt`, `**/*.html`) or `-` for `stdin` (default: the process's standard input).
    `max_bytes` caps a single document: a whole text/HTML file, one JSONL line, one WARC
    payload. Bad inputs become Failures; nothing here raises for a bad file.
    """
    if isinstance(sources, (str, bytes)):
        raise TypeError("sources must be an iterable of paths, not a single string")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    for item in expand_sources(sources):
        if isinstance(item, Failure):
            yield item
        elif item == STDIN:
            yield from iter_stream(stdin if stdin is not None else sys.stdin.buffer,
                                   uri=STDIN_URI, max_bytes=max_bytes)
        else:
            yield from iter_file(item, max_bytes=max_bytes)


def iter_file(path: str, *, max_bytes: int) -> Iterator[Article | Failure]:
    """Yield the documents in one file, whatever its format."""
    fmt = format_from_name(path)
    if fmt in TEXT_FORMATS:
        # The name settles the format, so the size is checked before a byte is read.
        yield read_text_file(path, fmt, max_bytes=max_bytes)
        return
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            yield from iter_stream(handle, uri=path, max_bytes=max_bytes, name=path, size=size)
    except OSError as error:
        yield unreadable(path, "file", error)


def iter_stream(stream: BinaryIO, *, uri: str, max_bytes: int,
                name: str = "", size: int | None = None) -> Iterator[Article | Failure]:
    """Yield the documents in an open binary stream, sniffing its format from `name` and its
    first bytes. `size`, when known, lets an oversized text file be refused unread."""
    head = stream.read(HEAD_BYTES)
    fmt = sniff_format(name, head)
    if fmt in TEXT_FORMATS and size is not None and size > max_bytes:
        yield too_large(uri, "file", max_bytes, size)
        return
    rejoined = io.BufferedReader(_Rejoined(head, stream))
    if fmt == "warc":
        yield from iter_warc(rejoined, uri=uri, max_bytes=max_bytes,
                             compressed=head.startswith(b"\x1f\x8b"))
    elif fmt == "jsonl":
        yield from iter_jsonl(rejoined, uri=uri, max_bytes=max_bytes)
    elif fmt == "json":
        yield from iter_json(rejoined, uri=uri, max_bytes=max_bytes)
    else:
        yield read_text_stream(rejoined, fmt, uri=uri, max_bytes=max_bytes)


class _Rejoined(io.RawIOBase):
    """The bytes already read for sniffing, then the rest of the stream: stdin cannot seek."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

"""Articles from single-document inputs: a text, HTML or Markdown file, or all of stdin.

Responsible for the size cap (from the file's size before a byte is read; from a bounded read
for stdin and other streams) and for handing the bytes to `decode.article_from_bytes`.

Not responsible for choosing the format (`sources`) or for container formats (`jsonl`, `warc`).
"""
from __future__ import annotations

import os
from typing import BinaryIO

from dateline.ingest.decode import article_from_bytes
from dateline.ingest.failures import too_large, unreadable
from dateline.model import Article, Failure


def read_text_file(path: str, media_type: str, *, max_bytes: int) -> Article | Failure:
    """Read the file at `path` as one article of `media_type`."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                return too_large(path, "file", max_bytes, size)
            return read_text_stream(handle, media_type, uri=path, max_bytes=max_bytes)
    except OSError as error:
        return unreadable(path, "file", error)


def read_text_stream(stream: BinaryIO, media_type: str, *, uri: str, max_bytes: int,
                     what: str = "file") -> Article | Failure:
    """Read `stream` to its end as one article, refusing it once it passes `max_bytes`.

    Reads at most `max_bytes + 1` bytes, so a file that grows while we read it, or an endless
    pipe, cannot exhaust memory.
    """
    raw = stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        return too_large(uri, what, max_bytes)
    return article_from_bytes(raw, uri=uri, media_type=media_type, what=what)

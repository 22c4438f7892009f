"""Where inputs come from and what format they are in.

Responsible for turning the strings a user typed (files, folders, globs, `-` for stdin) into a
deterministic stream of file paths, and for naming the format of each one from its extension and
its first bytes. Also maps HTTP/WARC Content-Type headers onto our three media types.

Not responsible for reading whole files or decoding them (`plain`, `jsonl`, `warc`, `decode`).
Folders are walked lazily, one directory listing at a time, so a folder of a million files is
never held in memory.
"""
from __future__ import annotations

import glob
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from typing import Literal

from dateline.ingest.failures import STAGE, unreadable
from dateline.model import Failure

STDIN = "-"
HEAD_BYTES = 65536

Format = Literal["text/plain", "text/html", "text/markdown", "jsonl", "json", "warc"]
TEXT_FORMATS: tuple[Format, ...] = ("text/plain", "text/html", "text/markdown")

_EXTENSIONS: tuple[tuple[tuple[str, ...], Format], ...] = (
    ((".warc", ".warc.gz", ".arc", ".arc.gz"), "warc"),
    ((".jsonl", ".ndjson"), "jsonl"),
    ((".json",), "json"),
    ((".html", ".htm", ".xhtml", ".shtml"), "text/html"),
    ((".md", ".markdown"), "text/markdown"),
)

_CONTENT_TYPES = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "text/plain": "text/plain",
    "text/markdown": "text/markdown",
    "text/x-markdown": "text/markdown",
}
# Servers send these when they do not know; the content decides instead.
_UNKNOWN_CONTENT_TYPES = {"", "application/octet-stream", "binary/octet-stream",
                          "application/unknown", "unknown/unknown"}

_GLOB_CHARS = frozenset("*?[")


def expand_sources(sources: Iterable[str]) -> Iterator[str | Failure]:
    """Yield each file path the sources name, `STDIN` for `-`, and a Failure for each source
    that names nothing.

    Folders are walked recursively in name order, skipping hidden files and folders and
    anything that is not a regular file (a FIFO would block). Glob matches are sorted. A file
    reached twice (named, then matched by a glob) is yielded once.
    """
    seen: set[str] = set()
    for source in sources:
        if source == STDIN:
            yield STDIN
            continue
        found = 0
        for item in _expand_one(source):
            if isinstance(item, Failure):
                yield item
                continue
            key = os.path.realpath(item)
            if key in seen:
                found += 1
                continue
            seen.add(key)
            found += 1
            yield item
        if not found and os.path.isdir(source):
            yield Failure(source, STAGE, "missing", "folder has no files to read")
        elif not found and not os.path.exists(source):
            what = "pattern matched no files" if _GLOB_CHARS & set(source) else \
                "no such file or folder"
            yield Failure(source, STAGE, "missing", what)


def format_from_name(name: str) -> Format | None:
    """The format a file name promises, or None when only the content can tell (.txt, none)."""
    lower = name.lower()
    for suffixes, fmt in _EXTENSIONS:
        if lower.endswith(suffixes):
            return fmt
    return None


def sniff_format(name: str, head: bytes) -> Format:
    """The format of a file called `name` whose first bytes are `head`.

    The extension wins when it names a format; otherwise the content decides, and anything
    that is not recognisably WARC, HTML or JSON Lines is treated as plain text (the decoder
    then rejects it if it is binary).
    """
    by_name = format_from_name(name)
    if by_name is not None:
        return by_name
    if _is_warc(head):
        return "warc"
    if _is_jsonl(head):
        return "jsonl"
    return sniff_media_type(head)


def sniff_media_type(head: bytes) -> Literal["text/html", "text/plain"]:
    """text/html when the content starts like an HTML document, else text/plain."""
    start = head.lstrip(b"\xef\xbb\xbf").lstrip()[:2048].lower()
    if start.startswith((b"<!doctype", b"<html")):
        return "text/html"
    if start.startswith((b"<?xml", b"<!--")) and b"<html" in start:
        return "text/html"
    return "text/plain"


def parse_content_type(header: str | None) -> tuple[str | None, str | None]:
    """(media type, charset) from a Content-Type header.

    The media type is one of ours (text/html, text/plain, text/markdown), "" when the header
    says nothing useful and the content should decide, or None for a type that is not text
    we can read (an image, a PDF, JavaScript).
    """
    if not header:
        return "", None
    mime, _, params = header.partition(";")
    mime = mime.strip().lower()
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    if mime in _UNKNOWN_CONTENT_TYPES:
        return "", charset
    return _CONTENT_TYPES.get(mime), charset


def _expand_one(source: str) -> Iterator[str | Failure]:
    if os.path.isdir(source):
        yield from _walk(source)
    elif os.path.exists(source):
        # Named explicitly, so a hidden file or a FIFO (`<(zcat x)`) is what the user wants.
        yield source
    elif _GLOB_CHARS & set(source):
        for match in sorted(glob.iglob(source, recursive=True)):
            if os.path.isdir(match):
                yield from _walk(match)
            elif os.path.isfile(match):
                yield match


def _walk(folder: str) -> Iterator[str | Failure]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield unreadable(folder, "folder", error)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            # Symlinked folders are not followed: a link back up the tree would never end.
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path)
            elif entry.is_file():
                yield entry.path
        except OSError as error:
            yield unreadable(entry.path, "file", error)


def _is_warc(head: bytes) -> bool:
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith((b"WARC/", b"filedesc://"))


def _is_jsonl(head: bytes) -> bool:
    first = head.lstrip(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0].strip()
    if not first.startswith(b"{"):
        return False
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and ("text" in record or "html" in record)

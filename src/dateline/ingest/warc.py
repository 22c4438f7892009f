"""Articles from WARC and ARC archives (plain or gzipped), one record at a time.

Responsible for walking an archive with warcio, picking the records that hold a web page
(`response` records with a 2xx HTTP status, and `resource` records, whose payload is HTML or
text), and decoding each with the charset its HTTP headers declare. Requests, metadata,
redirects, error pages, images, scripts and stylesheets are skipped silently: they are not
articles and would drown the real failures.

Also responsible for noticing an archive that was cut off (a download that died, a disk that
filled): the records before the cut are yielded, then one `truncated` Failure names the file and
the record. warcio itself reads a truncated file as if it ended early, so we decompress gzip
ourselves and compare each record's declared length with what arrived.

Not responsible for finding archives or sniffing that a file is one (`sources`).
"""
from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from dateline.ingest.decode import article_from_bytes
from dateline.ingest.failures import STAGE, too_large
from dateline.ingest.sources import parse_content_type, sniff_media_type
from dateline.model import Article, Failure

_CHUNK = 65536
_PAGE_RECORD_TYPES = ("response", "resource")


def iter_warc(stream: BinaryIO, *, uri: str, max_bytes: int,
              compressed: bool | None = None) -> Iterator[Article | Failure]:
    """Yield an Article or Failure for each page record in the archive read from `stream`.

    `uri` names the archive in failures. `compressed` says whether the stream is gzip; None
    means look at the first bytes. `max_bytes` applies to each record's payload.
    """
    source = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)
    if compressed is None:
        compressed = source.peek(2)[:2] == b"\x1f\x8b"
    gunzip = _Gunzip(source) if compressed else None
    archive = io.BufferedReader(gunzip, _CHUNK) if gunzip else source

    records = iter(ArchiveIterator(archive, arc2warc=True))
    number = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except zlib.error:
            yield _corrupt(uri, number + 1, "the gzip data is corrupt")
            return
        except Exception as error:  # warcio raises a zoo of types for a malformed header
            if gunzip is not None and gunzip.truncated:
                break
            yield _corrupt(uri, number + 1, _reason(error))
            return
        number += 1
        try:
            result = _page_from_record(record, number, uri, max_bytes)
            cut_off = _drain(record)
        except zlib.error:
            yield _corrupt(uri, number, "the gzip data is corrupt")
            return
        except Exception as error:  # a payload warcio cannot de-chunk or decompress
            yield _corrupt(uri, number, _reason(error))
            continue
        if cut_off:
            yield _truncated(uri, number)
            return
        if result is not None:
            yield result
    if gunzip is not None and gunzip.truncated:
        yield _truncated(uri, number + 1)


def _page_from_record(record: Any, number: int, archive_uri: str,
                      max_bytes: int) -> Article | Failure | None:
    if record.rec_type not in _PAGE_RECORD_TYPES:
        return None
    headers = record.rec_headers
    target = headers.get_header("WARC-Target-URI") or f"{archive_uri}#record{number}"
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:  # dns: and other non-HTTP responses
            return None
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = http.get_header("Content-Type")
    else:
        content_type = headers.get_header("Content-Type")
    media_type, charset = parse_content_type(content_type)
    if media_type is None:
        return None

    payload = record.content_stream().read(max_bytes + 1)
    where = f"record {number} of {archive_uri}"
    if len(payload) > max_bytes:
        return too_large(target, f"the payload of {where}", max_bytes)
    if media_type == "":
        media_type = sniff_media_type(payload[:4096])
    hints = {"url": target, "warc_file": archive_uri, "warc_record": number}
    record_id = headers.get_header("WARC-Record-ID")
    if record_id:
        hints["warc_record_id"] = record_id
    result = article_from_bytes(payload, uri=target, media_type=media_type, what=where,
                                declared_charset=charset,
                                fetched_at=headers.get_header("WARC-Date"), hints=hints)
    return result


def _drain(record: Any) -> bool:
    """Read the rest of the record; True when the archive ended before its declared length."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    remaining = getattr(raw, "limit", 0)
    return isinstance(remaining, int) and remaining > 0


def _truncated(uri: str, number: int) -> Failure:
    return Failure(uri, STAGE, "truncated",
                   f"archive is truncated: it ends in the middle of record {number}")


def _corrupt(uri: str, number: int, reason: str) -> Failure:
    return Failure(uri, STAGE, "parse", f"cannot read WARC record {number}: {reason}")


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:200] if text else type(error).__name__


class _Gunzip(io.RawIOBase):
    """Decompress a multi-member gzip stream, ending quietly and setting `truncated` when the
    input stops inside a member.

    Raising instead would lose data: io.BufferedReader discards what it already collected for a
    read when the raw stream raises, which would swallow the last good records.
    """

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._raw = raw
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._in_member = False
        self._pending = bytearray()
        self._finished = False
        self.truncated = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending and not self._finished:
            data = self._raw.read(_CHUNK)
            if not data:
                self._finished = True
                self.truncated = self._in_member
                break
            self._inflate(data)
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        del self._pending[:n]
        return n

    def _inflate(self, data: bytes) -> None:
        while True:
            if not self._in_member:
                # Some writers pad the file with NULs after the last member.
                data = data.lstrip(b"\x00")
            if not data:
                return
            self._in_member = True
            self._pending += self._inflater.decompress(data)
            if not self._inflater.eof:
                return
            data = self._inflater.unused_data
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self._in_member = False

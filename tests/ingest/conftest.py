"""Builders for ingest tests: real WARC files written with warcio, never mocked."""
from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

Page = tuple[str, bytes, str]  # (target URI, payload, Content-Type)


def warc_bytes(pages: list[Page], *, gzip: bool, status: str = "200 OK") -> bytes:
    """An archive holding a warcinfo record, then a request and a response for each page."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "pytest"}))
    for uri, payload, content_type in pages:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return buffer.getvalue()


def page(n: int, body: str = "", content_type: str = "text/html; charset=utf-8") -> Page:
    html = f"<html><body><h1>Story {n}</h1><p>{body or 'Shelling hit the town of Douma.'}</p>" \
           f"{'<p>Filler paragraph for length.</p>' * 30}</body></html>"
    return (f"http://news.example/story/{n}", html.encode("utf-8"), content_type)


@pytest.fixture
def write_warc(tmp_path: Path) -> Callable[..., Path]:
    def write(name: str, pages: list[Page], *, gzip: bool | None = None,
              cut: int | None = None) -> Path:
        data = warc_bytes(pages, gzip=name.endswith(".gz") if gzip is None else gzip)
        path = tmp_path / name
        path.write_bytes(data if cut is None else data[:cut])
        return path
    return write

"""fetch_urls against a real HTTP server on 127.0.0.1; no outside network."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dateline.ingest import fetch_urls, read_url_list
from dateline.ingest.fetch import refusal_reason
from dateline.model import Article, Failure

ARABIC = "قال الجيش السوري إن قواته دخلت المدينة"
PAGE = b"<!doctype html><html><body><p>Shelling in Douma.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
             **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/page":
            self.send(200, PAGE)
        elif path == "/arabic":
            self.send(200, f"<p>{ARABIC}</p>".encode("cp1256"), "text/html; charset=windows-1256")
        elif path == "/plain":
            self.send(200, b"Plain report.", "text/plain")
        elif path == "/host":
            self.send(200, f"host={self.headers['Host']}".encode(), "text/plain")
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            self.send(302, b"", Location="/page" if n == 0 else f"/hop/{n - 1}")
        elif path == "/to-file":
            self.send(302, b"", Location="file:///etc/passwd")
        elif path == "/no-location":
            self.send(301, b"")
        elif path == "/big":
            self.send(200, b"x" * 50_000, "text/plain")
        elif path == "/big-undeclared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"y" * 1000)
            except OSError:
                pass
            self.close_connection = True
        elif path == "/pdf":
            self.send(200, b"%PDF-1.4", "application/pdf")
        elif path == "/empty":
            self.send(200, b"")
        elif path == "/missing":
            self.send(404, b"<p>not here</p>")
        elif path == "/error":
            self.send(500, b"oops")
        elif path == "/slow":
            time.sleep(3)
            self.send(200, PAGE)
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"z")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        else:
            self.send(404, b"")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fetch(*urls: str, **kw: object) -> list[Article | Failure]:
    kw.setdefault("allow_private", True)
    return list(fetch_urls(list(urls), **kw))


def test_a_page(server: str) -> None:
    (article,) = fetch(f"{server}/page")
    assert isinstance(article, Article)
    assert article.uri == f"{server}/page"
    assert article.media_type == "text/html"
    assert article.raw == PAGE and "Shelling in Douma." in article.text
    assert article.hints == {"url": f"{server}/page", "requested_url": f"{server}/page",
                             "http_status": 200}
    assert article.fetched_at and article.fetched_at.endswith("+00:00")


def test_header_charset_and_plain_text(server: str) -> None:
    arabic, plain = fetch(f"{server}/arabic", f"{server}/plain")
    assert ARABIC in arabic.text and arabic.encoding == "cp1256"
    assert plain.media_type == "text/plain" and plain.text == "Plain report."


def test_redirects_are_followed_hop_by_hop_up_to_the_limit(server: str) -> None:
    (article,) = fetch(f"{server}/hop/3")
    assert isinstance(article, Article)
    assert article.uri == f"{server}/page"
    assert article.hints["requested_url"] == f"{server}/hop/3"
    (failure,) = fetch(f"{server}/hop/3", max_redirects=2)
    assert failure == Failure(f"{server}/hop/3", "ingest", "fetch",
                              "too many redirects (more than 2)")


def test_each_hop_is_checked(server: str) -> None:
    (failure,) = fetch(f"{server}/to-file")
    assert failure.message == ("unsupported scheme 'file' (after a redirect to file:/etc/passwd):"
                               " only http and https URLs are fetched")
    (failure,) = fetch(f"{server}/no-location")
    assert failure.message == "HTTP 301 redirect without a Location header"


def test_size_cap(server: str) -> None:
    declared, undeclared = fetch(f"{server}/big", f"{server}/big-undeclared", max_bytes=10_000)
    assert (declared.code, declared.message) == \
        ("too_large", "response is 50 KB, over the 10 KB limit (max_bytes)")
    assert (undeclared.code, undeclared.message) == \
        ("too_large", "response is more than 10 KB, over the 10 KB limit (max_bytes)")


def test_http_errors_and_non_text(server: str) -> None:
    out = fetch(f"{server}/missing", f"{server}/error", f"{server}/pdf", f"{server}/empty",
                f"{server}/page")
    assert [(o.code, o.message) for o in out[:4]] == [
        ("fetch", "HTTP 404 Not Found"),
        ("fetch", "HTTP 500 Internal Server Error"),
        ("binary", "not a text page (Content-Type application/pdf)"),
        ("empty", "empty response (0 bytes)"),
    ]
    assert isinstance(out[4], Article)


def test_slow_server_times_out(server: str) -> None:
    started = time.monotonic()
    slow, drip = fetch(f"{server}/slow", f"{server}/drip", timeout=0.5)
    assert time.monotonic() - started < 2.5
    assert (slow.code, slow.message) == ("fetch", "timed out after 0.5 s")
    assert (drip.code, drip.message) == ("fetch", "timed out after 0.5 s")


def test_connection_refused_and_dns_failure() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again before the fetch: nothing listens
    refused, unknown = fetch(f"http://127.0.0.1:{port}/", "http://no-such-host.invalid/")
    assert refused.code == "fetch" and refused.message.startswith("could not connect to 127.0.0.1")
    assert unknown.code == "fetch"
    assert unknown.message.startswith("DNS lookup failed for no-such-host.invalid")


def test_loopback_is_refused_by_default(server: str) -> None:
    out = fetch(f"{server}/page", f"{server.replace('127.0.0.1', 'localhost')}/page",
                allow_private=False)
    assert all(o.code == "fetch" for o in out)
    assert out[0].message == \
        "refused: 127.0.0.1 is a loopback address (use --allow-private to allow)"
    assert "is a loopback address" in out[1].message


@pytest.mark.parametrize("url, message", [
    ("ftp://example.org/file", "unsupported scheme 'ftp': only http and https URLs are fetched"),
    ("example.org/page", "unsupported scheme 'none': only http and https URLs are fetched"),
    ("http:///nohost", "URL has no host"),
])
def test_bad_urls(url: str, message: str) -> None:
    (failure,) = fetch(url, allow_private=False)
    assert (failure.code, failure.message) == ("fetch", message)


def _fake_dns(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[str]]) -> None:
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host in answers:
            return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                     (a, port)) for a in answers[host]]
        return real(host, port, *args, **kwargs)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def test_every_resolved_address_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_dns(monkeypatch, {"mixed.example": ["93.184.216.34", "10.0.0.5"]})
    (failure,) = fetch("http://mixed.example/", allow_private=False)
    assert failure.message == "refused: 10.0.0.5 is a private address (use --allow-private to allow)"


def test_connection_goes_to_the_checked_address_with_the_real_host(
        server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # DNS rebinding: the name answers 127.0.0.1 (where the server is) the first time and
    # 127.0.0.2 (where nothing listens) after. Only a fetch that connects to the address it
    # checked, instead of resolving again, reaches the server.
    port = server.rsplit(":", 1)[1]
    answers = iter([["127.0.0.1"]])
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host != "pinned.example":
            return real(host, port, *args, **kwargs)
        address = next(answers, ["127.0.0.2"])[0]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    (article,) = fetch(f"http://pinned.example:{port}/host")
    assert isinstance(article, Article)
    assert article.text == f"host=pinned.example:{port}"
    assert article.uri == f"http://pinned.example:{port}/host"


@pytest.mark.parametrize("address, reason", [
    ("127.0.0.1", "a loopback address"), ("::1", "a loopback address"),
    ("::ffff:127.0.0.1", "a loopback address"), ("2002:7f00:1::", "a loopback address"),
    ("10.1.2.3", "a private address"), ("192.168.1.1", "a private address"),
    ("fd00::1", "a private address"), ("169.254.169.254", "a link-local address"),
    ("fe80::1%eth0", "a link-local address"), ("224.0.0.1", "a multicast address"),
    ("ff02::1", "a multicast address"), ("0.0.0.0", "an unspecified address"),
    ("::", "an unspecified address"), ("240.0.0.1", "a private address"),
    ("100.64.0.1", "not a public address"),
    ("93.184.216.34", None), ("2606:4700:4700::1111", None),
])
def test_refusal_reason(address: str, reason: str | None) -> None:
    assert refusal_reason(address) == reason


def test_read_url_list(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text("\ufeff# seed list\nhttps://a.example/1\n\n  https://b.example/2#top  \n"
                    "   # indented comment\n", encoding="utf-8")
    assert read_url_list(path) == ["https://a.example/1", "https://b.example/2#top"]


def test_caller_client_is_left_open(server: str) -> None:
    import httpx
    with httpx.Client() as client:
        (article,) = fetch(f"{server}/page", client=client)
        assert isinstance(article, Article)
        assert not client.is_closed

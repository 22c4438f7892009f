"""Articles from URLs: `dateline fetch urls.txt`.

Responsible for fetching pages safely enough to point at a list of URLs found on the web:
only http and https; every hop of a redirect chain resolved and checked before it is requested;
loopback, private, link-local, multicast, reserved and unspecified addresses refused (IPv4-mapped
and 6to4 IPv6 included) unless the caller allows them; the connection pinned to the address that
was checked, so a DNS answer that changes between check and connect (DNS rebinding) cannot
reach an internal host; a size cap enforced while streaming; and one overall deadline per URL,
so a server that drips a byte a second cannot hold a worker forever.

Not responsible for politeness (robots.txt, rate limits per host), retries or caching; nor for
decoding beyond handing the body and the header charset to `decode`.
"""
from __future__ import annotations

import ipaddress
import os
from importlib import metadata
import socket
import time
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone

import httpx

from dateline.ingest.decode import article_from_bytes
from dateline.ingest.failures import STAGE, too_large
from dateline.ingest.sources import parse_content_type, sniff_media_type
from dateline.model import Article, Failure

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_ADDRESS_CLASSES = (
    ("is_loopback", "a loopback address"),
    ("is_unspecified", "an unspecified address"),
    ("is_link_local", "a link-local address"),
    ("is_multicast", "a multicast address"),
    ("is_private", "a private address"),
    ("is_reserved", "a reserved address"),
)


class _FetchStopped(Exception):
    """A hop that ends the fetch; carries the Failure to report."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure


def read_url_list(path: str | os.PathLike[str]) -> list[str]:
    """The URLs in a file, one a line; blank lines and lines starting with `#` are skipped.

    A `#` later in a line is part of the URL (a fragment), not a comment.
    """
    with open(path, encoding="utf-8-sig") as handle:
        lines = (line.strip() for line in handle)
        return [line for line in lines if line and not line.startswith("#")]


def fetch_urls(urls: Iterable[str], *, allow_private: bool = False, timeout: float = 20.0,
               max_bytes: int = 20_000_000, max_redirects: int = 5,
               client: httpx.Client | None = None) -> Iterator[Article | Failure]:
    """Fetch each URL in turn and yield its Article, or one Failure saying why not.

    `timeout` bounds the whole fetch of one URL, redirects included. A `client` passed in is
    used as is and left open; its own redirect following is bypassed so every hop is checked.
    """
    if isinstance(urls, (str, bytes)):
        raise TypeError("urls must be an iterable of URLs, not a single string")
    if timeout <= 0 or max_bytes < 1 or max_redirects < 0:
        raise ValueError("timeout and max_bytes must be positive and max_redirects not negative")
    own_client = client is None
    if client is None:
        client = httpx.Client(timeout=timeout, follow_redirects=False,
                              headers={"User-Agent": user_agent()})
    try:
        for url in urls:
            requested = url.strip()
            try:
                yield _fetch_one(client, requested, allow_private=allow_private,
                                 timeout=timeout, max_bytes=max_bytes,
                                 max_redirects=max_redirects)
            except _FetchStopped as stopped:
                yield stopped.failure
    finally:
        if own_client:
            client.close()


def user_agent() -> str:
    """The User-Agent we send: names the tool and version so site owners can tell who called."""
    # Read from the installed metadata: importing `dateline` itself would pull in the pipeline.
    try:
        version = metadata.version("dateline")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"dateline/{version} (+https://github.com/dateline/dateline)"


def refusal_reason(address: str) -> str | None:
    """Why fetching from `address` is refused by default ("a loopback address"), or None."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is not None:
            return refusal_reason(str(embedded))
    for attribute, label in _ADDRESS_CLASSES:
        if getattr(ip, attribute):
            return label
    if not ip.is_global:
        return "not a public address"
    return None


def _fetch_one(client: httpx.Client, requested: str, *, allow_private: bool, timeout: float,
               max_bytes: int, max_redirects: int) -> Article | Failure:
    deadline = time.monotonic() + timeout
    current = requested
    for hop in range(max_redirects + 1):
        after = f" (after a redirect to {current})" if hop else ""
        target = _checked_url(requested, current, after)
        addresses = _resolve(requested, target, after)
        if not allow_private:
            for address in addresses:
                reason = refusal_reason(address)
                if reason:
                    return _failure(requested, f"refused: {address} is {reason}{after} "
                                               "(use --allow-private to allow)")
        response = _open(client, requested, target, addresses, deadline, timeout)
        try:
            if response.status_code in _REDIRECT_STATUSES:
                location = response.headers.get("location")
                if not location:
                    return _failure(requested, f"HTTP {response.status_code} redirect without "
                                               f"a Location header{after}")
                current = str(target.join(location))
                continue
            return _read_page(response, requested, target, deadline, timeout, max_bytes)
        finally:
            response.close()
    return _failure(requested, f"too many redirects (more than {max_redirects})")


def _checked_url(requested: str, current: str, after: str) -> httpx.URL:
    try:
        target = httpx.URL(current)
    except (httpx.InvalidURL, TypeError) as error:
        raise _FetchStopped(_failure(requested, f"not a valid URL ({error}){after}")) from None
    if target.scheme not in ("http", "https"):
        scheme = target.scheme or "none"
        raise _FetchStopped(_failure(requested, f"unsupported scheme {scheme!r}{after}: only http "
                                           "and https URLs are fetched"))
    if not target.host:
        raise _FetchStopped(_failure(requested, f"URL has no host{after}"))
    return target


def _resolve(requested: str, target: httpx.URL, after: str) -> list[str]:
    port = target.port or (443 if target.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(target.host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise _FetchStopped(_failure(requested, f"DNS lookup failed for {target.host}{after} "
                                           f"({reason})")) from None
    addresses: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise _FetchStopped(_failure(requested, f"DNS lookup for {target.host} returned no address"))
    return addresses


def _open(client: httpx.Client, requested: str, target: httpx.URL, addresses: list[str],
          deadline: float, timeout: float) -> httpx.Response:
    """Send the GET to the first checked address that accepts a connection.

    The URL is rewritten to the address itself so httpx does not resolve the name again; the
    Host header and the TLS server name keep the real host, so virtual hosts and certificate
    checks work as usual.
    """
    last_error: Exception | None = None
    for address in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
        request = client.build_request(
            "GET", target.copy_with(host=address), headers={"Host": target.netloc.decode()},
            extensions=extensions, timeout=httpx.Timeout(remaining))
        try:
            return client.send(request, stream=True, follow_redirects=False)
        except httpx.ConnectError as error:
            last_error = error
        except httpx.TimeoutException:
            raise _FetchStopped(_failure(requested, f"timed out after {timeout:g} s")) from None
        except httpx.HTTPError as error:
            raise _FetchStopped(_failure(requested, f"request failed ({_reason(error)})")) from None
    if last_error is None:
        raise _FetchStopped(_failure(requested, f"timed out after {timeout:g} s"))
    raise _FetchStopped(_failure(requested, f"could not connect to {target.host} "
                                       f"({_reason(last_error)})"))


def _read_page(response: httpx.Response, requested: str, target: httpx.URL, deadline: float,
               timeout: float, max_bytes: int) -> Article | Failure:
    if not 200 <= response.status_code < 300:
        phrase = f" {response.reason_phrase}" if response.reason_phrase else ""
        return _failure(requested, f"HTTP {response.status_code}{phrase}")
    content_type = response.headers.get("content-type")
    media_type, charset = parse_content_type(content_type)
    if media_type is None:
        return Failure(requested, STAGE, "binary",
                       f"not a text page (Content-Type {content_type.split(';')[0].strip()})")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return too_large(requested, "response", max_bytes, int(declared))

    body = bytearray()
    try:
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > max_bytes:
                return too_large(requested, "response", max_bytes)
            if time.monotonic() > deadline:
                return _failure(requested, f"timed out after {timeout:g} s")
    except httpx.TimeoutException:
        return _failure(requested, f"timed out after {timeout:g} s")
    except httpx.HTTPError as error:
        return _failure(requested, f"download failed ({_reason(error)})")

    raw = bytes(body)
    final_url = str(target)
    hints = {"url": final_url, "requested_url": requested, "http_status": response.status_code}
    return article_from_bytes(raw, uri=final_url, media_type=media_type or sniff_media_type(raw),
                              what="response", declared_charset=charset,
                              fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                              hints=hints)


def _failure(uri: str, message: str) -> Failure:
    return Failure(uri, STAGE, "fetch", message)


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:200] if text else type(error).__name__

"""Bytes to text: the one gate every reader passes its content through.

Responsible for deciding whether some bytes are text at all (binary detection by magic number,
NUL bytes and control-character ratio), for choosing the codec (byte-order mark, then a charset
the transport declared, then one the HTML itself declares, then strict UTF-8, then a
charset-normalizer guess, then UTF-8 with replacement) and for turning the result into an
`Article` or a `Failure`. Every guess or replacement is recorded as a warning on the article.

Not responsible for finding or reading the bytes (`sources`, `plain`, `jsonl`, `warc`, `fetch`)
nor for anything that understands the text: HTML stays HTML here.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Any

from charset_normalizer import from_bytes as guess_charset

from dateline.ingest.failures import STAGE
from dateline.model import Article, Failure

# Ordered so longer signatures win (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Only signatures long or odd enough that no news text starts with them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"BZh9", "bzip2 archive"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
)

# Bytes that never appear in real text: C0 controls except tab, newline, vertical tab,
# form feed and carriage return, plus DEL.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r") + b"\x7f"
_CONTROL_RATIO_LIMIT = 0.10
_SNIFF_WINDOW = 65536

# HTML may declare its charset in a <meta> or, for XHTML, an XML declaration; browsers only look
# near the top, and so do we.
_META_SCAN_BYTES = 8192
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)

# WHATWG maps these labels to windows-1252, and so do real pages that say latin-1 but use
# curly quotes from the 0x80-0x9F range.
_WINDOWS_1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii",
                         "iso_8859-1", "cp819", "ibm819"}


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the codec that produced it and what had to be guessed."""
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def binary_kind(raw: bytes) -> str | None:
    """Why `raw` is not text ("PDF document", "contains NUL bytes", ...), or None when it may be.

    Text with a UTF-16/32 byte-order mark is exempt from the NUL check: those encodings are
    full of NULs.
    """
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    if _bom_encoding(raw) is not None:
        return None
    window = raw[:_SNIFF_WINDOW]
    if b"\x00" in window:
        if _bomless_utf16_codec(window) is not None:
            return None
        return "contains NUL bytes"
    if window:
        controls = len(window) - len(window.translate(None, _CONTROL_BYTES))
        if controls / len(window) > _CONTROL_RATIO_LIMIT:
            return f"{controls * 100 // len(window)}% control characters"
    return None


def decode_bytes(raw: bytes, *, media_type: str = "text/plain",
                 declared_charset: str | None = None) -> Decoded:
    """Decode `raw` by the cascade in the module docstring; never raises for any input.

    `declared_charset` is what the transport said (an HTTP Content-Type header); a charset
    declared inside HTML is looked for only when `media_type` is text/html.
    """
    bom = _bom_encoding(raw)
    if bom is not None:
        codec, body = bom
        try:
            return Decoded(body.decode(codec), codec)
        except UnicodeDecodeError:
            return Decoded(body.decode(codec, errors="replace"), codec,
                           (f"byte-order mark says {codec} but some bytes were invalid; "
                            "replaced them with U+FFFD",))

    bomless = _bomless_utf16_codec(raw[:_SNIFF_WINDOW])
    if bomless is not None:
        # A trailing odd byte or a lone surrogate should not send UTF-16 on to the UTF-8 step,
        # which would accept the NULs as text.
        return Decoded(raw.decode(bomless, errors="replace"), bomless,
                       (f"no byte-order mark; decoded as {bomless} from the NUL pattern",))

    warnings: list[str] = []
    candidates: list[tuple[str, str]] = []
    if declared_charset:
        candidates.append((declared_charset, "the server"))
    if media_type == "text/html":
        in_page = html_declared_charset(raw)
        if in_page:
            candidates.append((in_page, "the page"))
    for label, who in candidates:
        codec = _codec_for(label)
        if codec is None:
            warnings.append(f"{who} declared an unknown charset {label!r}; ignored it")
            continue
        try:
            return Decoded(raw.decode(codec), codec, tuple(warnings))
        except UnicodeDecodeError:
            warnings.append(f"{who} declared charset {label!r} but the bytes are not valid {codec}")

    try:
        return Decoded(raw.decode("utf-8"), "utf-8", tuple(warnings))
    except UnicodeDecodeError:
        pass

    guess = _guess_codec(raw)
    if guess is not None:
        try:
            text = raw.decode(guess)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            warnings.append(f"not valid UTF-8; charset guessed as {guess}")
            return Decoded(text, guess, tuple(warnings))

    text = raw.decode("utf-8", errors="replace")
    warnings.append(f"charset unknown; decoded as UTF-8 and replaced {text.count(chr(0xFFFD))} "
                    "invalid byte sequences with U+FFFD")
    return Decoded(text, "utf-8", tuple(warnings))


def html_declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> or XML declaration near its top, if any."""
    head = raw[:_META_SCAN_BYTES]
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii").lower() if found else None


def article_from_bytes(raw: bytes, *, uri: str, media_type: str, what: str = "file",
                       declared_charset: str | None = None, fetched_at: str | None = None,
                       hints: dict[str, Any] | None = None) -> Article | Failure:
    """Turn content bytes into an Article, or into a Failure saying why they are not one.

    `what` names the thing in messages ("file", "record", "response") so a user reading
    "path: empty file (0 bytes)" knows what was empty.
    """
    if not raw:
        return Failure(uri, STAGE, "empty", f"empty {what} (0 bytes)")
    kind = binary_kind(raw)
    if kind is not None:
        return Failure(uri, STAGE, "binary", f"binary {what} ({kind}), not text")
    decoded = decode_bytes(raw, media_type=media_type, declared_charset=declared_charset)
    if not decoded.text.strip():
        return Failure(uri, STAGE, "empty", f"empty {what} (only whitespace)")
    return Article.from_bytes(raw, uri=uri, media_type=media_type, text=decoded.text,
                              encoding=decoded.encoding, fetched_at=fetched_at,
                              hints=dict(hints or {}), warnings=decoded.warnings)


def _bom_encoding(raw: bytes) -> tuple[str, bytes] | None:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return codec, raw[len(bom):]
    return None


def _bomless_utf16_codec(window: bytes) -> str | None:
    # Mostly-Latin UTF-16 has a NUL in (nearly) every other byte and nowhere else; which half
    # holds the NULs gives the byte order.
    if len(window) < 8 or len(window) % 2:
        return None
    even, odd = window[0::2], window[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _codec_for(label: str) -> str | None:
    label = label.strip().lower()
    if label in _WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _guess_codec(raw: bytes) -> str | None:
    matches = list(guess_charset(raw))
    if not matches:
        return None
    best = matches[0]
    # On short Western text several single-byte codecs fit equally well and charset-normalizer
    # picks one arbitrarily (often cp1250, turning "crème" into "crčme"). windows-1252 is by far
    # the most common legacy charset on news sites, so it wins a tie.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    fits = {_codec_for(name) for m in tied for name in m.could_be_from_charset}
    if "cp1252" in fits:
        return "cp1252"
    return _codec_for(best.encoding)

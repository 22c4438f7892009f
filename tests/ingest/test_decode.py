from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest.decode import (article_from_bytes, binary_kind, decode_bytes,
                                    html_declared_charset)
from dateline.model import Article, Failure

FRENCH = "Le ministère a déclaré que les forces étaient entrées dans la ville à l'aube."
CURLY = "The army said “at least 12 civilians” were killed – the Observatory disagreed."
ARABIC = "قال الجيش السوري إن قواته دخلت المدينة يوم الاثنين بعد اشتباكات عنيفة"


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_any_bytes_become_an_article_or_a_failure(raw: bytes) -> None:
    for media_type in ("text/plain", "text/html"):
        result = article_from_bytes(raw, uri="x", media_type=media_type)
        assert isinstance(result, (Article, Failure))
        if isinstance(result, Failure):
            assert result.code in {"empty", "binary"}
            assert "\n" not in result.message
        else:
            assert result.text.strip()
            if result.encoding == "utf-8" and not result.warnings:
                assert result.text == raw.decode("utf-8-sig")


@given(st.text(alphabet=st.characters(blacklist_characters="\x00"), min_size=1))
@settings(max_examples=300, deadline=None)
def test_valid_utf8_round_trips(text: str) -> None:
    raw = text.encode("utf-8", errors="surrogatepass")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return  # lone surrogates: not valid UTF-8, covered by the any-bytes property
    result = article_from_bytes(raw, uri="x", media_type="text/plain")
    if isinstance(result, Article):
        assert result.text == text
        assert result.encoding == "utf-8"
        assert result.warnings == ()
    else:
        assert result.code in {"empty", "binary"}


@given(st.text(min_size=1, max_size=300))
@settings(max_examples=200, deadline=None)
def test_decode_bytes_never_raises_on_declared_garbage(text: str) -> None:
    raw = text.encode("utf-8", errors="replace")
    decoded = decode_bytes(raw, media_type="text/html", declared_charset="no-such-codec")
    assert isinstance(decoded.text, str)
    assert any("unknown charset" in w for w in decoded.warnings)


@pytest.mark.parametrize("text, codec", [(FRENCH, "latin-1"), (FRENCH, "cp1252"),
                                         (CURLY, "cp1252")])
def test_legacy_western_text_is_guessed_right_and_says_so(text: str, codec: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"
    assert decoded.warnings == ("not valid UTF-8; charset guessed as cp1252",)


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be"),
                                        (codecs.BOM_UTF8, "utf-8"),
                                        (codecs.BOM_UTF32_LE, "utf-32-le")])
def test_byte_order_mark_decides_and_is_dropped(bom: bytes, codec: str) -> None:
    result = article_from_bytes(bom + ARABIC.encode(codec), uri="x", media_type="text/plain")
    assert isinstance(result, Article)
    assert result.text == ARABIC
    assert result.encoding == codec
    assert result.warnings == ()


def test_utf16_without_bom_is_not_called_binary() -> None:
    decoded = decode_bytes("Aleppo, Syria (Reuters) - Shelling".encode("utf-16-le"))
    assert decoded.text == "Aleppo, Syria (Reuters) - Shelling"
    assert "no byte-order mark" in decoded.warnings[0]


def test_declared_windows_1256_arabic_html() -> None:
    raw = (b'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" '
           b'content="text/html; charset=windows-1256"></head><body><p>'
           + ARABIC.encode("cp1256") + b"</p></body></html>")
    result = article_from_bytes(raw, uri="x", media_type="text/html")
    assert isinstance(result, Article)
    assert ARABIC in result.text
    assert result.encoding == "cp1256"
    assert result.warnings == ()


def test_meta_charset_is_ignored_for_plain_text() -> None:
    raw = '<meta charset="windows-1256"> café'.encode("utf-8")
    assert decode_bytes(raw, media_type="text/plain").text == '<meta charset="windows-1256"> café'


def test_transport_charset_beats_the_page() -> None:
    raw = b'<html><head><meta charset="utf-8"></head><body>' + FRENCH.encode("cp1252") + b"</body>"
    decoded = decode_bytes(raw, media_type="text/html", declared_charset="windows-1252")
    assert FRENCH in decoded.text
    assert decoded.encoding == "cp1252"


def test_wrong_declaration_falls_through_with_a_warning() -> None:
    raw = b'<html><head><meta charset="utf-8"></head><body>' + FRENCH.encode("cp1252") + b"</body>"
    decoded = decode_bytes(raw, media_type="text/html")
    assert FRENCH in decoded.text
    assert decoded.warnings[0] == "the page declared charset 'utf-8' but the bytes are not valid utf-8"


def test_latin1_label_means_windows_1252_like_browsers() -> None:
    raw = b"<meta charset=iso-8859-1><p>" + CURLY.encode("cp1252")
    assert CURLY in decode_bytes(raw, media_type="text/html").text


def test_html_declared_charset_forms() -> None:
    assert html_declared_charset(b'<meta charset="UTF-8">') == "utf-8"
    assert html_declared_charset(b"<META HTTP-EQUIV='content-type' "
                                 b"CONTENT='text/html; charset=koi8-r'>") == "koi8-r"
    assert html_declared_charset(b'<?xml version="1.0" encoding="ISO-8859-6"?><html>') == \
        "iso-8859-6"
    assert html_declared_charset(b"<p>charset=nothing</p>") is None


@pytest.mark.parametrize("raw, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive or Office document"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip archive"),
    (b"plain words\x00and a NUL", "contains NUL bytes"),
    (bytes(range(1, 9)) * 20 + b"some text", "94% control characters"),
])
def test_binary_kinds(raw: bytes, kind: str) -> None:
    assert binary_kind(raw) == kind
    failure = article_from_bytes(raw, uri="a.pdf", media_type="text/plain")
    assert failure == Failure("a.pdf", "ingest", "binary", f"binary file ({kind}), not text")


@pytest.mark.parametrize("raw", [b"Plain news text.\n", b"Tabs\tand\r\nform\x0cfeeds", b"\xff\xfeh\x00i\x00"])
def test_text_is_not_binary(raw: bytes) -> None:
    assert binary_kind(raw) is None


@pytest.mark.parametrize("raw, message", [(b"", "empty file (0 bytes)"),
                                          (b" \n\t\r\n", "empty file (only whitespace)"),
                                          ("\u00a0\u3000".encode(), "empty file (only whitespace)")])
def test_empty(raw: bytes, message: str) -> None:
    assert article_from_bytes(raw, uri="a.txt", media_type="text/plain") == \
        Failure("a.txt", "ingest", "empty", message)


def test_undecodable_bytes_are_replaced_with_a_warning() -> None:
    # Not valid UTF-8, and too short and odd for charset-normalizer to commit to.
    raw = b"ok \x81\x8d\x8f\x90\x9d ok"
    decoded = decode_bytes(raw)
    assert decoded.text.startswith("ok ") and decoded.text.endswith(" ok")
    assert decoded.warnings


def test_article_id_is_the_hash_of_the_bytes() -> None:
    a = article_from_bytes(b"same", uri="a", media_type="text/plain")
    b = article_from_bytes(b"same", uri="b", media_type="text/plain")
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.id == b.id == "0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5"

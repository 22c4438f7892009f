"""The plain-text reader: decoded page text in, a `Layout` of classified lines and metadata out.

Responsible for: splitting the text into blocks (every line break is a paragraph boundary; blank
lines are skipped; each block is the stripped line with its offsets in the input, so
`text[raw_start:raw_end] == block.text`), running the block classifier, and reading the page's
metadata off the classified blocks: title, bylines, publication date, the dateline that opens the
story ("HASAKAH –", "BEIRUT (Reuters) -", "Kabul, 5 May (AFP) —"; it stays in the body text, only
recorded here) and the outlet, when the page names it.

Not responsible for: HTML (`extract.html`), joining blocks into clean text (`extract.assemble`),
or metadata that came beside the content (a JSONL record's fields win over what is guessed here,
in `assemble`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .bylines import split_byline
from .dates import find_dates, find_published
from .layout import Block, Layout
from .paragraphs import NAV_WORDS, SOURCE_CREDIT, classify, is_nav_line, nav_items

__all__ = ["layout_plain_text", "split_blocks", "find_dateline", "find_outlet"]

_LINE = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
# The dash that ends a dateline: spaced hyphen/en/em dash, or the Spanish ".-".
_DATELINE_END = re.compile(r"\s*(?:\s[-–—]+|[-–—]{2}|\.[-–—]|\s*[–—])\s+(?=\S)")
_AGENCY = re.compile(r"\(\s*(?P<agency>[^()]{2,40}?)\s*\)")
_PARTICLES = frozenset("al el de la le du of upon on am an der city".split())
MAX_DATELINE_CHARS = 60
MAX_PLACE_WORDS = 4
_TAGLINE_SPLIT = re.compile(r"\s+[-–—|:]\s+|\s*:\s+")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>[^.©\d]{2,60}?)"
                        r"\s*(?:\d{4})?\s*(?:\.|,|$|all rights)", re.IGNORECASE)
_SIGNATURE_TAIL = re.compile(r"\s+(?:management|team|editorial board|editors|administration|staff)$", re.I)
_NOT_SITE_NAME = re.compile(r"^(?:share|follow|subscribe|tweet|print|email|sign|log|menu|search)\b", re.I)
# "By Global Wire staff": the staff credit names the outlet.
_STAFF_OF = re.compile(r"^by\s+(?!our\b|a\b|the\b)(?P<name>[^|,]{2,40}?)\s+(?:staff|correspondents?|reporters?|"
                       r"newsroom|desk)\b", re.I)
_WE_ARE = re.compile(r"^(?P<name>[^:.]{3,60}?)\s*:\s+we are\b", re.IGNORECASE)


def split_blocks(text: str) -> list[Block]:
    """One block per non-blank line, stripped, with its offsets in `text`."""
    blocks = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        blocks.append(Block(text=stripped, raw_start=start, raw_end=start + len(stripped)))
    return blocks


def layout_plain_text(text: str) -> Layout:
    """Classify the lines of a plain-text page and read its metadata."""
    blocks = classify(split_blocks(text))
    title = next((b.text for b in blocks if b.kind == "title"), None)
    authors = []
    for b in blocks:
        if b.kind == "byline" and b.reason in ("byline", "date-line"):
            found = split_byline(b.text)
            if found is not None and found[0] not in authors:
                authors.append(found[0])
    first_body = next((b for b in blocks if b.kind == "body" and not b.subheading), None)
    dateline = agency = None
    if first_body is not None:
        found_dl = find_dateline(first_body.text)
        if found_dl is not None:
            dateline, agency = found_dl
    layout = Layout(blocks=blocks, title=title, authors=authors, published=find_published(blocks),
                    dateline=dateline, outlet=find_outlet(blocks) or agency)
    if first_body is None:
        layout.warnings.append("no body paragraph recognised in the plain text")
    return layout


def _is_place_word(word: str) -> bool:
    first = next((c for c in word if c.isalpha()), "")
    return bool(first) and (first.isupper() or not first.islower() or word.lower() in _PARTICLES)


def find_dateline(paragraph: str) -> tuple[str, str | None] | None:
    """(place as written, agency or None) of the dateline opening `paragraph`, else None.

    "HASAKAH – As the battle ..." -> ("HASAKAH", None); "BEIRUT, Sept 6 (Global Wire) - ..." ->
    ("BEIRUT", "Global Wire"); "KANO, Nigeria - ..." -> ("KANO, Nigeria", None).
    """
    m = _DATELINE_END.search(paragraph, 0, MAX_DATELINE_CHARS + 8)
    if m is None or m.start() > MAX_DATELINE_CHARS:
        return None
    head = paragraph[:m.start()].strip()
    agency = None
    am = _AGENCY.search(head)
    if am:
        agency = am.group("agency")
        head = (head[:am.start()] + head[am.end():]).strip(" ,")
    parts = [p.strip() for p in head.split(",") if p.strip()]
    if not parts:
        return None
    kept = [parts[0]]
    for part in parts[1:]:
        if find_dates(part) or part[:1].isdigit():
            continue  # the date of a wire dateline is not part of the place
        kept.append(part)
    place = ", ".join(kept)
    words = place.replace("/", " ").split()
    if not 0 < len(words) <= MAX_PLACE_WORDS or any(c.isdigit() for c in place):
        return None
    if not all(_is_place_word(w) for w in words):
        return None
    # A Title Case opener ("Meanwhile -") is too often prose; wire datelines are capitals or short.
    letters = [c for c in parts[0] if c.isalpha()]
    if len(words) > 2 and not all(c.isupper() or not c.islower() for c in letters):
        return None
    return place, agency


def _outlet_name(text: str) -> str | None:
    text = text.strip(" .:-–—|")
    words = text.split()
    if not 0 < len(words) <= 6 or any(c.isdigit() for c in text):
        return None
    if text.isupper() and len(text) > 4:
        return " ".join(w.capitalize() if len(w) > 3 else w for w in words)
    return text


def find_outlet(blocks: Sequence[Block]) -> str | None:
    """The publisher the page names: a "Source:" credit, a bare credit line, the masthead or the
    first item of a top menu, a copyright line, a site notice's signature, an "About" blurb."""
    by_reason: dict[str, list[Block]] = {}
    for b in blocks:
        by_reason.setdefault(b.reason, []).append(b)
    for b in by_reason.get("source-credit", []):
        m = SOURCE_CREDIT.match(b.text)
        if m and _outlet_name(m.group("outlet")):
            return _outlet_name(m.group("outlet"))
    for b in by_reason.get("credit-line", []):
        if _outlet_name(b.text):
            return _outlet_name(b.text)
    for b in by_reason.get("masthead", []):
        name = _outlet_name(_TAGLINE_SPLIT.split(b.text, maxsplit=1)[0])
        if name:
            return name
    for b in blocks[:3]:
        if b.kind == "boilerplate" and is_nav_line(b.text):
            first = nav_items(b.text)[0]
            if first.lower() not in NAV_WORDS and not _NOT_SITE_NAME.match(first) and _outlet_name(first):
                return _outlet_name(first)
    for b in blocks:
        m = _STAFF_OF.match(b.text) if b.kind == "byline" else None
        if m and _outlet_name(m.group("name")):
            return _outlet_name(m.group("name"))
    for b in by_reason.get("copyright", []):
        m = _COPYRIGHT.search(b.text)
        if m and _outlet_name(m.group("name")):
            return _outlet_name(m.group("name"))
    for b in by_reason.get("notice-signature", []):
        name = _outlet_name(_SIGNATURE_TAIL.sub("", b.text))
        if name:
            return name
    for b in by_reason.get("author-bio", []):
        m = _WE_ARE.match(b.text)
        if m and _outlet_name(m.group("name")):
            return _outlet_name(m.group("name"))
    return None

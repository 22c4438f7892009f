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
from collections.abc import Iterator, Sequence

from .bylines import split_byline
from .dates import find_dates, find_published
from .layout import Block, Layout
from .boilerplate_patterns import ABOUT_SITE
from .paragraphs import NAV_WORDS, SOURCE_CREDIT, classify, is_nav_line, nav_items

__all__ = ["layout_plain_text", "split_blocks", "find_dateline", "find_outlet", "outlet_candidates", "block_authors", "opening_dateline"]

_LINE = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
# The dash that ends a dateline: spaced hyphen/en/em dash, or the Spanish ".-".
_DATELINE_END = re.compile(r"\s*(?:\s[-–—]+|[-–—]{2}|\.[-–—]|\s*[–—])\s+(?=\S)")
_AGENCY = re.compile(r"\(\s*(?P<agency>[^()]{2,40}?)\s*\)")
_PARTICLES = frozenset("al el de la le du of upon on am an der city".split())
MAX_DATELINE_CHARS = 60
_AGENCY_CODE = re.compile(r"^[A-Z]{2,5}$")
MAX_PLACE_WORDS = 4
_TAGLINE_SPLIT = re.compile(r"\s+[-–—|:]\s+|\s*:\s+")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>[^.©\d]{2,60}?)"
                        r"\s*(?:\d{4})?\s*(?:\.|,|$|all rights)", re.IGNORECASE)
_SIGNATURE_TAIL = re.compile(r"\s+(?:management|team|editorial board|editors|administration|staff)$", re.I)
_NOT_SITE_NAME = re.compile(r"^(?:share|follow|subscribe|tweet|print|email|sign|log|menu|search)\b", re.I)
# "By Global Wire staff": the staff credit names the outlet.
_STAFF_OF = re.compile(r"^by\s+(?!our\b|a\b|the\b|staff\b|special\b|senior\b)(?P<name>[^|,]{2,40}?)\s+(?:staff|correspondents?|reporters?|"
                       r"newsroom|desk)\b", re.I)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
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
    dateline, agency = opening_dateline(blocks)
    layout = Layout(blocks=blocks, title=title, authors=block_authors(blocks), published=find_published(blocks),
                    dateline=dateline, outlet=find_outlet(blocks) or agency)
    if not any(b.kind == "body" and not b.subheading for b in blocks):
        layout.warnings.append("no body paragraph recognised in the plain text")
    return layout


def block_authors(blocks: Sequence[Block]) -> list[str]:
    """The byline strings of a classified page as written ("By: X", "Reporting by X; Editing by Y",
    a bare "X, Y" under the headline), each once; staff credits with no names included."""
    authors: list[str] = []
    for b in blocks:
        if b.kind != "byline":
            continue
        if b.reason in ("byline", "date-line"):
            found = split_byline(b.text)
            credit = found[0] if found is not None else None
        else:
            credit = b.text if b.reason == "byline-names" else None
        if credit is not None and credit not in authors:
            authors.append(credit)
    return authors


def opening_dateline(blocks: Sequence[Block]) -> tuple[str | None, str | None]:
    """(place, agency) of the dateline that opens the first body paragraph; (None, None) if none."""
    first_body = next((b for b in blocks if b.kind == "body" and not b.subheading), None)
    found = find_dateline(first_body.text) if first_body is not None else None
    return found if found is not None else (None, None)


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
        if agency is None and _AGENCY_CODE.match(part) and not parts[0].isupper():
            agency = part  # "Damascus, SHH -": an agency's initials after a Title Case place
            continue
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
    """The publisher of the page, as the page names it; None when it does not.

    Decision (syndicated copies): the outlet is who published *this page*, so the page's own
    identity wins over a "Source: X" credit, which names where the story came from. A republished
    wire story on FVNA's site ("Source: Meridian Press", FVNA header and footer) is FVNA's. The
    "Source:" credit is used only when the page shows no identity of its own, as a bare credit line
    under the headline ("ARA News") is. See `outlet_candidates` for the order.
    """
    return next((name for _, name in outlet_candidates(blocks)), None)


def outlet_candidates(blocks: Sequence[Block]) -> Iterator[tuple[str, str]]:
    """(evidence, name) for every outlet name the page gives, the page's own identity first:
    masthead, the first item of a top menu, the site's name on a line of its own, the site
    describing itself in its footer ("FVNA publishes reports from ..."), the copyright holder, a site
    notice's signature, an "About" blurb ("X: We are ..."), a staff credit ("By Global Wire staff"),
    a bare credit line under the headline, and last the "Source:" credit (the story's origin)."""
    by_reason: dict[str, list[Block]] = {}
    for b in blocks:
        by_reason.setdefault(b.reason, []).append(b)

    def named(evidence: str, raw: str | None) -> Iterator[tuple[str, str]]:
        name = _outlet_name(raw) if raw else None
        if name:
            yield evidence, name

    for b in by_reason.get("masthead", []):
        part = _TAGLINE_SPLIT.split(b.text, maxsplit=1)[0]
        if not all(w.lower() in NAV_WORDS for w in part.split()):  # "WORLD NEWS" is a section label
            yield from named("masthead", part)
    for b in blocks[:3]:
        if b.kind == "boilerplate" and is_nav_line(b.text):
            first = nav_items(b.text)[0]
            if first.lower() not in NAV_WORDS and not _NOT_SITE_NAME.match(first):
                yield from named("menu", first)
    for b in by_reason.get("site-name", []):
        yield from named("site-name", _TAGLINE_SPLIT.split(b.text, maxsplit=1)[0])
    for b in blocks:
        if b.kind == "boilerplate" and b.reason in ("about-site", "syndication-note", "disclaimer", "donation"):
            m = ABOUT_SITE.match(b.text)
            if m:
                yield from named("about-site", _THE.sub("", m.group("name")))
    for b in by_reason.get("copyright", []):
        m = _COPYRIGHT.search(b.text)
        yield from named("copyright", m.group("name") if m else None)
    for b in by_reason.get("notice-signature", []):
        yield from named("notice-signature", _SIGNATURE_TAIL.sub("", b.text))
    for b in by_reason.get("author-bio", []) + by_reason.get("about-site", []):
        m = _WE_ARE.match(b.text)
        yield from named("we-are", m.group("name") if m else None)
    for b in blocks:
        m = _STAFF_OF.match(b.text) if b.kind == "byline" else None
        yield from named("staff-credit", m.group("name") if m else None)
    for b in by_reason.get("credit-line", []):
        yield from named("credit-line", b.text)
    for b in by_reason.get("source-credit", []):
        m = SOURCE_CREDIT.match(b.text)
        yield from named("source-credit", m.group("outlet") if m else None)

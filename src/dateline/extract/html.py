"""HTML pages → a `Layout`: trafilatura finds the main text and metadata, we classify its blocks.

trafilatura (with htmldate for the publication date) does the heavy lifting; what it leaves behind
(bylines inside the article, share prompts, related-article lists, the site's own footer blurbs) is
caught by the same block classifier the plain-text path uses, told the site's name and host so it can
recognise the site's own furniture. Metadata trafilatura reads from the markup (title, date, site
name, meta author) comes first; what the page's text says fills the gaps: the bylines among the
blocks ("Reporting by X; Editing by Y", "By X"), the opening dateline ("BEIRUT (Meridian) -"), a
date line, an outlet named in the text. Offsets into the raw HTML are not kept: a block is text that
the extractor produced, not a slice of the markup.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import trafilatura

from ..model import PartialDate
from .layout import Block, Layout


def layout_html(html: str, *, url: str | None = None) -> Layout:
    """Extract and classify; raises `ValueError` when the page has no extractable text."""
    from .dates import find_published
    from .paragraphs import classify
    from .plaintext import block_authors, find_outlet, opening_dateline

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, deduplicate=False)
    text = (doc.text if doc is not None else None) or ""
    if not text.strip():
        # trafilatura gives up on very short or oddly built pages; the visible text is still better
        # than nothing, and the block classifier will sort it.
        text = _visible_text(html)
    if not text.strip():
        raise ValueError("no text found in the HTML")
    blocks = [Block(line.strip()) for line in text.split("\n") if line.strip()]
    title = (doc.title if doc is not None else None) or None
    published = None
    if doc is not None and doc.date:
        try:
            published = PartialDate.parse_iso(doc.date, text=doc.date)
        except ValueError:
            published = None
    page_url = (doc.url if doc is not None else None) or url
    sitename = (doc.sitename if doc is not None else None) or None
    meta_authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()] if doc is not None else []
    classify(blocks, site_names=[n for n in (sitename, _host(page_url)) if n])
    layout = Layout(blocks=blocks, title=title, published=published, url=page_url)
    _mark_title(layout)
    # The bylines the text prints carry every name (editors included); a meta author already
    # inside one of them is not repeated.
    credits = block_authors(blocks)
    layout.authors = [a for a in meta_authors if not any(a in c for c in credits)] + credits
    layout.dateline, agency = opening_dateline(blocks)
    layout.outlet = sitename or find_outlet(blocks) or agency
    if layout.published is None:
        layout.published = find_published(blocks)
    if layout.title is None:
        layout.title = next((b.text for b in blocks if b.kind == "title"), None)
    return layout


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None


def _mark_title(layout: Layout) -> None:
    """trafilatura repeats the headline as the first line; say so before the classifier runs."""
    if not layout.title:
        return
    key = layout.title.strip().casefold()
    for b in layout.blocks[:3]:
        if b.text.casefold() == key:
            b.kind, b.reason = "title", "html-title"


def _visible_text(html: str) -> str:
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # lxml raises several unrelated types for hopeless markup
        return ""
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return "\n".join(t.strip() for t in tree.itertext() if t.strip())

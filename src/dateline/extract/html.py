"""HTML pages → a `Layout`: trafilatura finds the main text and metadata, we classify its blocks.

trafilatura (with htmldate for the publication date) does the heavy lifting; what it leaves behind
(bylines inside the article, share prompts, related-article lists) is caught by the same block
classifier the plain-text path uses. Offsets into the raw HTML are not kept: a block is text that
the extractor produced, not a slice of the markup.
"""
from __future__ import annotations

import trafilatura

from ..model import PartialDate
from .layout import Block, Layout


def layout_html(html: str, *, url: str | None = None) -> Layout:
    """Extract and classify; raises `ValueError` when the page has no extractable text."""
    from .paragraphs import classify

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
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()] if doc is not None else []
    layout = Layout(blocks=blocks, title=title, authors=authors, published=published,
                    outlet=(doc.sitename if doc is not None else None) or None,
                    url=(doc.url if doc is not None else None) or url)
    classify(layout.blocks)
    _mark_title(layout)
    return layout


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

"""The extract stage: one `Article` in, one clean `Document` out.

Format-specific readers (`plaintext`, `html`) produce a `Layout` of classified blocks and metadata;
`assemble` is the one place that turns a layout into the clean text every later span points into,
records each paragraph's offsets in both the clean text and the input, and applies what the source
told us beside the content (a JSONL record's or a caller's url, outlet, published date), which wins
over what we guessed from the page.
"""
from __future__ import annotations

from ..model import Article, Document, Paragraph, PartialDate
from .language import LanguageDetector
from .layout import Block, Layout

PARAGRAPH_SEPARATOR = "\n\n"

def _gap(raw: str, previous: Block | None, block: Block, *, first: bool) -> str:
    """What goes before a kept block in the clean text.

    Where nothing was removed, the input's own whitespace is kept, so a clean page's offsets are
    the input's offsets (what users' gold files index); where boilerplate was cut, a blank line.
    """
    if block.raw_start is not None and (first or (previous is not None and previous.raw_end is not None)):
        lead = raw[0 if first else previous.raw_end:block.raw_start]
        if not lead.strip():
            return lead
    return "" if first else PARAGRAPH_SEPARATOR


__all__ = ["extract", "layout_for", "assemble", "LanguageDetector", "Layout", "Block"]


def layout_for(article: Article) -> Layout:
    if article.media_type == "text/html":
        from .html import layout_html

        return layout_html(article.text, url=article.hints.get("url"))
    from .plaintext import layout_plain_text

    return layout_plain_text(article.text)


def extract(article: Article, *, detector: LanguageDetector | None = None) -> Document:
    """Raises `ValueError` when the article has no usable text; the pipeline records that as a failure."""
    layout = layout_for(article)
    return assemble(article, layout, detector=detector)


def assemble(article: Article, layout: Layout, *, detector: LanguageDetector | None = None) -> Document:
    paragraphs, pieces, pos = [], [], 0
    previous: Block | None = None      # the last kept block, if nothing was dropped since
    for block in layout.blocks:
        para = Paragraph(kind=block.kind, text=block.text, raw_start=block.raw_start,
                         raw_end=block.raw_end, subheading=block.subheading, reason=block.reason)
        if block.kind == "boilerplate":
            previous = None
        else:
            gap = _gap(article.text, previous, block, first=not pieces)
            pos += len(gap)
            para.start, para.end = pos, pos + len(block.text)
            pieces.append(gap + block.text)
            pos = para.end
            previous = block
        paragraphs.append(para)
    text = "".join(pieces)
    if not text.strip():
        raise ValueError("nothing but boilerplate: no article text left after cleaning")

    hints = article.hints
    warnings = list(article.warnings) + list(layout.warnings)
    published = layout.published
    if hints.get("published"):
        try:
            published = PartialDate.parse_iso(str(hints["published"]), text=str(hints["published"]))
        except ValueError:
            warnings.append(f"ignored the given published date {hints['published']!r}: not an ISO date")
    language = score = None
    if detector is not None:
        body = "\n".join(p.text for p in paragraphs if p.kind == "body") or text
        language, score = detector.detect(body)
    return Document(
        id=article.id, article_id=article.id, uri=article.uri, text=text, paragraphs=paragraphs,
        media_type=article.media_type,
        outlet=hints.get("outlet") or layout.outlet,
        url=hints.get("url") or layout.url,
        title=hints.get("title") or layout.title,
        authors=list(layout.authors), published=published, dateline=layout.dateline,
        language=language, language_score=score, warnings=warnings,
    )

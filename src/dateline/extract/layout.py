"""What a format-specific extractor hands to `extract.assemble`: blocks with kinds, and metadata.

A `Layout` is the seam between "how do I read this format" (plain text, HTML) and "how do I build
a Document" (one place that joins the kept blocks into clean text and records every offset).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ParagraphKind, PartialDate


@dataclass
class Block:
    """One paragraph-sized piece of the input.

    `raw_start`/`raw_end` locate `text` in the decoded input when it is a literal slice of it
    (plain text); None when the block was produced by an HTML extractor.
    """
    text: str
    raw_start: int | None = None
    raw_end: int | None = None
    kind: ParagraphKind = "body"
    subheading: bool = False
    reason: str = ""


@dataclass
class Layout:
    blocks: list[Block]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: PartialDate | None = None
    dateline: str | None = None
    outlet: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)

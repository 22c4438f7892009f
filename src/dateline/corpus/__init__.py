"""The corpus stage: what needs several documents — duplicates, stories, discrepancies, framing.

Every function reads and writes through a `StoryTables` (`dateline.store.stories.StoryTables(store)`),
because this stage sits below the store and never imports it:

    >>> from dateline.store import Store
    >>> from dateline.store.stories import StoryTables
    >>> from dateline.corpus import list_stories, compare, framing, write_report
    >>> tables = StoryTables(Store.open("corpus.sqlite", readonly=True))
    >>> list_stories(tables, min_documents=2)
"""
from .compare import compare, format_comparison, list_stories
from .framing import framing, source_diversity, update_framing
from .report import render_html, render_markdown, write_report
from .stories import StoryTables, cluster, rebuild_stories, update_stories

__all__ = ["StoryTables", "cluster", "compare", "format_comparison", "framing", "list_stories", "rebuild_stories",
           "render_html", "render_markdown", "source_diversity", "update_framing", "update_stories", "write_report"]

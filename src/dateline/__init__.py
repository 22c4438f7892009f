"""dateline: messy conflict reporting in, an evidence-grade sourced dataset out.

    >>> import dateline
    >>> result = dateline.analyze(html_or_text, url=None, published="2017-10-18")
    >>> result.to_dict()["document"]["title"]
    >>> corpus = dateline.open("corpus.sqlite")
    >>> corpus.search("Tabqa")
"""
from __future__ import annotations

import functools
from pathlib import Path

__version__ = "0.1.0"

from .errors import DatelineError, MissingExtra, StoreCorrupt, StoreError, StoreNotFound, UsageError  # noqa: E402
from .model import Analysis, Article, Document, Failure, Paragraph, PartialDate  # noqa: E402

__all__ = [
    "__version__", "analyze", "open", "run", "Pipeline",
    "Analysis", "Article", "Document", "Failure", "Paragraph", "PartialDate",
    "DatelineError", "UsageError", "MissingExtra", "StoreError", "StoreNotFound", "StoreCorrupt",
]


@functools.lru_cache(maxsize=1)
def _default_pipeline():
    # Models load once per process: analyze() is called in loops (the scorecard calls it per text).
    from .pipeline import Pipeline

    p = Pipeline()
    p.setup()
    return p


def analyze(text_or_html: str | bytes, *, url: str | None = None, published: str | None = None,
            outlet: str | None = None) -> Analysis:
    """Clean and analyse one article given as text or HTML; nothing is stored."""
    return _default_pipeline().analyze(text_or_html, url=url, published=published, outlet=outlet)


def open(db: str | Path, *, readonly: bool = True):  # noqa: A001 - mirrors sqlite3.connect/builtins.open
    """The stored corpus at `db` (a `dateline.store.Store`)."""
    from .store import Store

    return Store.open(db, readonly=readonly, create=not readonly)


def run(sources, db: str | Path, **kw):
    """Ingest files, folders or globs into the database at `db`; see `dateline.pipeline.run`."""
    from .pipeline import run as _run

    return _run(sources, str(db), **kw)


def __getattr__(name: str):
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)

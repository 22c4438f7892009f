"""The web app behind `dateline serve`: map, timeline, events, evidence and sources in a browser.

A read-only FastAPI application over one dateline database. Pages are server-rendered Jinja2
(autoescaped: article text is untrusted) with a little JavaScript served as static files; the JSON
API under `/api/` returns the same data the pages show, from the same queries
(`dateline.store.views`). Build it with `create_app(db_path)`; nothing here writes.
"""
from .app import create_app

__all__ = ["create_app"]

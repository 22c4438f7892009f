"""`dateline serve`: the web app over a database, read-only, on 127.0.0.1 unless told otherwise.

Kept apart from `cli.py` so the command line does not import the web stack until `serve` runs, and
works without the `web` extra installed (serve then says how to install it).
"""
from __future__ import annotations

import os

import click

from .errors import MissingExtra


@click.command()
@click.option("--db", default=lambda: os.environ.get("DATELINE_DB", "dateline.sqlite"),
              show_default="$DATELINE_DB or dateline.sqlite", help="The database file (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 exposes the app to your network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--tiles-url", default=None,
              help="Online map tiles as {z}/{x}/{y} URL template (default: OpenStreetMap); the offline "
                   "country map always works.")
@click.option("--no-tiles", is_flag=True, help="Offer no online tiles at all (fully offline).")
def serve(db: str, host: str, port: int, tiles_url: str | None, no_tiles: bool) -> None:
    """Explore the database in a browser: map, timeline, events, evidence, sources.

    Read-only: nothing you click changes the database. The JSON API is under /api/ (docs at /api/docs).
    """
    try:
        import uvicorn

        from .web import create_app
        from .web.app import DEFAULT_TILES
    except ImportError as exc:
        raise MissingExtra(exc.name or "fastapi", "web") from None
    # Opening the database here (not on the first request) reports a missing or corrupt file before listening.
    app = create_app(db, tiles_url=None if no_tiles else (tiles_url or DEFAULT_TILES))
    click.echo(f"dateline: serving {os.path.abspath(db)} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")

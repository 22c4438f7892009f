"""Fixtures for the web app's tests: databases built by the real pipeline, a live server, a browser.

Databases are built once per session (about 10 s each): the five samples plus an article carrying
script payloads, and the shipped demo corpus (which mentions Tabqa and has stories). The server is
uvicorn in a thread on 127.0.0.1 and a free port. The browser is Debian's Chromium driven by
Playwright; the browser tests skip, saying why, when /usr/bin/chromium is missing (`make browser`).
"""
from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "articles"

# Each payload, if it ran, would set window.__pwned and change the page title.
PAYLOADS = [
    "<script>window.__pwned = 1; document.title = 'pwned'</script>",
    "<img src=x onerror=\"window.__pwned = 2; document.title = 'pwned'\">",
    "<a href=\"javascript:window.__pwned=3\">click here</a>",
    "<svg onload=\"window.__pwned = 4\"></svg>",
    "\"><script>window.__pwned = 5</script>",
]
HOSTILE = {
    "id": "hostile-1",
    "title": "Air strike on Raqqa <img src=x onerror=\"window.__pwned=6; document.title='pwned'\">",
    "outlet": "Evil <script>window.__pwned=7</script> Wire",
    "url": "javascript:window.__pwned=8",
    "published": "2017-06-12",
    "text": ("Air strike on Raqqa <img src=x onerror=\"window.__pwned=6\">\n\n"
             "RAQQA – An air strike killed 12 civilians in the Syrian city of Raqqa on Monday, the Syrian "
             f"Observatory for Human Rights said. {PAYLOADS[0]} Activists posted {PAYLOADS[1]} photos.\n\n"
             f"\"We heard the planes {PAYLOADS[2]} and then the whole street shook,\" a resident told the monitor "
             f"{PAYLOADS[3]}.\n\nLocal activists said between 10 and 15 people were wounded {PAYLOADS[4]}.\n"),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory) -> str:
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not present")
    import dateline

    folder = tmp_path_factory.mktemp("web-samples")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = str(folder / "samples.sqlite")
    dateline.run([str(SAMPLES), str(hostile)], db)
    return db


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    import dateline
    from dateline.resources import demo_articles_dir

    db = str(tmp_path_factory.mktemp("web-demo") / "demo.sqlite")
    dateline.run([str(demo_articles_dir())], db)
    return db


class LiveServer:
    """uvicorn serving one app in a daemon thread."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def samples_server(samples_db):
    from dateline.web import create_app

    with LiveServer(create_app(samples_db, tiles_url=None)) as server:
        yield server


@pytest.fixture(scope="session")
def demo_server(demo_db):
    from dateline.web import create_app

    with LiveServer(create_app(demo_db, tiles_url=None)) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (run `make browser`)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors (CSP violations show up there) and page errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def screenshot(page, name: str, **kw) -> Path:
    """Save a small PNG (under 300 KB) for the README and for reviewers."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), **kw)
    return path

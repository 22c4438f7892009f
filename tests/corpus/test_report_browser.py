"""The HTML report in a real headless Chromium: the plots and tables render, with no network."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dateline.corpus import write_report
from dateline.pipeline import run
from dateline.store import Store
from dateline.store.stories import StoryTables

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "stories"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def test_the_report_renders_its_plot_and_tables_in_chromium(tmp_path):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("headless Chromium is not installed at /usr/bin/chromium (Debian package `chromium`)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")
    db = str(tmp_path / "corpus.sqlite")
    run([str(FIXTURE / "articles")], db)
    page_file = tmp_path / "report.html"
    with Store.open(db, readonly=True) as store:
        write_report(StoryTables(store), page_file)
    shot = tmp_path / "report.png"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            page.screenshot(path=str(shot), full_page=True)
            for selector in ("#timeline", "#map", "#stories", "#framing", "#disagreements"):
                assert page.locator(selector).is_visible(), selector
            box = page.locator("#timeline").bounding_box()
            assert box and box["width"] > 300 and box["height"] > 50
            assert page.locator("#timeline circle").count() >= 6
            assert page.locator("#stories tr").count() == 7          # header + six stories
        finally:
            browser.close()
    assert shot.stat().st_size > 10_000
    assert all(u.startswith("file:") for u in requests), requests

"""The web app in a real headless Chromium: what an analyst clicks, and what an attacker's article tries.

Runs against a live server over databases built by the real pipeline (see conftest). Screenshots
go to tests/web/screenshots/ (not tracked; the README shows a copy in docs/screenshots/).
"""
from __future__ import annotations

import re

import httpx
import pytest

from .conftest import screenshot

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def wait_for_markers(page) -> dict[str, int]:
    page.wait_for_function("() => Number(document.getElementById('map-count').dataset.markers) > 0", timeout=15000)
    page.wait_for_load_state("networkidle")
    return {k: int(page.get_attribute("#map-count", f"data-{k}")) for k in ("total", "markers")}


def drawn_markers(page) -> int:
    return page.locator("path.ev-marker").count() + page.locator(".leaflet-marker-pane .cluster").count()


def test_the_map_shows_markers_and_filtering_by_type_changes_the_count(page, samples_server):
    page.goto(samples_server.url + "/map")
    before = wait_for_markers(page)
    assert drawn_markers(page) == before["markers"] > 0
    everything = httpx.get(samples_server.url + "/api/map", params={"zoom": 3}).json()["total"]
    assert before["total"] == everything          # the map fits the data: every located event is in view
    page.locator("#map").wait_for()
    page.wait_for_timeout(300)                    # let the basemap paint before the picture
    screenshot(page, "map")

    page.select_option("select[name=type]", "Battles")
    page.wait_for_function(f"() => Number(document.getElementById('map-count').dataset.total) !== {before['total']}",
                           timeout=15000)
    after = wait_for_markers(page)
    battles = httpx.get(samples_server.url + "/api/events", params={"type": "Battles", "per_page": 1}).json()["total"]
    assert 0 < after["total"] < before["total"]
    assert after["total"] == battles
    assert drawn_markers(page) == after["markers"]
    assert "type=Battles" in page.url              # the filtered view is a shareable address
    assert not page.errors, page.errors


def test_clicking_an_event_opens_its_evidence_in_the_document_view(page, samples_server):
    page.goto(samples_server.url + "/map")
    wait_for_markers(page)
    single = page.locator("path.ev-marker")
    if single.count():
        single.first.click()
    else:   # every event shares a point with another: open a cluster's list, then its first event
        page.locator(".leaflet-marker-pane .cluster").first.click()
        page.locator("#panel a[data-event]").first.click()
    card = page.locator("#panel .event-card")
    card.wait_for(timeout=10000)
    evidence = " ".join(card.locator("blockquote.evidence").first.inner_text().split())
    assert evidence
    screenshot(page, "map-event-card")

    card.locator("a.open-doc").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{64}\?event=\d+#ev-\d+"))
    n = page.url.rsplit("#ev-", 1)[1]
    anchor = page.locator(f"#ev-{n}")
    anchor.wait_for()
    assert "ev-focus" in anchor.get_attribute("class")
    assert anchor.is_visible()
    focused = " ".join(" ".join(t.split()) for t in page.locator(".ann.ev-focus").all_inner_texts())
    assert evidence[:60] in focused.replace(" ", " ") or " ".join(anchor.inner_text().split()) in evidence
    assert page.locator("#doc-text .ann.m-place").count() > 0      # places and actors highlighted too
    assert page.locator("#doc-text .ann.m-actor").count() > 0
    assert page.locator("#doc-text .ann.m-place").first.get_attribute("title").count("→") == 1   # hover: resolved
    screenshot(page, "document")
    assert not page.errors, page.errors


def test_search_finds_tabqa(page, demo_server):
    page.goto(demo_server.url + "/")
    page.fill("header input[name=q]", "Tabqa")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=Tabqa"))
    hits = page.locator("ol.hits > li")
    assert hits.count() >= 1
    assert "tabqa" in page.locator("ol.hits mark").first.inner_text().lower()
    screenshot(page, "search")
    hits.first.locator("a").first.click()
    page.wait_for_url(re.compile(r"/documents/"))
    assert "Tabqa" in page.locator("#doc-text").inner_text()
    assert not page.errors, page.errors


def test_dragging_the_timeline_filters_the_map(page, samples_server):
    page.goto(samples_server.url + "/map")
    before = wait_for_markers(page)
    box = page.locator("#timeline svg").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    page.mouse.up()
    page.wait_for_function("() => document.querySelector('input[name=since]').value !== ''")
    since = page.input_value("input[name=since]")
    until = page.input_value("input[name=until]")
    assert since <= until
    page.wait_for_function(f"() => Number(document.getElementById('map-count').dataset.total) !== {before['total']}",
                           timeout=15000)
    expected = httpx.get(samples_server.url + "/api/map", params={"since": since, "until": until, "zoom": 3}).json()
    assert int(page.get_attribute("#map-count", "data-total")) == expected["total"] < before["total"]


def test_overview_timeline_stories_and_actor_pages_render(page, demo_server):
    page.goto(demo_server.url + "/")
    assert page.locator("svg.chart rect").count() > 0
    screenshot(page, "overview", full_page=True)
    page.goto(demo_server.url + "/timeline")
    page.wait_for_selector("#timeline svg rect")
    page.wait_for_selector("#timeline-events li")
    page.goto(demo_server.url + "/stories")
    first = page.locator("table.stories tbody a").first
    first.click()
    page.wait_for_url(re.compile(r"/stories/"))
    assert page.locator(".compare-col").count() >= 1
    screenshot(page, "story")
    page.goto(demo_server.url + "/actors/islamic-state")
    assert "Daesh" in page.locator("main").inner_text()     # pack aliases
    assert not page.errors, page.errors


HOSTILE_PAGES = ["/", "/events", "/timeline", "/search?q=Raqqa", "/search?q=%3Cscript%3E", "/places", "/actors"]


def test_an_article_carrying_scripts_cannot_run_them(page, samples_server):
    docs = httpx.get(samples_server.url + "/api/search", params={"q": "strike"}).json()["documents"]
    hostile = next(d for d in docs if "onerror" in (d["title"] or ""))
    doc_url = f"/documents/{hostile['id']}"
    event = httpx.get(samples_server.url + "/api/events", params={"document": hostile["id"]}).json()["rows"][0]
    for path in HOSTILE_PAGES + [doc_url, f"/fragments/event/{event['id']}", f"/map?outlet={hostile['outlet']}"]:
        page.goto(samples_server.url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => window.__pwned") is None, path
        assert page.title() != "pwned", path
    page.goto(samples_server.url + doc_url)
    text = page.locator("main").inner_text()
    assert "<script>window.__pwned" in text            # shown as text, not run
    assert "<img src=x onerror=" in text
    assert page.locator("main img, main script, main svg[onload]").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    # The map's event card for the hostile event: hover tooltips and the card are text too.
    page.goto(samples_server.url + "/map?type=Explosions%2FRemote+violence")
    wait_for_markers(page)
    page.evaluate("id => fetch('/fragments/event/' + encodeURIComponent(id))", event["id"])
    for link in page.locator("header a, nav a").all():
        assert not (link.get_attribute("href") or "").startswith("javascript")
    assert page.evaluate("() => window.__pwned") is None
    head = httpx.get(samples_server.url + doc_url)
    assert "script-src 'self'" in head.headers["content-security-policy"]


def test_the_api_reference_renders_offline(page, samples_server):
    """The API page is Swagger UI served by the app itself: nothing is fetched from another host."""
    foreign = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(samples_server.url) else None)
    page.goto(samples_server.url + "/api/docs")
    page.locator(".opblock-summary-path").first.wait_for(timeout=15000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/events" in p for p in paths)
    assert foreign == []
    assert not page.errors, page.errors

"""The JSON API and the pages through FastAPI's TestClient (no browser): shapes, filters, errors, escaping."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from fastapi.testclient import TestClient

from dateline.web import create_app

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def client(samples_db):
    with TestClient(create_app(samples_db, tiles_url=None)) as c:
        yield c


@pytest.fixture(scope="module")
def demo(demo_db):
    with TestClient(create_app(demo_db)) as c:
        yield c


@pytest.fixture(scope="module")
def one_event(samples_db):
    con = sqlite3.connect(samples_db)
    con.row_factory = sqlite3.Row
    row = con.execute("SELECT * FROM events WHERE actor1 IS NOT NULL AND geonameid IS NOT NULL LIMIT 1").fetchone()
    con.close()
    return dict(row)


def test_every_page_answers(client, one_event):
    for path in ["/", "/map", "/timeline", "/events", "/actors", "/places", "/stories", "/search?q=Raqqa",
                 f"/documents/{one_event['document_id']}", f"/actors/{one_event['actor1']}",
                 f"/places/{one_event['geonameid']}", f"/fragments/event/{one_event['id']}", "/fragments/events"]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert "text/html" in r.headers["content-type"]
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert "<script>" not in r.text.replace("<script src=", ""), path   # no inline script anywhere


def test_events_filter_sort_and_page(client):
    everything = client.get("/api/events", params={"per_page": 500}).json()
    battles = client.get("/api/events", params={"type": "Battles"}).json()
    assert 0 < battles["total"] < everything["total"]
    assert {r["event_type"] for r in battles["rows"]} == {"Battles"}
    page2 = client.get("/api/events", params={"per_page": 5, "page": 2}).json()
    assert page2["page"] == 2 and len(page2["rows"]) == 5
    assert [r["id"] for r in page2["rows"]] == [r["id"] for r in everything["rows"][5:10]]
    dated = [r["date_start"] for r in everything["rows"] if r["date_start"]]
    assert dated == sorted(dated, reverse=True)
    by_place = client.get("/api/events", params={"sort": "place", "order": "asc", "per_page": 500}).json()["rows"]
    names = [r["place_name"] for r in by_place if r["place_name"]]
    assert names == sorted(names)
    assert all(r["evidence"] for r in everything["rows"])


def test_filters_by_actor_outlet_place_and_dates(client, one_event):
    by_actor = client.get("/api/events", params={"actor": one_event["actor1"]}).json()
    assert by_actor["total"] >= 1
    assert all(one_event["actor1"] in (r["actor1"], r["actor2"]) for r in by_actor["rows"])
    by_name = client.get("/api/events", params={"actor": "islamic"}).json()
    assert all("Islamic" in f"{r['actor1_name']} {r['actor2_name']}" for r in by_name["rows"])
    by_place = client.get("/api/events", params={"place": one_event["geonameid"]}).json()
    assert by_place["total"] >= 1 and {r["geonameid"] for r in by_place["rows"]} == {one_event["geonameid"]}
    year = client.get("/api/events", params={"since": "2017", "until": "2017"}).json()
    assert year["total"] >= 1 and all(r["date_start"].startswith("2017") for r in year["rows"])
    outlet = client.get("/api/events", params={"outlet": "ARA News"}).json()
    assert all(r["outlet"] == "ARA News" for r in outlet["rows"])


def test_bad_parameters_are_400_or_422_not_500(client):
    assert client.get("/api/events", params={"since": "last week"}).status_code == 400
    assert client.get("/api/events", params={"sort": "drop table"}).status_code == 400
    assert client.get("/api/map", params={"bbox": "1,2,3"}).status_code == 400
    assert client.get("/api/events", params={"page": 0}).status_code == 422
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/documents/zzzzzz").status_code == 404
    assert client.get("/documents/zzzzzz").status_code == 404
    assert client.get("/api/search", params={"q": 'AND OR "('}).status_code == 200   # FTS syntax errors fall back


def test_map_clusters_count_every_located_event(client):
    located = client.get("/api/events/export", params={"format": "geojson"})
    n_located = int(located.headers["x-dateline-events"])
    for zoom in (2, 6, 12, 17):
        out = client.get("/api/map", params={"zoom": zoom}).json()
        assert out["total"] == n_located == sum(c["n"] for c in out["cells"])
        assert all((c["id"] is not None) == (c["n"] == 1) for c in out["cells"])
    world = client.get("/api/map", params={"zoom": 2}).json()["cells"]
    street = client.get("/api/map", params={"zoom": 17}).json()["cells"]
    assert len(world) <= len(street)
    away = client.get("/api/map", params={"zoom": 5, "bbox": "-120,10,-100,20"}).json()
    assert away["total"] == 0


def test_timeline_buckets_and_counts(client):
    total_dated = sum(1 for r in client.get("/api/events", params={"per_page": 500}).json()["rows"] if r["date_start"])
    tl = client.get("/api/timeline").json()
    assert tl["bucket"] in ("day", "week", "month")
    assert sum(r["n"] for r in tl["rows"]) == total_dated
    days = client.get("/api/timeline", params={"bucket": "day", "since": "2017-10-01"}).json()
    assert all(len(r["period"]) == 10 and r["period"] >= "2017-10-01" for r in days["rows"])


def test_event_detail_carries_every_evidence_sentence(client, one_event):
    ev = client.get(f"/api/events/{one_event['id']}").json()
    assert ev["evidence"] and all(e["text"] for e in ev["evidence"])
    assert ev["record"]["event_type"] == one_event["event_type"]
    r = client.get(f"/events/{one_event['id']}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith(f"#ev-{one_event['n']}")


def test_export_the_current_filter_as_acled_csv_and_geojson(client):
    total = client.get("/api/events", params={"type": "Battles"}).json()["total"]
    r = client.get("/api/events/export", params={"type": "Battles", "format": "acled-csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == total and {row["event_type"] for row in rows} == {"Battles"}
    assert "event_id_cnty" in rows[0] and "evidence" in rows[0]
    g = client.get("/api/events/export", params={"type": "Battles", "format": "geojson"}).json()
    assert g["type"] == "FeatureCollection" and len(g["features"]) <= total
    assert client.get("/api/events/export", params={"format": "xlsx"}).status_code == 422


def test_document_api_and_page_show_annotations(client, one_event):
    d = client.get(f"/api/documents/{one_event['document_id']}").json()
    assert d["document"]["text"] and d["annotations"]["mentions"] and d["events"]
    html = client.get(f"/documents/{one_event['document_id']}", params={"event": one_event["n"]}).text
    assert f'id="ev-{one_event["n"]}"' in html and "ev-focus" in html
    assert 'class="ann m-place"' in html and 'class="ann m-actor"' in html


def test_actor_place_and_search(client, demo, one_event):
    a = client.get(f"/api/actors/{one_event['actor1']}").json()
    assert a["events_total"] >= 1 and a["surfaces"]
    assert client.get("/api/actors", params={"q": "islamic"}).json()
    p = client.get(f"/api/places/{one_event['geonameid']}").json()
    assert p["events_total"] >= 1 and p["place"]["lat"] is not None
    assert client.get("/api/places/999999999").status_code == 404
    s = demo.get("/api/search", params={"q": "Tabqa"}).json()
    assert s["documents"] and all("[" in d["snippet"] for d in s["documents"])


def test_stories_show_when_present_and_degrade_when_absent(client, demo, samples_db):
    listed = demo.get("/api/stories").json()
    assert listed and listed[0]["n_outlets"] >= 1
    story = demo.get(f"/api/stories/{listed[0]['id']}").json()
    assert story["outlets"] and "discrepancies" in story
    assert demo.get(f"/stories/{listed[0]['id']}").status_code == 200
    # A database from before the stories migration: the pages say so instead of failing.
    con = sqlite3.connect(samples_db)
    has_table = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'stories'").fetchone()
    con.close()
    if not has_table or not client.get("/api/stories").json():
        assert "No stories yet" in client.get("/stories").text or client.get("/api/stories").json() == []


def test_stories_pages_without_the_stories_tables(tmp_path, samples_db):
    import shutil

    old = tmp_path / "old.sqlite"
    shutil.copy(samples_db, old)
    con = sqlite3.connect(old)
    for table in ("framing", "discrepancies", "story_members", "stories"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    con.commit()
    con.close()
    with TestClient(create_app(old)) as c:
        assert "No stories yet" in c.get("/stories").text
        assert c.get("/api/stories").json() == []
        assert c.get("/api/stories/x").status_code == 404
        assert c.get("/").status_code == 200 and c.get("/timeline").status_code == 200


def test_hostile_text_is_escaped_everywhere(client):
    docs = client.get("/api/search", params={"q": "strike"}).json()["documents"]
    hostile = next(d for d in docs if "onerror" in (d["title"] or ""))
    for path in [f"/documents/{hostile['id']}", "/search?q=strike", "/", "/events",
                 f"/map?outlet={hostile['outlet']}", "/search?q=%3Cscript%3E"]:
        html = client.get(path).text
        assert "<img src=x" not in html and "<script>window" not in html, path
        assert 'href="javascript:' not in html, path
    html = client.get(f"/documents/{hostile['id']}").text
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=" in html


def test_openapi_documents_the_api(client):
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/events", "/api/map", "/api/timeline", "/api/events/export", "/api/documents/{doc_id}",
                 "/api/search", "/api/stories", "/api/actors/{actor_id}", "/api/places/{geonameid}"):
        assert path in spec["paths"], path
    assert not any(p.startswith("/documents") for p in spec["paths"])     # pages stay out of the API docs
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"type", "actor", "outlet", "since", "until", "bbox", "sort", "page"} <= params
    json.dumps(spec)

"""The offline basemap's admin-1 (province) layer: the vendored file, how it is served, how the map draws it.

The file comes from scripts/vendor_admin1.py (Natural Earth admin-1 via Debian's qgis-common); these
tests check what the app ships, not the conversion run, which needs the registry.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.web import create_app

from .conftest import screenshot

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

BASEMAP = Path(__file__).resolve().parents[2] / "src" / "dateline" / "web" / "static" / "basemap"
CONFLICT = "SY IQ YE LY ML BF NE NG SO AF UA MM SD SS TR LB JO IL PS".split()
SYRIA = {"Aleppo", "Ar Raqqah", "As Suwayda'", "Damascus", "Dar`a", "Dayr Az Zawr", "Hamah", "Hasaka (Al Haksa)",
         "Homs (Hims)", "Idlib", "Lattakia", "Quneitra", "Rif Dimashq", "Tartus"}


@pytest.fixture(scope="module")
def client(demo_db):
    with TestClient(create_app(demo_db, tiles_url=None)) as c:
        yield c


@pytest.fixture(scope="module")
def admin1(client):
    r = client.get("/static/basemap/admin1.geojson")
    assert r.status_code == 200
    assert "script-src 'self'" in r.headers["content-security-policy"]
    return r.json()


def polygons(feature) -> list:
    geom = feature["geometry"]
    assert geom["type"] in ("Polygon", "MultiPolygon")
    return [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]


def inside(lon: float, lat: float, feature) -> bool:
    """Even-odd rule over all rings (holes included)."""
    hit = False
    for poly in polygons(feature):
        for ring in poly:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                    hit = not hit
    return hit


def test_admin1_is_served_small_and_valid_geojson(client, admin1):
    size = len(client.get("/static/basemap/admin1.geojson").content)
    assert size < 1_500_000
    assert admin1["type"] == "FeatureCollection" and len(admin1["features"]) > 300
    for f in admin1["features"]:
        assert f["type"] == "Feature"
        props = f["properties"]
        assert set(props) == {"name", "code", "iso2", "adm0"} and props["name"] and len(props["adm0"]) == 3
        assert props["iso2"] is None or (len(props["iso2"]) == 2 and props["iso2"].isupper())
        for poly in polygons(f):
            for ring in poly:
                assert len(ring) >= 4 and ring[0] == ring[-1], props
                for lon, lat in ring:
                    assert -180 <= lon <= 180 and -90 <= lat <= 90
                    assert round(lon, 3) == lon and round(lat, 3) == lat
    assert {f["properties"]["iso2"] for f in admin1["features"]} >= set(CONFLICT)


def test_syria_has_its_governorates_and_raqqa_is_in_ar_raqqah(admin1):
    syria = {f["properties"]["name"]: f for f in admin1["features"] if f["properties"]["iso2"] == "SY"}
    assert set(syria) >= SYRIA
    assert syria["Ar Raqqah"]["properties"]["code"] == "SY04"
    assert inside(39.01, 35.95, syria["Ar Raqqah"])          # Raqqa city
    assert inside(37.16, 36.20, syria["Aleppo"])             # Aleppo city
    assert not inside(39.01, 35.95, syria["Aleppo"])
    holders = [f["properties"]["name"] for f in admin1["features"] if inside(40.14, 35.33, f)]
    assert holders == ["Dayr Az Zawr"]                       # Deir ez-Zor city: exactly one province


def test_the_provenance_note_ships_beside_it():
    note = (BASEMAP / "README.admin1").read_text(encoding="utf-8")
    assert "Natural Earth" in note and "public domain" in note and "vendor_admin1.py" in note


def test_the_map_draws_provinces_from_zoom_5_and_they_can_be_switched_off(page, samples_server):
    page.goto(samples_server.url + "/map")
    page.wait_for_function("() => Number(document.getElementById('map-count').dataset.markers) > 0", timeout=15000)
    # The sample events are in Syria and Iraq: the map fits them at zoom >= 5, where provinces show.
    page.wait_for_function(
        "() => document.querySelectorAll('.leaflet-basemap-provinces-pane path.province').length > 0", timeout=15000)
    assert int(page.get_attribute("#map", "data-provinces")) > 300
    assert page.locator(".leaflet-basemap-countries-pane path.country").count() > 100
    page.wait_for_load_state("networkidle")
    screenshot(page, "map-provinces")

    toggle = page.get_by_label("Provinces (offline)")
    assert toggle.is_checked()
    toggle.uncheck()
    page.wait_for_function("() => document.querySelectorAll('path.province').length === 0", timeout=5000)
    toggle.check()
    page.wait_for_function("() => document.querySelectorAll('path.province').length > 0", timeout=5000)

    for _ in range(6):                                       # fitted at zoom <= 8: six steps out is below 5
        if "leaflet-disabled" in (page.get_attribute(".leaflet-control-zoom-out", "class") or ""):
            break
        page.click(".leaflet-control-zoom-out")
        page.wait_for_timeout(350)
    page.wait_for_function("() => document.querySelectorAll('path.province').length === 0", timeout=5000)
    assert page.locator("path.country").count() > 100
    assert page.errors == []

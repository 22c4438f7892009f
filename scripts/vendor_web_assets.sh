#!/usr/bin/env bash
# Fetch the web app's third-party assets from the npm registry and vendor them into the package,
# so `dateline serve` works offline and pages load nothing from a CDN.
#
#   leaflet@1.9.4        (BSD-2-Clause)  -> src/dateline/web/static/vendor/leaflet/
#   world-atlas@2.0.2    (ISC; data: Natural Earth 1:110m admin-0 countries, public domain)
#   topojson-client@3.1.0 (ISC)          used here only, to turn world-atlas' TopoJSON into GeoJSON
#                                        -> src/dateline/web/static/basemap/countries-110m.geojson
#   qgis-common (Debian bookworm, 3.22.16+dfsg-1): its resources/data/world_map.gpkg holds Natural Earth
#                        1:10m admin-1 states/provinces v4.1.0 (public domain), converted by
#                        scripts/vendor_admin1.py (stdlib only)
#                                        -> src/dateline/web/static/basemap/admin1.geojson (+ README.admin1)
#
# Needs node + npm, and apt-get (Debian) for qgis-common; the package is only downloaded, not installed. Re-run after bumping a version; review the diff of the vendored files.
set -euo pipefail

LEAFLET=1.9.4
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0

REPO="$(cd "$(dirname "$0")/.." && pwd)"
STATIC="$REPO/src/dateline/web/static"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm pack --silent "leaflet@$LEAFLET" "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT" >/dev/null
for pkg in leaflet world-atlas topojson-client; do
    mkdir -p "$pkg" && tar -xzf "$pkg"-*.tgz -C "$pkg" --strip-components=1
done

mkdir -p "$STATIC/vendor/leaflet/images" "$STATIC/basemap"
cp leaflet/dist/leaflet.js leaflet/dist/leaflet.css "$STATIC/vendor/leaflet/"
cp leaflet/dist/images/*.png "$STATIC/vendor/leaflet/images/"
cp leaflet/LICENSE "$STATIC/vendor/leaflet/LICENSE"
cp world-atlas/LICENSE "$STATIC/basemap/LICENSE.world-atlas"

# Keep only what the map draws (name + geometry), rounded to 3 decimals (~100 m): smaller file, same picture.
node - "$WORK" "$STATIC/basemap/countries-110m.geojson" <<'JS'
const [work, out] = process.argv.slice(2);
const fs = require("fs");
const topojson = require(`${work}/topojson-client`);
const topo = JSON.parse(fs.readFileSync(`${work}/world-atlas/countries-110m.json`, "utf8"));
const fc = topojson.feature(topo, topo.objects.countries);
const round = (c) => Array.isArray(c[0]) ? c.map(round) : c.map((v) => Math.round(v * 1000) / 1000);
fc.features = fc.features.map((f) => ({
  type: "Feature", id: f.id, properties: { name: f.properties.name },
  geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
}));
fs.writeFileSync(out, JSON.stringify(fc));
JS
# Admin-1 (province) borders: apt-get download qgis-common, pure-Python conversion (see the script).
python3 "$REPO/scripts/vendor_admin1.py"

echo "vendored leaflet $LEAFLET and world-atlas $WORLD_ATLAS countries (110m) and Natural Earth admin-1 into $STATIC"

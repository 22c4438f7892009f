// The map page: offline country borders, optional online tiles, server-clustered event markers,
// filters and a brushable timeline. Markers come from /api/map for the current zoom and view;
// cards and lists come from /fragments/... (server-rendered and escaped).
"use strict";

(function () {
  const form = document.getElementById("filters");
  const panel = document.getElementById("panel");
  const counter = document.getElementById("map-count");
  const mapEl = document.getElementById("map");

  const map = L.map(mapEl, { worldCopyJump: true, minZoom: 2, maxZoom: 16, preferCanvas: false })
    .setView([34.5, 39], 5);
  // Basemap panes: under the overlay pane (400) that holds the event circles, above the tiles (200);
  // provinces draw over the opaque country fill.
  map.createPane("basemap-countries").style.zIndex = 350;
  map.createPane("basemap-provinces").style.zIndex = 360;
  const countries = L.geoJSON(null, { pane: "basemap-countries", style: { className: "country" }, interactive: false })
    .addTo(map);
  fetch("/static/basemap/countries-110m.geojson").then((r) => r.json()).then((g) => countries.addData(g));

  // Admin-1 borders (Natural Earth 10m, simplified; conflict countries and neighbours): on by default,
  // drawn from zoom PROVINCE_ZOOM on, where they help and stay light; fetched the first time they show.
  const PROVINCE_ZOOM = 5;
  const provinces = L.layerGroup().addTo(map);   // the toggle in the layers control
  let provinceShapes = null;
  function showProvinces() {
    const want = map.hasLayer(provinces) && map.getZoom() >= PROVINCE_ZOOM;
    if (want && !provinceShapes) {
      provinceShapes = L.geoJSON(null, { pane: "basemap-provinces", style: { className: "province" },
                                         interactive: false });
      fetch("/static/basemap/admin1.geojson").then((r) => r.json()).then((g) => {
        provinceShapes.addData(g);
        mapEl.dataset.provinces = String(g.features.length);
      });
    }
    if (!provinceShapes) return;
    if (want && !provinces.hasLayer(provinceShapes)) provinces.addLayer(provinceShapes);
    if (!want && provinces.hasLayer(provinceShapes)) provinces.removeLayer(provinceShapes);
  }
  map.on("zoomend overlayadd", showProvinces);
  showProvinces();

  const overlays = { "Country borders (offline)": countries, "Provinces (offline)": provinces };
  if (mapEl.dataset.tiles) {
    overlays["OpenStreetMap tiles (online)"] = L.tileLayer(mapEl.dataset.tiles, {
      maxZoom: 19, attribution: "© OpenStreetMap contributors" });
  }
  L.control.layers(null, overlays, { collapsed: false }).addTo(map);
  map.on("overlayadd overlayremove", () => {
    const tiles = overlays["OpenStreetMap tiles (online)"];
    mapEl.classList.toggle("with-tiles", !!tiles && map.hasLayer(tiles));
  });
  map.attributionControl.setPrefix("Leaflet · Natural Earth");

  const markers = L.layerGroup().addTo(map);
  let request = 0, fitted = false;

  function filterParams() { return dl.formParams(form); }

  function bboxParam() {
    const b = map.getBounds().pad(0.3);
    return [b.getWest(), Math.max(b.getSouth(), -90), b.getEast(), Math.min(b.getNorth(), 90)]
      .map((v) => v.toFixed(4)).join(",");
  }

  function radius(fatalities) { return Math.min(5 + 2.2 * Math.sqrt(fatalities || 0), 30); }

  function clusterIcon(cell) {
    const size = 22 + Math.min(4, Math.floor(Math.log10(cell.n))) * 8;
    return L.divIcon({ className: `cluster ${dl.typeClass(cell.type)}`, iconSize: [size, size],
                       html: String(Number(cell.n)) });
  }

  async function refresh() {
    const mine = ++request;
    const params = filterParams();
    if (fitted) params.set("bbox", bboxParam());
    params.set("zoom", String(map.getZoom()));
    const data = await dl.getJSON("/api/map?" + params.toString());
    if (mine !== request) return;   // a newer view or filter already asked
    markers.clearLayers();
    for (const cell of data.cells) {
      let m;
      if (cell.n === 1) {
        m = L.circleMarker([cell.lat, cell.lon], { radius: radius(cell.fatalities),
                                                  className: `ev-marker ${dl.typeClass(cell.type)}` });
        m.on("click", () => showEvent(cell.id));
        const tip = document.createElement("span");   // text, not markup: Leaflet would parse a string as HTML
        tip.textContent = `${cell.type}${cell.fatalities ? ` · ${cell.fatalities} killed` : ""}`;
        m.bindTooltip(tip);
      } else {
        m = L.marker([cell.lat, cell.lon], { icon: clusterIcon(cell), title: `${cell.n} events` });
        m.on("click", () => openCluster(cell));
      }
      m.addTo(markers);
    }
    counter.textContent = `${data.total.toLocaleString()} event${data.total === 1 ? "" : "s"} in view · ` +
      `${data.cells.length} marker${data.cells.length === 1 ? "" : "s"}`;
    counter.dataset.total = data.total;
    counter.dataset.markers = data.cells.length;
    if (!fitted) {
      fitted = true;
      if (data.cells.length) {
        const b = L.latLngBounds(data.cells.map((c) => [[c.bounds[0], c.bounds[1]], [c.bounds[2], c.bounds[3]]]).flat());
        map.fitBounds(b.pad(0.2), { maxZoom: 8 });   // fires moveend, which refreshes with a bbox
      }
    }
  }

  async function showEvent(id) {
    await dl.loadFragment(panel, "/fragments/event/" + encodeURIComponent(id));
  }

  function openCluster(cell) {
    const [s, w, n, e] = cell.bounds;
    const samePoint = n - s < 1e-4 && e - w < 1e-4;
    if (samePoint || cell.n <= 6 || map.getZoom() >= map.getMaxZoom()) {
      const params = filterParams();
      const pad = 1e-5;
      params.set("bbox", [w - pad, s - pad, e + pad, n + pad].join(","));
      dl.loadFragment(panel, "/fragments/events?" + params.toString());
    } else {
      map.fitBounds([[s, w], [n, e]], { padding: [30, 30] });
    }
  }

  // Links in a cluster's list open the event card here instead of leaving the map.
  panel.addEventListener("click", (ev) => {
    const a = ev.target.closest("a[data-event]");
    if (!a) return;
    ev.preventDefault();
    showEvent(a.dataset.event);
  });

  const timeline = dl.timeline(document.getElementById("timeline"), {
    onBrush(since, until) {
      form.elements.since.value = since || "";
      form.elements.until.value = until || "";
      applyFilters(false);
    },
  });

  function applyFilters(reloadTimeline) {
    const params = filterParams();
    history.replaceState(null, "", "/map" + (params.toString() ? "?" + params : ""));
    refresh();
    if (reloadTimeline) {
      timeline.load(dl.formParams(form, ["since", "until"]), [form.elements.since.value, form.elements.until.value]);
    }
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); applyFilters(true); });
  form.addEventListener("change", (ev) => { if (ev.target.tagName === "SELECT") applyFilters(true); });
  map.on("moveend", refresh);
  window.addEventListener("resize", () => timeline.redraw());
  applyFilters(true);
})();

// The timeline page: histogram of events (and story spans when stories exist); brushing lists the
// events of the chosen dates and points the map and table links at the same selection.
"use strict";

(function () {
  const form = document.getElementById("filters");
  const list = document.getElementById("timeline-events");
  const label = document.getElementById("selection");
  const lanes = document.getElementById("story-lanes");

  function select(since, until) {
    form.elements.since.value = since || "";
    form.elements.until.value = until || "";
    const params = dl.formParams(form);
    label.textContent = since ? `${since} – ${until}` : "all dates";
    document.getElementById("open-map").href = "/map?" + params;
    document.getElementById("open-events").href = "/events?" + params;
    history.replaceState(null, "", "/timeline" + (params.toString() ? "?" + params : ""));
    dl.loadFragment(list, "/fragments/events?" + params);
  }

  function drawStories(data, scale) {
    if (!lanes || !data.stories) return;
    const SVG = "http://www.w3.org/2000/svg";
    const width = document.getElementById("timeline").clientWidth;
    const spans = data.stories.map((s) => [s.date_start || s.start || s.first_date, s.date_end || s.end || s.last_date, s])
      .filter(([a]) => a);
    const svg = document.createElementNS(SVG, "svg");
    const height = Math.min(120, 8 + spans.length * 6);
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("height", height);
    spans.forEach(([a, b, s], i) => {
      const r = document.createElementNS(SVG, "rect");
      const x0 = scale.x(scale.day(String(a).slice(0, 10)));
      const x1 = scale.x(scale.day(String(b || a).slice(0, 10)) + 864e5);
      r.setAttribute("x", x0);
      r.setAttribute("width", Math.max(2, x1 - x0));
      r.setAttribute("y", 4 + (i * 6) % (height - 8));
      r.setAttribute("height", 4);
      const t = document.createElementNS(SVG, "title");
      t.textContent = `story ${s.id}`;
      r.appendChild(t);
      svg.appendChild(r);
    });
    lanes.replaceChildren(svg);
  }

  const timeline = dl.timeline(document.getElementById("timeline"), { onBrush: select, onData: drawStories });
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    timeline.load(dl.formParams(form, ["since", "until"]), [form.elements.since.value, form.elements.until.value]);
    select(form.elements.since.value, form.elements.until.value);
  });
  timeline.load(dl.formParams(form, ["since", "until"]), [form.elements.since.value, form.elements.until.value]);
  select(form.elements.since.value, form.elements.until.value);
})();

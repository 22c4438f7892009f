// A stacked histogram of events over time with a brush: drag to pick a date range, click to clear.
// dl.timeline(el, {onBrush(since, until)}) returns {load(params, selection)}; drawn as SVG, no library.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const HEIGHT = 90, AXIS = 16;

  function node(name, attrs, parent) {
    const el = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (parent) parent.appendChild(el);
    return el;
  }

  function day(iso) { return Date.parse(iso + "T00:00:00Z"); }
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function periodEnd(start, bucket) {
    const d = new Date(day(start));
    if (bucket === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (bucket === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
    return d.getTime();
  }

  dl.timeline = function (el, opts) {
    let data = null, t0 = 0, t1 = 1, width = 600, svg = null, brush = null, selection = null;

    function x(ms) { return ((ms - t0) / (t1 - t0)) * width; }
    function ms(px) { return t0 + (Math.max(0, Math.min(width, px)) / width) * (t1 - t0); }

    function draw() {
      el.replaceChildren();
      width = el.clientWidth || 600;
      svg = node("svg", { viewBox: `0 0 ${width} ${HEIGHT}`, height: HEIGHT, role: "img" }, el);
      const hint = document.createElement("span");
      hint.className = "hint";
      hint.textContent = "drag to choose dates · click to clear";
      el.appendChild(hint);
      if (!data || !data.rows.length) {
        node("text", { x: 8, y: 40, class: "tick" }, svg).textContent = "no dated events";
        return;
      }
      const totals = {};
      for (const r of data.rows) totals[r.period] = (totals[r.period] || 0) + r.n;
      const max = Math.max(...Object.values(totals));
      const stacked = {};
      const plot = HEIGHT - AXIS;
      for (const r of data.rows) {
        const h = (r.n / max) * (plot - 4);
        const y0 = stacked[r.period] || 0;
        stacked[r.period] = y0 + h;
        const left = x(day(r.period)), right = x(periodEnd(r.period, data.bucket));
        const rect = node("rect", { x: left, y: plot - y0 - h, width: Math.max(right - left - 0.5, 1), height: h,
                                    class: dl.typeClass(r.type) }, svg);
        node("title", {}, rect).textContent = `${r.period} · ${r.type}: ${r.n}`;
      }
      node("line", { x1: 0, y1: plot, x2: width, y2: plot, class: "axis" }, svg);
      const years = [];
      for (let y = new Date(t0).getUTCFullYear(); y <= new Date(t1).getUTCFullYear(); y++) years.push(y);
      const step = Math.ceil(years.length / Math.max(1, Math.floor(width / 70)));
      years.filter((_, i) => i % step === 0).forEach((y) => {
        const px = x(Date.UTC(y, 0, 1));
        if (px >= 0 && px < width - 20) node("text", { x: px + 2, y: HEIGHT - 3, class: "tick" }, svg).textContent = y;
      });
      if (years.length <= 2) {   // short spans: label the first and last day instead of the years
        node("text", { x: 2, y: HEIGHT - 3, class: "tick" }, svg).textContent = data.first;
        node("text", { x: width - 2, y: HEIGHT - 3, class: "tick", "text-anchor": "end" }, svg).textContent = data.last;
      }
      brush = node("rect", { class: "brush", y: 0, height: plot, x: 0, width: 0, visibility: "hidden" }, svg);
      showSelection();
      wire();
    }

    function showSelection() {
      if (!brush) return;
      if (!selection || !selection[0] && !selection[1]) { brush.setAttribute("visibility", "hidden"); return; }
      const a = x(selection[0] ? day(selection[0]) : t0), b = x(selection[1] ? day(selection[1]) + 864e5 : t1);
      brush.setAttribute("x", Math.max(0, a));
      brush.setAttribute("width", Math.max(1, Math.min(width, b) - Math.max(0, a)));
      brush.setAttribute("visibility", "visible");
    }

    function wire() {
      let start = null;
      const local = (ev) => ev.clientX - svg.getBoundingClientRect().left;
      svg.addEventListener("pointerdown", (ev) => {
        start = local(ev);
        svg.setPointerCapture(ev.pointerId);
        brush.setAttribute("x", start);
        brush.setAttribute("width", 0);
        brush.setAttribute("visibility", "visible");
      });
      svg.addEventListener("pointermove", (ev) => {
        if (start === null) return;
        const now = local(ev);
        brush.setAttribute("x", Math.min(start, now));
        brush.setAttribute("width", Math.abs(now - start));
      });
      svg.addEventListener("pointerup", (ev) => {
        if (start === null) return;
        const end = local(ev);
        const a = Math.min(start, end), b = Math.max(start, end);
        start = null;
        if (b - a < 3) {
          selection = null;
          showSelection();
          opts.onBrush(null, null);
          return;
        }
        selection = [iso(ms(a)), iso(ms(b) - 1)];
        opts.onBrush(selection[0], selection[1]);
      });
    }

    return {
      // params: the other filters (not since/until: the brush shows where the selection sits in the whole).
      async load(params, sel) {
        selection = sel || null;
        data = await dl.getJSON("/api/timeline?" + params.toString());
        if (data.first) {
          t0 = day(data.first);
          t1 = Math.max(periodEnd(data.last, data.bucket), t0 + 864e5);
          if (data.bucket !== "day") t0 = day(data.rows.length ? data.rows[0].period : data.first);
        }
        draw();
        if (opts.onData) opts.onData(data, { x, day });
        return data;
      },
      redraw() { draw(); },
    };
  };
})();

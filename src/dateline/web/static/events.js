// The events table page: a brushable timeline above the table; brushing refilters the table.
"use strict";

(function () {
  const form = document.getElementById("filters");
  const timeline = dl.timeline(document.getElementById("timeline"), {
    onBrush(since, until) {
      form.elements.since.value = since || "";
      form.elements.until.value = until || "";
      form.requestSubmit();
    },
  });
  form.addEventListener("change", (ev) => { if (ev.target.tagName === "SELECT") form.requestSubmit(); });
  timeline.load(dl.formParams(form, ["since", "until"]), [form.elements.since.value, form.elements.until.value]);
  window.addEventListener("resize", () => timeline.redraw());
})();

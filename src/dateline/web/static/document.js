// The document page: switch each kind of highlight on and off.
"use strict";

(function () {
  const text = document.getElementById("doc-text");
  document.getElementById("kinds").addEventListener("change", (ev) => {
    const kind = ev.target.dataset.kind;
    if (kind) text.classList.toggle("hide-" + kind, !ev.target.checked);
  });
})();

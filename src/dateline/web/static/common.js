// Shared by the pages' scripts: the `dl` namespace (no other globals), filters and fragment loading.
"use strict";
window.dl = window.dl || {};

// The filter form's values as URLSearchParams, empty fields left out.
dl.formParams = function (form, omit) {
  const out = new URLSearchParams();
  for (const [k, v] of new FormData(form)) {
    if (v !== "" && !(omit || []).includes(k)) out.append(k, v);
  }
  return out;
};

dl.getJSON = async function (url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
};

// Fragments are rendered and escaped by the server (Jinja autoescape); never build markup from data here.
dl.loadFragment = async function (el, url) {
  const r = await fetch(url);
  const html = await r.text();
  const doc = new DOMParser().parseFromString(html, "text/html");
  el.replaceChildren(...doc.body.childNodes);
};

// Same classes as dateline.web.theme.type_class: colours come from app.css.
dl.TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
            "Strategic developments"];
dl.typeClass = function (t) {
  if (!dl.TYPES.includes(t)) return "t-other";
  return "t-" + t.toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "");
};

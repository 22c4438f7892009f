"""A document's clean text as nested, properly closed highlight nodes, ready for a template.

Annotations overlap freely (an evidence sentence holds a quote that holds a mention), but HTML
elements must nest; overlapping ranges are split at the boundary they cross. The output is data
(text pieces and element dicts), never HTML: the template escapes every piece of article text.
Boilerplate paragraphs are not part of the clean text; they come back grouped, to be shown
collapsed where they stood.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..model import Document

# Outer first when two annotations cover the same range.
PRIORITY = {"ev": 0, "quote": 1, "fig": 2, "date": 3, "m-actor": 4, "m-place": 4, "m-entity": 5}
DATE_LABELS = {"DATE", "TIME"}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    title: str
    href: str | None = None
    id: str | None = None
    extra: str = ""

    def clip(self, start: int, end: int) -> Mark:
        # A continuation piece must not repeat the anchor id.
        return replace(self, start=start, end=end, id=self.id if start == self.start else None)


def _key(m: Mark) -> tuple[int, int, int]:
    return (m.start, -(m.end - m.start), PRIORITY.get(m.kind, 9))


def nest(text: str, marks: list[Mark], start: int, end: int, in_link: bool = False) -> list[dict[str, Any]]:
    """Nodes for text[start:end]: {"text": ...} or {"kind", "title", "href", "id", "children"}."""
    pending = sorted(marks, key=_key)
    nodes: list[dict[str, Any]] = []
    pos = start
    while pending:
        m = pending.pop(0)
        if m.end <= pos:
            continue
        if m.start < pos:
            m = m.clip(pos, m.end)
        if m.start > pos:
            nodes.append({"text": text[pos:m.start]})
        inner, rest = [], []
        for other in pending:
            if other.start >= m.end:
                rest.append(other)
            elif other.end <= m.end:
                inner.append(other)
            else:
                inner.append(other.clip(other.start, m.end))
                rest.append(other.clip(m.end, other.end))
        href = None if in_link else m.href   # no link inside a link
        nodes.append({"kind": m.kind, "extra": m.extra, "title": m.title, "href": href, "id": m.id,
                      "children": nest(text, inner, m.start, m.end, in_link or bool(href))})
        pos = m.end
        pending = sorted(rest, key=_key)
    if pos < end:
        nodes.append({"text": text[pos:end]})
    return nodes


def marks_for(annotations: dict[str, list], events: list[dict[str, Any]], actors: dict[str, dict[str, Any]],
              focus: int | None = None) -> list[Mark]:
    """Every highlight of a document: event evidence, quotes, figures, dates and resolved mentions."""
    marks: list[Mark] = []
    for ev in events:
        for k, (s, e) in enumerate(ev["spans"]):
            title = f"evidence of event {ev['n'] + 1}: {ev['event_type']} — {ev['sub_event_type']}"
            marks.append(Mark(s, e, "ev", title, id=f"ev-{ev['n']}" if k == 0 else None,
                              extra=" ev-focus" if ev["n"] == focus else ""))
    for q in annotations.get("quotes", []):
        who = q.speaker or "unknown speaker"
        marks.append(Mark(q.start, q.end, "quote",
                          f"{'direct' if q.direct else 'reported'} quote — {who}" + (f" ({q.cue})" if q.cue else "")
                          + (f", via {q.via}" if q.via else "")))
    for f in annotations.get("figures", []):
        amount = f"{f.low:g}" if f.low == f.high else f"{f.low:g}–{f.high:g}"
        what = " ".join(x for x in (f.unit, f.counts) if x)
        marks.append(Mark(f.start, f.end, "fig", f"figure: {amount} {what}".strip()
                          + (f", claimed by {f.claimant}" if f.claimant else "") + (" (vague)" if f.vague else "")))
    for d in annotations.get("dates", []):
        if d.value:
            title = f"date → {d.value.iso} ({d.value.precision})"
        else:
            title = "relative date; no publication date to resolve it against"
        marks.append(Mark(d.start, d.end, "date", title))
    for m in annotations.get("mentions", []):
        if m.label in DATE_LABELS:
            continue   # the date mentions above carry the resolved value
        if m.actor:
            a = actors.get(m.actor) or {"name": m.actor}
            marks.append(Mark(m.start, m.end, "m-actor", f"{m.label} → {a['name']} ({m.actor})",
                              href=f"/actors/{m.actor}"))
        elif m.place:
            p = m.place
            where = ", ".join(str(x) for x in (p.get("name"), p.get("admin1"), p.get("country")) if x)
            marks.append(Mark(m.start, m.end, "m-place", f"{m.label} → {where} ({p.get('lat')}, {p.get('lon')})",
                              href=f"/places/{p['geonameid']}" if p.get("geonameid") is not None else None))
        else:
            marks.append(Mark(m.start, m.end, "m-entity", f"{m.label} (unresolved)"))
    return marks


def blocks(doc: Document, marks: list[Mark]) -> list[dict[str, Any]]:
    """Paragraphs in reading order: {"kind", "nodes"} for kept text, {"kind": "boilerplate", "texts"}."""
    out: list[dict[str, Any]] = []
    for p in doc.paragraphs:
        if p.start is None or p.end is None:
            if out and out[-1]["kind"] == "boilerplate":
                out[-1]["texts"].append(p.text)
                out[-1]["reasons"].add(p.reason)
            else:
                out.append({"kind": "boilerplate", "texts": [p.text], "reasons": {p.reason}})
            continue
        inside = [m.clip(max(m.start, p.start), min(m.end, p.end)) for m in marks
                  if m.start < p.end and m.end > p.start]
        out.append({"kind": p.kind, "subheading": p.subheading, "nodes": nest(doc.text, inside, p.start, p.end)})
    for b in out:
        if b["kind"] == "boilerplate":
            b["reasons"] = sorted(r for r in b["reasons"] if r)
    return out

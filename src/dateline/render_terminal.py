"""A stored document for the terminal: the clean text with every span highlighted by kind.

Responsible for `dateline show`'s output only: paragraph kinds in brackets, mentions coloured by
what they resolved to (actor, person, place, date), figures in bold, quoted words in italics, event
evidence underlined, then lists of the document's events, quotes and figures with their offsets so
a reader can check each against the sentence. Colour is ANSI via click and dropped when the output
is not a terminal (click does that).
"""
from __future__ import annotations

from typing import Any, Iterable

import click

from .model import Document

STYLES: dict[str, dict[str, Any]] = {
    "actor": dict(fg="cyan", bold=True), "person": dict(fg="magenta"), "place": dict(fg="green"),
    "date": dict(fg="yellow"), "figure": dict(fg="red", bold=True), "quote": dict(italic=True),
    "event": dict(underline=True),
}
KIND_STYLE = {"title": dict(fg="cyan", bold=True), "byline": dict(fg="magenta"),
              "caption": dict(fg="yellow"), "body": {}, "boilerplate": dict(fg="bright_black")}


def _mention_kind(m) -> str | None:
    if m.place:
        return "place"
    if m.actor:
        return "actor"
    if m.label == "PERSON" and m.source != "pronoun":
        return "person"
    return None


def _spans(annotations: dict[str, list], events: Iterable[dict[str, Any]]) -> list[tuple[int, int, str]]:
    spans = [(m.start, m.end, k) for m in annotations["mentions"] if (k := _mention_kind(m))]
    spans += [(d.start, d.end, "date") for d in annotations["dates"]]
    spans += [(f.start, f.end, "figure") for f in annotations["figures"]]
    spans += [(q.start, q.end, "quote") for q in annotations["quotes"]]
    for e in events:
        spans += [(s, t, "event") for s, t in e.get("evidence") or []]
    return spans


def _paint(text: str, offset: int, spans: list[tuple[int, int, str]]) -> str:
    """Style each character run by the set of spans covering it; mentions win over wider spans."""
    end = offset + len(text)
    cuts = sorted({0, len(text)} | {max(0, min(len(text), p - offset)) for s, t, _ in spans
                                    if s < end and t > offset for p in (s, t)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        kinds = {k for s, t, k in spans if s <= offset + a and offset + b <= t}
        style: dict[str, Any] = {}
        for k in ("event", "quote", "figure", "date", "place", "person", "actor"):
            if k in kinds:
                style.update(STYLES[k])
        out.append(click.style(text[a:b], **style) if style else text[a:b])
    return "".join(out)


def render_document(doc: Document, sources: list[str], annotations: dict[str, list],
                    events: list[dict[str, Any]], actors: dict[str, str], *, raw: bool = False) -> str:
    """`actors` maps actor ids to names for the event and quote lists."""
    lines = []
    meta = [("id", doc.id), ("source", ", ".join(sources)), ("outlet", doc.outlet), ("url", doc.url),
            ("title", doc.title), ("authors", "; ".join(doc.authors) or None),
            ("published", doc.published.iso if doc.published else None), ("dateline", doc.dateline),
            ("language", doc.language), ("copy of", doc.duplicate_of)]
    lines += [f"{k:>10}: {v}" for k, v in meta if v]
    lines.append("    legend: " + " ".join(click.style(k, **STYLES[k]) for k in STYLES))
    lines.append("")
    spans = _spans(annotations, events)
    for p in doc.paragraphs:
        if p.kind == "boilerplate":
            if raw:
                lines.append(click.style(f"[boilerplate] {p.text}", **KIND_STYLE["boilerplate"]))
            else:
                lines.append(click.style(f"[boilerplate removed: {p.text[:60]}]", **KIND_STYLE["boilerplate"]))
            continue
        label = p.kind + (" subheading" if p.subheading else "")
        lines.append(click.style(f"[{label}] ", bold=True) + _paint(p.text, p.start, spans))
    if events:
        lines += ["", click.style(f"Events ({len(events)})", bold=True)]
        for e in events:
            fat = e.get("fatalities")
            if e.get("fatalities_high") not in (None, fat):
                fat = f"{e['fatalities_low']}-{e['fatalities_high']}"
            where = (e.get("place") or {}).get("name") or "-"
            when = (e.get("date") or {}).get("iso") or "-"
            lines.append(f"  {e['sub_event_type']} ({e['event_type']}) at {where} on {when}; "
                         f"{e.get('actor1_name') or '-'} → {e.get('actor2_name') or '-'}; killed {fat if fat is not None else '-'}"
                         f"{' per ' + e['fatalities_claimant'] if e.get('fatalities_claimant') else ''}; "
                         f"confidence {e['confidence']:.2f}; evidence {e['evidence']}")
    if annotations["quotes"]:
        lines += ["", click.style(f"Quotes ({len(annotations['quotes'])})", bold=True)]
        for q in annotations["quotes"]:
            who = actors.get(q.speaker_actor, q.speaker) if q.speaker_actor else q.speaker
            mark = "direct" if q.direct else "reported"
            lines.append(f"  [{q.start}:{q.end}] {who or 'unattributed'} ({mark}, {q.cue or '-'}): {q.text[:120]}")
    if annotations["figures"]:
        lines += ["", click.style(f"Figures ({len(annotations['figures'])})", bold=True)]
        for f in annotations["figures"]:
            value = f"{f.low:g}" if f.low == f.high else f"{f.low:g}-{f.high:g}"
            lines.append(f"  [{f.start}:{f.end}] {value} {f.unit or ''}{' (vague)' if f.vague else ''}"
                         f"{' per ' + f.claimant if f.claimant else ''}: {f.text!r}")
    return "\n".join(lines)

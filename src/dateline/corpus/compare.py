"""Reading stories back: listing them, and comparing outlets side by side on one story.

Responsible for the views a user reads (`dateline stories`, `dateline compare`, the report): a
story with its member documents grouped (outlet, publication, reporting lag, sources, evidence),
and per outlet what it said about fatalities, date, perpetrator and victims and whom it quoted,
with each disagreement shown as the sentences that disagree. Not responsible for grouping
(`stories`) or for storage (the `StoryTables` passed in).
"""
from __future__ import annotations

from typing import Any, Sequence

from .merge import FIELDS


def list_stories(tables: Any, *, story_id: str | None = None, outlets: Sequence[str] = (),
                 min_documents: int = 1) -> list[dict[str, Any]]:
    """Stored stories, each with `documents` (one entry per member document) and `disagreements`
    ({field: [{outlet, document_id, value, claimant, evidence}]})."""
    rows = tables.list_stories(story_id=story_id, outlets=list(outlets), min_documents=min_documents)
    for s in rows:
        docs: dict[str, dict] = {}
        for m in s.pop("members"):
            d = docs.setdefault(m["document_id"], {
                "document_id": m["document_id"], "outlet": m["outlet"], "published": m["published"],
                "lag_days": m["lag_days"], "title": m["title"], "url": m["url"], "sources": m["sources"],
                "score": m["score"], "events": [], "evidence": []})
            if m["event_id"]:
                d["events"].append({"event_id": m["event_id"], "sub_event_type": m["sub_event_type"],
                                    "date": m["event_date"], "place": m["place_name"], "fatalities": m["fatalities"],
                                    "actor1": m["actor1_name"], "actor2": m["actor2_name"],
                                    "evidence": m["evidence"]})
                if m["evidence"]:
                    d["evidence"].append(m["evidence"])
        s["documents"] = list(docs.values())
        disagreements: dict[str, list] = {}
        for d in s.pop("discrepancies"):
            disagreements.setdefault(d["field"], []).append(
                {k: d[k] for k in ("outlet", "document_id", "value", "claimant", "evidence", "evidence_start",
                                   "evidence_end")})
        s["disagreements"] = disagreements
    return rows


def compare(tables: Any, *, story_id: str | None = None, outlets: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Per story (one, or every story two or more of `outlets` reported): each outlet's account."""
    stories = list_stories(tables, story_id=story_id, outlets=outlets)
    if outlets and not story_id:
        wanted = set(outlets)
        stories = [s for s in stories if len(wanted & {d["outlet"] for d in s["documents"]}) >= 2]
    if not stories:
        return []
    inputs = tables.evidence_inputs(sorted({d["document_id"] for s in stories for d in s["documents"]}))
    out = []
    for s in stories:
        accounts = []
        for d in s["documents"]:
            if outlets and not story_id and d["outlet"] not in outlets:
                continue
            doc = inputs.get(d["document_id"], {})
            ev = d["events"][0] if d["events"] else {}
            accounts.append({
                "outlet": d["outlet"], "document_id": d["document_id"], "sources": d["sources"],
                "published": d["published"], "lag_days": d["lag_days"], "title": d["title"],
                "fatalities": [r for r in s["disagreements"].get("fatalities", []) if r["document_id"] == d["document_id"]]
                or ([{"value": str(ev["fatalities"]), "claimant": None, "evidence": ev.get("evidence")}]
                    if ev.get("fatalities") is not None else []),
                "date": ev.get("date"), "perpetrator": ev.get("actor1"), "victims": ev.get("actor2"),
                "place": ev.get("place"), "evidence": ev.get("evidence"),
                "quoted": sorted({q["speaker"] for q in doc.get("quotes", []) if q.get("speaker")}),
                "claims": [{"text": f["text"], "claimant": f["claimant"]} for f in doc.get("figures", [])
                           if f.get("claimant")],
            })
        flagged = []
        for field in FIELDS:
            rows = s["disagreements"].get(field, [])
            if rows:
                flagged.append({"field": field, "values": rows})
        out.append({"story": {k: s[k] for k in ("id", "event_type", "sub_event_type", "place_name", "country",
                                                "date_start", "date_end", "fatalities_low", "fatalities_high",
                                                "n_documents", "n_outlets", "actors")},
                    "accounts": accounts, "disagreements": flagged})
    return out


def format_comparison(result: list[dict[str, Any]]) -> str:
    """Plain text for a terminal: one block per story, one column-ish line per outlet."""
    lines: list[str] = []
    for c in result:
        s = c["story"]
        fat = "-" if s["fatalities_low"] is None else (
            f"{s['fatalities_low']}" if s["fatalities_high"] in (None, s["fatalities_low"])
            else f"{s['fatalities_low']}-{s['fatalities_high']}")
        lines.append(f"story {s['id']}: {s['sub_event_type'] or '-'} in {s['place_name'] or '-'} "
                     f"({s['country'] or '-'}), {s['date_start'] or 'date unknown'}; killed {fat}; "
                     f"{s['n_documents']} document(s) from {s['n_outlets']} outlet(s)")
        for a in c["accounts"]:
            figures = "; ".join(f"{f['value']}" + (f" per {f['claimant']}" if f.get("claimant") else "")
                                for f in a["fatalities"]) or "-"
            lines.append(f"  [{a['outlet']}] published {a['published'] or '-'} (lag {_lag(a['lag_days'])}), "
                         f"{', '.join(a['sources'])}")
            lines.append(f"      fatalities: {figures}")
            lines.append(f"      date: {a['date'] or '-'}   perpetrator: {a['perpetrator'] or '-'}   "
                         f"victims: {a['victims'] or '-'}   place: {a['place'] or '-'}")
            lines.append(f"      quoted: {', '.join(a['quoted']) or 'nobody named'}")
            if a["claims"]:
                lines.append("      claims: " + "; ".join(f"{c['text']} per {c['claimant']}" for c in a["claims"]))
            if a["evidence"]:
                lines.append(f"      evidence: {' '.join(a['evidence'].split())}")
        for d in c["disagreements"]:
            lines.append(f"  DISAGREE on {d['field']}:")
            for v in d["values"]:
                who = f" ({v['claimant']})" if v.get("claimant") else ""
                lines.append(f"    [{v['outlet']}] {v['value']}{who}: \"{' '.join((v['evidence'] or '').split())}\"")
        lines.append("")
    return "\n".join(lines)


def _lag(days) -> str:
    return "-" if days is None else f"{days:+d} d"

"""A story's merged record, its member rows and where its outlets disagree.

Responsible for turning the member documents of one story (their events, figures, publication
dates) into the stored record: the type, place and date most members give, every actor named,
the fatality range across every claim, the reporting lag of each member, and the discrepancies —
one row per value a document gives for a field on which the documents differ, with the claimant
and the sentence that says it. Not responsible for grouping (`stories`) or storage.

Conflicting figures are the point, not noise: every claim is kept with whoever made it.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from functools import lru_cache
from typing import Any

from .profile import fold
from ..geo import haversine_km

FIELDS = ("fatalities", "date", "perpetrator", "victims", "place")
PLACE_KM = 25          # two members' places further apart than this are a disagreement


def outlet_of(doc: dict[str, Any]) -> str:
    """The outlet, or the host or file name when the page did not say (still one 'voice')."""
    if doc.get("outlet"):
        return doc["outlet"]
    src = doc.get("url") or doc.get("uri") or doc["id"]
    m = re.match(r"https?://(?:www\.)?([^/]+)", src)
    return m.group(1) if m else src.rsplit("/", 1)[-1]


def story_events(doc: dict[str, Any], anchor: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The document's events that belong to the story: near the story's place and date, or its
    lead event when none is (a document joins a story for its incident, not for background)."""
    events = doc["events"]
    if not events:
        return []
    if anchor is None:
        return [events[0]]
    near = [e for e in events if _near(e, anchor)]
    return near or [events[0]]


def _near(e: dict, anchor: dict) -> bool:
    if e.get("lat") is not None and anchor.get("lat") is not None:
        if haversine_km((e["lat"], e["lon"]), (anchor["lat"], anchor["lon"])) > 50:
            return False
    if e.get("date_start") and anchor.get("date_start") and (e.get("time_precision") or 1) == 1:
        gap = abs((date.fromisoformat(e["date_start"]) - date.fromisoformat(anchor["date_start"])).days)
        if gap > 3:
            return False
    return e["event_type"] == anchor["event_type"] or not anchor.get("event_type")


def build_story(story_id: str, docs: list[dict[str, Any]], scores: dict[str, float]) -> dict[str, Any]:
    """The stored form of one story from its member documents (as `evidence_inputs` gives them)."""
    leads = [d["events"][0] for d in docs if d["events"] and d.get("duplicate_of") is None] or \
        [d["events"][0] for d in docs if d["events"]]
    anchor = _anchor(leads)
    members, picked = [], {}
    for d in docs:
        events = story_events(d, anchor)
        picked[d["id"]] = events
        base = {"document_id": d["id"], "outlet": outlet_of(d), "published": d.get("published_start"),
                "lag_days": _lag(d, anchor), "score": scores.get(d["id"])}
        members += [{**base, "event_id": e["id"]} for e in events] or [{**base, "event_id": None}]
    all_events = [e for evs in picked.values() for e in evs]
    claims = [c for e in all_events for c in _claims(e)]
    lows = [c["low"] for c in claims if c.get("low") is not None]
    highs = [c["high"] if c.get("high") is not None else c.get("low") for c in claims if c.get("low") is not None]
    actors = Counter(n for e in all_events for n in (e.get("actor1_name"), e.get("actor2_name")) if n)
    dated = sorted(e["date_start"] for e in all_events if e.get("date_start") and (e.get("time_precision") or 9) == 1)
    outlets = {m["outlet"] for m in members}
    record = {"claims": [{**c, "document_id": e["document_id"]} for e in all_events for c in _claims(e)],
              "sub_event_types": dict(Counter(e["sub_event_type"] for e in all_events)),
              "documents": [d["id"] for d in docs],
              # Every attributed figure (tolls, destruction shares, displaced): who claims what.
              "figures": [{"document_id": d["id"], "outlet": outlet_of(d), "text": f["text"], "low": f["low"],
                           "high": f["high"], "counts": f.get("counts"), "claimant": f["claimant"],
                           "evidence": (d.get("text") or "")[slice(*_sentence(d.get("text") or "", f["start"],
                                                                              f["end"]))].strip()}
                          for d in docs for f in d.get("figures", []) if f.get("claimant")]}
    return {
        "id": story_id,
        "event_type": anchor.get("event_type"), "sub_event_type": anchor.get("sub_event_type"),
        "place_name": anchor.get("place_name"), "country": anchor.get("country"),
        "lat": anchor.get("lat"), "lon": anchor.get("lon"),
        "date_start": dated[0] if dated else anchor.get("date_start"),
        "date_end": dated[-1] if dated else anchor.get("date_end"),
        "time_precision": anchor.get("time_precision"),
        "actors": [name for name, _ in actors.most_common()],
        "fatalities_low": min(lows) if lows else None, "fatalities_high": max(highs) if highs else None,
        "n_documents": len(docs), "n_outlets": len(outlets), "record": record,
        "members": members, "discrepancies": find_discrepancies(docs, picked),
    }


def _anchor(leads: list[dict[str, Any]]) -> dict[str, Any]:
    """The event most members agree on: the commonest (type, place), then day-precision first."""
    if not leads:
        return {}
    votes = Counter((e["event_type"], e.get("geonameid")) for e in leads)
    best = max(leads, key=lambda e: (votes[(e["event_type"], e.get("geonameid"))], (e.get("time_precision") or 9) == 1,
                                     e.get("confidence") or 0))
    return best


def _lag(doc: dict, anchor: dict) -> int | None:
    if not (doc.get("published_start") and anchor.get("date_start")):
        return None
    return (date.fromisoformat(doc["published_start"]) - date.fromisoformat(anchor["date_start"])).days


def _claims(e: dict[str, Any]) -> list[dict[str, Any]]:
    claims = _record_claims(e["record_json"]) if e.get("record_json") else []
    if not claims and e.get("fatalities") is not None:
        claims = [{"low": e.get("fatalities_low", e["fatalities"]), "high": e.get("fatalities_high"),
                   "claimant": e.get("fatalities_claimant")}]
    return claims


@lru_cache(maxsize=4096)
def _record_claims(record_json: str) -> list[dict[str, Any]]:
    # A story reads each event's claims three times (range, record, discrepancies): parse once.
    # Callers only read the list and copy its dicts, so sharing the parsed value is safe.
    return json.loads(record_json).get("claims") or []


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to its sentence, so an evidence quote reads on its own."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return left + 1 if left >= 0 else 0, right


def find_discrepancies(docs: list[dict[str, Any]], picked: dict[str, list[dict]]) -> list[dict[str, Any]]:
    """One row per (field, document, value) on the fields where the members' values differ."""
    values: dict[str, list[dict]] = {f: [] for f in FIELDS}
    for d in docs:
        if d.get("duplicate_of"):
            continue          # a syndicated copy repeats its original; it is not a second voice
        text, outlet = d.get("text") or "", outlet_of(d)
        for e in picked.get(d["id"], []):
            span = (e["evidence_start"], e["evidence_end"])
            base = {"document_id": d["id"], "outlet": outlet, "evidence_start": span[0], "evidence_end": span[1],
                    "evidence": text[span[0]:span[1]]}
            for c in _claims(e):
                if c.get("low") is None:
                    continue
                value = _figure(c)
                cspan = (c["start"], c["end"]) if c.get("start") is not None else span
                s, t = _sentence(text, *cspan) if c.get("start") is not None else span
                values["fatalities"].append({**base, "value": value, "claimant": c.get("claimant"),
                                             "evidence_start": s, "evidence_end": t, "evidence": text[s:t].strip()})
            if e.get("date_start") and (e.get("time_precision") or 9) == 1:
                values["date"].append({**base, "value": e["date_start"], "claimant": None})
            if e.get("actor1_name"):
                values["perpetrator"].append({**base, "value": e["actor1_name"], "claimant": None})
            if e.get("actor2_name"):
                values["victims"].append({**base, "value": e["actor2_name"], "claimant": None})
            if e.get("place_name"):
                values["place"].append({**base, "value": e["place_name"], "claimant": None,
                                        "_ll": (e.get("lat"), e.get("lon"))})
    out = []
    for field, rows in values.items():
        if _differ(field, rows):
            out += [{"field": field, **{k: v for k, v in r.items() if not k.startswith("_")}} for r in _dedupe(rows)]
    return out


def _figure(c: dict) -> str:
    low, high = int(c["low"]), int(c["high"]) if c.get("high") is not None else int(c["low"])
    return str(low) if high == low else f"{low}-{high}"


def _dedupe(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in rows:
        key = (r["document_id"], r["value"], r.get("claimant"))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _differ(field: str, rows: list[dict]) -> bool:
    """Values differ across documents (a document disagreeing with itself is a claim list, not a
    disagreement between outlets, unless another document gives yet another value)."""
    docs = {r["document_id"] for r in rows}
    if len(docs) < 2:
        return False
    if field == "place":
        pts = [r["_ll"] for r in rows if r["_ll"][0] is not None]
        return any(haversine_km(a, b) > PLACE_KM for a in pts for b in pts)
    per_doc: dict[str, set] = {}
    for r in rows:
        per_doc.setdefault(r["document_id"], set()).add(fold(r["value"]))
    sets = list(per_doc.values())
    return any(a != b for a in sets for b in sets)

"""`dateline eval` for what annotate and resolve find: actors, places, quotes, speakers, figures, dates.

Gold files in the samples' format list actors and places once per distinct surface form, and
quotes and figures with offsets into the *raw* file, while our offsets point into the clean text;
so everything here matches on text (case- and punctuation-insensitive containment, or half the
words in common) rather than on offsets. Each field is precision/recall over distinct items:

- actors: a gold surface form is found when we have a mention of that text resolved to the same
  actor (names compared through the actor packs, so "ISIS" and "Islamic State" agree);
- places: a gold place mention is found when one of our place mentions of that text is within
  25 km; our distinct place texts that match no gold place count against precision; countries
  are left out on both sides;
- quotes and speakers: quotes match on text; the speaker is right when the attribution words or
  the resolved actor agree with the gold speaker or its mention;
- figures: match on text, then the value (a number or a [low, high] range) must agree;
- dates: every gold event with date words: our date mention for those words resolves to the
  gold event date (ISO prefix).
"""
from __future__ import annotations

import re
from typing import Any, Callable

from .geo import haversine_km

ANNOTATION_FIELDS = ("actors_precision", "actors_recall", "places_precision", "places_recall",
                     "quotes_precision", "quotes_recall", "quote_speakers", "figures_precision",
                     "figures_recall", "figure_values", "dates")
NEAR_KM = 25.0


def loose_text(s: Any) -> str:
    """Case- and punctuation-insensitive form for comparing strings with gold."""
    return " ".join(re.sub(r"[^\w\s]", " ", str(s or "")).casefold().split())


def same_text(a: str, b: str) -> bool:
    """Containment either way, or at least half the words of the shorter in common."""
    la, lb = loose_text(a), loose_text(b)
    if not la or not lb:
        return False
    if la in lb or lb in la:
        return True
    wa, wb = set(la.split()), set(lb.split())
    return len(wa & wb) >= 0.5 * min(len(wa), len(wb)) and min(len(wa), len(wb)) >= 4


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return haversine_km((lat1, lon1), (lat2, lon2))


def score_annotations(fields: dict, gold: dict, out: dict, same_actor: Callable[[str, str | None, str | None], bool]) -> None:
    """Add one document's annotation scores to `fields` (FieldScore objects keyed by ANNOTATION_FIELDS)."""
    label = gold.get("file", "?")
    _actors(fields, gold, out, same_actor, label)
    _places(fields, gold, out, label)
    _quotes(fields, gold, out, same_actor, label)
    _figures(fields, gold, out, label)
    _dates(fields, gold, out, label)


def _actors(fields, gold, out, same_actor, label) -> None:
    actors = out.get("actors") or {}
    ours: dict[str, tuple[str, str]] = {}
    for m in out.get("mentions") or []:
        if m.get("actor"):
            ours.setdefault(loose_text(m["text"]), (m["actor"], (actors.get(m["actor"]) or {}).get("name")))
    gold_forms = {loose_text(a["mention"]): a["canonical"] for a in gold.get("actors") or []}
    for form, canonical in gold_forms.items():
        hit = ours.get(form)
        fields["actors_recall"].add(hit is not None and same_actor(canonical, *hit),
                                    f"{label}: actor {form!r} ({canonical}) got {hit[1] if hit else None!r}")
    for form, (actor_id, name) in ours.items():
        canonical = gold_forms.get(form)
        fields["actors_precision"].add(canonical is not None and same_actor(canonical, actor_id, name),
                                       f"{label}: extra actor {form!r} → {name!r}")


def _places(fields, gold, out, label) -> None:
    # Countries are left out on both sides, as the scorecard does: a country's "centre" is a
    # convention (centroid, capital, ACLED's point) and 25 km says nothing about it.
    placed = [(p.get("text", ""), p["lat"], p["lon"]) for p in out.get("places") or []
              if p.get("lat") is not None and not str(p.get("feature_code") or "").startswith("PCL")]
    gold_places = [p for p in gold.get("places") or [] if p.get("lat") is not None and p.get("kind") != "country"]
    for p in gold_places:
        ok = any(same_text(t, p["mention"]) and _km(p["lat"], p["lon"], la, lo) <= NEAR_KM for t, la, lo in placed)
        fields["places_recall"].add(ok, f"{label}: place {p['mention']!r} not found within {NEAR_KM:g} km")
    seen = set()
    for t, la, lo in placed:
        if loose_text(t) in seen:
            continue
        seen.add(loose_text(t))
        ok = any(same_text(t, p["mention"]) and _km(p["lat"], p["lon"], la, lo) <= NEAR_KM for p in gold_places)
        fields["places_precision"].add(ok, f"{label}: extra or misplaced place {t!r}")


def _quotes(fields, gold, out, same_actor, label) -> None:
    ours = out.get("quotes") or []
    actors = out.get("actors") or {}
    used: set[int] = set()
    for g in gold.get("quotes") or []:
        hit = next((q for q in ours if id(q) not in used and same_text(q["text"], g["text"])), None)
        fields["quotes_recall"].add(hit is not None, f"{label}: quote {g['text'][:60]!r} missed")
        if hit is None:
            continue
        used.add(id(hit))
        speaker_name = (actors.get(hit.get("speaker_actor") or "") or {}).get("name")
        ok = any(same_text(hit.get("speaker") or "", want) for want in (g.get("speaker"), g.get("speaker_mention")) if want) \
            or (bool(g.get("speaker")) and same_actor(g["speaker"], hit.get("speaker_actor"), speaker_name))
        fields["quote_speakers"].add(ok, f"{label}: speaker of {g['text'][:40]!r} got {hit.get('speaker')!r}, "
                                         f"gold {g.get('speaker')!r}")
    for q in ours:
        fields["quotes_precision"].add(id(q) in used, f"{label}: extra quote {q['text'][:60]!r}")


def _value_agrees(gold_value: Any, f: dict) -> bool:
    if isinstance(gold_value, list) and len(gold_value) == 2:
        return float(f["low"]) == float(gold_value[0]) and float(f["high"]) == float(gold_value[1])
    try:
        return float(f["low"]) == float(f["high"]) == float(gold_value)
    except (TypeError, ValueError):
        return False


def _figures(fields, gold, out, label) -> None:
    ours = [f for f in out.get("figures") or [] if not f.get("vague")]
    used: set[int] = set()
    for g in gold.get("figures") or []:
        hit = next((f for f in ours if id(f) not in used and same_text(f["text"], g["text"])), None)
        fields["figures_recall"].add(hit is not None, f"{label}: figure {g['text']!r} missed")
        if hit is None:
            continue
        used.add(id(hit))
        fields["figure_values"].add(_value_agrees(g.get("value"), hit),
                                    f"{label}: figure {g['text']!r} got {hit['low']}-{hit['high']}, gold {g.get('value')!r}")
    for f in ours:
        fields["figures_precision"].add(id(f) in used, f"{label}: extra figure {f['text']!r}")


def _dates(fields, gold, out, label) -> None:
    ours = out.get("dates") or []
    for e in gold.get("events") or []:
        if not e.get("date_text") or not e.get("event_date"):
            continue
        hit = next((d for d in ours if same_text(d["text"], e["date_text"])), None)
        got = ((hit or {}).get("value") or {}).get("start")
        fields["dates"].add(bool(got) and str(got).startswith(str(e["event_date"])),
                            f"{label}: {e['date_text']!r} got {got!r}, gold {e['event_date']!r}")

"""Framing by outlet: the words each outlet uses for the same actor and for the same incident.

Responsible for aligning, not counting words: an actor's terms are the surface forms of mentions
the resolve stage tied to that actor id ('ISIS', 'Daesh', 'the terrorists' all → islamic-state),
so two outlets are compared on the same referent; a story's terms are the loaded words
('liberation', 'fall', 'massacre', 'aggression', 'regime'…) in the member documents of one story,
so outlets are compared on the same incident. Also whom each outlet quotes (source diversity) and
how often it names who claims a figure (attribution rate). Not responsible for resolving mentions.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

# Words that carry a side's view of an event or an actor; grouped so a table can show which of
# the alternatives each outlet chose. Data, not code: extend freely.
FRAMING_TERMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("control", ("liberation", "liberated", "liberate", "freed", "cleansed", "fall", "fell", "occupation",
                 "occupied", "capture", "captured", "seized", "conquest", "conquered", "took control", "retaken",
                 "recaptured", "invasion", "withdrawal", "pulled out")),
    ("violence", ("massacre", "martyred", "martyrs", "martyrdom", "aggression", "terrorist attack", "crime",
                  "war crime", "provocation", "operation", "destruction", "destroyed", "blew up", "demolished")),
    ("actors", ("regime", "government", "terrorists", "militants", "jihadists", "insurgents", "rebels",
                "mercenaries", "gangs", "apostates", "crusaders", "occupiers", "militias", "bandits")),
)
_PATTERN = re.compile(r"\b(" + "|".join(sorted((re.escape(t) for _, ts in FRAMING_TERMS for t in ts),
                                                key=len, reverse=True)) + r")\b", re.I)


def _outlet(row: dict) -> str:
    return row.get("outlet") or (row.get("uri") or "").rsplit("/", 1)[-1] or "unknown"


def compute_framing(tables: Any) -> list[dict[str, Any]]:
    """Framing rows: (outlet, target_kind, target, target_name, term, count, example)."""
    rows: list[dict[str, Any]] = []
    actor_terms: dict[tuple, Counter] = defaultdict(Counter)
    examples: dict[tuple, dict] = {}
    names: dict[str, str] = {}
    for m in tables.actor_mentions():
        term = " ".join(m["text"].split()).lower()
        key = (_outlet(m), m["actor_id"])
        actor_terms[key][term] += 1
        names[m["actor_id"]] = m["actor_name"] or m["actor_id"]
        examples.setdefault(key + (term,), m)
    for (outlet, actor), terms in sorted(actor_terms.items()):
        for term, n in terms.most_common():
            ex = examples[(outlet, actor, term)]
            rows.append({"outlet": outlet, "target_kind": "actor", "target": actor, "target_name": names[actor],
                         "term": term, "count": n, "document_id": ex["document_id"], "example_start": ex["start"],
                         "example_end": ex["end"], "example": " ".join((ex["context"] or "").split())})
    story_terms: dict[tuple, Counter] = defaultdict(Counter)
    story_examples: dict[tuple, tuple] = {}
    for d in tables.story_texts():
        text = d["text"] or ""
        for m in _PATTERN.finditer(text):
            term = m.group(1).lower()
            key = (_outlet(d), d["story_id"])
            story_terms[key][term] += 1
            story_examples.setdefault(key + (term,), (d["document_id"], m.start(), m.end(), text))
    for (outlet, story), terms in sorted(story_terms.items()):
        for term, n in terms.most_common():
            doc_id, s, e, text = story_examples[(outlet, story, term)]
            rows.append({"outlet": outlet, "target_kind": "story", "target": story, "target_name": None,
                         "term": term, "count": n, "document_id": doc_id, "example_start": s, "example_end": e,
                         "example": " ".join(text[max(0, s - 80):e + 80].split())})
    return rows


def update_framing(tables: Any) -> int:
    """Recompute and store the framing table (a pass over resolved mentions and story members)."""
    rows = compute_framing(tables)
    tables.replace_framing(rows)
    return len(rows)


def framing(tables: Any, *, min_outlets: int = 1) -> dict[str, Any]:
    """Stored framing as {(kind, target): {"name", "outlets": {outlet: [(term, count, example)]}}},
    keeping targets named by at least `min_outlets` outlets (2 shows only real comparisons)."""
    out: dict[tuple, dict] = {}
    for r in tables.framing_rows():
        t = out.setdefault((r["target_kind"], r["target"]), {"kind": r["target_kind"], "target": r["target"],
                                                             "name": r["target_name"] or r["target"], "outlets": {}})
        t["outlets"].setdefault(r["outlet"], []).append({"term": r["term"], "count": r["count"],
                                                         "example": r["example"]})
    return {k: v for k, v in out.items() if len(v["outlets"]) >= min_outlets}


def source_diversity(tables: Any) -> list[dict[str, Any]]:
    """Per outlet: how many quotes, how many distinct speakers, the speakers most quoted, and the
    share of figures and of events whose source (claimant) it names."""
    quotes: dict[str, Counter] = defaultdict(Counter)
    for q in tables.quote_rows():
        quotes[_outlet(q)][q["speaker"] or "(unattributed)"] += 1
    attribution = {r["outlet"]: r for r in tables.attribution_counts()}
    out = []
    for outlet in sorted(set(quotes) | set(attribution)):
        c, a = quotes.get(outlet, Counter()), attribution.get(outlet, {})
        out.append({
            "outlet": outlet, "quotes": sum(c.values()), "speakers": len(c),
            "top_speakers": [s for s, _ in c.most_common(5)],
            "figures": a.get("figures", 0),
            "figure_attribution": round(a["figures_claimed"] / a["figures"], 3) if a.get("figures") else None,
            "events": a.get("events", 0),
            "event_attribution": round(a["events_claimed"] / a["events"], 3) if a.get("events") else None,
        })
    return out

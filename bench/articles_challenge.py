"""Score the whole pipeline, at the event level, on 24 whole news articles with gold ACLED events.

    .venv/bin/python bench/articles_challenge.py        # summary figures
    .venv/bin/python bench/articles_challenge.py -v     # ... plus, per article, missed gold events and
                                                        #     false predictions with their evidence

`bench/data/articles_challenge.jsonl` (see `bench/data/README.md`) holds whole web-page-like articles
(250-700 words: headline, byline, background, quotes, reactions, captions, "Read more" lists,
comments) in which the codable events sit among material a careless coder would code. The snippet
sets measure the event classifier on one sentence; this measures what a user gets from a page.

Each article goes through `dateline.analyze(text, published=...).to_dict()`. Predicted events are
matched one-to-one to gold events, greedily, within the article. A pair matches when:

- the ACLED event type is the same (sub-type level: the sub-event type is the same), and
- the place agrees: the gold `location` (as written), or one of its `location_alt` names (a
  coarser place a careful coder could also pick: a neighbourhood's city, the other village of a
  front line), and the prediction's `location_text` or resolved `place.name` contain one another,
  case- and accent-insensitively.
  A prediction with no location at all may match on type alone; such matches are counted
  separately ("type-only") because they are weaker.

Pairs where the sub-type also agrees are taken first, then place matches, then type-only ones, so
that a loose match does not steal a gold event from an exact one. Figures: precision, recall and F1
over all events of all articles at the type level and at the sub-type level; and how many of the
`not_events` sentences (background, plans, threats, denials, totals) got a predicted event whose
evidence span overlaps them.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

import dateline  # noqa: E402
from dateline.events.taxonomy import Taxonomy  # noqa: E402

DATA = REPO / "bench" / "data" / "articles_challenge.jsonl"


def fold(s: str | None) -> str:
    """Lower-case, accent-free form, so that "Pétion-Ville" and "Petion-Ville" compare equal."""
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()


def place_names(pred: dict) -> list[str]:
    """The folded names under which a predicted event's place may be compared."""
    place = pred.get("place") or {}
    return [n for n in (fold(pred.get("location_text")), fold(place.get("name"))) if n]


def place_agrees(gold: dict, pred: dict) -> bool:
    """Loose place test against the gold `location` or any of its `location_alt` names."""
    names = place_names(pred)
    wanted = [fold(x) for x in [gold["location"], *gold.get("location_alt", [])]]
    return any(g in n or n in g for g in wanted for n in names)


def match(gold: list[dict], preds: list[dict], tax: Taxonomy, *, strict: bool) -> list[tuple[int, int, str]]:
    """Greedy one-to-one matching: (gold index, prediction index, "place" | "type-only").

    `strict` requires the same sub-event type; otherwise the same event type suffices, but pairs
    with the same sub-type are still taken first.
    """
    candidates = []
    for gi, g in enumerate(gold):
        g_type = tax.event_type_of(g["sub_event_type"])
        for pi, p in enumerate(preds):
            same_sub = p.get("sub_event_type") == g["sub_event_type"]
            if (strict and not same_sub) or p.get("event_type") != g_type:
                continue
            if place_agrees(g, p):
                kind = "place"
            elif not place_names(p):
                kind = "type-only"
            else:
                continue
            rank = (0 if same_sub else 1) + (0 if kind == "place" else 2)
            candidates.append((rank, gi, pi, kind))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi, kind in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi, kind))
    return pairs


def evidence_text(pred: dict, doc_text: str) -> str:
    return " … ".join(doc_text[s:e] for s, e in pred.get("evidence") or [])


def hits_not_event(sentence: str, preds: list[dict], doc_text: str, raw_text: str) -> bool | None:
    """Whether an event's evidence overlaps `sentence`; None when the sentence is not in the cleaned text."""
    start = doc_text.find(sentence)
    if start < 0:
        return None if sentence in raw_text else False
    end = start + len(sentence)
    return any(s < end and e > start for p in preds for s, e in (p.get("evidence") or []))


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def describe(ev: dict) -> str:
    place = (ev.get("place") or {}).get("name")
    return f"{ev.get('sub_event_type')} @ {ev.get('location_text') or '-'} [{place or 'unresolved'}]"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("-v", "--verbose", action="store_true", help="per-article misses and false predictions")
    args = ap.parse_args()

    tax = Taxonomy.load()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    totals = {"gold": 0, "pred": 0, "tp_type": 0, "tp_sub": 0, "type_only": 0,
              "neg": 0, "neg_hit": 0, "neg_lost": 0}
    t0 = time.perf_counter()
    for row in rows:
        out = dateline.analyze(row["text"], published=row["published"]).to_dict()
        preds = out.get("events") or []
        doc_text = out["document"]["text"]
        gold = row["events"]
        pairs = match(gold, preds, tax, strict=False)
        strict_pairs = match(gold, preds, tax, strict=True)
        totals["gold"] += len(gold)
        totals["pred"] += len(preds)
        totals["tp_type"] += len(pairs)
        totals["tp_sub"] += len(strict_pairs)
        totals["type_only"] += sum(1 for *_, kind in pairs if kind == "type-only")
        neg_flags = [hits_not_event(s, preds, doc_text, row["text"]) for s in row["not_events"]]
        totals["neg"] += len(neg_flags)
        totals["neg_hit"] += sum(1 for f in neg_flags if f)
        totals["neg_lost"] += sum(1 for f in neg_flags if f is None)
        if args.verbose:
            report_article(row, gold, preds, pairs, neg_flags, doc_text)
    elapsed = time.perf_counter() - t0

    n_articles = len(rows)
    print(f"articles: {n_articles}  gold events: {totals['gold']}  predicted events: {totals['pred']}  "
          f"({elapsed:.1f} s)")
    p, r, f = prf(totals["tp_type"], totals["pred"], totals["gold"])
    print(f"type level:     P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (matched {totals['tp_type']}, "
          f"of which type-only {totals['type_only']})")
    p, r, f = prf(totals["tp_sub"], totals["pred"], totals["gold"])
    print(f"sub-type level: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (matched {totals['tp_sub']})")
    print(f"not_events hit by an event's evidence: {totals['neg_hit']}/{totals['neg']}"
          + (f"  ({totals['neg_lost']} not found in the cleaned text)" if totals["neg_lost"] else ""))
    return 0


def report_article(row, gold, preds, pairs, neg_flags, doc_text) -> None:
    matched_g = {gi for gi, _, _ in pairs}
    matched_p = {pi for _, pi, _ in pairs}
    wrong_sub = [(gi, pi) for gi, pi, _ in pairs if gold[gi]["sub_event_type"] != preds[pi].get("sub_event_type")]
    print(f"\n== {row['id']}  gold {len(gold)}  pred {len(preds)}  matched {len(pairs)}")
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            print(f"  MISSED  {g['sub_event_type']} @ {g['location']}\n          | {g['evidence'][:200]}")
    for gi, pi in wrong_sub:
        print(f"  SUBTYPE gold {gold[gi]['sub_event_type']}  pred {preds[pi].get('sub_event_type')}"
              f" @ {gold[gi]['location']}")
    for pi, p in enumerate(preds):
        if pi not in matched_p:
            print(f"  FALSE   {describe(p)} ({p.get('confidence')})\n          | "
                  f"{evidence_text(p, doc_text)[:200]}")
    for sentence, flag in zip(row["not_events"], neg_flags):
        if flag:
            print(f"  NOT-EVENT coded | {sentence[:160]}")


if __name__ == "__main__":
    sys.exit(main())

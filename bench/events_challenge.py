"""Score the event coder on the challenge set: 240 snippets aimed at the sub-types it confuses most.

    .venv/bin/python bench/events_challenge.py        # summary: per-sub-type F1, weighted F1, negatives
    .venv/bin/python bench/events_challenge.py -v     # ... plus every error, one per line

`bench/data/events_challenge.jsonl` (see `bench/data/README.md`) is a second development set, written
apart from the dev set so that weaknesses can be found without looking at the held-out fold 0. Each
text goes through the whole pipeline, `dateline.analyze(text).to_dict()`, as a user's would; the
prediction is the sub-type of the most confident event (by `confidence`), or "none" when the
pipeline codes no event. Figures:

- per sub-type: precision, recall and F1 over all rows (gold non-events count as "none", so an event
  coded on a non-event costs the predicted sub-type precision);
- weighted F1 over the event rows only: scikit-learn's `f1_score(average="weighted")` with the gold
  sub-types as labels, so a "none" prediction is simply a miss, as in `scorecard.py snippets`;
- how many of the non-events were left with no event.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from sklearn.metrics import f1_score

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

import dateline  # noqa: E402

DATA = REPO / "bench" / "data" / "events_challenge.jsonl"
NONE = "none"


def predict(text: str) -> tuple[str, float]:
    """The sub-type of the most confident event in `text`, and its confidence; ("none", 0.0) if none."""
    events = dateline.analyze(text).to_dict().get("events") or []
    best = max(events, key=lambda e: float(e.get("confidence") or 0), default=None)
    if best is None or not best.get("sub_event_type"):
        return NONE, 0.0
    return str(best["sub_event_type"]).strip(), float(best.get("confidence") or 0)


def per_label(gold: list[str], pred: list[str]) -> dict[str, tuple[int, int, float, float, float]]:
    """label -> (gold count, predicted count, precision, recall, F1) over all rows."""
    out = {}
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, pred))
        n_gold, n_pred = gold.count(label), pred.count(label)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        out[label] = (n_gold, n_pred, prec, rec, 2 * tp / (n_gold + n_pred) if tp else 0.0)
    return out


def report(rows: list[dict], pred: list[tuple[str, float]], verbose: bool) -> None:
    gold = [r["sub_event_type"] or NONE for r in rows]
    labels = [p for p, _ in pred]
    print(f"{'sub-type':40s} {'gold':>4s} {'pred':>4s} {'P':>5s} {'R':>5s} {'F1':>5s}")
    for label, (n_g, n_p, prec, rec, f1) in per_label(gold, labels).items():
        print(f"{label:40s} {n_g:4d} {n_p:4d} {prec:5.2f} {rec:5.2f} {f1:5.2f}")

    ev = [i for i, g in enumerate(gold) if g != NONE]
    ev_gold, ev_pred = [gold[i] for i in ev], [labels[i] for i in ev]
    weighted = f1_score(ev_gold, ev_pred, labels=sorted(set(ev_gold)), average="weighted", zero_division=0)
    missed = sum(p == NONE for p in ev_pred)
    negs = [labels[i] for i, g in enumerate(gold) if g == NONE]
    print(f"\nweighted F1 over {len(ev)} event rows: {weighted:.3f} "
          f"(accuracy {sum(g == p for g, p in zip(ev_gold, ev_pred)) / len(ev):.3f}, {missed} coded as no event)")
    print(f"non-events left without an event: {negs.count(NONE)}/{len(negs)}")

    confusions = Counter((g, p) for g, p in zip(gold, labels) if g != p)
    print("\nmost frequent confusions (gold -> predicted):")
    for (g, p), n in confusions.most_common(10):
        print(f"  {n:3d}  {g} -> {p}")

    if verbose:
        print("\nerrors:")
        for r, g, (p, conf) in zip(rows, gold, pred):
            if g != p:
                print(f"{r['id']} {g} -> {p} ({conf:.2f}) :: {r['text']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="print every error")
    ap.add_argument("--data", type=Path, default=DATA, help="challenge JSONL file (default: %(default)s)")
    a = ap.parse_args(argv)

    rows = [json.loads(line) for line in a.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    start = time.perf_counter()
    pred = [predict(r["text"]) for r in rows]
    report(rows, pred, a.verbose)
    print(f"\n{len(rows)} snippets in {time.perf_counter() - start:.1f} s ({a.data.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

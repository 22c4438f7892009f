"""Error analysis for the events stage without touching the held-out fold: leave one dev fold out.

    .venv/bin/python scripts/events_out_of_fold.py train [--folds 1 2 3 4] [--work DIR]
    .venv/bin/python scripts/events_out_of_fold.py eval  [--folds 1 2 3 4] [--work DIR]

`train` fits, for each fold K of `dateline-dev-events` folds 1-4, a throwaway classifier on the dev
folds other than 0 and K plus every shipped `events_extra*.jsonl` (the same model and settings as
`scripts/train_event_classifier.py`), into DIR/mK. `eval` runs the whole pipeline
(`dateline.analyze`) on fold K with model K, prints the weighted F1 of the most confident event per
snippet (as `scorecard.py snippets` reads fold 0) and writes DIR/errorsK.txt: one line per miss with
the gold type, the pipeline's, the classifier's alone and every event found. Fold 0 is never read.

This is where rules are written from; the figure it prints is optimistic for rules written from its
own errors. The honest figure stays `scorecard.py snippets --fold 0`.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "src"))

import train_event_classifier as T  # noqa: E402


def weighted_f1(gold: list[str], pred: list[str]) -> float:
    support, total = Counter(gold), 0.0
    for label in support:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        fp = sum(p == label != g for g, p in zip(gold, pred))
        fn = support[label] - tp
        total += (2 * tp / (2 * tp + fp + fn) if tp else 0.0) * support[label]
    return total / len(gold) if gold else 0.0


def train(folds: list[int], work: Path) -> None:
    rows = T.read_jsonl(T.DEV)
    extra = [r for path in T.EXTRA for r in T.read_jsonl(path)]
    for k in folds:
        rows_k = [r for r in rows if r["fold"] not in (0, k)] + extra
        model = T.Model().fit([r["text"] for r in rows_k], [r.get("sub_event_type") for r in rows_k])
        model.export(work / f"m{k}", 0.5, {"left_out_fold": k})
        print(f"fold {k}: trained on {len(rows_k)} rows -> {work / f'm{k}'}", flush=True)


def evaluate(folds: list[int], work: Path) -> None:
    import dateline
    import dateline.events.classifier as classifier

    rows = T.read_jsonl(T.DEV)
    all_gold, all_pred = [], []
    for k in folds:
        folder = work / f"m{k}"
        classifier.default_model_dir = lambda folder=folder: folder
        dateline._default_pipeline.cache_clear()
        alone_model = classifier.EventClassifier.load(folder)
        gold, pred, errors, negatives, rejected = [], [], [], 0, 0
        for r in (r for r in rows if r["fold"] == k):
            events = dateline.analyze(r["text"]).to_dict().get("events") or []
            best = max(events, key=lambda e: float(e.get("confidence") or 0), default=None)
            got = best["sub_event_type"] if best else "none"
            want = r["sub_event_type"]
            if want is None:
                negatives += 1
                rejected += best is None
            else:
                gold.append(want)
                pred.append(got)
            if got != (want or "none"):
                alone = alone_model.predict([r["text"]])[0].sub_event_type or "none"
                found = [(e["sub_event_type"], round(e["confidence"], 2)) for e in events]
                errors.append(f"[{r['id']}] gold={want} pipeline={got} alone={alone} events={found} :: {r['text']}")
        (work / f"errors{k}.txt").write_text("\n".join(errors) + "\n", encoding="utf-8")
        all_gold += gold
        all_pred += pred
        print(f"fold {k}: weighted F1 {weighted_f1(gold, pred):.3f}; no event on {rejected}/{negatives} negatives; "
              f"{len(errors)} misses in {work / f'errors{k}.txt'}", flush=True)
    print(f"folds {' '.join(map(str, folds))}: weighted F1 {weighted_f1(all_gold, all_pred):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=("train", "eval"))
    ap.add_argument("--folds", type=int, nargs="+", default=[1, 2, 3, 4])
    ap.add_argument("--work", type=Path, default=Path("/tmp/dateline-out-of-fold"))
    a = ap.parse_args()
    if 0 in a.folds:
        sys.exit("fold 0 is held out: leave it out of --folds")
    a.work.mkdir(parents=True, exist_ok=True)
    (train if a.step == "train" else evaluate)(a.folds, a.work)


if __name__ == "__main__":
    main()

"""Score the shipped event classifier: CV figures, held-out fold 0, actor-rule upper bound, PLOVER, speed.

    .venv/bin/python bench/event_classifier_score.py            # uses the CV figures stored at training
    .venv/bin/python bench/event_classifier_score.py --cv       # recomputes 5-fold CV (needs scikit-learn)

Fold 0 is read like `../shared/tools/scorecard.py snippets --fold 0`: the argmax sub-type when
P(event) reaches the model's threshold, else "none" (a miss); weighted and macro F1 over the gold
sub-types; and the share of fold-0 negatives left without an event. The actor-rule line feeds the
dev set's gold actor categories to `apply_actor_rules`: an upper bound of what resolved actors can add.
PLOVER GSR (CC BY-SA, evaluation only) is scored at ACLED event-type level where the mapping is
unambiguous, and its statement-like types (DEMAND, THREATEN…) count as negatives.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from dateline.events.classifier import EventClassifier, default_model_dir  # noqa: E402
from dateline.events.coding_rules import apply_actor_rules  # noqa: E402
from dateline.events.taxonomy import Taxonomy  # noqa: E402

SHARED = REPO.parent / "shared" / "datasets"
DEV = SHARED / "dateline-dev-events" / "events.jsonl"
PLOVER = SHARED / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
KINDS = {"State forces": "state_forces", "Rebel groups": "rebel_group", "Political militias": "political_militia",
         "Identity militias": "identity_militia", "External/Other forces": "external_force", "Civilians": "civilians",
         "Protesters": "protesters", "Rioters": "rioters"}
# PLOVER (type, mode) -> ACLED event type, only where one ACLED type is the clear reading.
PLOVER_TO_ACLED = {
    ("PROTEST", "demo-org"): "Protests", ("PROTEST", "demo-spon"): "Protests", ("PROTEST", "strike-gen"): "Protests",
    ("PROTEST", "riot"): "Riots", ("PROTEST", "riot-spon"): "Riots",
    ("FIGHT", "firearms"): "Battles",
    ("ASSAULT", "explosives"): "Explosions/Remote violence", ("ASSAULT", "suicide-attack"): "Explosions/Remote violence",
    ("ASSAULT", "beat"): "Violence against civilians", ("ASSAULT", "torture"): "Violence against civilians",
    ("ASSAULT", "sexual"): "Violence against civilians", ("ASSAULT", "primitive"): "Violence against civilians",
    ("COERCE", "arrest"): "Strategic developments", ("COERCE", "detain"): "Strategic developments",
    ("COERCE", "curfew"): "Strategic developments", ("COERCE", "martial-law"): "Strategic developments",
}
NONE = "none"


def f1_scores(gold: list[str], pred: list[str]) -> tuple[float, float, dict[str, float]]:
    labels = sorted(set(gold))
    per, support = {}, Counter(gold)
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        fp = sum(p == label and g != label for g, p in zip(gold, pred))
        fn = sum(g == label and p != label for g, p in zip(gold, pred))
        per[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    weighted = sum(per[lab] * support[lab] for lab in labels) / len(gold)
    return weighted, sum(per.values()) / len(labels), per


def decide(clf: EventClassifier, p_event: float, probs: dict[str, float]) -> str:
    return max(probs, key=probs.get) if p_event >= clf.threshold else NONE


def score_fold0(clf: EventClassifier, rows: list[dict]) -> None:
    p_event, p_sub = clf.scores([r["text"] for r in rows])
    text_pred, rule_pred, gold, neg_ok, neg_n = [], [], [], 0, 0
    for r, pe, ps in zip(rows, p_event, p_sub):
        probs = dict(zip(clf.labels, ps))
        if r["sub_event_type"] is None:
            neg_n += 1
            neg_ok += pe < clf.threshold
            continue
        gold.append(r["sub_event_type"])
        text_pred.append(decide(clf, pe, probs))
        ruled = apply_actor_rules(probs, KINDS.get(r.get("actor1_category")), KINDS.get(r.get("actor2_category")))
        rule_pred.append(decide(clf, pe, ruled))
    w, m, per = f1_scores(gold, text_pred)
    print(f"fold 0 (held out), text only: weighted F1 {w:.3f}  macro F1 {m:.3f}  over {len(gold)} events; "
          f"event found {sum(p != NONE for p in text_pred)}/{len(gold)}; no event on {neg_ok}/{neg_n} negatives "
          f"(threshold {clf.threshold})")
    print("  weakest:", ", ".join(f"{k} {v:.2f}" for k, v in sorted(per.items(), key=lambda x: x[1])[:6]))
    w, m, _ = f1_scores(gold, rule_pred)
    print(f"fold 0 + actor rules with gold actor categories (upper bound): weighted F1 {w:.3f}  macro F1 {m:.3f}")


def score_plover(clf: EventClassifier, tax: Taxonomy) -> None:
    records = [r for r in json.loads(PLOVER.read_text(encoding="utf-8")) if r.get("text")]
    mapped = [(r["text"], PLOVER_TO_ACLED[(r["event"], r.get("mode"))]) for r in records
              if (r["event"], r.get("mode")) in PLOVER_TO_ACLED]
    statements = [r["text"] for r in records if r["event"] in tax.plover_without_acled]
    preds = clf.predict([t for t, _ in mapped])
    got = [tax.event_type_of(p.sub_event_type) if p.sub_event_type else NONE for p in preds]
    right = sum(g == e for g, (_, e) in zip(got, mapped))
    w, m, _ = f1_scores([e for _, e in mapped], got)
    found = sum(g != NONE for g in got)
    neg = clf.predict(statements)
    quiet = sum(p.sub_event_type is None for p in neg)
    print(f"PLOVER GSR (evaluation only, CC BY-SA): event type right {right}/{len(mapped)} "
          f"(weighted F1 {w:.3f}, event found {found}/{len(mapped)}); "
          f"no event on {quiet}/{len(statements)} statement-type records "
          f"({', '.join(sorted(tax.plover_without_acled))})")


def speed(clf: EventClassifier, texts: list[str], seconds: float = 3.0) -> None:
    batch = texts * max(1, 2000 // len(texts))
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for i in range(0, len(batch), 256):
            clf.predict(batch[i:i + 256])
        n += len(batch)
    rate = n / (time.perf_counter() - start)
    words = np.mean([len(t.split()) for t in texts])
    print(f"speed: {rate:,.0f} snippets/s on one core (batches of 256, mean {words:.0f} words per snippet)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None, help="model directory (default: shipped weights)")
    ap.add_argument("--cv", action="store_true", help="recompute 5-fold CV with scikit-learn")
    a = ap.parse_args(argv)
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    clf, tax = EventClassifier.load(a.model), Taxonomy.load()
    meta = clf.meta
    print(f"model: {a.model or default_model_dir()}  data sha256 {meta.get('data', {}).get('sha256', '?')[:12]}  "
          f"trained with scikit-learn {meta.get('trained_with', {}).get('scikit-learn')}")
    cv = meta.get("cv")
    if a.cv:
        sys.path.insert(0, str(REPO / "scripts"))
        import train_event_classifier as trainer
        cv = trainer.cross_validate(trainer.training_rows()[0])
    if cv:
        print(f"5-fold CV on dev folds 1-4 + extra: weighted F1 {cv['weighted_f1']:.3f}  macro F1 {cv['macro_f1']:.3f}  "
              f"sub-type macro F1 given event {cv['sub_type_macro_f1_given_event']:.3f}  "
              f"negatives rejected {cv['negatives_rejected']:.3f}  (n={cv['n_events']}+{cv['n_negatives']})")
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    fold0 = [r for r in rows if r["fold"] == 0]
    score_fold0(clf, fold0)
    if PLOVER.exists():
        score_plover(clf, tax)
    speed(clf, [r["text"] for r in fold0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

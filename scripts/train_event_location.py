"""Train the event-location ranker and export it as plain arrays for numpy inference.

Reproduce the shipped weights (from the repository root, with `../shared` next to it):

    .venv/bin/python scripts/train_event_location.py

Data: `../shared/datasets/event_location/labeled_text.jsonl.zip`, "Geolocating Political Events in
Text" (Andy Halterman, MIT licence, copied as LICENSE next to the weights): sentences with one event
verb and the span(s) of the place where that event happened, or none; plus folds 1-4 of
`../shared/datasets/dateline-dev-events` (CC0; trigger and location spans; fold 0 is only scored).
Candidates are what dateline itself would offer `choose_place`: each text runs through the
project's entity annotator and place resolver as a one-paragraph document, and every resolved
mention is a candidate (as in the events stage); a candidate is right when it overlaps a gold span.
Texts whose gold place is among two or more candidates train a conditional logit (softmax over one
sentence's candidates, L2, L-BFGS from zeros: deterministic). A fixed fifth of Halterman's
sentences (by sha256 of the text) is held out and only scored, with dev fold 0: rules, ranker and
the gated mix the events stage uses. Candidates come from the annotator and gazetteer, so the
weights reproduce exactly for the same versions of those; `meta.json` records the hash of the
training matrix to tell.
Options: `--out DIR`, `--cache FILE` (reuse the annotated candidates; annotating takes ~4 minutes),
`--no-dev` (Halterman's data only), `--l2 FLOAT`.
Output: `src/dateline/resources/models/event_location/{weights.npz,meta.json,LICENSE}`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import numpy as np
from scipy.optimize import minimize

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from dateline.events.location import first_unqualified, plausible_candidates, qualifiers, rule_score  # noqa: E402
from dateline.events.location_features import FEATURES, candidate_matrix  # noqa: E402
from dateline.events.location_ranker import LocationRanker, export_ranker, gated_pick  # noqa: E402

DATA = REPO.parent / "shared" / "datasets" / "event_location"
DEV_EVENTS = REPO.parent / "shared" / "datasets" / "dateline-dev-events" / "events.jsonl"
OUT = REPO / "src" / "dateline" / "resources" / "models" / "event_location"
HELD_OUT_SHARE = 5  # one sentence in five, by hash
# What the features read of a resolved place; the rest of the record is not kept in the cache.
PLACE_KEYS = ("feature_code", "geo_precision", "population", "method", "score", "country")


def read_records(folder: Path = DATA) -> list[dict]:
    with zipfile.ZipFile(folder / "labeled_text.jsonl.zip") as z:
        name = next(n for n in z.namelist() if n.endswith(".jsonl") and "MACOSX" not in n)
        return json.loads(z.read(name).decode("utf-8"))


def read_dev_events(path: Path = DEV_EVENTS, folds: tuple[int, ...] = (1, 2, 3, 4)) -> list[dict]:
    """dateline's own ACLED-style snippets (CC0) in the Halterman record shape: trigger and location spans."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line) if line.strip() else None
        if not r or r["fold"] not in folds or "trigger" not in r.get("spans", {}):
            continue
        spans = [{"label": "VERB", "start": r["spans"]["trigger"][0], "end": r["spans"]["trigger"][1]}]
        if r["spans"].get("location"):
            spans.append({"label": "LOCATION", "start": r["spans"]["location"][0], "end": r["spans"]["location"][1]})
        out.append({"text": r["text"], "spans": spans, "fold": r["fold"]})
    return out


def is_held_out(text: str) -> bool:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % HELD_OUT_SHARE == 0


def _acronym(text: str, place: dict) -> bool:
    # Mirrors the events stage, which never offers "US"/"UN"-like village matches as places.
    return len(text) <= 3 and text.isupper() and not str(place.get("feature_code") or "").startswith("PCL")


def annotate(records: list[dict]) -> list[dict]:
    """Per usable record: text, trigger offset, gold spans and the resolved place candidates."""
    from dateline.model import Document, Paragraph
    from dateline.pipeline import Pipeline

    pipe = Pipeline()
    pipe.setup()
    rows, docs = [], []
    for r in records:
        verbs = [s for s in r.get("spans") or [] if s.get("label") == "VERB"]
        if len(verbs) != 1 or not r.get("text", "").strip():
            continue
        text = r["text"]
        docs.append(Document(id=str(len(docs)), article_id="", uri="", text=text, language="en",
                             paragraphs=[Paragraph("body", text, 0, len(text), 0, len(text))]))
        gold = [(s["start"], s["end"]) for s in r["spans"] if s.get("label") == "LOCATION"]
        rows.append({"text": text, "trigger": verbs[0]["start"], "gold": gold, "fold": r.get("fold")})
    for k in range(0, len(docs), 256):
        batch = docs[k:k + 256]
        for row, doc, annotated in zip(rows[k:k + 256], batch, pipe.entities.process_many(batch)):
            resolved = pipe.resolver.resolve(doc, annotated.mentions)
            row["candidates"] = [{"start": m.start, "end": m.end, "text": m.text, "label": m.label,
                                  "place": {k: m.place.get(k) for k in PLACE_KEYS}}
                                 for m in resolved.mentions if m.place and not _acronym(m.text, m.place)]
        print(f"annotated {min(k + 256, len(docs))}/{len(docs)}", file=sys.stderr)
    return rows


def as_mentions(row: dict) -> list[SimpleNamespace]:
    return [SimpleNamespace(**c) for c in row["candidates"]]


Group = tuple[np.ndarray, np.ndarray, list[float], list[bool]]


def groups(rows: list[dict]) -> list[Group]:
    """(features, which candidates overlap gold, rule scores, which are mere qualifiers that
    `choose_place` passes over) for each row with candidates."""
    out = []
    for row in rows:
        ms = plausible_candidates(as_mentions(row), row["text"])
        rules = [rule_score(m, row["text"], row["trigger"]) for m in ms]
        x = candidate_matrix(ms, row["text"], row["trigger"], rule_scores=rules)
        y = np.array([any(m.start < b and a < m.end for a, b in row["gold"]) for m in ms], dtype=bool)
        out.append((x, y, rules, qualifiers(ms, row["text"])))
    return out


def ranked(scores) -> list[int]:
    """Indices best first; ties keep the earlier candidate, as `np.argmax` does."""
    return sorted(range(len(scores)), key=lambda i: -scores[i])


def fit(train: list[Group], l2: float) -> np.ndarray:
    """Conditional logit: maximise log softmax(x·w)[gold] per sentence; several gold spans pool."""
    usable = [(x, y) for x, y, _, _ in train if y.any() and len(y) > 1]
    xs = np.vstack([x for x, _ in usable])
    ys = np.concatenate([y for _, y in usable]).astype(np.float64)
    bounds = np.cumsum([0] + [len(y) for _, y in usable])
    seg = np.repeat(np.arange(len(usable)), np.diff(bounds))
    scale = np.maximum(np.abs(xs).max(axis=0), 1e-9)
    xs_s = xs / scale

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = xs_s @ w
        zmax = np.maximum.reduceat(z, bounds[:-1])[seg]
        e = np.exp(z - zmax)
        total = np.add.reduceat(e, bounds[:-1])[seg]
        gold = np.add.reduceat(e * ys, bounds[:-1])[seg]
        p = e / total
        q = e * ys / gold
        nll = -np.sum(np.log(np.add.reduceat(e * ys, bounds[:-1]) / np.add.reduceat(e, bounds[:-1])))
        grad = xs_s.T @ (p - q)
        return nll + l2 * float(w @ w), grad + 2 * l2 * w

    res = minimize(loss, np.zeros(xs.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return res.x / scale


def accuracy(held: list[Group], pick) -> dict:
    """Top-1 accuracy where the gold place is a candidate, and over every sentence with a gold place.
    `pick(x, rule_scores, qualifier_flags)` gives the chosen index."""
    answerable = [g for g in held if g[1].any()]
    right = sum(bool(y[pick(x, r, f)]) for x, y, r, f in answerable)
    multi = [g for g in answerable if len(g[1]) > 1]
    right_multi = sum(bool(y[pick(x, r, f)]) for x, y, r, f in multi)
    return {"answerable": len(answerable), "correct": right, "accuracy": round(right / max(1, len(answerable)), 4),
            "multi_candidate": len(multi), "multi_correct": right_multi,
            "multi_accuracy": round(right_multi / max(1, len(multi)), 4)}


def report(name: str, held_rows: list[dict], held: list, pick) -> dict:
    acc = accuracy(held, pick)
    with_gold = sum(1 for r in held_rows if r["gold"])
    acc["sentences_with_gold_place"] = with_gold
    acc["recall_of_gold_places"] = round(acc["correct"] / max(1, with_gold), 4)
    print(f"{name:7s} held-out top-1 {acc['correct']}/{acc['answerable']} = {acc['accuracy']:.3f}; "
          f"with 2+ candidates {acc['multi_correct']}/{acc['multi_candidate']} = {acc['multi_accuracy']:.3f}; "
          f"of all {with_gold} gold places {acc['recall_of_gold_places']:.3f}")
    return acc


def load_rows(args: argparse.Namespace) -> dict[str, list[dict]]:
    """Annotated candidates of both data sets, from `--cache` when it is there."""
    if args.cache and args.cache.exists():
        return json.loads(args.cache.read_text(encoding="utf-8"))
    rows = {"halterman": annotate(read_records(args.data)),
            "dev": annotate(read_dev_events(args.dev_events, folds=(0, 1, 2, 3, 4)))}
    if args.cache:
        args.cache.write_text(json.dumps(rows), encoding="utf-8")
    return rows


def _as_chosen(scores, flags: list[bool], first: int | None = None) -> int:
    """The index `choose_place` would return: the pick (`first`, else the best score), unless it is
    a mere qualifier, then the best-scored candidate that is not."""
    best = int(np.argmax(scores)) if first is None else first
    return first_unqualified(ranked(scores), flags) if flags[best] else best


def held_out_figures(rows: dict[str, list[dict]], ranker: LocationRanker) -> dict:
    """Rules vs ranker on the Halterman held-out fifth and on dateline's dev fold 0."""
    out = {}
    for name, held_rows in (("halterman_held_out", [r for r in rows["halterman"] if is_held_out(r["text"])]),
                            ("dev_events_fold0", [r for r in rows["dev"] if r.get("fold") == 0])):
        held = groups([r for r in held_rows if r["candidates"]])
        print(name)
        out[name] = {"rules": report("rules", held_rows, held, lambda x, r, f: _as_chosen(r, f)),
                     "ranker": report("ranker", held_rows, held, lambda x, r, f: _as_chosen(ranker.scores(x), f)),
                     "gated": report("gated", held_rows, held,
                                     lambda x, r, f: _as_chosen(ranker.scores(x), f, gated_pick(ranker.scores(x), r)))}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--dev-events", type=Path, default=DEV_EVENTS)
    ap.add_argument("--no-dev", action="store_true", help="train on Halterman's data only")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--l2", type=float, default=1.0)
    args = ap.parse_args(argv)
    rows = load_rows(args)
    train_rows = [r for r in rows["halterman"] if r["candidates"] and not is_held_out(r["text"])]
    if not args.no_dev:
        train_rows += [r for r in rows["dev"] if r["candidates"] and r.get("fold") != 0]
    train = groups(train_rows)
    ranker = LocationRanker(FEATURES, fit(train, args.l2))
    figures = held_out_figures(rows, ranker)
    digest = hashlib.sha256(np.vstack([x for x, _, _, _ in train]).tobytes()).hexdigest()
    data = ["event_location/labeled_text.jsonl.zip (Halterman, MIT): all but the held-out fifth"]
    if not args.no_dev:
        data.append("dateline-dev-events/events.jsonl (CC0): folds 1-4")
    export_ranker(args.out, ranker, {
        "data": data, "l2": args.l2, "train_sentences": len(train), "train_feature_sha256": digest,
        "held_out": {"halterman_rule": f"sha256(text) % {HELD_OUT_SHARE} == 0", **figures}})
    shutil.copyfile(args.data / "LICENSE", args.out / "LICENSE")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

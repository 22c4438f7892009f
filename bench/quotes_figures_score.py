"""Quote and figure quality: P/R/F1 by span overlap, speaker/claimant/value accuracy on matches.

Data: ../shared/samples (5 articles, gold `quotes` and `figures`) and the English and non-English
records of ../shared/datasets/dateline-dev-reports/reports.jsonl (gold `quotes`; no figure gold).
A prediction matches a gold item when their spans overlap by ≥ 50% of the shorter one (one-to-one).
A speaker is right when, after lowercasing and dropping a leading article, it contains or is
contained in the gold `speaker_mention` or `speaker`; a None speaker is right for gold "unspecified".
Figures: gold excludes vague amounts ("dozens"), so predictions with `vague=True` are not scored.
Usage: python bench/quotes_figures_score.py [-v]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dateline  # noqa: E402
from annotated_corpus import locate, match, norm, prf, reports, samples, to_doc  # noqa: E402
from dateline.annotate.figures import find_figures  # noqa: E402
from dateline.annotate.quotes import find_quotes  # noqa: E402


def speaker_ok(pred: str | None, *golds: str | None) -> bool:
    p = norm(pred)
    if not p:
        return any(norm(g) in ("unspecified", "") for g in golds)
    return any(g and (p in norm(g) or norm(g) in p) for g in golds if norm(g))


def score_quotes(name: str, items, verbose: bool) -> None:
    tp = n_pred = n_gold = spk_ok = 0
    for doc_id, doc, golds in items:
        preds = find_quotes(doc)
        gspans = [g[0] for g in golds]
        pairs = match(gspans, [(q.start, q.end) for q in preds])
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(preds), n_gold + len(golds)
        for gi, (span, speakers, text) in enumerate(golds):
            if gi in pairs:
                q = preds[pairs[gi]]
                ok = speaker_ok(q.speaker, *speakers)
                spk_ok += ok
                if verbose and not ok:
                    print(f"  {doc_id} SPEAKER {q.speaker!r} vs {speakers}: {text[:70]!r}")
            elif verbose:
                print(f"  {doc_id} MISS {speakers[-1]!r}: {text[:90]!r}")
        if verbose:
            for pi, q in enumerate(preds):
                if pi not in pairs.values():
                    print(f"  {doc_id} EXTRA [{q.cue}] {q.speaker!r}: {q.text[:90]!r}")
    print(f"quotes {name}: {prf(tp, n_pred, n_gold)}; speaker right {spk_ok}/{tp}"
          f" = {spk_ok / tp if tp else 0:.3f}")


def sample_quotes():
    for doc_id, doc, gold in samples():
        golds = []
        for g in gold["quotes"]:
            span = to_doc(doc, g["start"], g["end"]) or (-1, -1)
            golds.append((span, (g.get("speaker_mention"), g.get("speaker")), g["text"]))
        yield doc_id, doc, golds


def report_quotes(english_only: bool):
    for doc_id, doc, rec in reports(english_only):
        golds = [((locate(doc, g["text"]) or (-1, -1)), (g["speaker"],), g["text"]) for g in rec["quotes"]]
        yield doc_id, doc, golds


def score_figures(verbose: bool) -> None:
    tp = n_pred = n_gold = claim_ok = value_ok = 0
    for doc_id, doc, gold in samples():
        preds = [f for f in find_figures(doc) if not f.vague]
        golds = gold["figures"]
        gspans = [to_doc(doc, g["start"], g["end"]) or (-1, -1) for g in golds]
        pairs = match(gspans, [(f.start, f.end) for f in preds])
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(preds), n_gold + len(golds)
        for gi, g in enumerate(golds):
            if gi not in pairs:
                if verbose:
                    print(f"  {doc_id} MISS {g['text']!r}")
                continue
            f = preds[pairs[gi]]
            want = g["value"] if isinstance(g["value"], list) else [g["value"], g["value"]]
            v = [f.low, f.high] == [float(x) for x in want]
            c = (f.claimant is None and g["claimant"] is None) or (
                f.claimant is not None and speaker_ok(f.claimant, g["claimant"]))
            value_ok, claim_ok = value_ok + v, claim_ok + c
            if verbose and not (v and c):
                print(f"  {doc_id} WRONG {f.text!r} {f.low}-{f.high} {f.unit} claimant={f.claimant!r}"
                      f" vs {want} {g['claimant']!r}")
        if verbose:
            for pi, f in enumerate(preds):
                if pi not in pairs.values():
                    print(f"  {doc_id} EXTRA {f.text!r} {f.low} {f.unit} claimant={f.claimant!r}")
    print(f"figures samples: {prf(tp, n_pred, n_gold)}; value right {value_ok}/{tp}; "
          f"claimant right {claim_ok}/{tp} = {claim_ok / tp if tp else 0:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    args = ap.parse_args(argv)
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    print(f"dateline {dateline.__version__}; data: ../shared/samples/gold (5), "
          f"../shared/datasets/dateline-dev-reports/reports.jsonl (44)")
    t = time.perf_counter()
    score_quotes("samples", sample_quotes(), args.verbose)
    score_quotes("dev-reports (en)", report_quotes(True), args.verbose)
    score_quotes("dev-reports (all)", report_quotes(False), False)
    score_figures(args.verbose)
    print(f"time {time.perf_counter() - t:.2f}s (including extraction)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

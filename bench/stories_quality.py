"""Quality of story grouping: B-cubed precision/recall/F1 and recall of planted disagreements.

    .venv/bin/python bench/stories_quality.py [--corpus tests/fixtures/stories] [--dev-reports]

Runs `dateline run` on the corpus's `articles/` into a temporary database, reads the stories back
and scores them against `expected.json` (stories as lists of file stems; disagreements as
{story: first member's stem, field}). With `--dev-reports` it also scores B-cubed on
../shared/datasets/dateline-dev-reports (same_incident_as groups; every other text its own story).
Aims: B-cubed F1 >= 0.90 and disagreement recall >= 0.90.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from dateline import __version__
from dateline.corpus import list_stories
from dateline.pipeline import PIPELINE_VERSION, run
from dateline.store import Store
from dateline.store.stories import StoryTables

REPO = Path(__file__).resolve().parent.parent


def b_cubed(gold: list[list[str]], pred: list[list[str]]) -> tuple[float, float, float]:
    """Per-item precision and recall of the item's cluster, averaged over items (Bagga & Baldwin)."""
    g = {x: set(c) for c in gold for x in c}
    p = {x: set(c) for c in pred for x in c}
    items = sorted(g)
    for x in items:
        p.setdefault(x, {x})
    prec = sum(len(g[x] & p[x]) / len(p[x]) for x in items) / len(items)
    rec = sum(len(g[x] & p[x]) / len(g[x]) for x in items) / len(items)
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def stories_of(folder: Path, db: str) -> list[dict]:
    run([str(folder)], db)
    with Store.open(db, readonly=True) as store:
        return list_stories(StoryTables(store))


def _stem(source: str) -> str:
    return Path(source).stem


def score_fixture(corpus: Path) -> dict:
    expected = json.loads((corpus / "expected.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        stories = stories_of(corpus / "articles", str(Path(tmp) / "c.sqlite"))
    pred = [[_stem(d["sources"][0]) for d in s["documents"]] for s in stories]
    p, r, f = b_cubed(expected["stories"], pred)
    found = 0
    for planted in expected["disagreements"]:
        story = next((s for s in stories if planted["story"] in {_stem(d["sources"][0]) for d in s["documents"]}), None)
        found += bool(story and story["disagreements"].get(planted["field"]))
    recall = found / len(expected["disagreements"])
    return {"precision": p, "recall": r, "f1": f, "disagreement_recall": recall, "found": found,
            "planted": len(expected["disagreements"]), "documents": sum(map(len, expected["stories"]))}


def score_dev_reports(jsonl: Path, all_languages: bool) -> dict:
    reports = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines() if line.strip()]
    reports = [r for r in reports if all_languages or r.get("lang") == "en"]
    ids = {r["id"] for r in reports}
    groups, seen = [], set()
    for r in reports:
        if r["id"] not in seen:
            g = sorted({r["id"], *(o for o in r.get("same_incident_as", []) if o in ids)})
            seen.update(g)
            groups.append(g)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for r in reports:
            (folder / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
        stories = stories_of(folder, str(Path(tmp) / "c.sqlite"))
    pred = [[_stem(d["sources"][0]) for d in s["documents"]] for s in stories]
    p, r, f = b_cubed(groups, pred)
    return {"precision": p, "recall": r, "f1": f, "documents": len(reports)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(REPO / "tests" / "fixtures" / "stories"))
    ap.add_argument("--dev-reports", action="store_true")
    ap.add_argument("--all-languages", action="store_true")
    a = ap.parse_args(argv)
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"dateline {__version__}, pipeline {PIPELINE_VERSION}")
    s = score_fixture(Path(a.corpus))
    print(f"score stories_quality: {a.corpus}: {s['documents']} documents; B-cubed P {s['precision']:.3f} "
          f"R {s['recall']:.3f} F1 {s['f1']:.3f}; planted disagreements found {s['found']}/{s['planted']} "
          f"= {s['disagreement_recall']:.3f}")
    ok = s["f1"] >= 0.9 and s["disagreement_recall"] >= 0.9
    if a.dev_reports:
        jsonl = REPO.parent / "shared" / "datasets" / "dateline-dev-reports" / "reports.jsonl"
        d = score_dev_reports(jsonl, a.all_languages)
        print(f"score stories_quality: dev-reports ({d['documents']} texts): B-cubed P {d['precision']:.3f} "
              f"R {d['recall']:.3f} F1 {d['f1']:.3f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Date resolution quality: share of gold event dates that `find_dates` resolves exactly.

Data: the events of ../shared/datasets/dateline-dev-reports/reports.jsonl (`date_text` → `date`,
given the record's `published`) and of ../shared/samples/gold (`date_text` → `event_date`, given the
page's own publication date as `extract` finds it). For each event with a `date_text`, the text is
located (inside the event's evidence when it is there) and the `DateMention` overlapping it is
taken; it is right when its ISO value equals the gold date, or when gold is null and the mention is
missing or unresolved. Usage: python bench/dates_score.py [-v]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dateline  # noqa: E402
from annotated_corpus import locate, overlap, reports, samples, to_doc  # noqa: E402
from dateline.resolve.dates import find_dates  # noqa: E402


def _span(doc, evidence_span, date_text):
    if evidence_span is not None:
        i = doc.text.find(date_text, evidence_span[0], evidence_span[1] + len(date_text))
        if i >= 0:
            return i, i + len(date_text)
    return locate(doc, date_text)


def _judge(doc, span, gold, verbose, label):
    mentions = find_dates(doc, doc.published)
    hit = max((m for m in mentions if span and overlap((m.start, m.end), span) > 0),
              key=lambda m: overlap((m.start, m.end), span), default=None)
    got = hit.value.iso if hit and hit.value else None
    ok = got == gold
    if verbose and not ok:
        print(f"  {label}: {hit.text if hit else None!r} -> {got} (gold {gold}, published "
              f"{doc.published.iso if doc.published else None})")
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every wrong date")
    args = ap.parse_args(argv)
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    print(f"dateline {dateline.__version__}; data: ../shared/datasets/dateline-dev-reports/reports.jsonl,"
          " ../shared/samples/gold")
    t = time.perf_counter()
    for name, rows in (("dev-reports", _report_rows()), ("samples", _sample_rows())):
        right = total = 0
        by_gold = {"dated": [0, 0], "null": [0, 0]}
        for doc, span, gold, label in rows:
            ok = _judge(doc, span, gold, args.verbose, label)
            right, total = right + ok, total + 1
            bucket = by_gold["dated" if gold else "null"]
            bucket[0], bucket[1] = bucket[0] + ok, bucket[1] + 1
        print(f"dates {name}: exactly right {right}/{total} = {right / total if total else 0:.3f} "
              f"(gold dated {by_gold['dated'][0]}/{by_gold['dated'][1]}, "
              f"gold null {by_gold['null'][0]}/{by_gold['null'][1]})")
    print(f"time {time.perf_counter() - t:.2f}s (including extraction)")
    return 0


def _report_rows():
    for doc_id, doc, rec in reports():
        for e in rec["events"]:
            if e.get("date_text"):
                ev = locate(doc, e["evidence"]) if e.get("evidence") else None
                yield doc, _span(doc, ev, e["date_text"]), e.get("date"), f"{doc_id} {e['date_text']!r}"


def _sample_rows():
    for doc_id, doc, gold in samples():
        for e in gold["events"]:
            if e.get("date_text"):
                ev = to_doc(doc, e["start"], e["end"])
                yield doc, _span(doc, ev, e["date_text"]), e.get("event_date"), f"{doc_id} {e['date_text']!r}"


if __name__ == "__main__":
    raise SystemExit(main())

"""Fatalities (and actor1) accuracy on matched events: the dev reports' and the samples' gold events.

    .venv/bin/python bench/events_fatalities.py [--verbose]

A predicted event matches a gold one as in `../shared/tools/scorecard.py` (same event type, places
within 25 km, each gold event used once). On matched events the fatality count is right when
gold and prediction agree exactly: both null, the same integer, or the same [low, high] range
(gold's int N also accepts a predicted range whose low end is N). Actor1 is right when the
canonical names agree (case-insensitive); actor1 "equivalent" also accepts a gold name that resolves
to the same pack actor ("Military Forces of United States", "Opposition Rebels (Syria)"), as
`dateline eval` does.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
REPORTS = SHARED / "datasets" / "dateline-dev-reports" / "reports.jsonl"
SAMPLES = SHARED / "samples"


def km(a, b, c, d):
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def fatalities_right(gold, event: dict) -> bool:
    got, low, high = event.get("fatalities"), event.get("fatalities_low"), event.get("fatalities_high")
    if gold is None:
        return got is None
    if isinstance(gold, list):
        return [low, high] == list(gold)
    return got == gold


def match(pred: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    used, pairs = set(), []
    for e in pred:
        place = e.get("place") or {}
        for i, g in enumerate(gold):
            if i in used or g["event_type"].lower() != (e.get("event_type") or "").lower():
                continue
            if g.get("lat") is not None and place.get("lat") is not None:
                ok = km(g["lat"], g["lon"], place["lat"], place["lon"]) <= 25
            else:
                ok = str(g.get("location") or "").lower() in json.dumps(place).lower()
            if ok:
                used.add(i)
                pairs.append((g, e))
                break
    return pairs


def report_cases():
    import dateline

    for line in REPORTS.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("lang") != "en":
            continue
        out = dateline.analyze(r["text"], published=r.get("published")).to_dict()
        gold = [dict(g, lat=(g.get("place") or {}).get("lat"), lon=(g.get("place") or {}).get("lon"))
                for g in r["events"]]
        yield "reports", r["id"], out, gold


def sample_cases():
    import dateline

    for path in sorted((SAMPLES / "gold").glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        raw = (SAMPLES / "articles" / g["file"]).read_text(encoding="utf-8")
        out = dateline.analyze(raw).to_dict()
        coords = {p["mention"].lower(): (p["lat"], p["lon"]) for p in g["places"] if p.get("lat") is not None}
        gold = []
        for e in g["events"]:
            lat, lon = coords.get(str(e.get("location") or "").lower(), (None, None))
            gold.append(dict(e, lat=lat, lon=lon))
        yield "samples", path.stem[:3], out, gold


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)
    from dateline.evaluate import ActorNames
    from dateline.pipeline import PIPELINE_VERSION

    same = ActorNames()

    totals: dict[str, list[int]] = {}
    for cases in (report_cases(), sample_cases()):
        for part, doc_id, out, gold in cases:
            t = totals.setdefault(part, [0, 0, 0, 0])
            names = out.get("actors") or {}
            for g, e in match(out.get("events") or [], gold):
                ok = fatalities_right(g.get("fatalities"), e)
                a1 = (names.get(e.get("actor1") or "") or {}).get("name") or e.get("actor1_name")
                a1_ok = str(a1 or "").lower() == str(g.get("actor1") or "").lower()
                t[0] += 1
                t[1] += ok
                t[2] += a1_ok
                t[3] += a1_ok or same.same(g.get("actor1"), e.get("actor1"), a1)
                if a.verbose and not ok:
                    print(f"  {part} {doc_id} {g['sub_event_type']}: gold {g.get('fatalities')} got "
                          f"{e.get('fatalities')} [{e.get('fatalities_low')}, {e.get('fatalities_high')}] "
                          f"claims {[c.get('value') for c in e.get('claims') or []]}")
                if a.verbose and not a1_ok:
                    print(f"  {part} {doc_id} {g['sub_event_type']}: actor1 gold {g.get('actor1')!r} got {a1!r}")
    print(f"command: .venv/bin/python bench/events_fatalities.py; pipeline {PIPELINE_VERSION}")
    for part, (n, ok, a1, eq) in totals.items():
        print(f"score {part}: fatalities right on {ok}/{n} matched events = {ok / max(n, 1):.3f}; "
              f"actor1 right on {a1}/{n} = {a1 / max(n, 1):.3f} (equivalent {eq}/{n} = {eq / max(n, 1):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

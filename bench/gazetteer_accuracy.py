"""Gazetteer accuracy: share of gold place mentions resolved within 25 km and in the right country.

Data: ../shared/samples/gold/*.json (`places[]`) and the events of
../shared/datasets/dateline-dev-reports/reports.jsonl (`events[].location` as written, gold
`events[].place`). Each mention goes through `Gazetteer.resolve(mention, country_hint=...)`, the
hint being the document's most frequent gold country (a stand-in for what the pipeline infers).
Also reports lookup latency. With --in-context, also runs the whole pipeline (`dateline.analyze`)
over the dateline-dev-events snippets outside the held-out fold 0 and counts how often the gold
`location` is found as a place and placed in the gold `country` (the snippets carry no
coordinates): short texts with few names, where the document's country is hardest to tell.
Usage: python bench/gazetteer_accuracy.py [--gazetteer PATH] [-v] [--in-context]
"""
from __future__ import annotations

import argparse
import collections
import glob
import json
import sys
import time
from pathlib import Path

from dateline.resolve.gazetteer import Gazetteer, haversine_km

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _items() -> dict[str, list[tuple[str, str, float, float, str, str | None]]]:
    """{set: [(doc, mention, lat, lon, gold_country_names, dominant_country)]}"""
    out: dict[str, list] = {"samples": [], "dev-reports": []}
    for f in sorted(glob.glob(str(SHARED / "samples/gold/*.json"))):
        d = json.load(open(f))
        places = d.get("places") or []
        dom = collections.Counter(p["country"] for p in places if p.get("country") and "/" not in p["country"]).most_common(1)
        for p in places:
            out["samples"].append((Path(f).stem, p["mention"], p["lat"], p["lon"], p["country"], dom[0][0] if dom else None))
    for line in open(SHARED / "datasets/dateline-dev-reports/reports.jsonl"):
        d = json.loads(line)
        countries = [p["country"] for p in d.get("places") or [] if p.get("country")]
        dom = collections.Counter(countries).most_common(1)
        for e in d.get("events") or []:
            p = e.get("place") or {}
            if e.get("location") and p.get("lat") is not None:
                out["dev-reports"].append((d["id"], e["location"], p["lat"], p["lon"], p["country"], dom[0][0] if dom else None))
    return out


def in_context(gz: Gazetteer, verbose: bool) -> None:
    """Place of each dev-events snippet (folds 1-4) through the pipeline: found, right country."""
    import dateline
    rows = [json.loads(line) for line in open(SHARED / "datasets/dateline-dev-events/events.jsonl")]
    rows = [r for r in rows if r.get("fold") != 0 and r.get("location") and r.get("country")]
    found = right = 0
    wrong: list[str] = []
    for r in rows:
        loc, cc = r["location"].lower(), gz.country_code(r["country"])
        places = dateline.analyze(r["text"]).to_dict()["places"]
        hits = [p for p in places if p["text"] and (p["text"].lower() in loc or loc in p["text"].lower())]
        found += bool(hits)
        if any(p.get("country") == cc for p in hits):
            right += 1
        elif hits:
            wrong.append(f"  {r['id']}: {r['location']!r} -> {hits[0].get('name')} {hits[0].get('country')} "
                         f"(gold {r['country']})")
    n = len(rows)
    print(f"dev-events in context: n={n} found={found} right_country={right}/{n} ({right / n:.1%}) "
          f"wrong_country={len(wrong)}")
    if verbose:
        print("\n".join(wrong))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", type=Path, default=None)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    ap.add_argument("--in-context", action="store_true",
                    help="also score places through the whole pipeline on dev-events (about a minute)")
    args = ap.parse_args(argv)
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    gz = Gazetteer.open_default(args.gazetteer)
    meta = dict(gz._db.execute("SELECT key, value FROM meta"))
    print(f"gazetteer: {gz.path} version={meta.get('version')} places={meta.get('places')} built_at={meta.get('built_at')}")
    for name, items in _items().items():
        near = right = resolved = 0
        methods: collections.Counter[str] = collections.Counter()
        misses = []
        for doc, mention, lat, lon, country, dom in items:
            m = gz.resolve(mention, country_hint=dom)
            if m is None:
                misses.append(f"  {doc}: {mention!r} -> None (gold {country} {lat},{lon})")
                continue
            resolved += 1
            methods[m.method.split(":")[0]] += 1
            d = haversine_km((m.lat, m.lon), (lat, lon))
            codes = {gz.country_code(c) for c in country.split("/")}
            ok_c = m.candidate.country in codes
            near += d <= 25
            right += ok_c
            if d > 25 or not ok_c:
                misses.append(f"  {doc}: {mention!r} -> {m.candidate.name} {m.candidate.country} "
                              f"{m.lat:.2f},{m.lon:.2f} ({d:.0f} km, {m.method}) gold {country} {lat},{lon}")
        n = len(items)
        print(f"{name}: n={n} resolved={resolved} within25km={near}/{n} ({near / n:.1%}) "
              f"right_country={right}/{n} ({right / n:.1%}) methods={dict(methods)}")
        if args.verbose:
            print("\n".join(misses))
    if args.in_context:
        in_context(gz, args.verbose)
    mentions = [i[1] for items in _items().values() for i in items] * 20
    t0 = time.perf_counter()
    for mnt in mentions:
        gz.resolve(mnt, country_hint="SY")
    dt = (time.perf_counter() - t0) / len(mentions)
    print(f"latency: resolve() mean {dt * 1e3:.3f} ms over {len(mentions)} calls (warm cache)")
    t0 = time.perf_counter()
    for w in ("Raqqa", "Palmyra", "Deir Ezzor", "Kramatorsk", "Mogadishu") * 200:
        gz.candidates(w)
    print(f"latency: candidates() of a bare name mean {(time.perf_counter() - t0) / 1000 * 1e3:.3f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

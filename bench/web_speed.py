"""Speed of `dateline serve`: median latency of every page and API call on a 100,000-event database.

    .venv/bin/python bench/web_speed.py [--db /tmp/web-100k.sqlite] [--events 100000] [--requests 15]

Builds the synthetic database first if `--db` does not exist (bench/web_synthetic.py, ~30 s), starts
the app with uvicorn in a thread on 127.0.0.1 and a free port, warms each route once, then times
`--requests` sequential GETs per route with httpx over loopback. Prints median and 90th percentile
per route, the database, the event count and the dateline version; exits 1 if any median is over
the budget (300 ms).
"""
from __future__ import annotations

import argparse
import socket
import sqlite3
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

BUDGET_MS = 300.0


def routes(db: str) -> list[str]:
    con = sqlite3.connect(db)
    doc, ev, actor, place = con.execute(
        "SELECT document_id, id, actor1, geonameid FROM events WHERE actor1 IS NOT NULL AND geonameid IS NOT NULL "
        "ORDER BY rowid LIMIT 1 OFFSET 5000").fetchone()
    outlet = con.execute("SELECT outlet FROM documents WHERE outlet IS NOT NULL LIMIT 1").fetchone()[0]
    has_stories = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'stories'").fetchone()
    story = con.execute("SELECT id FROM stories LIMIT 1").fetchone() if has_stories else None
    con.close()
    out = [
        "/", "/map", "/timeline", "/events", "/events?type=Battles&sort=fatalities&order=desc",
        "/events?actor=Actor+12&since=2016&until=2017&page=20", f"/events?outlet={outlet}&sort=place&order=asc",
        f"/documents/{doc}", f"/documents/{doc}?event=0", f"/actors/{actor}", f"/places/{place}", "/actors",
        "/places", "/search?q=checkpoint+convoy", "/stories", f"/fragments/event/{ev}",
        "/fragments/events?bbox=38,35,39,36",
        "/api/overview", "/api/facets", "/api/events", "/api/events?sort=outlet&page=100",
        "/api/events?type=Protests&since=2018-01&until=2018-06", "/api/map?zoom=5",
        "/api/map?zoom=5&type=Battles", "/api/map?zoom=9&bbox=38,35,39.5,36.5", "/api/map?zoom=5&actor=Actor+7",
        "/api/map?zoom=6&since=2019-01-01&until=2019-03-31", "/api/timeline", "/api/timeline?type=Riots",
        "/api/timeline?since=2019-01&until=2019-02", f"/api/events/{ev}", f"/api/documents/{doc}",
        f"/api/actors/{actor}", f"/api/places/{place}", "/api/actors", "/api/places", "/api/search?q=Place+12",
        "/api/stories", "/api/events/export?format=acled-csv&place=Place+12&since=2016&until=2016",
        "/api/events/export?format=geojson&actor=actor-3&type=Battles&since=2015&until=2015",
        "/api/openapi.json",
    ]
    if story:
        out += [f"/stories/{story[0]}", f"/api/stories/{story[0]}"]
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="/tmp/web-100k.sqlite")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=15)
    a = ap.parse_args(argv)

    import uvicorn

    import dateline
    from dateline.web import create_app

    if not Path(a.db).exists():
        import web_synthetic

        t = time.perf_counter()
        counts = web_synthetic.build(a.db, events=a.events)
        print(f"built {a.db}: {counts['events']} events in {time.perf_counter() - t:.0f} s")
    n_events = sqlite3.connect(a.db).execute("SELECT COUNT(*) FROM events").fetchone()[0]
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(a.db, tiles_url=None), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    print(f"dateline {dateline.__version__} · {a.db} · {n_events:,} events · {a.requests} requests per route "
          f"(after one warm-up) · httpx over loopback")
    print(f"command: {' '.join([Path(sys.executable).name] + sys.argv)}")
    print(f"{'median ms':>9} {'p90 ms':>7} {'bytes':>9}  route")
    worst = 0.0
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for route in routes(a.db):
                r = client.get(route)
                if r.status_code != 200:
                    raise SystemExit(f"{route}: HTTP {r.status_code}: {r.text[:300]}")
                times = []
                for _ in range(a.requests):
                    t = time.perf_counter()
                    r = client.get(route)
                    times.append((time.perf_counter() - t) * 1000)
                med = statistics.median(times)
                p90 = statistics.quantiles(times, n=10)[-1] if len(times) >= 2 else med
                worst = max(worst, med)
                flag = "  OVER BUDGET" if med > BUDGET_MS else ""
                print(f"{med:9.1f} {p90:7.1f} {len(r.content):9d}  {route}{flag}")
    finally:
        server.should_exit = True
        thread.join(10)
    print(f"slowest median: {worst:.1f} ms (budget {BUDGET_MS:.0f} ms)")
    if worst > BUDGET_MS:
        sys.exit(1)


if __name__ == "__main__":
    main()

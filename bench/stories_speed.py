"""Speed and memory of story grouping on synthetic events.

    .venv/bin/python bench/stories_speed.py [--events 100000] [--reports 2.5]

Writes N synthetic one-event documents (incidents scattered over Syria and Iraq across three
years, each reported by 1–4 invented outlets with jittered places, dates and tolls) straight into
a temporary database, then times `rebuild_stories` (the whole corpus, in batches, through blocking
keys) and reports peak resident memory and the number of stories. Aim: under 60 s for 100,000.
"""
from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
import resource
from datetime import date, timedelta
from pathlib import Path

from dateline import __version__
from dateline.corpus import rebuild_stories
from dateline.store import Store
from dateline.store.stories import StoryTables

TYPES = [("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Battles", "Armed clash"), ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest")]
SYLLABLES = "ka ra mi sa tel bab dur ain jis kha nur zor qam bel has ras".split()


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def generate(path: str, n_events: int, reports: float, seed: int = 7) -> int:
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")   # bulk load; every row written is consistent anyway
    start = date(2017, 1, 1)
    docs = events = 0
    incident = 0
    batch_docs, batch_events, batch_articles = [], [], []
    while events < n_events:
        incident += 1
        lat, lon = rng.uniform(32.0, 37.0), rng.uniform(36.0, 46.0)
        day = start + timedelta(days=rng.randrange(3 * 365))
        etype, sub = rng.choice(TYPES)
        toll = rng.randrange(0, 60)
        place, actor = _name(rng), _name(rng)
        for k in range(max(1, min(4, int(rng.expovariate(1 / reports)) + 1))):
            docs += 1
            did = f"{docs:016x}"
            pub = day + timedelta(days=rng.randrange(0, 3))
            outlet = f"Outlet {rng.randrange(40)}"
            text = (f"{place} - {actor} fighters attacked {place} on {day.isoformat()}, killing {toll + k} people, "
                    f"officials in {_name(rng)} said. Witnesses in {place} described {_name(rng)} and {_name(rng)}.")
            batch_articles.append((did, f"synthetic:{did}", "text/plain", b"", 1))
            batch_docs.append((did, did, "bench", 1, f"synthetic:{did}", "text/plain", outlet, f"{place} attack",
                               pub.isoformat(), pub.isoformat(), "day", "en", len(text.split()), text, "[]"))
            jl, jo = lat + rng.gauss(0, 0.03), lon + rng.gauss(0, 0.03)
            d = day if rng.random() > 0.15 else day + timedelta(days=rng.choice((-1, 1)))
            rec = {"claims": [{"low": toll + k, "high": toll + k, "claimant": "officials"}]}
            batch_events.append((f"{did}:0", did, 0, etype, sub, 0.8, actor.lower(), actor, None, None, place,
                                 incident, "SY", jl, jo, 1, d.isoformat(), d.isoformat(), 1, toll + k, toll + k,
                                 toll + k, "officials", 0, 60, json.dumps(rec)))
            events += 1
        if len(batch_docs) >= 5000 or events >= n_events:
            con.executemany("INSERT INTO articles (id, uri, media_type, raw, first_run) VALUES (?,?,?,?,?)",
                            batch_articles)
            con.executemany("INSERT INTO documents (id, article_id, pipeline_version, run_id, uri, media_type, outlet, "
                            "title, published_start, published_end, published_precision, language, word_count, text, "
                            "paragraphs_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch_docs)
            con.executemany("INSERT INTO events (id, document_id, n, event_type, sub_event_type, confidence, actor1, "
                            "actor1_name, actor2, actor2_name, place_name, geonameid, country, lat, lon, geo_precision, "
                            "date_start, date_end, time_precision, fatalities, fatalities_low, fatalities_high, "
                            "fatalities_claimant, evidence_start, evidence_end, record_json) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch_events)
            con.commit()
            batch_docs, batch_events, batch_articles = [], [], []
    con.execute("INSERT INTO runs (id, started_at, pipeline_version, config_json, resources_json, sources_json) "
                "VALUES (1, 'now', 'bench', '{}', '{}', '[]')")
    con.commit()
    con.close()
    return incident


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--reports", type=float, default=1.5, help="mean extra reports per incident")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.sqlite")
        Store.open(db).close()                    # the schema, with every migration
        t0 = time.perf_counter()
        incidents = generate(db, a.events, a.reports)
        gen = time.perf_counter() - t0
        with Store.open(db) as store:
            t0 = time.perf_counter()
            summary = rebuild_stories(StoryTables(store))
            took = time.perf_counter() - t0
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            n_stories = store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"dateline {__version__}; data: {a.events} synthetic events from {incidents} incidents (generated in {gen:.1f} s)")
    print(f"score stories_speed: {summary.documents} documents grouped into {n_stories} stories in {took:.1f} s "
          f"({summary.documents / took:.0f} docs/s); peak resident memory {peak:.0f} MiB")
    return 0 if took < 60 else 1


if __name__ == "__main__":
    sys.exit(main())

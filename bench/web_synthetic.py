"""A synthetic dateline database for the web app's speed benchmark: N events over N/5 documents.

    .venv/bin/python bench/web_synthetic.py /tmp/web-100k.sqlite [--events 100000] [--seed 7]

Written through `Store` (the same put_* calls a run makes), so the schema, indexes and FTS index
are the real ones. Deterministic for a seed. Documents are short templated texts with actor and
place mentions, a quote and a figure each, so document, actor and place pages have work to do.
"""
from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta
from pathlib import Path

from dateline.model import Article, Document, Event, Figure, Mention, Paragraph, PartialDate, Quote
from dateline.store import Store

TYPES = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Air/drone strike", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Suicide bomb"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Looting/property destruction", "Other"],
}
WORDS = ("forces fighters town village road checkpoint convoy district residents witnesses officials "
         "clashes shelling morning night offensive positions outskirts market hospital").split()


def build(path: str | Path, *, events: int = 100_000, seed: int = 7, per_doc: int = 5) -> dict[str, int]:
    rnd = random.Random(seed)
    actors = [{"id": f"actor-{i}", "name": f"Actor {i} Brigade", "kind": "rebel_group", "inter": 2,
               "country": "SY", "parent": None, "wikidata": None, "provisional": 0, "pack": "synthetic"}
              for i in range(300)]
    places = [(100000 + i, f"Place {i}", rnd.choice(["SY", "IQ"]), f"Province {i % 14}",
               round(rnd.uniform(32.0, 37.2), 5), round(rnd.uniform(36.0, 45.5), 5)) for i in range(2000)]
    outlets = [f"Outlet {i}" for i in range(40)]
    day0 = date(2014, 1, 1)
    with Store.open(path) as store:
        run = store.begin_run(pipeline_version="synthetic", config={}, resources_={}, sources=["synthetic"])
        store.put_actors(actors)
        n_docs = events // per_doc
        batch = 1000
        for first in range(0, n_docs, batch):
            with store.transaction():
                for d in range(first, min(first + batch, n_docs)):
                    _put_doc(store, rnd, d, run, actors, places, outlets, day0, per_doc)
        store.finish_run(run, status="ok", counts={"seen": n_docs, "added": n_docs})
        return {"documents": n_docs, "events": store.stats()["events"]}


def _put_doc(store, rnd, d, run, actors, places, outlets, day0, per_doc) -> None:
    a1, a2 = rnd.sample(actors, 2)
    place = rnd.choice(places)
    when = day0 + timedelta(days=rnd.randrange(0, 365 * 7))
    title = f"{a1['name']} and {a2['name']} clash near {place[1]}"
    body = [f"{a1['name']} attacked {a2['name']} positions in {place[1]} on {when.isoformat()}, "
            f"killing {rnd.randint(0, 40)} people, officials said.",
            f"\u201cWe will hold {place[1]},\u201d a commander of {a2['name']} said.",
            " ".join(rnd.choice(WORDS) for _ in range(60)) + "."]
    text, paragraphs, pos = "", [], 0
    for kind, chunk in [("title", title)] + [("body", b) for b in body]:
        paragraphs.append(Paragraph(kind, chunk, None, None, pos, pos + len(chunk)))
        text += chunk + "\n\n"
        pos = len(text)
    text = text.rstrip("\n")
    paragraphs.append(Paragraph("boilerplate", "Share on Twitter | Follow us", None, None))
    raw = f"{d}\n{text}".encode()
    art = Article.from_bytes(raw, uri=f"synthetic/{d:06d}.txt", media_type="text/plain", text=text)
    doc = Document(id=art.id, article_id=art.id, uri=art.uri, text=text, paragraphs=paragraphs,
                   outlet=rnd.choice(outlets), title=title,
                   published=PartialDate(when.isoformat(), when.isoformat(), "day"), language="en")
    store.put_article(art, run)
    store.put_document(doc, pipeline_version="synthetic", run_id=run, minhash=None, band_keys=())
    s0 = len(title) + 2
    pl = {"geonameid": place[0], "name": place[1], "country": place[2], "admin1": place[3],
          "lat": place[4], "lon": place[5], "geo_precision": 1}
    mentions = [Mention(s0, s0 + len(a1["name"]), a1["name"], "ORG", "ruler", a1["id"]),
                Mention(text.index(place[1], s0), text.index(place[1], s0) + len(place[1]), place[1], "GPE",
                        "model", None, pl)]
    q_start = text.index("\u201c") + 1
    q_end = text.index("\u201d")
    quotes = [Quote(q_start, q_end, text[q_start:q_end], True, "said", f"a commander of {a2['name']}",
                    None, None, a2["id"])]
    k = text.index("killing ") + 8
    figures = [Figure(k, k + text[k:].index(" "), text[k:k + text[k:].index(" ")], 1, 1, "people", "killed")]
    store.put_annotations(doc.id, mentions=mentions, quotes=quotes, figures=figures)
    evs = []
    sentence = (s0, s0 + len(body[0]))
    for n in range(per_doc):
        etype = rnd.choice(list(TYPES))
        sub = rnd.choice(TYPES[etype])
        p = place if n == 0 else rnd.choice(places)
        ev_day = when - timedelta(days=rnd.randrange(0, 3))
        fat = rnd.choice([None, 0, 0, 1, 2, 3, 5, 8, 12, 20, 45, 100])
        evs.append(Event(etype, sub, round(rnd.uniform(0.4, 0.99), 4), [sentence], disorder_type="Political violence",
                         actor1=a1["id"], actor1_name=a1["name"], actor2=a2["id"], actor2_name=a2["name"],
                         inter1=2, inter2=2, interaction=22,
                         place={"geonameid": p[0], "name": p[1], "country": p[2], "admin1": p[3],
                                "lat": p[4], "lon": p[5], "geo_precision": 1},
                         date=PartialDate(ev_day.isoformat(), ev_day.isoformat(), "day"), time_precision=1,
                         fatalities=fat, fatalities_low=fat, fatalities_high=fat))
    store.put_events(doc.id, evs)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    if Path(a.db).exists():
        raise SystemExit(f"{a.db} exists; give a new path")
    t = time.perf_counter()
    counts = build(a.db, events=a.events, seed=a.seed)
    print(f"built {a.db}: {counts['events']} events in {counts['documents']} documents "
          f"in {time.perf_counter() - t:.0f} s")


if __name__ == "__main__":
    main()

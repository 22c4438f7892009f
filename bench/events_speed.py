"""Speed of the events stage inside the whole per-document pipeline, one process.

    .venv/bin/python bench/events_speed.py [--repeat 20]

Texts: the five samples and the English dev reports, `--repeat` times. Prints documents/s of the
whole pipeline (extract → annotate → resolve → quotes/figures/dates → events), the share of time
spent in `EventExtractor.extract`, and the plain spaCy pipeline (same model, `nlp.pipe` over the
same kept paragraphs) for the ratio the issue asks for, in two readings: the model as shipped
(`spacy.load(name)`, nothing excluded: what "the plain spaCy pipeline" does out of the box, the
baseline of bench/annotate_speed.py too) and our trimmed copy of it (parser and lemmatizer left out,
actor rulers in), the stricter one.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def texts() -> list[tuple[str, str | None]]:
    out = [(p.read_text(encoding="utf-8"), None) for p in sorted((SHARED / "samples" / "articles").glob("*.txt"))]
    for line in (SHARED / "datasets" / "dateline-dev-reports" / "reports.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("lang") == "en":
            out.append((r["text"], r.get("published")))
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args(argv)
    from dateline.annotate.entities import kept_paragraph_spans
    from dateline.pipeline import PIPELINE_VERSION, Pipeline

    p = Pipeline()
    p.setup()
    events_time = 0.0
    extract = p.events.extract

    def timed(*args, **kw):
        nonlocal events_time
        t = time.perf_counter()
        try:
            return extract(*args, **kw)
        finally:
            events_time += time.perf_counter() - t

    p.events.extract = timed
    items = texts()
    docs, paragraphs = [], []
    for text, published in items:  # warm-up, and the paragraphs spaCy alone will parse
        r = p.analyze(text, published=published)
        docs.append(r.document)
        paragraphs += [r.document.text[s:e] for s, e in kept_paragraph_spans(r.document)]
    events_time = 0.0
    t0 = time.perf_counter()
    n = 0
    for _ in range(a.repeat):
        for text, published in items:
            p.analyze(text, published=published)
            n += 1
    total = time.perf_counter() - t0
    t1 = time.perf_counter()
    for _ in range(a.repeat):
        for _doc in p.entities.nlp.pipe(paragraphs, batch_size=64):
            pass
    spacy_time = time.perf_counter() - t1
    import spacy
    from bench_models import model_name

    shipped = spacy.load(model_name(p))
    for _doc in shipped.pipe(paragraphs[:50], batch_size=64):   # warm-up
        pass
    t2 = time.perf_counter()
    for _ in range(a.repeat):
        for _doc in shipped.pipe(paragraphs, batch_size=64):
            pass
    shipped_time = time.perf_counter() - t2
    print(f"command: .venv/bin/python bench/events_speed.py --repeat {a.repeat}; pipeline {PIPELINE_VERSION}")
    print(f"score events speed: whole pipeline {n / total:.1f} docs/s on 1 process ({n} docs); "
          f"events stage {events_time / n * 1000:.1f} ms/doc = {events_time / total:.1%} of the pipeline; "
          f"spaCy as shipped {n / shipped_time:.1f} docs/s, whole/spaCy time ratio {total / shipped_time:.2f}; "
          f"our trimmed spaCy {n / spacy_time:.1f} docs/s, ratio {total / spacy_time:.2f}")


if __name__ == "__main__":
    main()

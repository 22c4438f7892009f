"""Annotate + resolve speed (words/s, one process) against the plain spaCy pipeline on the same texts.

    OMP_NUM_THREADS=1 .venv/bin/python bench/annotate_speed.py [--repeat 3]

Texts: the five samples and the re3d documents (read from ../shared), cleaned once by the extract
stage (not timed). Timed: entities (spaCy + rulers + rules), place/actor resolution, quotes,
figures and dates — everything `Pipeline.analyse` does except events — and, in the same run, the
plain model (`spacy.load` with nothing excluded) over the same paragraphs.
"""
from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def texts() -> list[str]:
    out = [p.read_text("utf-8") for p in sorted((SHARED / "samples" / "articles").glob("*.txt"))]
    for docs in sorted((SHARED / "datasets" / "re3d").glob("*/documents.json")):
        out += [json.loads(line)["text"] for line in docs.read_text("utf-8").splitlines() if line.strip()]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()

    import spacy

    from dateline.annotate.figures import find_figures
    from dateline.annotate.quotes import find_quotes
    from dateline.ingest.decode import article_from_bytes
    from dateline.pipeline import PIPELINE_VERSION, Pipeline
    from dateline.resolve.dates import find_dates

    pipe = Pipeline()
    pipe.setup()
    docs = [pipe.process(article_from_bytes(t.encode(), uri=f"t{i}", media_type="text/plain")).document
            for i, t in enumerate(texts())]
    words = sum(d.word_count for d in docs)
    paragraphs = [p.text for d in docs for p in d.paragraphs if p.start is not None]

    def ours() -> None:
        for d in docs:
            annotated = pipe.entities.process(d)
            resolved = pipe.resolver.resolve(d, annotated.mentions)
            quotes = find_quotes(d, names=[(m.start, m.end, m.label) for m in resolved.mentions])
            find_figures(d, quotes=quotes)
            find_dates(d, d.published)

    plain = spacy.load(_model_name(pipe))

    def baseline() -> None:
        for _ in plain.pipe(paragraphs, batch_size=64):
            pass

    ours(); baseline()                                # warm caches and lazy loads
    t_ours = min(_timed(ours) for _ in range(a.repeat))
    t_plain = min(_timed(baseline) for _ in range(a.repeat))
    print(f"command: OMP_NUM_THREADS=1 .venv/bin/python bench/annotate_speed.py --repeat {a.repeat}")
    print(f"pipeline {PIPELINE_VERSION}; model {pipe.entities.version}; python {platform.python_version()}")
    print(f"{len(docs)} documents, {words} words (5 samples + re3d)")
    print(f"annotate+resolve: {words / t_ours:,.0f} words/s; plain spaCy pipeline: {words / t_plain:,.0f} words/s; "
          f"ratio ours/plain time {t_ours / t_plain:.2f}x")


def _model_name(pipe) -> str:
    from dateline.annotate.models import DEFAULT_MODELS
    import importlib.util

    return pipe.config.model or next(m for m in DEFAULT_MODELS if importlib.util.find_spec(m))


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()

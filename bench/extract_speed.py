"""Ingest + extract speed on HTML and on plain text, against trafilatura alone on the same HTML.

    .venv/bin/python bench/extract_speed.py [--repeat 40]

HTML: the demo corpus's HTML pages; text: the five real sample pages (read from ../shared) and the
demo corpus's text pages. Each input is processed `--repeat` times with a different trailing comment
so that no cache can help. Prints documents/second for each, the ratio of our HTML path to
trafilatura's own `bare_extraction` on the same pages in the same run, and the peak RSS.
"""
from __future__ import annotations

import argparse
import platform
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO.parent / "shared" / "samples" / "articles"


def load(folder: Path, suffixes: tuple[str, ...]) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(folder.iterdir()) if p.suffix in suffixes]


def timed(fn, items) -> float:
    t = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=40)
    a = ap.parse_args()

    import trafilatura

    from dateline import __version__
    from dateline.ingest.decode import article_from_bytes
    from dateline.pipeline import PIPELINE_VERSION, Pipeline, guess_media_type
    from dateline.resources import demo_articles_dir

    demo = demo_articles_dir()
    html = load(demo, (".html", ".htm"))
    text = load(demo, (".txt",)) + (load(SAMPLES, (".txt",)) if SAMPLES.is_dir() else [])
    if not html or not text:
        sys.exit("need the demo corpus (HTML) and text pages")

    def variants(pages, marker):
        return [(f"{n}#{i}", raw + marker % i) for i in range(a.repeat) for n, raw in pages]

    html_items = variants(html, b"\n<!-- %d -->")
    text_items = variants(text, b"\n%d")
    pipe = Pipeline(stages=("extract",))
    pipe.setup()

    def ours(item):
        name, raw = item
        art = article_from_bytes(raw, uri=name, media_type=guess_media_type(raw))
        return pipe.process(art)

    def trafilatura_alone(item):
        return trafilatura.bare_extraction(item[1].decode("utf-8"), with_metadata=True, include_comments=False,
                                           include_tables=True, deduplicate=False)

    ours(html_items[0]); trafilatura_alone(html_items[0])          # warm both before timing
    t_traf = timed(trafilatura_alone, html_items)
    t_html = timed(ours, html_items)
    t_text = timed(ours, text_items)
    kb_html = sum(len(r) for _, r in html_items) / 1024
    kb_text = sum(len(r) for _, r in text_items) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"command: .venv/bin/python bench/extract_speed.py --repeat {a.repeat}")
    print(f"dateline {__version__} pipeline {PIPELINE_VERSION}; python {platform.python_version()}; "
          f"{platform.machine()}")
    print(f"html: {len(html_items)} docs ({kb_html:.0f} KB): ingest+extract {len(html_items) / t_html:.1f} docs/s; "
          f"trafilatura alone {len(html_items) / t_traf:.1f} docs/s; ratio ours/trafilatura "
          f"{t_html / t_traf:.2f}x")
    print(f"text: {len(text_items)} docs ({kb_text:.0f} KB): ingest+extract {len(text_items) / t_text:.1f} docs/s")
    print(f"peak RSS: {peak:.0f} MB")


if __name__ == "__main__":
    main()

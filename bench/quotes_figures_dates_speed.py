"""Throughput of quotes + figures + dates together on the clean text of the gold sets.

Data: the 5 sample articles and 44 dev reports, extracted once (extraction is not timed), then
`find_quotes`, `find_figures` (handed those quotes for its claimants) and `find_dates` run
over all documents `--rounds` times. Prints words per second. Usage:
python bench/quotes_figures_dates_speed.py [--rounds N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dateline  # noqa: E402
from annotated_corpus import reports, samples  # noqa: E402
from dateline.annotate.figures import find_figures  # noqa: E402
from dateline.annotate.quotes import find_quotes  # noqa: E402
from dateline.resolve.dates import find_dates  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args(argv)
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    docs = [d for _, d, _ in samples()] + [d for _, d, _ in reports()]
    words = sum(d.word_count for d in docs)
    print(f"dateline {dateline.__version__}; {len(docs)} documents, {words} words, {args.rounds} rounds")
    for name, fn in (("quotes", lambda d: find_quotes(d)), ("figures", find_figures),
                     ("dates", lambda d: find_dates(d, d.published)),
                     ("all three", lambda d: (find_figures(d, quotes=find_quotes(d)), find_dates(d, d.published)))):
        t = time.perf_counter()
        for _ in range(args.rounds):
            for d in docs:
                fn(d)
        dt = time.perf_counter() - t
        print(f"{name}: {words * args.rounds / dt:,.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

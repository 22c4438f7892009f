"""Whole-pipeline throughput of `dateline run` (ingest → events → store, stories included), documents/s.

    .venv/bin/python bench/pipeline_throughput.py [--copies 20] [--workers 2]

Input: the five samples ×`copies` (each copy made unique by a trailing line so nothing is skipped as
already stored) and the 77 re3d documents, written to a temporary folder; a fresh database each
time. Prints documents/s for the configured worker count, wall time and peak RSS of this process
(workers are separate processes; their memory is not included).
"""
from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def write_inputs(folder: Path, copies: int) -> int:
    n = 0
    for i in range(copies):
        for p in sorted((SHARED / "samples" / "articles").glob("*.txt")):
            (folder / f"{p.stem}-{i}.txt").write_text(p.read_text("utf-8") + f"\n\ncopy {i}", "utf-8")
            n += 1
    for docs in sorted((SHARED / "datasets" / "re3d").glob("*/documents.json")):
        for line in docs.read_text("utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                (folder / f"re3d-{d['_id']}.txt").write_text(d["text"], "utf-8")
                n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()

    from dateline.config import Config
    from dateline.pipeline import PIPELINE_VERSION, run

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "in")
        folder.mkdir()
        n = write_inputs(folder, a.copies)
        t = time.perf_counter()
        summary = run([str(folder)], str(Path(tmp, "c.sqlite")), config=Config(workers=a.workers))
        elapsed = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"command: .venv/bin/python bench/pipeline_throughput.py --copies {a.copies} --workers {a.workers}")
    print(f"pipeline {PIPELINE_VERSION}; {n} documents ({summary.counts['added']} stored)")
    print(f"whole pipeline: {n / elapsed:.1f} documents/s with {a.workers} worker(s); {elapsed:.1f} s; "
          f"peak RSS of the main process {peak:.0f} MB")


if __name__ == "__main__":
    main()

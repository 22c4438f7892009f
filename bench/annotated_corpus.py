"""The two gold sets the quote, figure and date scorers read, as (Document, gold) pairs.

Samples: ../shared/samples/articles/*.txt run through `extract` exactly as the pipeline does; gold
offsets index the raw file, so `to_doc` maps them into `Document.text` through the paragraphs' raw
offsets (a gold span inside boilerplate maps to nothing and stays a recall miss).
Dev reports: ../shared/datasets/dateline-dev-reports/reports.jsonl, each record's text extracted
as plain text with its `published` given as a hint; gold strings are located in the clean text.
"""
from __future__ import annotations

import glob
import json
import re
from collections.abc import Iterator
from pathlib import Path

from dateline.extract import extract
from dateline.ingest.decode import article_from_bytes
from dateline.model import Document

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLES = SHARED / "samples"
REPORTS = SHARED / "datasets/dateline-dev-reports/reports.jsonl"


def samples() -> Iterator[tuple[str, Document, dict]]:
    for f in sorted(glob.glob(str(SAMPLES / "gold/*.json"))):
        gold = json.load(open(f, encoding="utf-8"))
        path = SAMPLES / "articles" / gold["file"]
        article = article_from_bytes(path.read_bytes(), uri=str(path), media_type="text/plain")
        yield Path(f).stem[:3], extract(article), gold


def reports(english_only: bool = False) -> Iterator[tuple[str, Document, dict]]:
    for line in open(REPORTS, encoding="utf-8"):
        rec = json.loads(line)
        if english_only and rec["lang"] != "en":
            continue
        hints = {"published": rec["published"]} if rec.get("published") else {}
        article = article_from_bytes(rec["text"].encode("utf-8"), uri=f"dev-reports:{rec['id']}",
                                     media_type="text/plain", hints=hints)
        yield rec["id"], extract(article), rec


def to_doc(doc: Document, raw_start: int, raw_end: int) -> tuple[int, int] | None:
    """A raw-file span as a span of `doc.text`, clipped to the paragraphs that survived cleaning."""
    s = e = None
    for p in doc.paragraphs:
        if p.start is None or p.raw_start is None:
            continue
        lo, hi = max(raw_start, p.raw_start), min(raw_end, p.raw_end)
        if lo >= hi:
            continue
        if s is None:
            s = p.start + (lo - p.raw_start)
        e = p.start + (hi - p.raw_start)
    return (s, e) if s is not None and e is not None and e > s else None


def locate(doc: Document, needle: str, after: int = 0) -> tuple[int, int] | None:
    """Where a gold string sits in the clean text (None when cleaning removed it)."""
    i = doc.text.find(needle, after)
    if i < 0:
        i = doc.text.find(needle)
    return (i, i + len(needle)) if i >= 0 else None


def norm(s: str | None) -> str:
    s = (s or "").replace("\u00a0", " ").replace("-", " ").lower()
    s = re.sub(r"[’']s\b", "", s)
    s = re.sub(r"^(?:the|a|an)\s+", "", s.strip())
    return re.sub(r"\s+", " ", s).strip(" ,.")


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if inter > 0 and shorter > 0 else 0.0


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]], threshold: float = 0.5) -> dict[int, int]:
    """One-to-one gold→pred pairs, best overlap first."""
    pairs = sorted(((overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                    if overlap(g, p) >= threshold), reverse=True)
    used_g, used_p, out = set(), set(), {}
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out[gi] = pi
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> str:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} pred={n_pred} gold={n_gold})"

"""`dateline eval`: score the pipeline against gold files in the samples' format.

Reads a folder holding `gold/*.json` and `articles/<file>` (the layout of ../shared/samples and of the
shipped demo corpus), runs `analyze` on each article, and compares field by field. Each field is
scored as agreement (paragraph kinds, metadata) or precision/recall/F1 (lists such as actors,
places, quotes, figures, events) so users can score their own gold the same way we score ours.

Not responsible for the project's headline figures: those come from ../shared/tools/scorecard.py,
whose rules these follow where the two overlap (paragraph text prefixes of 40 characters, titles
contained case-insensitively, dates by ISO prefix, author surnames).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .errors import UsageError

METADATA_FIELDS = ("title", "authors", "published", "dateline", "outlet")


@dataclass
class FieldScore:
    name: str
    correct: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, ok: bool, miss: str) -> None:
        self.total += 1
        self.correct += ok
        if not ok:
            self.misses.append(miss)


@dataclass
class EvalReport:
    gold_dir: str
    files: int
    pipeline_version: str
    fields: dict[str, FieldScore]

    def lines(self, *, verbose: bool = False) -> list[str]:
        out = [f"gold: {self.gold_dir} ({self.files} files); pipeline {self.pipeline_version}"]
        for f in self.fields.values():
            out.append(f"{f.name:22s} {f.correct:4d}/{f.total:<4d} = {f.score:.3f}")
            if verbose:
                out.extend(f"    miss: {m}" for m in f.misses)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"gold_dir": self.gold_dir, "files": self.files, "pipeline_version": self.pipeline_version,
                "fields": {k: {"correct": v.correct, "total": v.total, "score": round(v.score, 4)}
                           for k, v in self.fields.items()}}


def _loose(s: Any) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", str(s or "")).casefold().split())


def _metadata_checks() -> dict[str, Callable[[Any, dict], bool]]:
    return {
        "title": lambda g, d: _loose(g) in _loose(d.get("title")),
        "authors": lambda g, d: all(n.split()[-1] in " ".join(d.get("authors") or []) for n in g),
        "published": lambda g, d: str(d.get("published") or "").startswith(g),
        # A dateline is right when it names the same place: "QAMISHLI" for "QAMISHLI, Syria".
        "dateline": lambda g, d: bool(d.get("dateline")) and _loose(g).split()[0] == _loose(d["dateline"]).split()[0],
        "outlet": lambda g, d: bool(d.get("outlet")) and (_loose(d["outlet"]) in _loose(g) or _loose(g) in _loose(d["outlet"])),
    }


def evaluate(gold_dir: str | Path, *, analyze: Callable[..., Any] | None = None) -> EvalReport:
    from . import analyze as default_analyze
    from .pipeline import PIPELINE_VERSION

    analyze = analyze or default_analyze
    root = Path(gold_dir)
    gold_files = sorted((root / "gold").glob("*.json")) if (root / "gold").is_dir() else sorted(root.glob("*.json"))
    articles = root / "articles" if (root / "articles").is_dir() else root
    if not gold_files:
        raise UsageError(f"no gold files in {root} (expected gold/*.json beside articles/)")
    fields = {"body_vs_boilerplate": FieldScore("body_vs_boilerplate")}
    fields.update({k: FieldScore(k) for k in METADATA_FIELDS})
    checks = _metadata_checks()
    for path in gold_files:
        gold = json.loads(path.read_text("utf-8"))
        source = articles / gold["file"]
        if not source.exists():
            raise UsageError(f"{path.name} names {gold['file']}, which is not in {articles}")
        out = analyze(source.read_bytes()).to_dict()
        doc = out["document"]
        for p in gold.get("paragraphs", []):
            if p["kind"] in ("body", "boilerplate"):
                kept = p["text"][:40] in doc["text"]
                fields["body_vs_boilerplate"].add(kept == (p["kind"] == "body"),
                                                  f"{gold['file']}: {p['kind']} {p['text'][:40]!r}")
        for key in METADATA_FIELDS:
            want = gold.get("author_names") if key == "authors" else gold.get(key)
            if want:
                got = doc.get(key)
                fields[key].add(checks[key](want, doc), f"{gold['file']}: got {got!r}, gold {want!r}")
    return EvalReport(str(root), len(gold_files), PIPELINE_VERSION, fields)

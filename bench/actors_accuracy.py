"""Actor resolution accuracy against the gold samples and the dev-reports actor lists.

    .venv/bin/python bench/actors_accuracy.py [--shared ../shared] [--misses]

For each annotated actor mention (gold `mention` -> `canonical`; dev `as_written` -> `canonical`)
the mention is resolved in a per-document `ActorSession`, in annotation order, with the whole
document as context and the document's country as hint (Syria for the Raqqa samples; the most
frequent place country for a dev report). Three figures per set:

- strict:     the resolved actor's name is the gold canonical string;
- equivalent: the resolved actor is the pack actor the gold canonical name itself resolves to
              (absorbs spelling differences between annotation sets, e.g. "Military Forces of
              United States" vs "... of the United States");
- lenient:    equivalent, or the gold actor is an ancestor via `parent` (YPG counted for SDF).

Provisional actors count as correct when their name equals the canonical string.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import shlex
import sys
from pathlib import Path

import dateline
from dateline.resolve.actor_packs import ActorPack
from dateline.resolve.actors import ActorResolver

ROOT = Path(__file__).resolve().parents[1]


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def _score(resolver: ActorResolver, pack: ActorPack, items, misses: list) -> dict:
    """`items`: (doc_id, text, hint, [(mention, canonical)])."""
    counts = collections.Counter()
    methods = collections.Counter()
    for doc_id, text, hint, pairs in items:
        session = resolver.session(country_hint=hint)
        for mention, canonical in pairs:
            m = session.resolve_or_provisional(mention, context=text)
            counts["n"] += 1
            methods[m.method] += 1
            gold = resolver._strong(canonical)
            strict = m.actor.name == canonical
            equiv = strict or (gold is not None and gold.actor.id == m.actor.id)
            lenient = equiv
            cur = m.actor
            while not lenient and cur is not None and cur.parent:
                cur = pack.get(cur.parent)
                lenient = cur is not None and (cur.name == canonical or (gold and gold.actor.id == cur.id))
            counts["strict"] += strict
            counts["equivalent"] += equiv
            counts["lenient"] += lenient
            counts["provisional"] += m.method == "provisional"
            if not equiv:
                misses.append((doc_id, mention, canonical, m.actor.name, m.method))
    return {"counts": counts, "methods": methods}


def _samples(shared: Path):
    gold_dir = shared / "samples" / "gold"
    files = sorted(gold_dir.glob("*.json"))
    items = []
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        text = (shared / "samples" / "articles" / g["file"]).read_text(encoding="utf-8")
        items.append((f.stem[:3], text, "SY", [(a["mention"], a["canonical"]) for a in g["actors"]]))
    return items, files


def _dev(shared: Path, pack: ActorPack):
    path = shared / "datasets" / "dateline-dev-reports" / "reports.jsonl"
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        countries = collections.Counter(p.get("country") for p in r["places"] if p.get("country"))
        hint = pack.countries.code_for(countries.most_common(1)[0][0]) if countries else None
        items.append((r["id"], r["text"], hint, [(a["as_written"], a["canonical"]) for a in r["actors"]]))
    return items, [path]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--misses", action="store_true", help="list every mention not resolved right")
    args = ap.parse_args(argv)
    pack = ActorPack.load()
    resolver = ActorResolver(pack)
    print("command:", " ".join(shlex.quote(a) for a in [sys.executable, *sys.argv]))
    print(f"dateline {dateline.__version__}; actor packs {pack.fingerprint} ({len(pack)} actors)")
    for label, loader in (("samples gold", lambda s: _samples(s)), ("dev-reports", lambda s: _dev(s, pack))):
        try:
            items, files = loader(args.shared)
        except FileNotFoundError as exc:
            print(f"{label}: skipped ({exc})")
            continue
        misses: list = []
        res = _score(resolver, pack, items, misses)
        c = res["counts"]
        n = c["n"] or 1
        print(f"\n{label}: {c['n']} mentions in {len(items)} documents, data {_digest(files)}")
        for k in ("strict", "equivalent", "lenient"):
            print(f"  {k:<11} {c[k]:>4}/{c['n']}  {c[k] / n:.1%}")
        print(f"  provisional {c['provisional']:>4}; methods: "
              + ", ".join(f"{m} {k}" for m, k in res["methods"].most_common()))
        if args.misses:
            for doc_id, mention, canonical, got, method in misses:
                print(f"    {doc_id}: {mention!r} -> {got!r} [{method}], gold {canonical!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

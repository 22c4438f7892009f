"""Entity mentions against re3d (Person/Organisation/Location/Nationality, overlap match) and a
recall check against the gold samples; plus annotator speed in words per second.

    .venv/bin/python bench/entities_score.py                 # dev sources, then held-out sources
    .venv/bin/python bench/entities_score.py --packs         # with the shipped actor packs as patterns
    .venv/bin/python bench/entities_score.py --plain         # the bare spaCy model, no rules
    .venv/bin/python bench/entities_score.py --errors Person # what the dev set gets wrong

The matching copies `score_entities` in ../shared/tools/scorecard.py (a prediction is right when it
overlaps a gold mention of the same type; precision counts predictions, recall counts gold), so
the figures here are the scorecard's figures for the annotate stage alone. Each re3d document
becomes a `Document` with one body paragraph per non-empty line, text unchanged, so offsets are
the gold's. Development used only the DEV sources; HELDOUT was scored, not studied.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
RE3D = SHARED / "datasets" / "re3d"
SAMPLES = SHARED / "samples"
PACKS = REPO / "src" / "dateline" / "resources" / "actors"
DEV = ("centcom", "uk-government", "australian-department-of-foreign-affairs")
HELDOUT = ("us-state-department", "delegation-of-the-european-union-to-syria")
NER_TYPES = ["Person", "Organisation", "Location", "Nationality"]
NER_MAP = {"PERSON": "Person", "PER": "Person", "ORG": "Organisation", "ACTOR": "Organisation",
           "GPE": "Location", "LOC": "Location", "FAC": "Location", "PLACE": "Location",
           "NORP": "Nationality"}


def document(text: str, ident: str = "bench"):
    from dateline.model import Document, Paragraph

    paras, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            paras.append(Paragraph("body", line, None, None, pos, pos + len(line)))
        pos += len(line) + 1
    return Document(id=ident, article_id=ident, uri=ident, text=text, paragraphs=paras)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def expand(alias: str) -> list[str]:
    """The actor packs' "{a|b} c" alternation, expanded."""
    m = re.search(r"\{([^{}]*)\}", alias)
    if not m:
        return [" ".join(alias.split())]
    return [x for opt in m[1].split("|") for x in expand(alias[:m.start()] + opt + alias[m.end():])]


def pack_patterns() -> list[dict]:
    """What the pipeline will inject: every actor alias as ORG (generic aliases left out)."""
    import yaml

    from dateline.annotate import patterns_from_names

    triples = []
    for path in sorted(PACKS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        for actor in data.get("actors") or []:
            for alias in [actor.get("name", "")] + list(actor.get("aliases") or []):
                for form in expand(str(alias)):
                    if form and form.isascii():
                        triples.append(("ORG", form, actor["id"]))
    return patterns_from_names(triples)


def score(pairs, errors: str | None = None):
    """pairs: (text, gold [(begin, end, type)], predicted [(start, end, label)])."""
    tp_p, tp_g, npred, ngold = Counter(), Counter(), Counter(), Counter()
    for text, gold, mentions in pairs:
        pred = [(s, e, NER_MAP[lab]) for s, e, lab in mentions if lab in NER_MAP]
        for t in NER_TYPES:
            P = [p for p in pred if p[2] == t]
            G = [g for g in gold if g[2] == t]
            npred[t] += len(P)
            ngold[t] += len(G)
            hit_p = [any(p[0] < g[1] and g[0] < p[1] for g in G) for p in P]
            hit_g = [any(p[0] < g[1] and g[0] < p[1] for p in P) for g in G]
            tp_p[t] += sum(hit_p)
            tp_g[t] += sum(hit_g)
            if errors == t:
                for p, ok in zip(P, hit_p):
                    if not ok:
                        other = [g[2] for g in gold if p[0] < g[1] and g[0] < p[1]]
                        print(f"  FP {text[p[0]:p[1]]!r} gold={other}")
                for g, ok in zip(G, hit_g):
                    if not ok:
                        other = [q[2] for q in pred if q[0] < g[1] and g[0] < q[1]]
                        print(f"  FN {text[g[0]:g[1]]!r} pred={other} ctx={text[max(0, g[0]-30):g[1]+20]!r}")
    f1s = []
    for t in NER_TYPES:
        p = tp_p[t] / npred[t] if npred[t] else 0.0
        r = tp_g[t] / ngold[t] if ngold[t] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f)
        print(f"  {t:13s} P {p:.3f} R {r:.3f} F1 {f:.3f} (gold {ngold[t]}, predicted {npred[t]})")
    return sum(f1s) / len(f1s)


def run_re3d(annotate, sources, errors=None) -> tuple[float, int, float]:
    pairs, words, seconds = [], 0, 0.0
    for source in sources:
        docs = read_jsonl(RE3D / source / "documents.json")
        gold = defaultdict(list)
        for e in read_jsonl(RE3D / source / "entities.json"):
            if e["type"] in NER_TYPES:
                gold[e["documentId"]].append((e["begin"], e["end"], e["type"]))
        built = [document(d["text"], d["_id"]) for d in docs]
        t = time.perf_counter()
        found = annotate(built)
        seconds += time.perf_counter() - t
        words += sum(b.word_count for b in built)
        pairs += [(d["text"], gold[d["_id"]], m) for d, m in zip(docs, found)]
    return score(pairs, errors), words, seconds


def run_samples(annotate) -> None:
    """Recall of the gold samples' actor, place and people mentions (every occurrence in kept lines)."""
    found_n = total = 0
    missed = []
    for path in sorted((SAMPLES / "gold").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        text = (SAMPLES / "articles" / gold["file"]).read_text("utf-8")
        lines = text.split("\n")
        kept = {p["line"] for p in gold["paragraphs"] if p["kind"] != "boilerplate"}
        from dateline.model import Document, Paragraph

        paras, pos = [], 0
        for no, line in enumerate(lines, 1):
            if line.strip() and no in kept:
                paras.append(Paragraph("body", line, None, None, pos, pos + len(line)))
            pos += len(line) + 1
        doc = Document(id=path.stem, article_id=path.stem, uri=path.stem, text=text, paragraphs=paras)
        mentions = annotate([doc])[0]
        forms = [a["mention"] for a in gold["actors"]] + [p["mention"] for p in gold["places"]]
        forms += [m for person in gold["people"] for m in person["mentions"]]
        for form in set(forms):
            for m in re.finditer(re.escape(form), text):
                if not any(p.start is not None and p.start <= m.start() < p.end for p in paras):
                    continue
                total += 1
                if any(x[0] < m.end() and m.start() < x[1] and x[2] in NER_MAP for x in mentions):
                    found_n += 1
                else:
                    missed.append(form)
    print(f"  samples gold actors/places/people: recall {found_n}/{total} = {found_n / max(1, total):.3f}")
    print(f"  missed: {sorted(Counter(missed).items(), key=lambda x: -x[1])[:25]}")


def speed(annotate, repeat: int, model: str | None = None) -> None:
    """Best-of-N words/s on one core, with the plain spaCy pipeline (all components, one call per
    document) measured in the same run so the ratio survives a busy machine."""
    import spacy

    from dateline.annotate import load_pipeline

    plain = load_pipeline(model, exclude=(), fast_attributes=False)

    def plain_run(docs):
        return [plain(d.text) for d in docs]

    texts = [p.read_text("utf-8") for p in sorted((SAMPLES / "articles").glob("*.txt"))]
    sets = {"samples": texts,
            "re3d": [d["text"] for s in DEV + HELDOUT for d in read_jsonl(RE3D / s / "documents.json")]}
    for name, items in sets.items():
        docs = [document(t, str(i)) for i, t in enumerate(items)]
        words = sum(d.word_count for d in docs)
        annotate(docs)  # warm-up
        plain_run(docs)
        best = min(_timed(annotate, docs) for _ in range(repeat))
        ref = min(_timed(plain_run, docs) for _ in range(repeat))
        print(f"  speed {name}: {words} words, best of {repeat}: {words / best:,.0f} words/s "
              f"(plain spaCy {spacy.__version__} pipeline, whole text: {words / ref:,.0f} words/s)")


def _timed(fn, docs) -> float:
    t = time.perf_counter()
    fn(docs)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--packs", action="store_true", help="inject the actor packs as ruler patterns")
    ap.add_argument("--plain", action="store_true", help="the bare spaCy model per paragraph, no rules")
    ap.add_argument("--model", help="spaCy model name or path")
    ap.add_argument("--errors", choices=NER_TYPES, help="print dev false positives/negatives of a type")
    ap.add_argument("--repeat", type=int, default=3, help="speed runs (best is reported)")
    ap.add_argument("--no-speed", action="store_true")
    a = ap.parse_args()

    import dateline
    from dateline.annotate import EntityAnnotator, load_pipeline

    print(f"$ {' '.join([Path(sys.executable).name, *sys.argv])}   (dateline {dateline.__version__})")
    if a.plain:
        nlp = load_pipeline(a.model)

        def annotate(docs):
            out = []
            for d in docs:
                ms = []
                for s, e in [(p.start, p.end) for p in d.paragraphs if p.start is not None]:
                    ms += [(s + x.start_char, s + x.end_char, x.label_) for x in nlp(d.text[s:e]).ents]
                out.append(ms)
            return out
        label = f"plain {nlp.meta['name']} {nlp.meta['version']}"
    else:
        patterns = pack_patterns() if a.packs else None
        ann = EntityAnnotator(model=a.model, patterns=patterns).setup()

        def annotate(docs):
            return [[(m.start, m.end, m.label) for m in ms] for ms in ann.annotate_many(docs)]
        label = f"EntityAnnotator {ann.version}"
    print(f"annotator: {label}")
    for name, sources in (("dev", DEV), ("held-out", HELDOUT)):
        print(f"re3d {name}: {', '.join(sources)}")
        macro, words, secs = run_re3d(annotate, sources, a.errors if name == "dev" else None)
        print(f"score entities {name}: macro-F1 {macro:.3f} ({words} words, {words / secs:,.0f} words/s)")
    run_samples(annotate)
    if not a.no_speed:
        speed(annotate, a.repeat, a.model)


if __name__ == "__main__":
    main()

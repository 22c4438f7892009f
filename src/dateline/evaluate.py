"""`dateline eval`: score the pipeline against gold files in the samples' format.

Reads a folder holding `gold/*.json` and `articles/<file>` (the layout of ../shared/samples and of the
shipped demo corpus), runs `analyze` on each article, and compares field by field. Each field is
scored as agreement (paragraph kinds, metadata) or precision/recall/F1 (lists such as actors,
places, quotes, figures, events) so users can score their own gold the same way we score ours.

Events are matched as the scorecard matches them: the same event type and places within 25 km
(gold coordinates come from the gold file's `places`; without them the gold location must appear in
the predicted place's name), each gold event used once. On matched events, per-argument accuracy:
actor1 and actor2 (the same canonical name, or both names resolving to the same pack actor, so
"Military Forces of United States" and "Military Forces of the United States" agree), date (the
prediction's ISO date starts with the gold `event_date`; gold events without a date are not
scored) and fatalities (the same integer, the same [low, high] range, or both unreported).

Not responsible for the project's headline figures: those come from ../shared/tools/scorecard.py,
whose rules these follow where the two overlap (paragraph text prefixes of 40 characters, titles
contained case-insensitively, dates by ISO prefix, author surnames).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .errors import UsageError

from .eval_annotations import ANNOTATION_FIELDS, loose_text, score_annotations
from .geo import haversine_km

METADATA_FIELDS = ("title", "authors", "published", "dateline", "outlet")
EVENT_FIELDS = ("events_precision", "events_recall", "event_actor1", "event_actor2", "event_date",
                "event_fatalities")
SAME_PLACE_KM = 25.0


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

    @property
    def events_f1(self) -> float | None:
        """F1 of event matching (type + place within 25 km), or None when no gold file has events."""
        p, r = self.fields.get("events_precision"), self.fields.get("events_recall")
        if p is None or r is None or not r.total:
            return None
        return 2 * p.score * r.score / (p.score + r.score) if p.score + r.score else 0.0

    def lines(self, *, verbose: bool = False) -> list[str]:
        out = [f"gold: {self.gold_dir} ({self.files} files); pipeline {self.pipeline_version}"]
        for f in self.fields.values():
            out.append(f"{f.name:22s} {f.correct:4d}/{f.total:<4d} = {f.score:.3f}")
            if verbose:
                out.extend(f"    miss: {m}" for m in f.misses)
        if self.events_f1 is not None:
            out.append(f"{'events_f1':22s}            {self.events_f1:.3f}")
        return out

    def to_dict(self) -> dict[str, Any]:
        out = {"gold_dir": self.gold_dir, "files": self.files, "pipeline_version": self.pipeline_version,
               "fields": {k: {"correct": v.correct, "total": v.total, "score": round(v.score, 4)}
                          for k, v in self.fields.items()}}
        if self.events_f1 is not None:
            out["events_f1"] = round(self.events_f1, 4)
        return out


_loose = loose_text


def _metadata_checks() -> dict[str, Callable[[Any, dict], bool]]:
    return {
        "title": lambda g, d: _loose(g) in _loose(d.get("title")),
        "authors": lambda g, d: all(n.split()[-1] in " ".join(d.get("authors") or []) for n in g),
        "published": lambda g, d: str(d.get("published") or "").startswith(g),
        # A dateline is right when it names the same place: "QAMISHLI" for "QAMISHLI, Syria".
        "dateline": lambda g, d: bool(d.get("dateline")) and _loose(g).split()[0] == _loose(d["dateline"]).split()[0],
        "outlet": lambda g, d: bool(d.get("outlet")) and (_loose(d["outlet"]) in _loose(g) or _loose(g) in _loose(d["outlet"])),
    }


_km = haversine_km


def _gold_coords(gold: dict) -> dict[str, tuple[float, float]]:
    """Canonical place name (and mention) -> (lat, lon), from the gold file's `places`."""
    out: dict[str, tuple[float, float]] = {}
    for p in gold.get("places") or []:
        if p.get("lat") is None or p.get("lon") is None:
            continue
        for key in (p.get("canonical"), p.get("mention")):
            if key:
                out.setdefault(_loose(key), (float(p["lat"]), float(p["lon"])))
    return out


def match_events(gold_events: list[dict], predicted: list[dict],
                 coords: dict[str, tuple[float, float]]) -> list[tuple[dict, dict]]:
    """(gold, predicted) pairs: the same event type and places within 25 km, each gold event once.

    Predicted events are taken in order, each matched to the first unused gold event that fits,
    as `../shared/tools/scorecard.py` does.
    """
    used: set[int] = set()
    pairs = []
    for e in predicted:
        for i, g in enumerate(gold_events):
            if i not in used and _fits(g, e, coords):
                used.add(i)
                pairs.append((g, e))
                break
    return pairs


def _fits(g: dict, e: dict, coords: dict[str, tuple[float, float]]) -> bool:
    if _loose(g.get("event_type")) != _loose(e.get("event_type")):
        return False
    place = e.get("place") or {}
    there = coords.get(_loose(g.get("location")))
    if there is not None and place.get("lat") is not None:
        return _km(there, (float(place["lat"]), float(place["lon"]))) <= SAME_PLACE_KM
    return bool(g.get("location")) and _loose(g["location"]) in _loose(json.dumps(place, ensure_ascii=False))


def _told_in(g: dict, e: dict, text: str) -> bool:
    """Whether the predicted event's evidence holds the gold event's evidence (or most of its words)."""
    wanted = _loose(g.get("evidence"))
    if not wanted or not text:
        return False
    said = " ".join(_loose(text[a:b]) for a, b in (e.get("evidence") or []))
    if wanted in said:
        return True
    words = set(wanted.split())
    return len(words) >= 4 and len(words & set(said.split())) >= 0.6 * len(words)


def argument_pairs(gold_events: list[dict], predicted: list[dict], coords: dict[str, tuple[float, float]],
                   text: str) -> list[tuple[dict, dict]]:
    """(gold, predicted) pairs for per-argument accuracy: a predicted event told by the gold event's own
    evidence first, then `match_events`' first fit. Event precision and recall keep `match_events`,
    the scorecard's reading; arguments are only comparable between the same sentence's event."""
    used_g: set[int] = set()
    used_e: set[int] = set()
    pairs = []
    for i, g in enumerate(gold_events):
        j = next((j for j, e in enumerate(predicted)
                  if j not in used_e and _fits(g, e, coords) and _told_in(g, e, text)), None)
        if j is not None:
            used_g.add(i)
            used_e.add(j)
            pairs.append((g, predicted[j]))
    rest = match_events([g for i, g in enumerate(gold_events) if i not in used_g],
                        [e for j, e in enumerate(predicted) if j not in used_e], coords)
    return pairs + rest


def fatalities_agree(gold: Any, event: dict) -> bool:
    """Exact agreement: both unreported, the same integer, or the same [low, high] range."""
    got, low, high = event.get("fatalities"), event.get("fatalities_low"), event.get("fatalities_high")
    if gold is None:
        return got is None
    if isinstance(gold, (list, tuple)):
        return [low, high] == [int(gold[0]), int(gold[1])]
    return got == int(gold) or (low == int(gold) and high is not None)


def date_agrees(gold: str, event: dict) -> bool:
    """The prediction's ISO date starts with the gold `event_date` ("2017-03" accepts "2017-03-20")."""
    d = event.get("date") or {}
    got = d.get("start") or d.get("iso") if isinstance(d, dict) else d
    return bool(got) and str(got).startswith(str(gold))


class ActorNames:
    """Whether a gold canonical actor name and a predicted actor are the same actor."""

    def __init__(self) -> None:
        self._resolver = None

    def _pack_id(self, name: str) -> str | None:
        if self._resolver is None:
            from .resolve.actor_packs import ActorPack
            from .resolve.actors import ActorResolver

            self._resolver = ActorResolver(ActorPack.load())
        m = self._resolver.resolve(name)
        return m.actor.id if m is not None else None

    def same(self, gold: str | None, actor_id: str | None, actor_name: str | None) -> bool:
        if not gold or not (actor_id or actor_name):
            return not gold and not (actor_id or actor_name)
        if _loose(gold) == _loose(actor_name):
            return True
        gid = self._pack_id(gold)
        return gid is not None and gid in (actor_id, self._pack_id(actor_name) if actor_name else None)


def score_events(fields: dict[str, FieldScore], gold: dict, out: dict, names: ActorNames) -> None:
    """Add one document's event matching and per-argument accuracy to `fields`."""
    gold_events = gold.get("events") or []
    predicted = out.get("events") or []
    actors = out.get("actors") or {}
    pairs = match_events(gold_events, predicted, _gold_coords(gold))
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {id(e) for _, e in pairs}
    label = gold.get("file", "?")
    for g in gold_events:
        fields["events_recall"].add(id(g) in matched_gold,
                                    f"{label}: missed {g.get('sub_event_type')} at {g.get('location')}")
    for e in predicted:
        where = (e.get("place") or {}).get("name")
        fields["events_precision"].add(id(e) in matched_pred, f"{label}: extra {e.get('sub_event_type')} at {where}")
    text = (out.get("document") or out).get("text") or ""
    for g, e in argument_pairs(gold_events, predicted, _gold_coords(gold), text):
        tag = f"{label}: {g.get('sub_event_type')} at {g.get('location')}"
        for slot in ("actor1", "actor2"):
            name = e.get(f"{slot}_name") or (actors.get(e.get(slot) or "") or {}).get("name")
            fields[f"event_{slot}"].add(names.same(g.get(slot), e.get(slot), name),
                                        f"{tag}: {slot} got {name!r}, gold {g.get(slot)!r}")
        if g.get("event_date"):
            fields["event_date"].add(date_agrees(g["event_date"], e),
                                     f"{tag}: date got {(e.get('date') or {}).get('start')!r}, gold {g['event_date']!r}")
        fields["event_fatalities"].add(fatalities_agree(g.get("fatalities"), e),
                                       f"{tag}: fatalities got {e.get('fatalities')!r} "
                                       f"[{e.get('fatalities_low')}, {e.get('fatalities_high')}], gold {g.get('fatalities')!r}")


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
    names = ActorNames()
    with_events = False
    event_fields = {k: FieldScore(k) for k in EVENT_FIELDS}
    annotation_fields = {k: FieldScore(k) for k in ANNOTATION_FIELDS}
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
        if "events" in gold:
            with_events = True
            score_events(event_fields, gold, out, names)
        score_annotations(annotation_fields, gold, out, names.same)
    fields.update({k: v for k, v in annotation_fields.items() if v.total})
    if with_events:
        fields.update(event_fields)
    return EvalReport(str(root), len(gold_files), PIPELINE_VERSION, fields)

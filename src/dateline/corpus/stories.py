"""Stories: one per real incident, grouping the documents (and their events) that report it.

Responsible for the cascade: profile each new document (`profile`), find candidates through
blocking keys (cell and week, country and week, term-signature bands — never all pairs), score
candidate pairs (`similarity`, through its fast exact form in `pairs`), cluster by average link with a strong threshold inside groups
joined by at least one strong pair, and write the stories back with their merged records and
discrepancies (`merge`). Syndicated copies (`documents.duplicate_of`) always join their original.

Incremental: `update_stories(tables, doc_ids)` touches only the new documents, their candidates and
the stories those already belong to; that neighbourhood is re-clustered and rewritten. Because a
pair's score never depends on the rest of the corpus, doing this document batch by batch gives the
stories a full recompute (`rebuild_stories`) gives.

All storage goes through a `StoryTables` (`dateline.store.stories.StoryTables(store)`): the corpus
stage sits below the store and never imports it.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Iterable, Protocol, Sequence

import numpy as np

from .merge import build_story
from .pairs import by_dates, candidate_pairs, day_arrays, features, pair_value
from .profile import Profile, build_profile, query_keys, stored_keys
from .similarity import THRESHOLD

BATCH = 2000            # documents per update: bounds memory on a large corpus


class StoryTables(Protocol):
    """What the corpus stage needs from storage; `dateline.store.stories.StoryTables` provides it."""

    def profile_inputs(self, doc_ids: Sequence[str]) -> list[tuple[dict, list, list, list]]: ...
    def save_profiles(self, rows: Iterable[tuple[str, dict, Iterable[str]]], run_id: int | None) -> None: ...
    def load_profiles(self, doc_ids: Iterable[str]) -> dict[str, dict]: ...
    def documents_with_keys(self, keys: Iterable[str]) -> set[str]: ...
    def copies_of(self, doc_ids: Iterable[str]) -> dict[str, str]: ...
    def stories_of(self, doc_ids: Iterable[str]) -> dict[str, str]: ...
    def member_documents(self, story_ids: Iterable[str]) -> dict[str, list[str]]: ...
    def evidence_inputs(self, doc_ids: Sequence[str]) -> dict[str, dict]: ...
    def replace_stories(self, old_ids: Iterable[str], stories: Iterable[dict], run_id: int | None) -> None: ...
    def all_documents(self) -> list[str]: ...
    def clear_stories(self) -> None: ...
    def transaction(self): ...


@dataclass
class UpdateSummary:
    documents: int = 0
    stories_written: int = 0
    stories_removed: int = 0


def update_stories(tables: StoryTables, doc_ids: Sequence[str], *, run_id: int | None = None,
                   gazetteer: Any = None) -> UpdateSummary:
    """Add or re-derive `doc_ids` and rewrite the stories around them. `gazetteer` (optional, a
    `dateline.resolve.gazetteer.Gazetteer`) finds places in texts the entity model does not read."""
    summary = UpdateSummary()
    ids = list(dict.fromkeys(doc_ids))
    for i in range(0, len(ids), BATCH):
        part = ids[i:i + BATCH]
        with tables.transaction():
            written, removed = _update_batch(tables, part, run_id, gazetteer)
        summary.documents += len(part)
        summary.stories_written += written
        summary.stories_removed += removed
    return summary


def rebuild_stories(tables: StoryTables, *, run_id: int | None = None, gazetteer: Any = None) -> UpdateSummary:
    """Forget every story and group the whole corpus again (in batches, oldest first)."""
    with tables.transaction():
        tables.clear_stories()
    return update_stories(tables, tables.all_documents(), run_id=run_id, gazetteer=gazetteer)


def profile_documents(tables: StoryTables, doc_ids: Sequence[str], gazetteer: Any = None) -> list[Profile]:
    profiles = []
    for doc, events, mentions, dates in tables.profile_inputs(doc_ids):
        extra = []
        if gazetteer is not None and not any(m.get("lat") is not None for m in mentions) and \
                doc.get("language") not in (None, "en"):
            from .foreign import scan_places

            extra = scan_places(doc.get("text") or "", gazetteer)
        profiles.append(build_profile(doc, events, mentions, dates, extra_places=extra))
    return profiles


def _update_batch(tables: StoryTables, doc_ids: list[str], run_id: int | None, gazetteer: Any) -> tuple[int, int]:
    new = profile_documents(tables, doc_ids, gazetteer)
    tables.save_profiles([(p.document_id, p.to_dict(), stored_keys(p)) for p in new], run_id)
    profiles = {p.document_id: p for p in new}
    keys = set().union(*(query_keys(p) for p in new)) if new else set()
    neighbours = tables.documents_with_keys(keys) - set(profiles)
    stored = {d: Profile.from_dict(p) for d, p in tables.load_profiles(neighbours).items()}
    # Only a neighbour strongly linked to a new document can see its story change; the rest of the
    # block is left alone, which keeps an update proportional to what arrived.
    strong = {d for d in _strong_neighbours(new, stored)}
    copies = tables.copies_of(doc_ids)
    local = set(doc_ids) | strong | set(copies) | set(copies.values())
    old_story = tables.stories_of(local | set(tables.stories_of(doc_ids)))
    for members in tables.member_documents(set(old_story.values())).values():
        local.update(members)
    old_story = tables.stories_of(local)
    missing = local - set(profiles) - set(stored)
    stored.update({d: Profile.from_dict(p) for d, p in tables.load_profiles(missing).items()})
    profiles.update({d: stored[d] for d in local if d in stored and d not in profiles})
    clusters, scores = cluster(list(profiles.values()))
    old_ids = set(old_story.values())
    stories = _assign_ids(clusters, old_story)
    inputs = tables.evidence_inputs(sorted(profiles))
    built = [build_story(sid, [inputs[d] for d in sorted(members, key=lambda d: _published_key(inputs[d]))
                               if d in inputs], scores)
             for sid, members in stories.items()]
    tables.replace_stories(old_ids, built, run_id)
    return len(built), len(old_ids - set(stories))


def _strong_neighbours(new: list[Profile], stored: dict[str, Profile]) -> set[str]:
    neighbours = list(stored.values())
    q, n = candidate_pairs(new, neighbours, same=False)
    _, todo = by_dates(day_arrays(new)[q], day_arrays(neighbours)[n])     # dates alone settle no strong pair
    fnew, fold_ = [features(p) for p in new], [features(p) for p in neighbours]
    strong: set[int] = set()
    for i, j in zip(q[todo].tolist(), n[todo].tolist()):
        # new document first, as score_pair(new, stored) was called: a pair's value is the same
        # either way round only up to the order of a float sum
        if j not in strong and pair_value(fnew[i], fold_[j]) >= THRESHOLD:
            strong.add(j)
    return {neighbours[j].document_id for j in strong}


def _published_key(doc: dict) -> tuple:
    return (doc.get("published_start") is None, doc.get("published_start") or "", doc["id"])


def cluster(profiles: list[Profile]) -> tuple[list[list[str]], dict[str, float]]:
    """Average-link clusters of `profiles`: copies with their originals first, then merges while
    the mean score between two clusters is at least THRESHOLD and no pair between them is vetoed.

    Returns the clusters and, per document, its best score to another member (how sure we are)."""
    by_id = {p.document_id: p for p in profiles}
    ids = sorted(by_id)            # index order is id order, so a pair (i, j) with i < j is (min, max)
    ordered = [by_id[d] for d in ids]
    n = len(ids)
    lo, hi = candidate_pairs(ordered, ordered, same=True)
    # Dates settle most pairs (a week apart: 0.0, unscored; past the window: vetoed); pair_value the rest.
    days = day_arrays(ordered)
    values, todo = by_dates(days[lo], days[hi])
    feats = [features(p) for p in ordered]
    values[todo] = [pair_value(feats[i], feats[j]) for i, j in zip(lo[todo].tolist(), hi[todo].tolist())]
    lo, hi, values = _with_copies(ordered, ids, lo, hi, values)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    strong = values >= THRESHOLD
    for a, b in zip(lo[strong].tolist(), hi[strong].tolist()):
        parent[find(a)] = find(b)
    roots = np.array([find(i) for i in range(n)], dtype=np.int64)
    groups: dict[int, list[str]] = {}
    for i, r in enumerate(roots.tolist()):
        groups.setdefault(r, []).append(ids[i])
    # Average link reads only the pairs inside one group; a pair it does not find counts 0.0.
    inside = roots[lo] == roots[hi]
    pair = {(ids[a], ids[b]): s for a, b, s in zip(lo[inside].tolist(), hi[inside].tolist(), values[inside].tolist())}
    clusters: list[list[str]] = []
    for members in groups.values():
        clusters += _average_link(members, pair, by_id) if len(members) > 1 else [members]
    # Best score per document over every pair it is in, never below 0.0 (a veto is not a score).
    best_v = np.zeros(n)
    np.maximum.at(best_v, lo, values)
    np.maximum.at(best_v, hi, values)
    present = np.zeros(n, dtype=bool)
    present[lo] = present[hi] = True
    best = {ids[i]: v for i, v in zip(np.flatnonzero(present).tolist(), best_v[present].tolist())}
    return sorted(clusters), best


def _with_copies(ordered: list[Profile], ids: list[str], lo: np.ndarray, hi: np.ndarray,
                 values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A copy and its original score 1.0 whatever their profiles say (added when not candidates)."""
    pos = {d: i for i, d in enumerate(ids)}
    n = len(ids)
    code = lo * n + hi                    # sorted: candidate_pairs returns pairs in code order
    extra = []
    for i, p in enumerate(ordered):
        if p.duplicate_of in pos:
            a, b = sorted((i, pos[p.duplicate_of]))
            k = int(np.searchsorted(code, a * n + b))
            if k < len(code) and code[k] == a * n + b:
                values[k] = 1.0
            else:
                extra.append((a, b))
    if extra:
        extra = sorted(set(extra))
        lo = np.concatenate([lo, np.array([a for a, _ in extra], dtype=np.int64)])
        hi = np.concatenate([hi, np.array([b for _, b in extra], dtype=np.int64)])
        values = np.concatenate([values, np.ones(len(extra))])
    return lo, hi, values


def _average_link(members: list[str], pair: dict[tuple[str, str], float], by_id: dict[str, Profile]) -> list[list[str]]:
    clusters = [[d] for d in members]
    # A copy sits with its original from the start: it says nothing new and must not be split off.
    for d in members:
        orig = by_id[d].duplicate_of
        if orig in members:
            cd = next(c for c in clusters if d in c)
            co = next(c for c in clusters if orig in c)
            if cd is not co:
                co.extend(cd)
                clusters.remove(cd)

    def link(x: list[str], y: list[str]) -> float:
        total = 0.0
        for a in x:
            for b in y:
                s = pair.get((min(a, b), max(a, b)), 0.0)
                if s < 0:
                    return -1.0
                total += s
        return total / (len(x) * len(y))

    while len(clusters) > 1:
        best, bi, bj = THRESHOLD, -1, -1
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                s = link(clusters[i], clusters[j])
                if s >= best and (bi < 0 or s > best):
                    best, bi, bj = s, i, j
        if bi < 0:
            break
        clusters[bi] = sorted(clusters[bi] + clusters[bj])
        del clusters[bj]
    return [sorted(c) for c in clusters]


def _assign_ids(clusters: list[list[str]], old_story: dict[str, str]) -> dict[str, list[str]]:
    """Keep a story's id when most of it survives, so links to it stay valid across updates."""
    out: dict[str, list[str]] = {}
    for members in sorted(clusters, key=len, reverse=True):
        votes: dict[str, int] = {}
        for d in members:
            if d in old_story:
                votes[old_story[d]] = votes.get(old_story[d], 0) + 1
        sid = next((s for s, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])) if s not in out), None)
        out[sid or new_story_id(members)] = members
    return out


def new_story_id(members: list[str]) -> str:
    return "s" + hashlib.sha1(min(members).encode()).hexdigest()[:11]

"""The fast pair path gives exactly what the readable one gives: same values, same pairs, same stories.

`pairs.pair_value` and `stories.cluster` are tuned for 100,000 documents; `similarity.score_pair`
and the straightforward clustering below (the code they replaced) are the reference. Random
profiles cover every branch: coarse and missing dates, copies, other languages, far places,
no shared country, toll conflicts, several places and days per document."""
from __future__ import annotations

import math
import random
from datetime import date, timedelta

import pytest

from dateline.corpus import cluster
from dateline.corpus.pairs import candidate_pairs, features, pair_value
from dateline.corpus.profile import Incident, Profile, query_keys, stored_keys
from dateline.corpus.similarity import THRESHOLD, score_pair
from dateline.corpus.stories import _average_link, _strong_neighbours

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest")]
WORDS = ["aleppo", "idlib", "zoobe", "khalaf", "maarat", "nuri", "fasher", "kirkuk", "#87", "#12", "#3", "raqqa"]


def _random_profile(rng: random.Random, n: int) -> Profile:
    base = date(2020, 3, 1)

    def day() -> str:
        return (base + timedelta(days=rng.randrange(12))).isoformat()

    incidents = []
    for k in range(rng.choice((0, 1, 1, 1, 2, 3))):
        etype, sub = rng.choice(TYPES)
        precision = rng.choice(("day", "day", "day", "week", "month", "year", None))
        sited = rng.random() < 0.75
        incidents.append(Incident(
            f"d{n}:{k}", etype, sub, rng.choice((0.3, 0.5, 0.8, 0.95)),
            lat=36 + rng.uniform(-1.2, 1.2) if sited else None, lon=37 + rng.uniform(-1.2, 1.2) if sited else None,
            country=rng.choice(("SY", "SY", "IQ")), date_start=day() if precision else None,
            date_end=None, precision=precision, fatalities=rng.choice((None, 0, 3, 12)),
            actor1=rng.choice((None, "a1", "a2"))))
    places = [(36 + rng.uniform(-1.5, 1.5), 37 + rng.uniform(-1.5, 1.5), "x", "SY", float(rng.choice((1, 2, 3, 4))))
              for _ in range(rng.choice((0, 0, 1, 2, 5)))]
    terms = {w: round(1.0 + math.log(rng.randrange(1, 5)), 3) for w in rng.sample(WORDS, rng.randrange(0, 9))}
    # Some texts are published long after the incidents (retrospectives), some only to the month.
    published = (day() if rng.random() < 0.8 else (base + timedelta(days=200)).isoformat()[:7]) \
        if rng.random() < 0.9 else None
    return Profile(f"d{n:04d}", rng.choice(("o1", "o2", None)), rng.choice(("en", "en", "ar", "fr")), published,
                   ("month" if len(published) == 7 else rng.choice(("day", "day", "month"))) if published else None,
                   f"d{rng.randrange(n):04d}" if n and rng.random() < 0.08 else None,
                   incidents=incidents, places=places,
                   countries=rng.sample(["SY", "IQ", "TR"], rng.choice((0, 1, 1, 2))),
                   days=sorted({day() for _ in range(rng.choice((0, 0, 1, 2)))}),
                   actors=sorted(rng.sample(["a1", "a2", "a3", "a4"], rng.randrange(0, 3))), terms=terms)


@pytest.fixture(scope="module")
def profiles() -> list[Profile]:
    rng = random.Random(20240611)
    return [_random_profile(rng, n) for n in range(160)]


def _reference(a: Profile, b: Profile) -> float:
    s = score_pair(a, b)
    return -1.0 if s.veto else s.score


def test_pair_value_is_score_pair_exactly(profiles):
    seen = {"veto": 0, "strong": 0, "weak": 0}
    for a in profiles:
        for b in profiles:
            if a is b:
                continue
            want = _reference(a, b)
            assert pair_value(features(a), features(b)) == want, (a.document_id, b.document_id, score_pair(a, b))
            seen["veto" if want < 0 else "strong" if want >= THRESHOLD else "weak"] += 1
    assert min(seen.values()) > 100, seen        # every outcome is exercised


def _plausible(a: Profile, b: Profile) -> bool:
    da, db = a.main_days(), b.main_days()
    return not (da and db and abs((da[0] - db[0]).days) > 7)


def _reference_cluster(profiles: list[Profile]) -> tuple[list[list[str]], dict[str, float]]:
    """The clustering the fast path replaced, pair by pair through `score_pair`."""
    by_id = {p.document_id: p for p in profiles}
    index: dict[str, list[str]] = {}
    for p in profiles:
        for k in stored_keys(p):
            index.setdefault(k, []).append(p.document_id)
    pair: dict[tuple[str, str], float] = {}
    for p in profiles:
        for other in {o for k in query_keys(p) for o in index.get(k, ()) if o != p.document_id}:
            key = (min(p.document_id, other), max(p.document_id, other))
            if key not in pair:
                pair[key] = _reference(by_id[key[0]], by_id[key[1]]) if _plausible(*map(by_id.get, key)) else 0.0
        if p.duplicate_of in by_id:
            pair[(min(p.document_id, p.duplicate_of), max(p.document_id, p.duplicate_of))] = 1.0
    parent = {d: d for d in by_id}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for (a, b), s in pair.items():
        if s >= THRESHOLD:
            parent[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for d in sorted(by_id):
        groups.setdefault(find(d), []).append(d)
    clusters = [c for m in groups.values() for c in (_average_link(m, pair, by_id) if len(m) > 1 else [m])]
    best: dict[str, float] = {}
    for (a, b), s in pair.items():
        best[a], best[b] = max(best.get(a, 0.0), s), max(best.get(b, 0.0), s)
    return sorted(clusters), best


def test_cluster_equals_the_pair_by_pair_reference(profiles):
    got = cluster(profiles)
    assert got == _reference_cluster(profiles)
    assert any(len(c) > 2 for c in got[0]) and len(got[1]) > 100


def test_candidate_pairs_are_the_blocking_pairs(profiles):
    new, old = profiles[:60], profiles[60:]
    q, s = candidate_pairs(new, old, same=False)
    index: dict[str, set[int]] = {}
    for j, p in enumerate(old):
        for k in stored_keys(p):
            index.setdefault(k, set()).add(j)
    want = sorted((i, j) for i, p in enumerate(new) for j in {j for k in query_keys(p) for j in index.get(k, ())})
    assert list(zip(q.tolist(), s.tolist())) == want and want


def test_strong_neighbours_are_those_scoring_over_the_threshold(profiles):
    new, old = profiles[:60], {p.document_id: p for p in profiles[60:]}
    got = _strong_neighbours(new, old)
    index: dict[str, set[str]] = {}
    for d, p in old.items():
        for k in stored_keys(p):
            index.setdefault(k, set()).add(d)
    want = {d for p in new for d in {d for k in query_keys(p) for d in index.get(k, ())}
            if _plausible(p, old[d]) and score_pair(p, old[d])}
    assert got == want and want


def test_a_retrospective_with_no_incident_of_its_own_is_not_a_report_of_an_old_one():
    massacre = Profile("news", "o1", "en", "2012-05-26", "day", None,
                       incidents=[Incident("news:0", "Violence against civilians", "Attack", 0.8, lat=34.88, lon=36.52,
                                           country="SY", date_start="2012-05-25", date_end=None, precision="day")],
                       places=[(34.88, 36.52, "Taldou", "SY", 3.0)], countries=["SY"])
    essay = Profile("essay", "o2", "en", "2019-03", "month", None, places=[(34.88, 36.52, "Houla", "SY", 3.0)],
                    countries=["SY"])
    next_day = Profile("follow-up", "o3", "en", "2012-05-27", "day", None,
                       places=[(34.88, 36.52, "Taldou", "SY", 3.0)], countries=["SY"])
    assert score_pair(massacre, essay).veto and pair_value(features(massacre), features(essay)) == -1.0
    assert not score_pair(massacre, next_day).veto and pair_value(features(massacre), features(next_day)) > 0

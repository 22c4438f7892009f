"""Candidate pairs and their values for clustering: `similarity.score_pair`'s verdict, made cheap.

Responsible for the two hot loops of story grouping: finding the candidate pairs of a batch through
the blocking keys, and giving each pair the one number clustering keeps (-1.0 when a veto applies,
else the rounded score). At 100,000 documents that is millions of pairs, and `score_pair` builds
dicts, reasons and a dataclass for each. Not responsible for what the score means (`similarity`,
the readable reference that `dateline compare` and the tests explain from).

How: each profile is reduced once to `Features` (tuples, frozensets, the radians and cosines of its
points); vetoes are tested before the costly parts (a pair three days apart needs neither its places
nor its terms); candidate pairs are generated and the week-apart ones dropped with numpy.

Exactness: `pair_value` repeats `score_pair`'s arithmetic operation for operation (same operands,
same order, the same `sum` calls), so its values are bit-identical and the stories do not change.
Any change to `similarity` must be mirrored here; tests/corpus/test_pairs.py checks they agree.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from .profile import Profile, query_keys, stored_keys
from .similarity import (CROSS_LANGUAGE_WEIGHTS, FAR_KM, LATE_REPORT_DAYS, RADIUS_KM, WEIGHTS, WINDOW_DAYS, _DAY_SIM,
                         _PUBLISHED_SIM, _VIOLENT, published_day)

VETO = -1.0
PLAUSIBLE_DAYS = WINDOW_DAYS + 4
_W = tuple(WEIGHTS.get(k, 0.0) for k in ("place", "date", "terms", "type", "actors"))
_W_CROSS = tuple(CROSS_LANGUAGE_WEIGHTS.get(k, 0.0) for k in ("place", "date", "terms", "type", "actors"))


class Features:
    """What `pair_value` reads of one profile, computed once instead of once per pair."""

    __slots__ = ("id", "dup", "days", "coarse", "anchor", "points", "n_sites", "terms", "term_keys",
                 "term_total", "types", "sub0", "actors", "fatalities", "countries", "language", "has_incidents",
                 "published")

    def __init__(self, p: Profile):
        self.id, self.dup, self.language = p.document_id, p.duplicate_of, p.language
        self.days = tuple(d.toordinal() for d in p.main_days())
        self.coarse = frozenset(p.coarse_dates())
        anchor = p.anchor_day()
        self.anchor = anchor.toordinal() if anchor else None
        # The same radians and cosines `haversine_km` computes, once per point: identical floats.
        self.points = [(math.radians(lat), math.radians(lon), math.cos(math.radians(lat)), w)
                       for lat, lon, w in p.points()]
        self.n_sites = sum(1 for i in p.incidents if i.lat is not None)   # points() lists event sites first
        self.terms = p.terms
        # frozenset(dict) lays out its table as set(dict) does, so `&` iterates shared terms in the
        # order `term_similarity` does and the float sum is the same.
        self.term_keys = frozenset(p.terms)
        self.term_total = sum(p.terms.values())
        self.types = frozenset(i.event_type for i in p.incidents)
        self.has_incidents = bool(p.incidents)
        self.sub0 = p.incidents[0].sub_event_type if p.incidents else None
        self.fatalities = p.incidents[0].fatalities if p.incidents else None
        self.actors = frozenset(p.actors)
        self.countries = frozenset(p.countries)
        published = published_day(p)
        self.published = published.toordinal() if published else None


def features(p: Profile) -> Features:
    f = p.__dict__.get("_features")
    if f is None:
        f = p.__dict__["_features"] = Features(p)
    return f


def pair_value(a: Features, b: Features) -> float:
    """-1.0 if `score_pair(a, b)` vetoes the pair, else its score (see the module docstring)."""
    if a.dup == b.id or b.dup == a.id or (a.dup and a.dup == b.dup):
        return 1.0
    a_day, b_day = a.days, b.days
    # _precision_veto
    if (a.coarse and not a_day and b_day) or (b.coarse and not b_day and a_day) or \
            (a.coarse and b.coarse and not a_day and not b_day and not a.coarse & b.coarse):
        return VETO
    # _publication_veto, both ways
    for undated, dated in ((a, b), (b, a)):
        if not undated.days and undated.published is not None and dated.days:
            lag = undated.published - dated.days[0]
            if lag < -WINDOW_DAYS or lag > LATE_REPORT_DAYS:
                return VETO
    # _date_similarity; a gap past the window is a veto, so nothing else needs computing
    both_dated = bool(a_day) and bool(b_day)
    if both_dated:
        gap = abs(a_day[0] - b_day[0]) if len(a_day) == 1 == len(b_day) else \
            min(abs(x - y) for x in a_day for y in b_day)
        if gap > WINDOW_DAYS:
            return VETO
        date_sim = _DAY_SIM[gap]
    elif a.anchor is not None and b.anchor is not None:
        gap = abs(a.anchor - b.anchor)
        if gap > 4 * WINDOW_DAYS:
            return VETO
        date_sim = _PUBLISHED_SIM.get(gap, 0.4)
    else:
        date_sim = 0.4
    # term_similarity
    shared = a.term_keys & b.term_keys
    if shared:
        at, bt = a.terms, b.terms
        inter = sum(min(at[t], bt[t]) for t in shared)
        small = min(a.term_total, b.term_total)
        terms = min(1.0, 1.6 * (inter / small if small else 0.0))
    else:
        terms = 0.0
    if date_sim < 0.5 and date_sim > 0 and both_dated and terms < 0.5:
        return VETO
    if a.countries and b.countries and not a.countries & b.countries and terms < 0.5:
        return VETO
    # _place_similarity and _incident_distance in one pass: event sites lead both point lists
    if a.points and b.points:
        place_sim, nearest, sites = 0.0, math.inf, math.inf
        a_sites, b_sites = a.n_sites, b.n_sites
        for i, (lat1, lon1, cos1, wa) in enumerate(a.points):
            for j, (lat2, lon2, cos2, wb) in enumerate(b.points):
                h = math.sin((lat2 - lat1) / 2) ** 2 + cos1 * cos2 * math.sin((lon2 - lon1) / 2) ** 2
                d = 12742.0 * math.asin(min(1.0, math.sqrt(h)))
                if d < nearest:
                    nearest = d
                if i < a_sites and j < b_sites and d < sites:
                    sites = d
                if d < RADIUS_KM:          # further away the similarity is 0.0, which changes no maximum
                    sim = 1.0 if d <= 10 else max(0.0, 1.0 - (d - 10) / (RADIUS_KM - 10))
                    sim *= min(1.0, (min(wa, wb) + 1.0) / 3.0)
                    if sim > place_sim:
                        place_sim = sim
        has_sites = a_sites > 0 and b_sites > 0
    else:
        place_sim, nearest, has_sites = 0.3, None, False
    if not has_sites and place_sim < 0.3:
        place_sim = 0.3
    if has_sites and sites > FAR_KM and nearest > FAR_KM and terms < 0.6:
        return VETO
    # _type_similarity and _jaccard of actors
    if not a.types or not b.types:
        type_sim = 0.4
    elif a.sub0 == b.sub0:
        type_sim = 1.0
    elif a.types & b.types:
        type_sim = 0.7
    elif a.types & _VIOLENT and b.types & _VIOLENT:
        type_sim = 0.6
    else:
        type_sim = 0.0
    common = len(a.actors & b.actors)
    union = len(a.actors) + len(b.actors) - common
    actors = common / union if union else 0.0
    w = _W_CROSS if a.language != b.language and not (a.has_incidents and b.has_incidents) else _W
    score = sum((w[0] * place_sim, w[1] * date_sim, w[2] * terms, w[3] * type_sim, w[4] * actors))
    if date_sim < 1.0 and both_dated and type_sim < 1.0:
        score -= 0.1
    fa, fb = a.fatalities, b.fatalities
    if fa is not None and fb is not None and (fa == 0) != (fb == 0):
        score -= 0.15
    return round(score, 4)


def candidate_pairs(query: Sequence[Profile], stored: Sequence[Profile], same: bool) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (q, s) where a query key of `query[q]` is a stored key of `stored[s]`, each once.

    With `same` (both sequences the same profiles) a pair is symmetric: it comes back once as
    (lo, hi) with lo < hi, found from either side. Pairs whose dates settle them are included;
    `by_dates` finds those."""
    postings: dict[str, list[int]] = {}
    for j, p in enumerate(stored):
        for k in stored_keys(p):
            postings.setdefault(k, []).append(j)
    asked: dict[str, list[int]] = {}
    for i, p in enumerate(query):
        for k in query_keys(p):
            if k in postings:
                asked.setdefault(k, []).append(i)
    qs, ss = [], []
    for k, who in asked.items():
        found = postings[k]
        qs.append(np.repeat(np.array(who, dtype=np.int64), len(found)))
        ss.append(np.tile(np.array(found, dtype=np.int64), len(who)))
    if not qs:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    q, s = np.concatenate(qs), np.concatenate(ss)
    if same:
        keep = q != s
        q, s = np.minimum(q[keep], s[keep]), np.maximum(q[keep], s[keep])
    code = np.unique(q * len(stored) + s)        # sorted: the pairs come back in a stable order
    return code // len(stored), code % len(stored)


def day_arrays(profiles: Sequence[Profile]) -> np.ndarray:
    """Per profile: its first and last main day as ordinals (-1 when it has none) and whether it
    is a copy; the columns `by_dates` reads."""
    out = np.full((len(profiles), 3), -1, dtype=np.int64)
    for k, p in enumerate(profiles):
        days = p.main_days()          # at most two: the lead event's day, or the two the text names most
        if days:
            out[k, 0], out[k, 1] = days[0].toordinal(), days[-1].toordinal()
        out[k, 2] = p.duplicate_of is not None
    return out


def by_dates(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """What dates alone settle for the pairs whose `day_arrays` rows are `a` and `b`: (values, todo).

    0.0 where both lead days are more than PLAUSIBLE_DAYS apart: clustering has never scored such a
    pair and keeps 0.0 for it (it would be vetoed). -1.0 where `pair_value` would return VETO for
    the date gap (both dated, no copy involved, nearest days past the window). `todo` marks the
    rest, for `pair_value`."""
    dated = (a[:, 0] >= 0) & (b[:, 0] >= 0)
    far = dated & (np.abs(a[:, 0] - b[:, 0]) > PLAUSIBLE_DAYS)
    gap = np.minimum(np.minimum(np.abs(a[:, 0] - b[:, 0]), np.abs(a[:, 0] - b[:, 1])),
                     np.minimum(np.abs(a[:, 1] - b[:, 0]), np.abs(a[:, 1] - b[:, 1])))
    vetoed = dated & ~far & (a[:, 2] == 0) & (b[:, 2] == 0) & (gap > WINDOW_DAYS)
    values = np.where(vetoed, VETO, 0.0)
    return values, ~(far | vetoed)

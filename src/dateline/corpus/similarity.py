"""Whether two documents report the same incident: one score from place, date, terms and type.

Responsible for the pairwise verdict between two `Profile`s, with the reasons a reader can check.
Not responsible for finding candidates (`profile` blocking keys) or for clustering (`stories`).

The score is deliberately independent of the rest of the corpus (no IDF, no corpus statistics), so
adding documents never changes the score of a pair already seen: that is what lets an incremental
update give the same stories as a full recompute. Actors and sub-event types weigh little, because
outlets that disagree on who did it (rebel rockets or regime jets) still report one incident.

Clustering scores through `pairs.pair_value`, a fast copy of `score_pair` that must stay
bit-identical to it: change the two together (tests/corpus/test_pairs.py compares them).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from ..geo import haversine_km
from .profile import Profile

LATE_REPORT_DAYS = 60      # an undated text published later than this after an incident is not its report
WINDOW_DAYS = 3           # reports more than this far apart in incident date are different incidents
RADIUS_KM = 50            # places further apart than this are different sites
FAR_KM = 150
THRESHOLD = 0.5           # average-link merge threshold
WEIGHTS = {"place": 0.3, "date": 0.2, "terms": 0.35, "type": 0.1, "actors": 0.05}
CROSS_LANGUAGE_WEIGHTS = {"place": 0.5, "date": 0.3, "terms": 0.2}
_DAY_SIM = {0: 1.0, 1: 0.7, 2: 0.3, 3: 0.1}
_PUBLISHED_SIM = {0: 0.7, 1: 0.6, 2: 0.5}
# Event types that one outlet may code where another codes the other (a massacre as an Attack or an
# Armed clash; a bombing as Explosions or Violence against civilians).
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@dataclass(frozen=True)
class PairScore:
    score: float
    parts: dict[str, float]
    veto: str | None = None

    def __bool__(self) -> bool:
        return self.veto is None and self.score >= THRESHOLD


def score_pair(a: Profile, b: Profile) -> PairScore:
    if a.duplicate_of == b.document_id or b.duplicate_of == a.document_id or (
            a.duplicate_of and a.duplicate_of == b.duplicate_of):
        return PairScore(1.0, {"duplicate": 1.0})
    veto = _precision_veto(a, b)
    date_sim, date_veto = _date_similarity(a, b)
    place_sim, distance = _place_similarity(a, b)
    terms = term_similarity(a.terms, b.terms)
    sites = _incident_distance(a, b)
    if sites is None and place_sim < 0.3:
        place_sim = 0.3      # only passing mentions on one side: no evidence either way
    parts = {"place": place_sim, "date": date_sim, "terms": terms, "type": _type_similarity(a, b),
             "actors": _jaccard(set(a.actors), set(b.actors))}
    weights = WEIGHTS
    if a.language != b.language and not (a.incidents and b.incidents):
        # Across languages without coded events, names, types and actors cannot be compared:
        # judge on place and date, and on what numbers and names the two texts still share.
        weights = CROSS_LANGUAGE_WEIGHTS
    score = sum(weights.get(k, 0.0) * v for k, v in parts.items())
    veto = veto or date_veto or _publication_veto(a, b) or _publication_veto(b, a)
    if veto is None and parts["date"] < 0.5 and date_sim > 0 and _both_dated(a, b) and terms < 0.5:
        veto = "incident dates two or more days apart and little text in common"
    if parts["date"] < 1.0 and _both_dated(a, b) and parts["type"] < 1.0:
        # A day apart and coded differently: in one city that is more often the next incident
        # (rockets the day after a strike) than the same one told twice.
        score -= 0.1
    if _toll_conflict(a, b):
        # 'No casualties' against a death toll: one outlet may undercount, but not to nothing.
        score -= 0.15
    if veto is None and sites is not None and sites > FAR_KM and distance is not None and distance > FAR_KM \
            and terms < 0.6:
        veto = f"places {distance:.0f} km apart"
    if veto is None and a.countries and b.countries and not set(a.countries) & set(b.countries) \
            and terms < 0.5:
        veto = "no country in common"
    return PairScore(round(score, 4), {k: round(v, 3) for k, v in parts.items()}, veto)


def _publication_veto(undated: Profile, dated: Profile) -> str | None:
    """A text with no dated incident of its own cannot be reporting one that happened long before
    it was published (or after): a retrospective that names an old massacre is not its news."""
    published = published_day(undated)
    if undated.main_days() or published is None or not dated.main_days():
        return None
    incident = dated.main_days()[0]
    if published < incident - timedelta(days=WINDOW_DAYS) or (published - incident).days > LATE_REPORT_DAYS:
        return "published long after (or before) the other's incident, with no incident of its own"
    return None


def published_day(p: Profile) -> date | None:
    """The publication date, a month's first day when only the month is known."""
    text = p.published or ""
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else \
            date.fromisoformat(text[:7] + "-01") if len(text) >= 7 else None
    except ValueError:
        return None


def _both_dated(a: Profile, b: Profile) -> bool:
    return bool(a.main_days()) and bool(b.main_days())


def _toll_conflict(a: Profile, b: Profile) -> bool:
    fa = a.incidents[0].fatalities if a.incidents else None
    fb = b.incidents[0].fatalities if b.incidents else None
    return fa is not None and fb is not None and (fa == 0) != (fb == 0)


def _precision_veto(a: Profile, b: Profile) -> str | None:
    """Events known only to the month or year join only events known to the same precision."""
    a_day, b_day = bool(a.main_days()), bool(b.main_days())
    a_coarse, b_coarse = a.coarse_dates(), b.coarse_dates()
    if a_coarse and not a_day and b_day:
        return "date precision differs (month/year vs day)"
    if b_coarse and not b_day and a_day:
        return "date precision differs (day vs month/year)"
    if a_coarse and b_coarse and not a_day and not b_day and not a_coarse & b_coarse:
        return "different months"
    return None


def _date_similarity(a: Profile, b: Profile) -> tuple[float, str | None]:
    da, db = a.main_days(), b.main_days()
    if da and db:
        gap = min(abs((x - y).days) for x in da for y in db)
        if gap > WINDOW_DAYS:
            return 0.0, f"incident dates {gap} days apart"
        return _DAY_SIM[gap], None
    pa, pb = a.anchor_day(), b.anchor_day()
    if pa and pb:
        gap = abs((pa - pb).days)
        if gap > 4 * WINDOW_DAYS:
            return 0.0, "published far apart"
        # Publication days close together are weak evidence (a text whose dates we cannot read,
        # such as a Russian or Arabic one, still has a dated page).
        return _PUBLISHED_SIM.get(gap, 0.4), None
    return 0.4, None      # unknown on one side: neither evidence for nor against


def _place_similarity(a: Profile, b: Profile) -> tuple[float, float | None]:
    pa, pb = a.points(), b.points()
    if not pa or not pb:
        return 0.3, None
    best_sim, nearest = 0.0, math.inf
    for la, oa, wa in pa:
        for lb, ob, wb in pb:
            d = haversine_km((la, oa), (lb, ob))
            nearest = min(nearest, d)
            sim = 1.0 if d <= 10 else max(0.0, 1.0 - (d - 10) / (RADIUS_KM - 10))
            # A match between the main places counts fully; between two passing mentions, less.
            sim *= min(1.0, (min(wa, wb) + 1.0) / 3.0)
            best_sim = max(best_sim, sim)
    return best_sim, nearest


def _incident_distance(a: Profile, b: Profile) -> float | None:
    """Nearest distance between coded event sites (not passing place mentions); None if unknown."""
    pa = [(i.lat, i.lon) for i in a.incidents if i.lat is not None]
    pb = [(i.lat, i.lon) for i in b.incidents if i.lat is not None]
    if not pa or not pb:
        return None
    return min(haversine_km(x, y) for x in pa for y in pb)


def term_similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """Weighted overlap of salient terms, scaled so that a handful of shared rare names scores high."""
    shared = set(a) & set(b)
    if not shared:
        return 0.0
    inter = sum(min(a[t], b[t]) for t in shared)
    small = min(sum(a.values()), sum(b.values()))
    overlap = inter / small if small else 0.0
    return min(1.0, 1.6 * overlap)


def _type_similarity(a: Profile, b: Profile) -> float:
    ta = {i.event_type for i in a.incidents}
    tb = {i.event_type for i in b.incidents}
    if not ta or not tb:
        return 0.4
    if a.incidents[0].sub_event_type == b.incidents[0].sub_event_type:
        return 1.0
    if ta & tb:
        return 0.7
    if ta & _VIOLENT and tb & _VIOLENT:
        return 0.6
    return 0.0


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0

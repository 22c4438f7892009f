"""One event per real incident inside one document: merging repeated reports of the same event.

Responsible for deciding when two event records of one document describe the same incident (same
event type, compatible actors, compatible place and date) and for folding them into one record
that keeps every evidence span and every fatality claim. A headline or caption event folds into a
body event of the same type whose place it contains ("Yemen" contains "Saada"). Not responsible
for grouping across documents (`dateline.corpus`).
"""
from __future__ import annotations

import re


from ..model import Event
from .fatalities import conservative
from ..geo import haversine_km
from .location import specificity
from .taxonomy import Taxonomy

SAME_PLACE_KM = 25.0


def km(a: dict, b: dict) -> float:
    return haversine_km((a["lat"], a["lon"]), (b["lat"], b["lon"]))


def places_compatible(a: dict | None, b: dict | None) -> bool:
    if a is None or b is None:
        return True
    if a.get("lat") is not None and b.get("lat") is not None and any(
            km(x, y) <= SAME_PLACE_KM for x in _ends(a) for y in _ends(b)):
        return True  # a route ("the Palmyra-Deir Ezzor road") is near either of its towns
    sa, sb = specificity(a), specificity(b)
    if sa == sb == 3:
        return False
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    wide, narrow = (a, b) if sa < sb else (b, a)
    if specificity(wide) == 1:
        return True
    return bool(wide.get("admin1_code")) and wide.get("admin1_code") == narrow.get("admin1_code")


def _ends(place: dict) -> list[dict]:
    return [place, place["route_end"]] if place.get("route_end") else [place]


def dates_compatible(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None or a.time_precision != 1 or b.time_precision != 1:
        return True
    return a.date.start == b.date.start


def actors_compatible(a: Event, b: Event) -> bool:
    def same(x, y):
        return x is None or y is None or x == y
    generic = ("unidentified-armed-group",)
    a1 = None if (a.actor1 or "").startswith(generic) else a.actor1
    b1 = None if (b.actor1 or "").startswith(generic) else b.actor1
    return same(a1, b1) or a1 in b.assoc_actor1 or b1 in a.assoc_actor1 or a1 == b.actor2 and same(a.actor2, b1)


def mergeable(a: Event, b: Event) -> bool:
    return (a.event_type == b.event_type and places_compatible(a.place, b.place)
            and dates_compatible(a, b) and actors_compatible(a, b) and same_development(a, b))


def same_development(a: Event, b: Event) -> bool:
    """Violence at one place is mostly one incident retold; strategic developments are not: a
    group that forms a council and brings in reinforcements did two things. Two of them are one
    only when they have the same sub-type and the same event word ("transferred"/"transferring")."""
    if a.event_type != "Strategic developments":
        return True
    return a.sub_event_type == b.sub_event_type and _stem(a.trigger) == _stem(b.trigger)


_SUFFIX = re.compile(r"(?:ations?|ions?|ings?|ments?|ed|es|s|e)$")


def _stem(word: str | None) -> str:
    """"formed" and "formation", "transferred" and "transferring": one word for the same development."""
    return _SUFFIX.sub("", (word or "").lower())[:5]


def merge_events(events: list[Event], secondary: set[int] | None = None,
                 weak: set[int] | None = None, distinct: set[int] | None = None,
                 anaphoric: set[int] | None = None) -> list[Event]:
    """Fold repeated reports together and return the records in document order.

    `secondary` holds indexes of headline and caption events: they summarise or illustrate the
    story, so they fold into a body record of the same type (else of any type) at a compatible
    place, and stand alone only when the body has no event. `weak` holds indexes of events whose
    only trigger is an outcome ("five of its members were killed", "the death toll rose"): they fold
    into the nearest earlier violent record at a compatible place and date, whatever its type.
    `distinct` holds events the text sets apart ("A second car bomb", "Separately", "Elsewhere"):
    they never fold into an earlier record. `anaphoric` holds events told by a definite noun ("the
    assassination is proof of...", "condemned the attack"): they point back at an incident already
    told, so they fold into the nearest earlier record of the same family (violent or not) unless
    both name specific places that are apart.
    """
    secondary, weak, distinct = secondary or set(), weak or set(), distinct or set()
    anaphoric = (anaphoric or set()) - secondary - distinct
    kept: list[Event] = []
    for i in sorted(set(range(len(events))) - secondary - (weak - distinct), key=lambda i: events[i].evidence[0][0]):
        e = events[i]
        target = None if i in distinct else next((k for k in kept if mergeable(k, e)), None)
        if target is None and i in anaphoric:
            target = _antecedent(kept, e)
            if target is not None:
                _fold(target, e, keep_type=True)
                continue
        if target is None:
            kept.append(e)
        else:
            _fold(target, e)
    for i in sorted(weak - secondary - distinct, key=lambda i: events[i].evidence[0][0]):
        e = events[i]
        earlier = [k for k in kept if k.event_type in VIOLENT_TYPES and k.evidence[0][0] < e.evidence[0][0]
                   and places_compatible(k.place, e.place) and dates_compatible(k, e)]
        if earlier:
            _fold(max(earlier, key=lambda k: k.evidence[0][0]), e, keep_type=True)
        else:
            target = next((k for k in kept if mergeable(k, e)), None)
            if target is None:
                kept.append(e)
            else:
                _fold(target, e)
    body = list(kept)
    for i in sorted(secondary, key=lambda i: events[i].evidence[0][0]):
        e = events[i]
        target = next((k for k in body if mergeable(k, e)), None) or next(
            (k for k in body if places_compatible(k.place, e.place) and dates_compatible(k, e)), None)
        if target is not None:
            _fold(target, e, keep_type=True)
        elif not body:
            kept.append(e)
    kept.sort(key=lambda e: e.evidence[0][0])
    return kept


def _antecedent(kept: list[Event], e: Event) -> Event | None:
    """The nearest earlier record an anaphoric event can point back to."""
    family = e.event_type in VIOLENT_TYPES
    for k in sorted(kept, key=lambda k: -k.evidence[0][0]):
        if k.evidence[0][0] >= e.evidence[0][0] or (k.event_type in VIOLENT_TYPES) != family:
            continue
        apart = (k.place and e.place and specificity(k.place) == specificity(e.place) == 3
                 and not places_compatible(k.place, e.place))
        return None if apart else k
    return None


VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


def _fold(into: Event, other: Event, keep_type: bool = False) -> None:
    for span in other.evidence:
        if span not in into.evidence:
            into.evidence.append(span)
    if not keep_type and other.event_type == into.event_type and \
            other.sub_event_type != into.sub_event_type and other.confidence > into.confidence + 0.2:
        into.sub_event_type = other.sub_event_type
    if keep_type and other.event_type != into.event_type:
        _add_claims(into, other)  # another reading of the same incident: keep its spans and tolls only
        return
    into.confidence = max(into.confidence, other.confidence)
    if into.actor1 is None or (into.actor1 or "").startswith("unidentified-armed-group") and other.actor1 \
            and not other.actor1.startswith("unidentified-armed-group"):
        if other.actor1:
            into.actor1, into.actor1_name, into.inter1 = other.actor1, other.actor1_name, other.inter1
    if into.actor2 is not None and into.actor2 == into.actor1:
        # the other report named the agent this one had as the target: one actor is never both sides
        into.actor2, into.actor2_name, into.inter2 = None, None, None
    if into.actor2 is None and other.actor2 and other.actor2 != into.actor1:
        into.actor2, into.actor2_name, into.inter2 = other.actor2, other.actor2_name, other.inter2
    for a in other.assoc_actor1:
        if a not in into.assoc_actor1 and a not in into.assoc_actor2:
            into.assoc_actor1.append(a)
    into.assoc_actor1 = [a for a in into.assoc_actor1 if a not in (into.actor1, into.actor2)]
    into.assoc_actor2 = [a for a in into.assoc_actor2 if a not in (into.actor1, into.actor2)]
    if into.inter1 or into.inter2:
        into.interaction = Taxonomy.interaction(into.inter1, into.inter2)
    if _more_specific(other, into):
        into.place, into.location_text = other.place, other.location_text
        into.location_start, into.location_end = other.location_start, other.location_end
    if (into.time_precision or 9) > (other.time_precision or 9):
        into.date, into.date_text, into.time_precision = other.date, other.date_text, other.time_precision
    _add_claims(into, other)


def _add_claims(into: Event, other: Event) -> None:
    seen = {(c.get("start"), c.get("end")) for c in into.claims}
    into.claims.extend(c for c in other.claims if (c.get("start"), c.get("end")) not in seen)
    refresh_fatalities(into)


def _more_specific(a: Event, b: Event) -> bool:
    if a.place is None:
        return False
    if b.place is None:
        return True
    return specificity(a.place) > specificity(b.place)


def refresh_fatalities(e: Event) -> None:
    fat, low, high, claimant = conservative(e.claims)
    e.fatalities, e.fatalities_low, e.fatalities_high, e.fatalities_claimant = fat, low, high, claimant

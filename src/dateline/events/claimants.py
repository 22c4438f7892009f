"""The doer of an attack its own sentence leaves unnamed, read from the claims and blame elsewhere in
the same document.

Responsible for: giving an event whose actor1 is an unidentified armed group the named armed group
that another sentence of the document says claimed the attack ("Daesh Khorasan claimed the attack
through its Amaq channel") or was blamed for it ("the president blamed al-Shabaab", "the bombing was
blamed on the Pakistani Taliban"), as ACLED codes a claimed or officially blamed attack. The other
actors of the event stay as they are. Not responsible for claims told in the event's own sentence
(`arguments` reads those as the agent), for judging whether a claim is true, or for anything across
documents (`dateline.corpus`).

Read from the document text around each mention of a named armed group, never token by token over
the whole document: claim sentences are few and the words that tell them sit next to the name.
"""
from __future__ import annotations

import re
from typing import Callable

from ..model import Event
from .role_cues import CLAIMS

# What may claim or be blamed for an attack: armed groups, not states (whose attacks their own
# sentences name) nor parties, media or civilians.
CLAIMANT_KINDS = frozenset({"rebel_group", "political_militia", "identity_militia"})
ATTACKS = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
UNIDENTIFIED = "unidentified-"

# "the president blamed al-Shabaab", "was blamed on the Pakistani Taliban", "claimed by ISIS-K":
# the words right before a name that make it the attack's doer.
_BLAMED_BEFORE = re.compile(
    r"\b(?:blam(?:ed|ing)|(?:blamed|attributed|pinned)\s+(?:it|(?:the|this|that)\s+(?:\w+\s+){0,2}?"
    r"(?:attack|bombing|blast|killing|killings|massacre|assault|ambush|explosion|raid)s?)\s+on|"
    r"(?:blamed|pinned)\s+on|attributed\s+to|claimed\s+by|carried\s+out\s+by|"
    r"responsibility\s+(?:lies|lay|rests|rested)\s+with)\s+(?:the\s+)?"
    r"(?:(?:militant|armed|jihadist|islamist|insurgent|rebel|extremist|terrorist)\s+)?(?:group\s+|movement\s+)?$",
    re.IGNORECASE)
# "al-Shabaab was widely blamed": the name before a passive of blame.
_BLAMED_AFTER = re.compile(r"^(?:was|were|is|are|has been|have been|had been)\s+(?:\w+\s+)?blamed\b", re.IGNORECASE)
# A claim or blame denied or still missing is none: "al-Shabaab has not claimed", "did not blame".
_NEGATION = re.compile(r"\b(?:not|n't|never|no|denied|denies|deny|rejected|rejects)\b", re.IGNORECASE)
# "blaming the YPG, which denied involvement": a blame its target denies in the same breath
_DENIED_AFTER = re.compile(r"^,?\s*(?:which|who|but (?:it|they|the group))?\s*(?:has |have |had )?(?:\w+ly )?"
                           r"(?:denied|denies|rejected|rejects)\b", re.IGNORECASE)
_REACH = 60


def claimed_by(text: str, mentions: list, actors: dict[str, dict]) -> list[tuple[int, str]]:
    """(document offset, actor id) of every named armed group the text says claimed an attack or
    was blamed for one."""
    out = []
    for m in mentions:
        rec = actors.get(m.actor or "")
        if not rec or rec.get("kind") not in CLAIMANT_KINDS or str(m.actor).startswith(UNIDENTIFIED):
            continue
        after = text[m.end:m.end + _REACH].lstrip()
        before = text[max(0, m.start - _REACH):m.start]
        if _DENIED_AFTER.match(after):
            continue
        said = CLAIMS.match(after) or _BLAMED_AFTER.match(after)
        if said and not _NEGATION.search(after[:said.end()]):
            out.append((m.start, m.actor))
            continue
        blamed = _BLAMED_BEFORE.search(before)
        if blamed and not _NEGATION.search(before[max(0, blamed.start() - 20):blamed.start()]):
            out.append((m.start, m.actor))
    return out


def credit_claimed_attacks(events: list[Event], text: str, resolved,
                           interaction: Callable[[int | None, int | None], int]) -> list[Event]:
    """`events` with each unidentified attacker replaced by the group the document says claimed or was
    blamed for the attack: the nearest such claim to the event's sentence when several groups are
    named. `resolved` gives `mentions` and the `actors` records; `interaction` turns two inter codes
    into ACLED's interaction code."""
    open_events = [e for e in events if e.event_type in ATTACKS and (e.actor1 or "").startswith(UNIDENTIFIED)]
    if not open_events:
        return events
    claims = claimed_by(text, [m for m in resolved.mentions if m.actor], resolved.actors)
    for e in open_events:
        at = e.evidence[0][0] if e.evidence else (e.trigger_start or 0)
        group = min(claims, key=lambda c: abs(c[0] - at), default=(None, None))[1]
        if group is None or group == e.actor2:
            continue
        rec = resolved.actors[group]
        e.actor1, e.actor1_name, e.inter1 = group, rec.get("name"), rec.get("inter")
        e.assoc_actor1 = [a for a in e.assoc_actor1 if a != group]
        if e.inter1 or e.inter2:
            e.interaction = interaction(e.inter1, e.inter2)
    return events

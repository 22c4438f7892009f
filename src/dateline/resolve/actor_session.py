"""One document's actor resolution: the `Match` every resolver step returns, the per-document
`ActorSession` (acronyms learned from "Name (ACR)", recent actors) and the anaphora links
("the group", "the militants") it makes from those recent actors.

The session wraps an `ActorResolver` (`dateline.resolve.actors`) and adds only what needs memory
of the document so far; the cascade itself, with no memory, is the resolver's. `Match` lives here,
at the bottom of the actor modules, because every one of them returns it.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dateline.resolve.actor_packs import Actor, acronym_key, alias_key, is_acronym

if TYPE_CHECKING:
    from dateline.resolve.actors import ActorResolver

__all__ = ["Match", "METHODS", "ActorSession", "AnaphoraTracker", "link_anaphor"]

METHODS = ("exact", "normalised", "acronym", "metonym", "generic", "fuzzy", "provisional", "anaphora")
DETERMINERS = {"its", "their", "his", "her", "this", "that", "these", "those"}


@dataclass(frozen=True)
class Match:
    """An actor found for a surface string, how it was found, and how sure that is (0-1)."""
    actor: Actor
    method: str
    score: float


class AnaphoraTracker:
    """Recent actors of one document, most recent first, for "the group", "the militia"."""

    def __init__(self, table: Mapping[str, Mapping[str, Any]], memory: int = 8):
        self.table = table
        self.recent: deque[Actor] = deque(maxlen=memory)

    def observe(self, actor: Actor) -> None:
        if actor in self.recent:
            self.recent.remove(actor)
        self.recent.appendleft(actor)

    def link(self, phrase: str) -> Match | None:
        return link_anaphor(phrase, list(self.recent), self.table)


def link_anaphor(phrase: str, recent_actors: Iterable[Actor],
                 table: Mapping[str, Mapping[str, Any]]) -> Match | None:
    """The most recent actor compatible with an anaphoric `phrase`, or None.

    `recent_actors` is most-recent-first; `table` is `ActorPack.wording.anaphora`.
    """
    tokens = [t for t in alias_key(phrase).split() if t not in DETERMINERS]
    rule = table.get(" ".join(tokens)) or (table.get(tokens[-1]) if tokens else None)
    if not rule:
        return None
    kinds = set(rule.get("kinds", ()))
    fits = [a for a in recent_actors if a.kind in kinds
            and (not rule.get("name_has") or rule["name_has"].casefold() in a.name.casefold())]
    tag = rule.get("prefer_tag")
    preferred = [a for a in fits if tag and tag in a.tags]
    chosen = (preferred or fits or [None])[0]
    return Match(chosen, "anaphora", 0.4) if chosen else None


class ActorSession:
    """One document's resolution state. Not shared between documents or threads."""

    def __init__(self, resolver: ActorResolver, *, country_hint: str | None = None, memory: int = 8):
        self.resolver = resolver
        self.country_hint = country_code(country_hint)
        self.learned: dict[str, Actor] = {}
        self.tracker = AnaphoraTracker(resolver.pack.wording.anaphora, memory)

    def resolve(self, surface: str, *, context: str | None = None,
                country_hint: str | None = None) -> Match | None:
        hint = country_code(country_hint) or self.country_hint
        m = None
        if self._definite_nonstate(surface) or self._definite_in(surface, context):
            # "the militants" after "al-Shabaab" is al-Shabaab, not an unidentified group.
            m = self.tracker.link(surface)
        if m is None:
            m = self._described_collective(surface)
        if m is None:
            m = self.resolver._resolve(surface, context, hint, self.learned, None)
        if m is None and self._anaphoric(surface):
            m = self.tracker.link(surface)
        if m is not None:
            self.tracker.observe(m.actor)
        return m

    def resolve_or_provisional(self, surface: str, *, context: str | None = None,
                               country_hint: str | None = None) -> Match:
        hint = country_code(country_hint) or self.country_hint
        m = self.resolve(surface, context=context, country_hint=hint)
        if m is not None:
            return m
        prov = self.resolver.resolve_or_provisional(surface, context=context, country_hint=hint)
        if is_acronym(surface) and prov.method == "provisional":
            self.learned[acronym_key(surface)] = prov.actor
        paren = re.fullmatch(r"(.+?)\s*\(([^()]+)\)\s*", surface.strip())
        if paren and is_acronym(paren.group(2)):
            self.learned[acronym_key(paren.group(2))] = prov.actor
        self.tracker.observe(prov.actor)
        return prov

    def link(self, phrase: str) -> Match | None:
        m = self.tracker.link(phrase)
        return m

    def _described_collective(self, surface: str) -> Match | None:
        """"gunmen" after "armed terrorist groups" (state media's unnamed rebels) are those rebels.

        A bare perpetrator word ("gunmen", "armed men", "assailants") names an unidentified armed
        group, unless the document has just named an unspecified collective of the same sort; words
        that insist on the unknown ("unidentified gunmen", "unknown assailants") always stay generic.
        """
        key = alias_key(surface)
        words = [t for t in key.split() if t not in DETERMINERS]
        if not words or words[0] in ("unidentified", "unknown", "suspected") \
                or self.resolver._heads.get(" ".join(words)) != "unidentified":
            return None
        recent = next((a for a in self.tracker.recent if a.kind in ("rebel_group", "political_militia")), None)
        if recent is not None and "(unspecified)" in recent.name:
            return Match(recent, "anaphora", 0.4)
        return None

    def _definite_nonstate(self, surface: str) -> bool:
        words = surface.strip().split()
        if len(words) < 2 or words[0].casefold() not in {"the", *DETERMINERS}:
            return False
        rule = self.tracker.table.get(alias_key(" ".join(words[1:])))
        return bool(rule) and not set(rule.get("kinds", ())) & {"state_forces", "government"}

    def _definite_in(self, surface: str, context: str | None) -> bool:
        """NER often leaves "the" out of the span: "militants" in "the militants' last stronghold"
        is as definite as "the militants" when every occurrence in `context` has a determiner."""
        words = surface.strip().split()
        if not context or not words or words[0].casefold() in {"the", *DETERMINERS} \
                or not self._definite_nonstate("the " + surface.strip()):
            return False
        occurrences = list(re.finditer(r"(?<!\w)" + re.escape(surface.strip()) + r"(?!\w)", context))
        dets = "|".join(["the", *DETERMINERS])
        return bool(occurrences) and all(
            re.search(r"(?:^|\W)(?:" + dets + r")\s+$", context[max(0, o.start() - 8):o.start()], re.IGNORECASE)
            for o in occurrences)

    def _anaphoric(self, surface: str) -> bool:
        tokens = [t for t in alias_key(surface).split() if t not in DETERMINERS]
        return bool(tokens) and (" ".join(tokens) in self.tracker.table)


def country_code(hint: str | None) -> str | None:
    """A country hint as the packs key it (ISO alpha-2, upper case)."""
    return hint.upper() if hint else None

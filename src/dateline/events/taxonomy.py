"""ACLED's event taxonomy, loaded from shipped data (`resources/taxonomy/acled.yaml`).

Responsible for: the 3 disorder types, 6 event types, 25 sub-event types, the 8 actor categories
with their inter codes, the interaction-code and civilian-targeting rules, and the PLOVER mapping.
Not responsible for: deciding which sub-type a text reports (`events.classifier`) or reweighting by
actors (`events.coding_rules`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import yaml

from dateline.resources import resource_path


def default_taxonomy_path() -> Path:
    return resource_path("taxonomy", "acled.yaml")


@dataclass(frozen=True)
class ActorCategory:
    inter: int
    name: str
    kind: str
    kinds: tuple[str, ...]  # the actor kinds this category covers (dateline's resolve kinds)
    definition: str


@dataclass(frozen=True)
class SubEventType:
    name: str
    event_type: str
    disorder_type: str
    definition: str
    triggers: tuple[str, ...]
    actor1: tuple[str, ...] | None  # None: no constraint on the kind
    actor2: tuple[str, ...] | None  # () means the sub-type has no second actor
    lethal: bool
    plover_type: str
    plover_mode: str | None


@dataclass(frozen=True)
class Taxonomy:
    version: int
    disorder_types: Mapping[str, str]
    event_types: Mapping[str, str]  # event type -> disorder type
    event_type_definitions: Mapping[str, str]
    sub_event_types: Mapping[str, SubEventType]
    actor_categories: tuple[ActorCategory, ...]
    civilian_targeting_event_types: frozenset[str]
    plover_without_acled: frozenset[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Taxonomy":
        """Read the taxonomy YAML (the shipped one by default) and check it is consistent."""
        data = yaml.safe_load(Path(path or default_taxonomy_path()).read_text(encoding="utf-8"))
        event_types = {name: spec["disorder_type"] for name, spec in data["event_types"].items()}
        subs = {}
        for name, spec in data["sub_event_types"].items():
            etype = spec["event_type"]
            if etype not in event_types:
                raise ValueError(f"sub-event type {name!r} names unknown event type {etype!r}")
            subs[name] = SubEventType(
                name=name, event_type=etype, disorder_type=event_types[etype],
                definition=spec["definition"], triggers=tuple(spec.get("triggers") or ()),
                actor1=_kinds(spec.get("actor1")), actor2=_kinds(spec.get("actor2")),
                lethal=bool(spec.get("lethal")), plover_type=spec["plover"]["type"],
                plover_mode=spec["plover"].get("mode"))
        cats = tuple(ActorCategory(inter=int(c["inter"]), name=c["name"], kind=c["kind"],
                                   kinds=tuple(c.get("covers") or (c["kind"],)), definition=c["definition"])
                     for c in data["actor_categories"])
        for etype, disorder in event_types.items():
            if disorder not in data["disorder_types"]:
                raise ValueError(f"event type {etype!r} names unknown disorder type {disorder!r}")
        return cls(
            version=int(data["version"]),
            disorder_types=MappingProxyType(dict(data["disorder_types"])),
            event_types=MappingProxyType(event_types),
            event_type_definitions=MappingProxyType(
                {name: spec["definition"] for name, spec in data["event_types"].items()}),
            sub_event_types=MappingProxyType(subs),
            actor_categories=cats,
            civilian_targeting_event_types=frozenset(data.get("civilian_targeting_event_types") or ()),
            plover_without_acled=frozenset(data.get("plover_without_acled") or ()))

    @property
    def sub_event_names(self) -> tuple[str, ...]:
        return tuple(self.sub_event_types)

    def sub(self, name: str) -> SubEventType:
        try:
            return self.sub_event_types[name]
        except KeyError:
            raise KeyError(f"not an ACLED sub-event type: {name!r}") from None

    def event_type_of(self, sub_event_type: str) -> str:
        return self.sub(sub_event_type).event_type

    def disorder_type_of(self, sub_event_type: str) -> str:
        return self.sub(sub_event_type).disorder_type

    def plover_of(self, sub_event_type: str) -> str:
        return self.sub(sub_event_type).plover_type

    def category_of_kind(self, kind: str | None) -> ActorCategory | None:
        """The ACLED actor category an actor kind (`state_forces`, `ngo`…) falls in."""
        if kind is None:
            return None
        return next((c for c in self.actor_categories if kind in c.kinds or kind == c.name), None)

    def inter_code(self, kind: str | None) -> int | None:
        category = self.category_of_kind(kind)
        return category.inter if category else None

    @staticmethod
    def interaction(inter1: int | None, inter2: int | None = None) -> int:
        """ACLED interaction code: the two inter codes sorted into a two-digit number; one actor: 10·inter."""
        codes = sorted(c for c in (inter1, inter2) if c)
        if not codes:
            raise ValueError("an interaction needs at least one inter code")
        if any(not 1 <= c <= 8 for c in codes):
            raise ValueError(f"inter codes run from 1 to 8, got {codes}")
        return codes[0] * 10 if len(codes) == 1 else codes[0] * 10 + codes[1]

    def civilian_targeting(self, sub_event_type: str, actor2_kind: str | None) -> bool:
        """Political violence aimed at civilians: the victim side (actor2) is in the Civilians category."""
        sub = self.sub(sub_event_type)
        if sub.event_type == "Violence against civilians":
            return True
        return sub.event_type in self.civilian_targeting_event_types and actor2_kind == "civilians"


def _kinds(value) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)

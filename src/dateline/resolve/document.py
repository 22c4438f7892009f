"""Resolve one document's mentions: places to the gazetteer, organisations to actors.

Responsible for the order of decisions inside a document: places first (they give the document's
country), then actors with that country as context, in reading order so that acronyms defined in
the text and anaphora ("the group") link to what came before. Place mentions are repaired first
(`place_mentions`: spans widened to "northern Syria", names the model mislabelled relabelled as
places when no actor pack knows them and the gazetteer does).

Not responsible for finding mentions (annotate) or for dates, quotes and figures.
"""
from __future__ import annotations

import re

from dataclasses import asdict, dataclass, field
from typing import Any

from ..model import Document, Mention
from .actor_packs import Actor, ActorPack
from .actors import ActorResolver
from .gazetteer import Gazetteer
from .place_mentions import PlaceMentionRepair
from .places import PLACE_LABELS, PlaceLinker, place_record

ACTOR_LABELS = frozenset({"ORG", "NORP"})
# People are not actors, but metonyms are ("Assad" for the government): only strong matches count.
STRONG_METHODS = frozenset({"exact", "normalised", "acronym"})
_STATE_KINDS = frozenset({"state_forces", "government", "external_force"})


def actor_record(actor: Actor) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, "kind": actor.kind, "inter": actor.inter,
            "country": actor.country, "parent": actor.parent, "wikidata": actor.wikidata,
            "provisional": actor.provisional, "pack": actor.pack}


@dataclass
class Resolved:
    mentions: list[Mention]
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"mentions": [asdict(m) for m in self.mentions], "actors": self.actors, "country": self.country}


class DocumentResolver:
    def __init__(self, pack: ActorPack, gazetteer: Gazetteer):
        self.pack = pack
        self.actors = ActorResolver(pack)
        self.gazetteer = gazetteer
        self.places = PlaceLinker(gazetteer)
        self._actor_methods: dict[str, tuple[str | None, Actor | None]] = {}
        self.repair = PlaceMentionRepair(gazetteer, pack.countries, actor_method=self._actor_method)

    def _actor_match(self, text: str) -> tuple[str | None, Actor | None]:
        """How the packs know a name without context ("exact", "fuzzy"…) and as whom, memoised:
        packs don't change."""
        if text not in self._actor_methods:
            if len(self._actor_methods) >= 50_000:
                self._actor_methods.clear()
            match = self.actors.resolve(text)
            self._actor_methods[text] = (match.method, match.actor) if match is not None else (None, None)
        return self._actor_methods[text]

    def _actor_method(self, text: str) -> str | None:
        return self._actor_match(text)[0]

    def _actor_votes(self, mentions: list[Mention]) -> dict[str, float]:
        """Half a vote for the story's country from each armed group or militia named by its own
        name ("the SDF", "Houthi", "al-Shabaab"): a short report may name no other place than a
        village that several countries have. States' forces do not vote: they fight abroad; nor does
        a name two countries' packs share."""
        votes: dict[str, float] = {}
        seen: set[str] = set()
        for m in mentions:
            if m.label != "ORG" or m.source in ("pronoun", "nominal"):
                continue
            method, actor = self._actor_match(m.text)
            if actor is None or method not in STRONG_METHODS or actor.id in seen or not actor.country \
                    or actor.kind in _STATE_KINDS or actor.provisional or self.actors.shared_abroad(m.text, actor):
                continue
            seen.add(actor.id)
            votes[actor.country] = votes.get(actor.country, 0.0) + 0.5
        return votes

    def resolve(self, doc: Document, mentions: list[Mention]) -> Resolved:
        names = self.places.voting_names([m for m in mentions if m.label in PLACE_LABELS], doc.text)
        actor_votes = self._actor_votes(mentions)
        country = self.places.document_country(names, doc.dateline, actor_votes) if names else None
        mentions = self.repair.repair(doc, mentions, country)
        self.places.link(mentions, dateline=doc.dateline, text=doc.text, votes=actor_votes)
        if country is None:
            placed = [m.place["country"] for m in mentions if m.place and m.place.get("country")]
            country = max(set(placed), key=placed.count) if placed else None
        session = self.actors.session(country_hint=country)
        actors: dict[str, dict[str, Any]] = {}
        for m in sorted(mentions, key=lambda m: m.start):
            if m.label in PLACE_LABELS or m.source in ("pronoun", "nominal"):
                continue
            context = _paragraph_of(doc, m.start)
            if m.label == "ORG":
                match = session.resolve_or_provisional(m.text, context=context)
            elif m.label in ("NORP", "PERSON"):
                if m.label == "NORP" and _CIVILIAN_HEAD.match(doc.text, m.end):
                    continue  # "a Russian journalist" is a person of that nationality, not its army
                match = session.resolve(m.text, context=context)
                if match is not None and m.label == "PERSON" and match.method not in STRONG_METHODS:
                    match = None
            else:
                continue
            if match is not None:
                m.actor = match.actor.id
                actors.setdefault(match.actor.id, actor_record(match.actor))
        return Resolved(mentions, actors, country)


# The nouns after a nationality that make it a person's, not a state's or a group's.
_CIVILIAN_HEAD = re.compile(
    r"[ \t]+(?:[a-z-]+[ \t]+)?(?:journalists?|reporters?|photographers?|camera(?:man|men)|activists?|civilians?|"
    r"aid workers?|(?:humanitarian )?workers?|nationals?|citizens?|tourists?|students?|doctors?|nurses?|"
    r"teachers?|famil(?:y|ies)|wom[ae]n|m[ae]n|child(?:ren)?|boys?|girls?|refugees?|migrants?|pilgrims?|"
    r"priests?|nuns?|businessm[ae]n|engineers?|farmers?|shepherds?|drivers?|traders?|fishermen|"
    r"volunteers?|bloggers?|lawyers?|academics?|researchers?)\b")


def _paragraph_of(doc: Document, pos: int) -> str:
    for p in doc.paragraphs:
        if p.start is not None and p.start <= pos < p.end:
            return p.text
    return doc.text[max(0, pos - 300):pos + 300]


__all__ = ["DocumentResolver", "Resolved", "actor_record", "place_record"]

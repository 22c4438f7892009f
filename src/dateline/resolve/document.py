"""Resolve one document's mentions: places to the gazetteer, organisations to actors.

Responsible for the order of decisions inside a document: places first (they give the document's
country, with votes from the armed groups, home armies and local press the text names), then actors
with that country as context, in reading order so that acronyms defined in the text and anaphora
("the group") link to what came before. Place mentions are repaired first (`place_mentions`: spans
widened to "northern Syria", names the model mislabelled relabelled as places when no actor pack knows
them and the gazetteer does).

Not responsible for finding mentions (annotate) or for dates, quotes and figures.
"""
from __future__ import annotations

import re
from collections import Counter
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
_ABROAD_KINDS = frozenset({"government", "external_force"})
_REPORTER_KINDS = frozenset({"media", "ngo"})
# The vote for the story's country of one actor named (a town named by its own name casts 1.0).
ACTOR_VOTE = 0.5
# A country's organ of war after its name: "Russia's defence ministry", "Turkey's army"
_STATE_ORGAN = re.compile(r"['’]s[ \t]+(?:defen[cs]e[ \t]+ministry|ministry[ \t]+of[ \t]+defen[cs]e|army|military|armed[ \t]+"
                          r"forces|forces|troops|air[ \t]+force|navy|warplanes|jets|general[ \t]+staff)\b", re.I)
# What follows a nationality that makes it the country's forces: "Malian army", "Iraqi troops".
_FORCE_HEAD = re.compile(r"[ \t]+(?:armed[ \t]+forces|security[ \t]+forces|army|troops|forces|soldiers|military|"
                         r"police|gendarmes?|gendarmerie)\b", re.I)


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
        # The countries whose own war the packs cover: their press reports it from inside.
        self._home_armies = frozenset(a.country for a in pack if a.kind == "state_forces" and a.country)
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

    def _named_actors(self, mentions: list[Mention], text: str) -> list[Actor]:
        """The actors the text names that may vote for the story's country, each once: organisations
        named by a strong match, and a country's army named by its nationality ("the Malian army",
        "Nigerian troops"). Not one whose name two countries' packs share."""
        named: dict[str, Actor] = {}
        for m in mentions:
            if m.source in ("pronoun", "nominal") or m.label not in ACTOR_LABELS:
                continue
            method, actor = self._actor_match(m.text)
            if actor is None or actor.id in named or not actor.country or actor.provisional:
                continue
            if m.label == "ORG" and method not in STRONG_METHODS:
                continue
            if m.label == "NORP" and (actor.kind != "state_forces" or not _FORCE_HEAD.match(text, m.end)):
                continue
            if not self.actors.shared_abroad(m.text, actor):
                named[actor.id] = actor
        return list(named.values())

    def _actor_votes(self, mentions: list[Mention], text: str) -> dict[str, float]:
        """Half a vote for the story's country from each actor named (`_named_actors`) that says
        where the events are: a short report may name no other place than a village several
        countries have. An armed group or militia ("the SDF", "Houthi", "al-Shabaab") and a
        country's own army ("the Malian army") do; forces abroad and governments do not, they act
        abroad. An outlet or monitor says where its reporter sits: one with theatres votes for
        those instead (the UK-based Syrian Observatory for Syria), one without for its seat only
        when that is a country whose war the packs cover (SANA for Syria; not Reuters for Britain)."""
        votes: dict[str, float] = {}
        for actor in self._named_actors(mentions, text):
            if actor.kind in _ABROAD_KINDS:
                continue
            seats: tuple[str, ...] = (actor.country,)
            if actor.kind in _REPORTER_KINDS:
                seats = actor.theatres or (seats if actor.country in self._home_armies else ())
            for cc in seats:
                votes[cc] = votes.get(cc, 0.0) + ACTOR_VOTE / len(seats)
        return votes

    def resolve(self, doc: Document, mentions: list[Mention]) -> Resolved:
        names = self.places.voting_names([m for m in mentions if m.label in PLACE_LABELS], doc.text)
        actor_votes = self._actor_votes(mentions, doc.text)
        country = self.places.document_country(names, doc.dateline, actor_votes) if names else None
        mentions = self.repair.repair(doc, mentions, country)
        self.places.link(mentions, dateline=doc.dateline, text=doc.text, votes=actor_votes)
        if country is None:
            placed = [m.place["country"] for m in mentions if m.place and m.place.get("country")]
            country = Counter(placed).most_common(1)[0][0] if placed else None  # a tie: the first named
        session = self.actors.session(country_hint=country)
        actors: dict[str, dict[str, Any]] = {}
        for m in sorted(mentions, key=lambda m: m.start):
            if m.source in ("pronoun", "nominal"):
                continue
            if m.label in PLACE_LABELS:
                # "Russia's defence ministry said its troops ...": the country speaks as its forces
                if _STATE_ORGAN.match(doc.text, m.end) and (m.place or {}).get("feature_code", "").startswith("PCL"):
                    match = session.resolve(f"{m.text}'s military", context=_paragraph_of(doc, m.start))
                    if match is not None and match.actor.kind in ("state_forces", "external_force"):
                        m.actor = match.actor.id
                        actors.setdefault(match.actor.id, actor_record(match.actor))
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

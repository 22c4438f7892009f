"""`ForeignAnalyser`: one non-English document through places, actors, dates, tolls and events.

Responsible for the order of the steps (actors first so their words are not read as places,
then places, dates, tolls, events) and for holding what they share: the lexicons, loaded once per
language on first use, the gazetteer and the packs. Not responsible for the steps themselves.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from ..events.taxonomy import Taxonomy
from ..model import DateMention, Document, Event, Figure, Mention
from ..resolve.actor_packs import ActorPack
from ..resolve.gazetteer import Gazetteer
from .actors import ForeignActors
from .dates import find_foreign_dates
from .events import ForeignEvents, find_tolls, sentences_of
from .lexicon import Lexicon, available_languages, lexicon_path, load_lexicon
from .places import ForeignPlaces


@dataclass
class ForeignResult:
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    dates: list[DateMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


class ForeignAnalyser:
    def __init__(self, pack: ActorPack, gazetteer: Gazetteer, taxonomy: Taxonomy,
                 lexicons: dict[str, Lexicon] | None = None):
        self.languages = frozenset(lexicons) if lexicons is not None else frozenset(available_languages())
        self._lexicons: dict[str, Lexicon | None] = dict(lexicons or {})
        self.actors = ForeignActors(pack)
        self.places = ForeignPlaces(gazetteer)
        self.events = ForeignEvents(taxonomy, pack)

    @property
    def version(self) -> str:
        """A digest of the shipped lexicon files, recorded with each run like the packs' fingerprint."""
        digest = hashlib.sha256()
        for language in sorted(self.languages):
            path = lexicon_path(language)
            if path.is_file():
                digest.update(path.read_bytes())
        return digest.hexdigest()[:16]

    def reads(self, language: str | None) -> bool:
        return language in self.languages

    def lexicon(self, language: str) -> Lexicon | None:
        if language not in self._lexicons:
            self._lexicons[language] = load_lexicon(language)
        return self._lexicons[language]

    def analyse(self, doc: Document) -> ForeignResult:
        lexicon = self.lexicon(doc.language or "")
        if lexicon is None:
            return ForeignResult()
        actor_mentions, actors = self.actors.find(doc.text, lexicon)
        places = self.places.find(doc.text, lexicon, dateline=doc.dateline,
                                  taken=[(m.start, m.end) for m in actor_mentions])
        dates = find_foreign_dates(doc, lexicon.language)
        sentences = sentences_of(doc, lexicon)
        figures = find_tolls(sentences, lexicon, doc.text, dates)
        events = self.events.extract(doc, lexicon, sentences, places, actor_mentions, actors, dates, figures)
        mentions = sorted([*actor_mentions, *places], key=lambda m: (m.start, m.end))
        return ForeignResult(mentions, actors, dates, figures, events)

"""Word lists for the entity rules: what is never a name, and names the model mislabels.

Responsible for: the vocabulary the rules in `entity_rules` consult (kept here as data so a user
can extend or empty it without touching the rules). Not responsible for: actor or place names in
general — those come from the actor packs and gazetteer as ruler patterns.

Every list is lower-case and immutable; the annotator receives a `Stoplist` value, never a global.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Mapping

# Page furniture and capitalised common words that the small model calls GPE/ORG/PERSON when they
# start a line ("Archival", "Related", "Share"). A name is never only one of these words.
NEVER_NAMES: frozenset[str] = frozenset("""
archival archive archives related share shares tweet email e-mail print comments comment reply
advertisement sponsored subscribe update updates photo photos video videos gallery source sources
read more next previous home menu search login register follow like click here top back editor
editorial opinion analysis news breaking exclusive report reports update translation translated
live loading copyright contact about privacy terms
""".split())

# Names the statistical model gets wrong often enough in conflict reporting to be worth pinning,
# even before any actor pack is loaded: the Islamic State's acronyms come out PERSON or GPE.
FORCED_LABELS: Mapping[str, str] = MappingProxyType({
    "isil": "ORG", "isis": "ORG", "daesh": "ORG", "da'esh": "ORG", "daish": "ORG",
    "is": "ORG", "al-qaeda": "ORG", "al-qaida": "ORG", "al qaeda": "ORG", "al qaida": "ORG",
    "hezbollah": "ORG", "hizbollah": "ORG", "peshmerga": "ORG", "ypg": "ORG", "sdf": "ORG",
    "hts": "ORG", "fsa": "ORG", "pkk": "ORG", "nato": "ORG", "un": "ORG",
})


@dataclass(frozen=True)
class Stoplist:
    """`never_names`: lower-case surface forms dropped when the model (not a ruler) finds them
    alone. `forced_labels`: lower-case surface forms whose model label is replaced. Empty by
    default; `Stoplist.default()` gives the shipped lists."""
    never_names: frozenset[str] = frozenset()
    forced_labels: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def default(cls) -> Stoplist:
        return cls(NEVER_NAMES, FORCED_LABELS)

    def extended(self, never_names: set[str] | frozenset[str] = frozenset(),
                 forced_labels: Mapping[str, str] | None = None) -> Stoplist:
        """A copy with more words; the originals are left as they are."""
        labels = dict(self.forced_labels)
        labels.update({k.lower(): v for k, v in (forced_labels or {}).items()})
        return replace(self, never_names=self.never_names | {w.lower() for w in never_names},
                       forced_labels=MappingProxyType(labels))

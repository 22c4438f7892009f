"""Pronominal and nominal mentions: "he", "we", "the city", "civilians" as mentions of a person, a
group, a place.

Named-entity models find names; annotation schemes built for relation and coreference work (ACE,
re3d) also count the pronouns and common-noun phrases that refer to entities: "he said" is a
Person mention, "we will continue" an Organisation, "the city" a Location, and the unnamed groups a
story is about ("civilians", "our partners", "the enemy") Organisations. Responsible for finding
those, with `source` set to "pronoun" or "nominal" so later stages can tell them from names (the
resolver never makes an actor out of "we" or "civilians"; quote speakers are resolved separately).

Not responsible for deciding what a pronoun refers to, or for armed groups named by a common noun
("rebels", "opposition forces"): those are actors, found by `entity_rules`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Personal pronouns that refer to people; "it" is left out: too often a thing or a clause.
PERSON_PRONOUNS = frozenset({"i", "he", "she", "him", "her", "his", "hers", "me", "my", "himself", "herself"})
# First-person plural in official statements is the speaking institution, and "they" in conflict
# reporting is mostly a side or a group. The possessive "their" and the object "them" are left out:
# they point at people and things about as often as at groups.
GROUP_PRONOUNS = frozenset({"we", "us", "our", "ours", "ourselves", "they"})
PLACE_NOUNS = frozenset({"city", "town", "village", "camp", "country", "area", "region", "province",
                         "district", "neighbourhood", "neighborhood", "capital"})
# Plural nouns for a body of people acting or suffering together: a mention of a group even bare
# ("civilians were killed", "talks with international partners").
GROUP_PLURALS = frozenset("""people civilians partners allies members leaders parties nations countries
ministers communities citizens residents refugees journalists reporters families organisations
organizations companies businesses backers supporters soldiers troops fighters airmen sailors
marines servicemen personnel teams units tribes officials diplomats""".split())
# Singular ones only after a determiner that makes them a particular group: "the enemy", "the
# group's ability", "this squadron", "a common enemy" — not "a group of buildings".
GROUP_SINGULARS = frozenset("""enemy group unit squadron team tribe family command nation
government delegation""".split())
_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "his", "her", "their", "our",
                          "a", "an", "each", "every"})
# Words before the head that belong to the group phrase: "all parties", "the two leaders".
_QUANTIFIERS = frozenset({"all", "both", "other", "many", "some", "several", "most", "few"})


_WORDS = PERSON_PRONOUNS | GROUP_PRONOUNS | PLACE_NOUNS | GROUP_PLURALS | GROUP_SINGULARS


def pronominal_spans(doc: Doc, taken: set[int], lows: list[str] | None = None) -> list[tuple[Span, str]]:
    """(span, source) for pronouns, "the <place noun>" and group phrases not inside a name found.
    `lows` (the tokens' lower-case forms, if the caller has them) only saves reading them again."""
    from spacy.tokens import Span

    if lows is None:
        lows = [t.lower_ for t in doc]
    out: list[tuple[Span, str]] = []
    for i, low in enumerate(lows):
        if low not in _WORDS or i in taken:
            continue  # only listed words can be mentions here; skip the rest without a Token
        t = doc[i]
        if t.pos_ == "PRON" or t.tag_ in ("PRP", "PRP$"):
            if low in PERSON_PRONOUNS:
                out.append((Span(doc, t.i, t.i + 1, label="PERSON"), "pronoun"))
            elif low in GROUP_PRONOUNS:
                out.append((Span(doc, t.i, t.i + 1, label="ORG"), "pronoun"))
        elif t.pos_ != "NOUN":
            continue
        elif low in PLACE_NOUNS:
            if t.i > 0 and doc[t.i - 1].lower_ == "the" and t.i - 1 not in taken:
                out.append((Span(doc, t.i - 1, t.i + 1, label="LOC"), "nominal"))
        elif low in GROUP_PLURALS or low in GROUP_SINGULARS:
            start = _group_start(doc, t.i, taken)
            if start is not None:
                out.append((Span(doc, start, t.i + 1, label="ORG"), "nominal"))
    return out


def _group_start(doc: Doc, head: int, taken: set[int]) -> int | None:
    """First token of the group phrase headed by `head`, or None when the noun is not a group here."""
    nxt = doc[head + 1] if head + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.is_lower:
        return None  # a modifier: "enemy fire", "command post", "family members" (the next is the head)
    start = head
    while start > 0 and start - 1 not in taken and (
            doc[start - 1].pos_ in ("ADJ", "NUM") or doc[start - 1].lower_ in _QUANTIFIERS):
        start -= 1
    if doc[head].lower_ in GROUP_PLURALS:
        return start
    det = doc[start - 1].lower_ if start > 0 else ""
    if det not in _DETERMINERS or (det in ("a", "an") and nxt is not None and nxt.lower_ == "of"):
        return None  # "a group of buildings" is not a group of people
    return start

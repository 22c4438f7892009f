"""Pronominal and nominal mentions: "he", "we", "the city" as mentions of a person, a group, a place.

Named-entity models find names; annotation schemes built for relation and coreference work (ACE,
re3d) also count the pronouns and common-noun phrases that refer to entities: "he said" is a
Person mention, "we will continue" an Organisation, "the city" a Location. Responsible for finding
those, with `source` set to "pronoun" or "nominal" so later stages can tell them from names (the
resolver never makes an actor out of "we"; quote speakers are resolved separately).

Not responsible for deciding what a pronoun refers to.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Personal pronouns that refer to people; "it"/"they" are left out: too often things or unclear.
PERSON_PRONOUNS = frozenset({"i", "he", "she", "him", "her", "his", "hers", "me", "my", "himself", "herself"})
# First-person plural in official statements is the speaking institution.
GROUP_PRONOUNS = frozenset({"we", "us", "our", "ours", "ourselves"})
PLACE_NOUNS = frozenset({"city", "town", "village", "camp", "country", "area", "region", "province",
                         "district", "neighbourhood", "neighborhood", "capital"})


def pronominal_spans(doc: Doc, taken: set[int]) -> list[tuple[Span, str]]:
    """(span, source) for pronouns and "the <place noun>" phrases not inside a name already found."""
    from spacy.tokens import Span

    out: list[tuple[Span, str]] = []
    for t in doc:
        if t.i in taken:
            continue
        low = t.lower_
        if t.pos_ == "PRON" or t.tag_ in ("PRP", "PRP$"):
            if low in PERSON_PRONOUNS:
                out.append((Span(doc, t.i, t.i + 1, label="PERSON"), "pronoun"))
            elif low in GROUP_PRONOUNS:
                out.append((Span(doc, t.i, t.i + 1, label="ORG"), "pronoun"))
        elif low in PLACE_NOUNS and t.pos_ == "NOUN" and t.i > 0 and doc[t.i - 1].lower_ == "the" \
                and t.i - 1 not in taken:
            out.append((Span(doc, t.i - 1, t.i + 1, label="LOC"), "nominal"))
    return out


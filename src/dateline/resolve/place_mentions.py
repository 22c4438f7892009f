"""Repair place mentions before they are looked up: spans, labels, and places the model missed.

A news NER model finds "Syria" in "northern Syria", calls "al-Anbar" a person and "Mayadeen" a
date, and misses "Syrian-Iraqi borders" entirely. Responsible for fixing those with the gazetteer
as the judge:

- widening a place span over a direction word before it ("northern", "north-eastern") or a
  region word after it ("countryside", "province", "governorate"), when the wider phrase resolves;
- relabelling a mention the model gave a non-place label when its text is an exact gazetteer name
  in the document's country, or an important place anywhere (a province, a capital, a big city);
- adding border mentions ("the Syrian-Iraqi border", "the border with Iraq").

Not responsible for choosing among gazetteer candidates (`gazetteer.resolve`) or for actors.
"""
from __future__ import annotations

import re
from typing import Callable

from ..model import Document, Mention
from .actor_packs import CountryTable
from .gazetteer import Gazetteer, PlaceMatch
from .places import PLACE_LABELS, place_record

# Labels a place name is wrongly given often enough to be worth a second look.
RELABEL_FROM = frozenset({"ORG", "PERSON", "NORP", "DATE", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"})
IMPORTANT_FEATURES = frozenset({"ADM1", "PPLC", "PPLA", "PCLI", "PCL", "RGN"})
IMPORTANT_POPULATION = 100_000

_DIRECTION = r"(?:(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|rural|greater)"
_BEFORE = re.compile(rf"\b({_DIRECTION})\s+$", re.I)
_AFTER = re.compile(r"^\s+(countryside|province|governorate|region|desert|district|outskirts|suburbs)\b", re.I)
_DATE_WORDS = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|"
                         r"satur|sun)day)\b", re.I)
_FACILITY = (r"building|shrine|square|hospital|clinic|mosque|church|school|market|bazaar|stadium|bridge|camp|"
             r"prison|jail|airport|air ?base|base|dam|mill|silos?|roundabout|street|hotel|university|bakery|"
             r"checkpoint|headquarters|palace|museum|station|refinery|oil ?field|factory|compound")
_FACILITY_AFTER = re.compile(rf"^\s+({_FACILITY})\b", re.I)
_FACILITY_IN = re.compile(rf"\b({_FACILITY})\b", re.I)
_CAPITALISED = re.compile(r"\b(?:(?:[Aa]l|[Ee]l|[Aa][rsdtzn])[-\s])?[A-Z][\w’'-]{3,}(?:\s+[A-Z][\w’'-]+){0,2}")
_LOCATIVE = re.compile(r"\b(?:in|near|from|to|around|outside|at|towards?|across|into|of)\s+$", re.I)
_JOINABLE = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})
_ARTICLE_GAP = re.compile(r"\s*(?:[AaEe][lrnsdtz][-\s]+|-)\s*")
_PAIR_BORDER = re.compile(r"\b([A-Z][a-z]+)[-–/]([A-Z][a-z]+) borders?\b")
_BORDER_WITH = re.compile(r"\bborders? with ([A-Z][a-z]+)\b")


class PlaceMentionRepair:
    def __init__(self, gazetteer: Gazetteer, countries: CountryTable,
                 actor_method: Callable[[str], str | None]):
        """`countries` maps country names and demonyms to ISO2; `actor_method` says how (if at all) an
        actor pack knows a name ("exact", "normalised", … or None)."""
        self.gazetteer = gazetteer
        self.countries = countries
        self.actor_method = actor_method

    def country_of(self, name: str) -> str | None:
        return self.countries.code_for(name) if len(name) > 2 else None

    def repair(self, doc: Document, mentions: list[Mention], country: str | None) -> list[Mention]:
        """Fix mentions in place and return the list with added border mentions, sorted."""
        mentions = self._join_split_names(doc.text, sorted(mentions, key=lambda m: m.start), country)
        for m in mentions:
            if m.label in RELABEL_FROM and self._is_place(m, country):
                m.label, m.source = "GPE", "rule"
        for m in mentions:
            if m.label in PLACE_LABELS:
                self._widen(doc.text, m, country)
            self._landmark(doc.text, m)
        added = self._borders(doc.text, mentions, country) + self._missed(doc, mentions, country)
        kept = [m for m in mentions if not any(a.start <= m.start and m.end <= a.end for a in added)]
        return sorted(kept + added, key=lambda m: (m.start, m.end))

    def _is_place(self, m: Mention, country: str | None) -> bool:
        text = m.text.strip()
        if len(text) < 3 or not any(ch.isupper() for ch in text) or any(ch.isdigit() for ch in text):
            return False
        if m.label == "DATE" and _DATE_WORDS.match(text):
            return False
        if m.label == "NORP" and self.country_of(text):
            return False                     # "Syrian" is a nationality, not a place
        # "Mayadeen" tagged DATE is the town even though a TV channel is called Al-Mayadeen; the
        # model calling it an organisation, or the exact actor name, tips it the other way.
        how = self.actor_method(text)
        if how is not None and (m.label == "ORG" or how == "exact"):
            return False
        match = self.gazetteer.resolve(text, country_hint=country)
        if match is None or match.candidate.match != "exact" or not match.method.startswith("name:"):
            return False
        if match.candidate.country == country:
            return True
        # A name the model took for a person ("Isa", a Nigerian city) is a place abroad only when
        # it names a province, a country or a capital ("al-Anbar"); for other labels an important
        # place anywhere is enough.
        if m.label == "PERSON":
            return (match.candidate.feature_code or "") in IMPORTANT_FEATURES - {"PPLA"}
        return _important(match)

    def _widen(self, text: str, m: Mention, country: str | None) -> None:
        before = _BEFORE.search(text[max(0, m.start - 30):m.start])
        after = _AFTER.match(text[m.end:m.end + 30])
        for start, end in ((m.start - len(before.group(0)) if before else m.start,
                            m.end + len(after.group(0)) if after else m.end),):
            if (start, end) == (m.start, m.end):
                return
            phrase = text[start:end]
            if self.gazetteer.resolve(phrase, country_hint=country) is not None:
                m.start, m.end, m.text = start, end, phrase

    def _join_split_names(self, text: str, mentions: list[Mention], country: str | None) -> list[Mention]:
        """"Deir" + "ez-Zor" → "Deir ez-Zor": names cut at an Arabic article, rejoined when the
        whole is a gazetteer name."""
        out: list[Mention] = []
        for m in mentions:
            prev = out[-1] if out else None
            if prev is not None and prev.label in _JOINABLE and m.label in _JOINABLE \
                    and _ARTICLE_GAP.fullmatch(text[prev.end:m.start]):
                whole = text[prev.start:m.end]
                match = self.gazetteer.resolve(whole, country_hint=country)
                if match is not None and match.candidate.match == "exact":
                    out[-1] = Mention(prev.start, m.end, whole, "GPE", "rule")
                    continue
            out.append(m)
        return out

    def _landmark(self, text: str, m: Mention) -> None:
        """"Uys al-Qarni" + " shrine", "Hospital of Modern Medicine": a site, located by its town."""
        if m.label not in ("ORG", "PERSON", "LOC", "FAC", "GPE") or m.actor is not None:
            return
        after = _FACILITY_AFTER.match(text[m.end:m.end + 25])
        if after:
            m.end += len(after.group(0))
            m.text = text[m.start:m.end]
            m.label, m.source = "FAC", "rule"
        elif m.label in ("ORG", "LOC") and _FACILITY_IN.search(m.text) and not self.actor_method(m.text):
            m.label, m.source = "FAC", "rule"

    def _missed(self, doc: Document, mentions: list[Mention], country: str | None) -> list[Mention]:
        """Capitalised names the model skipped ("Aleppo is another example…", "fighting in Sinjar").

        Kept narrow on purpose, since the model did not see a name there: a place of the country the
        story is about, and either an important one (a province, a capital, a big city) or any
        populated place right after a locative word ("in", "near", "outside"…)."""
        if country is None:
            return []
        spans = sorted((m.start, m.end) for m in mentions)
        found = []
        for p in doc.paragraphs:
            if p.start is None or p.kind not in ("body", "title", "caption"):
                continue
            for hit in _CAPITALISED.finditer(p.text):
                start, end = p.start + hit.start(), p.start + hit.end()
                if any(s < end and start < e for s, e in spans) or self.actor_method(hit.group(0)):
                    continue
                match = self.gazetteer.resolve(hit.group(0), country_hint=country)
                if (match is None or not match.method.startswith("name:") or match.candidate.match != "exact"
                        or match.candidate.country != country):
                    continue
                locative = _LOCATIVE.search(p.text[max(0, hit.start() - 12):hit.start()])
                if _important(match) or (locative and (match.candidate.feature_class or "") in ("P", "A")):
                    found.append(Mention(start, end, hit.group(0), "GPE", "rule"))
        return found

    def _borders(self, text: str, mentions: list[Mention], country: str | None) -> list[Mention]:
        # Mentions inside the border phrase ("Syrian", "Iraqi") give way to it; others block it.
        taken = [(m.start, m.end) for m in mentions if m.label not in ("NORP", "GPE")]
        found = []
        for rx in (_PAIR_BORDER, _BORDER_WITH):
            for hit in rx.finditer(text):
                codes = [self.country_of(g) for g in hit.groups()]
                if rx is _BORDER_WITH:
                    codes = [country, codes[0]]
                if None in codes or codes[0] == codes[1]:
                    continue
                names = [self._country_name(c) for c in codes]
                match = self.gazetteer.resolve(f"{names[0]}-{names[1]} border", country_hint=country)
                if match is None or any(s < hit.end() and hit.start() < e for s, e in taken):
                    continue
                found.append(Mention(hit.start(), hit.end(), hit.group(0), "LOC", "rule",
                                     place=place_record(hit.group(0), match)))
        return found

    def _country_name(self, code: str) -> str:
        c = self.countries.by_code.get(code)
        return c.name if c is not None else code


def _important(match: PlaceMatch) -> bool:
    c = match.candidate
    return (c.feature_code or "") in IMPORTANT_FEATURES or (c.population or 0) >= IMPORTANT_POPULATION

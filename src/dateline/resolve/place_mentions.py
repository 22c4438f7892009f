"""Repair place mentions before they are looked up: spans, labels, and places the model missed.

A news NER model finds "Syria" in "northern Syria", calls "al-Anbar" a person and "Mayadeen" a
date, and misses "Syrian-Iraqi borders" entirely. Responsible for fixing those with the gazetteer
as the judge:

- widening a place span over a direction word before it ("northern", "north-eastern") or a
  region word after it ("countryside", "province", "governorate"), when the wider phrase resolves;
- relabelling a mention the model gave a non-place label when its text is an exact gazetteer name
  in the document's country, or an important place anywhere (a province, a capital, a big city);
- narrowing a mislabelled span to the place inside it ("post-WWII Dresden" → "Dresden");
- adding border mentions ("the Syrian-Iraqi border", "the border with Iraq"), regions the model
  missed or cut ("Deiz Ezzor governorate", where only "Ezzor" was tagged) and lower-case sites
  named as places ("over the grain silos", "rockets fired at the airport"), which `places` then
  locates at their town.

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
_REGION_AFTER = r"countryside|province|governorate|region|desert|district|outskirts|suburbs"
_AFTER = re.compile(rf"^(?:['’]s)?\s+({_REGION_AFTER})\b", re.I)
# An article-joined tail the model cut off: "Deir" + " ez-Zor", "Ras" + " al-Ain".
_ARTICLE_TAIL = re.compile(r"^[\s-]+(?:[Aa]l|[Ee][lz]|[Aa]sh|[Aa][rsdtzn])-[A-Z][\w’']+")
# A capitalised word right before a place span, which may be the first word of its name.
_HEAD_WORD = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]+)\s+$")
_NOT_A_HEAD = frozenset({"the", "in", "at", "on", "of", "from", "to", "near", "and", "but", "as", "by", "for", "with",
                         "into", "outside", "north", "south", "east", "west", "northern", "southern", "eastern",
                         "western", "central", "greater", "rural", "when", "while", "after", "before", "since",
                         "during", "across", "around", "toward", "towards", "inside", "over", "under", "a", "an"})
_DATE_WORDS = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|"
                         r"satur|sun)day)\b", re.I)
_FACILITY = (r"building|shrine|square|hospital|clinic|mosque|church|school|market|bazaar|stadium|bridge|camp|"
             r"prison|jail|airport|air ?base|base|dam|mill|silos?|roundabout|street|hotel|university|bakery|"
             r"checkpoint|headquarters|palace|museum|station|refinery|oil ?field|factory|compound|"
             r"intersection|junction")
_FACILITY_AFTER = re.compile(rf"^\s+({_FACILITY})\b", re.I)
_FACILITY_IN = re.compile(rf"\b({_FACILITY})\b", re.I)
_CAPITALISED = re.compile(r"\b(?:(?:[Aa]l|[Ee]l|[Aa][rsdtzn])[-\s])?[A-Z][\w’'-]{3,}(?:\s+[A-Z][\w’'-]+){0,2}")
_LOCATIVE = re.compile(r"\b(?:in|near|from|to|around|outside|at|towards?|across|into|of)\s+$", re.I)
_JOINABLE = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})
_ARTICLE_GAP = re.compile(r"\s*(?:[AaEe][lrnsdtz][-\s]+|-)\s*")
# "BAGHDAD - Islamic State fighters": a dash spaced on both sides ends a dateline; it never joins a name.
_DATELINE_DASH = re.compile(r"\s+[-–—]\s+")
_PAIR_BORDER = re.compile(r"\b([A-Z][a-z]+)[-–/]([A-Z][a-z]+) borders?\b")
_BORDER_WITH = re.compile(r"\bborders? with ([A-Z][a-z]+)\b")
# A word in front of a place that says when or in what state, not where: "post-WWII Dresden",
# "war-torn Aleppo", "rebel-held Idlib". The model often takes the whole for an EVENT or ORG.
_MODIFIER = re.compile(r"^(?:(?:post|pre|mid|inter)-\S+|war-?torn|wartime|besieged|present-day|modern-day|"
                       r"\S+-(?:held|controlled|occupied|besieged))\s+(?=[A-Z])")
# A capitalised name with a region word after it: a place even when misspelt ("Deiz Ezzor
# governorate"), so the lookup may be typo-tolerant there.
_NAMED_REGION = re.compile(r"\b((?:[Aa]l-|[Ee]l-)?[A-Z][\w’'-]+(?:\s+(?:[Aa]l-|[Ee]l-)?[A-Z][\w’'-]+){0,2})"
                           r"\s+(governorate|province|countryside|region)\b")
# "over the grain silos", "at the airport", "the building, the sugar mill": a site written in lower
# case, taken as a place only after a word that places something or in a list after another site.
# Ambiguous in lower case ("the base of support", "the station said", "took to the street") are left out.
_LOWER_FACILITY = (r"building|shrine|square|hospital|clinic|mosque|church|school|market|bazaar|stadium|bridge|"
                   r"prison|jail|airport|air ?base|dam|mill|silos?|roundabout|hotel|university|bakery|"
                   r"checkpoint|palace|museum|refinery|oil ?field|factory|intersection|junction")
_LOWER_SITE = re.compile(rf"\bthe\s+((?:[a-z]+\s+){{0,2}}?(?:{_LOWER_FACILITY}))\b(?!['’-])")
_SITE_CUE = re.compile(r"(?:\b(?:at|in|on|near|over|outside|inside|into|around|from|targeting|struck|hit|"
                       r"shelled|stormed|attacked|bombed|seized|captured|raided)|,|\band)\s*$", re.I)
_NOT_MODIFIER = frozenset({"same", "other", "this", "that", "these", "those", "said", "next", "only"})
# Labels a new mention may replace: the model's guesses that are never actors or places.
_REPLACEABLE = frozenset({"PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "DATE", "CARDINAL", "ORDINAL"})


_SPEAKS = re.compile(r"\s+(?:said|says|told|added|noted|stated|explained|wrote|argued|insisted)\b")


def _surnames(mentions: list[Mention]) -> frozenset[str]:
    """Last words of the document's multi-word person names: later mentions of them are people."""
    return frozenset(m.text.split()[-1] for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1)


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
        """Fix mentions in place and return the list with added mentions, sorted."""
        mentions = self._join_split_names(doc.text, sorted(mentions, key=lambda m: m.start), country)
        surnames = _surnames(mentions)
        for m in mentions:
            if m.label in RELABEL_FROM:
                self._narrow(m, country)
            if m.label == "PERSON" and (m.text.strip() in surnames or _SPEAKS.match(doc.text, m.end)):
                continue                     # "Peter Cook … Cook said": a person, not the Cook Islands
            if m.label in RELABEL_FROM and self._is_place(m, country):
                m.label, m.source = "GPE", "rule"
        for m in mentions:
            if m.label in PLACE_LABELS:
                self._extend_head(doc.text, m, country)
                self._extend_tail(doc.text, m, country)
                self._widen(doc.text, m, country)
            self._landmark(doc.text, m)
        added = (self._borders(doc.text, mentions, country) + self._missed(doc, mentions, country)
                 + self._named_regions(doc, mentions, country))
        kept = [m for m in mentions if not any(a.start <= m.start and m.end <= a.end for a in added)]
        kept += added
        kept += self._lower_sites(doc, kept)
        return sorted(kept, key=lambda m: (m.start, m.end))

    def _narrow(self, m: Mention, country: str | None) -> None:
        """"post-WWII Dresden" (EVENT) → "Dresden" (GPE) when the rest is a place by `_is_place`."""
        hit = _MODIFIER.match(m.text)
        if hit is None:
            return
        rest = Mention(m.start + hit.end(), m.end, m.text[hit.end():], m.label, m.source)
        if self._is_place(rest, country):
            m.start, m.text = rest.start, rest.text

    def _is_place(self, m: Mention, country: str | None) -> bool:
        text = m.text.strip()
        # A name with a digit ("Division 17", "K5") is a place only when curated as one.
        digits = any(ch.isdigit() for ch in text)
        if len(text) < (2 if digits else 3) or not any(ch.isupper() for ch in text):
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
        if digits and not match.candidate.source.startswith("dateline:"):
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

    def _extend_head(self, text: str, m: Mention, country: str | None) -> None:
        """"Dera" + "Ismail Khan", "Velyka" + "Pysarivka": a capitalised word the model left off the
        front of a name, when the whole is an exact gazetteer name in the story's country."""
        head = _HEAD_WORD.search(text[max(0, m.start - 30):m.start])
        if head is None or head.group(1).lower() in _NOT_A_HEAD or head.group(1).endswith(("'s", "’s")):
            return  # "Khartoum's al-Riyadh": the town the name is in, not part of it
        whole = text[m.start - len(head.group(0)):m.end]
        match = self.gazetteer.resolve(whole, country_hint=country)
        if match is not None and match.candidate.match == "exact" and match.method.startswith("name:") \
                and (country is None or match.candidate.country == country):
            m.start, m.text = m.start - len(head.group(0)), whole

    def _extend_tail(self, text: str, m: Mention, country: str | None) -> None:
        """"Deir" + " ez-Zor": a name the model cut before its article, when the whole is a name."""
        tail = _ARTICLE_TAIL.match(text[m.end:m.end + 40])
        if tail is None:
            return
        whole = text[m.start:m.end + tail.end()]
        match = self.gazetteer.resolve(whole, country_hint=country)
        if match is not None and match.candidate.match == "exact" and match.method.startswith("name:"):
            m.end, m.text = m.end + tail.end(), whole

    def _join_split_names(self, text: str, mentions: list[Mention], country: str | None) -> list[Mention]:
        """"Deir" + "ez-Zor" → "Deir ez-Zor": names cut at an Arabic article, rejoined when the
        whole is a gazetteer name."""
        out: list[Mention] = []
        for m in mentions:
            prev = out[-1] if out else None
            gap = text[prev.end:m.start] if prev is not None else ""
            if prev is not None and prev.label in _JOINABLE and m.label in _JOINABLE \
                    and _ARTICLE_GAP.fullmatch(gap) and not _DATELINE_DASH.fullmatch(gap):
                whole = text[prev.start:m.end]
                match = self.gazetteer.resolve(whole, country_hint=country)
                if match is not None and match.candidate.match == "exact" and match.method.startswith("name:"):
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
        populated place right after a locative word ("in", "near", "outside"…); elsewhere, only an
        important place right after a locative word."""
        spans = sorted((m.start, m.end) for m in mentions)
        # The dateline ("BEIRUT -" over a Syria story) is a place wherever it is.
        where = doc.dateline.split(",")[0].strip() if doc.dateline else None
        found = []
        for p in _body(doc):
            for hit in _CAPITALISED.finditer(p.text):
                start, end = p.start + hit.start(), p.start + hit.end()
                if any(s < end and start < e for s, e in spans) or self.actor_method(hit.group(0)):
                    continue
                match = self.gazetteer.resolve(hit.group(0), country_hint=country)
                if match is None or not match.method.startswith("name:") or match.candidate.match != "exact":
                    continue
                locative = _LOCATIVE.search(p.text[max(0, hit.start() - 12):hit.start()])
                if match.candidate.country != country and hit.group(0) != where:
                    # Abroad, or in a story whose country is not known yet: a big place right after
                    # "in", "of", "near" ("on the outskirts of Qamishli").
                    if locative and _important(match):
                        found.append(Mention(start, end, hit.group(0), "GPE", "rule"))
                    continue
                if _important(match) or (locative and (match.candidate.feature_class or "") in ("P", "A")):
                    found.append(Mention(start, end, hit.group(0), "GPE", "rule"))
        return found

    def _named_regions(self, doc: Document, mentions: list[Mention], country: str | None) -> list[Mention]:
        """"Deiz Ezzor governorate" where the model found nothing or only a fragment: a capitalised name
        before a region word, looked up typo-tolerantly, kept when it is a region of the story's country."""
        if country is None:
            return []
        found = []
        for p in _body(doc):
            for hit in _NAMED_REGION.finditer(p.text):
                start, end = p.start + hit.start(), p.start + hit.end()
                inside = [m for m in mentions if m.start < end and start < m.end]
                if any(m.label not in _REPLACEABLE or m.start < start or m.end > end for m in inside):
                    continue
                if self.actor_method(hit.group(1)):
                    continue
                match = self.gazetteer.resolve(hit.group(0), country_hint=country)
                if match is None or match.candidate.country != country or not match.method.startswith("phrase:"):
                    continue
                found.append(Mention(start, end, hit.group(0), "GPE", "rule", place=place_record(hit.group(0), match)))
        return found

    def _lower_sites(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """"over the grain silos", "fired at the airport": sites named in lower case, as FAC mentions
        without a place (the linker gives them their town's point at precision 2)."""
        sites = [m for m in mentions if m.label == "FAC"]
        found: list[Mention] = []
        for p in _body(doc):
            for hit in _LOWER_SITE.finditer(p.text):
                start, end = p.start + hit.start(1), p.start + hit.end(1)
                words = hit.group(1).split()
                if words[0] in _NOT_MODIFIER or any(m.start < end and start < m.end for m in mentions):
                    continue
                cue = _SITE_CUE.search(p.text[max(0, hit.start() - 14):hit.start()])
                if cue is None:
                    continue
                if cue.group(0).strip().lower() in (",", "and"):
                    # In a list only after another site: "the building, the grain silos, and the mill".
                    if not any(0 <= start - s.end < 60 for s in sites + found):
                        continue
                found.append(Mention(start, end, hit.group(1), "FAC", "rule"))
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


def _body(doc: Document) -> list:
    """The paragraphs where places are looked for: not bylines or boilerplate."""
    return [p for p in doc.paragraphs if p.start is not None and p.kind in ("body", "title", "caption")]


def _important(match: PlaceMatch) -> bool:
    c = match.candidate
    return (c.feature_code or "") in IMPORTANT_FEATURES or (c.population or 0) >= IMPORTANT_POPULATION

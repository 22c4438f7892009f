"""Author lines: recognise a byline and pull the bare author names out of it.

Responsible for: the forms news pages use to credit writers: "By: X", "By X and Y", "Written by X",
"Reporting by: X; Editing by Y", "(Reporting by X; editing by Y)", "EXCLUSIVE – X", "X | Reuters",
"Author: X", and the French/Spanish/Arabic/Russian equivalents ("Par X", "Por X", "بقلم X",
"Автор: X"). Staff credits ("By staff correspondents", "By Our Correspondent") are bylines with
no names.

Not responsible for: deciding where a byline sits on the page (`paragraphs`) or whether a name is a
real person (`annotate`). A name here is a short run of capitalised words with the usual particles
(al-, bin, de, van ...); lines that do not fit are not bylines, which keeps body sentences that begin
with "By the end of ..." out.
"""
from __future__ import annotations

import re

from .dates import find_dates

__all__ = ["parse_byline", "split_byline", "author_names", "bare_names"]

MAX_BYLINE_CHARS = 120
# "Reporting by X in Beirut and Y in Washington; Additional reporting by Z; Editing by W" runs long.
MAX_CREDIT_LIST_CHARS = 260
MAX_BARE_NAMES = 4
MAX_NAME_TOKENS = 5
MAX_DATE_PREFIX_CHARS = 40

_AGENCIES = (r"Reuters|AFP|AP|Associated Press|Agence France-Presse|Anadolu(?: Agency)?|Xinhua|dpa|EFE|"
             r"ANSA|Bloomberg|UPI|TASS|RIA Novosti|Sputnik|IRNA|SANA|Kyodo|Yonhap|PA|CNN|BBC|"
             r"Al Jazeera|Al-Monitor|staff writer|staff reporter|correspondent|contributor|"
             r"special correspondent|senior correspondent|editor|reporter")
_CREDIT = re.compile(
    r"^\(?\s*(?:(?:words|text|story|report(?:ing)?|written|compiled|edited|editing|"
    r"additional reporting|writing|photos?|video)\s+by|by|author|authors|auteur|auteurs|autor|"
    r"autora|par|por|von|بقلم|كتب|كتبت|إعداد|автор|текст)\b\s*[:\-–—]?\s*(?P<rest>.+?)\)?\s*$",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^(?P<label>EXCLUSIVE|ANALYSIS|INTERVIEW|FEATURE|SPECIAL REPORT|INVESTIGATION|"
    r"FACTBOX|EXPLAINER|COMMENT|REPORT)\s*[-–—:|]\s*(?P<rest>.+)$"
)
_WITH_AGENCY = re.compile(rf"^(?P<rest>.+?)\s*(?:[|,/]|\s[-–—])\s*(?:{_AGENCIES})\.?\s*$", re.IGNORECASE)
_STAFF = re.compile(
    r"^(?:our|staff)\b|(?:^|\s)(?:staff|correspondents?|reporters?|writers?|bureau|desk|team|"
    r"editors?|newsroom|agencies|wires)$",
    re.IGNORECASE,
)
_AGENCY_ONLY = re.compile(rf"^(?:{_AGENCIES})$", re.IGNORECASE)
# Separators between names and between credits ("Reporting by X; Editing by Y").
_CREDIT_SPLIT = re.compile(r"\s*;\s*|\s*\.\s+(?=[A-Z])")
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bet\b|\by\b|\bи\b|\s+و)\s*", re.IGNORECASE)
_SEGMENT_SPLIT = re.compile(r"\s+[|•·]\s+|\s+[-–—]\s+(?=(?:by|par|por)\b)", re.IGNORECASE)
# "Posted on 14 February 2021 by X": a credit after a date, with no separator.
_AFTER_DATE_BY = re.compile(r"\s(?=(?:by|par|por)\s)", re.IGNORECASE)
_PARTICLES = frozenset(
    "al el ad an ar as ash at az ul bin ibn bint abu abou de del della der den di da das dos du la le "
    "van von ter ten y e bo st. st".split()
)
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ul|d|l)[-'’]", re.IGNORECASE)
_NOT_NAMES = frozenset(
    "the a an this that these those it its his her their our we he she they there then when while "
    "after before during since until monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december "
    "news report reports home share photo video updated published comments reply email".split()
)
_HAS_DIGIT = re.compile(r"\d")
# Where a wire credit says the reporter was: "Lina Haddad in Beirut", "X in New York".
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}$")
# A credit line with no "By": "Staff writer", "Our correspondent", "News desk".
_BARE_STAFF = re.compile(
    r"^(?:staff (?:writer|reporter|correspondent)s?|(?:our|a) (?:own |special |staff )?(?:correspondents?|"
    r"reporters?)|(?:the )?(?:news|web|online|editorial|foreign) (?:desk|team|staff)|newsroom)\W*$",
    re.IGNORECASE,
)
# Editors' initials signing off a state-agency story: "R.Y. / H.S.", "H.Z./M.A."
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}(?:\s*[/,&|-]\s*(?:[A-Z]\.){2,3})*$")
# Words that make a capitalised run an organisation or a place, not a person ("ARA News",
# "Middle East"): a bare line of names under a headline must have none of them.
_NOT_PERSON_WORDS = frozenset(
    "news press agency times post herald review network media tv radio daily weekly observer monitor "
    "journal tribune gazette institute forum centre center council organization organisation group "
    "foundation channel wire service services report reports online today voice eye direct pulse mirror "
    "express standard telegraph guardian independent watch info net bulletin broadcast broadcasting "
    "agence presse international world global ministry office command army forces front party union "
    "committee commission university school hospital company management team staff desk editors "
    "middle east west north south northern southern eastern western central africa europe asia america "
    "syria iraq yemen libya sudan somalia afghanistan ukraine russia turkey iran israel lebanon "
    "business politics opinion sport sports culture video home world".split()
)


def _is_name(name: str) -> bool:
    tokens = name.split()
    if not 1 <= len(tokens) <= MAX_NAME_TOKENS or _HAS_DIGIT.search(name):
        return False
    if tokens[0].lower().strip(".") in _NOT_NAMES:
        return False
    cased = [t for t in tokens if any(c.isalpha() and (c.isupper() or c.islower()) for c in t)]
    if not cased:  # uncased scripts (Arabic): length is all we can check
        return len(tokens) <= 4
    for i, tok in enumerate(tokens):
        first = next((c for c in tok if c.isalpha()), "")
        if not first:
            return False
        if first.isupper() or not first.islower():
            continue
        if tok.lower() in _PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if _PARTICLE_PREFIX.match(tok) and len(tok) > 3 and tok[3:4] != "":
            continue
        return False
    return any(c.isupper() for c in tokens[-1]) or bool(_PARTICLE_PREFIX.match(tokens[-1]))


def _names_in(rest: str) -> list[str] | None:
    """The names of one credit's tail ("X and Y", "staff correspondents"); None when not names."""
    rest = rest.strip(" .:-–—()")
    if not rest:
        return None
    if _STAFF.search(rest) and len(rest.split()) <= 6:
        return []
    names = [_IN_PLACE.sub("", n.strip(" .")) for n in _NAME_SPLIT.split(rest) if n and n.strip(" .")]
    if not names or not all(_is_name(n) or _AGENCY_ONLY.match(n) for n in names):
        return None
    # An agency credit ("By Reuters", "X, AFP") says who published, not who wrote.
    return [n for n in names if not _AGENCY_ONLY.match(n)]


def _credit(segment: str) -> list[str] | None:
    segment = segment.strip()
    if _BARE_STAFF.match(segment) or _INITIALS.match(segment):
        return []
    m = _LABEL.match(segment)
    if m:
        return _names_in(m.group("rest"))
    m = _CREDIT.match(segment)
    if m:
        names: list[str] = []
        for k, part in enumerate(_CREDIT_SPLIT.split(m.group("rest"))):
            # Only a later credit has its own prefix ("; Editing by Y"): in "By Par Aaa" "Par" is a name.
            inner = _CREDIT.match(part) if k else None
            got = _names_in(inner.group("rest") if inner else part)
            if got is None:
                return None
            names.extend(got)
        return names
    m = _WITH_AGENCY.match(segment)
    if m:
        return _names_in(m.group("rest"))
    return None


def split_byline(line: str) -> tuple[str, list[str]] | None:
    """The byline part of `line` as written, and its bare names; None when `line` is not a byline.

    A line may carry more than the credit ("By Global Wire staff | May 18, 2015",
    "December 13, 2020 - By Our Correspondent"): the credit segment is what is returned.
    """
    line = line.strip()
    limit = MAX_CREDIT_LIST_CHARS if ";" in line and _CREDIT.match(line) else MAX_BYLINE_CHARS
    if not line or len(line) > limit:
        return None
    names = _credit(line)
    if names is not None:
        return line, names
    for segment in _SEGMENT_SPLIT.split(line):
        names = _credit(segment)
        if names is not None and segment.strip() != line:
            return segment.strip(), names
    m = _AFTER_DATE_BY.search(line)
    if m and m.start() <= MAX_DATE_PREFIX_CHARS and find_dates(line[:m.start()]):
        segment = _SEGMENT_SPLIT.split(line[m.end():])[0].strip()
        names = _credit(segment)
        if names is not None:
            return segment, names
    return None


def parse_byline(line: str) -> list[str] | None:
    """The bare author names of a byline line (possibly empty for a staff credit); None when the
    line is not a byline."""
    found = split_byline(line)
    return None if found is None else found[1]


def author_names(byline: str) -> list[str]:
    """The bare names in a byline string (`"By: Firas al-Hakkar"` -> `["Firas al-Hakkar"]`);
    an empty list when it names nobody or is not a byline."""
    return parse_byline(byline) or []


def bare_names(line: str) -> list[str] | None:
    """The names of a line that is nothing but person names ("Lina Haddad, Tom Keller",
    "Jane Roe and John Doe"), as scraped bylines often are once the "By" is lost; None otherwise.

    Each name must be two to four capitalised words with no word that marks an organisation or a
    place ("ARA News", "Middle East"), so an outlet credit line under a headline is not taken.
    """
    line = line.strip()
    if not line or len(line) > MAX_BYLINE_CHARS or line.isupper():
        return None
    names = [n.strip(" .") for n in _NAME_SPLIT.split(line) if n and n.strip(" .")]
    if not 0 < len(names) <= MAX_BARE_NAMES:
        return None
    for name in names:
        tokens = name.split()
        if not 2 <= len(tokens) <= 4 or not _is_name(name) or _AGENCY_ONLY.match(name):
            return None
        if any(t.lower().strip(".,") in _NOT_PERSON_WORDS for t in tokens):
            return None
    return names

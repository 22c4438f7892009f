"""Actor packs: loading, expanding and validating the YAML actor data under `resources/actors/`.

This module turns pack files into frozen `Actor` records plus the two read-only tables the
resolver needs (countries with their demonyms and capitals, and the wording lists that type
unknown actors). It also owns the one normalisation function (`alias_key`) so the index built
here and the lookups done in `actors.py` can never disagree.

It does not resolve anything: matching a surface string to an actor is `dateline.resolve.actors`.
The file format is documented in `resources/actors/README.md`.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dateline.errors import UsageError

__all__ = [
    "KINDS", "INTER_BY_KIND", "Actor", "ActorPack", "ActorPackError", "Country", "CountryTable",
    "Wording", "alias_key", "clean_surface", "expand_alias", "is_acronym", "acronym_key", "singular_key",
]

KINDS = ("state_forces", "rebel_group", "political_militia", "identity_militia", "external_force",
         "political_party", "government", "ngo", "media", "civilians", "protesters", "rioters",
         "other")

# ACLED's inter codes. Governments sit with state forces (ACLED codes "Government of X" as 1);
# parties, NGOs, media and everything else that is not an armed or crowd actor are 8.
INTER_BY_KIND = {
    "state_forces": 1, "government": 1, "rebel_group": 2, "political_militia": 3,
    "identity_militia": 4, "rioters": 5, "protesters": 6, "civilians": 7, "external_force": 8,
    "political_party": 8, "ngo": 8, "media": 8, "other": 8,
}

# Files in the actors folder that are tables, not packs.
_TABLE_FILES = {"demonyms.yaml", "wording.yaml"}
_MAX_EXPANSIONS = 256
_ACTOR_FIELDS = {"id", "name", "aliases", "generic_aliases", "kind", "inter", "country", "parent",
                 "wikidata", "note", "theatres", "tags", "succeeded_by", "active"}
_STATE_NAME = re.compile(r"^(Military Forces|Police Forces|Government) of (?:the )?(.+?)(?: \((.+)\))?$")
_STATE_ROLES = {"Military Forces": "military", "Police Forces": "police", "Government": "government"}


class ActorPackError(UsageError, ValueError):
    """A pack file cannot be used. `problems` lists every `path: actor: message` line found."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        head = self.problems[0] if len(self.problems) == 1 else (
            f"{len(self.problems)} problems in actor packs:\n  " + "\n  ".join(self.problems))
        super().__init__(head)

    def __reduce__(self):
        return (ActorPackError, (self.problems,))


# ---------------------------------------------------------------------------------------------
# Normalisation: one place, used both to build the index and to look strings up in it.

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'",
                         "\u00b4": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"',
                         "\u00ab": '"', "\u00bb": '"', "\u2010": "-", "\u2011": "-",
                         "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
                         "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": ""})
# Arabic article forms, including the sun-letter assimilations ("ash-Sham", "ad-Dawla"); only
# when hyphen-joined, because bare "as"/"at"/"an" are English words.
_ARTICLE_PREFIX = re.compile(r"(?<![\w'])(?:al|el|ad|adh|ar|as|ash|at|ath|az|an|ud|ul|ez|es|ed|er|et)-(?=\w)",
                             re.IGNORECASE)
_ELISION = re.compile(r"(?<![\w])[ldLD]'(?=\w)")
_POSSESSIVE = re.compile(r"(?<=\w)'s\b", re.IGNORECASE)
_LEADING_ARTICLES = {"the", "a", "an", "los", "las", "la", "le", "les", "el", "die", "der"}
_DROP_TOKENS = {"al", "el"}


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@lru_cache(maxsize=65536)   # pure, and called for the same surfaces across a corpus
def clean_surface(surface: str) -> str:
    """Surface form with quotes, dashes, spaces and diacritics unified, case kept.

    Dots are dropped so "U.S." and "US" agree; a leading article goes so "the SDF" is "SDF".
    """
    text = _strip_marks(surface.translate(_QUOTES)).replace(".", "")
    text = re.sub(r"\s+", " ", text).strip(" \t\"'-,;:")
    words = text.split(" ")
    while len(words) > 1 and words[0].casefold() in _LEADING_ARTICLES:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=65536)   # pure, and called for the same surfaces across a corpus
def alias_key(surface: str) -> str:
    """The case- and spelling-insensitive key every non-acronym alias is indexed under."""
    text = clean_surface(surface).casefold()
    text = _ELISION.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = _ARTICLE_PREFIX.sub("", text)
    text = text.replace("'", "")
    text = re.sub(r"[^\w]+", " ", text)
    tokens = [t for t in text.split() if t not in _DROP_TOKENS]
    while len(tokens) > 1 and tokens[0] in _LEADING_ARTICLES:
        tokens = tokens[1:]
    return " ".join(tokens)


def singular_key(key: str) -> str:
    """`key` with English plural -s taken off each long word, for "Houthis" ~ "Houthi"."""
    out = []
    for tok in key.split():
        if len(tok) > 4 and tok.endswith("s") and not tok.endswith(("ss", "us", "is")):
            tok = tok[:-1]
        out.append(tok)
    return " ".join(out)


@lru_cache(maxsize=65536)   # pure, and called for the same surfaces across a corpus
def is_acronym(surface: str) -> bool:
    """True for "SDF", "U.S.", "ISIS-K", "CJTF-OIR": no lower-case letters, at most 10 letters.

    Acronyms are matched case-sensitively, so "IS" never matches the verb "is".
    """
    text = clean_surface(surface)
    letters = [c for c in text if c.isalpha()]
    return (2 <= len(letters) <= 10 and not any(c.islower() for c in text)
            and any(c.isupper() for c in text))


def acronym_key(surface: str) -> str:
    return re.sub(r"[\s.\-]", "", clean_surface(surface)).upper()


def expand_alias(template: str) -> list[str]:
    """Expand `{a|b|}` alternations: "{US|U.S.}-led coalition" gives two aliases.

    An empty branch means "optional". Expansion is capped so a typo cannot explode the index.
    """
    match = re.search(r"\{([^{}]*)\}", template)
    if not match:
        return [re.sub(r"\s+", " ", template).strip()]
    out: list[str] = []
    for option in match.group(1).split("|"):
        out.extend(expand_alias(template[:match.start()] + option + template[match.end():]))
        if len(out) > _MAX_EXPANSIONS:
            raise ValueError(f"alias {template!r} expands to more than {_MAX_EXPANSIONS} forms")
    return list(dict.fromkeys(a for a in out if a))


# ---------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class Actor:
    """A normalised actor. `kind` is the actor's role in its pack's conflict (see `inter_at`)."""
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    inter: int
    country: str | None = None
    parent: str | None = None
    wikidata: str | None = None
    provisional: bool = False
    pack: str = ""
    generic_aliases: tuple[str, ...] = ()
    theatres: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    succeeded_by: str | None = None
    active: str | None = None
    note: str | None = None

    @property
    def state_role(self) -> str | None:
        """"military", "police" or "government" for ACLED state-actor names, else None."""
        m = _STATE_NAME.match(self.name)
        return _STATE_ROLES[m.group(1)] if m else None

    def inter_at(self, country: str | None) -> int:
        """ACLED inter code for an event in `country`: a state's forces abroad are external (8)."""
        if self.kind in ("state_forces", "government", "external_force") and country and self.country:
            return 1 if country == self.country else 8
        return self.inter

    def operates_in(self, country: str | None) -> bool:
        return bool(country) and (country in self.theatres or country == self.country)


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    article: bool = False
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()

    @property
    def acled_name(self) -> str:
        """"the United States", "Syria": the form that follows "Military Forces of"."""
        return f"the {self.name}" if self.article else self.name


class CountryTable:
    """Country names, demonyms and capitals, keyed by `alias_key`."""

    def __init__(self, countries: Iterable[Country]):
        self.by_code: dict[str, Country] = {}
        self.by_ref: dict[str, str] = {}
        self.by_capital: dict[str, str] = {}
        for c in countries:
            self.by_code[c.code] = c
            for ref in (c.name, *c.names, *c.demonyms):
                self.by_ref.setdefault(alias_key(ref), c.code)
            for cap in c.capitals:
                self.by_capital.setdefault(alias_key(cap), c.code)
        self.max_ref_tokens = max((len(k.split()) for k in (*self.by_ref, *self.by_capital)), default=1)

    def code_for(self, name: str) -> str | None:
        """ISO code for a country name, demonym, capital or code ("Syria", "Syrian", "SY")."""
        if name.upper() in self.by_code:
            return name.upper()
        key = alias_key(name)
        return self.by_ref.get(key) or self.by_capital.get(key)

    def __contains__(self, code: str) -> bool:
        return code in self.by_code

    def __len__(self) -> int:
        return len(self.by_code)


@dataclass(frozen=True)
class Wording:
    """Word lists (from `wording.yaml`) that type unknown actors and link anaphora."""
    heads: dict[str, tuple[str, ...]] = field(default_factory=dict)
    role_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fillers: tuple[str, ...] = ()
    designators: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    anaphora: dict[str, dict[str, Any]] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Loading


def _shipped_dir():
    return resources.files("dateline.resources").joinpath("actors")


def _read_yaml(path, problems: list[str]) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        problems.append(f"{path}: cannot read: {exc}")
        return None


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


class ActorPack:
    """All actors of the loaded packs, indexed by id, plus the country and wording tables.

    Build it with `ActorPack.load()`; the constructor only assembles already-validated parts.
    """

    def __init__(self, actors: Iterable[Actor], countries: CountryTable, wording: Wording,
                 sources: dict[str, str] | None = None, fingerprint: str = ""):
        self.actors: tuple[Actor, ...] = tuple(actors)
        self.by_id: dict[str, Actor] = {a.id: a for a in self.actors}
        self.countries = countries
        self.wording = wording
        self.sources = dict(sources or {})
        self.fingerprint = fingerprint
        self._names: dict[str, Actor] = {a.name: a for a in self.actors}
        self._state: dict[tuple[str, str], Actor] = {}
        for a in self.actors:
            if a.state_role and a.country:
                # First declared wins: a pack lists the period it wants as default first.
                self._state.setdefault((a.state_role, a.country), a)

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors)

    def __getitem__(self, actor_id: str) -> Actor:
        return self.by_id[actor_id]

    def get(self, actor_id: str) -> Actor | None:
        return self.by_id.get(actor_id)

    def in_pack(self, pack: str) -> list[Actor]:
        """Actors first defined by `pack` (a shared actor counts for the first pack loaded)."""
        return [a for a in self.actors if a.pack == pack]

    def state_actor(self, role: str, country: str) -> Actor | None:
        """The pack's "Military Forces of X" / "Police Forces of X" / "Government of X"."""
        return self._state.get((role, country))

    def generic_actor(self, label: str, country: str) -> Actor | None:
        """`Civilians (Syria)`-style actors: label is Civilians, Protesters, Rioters, ..."""
        c = self.countries.by_code.get(country)
        if not c:
            return None
        return self._names.get(f"{label} ({c.name})")

    def by_name(self, name: str) -> Actor | None:
        return self._names.get(name)

    @staticmethod
    def shipped_files() -> list[str]:
        """Names of the pack files that ship with dateline."""
        return sorted(p.name for p in _shipped_dir().iterdir()
                      if p.name.endswith(".yaml") and p.name not in _TABLE_FILES)

    @classmethod
    def load(cls, paths: Iterable[str | Path] | None = None, *, shipped: bool = True) -> ActorPack:
        """Load the shipped packs (unless `shipped=False`) plus pack files or folders in `paths`.

        Raises `ActorPackError` listing every problem (duplicate ids, unknown kinds, missing
        parents, aliases claimed by two actors) with the file and actor it is in.
        """
        problems: list[str] = []
        files: list[Any] = []
        base = _shipped_dir()
        if shipped:
            # global and the default Syria/Iraq pack first, so an actor shared between packs
            # is attributed to the pack that defines it in full.
            files.extend(sorted((p for p in base.iterdir()
                                 if p.name.endswith(".yaml") and p.name not in _TABLE_FILES),
                                key=lambda p: (p.name != "global.yaml", p.name != "syria_iraq.yaml",
                                               p.name)))
        for raw in paths or ():
            p = Path(raw)
            if p.is_dir():
                files.extend(sorted(q for q in p.glob("*.y*ml") if q.name not in _TABLE_FILES))
            elif p.is_file():
                files.append(p)
            else:
                problems.append(f"{p}: no such pack file or folder")
        digest = hashlib.sha256()
        countries = _load_countries(base.joinpath("demonyms.yaml"), problems, digest)
        wording = _load_wording(base.joinpath("wording.yaml"), problems, digest)
        merged: dict[str, dict[str, Any]] = {}
        origin: dict[str, str] = {}
        sources: dict[str, str] = {}
        for f in files:
            digest.update(f.read_bytes())
            data = _read_yaml(f, problems)
            if data is None:
                continue
            if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
                problems.append(f"{f}: not an actor pack (needs a top-level 'actors' list)")
                continue
            pack_name = str(data.get("pack") or Path(str(f)).stem)
            sources[pack_name] = str(f)
            seen_here: set[str] = set()
            for i, entry in enumerate(data["actors"]):
                _merge_entry(entry, i, f, pack_name, data, merged, origin, seen_here, problems)
        actors = [_build(rec, origin[aid], problems) for aid, rec in merged.items()]
        actors = [a for a in actors if a is not None]
        _validate(actors, origin, countries, problems)
        if problems:
            raise ActorPackError(problems)
        return cls(actors, countries, wording, sources, digest.hexdigest()[:16])


def _merge_entry(entry: Any, i: int, f, pack_name: str, data: dict, merged: dict, origin: dict,
                 seen_here: set, problems: list[str]) -> None:
    where = f"{f}: actor #{i + 1}"
    if not isinstance(entry, dict) or not entry.get("id") or not entry.get("name"):
        problems.append(f"{where}: needs at least 'id' and 'name'")
        return
    aid = str(entry["id"])
    where = f"{f}: actor {aid!r}"
    unknown = set(entry) - _ACTOR_FIELDS
    if unknown:
        problems.append(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if aid in seen_here:
        problems.append(f"{where}: duplicate id in the same file")
        return
    seen_here.add(aid)
    rec = dict(entry)
    rec.setdefault("country", data.get("country"))
    rec["_pack"] = pack_name
    if aid not in merged:
        merged[aid] = rec
        origin[aid] = str(f)
        return
    # The same actor may appear in several packs (Russia's forces in Syria and Ukraine) so each
    # pack stands alone; the definitions must agree and their aliases are pooled.
    old = merged[aid]
    for key in ("name", "kind", "country", "parent", "wikidata"):
        if rec.get(key) is not None and old.get(key) is not None and rec[key] != old[key]:
            problems.append(f"{where}: {key} {rec[key]!r} disagrees with {origin[aid]} ({old[key]!r})")
    for key in ("aliases", "generic_aliases", "theatres", "tags"):
        old[key] = list(dict.fromkeys([*_as_tuple(old.get(key)), *_as_tuple(rec.get(key))]))
    for key in ("parent", "wikidata", "note", "succeeded_by", "active"):
        if old.get(key) is None and rec.get(key) is not None:
            old[key] = rec[key]


def _build(rec: dict[str, Any], path: str, problems: list[str]) -> Actor | None:
    aid = str(rec["id"])
    where = f"{path}: actor {aid!r}"
    kind = rec.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        return None
    inter = rec.get("inter", INTER_BY_KIND[kind])
    if not isinstance(inter, int) or not 1 <= inter <= 8:
        problems.append(f"{where}: inter {inter!r} is not an ACLED inter code 1-8")
        return None
    wikidata = rec.get("wikidata")
    if wikidata is not None and not re.fullmatch(r"Q[1-9]\d*", str(wikidata)):
        problems.append(f"{where}: wikidata {wikidata!r} is not a Q-id")
    try:
        aliases = [x for a in _as_tuple(rec.get("aliases")) for x in expand_alias(a)]
        generic = [x for a in _as_tuple(rec.get("generic_aliases")) for x in expand_alias(a)]
    except ValueError as exc:
        problems.append(f"{where}: {exc}")
        return None
    name = str(rec["name"])
    aliases = list(dict.fromkeys([name, *aliases]))
    return Actor(id=aid, name=name, aliases=tuple(aliases), kind=kind, inter=inter,
                 country=rec.get("country"), parent=rec.get("parent"),
                 wikidata=str(wikidata) if wikidata else None, pack=rec["_pack"],
                 generic_aliases=tuple(dict.fromkeys(generic)),
                 theatres=_as_tuple(rec.get("theatres")), tags=_as_tuple(rec.get("tags")),
                 succeeded_by=rec.get("succeeded_by"), active=rec.get("active"),
                 note=rec.get("note"))


def _validate(actors: list[Actor], origin: dict[str, str], countries: CountryTable,
              problems: list[str]) -> None:
    ids = {a.id for a in actors}
    claimed: dict[str, str] = {}
    for a in actors:
        where = f"{origin[a.id]}: actor {a.id!r}"
        for ref, label in ((a.parent, "parent"), (a.succeeded_by, "succeeded_by")):
            if ref and ref not in ids:
                problems.append(f"{where}: {label} {ref!r} is not a loaded actor")
        for code in (a.country, *a.theatres):
            if code and code not in countries:
                problems.append(f"{where}: country {code!r} is not in demonyms.yaml")
        for alias in a.aliases:
            key = ("ACR:" + acronym_key(alias)) if is_acronym(alias) else alias_key(alias)
            if not key or key == "ACR:":
                problems.append(f"{where}: alias {alias!r} is empty after normalisation")
                continue
            other = claimed.setdefault(key, a.id)
            if other != a.id:
                problems.append(f"{where}: alias {alias!r} is also an alias of {other!r} "
                                f"({origin[other]}); make it a generic_alias of both")
    # A parent chain that loops would hang anything that walks it.
    by_id = {a.id: a for a in actors}
    for a in actors:
        seen, cur = set(), a
        while cur and cur.parent:
            if cur.id in seen:
                problems.append(f"{origin[a.id]}: actor {a.id!r}: parent chain loops")
                break
            seen.add(cur.id)
            cur = by_id.get(cur.parent)


def _load_countries(path, problems: list[str], digest) -> CountryTable:
    data = _read_yaml(path, problems) or {}
    digest.update(path.read_bytes())
    out = []
    for code, rec in (data.get("countries") or {}).items():
        if not re.fullmatch(r"[A-Z]{2}", str(code)) or not isinstance(rec, dict) or "name" not in rec:
            problems.append(f"{path}: country {code!r} needs a two-letter code and a name")
            continue
        out.append(Country(code=code, name=rec["name"], article=bool(rec.get("article")),
                           names=_as_tuple(rec.get("names")), demonyms=_as_tuple(rec.get("demonyms")),
                           capitals=_as_tuple(rec.get("capitals"))))
    return CountryTable(out)


def _load_wording(path, problems: list[str], digest) -> Wording:
    data = _read_yaml(path, problems) or {}
    digest.update(path.read_bytes())

    def table(name: str) -> dict[str, tuple[str, ...]]:
        return {k: tuple(alias_key(w) for w in _as_tuple(v)) for k, v in (data.get(name) or {}).items()}

    return Wording(heads=table("heads"), role_words=table("role_words"),
                   fillers=tuple(alias_key(w) for w in _as_tuple(data.get("fillers"))),
                   designators=table("designators"), cues=table("cues"),
                   anaphora={alias_key(k): dict(v) for k, v in (data.get("anaphora") or {}).items()})

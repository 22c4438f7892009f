"""Actor resolution: from a surface string ("the Syrian army", "ISIS", "Turkish-backed
factions") to a normalised `Actor` from the loaded packs, with the method and a score.

The cascade, cheapest and surest first (each step only runs when the ones before found nothing):

1. exact       the string is an alias as written                                     1.0
2. normalised  the alias key matches (case, accents, quotes, hyphens, "the", "al-",
               possessive 's, plural -s); acronyms match case-sensitively            0.95/0.9
3. acronym     "Islamic State (ISIS)" splits into both forms; an acronym defined in
               parentheses in `context` or earlier in the document is learned       0.9/0.85
   (context)   a bare head NER cut from its owner is read with its neighbours in `context`:
               "forces" in "hosts US forces", "government" in "Syrian government forces",
               "warplanes" in a paragraph naming only Russian aircraft (method metonym)  0.8-0.6
4. metonym     descriptive forms: "Syrian army", "Russian warplanes", "ISIS militants",
               "soldiers of the Caliphate", "Iran's elite Quds Force", "Washington"  0.85-0.5
5. generic     hint-dependent words: "the army", "the regime", "the coalition",
               "security forces" — only with a country hint or a single candidate    0.6-0.5
6. fuzzy       rapidfuzz token_sort_ratio >= 92 on names of 5+ characters, never on
               acronyms, and only when every word lines up with a word of the alias  <= 0.85

`resolve_or_provisional` never drops a name: what the packs do not know becomes a provisional
actor typed from its wording ("Malian troops" -> Military Forces of Mali, "gunmen" ->
Unidentified Armed Group (X), "... Brigade" -> rebel group). `ActorSession` carries the
per-document state (learned acronyms, recent actors for anaphora such as "the group").

This module does not find mentions in text (that is NER's job) and does not pick an actor by
date: "Taliban" resolves to the post-2021 state forces whatever the article's date.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz import fuzz, process

from dateline.resolve.actor_packs import (
    INTER_BY_KIND, Actor, ActorPack, acronym_key, alias_key, clean_surface, is_acronym, singular_key,
)

__all__ = ["Match", "ActorResolver", "ActorSession", "AnaphoraTracker", "link_anaphor", "METHODS"]

METHODS = ("exact", "normalised", "acronym", "metonym", "generic", "fuzzy", "provisional", "anaphora")
_ROLE_CLASSES = {"military": "military", "police": "police", "government": "government"}
_GENERIC_LABELS = {"civilians": "Civilians", "protesters": "Protesters", "rioters": "Rioters",
                   "unidentified": "Unidentified Armed Group"}
_PROVISIONAL_KIND = {"military": "state_forces", "police": "state_forces", "government": "government",
                     "civilians": "civilians", "protesters": "protesters", "rioters": "rioters",
                     "unidentified": "political_militia"}
_COMPOUND = re.compile(r"^(.+?)-(backed|led|run|controlled|held|aligned|allied|linked|affiliated|"
                       r"supported|sponsored|funded|dominated)$", re.IGNORECASE)
_DETERMINERS = {"its", "their", "his", "her", "this", "that", "these", "those"}
_UNIT = re.compile(r"\d{1,3}(?:st|nd|rd|th)\s+(?:(?:Armou?red|Mechani[sz]ed|Infantry|Special Forces|"
                   r"Airborne|Commando|Tank|Artillery|Motori[sz]ed)\s+)?(?:Division|Brigade|Regiment|"
                   r"Battalion|Corps|Army)", re.IGNORECASE)
_HEDGED = re.compile(r"(.+?)\s+(?:believed|thought|suspected|said|understood|assumed|reported)\s+to\s+"
                     r"(?:be|have\s+been)\s+(.+)", re.IGNORECASE)


@dataclass(frozen=True)
class Match:
    """An actor found for a surface string, how it was found, and how sure that is (0-1)."""
    actor: Actor
    method: str
    score: float


class ActorResolver:
    """Resolves surface strings against an `ActorPack`. Build once per worker; thread-safe reads."""

    def __init__(self, pack: ActorPack, *, fuzzy_threshold: float = 92.0, fuzzy_min_length: int = 5):
        self.pack = pack
        self.fuzzy_threshold = fuzzy_threshold
        self.fuzzy_min_length = fuzzy_min_length
        self._exact: dict[str, Actor] = {}
        self._acr: dict[str, Actor] = {}
        self._norm: dict[str, Actor] = {}
        self._sing: dict[str, Actor | None] = {}
        self._generic: dict[str, list[Actor]] = {}
        for actor in pack:
            for alias in actor.aliases:
                self._exact.setdefault(alias, actor)
                if is_acronym(alias):
                    self._acr.setdefault(acronym_key(alias), actor)
                else:
                    key = alias_key(alias)
                    self._norm.setdefault(key, actor)
            for alias in actor.generic_aliases:
                key = ("ACR:" + acronym_key(alias)) if is_acronym(alias) else alias_key(alias)
                bucket = self._generic.setdefault(key, [])
                if actor not in bucket:
                    bucket.append(actor)
        for key, actor in self._norm.items():
            skey = singular_key(key)
            # A plural-stripped key shared by two actors is unsafe; remember it as ambiguous.
            if skey in self._sing and self._sing[skey] is not actor:
                self._sing[skey] = None
            else:
                self._sing[skey] = actor
        self._fuzzy_by_len: dict[int, list[str]] = {}
        for key in self._norm:
            if len(key) >= fuzzy_min_length:
                self._fuzzy_by_len.setdefault(len(key), []).append(key)
        w = pack.wording
        self._heads: dict[str, str] = {}
        for cls in ("military", "police", "government", "civilians", "protesters", "rioters",
                    "unidentified", "nonstate"):
            for phrase in w.heads.get(cls, ()):
                self._heads.setdefault(phrase, cls)
        self._role_words = set(w.role_words.get("state", ()))
        self._fillers = set(w.fillers)
        self._max_head = max((len(h.split()) for h in self._heads), default=1)

    # -- public API ---------------------------------------------------------------------------

    def resolve(self, surface: str, *, context: str | None = None,
                country_hint: str | None = None) -> Match | None:
        """The pack actor `surface` names, or None. `context` is nearby text (a sentence or the
        document) used for acronym definitions and state-vs-forces cues; `country_hint` (ISO
        alpha-2, e.g. the event's country) breaks ties between generic readings."""
        return self._resolve(surface, context, _code(country_hint), None, None)

    def resolve_or_provisional(self, surface: str, *, context: str | None = None,
                               country_hint: str | None = None) -> Match:
        """Like `resolve`, but an unknown name becomes a provisional actor instead of None."""
        intents: list[tuple[str, str | None]] = []
        hint = _code(country_hint)
        found = self._resolve(surface, context, hint, None, intents)
        if found:
            return found
        return Match(self.provisional(surface, country_hint=hint, context=context, _intents=intents),
                     "provisional", 0.3)

    def session(self, *, country_hint: str | None = None, memory: int = 8) -> ActorSession:
        """Per-document state: acronyms learned from "Name (ACR)" and recent actors for anaphora."""
        return ActorSession(self, country_hint=country_hint, memory=memory)

    def provisional(self, surface: str, *, country_hint: str | None = None,
                    context: str | None = None, _intents: list | None = None) -> Actor:
        """A provisional actor for a name no pack knows, typed from its wording."""
        hint = _code(country_hint)
        intents = list(_intents or [])
        if not intents:
            self._resolve(surface, context, hint, None, intents)
        if intents:
            role, code = intents[0]
            return self._provisional_role(role, code, hint)
        name = clean_surface(surface)
        if is_acronym(name) and context:
            name = _definition_in(context, name) or name
        tokens = name.split()
        country = self._country_in(tokens) or hint
        kind = self._kind_from_wording(alias_key(name), tokens)
        if kind in ("identity_militia", "political_militia"):
            name, kind = self._militia_name(tokens, kind, country)
        return _make_provisional(name, kind, country)

    # -- the cascade --------------------------------------------------------------------------

    def _resolve(self, surface: str, context: str | None, hint: str | None,
                 learned: dict[str, Actor] | None, intents: list | None) -> Match | None:
        text = (surface or "").strip()
        if not text:
            return None
        if learned is not None and is_acronym(text) and acronym_key(text) in learned:
            return Match(learned[acronym_key(text)], "acronym", 0.9)
        found = self._strong(text)
        if found:
            return found
        paren = re.fullmatch(r"(.+?)\s*\(([^()]+)\)\s*", text)
        if paren:
            long_m = self._resolve(paren.group(1), context, hint, learned, intents)
            short = paren.group(2).strip()
            if long_m and learned is not None and is_acronym(short) and not self._strong(short):
                learned[acronym_key(short)] = long_m.actor
            if long_m:
                return Match(long_m.actor, "acronym" if long_m.method == "exact" else long_m.method,
                             min(long_m.score, 0.95))
            short_m = self._resolve(short, context, hint, learned, intents)
            if short_m:
                return Match(short_m.actor, "acronym", min(short_m.score, 0.9))
        if context and is_acronym(text):
            long_form = _definition_in(context, clean_surface(text))
            if long_form:
                m = self._strong(long_form)
                if m:
                    if learned is not None:
                        learned[acronym_key(text)] = m.actor
                    return Match(m.actor, "acronym", 0.85)
        widened = self._widened(text, context, hint)
        if widened:
            return widened
        # A pack's own generic alias for this theatre outranks a reading built from wording:
        # "US aircraft" in Iraq is the coalition, elsewhere the US military.
        declared = self._declared_generic(text, hint) if hint else None
        return (declared
                or self._forms(text, context, hint, intents)
                or self._generic_match(text, hint, intents)
                or self._unit(text, hint, intents)
                or self._fuzzy(text))

    def _strong(self, text: str) -> Match | None:
        actor = self._exact.get(text)
        if actor:
            return Match(actor, "exact", 1.0)
        clean = clean_surface(text)
        if clean in self._exact:
            return Match(self._exact[clean], "normalised", 0.95)
        if is_acronym(clean):
            actor = self._acr.get(acronym_key(clean))
            if actor:
                return Match(actor, "normalised", 0.95)
        key = alias_key(clean)
        actor = self._norm.get(key)
        if actor:
            return Match(actor, "normalised", 0.95)
        actor = self._sing.get(singular_key(key))
        if actor:
            return Match(actor, "normalised", 0.9)
        return None

    def _forms(self, text: str, context: str | None, hint: str | None,
               intents: list | None) -> Match | None:
        tokens = clean_surface(text).split()
        # Leading qualifiers do not change who is named: "the so-called Islamic State".
        stripped = self._strip_fillers(tokens)
        if stripped != tokens:
            m = self._strong(" ".join(stripped))
            if m:
                return Match(m.actor, "metonym", 0.9)
            tokens = stripped
        if len(tokens) > 1:
            m = self._compound(tokens, context, hint, intents)
            if m:
                return m
        # "warplanes believed to be Russian": the attribution is hedged, the actor is not.
        hedged = _HEDGED.fullmatch(" ".join(tokens))
        if hedged:
            head = self._heads.get(alias_key(hedged.group(1)))
            code = self._country_phrase(hedged.group(2).split())
            if head and code:
                return self._role_match(head, code, hint, 0.6, intents)
        # "soldiers of the Caliphate", "army of Mali", "government of Iraq".
        lowered = [t.casefold() for t in tokens]
        if "of" in lowered[1:] or "from" in lowered[1:]:
            i = next(j for j, t in enumerate(lowered) if j and t in ("of", "from"))
            head = self._heads.get(alias_key(" ".join(tokens[:i])))
            rest = tokens[i + 1:]
            if head and rest:
                m = self._strong(" ".join(rest))
                if m:
                    return self._with_role(m.actor, head, 0.85)
                code = self._country_phrase(rest)
                if code:
                    return self._role_match(head, code, hint, 0.85, intents)
        # "Iran's elite Quds Force": a country followed by one of its actors.
        code, used = self._country_prefix(tokens)
        if code and used < len(tokens):
            rest = self._strip_fillers(tokens[used:])
            m = self._strong(" ".join(rest))
            if m and m.actor.country in (code, None):
                return Match(m.actor, "metonym", 0.85)
        # "ISIS militants", "Syrian government forces", "Russian and Syrian warplanes".
        for n in range(min(self._max_head, len(tokens) - 1), 0, -1):
            head = self._heads.get(alias_key(" ".join(tokens[-n:])))
            if not head:
                continue
            rest = tokens[:-n]
            m = self._strong(" ".join(rest))
            if m:
                return self._with_role(m.actor, head, 0.85)
            code = self._country_phrase(rest)
            if code:
                return self._role_match(head, code, hint, 0.85, intents)
        if code and used == len(tokens):
            return self._bare_country(tokens, code, context, hint, intents)
        return None

    def _compound(self, tokens: list[str], context, hint, intents) -> Match | None:
        """`X-backed Y`, `X-run Y`: a named Y wins; else an actor X running an institution Y."""
        comp = _COMPOUND.match(tokens[0])
        if not comp:
            # "Russian-made warplanes" says where the planes were built, not who flies them.
            if re.fullmatch(r".+-(?:made|built|supplied|manufactured)", tokens[0], re.IGNORECASE):
                return self._generic_match(" ".join(tokens[1:]), hint, intents)
            return None
        rest = " ".join(tokens[1:])
        m = self._strong(rest) or self._forms(rest, context, hint, None)
        if m and comp.group(2).lower() in ("backed", "aligned", "allied", "linked", "affiliated",
                                           "supported", "sponsored", "funded"):
            return Match(m.actor, "metonym", min(m.score, 0.85))
        if comp.group(2).lower() in ("run", "controlled", "held", "led", "dominated"):
            owner = self._strong(comp.group(1))
            if owner and not owner.actor.state_role and self._heads.get(alias_key(rest)):
                return Match(owner.actor, "metonym", 0.8)
        return None

    def _widened(self, text: str, context: str | None, hint: str | None) -> Match | None:
        """A bare head ("forces", "military", "government") read with the words around it in
        `context`: NER often tags "US" or "Syrian" apart from the noun, and "US forces" or
        "Syrian government forces" name someone the story's country hint does not.

        Every free-standing occurrence of the head in `context` must widen to the same actor;
        occurrences inside a longer phrase ("security forces") belong to other mentions."""
        clean = clean_surface(text)
        key = alias_key(clean)
        if not context or not clean or (key not in self._heads and key not in self._role_words) \
                or self._heads.get(key) in ("nonstate", "unidentified", "civilians"):
            return None
        found: set[str] = set()
        picked: Match | None = None
        aircraft = key in {alias_key(w) for w in self.pack.wording.cues.get("aircraft", ())}
        for occ in re.finditer(r"(?<![\w-])" + re.escape(clean) + r"(?![\w-])", context):
            before = re.findall(r"[\w.'’-]+", context[max(0, occ.start() - 40):occ.start()])
            gap = context[max(0, occ.start() - 1):occ.start()]
            if before and gap.isspace() and alias_key(before[-1]) in self._role_words | set(self._heads):
                continue
            country = None
            if gap.isspace():
                for n in range(min(3, len(before)), 0, -1):
                    if self._country_phrase(before[-n:]):
                        country = " ".join(before[-n:])
                        break
            after = re.match(r"[ \t]+([\w-]+)", context[occ.end():])
            forces = bool(after) and key in self._role_words \
                and self._heads.get(alias_key(after.group(1))) == "military"
            if country is None and not forces:
                if aircraft:
                    # Unowned aircraft defer to the owned ones or the paragraph's one air arm.
                    continue
                return None
            phrase = " ".join(filter(None, (country, clean, after.group(1) if forces else None)))
            m = (self._strong(phrase) or (self._declared_generic(phrase, hint) if hint else None)
                 or self._forms(phrase, None, hint, None)) if country \
                else self._generic_match(phrase, hint, None)
            if m is None:
                return None
            found.add(m.actor.id)
            picked = m
        if picked is None and aircraft:
            return self._air_arm(context, hint)
        if picked is None or len(found) != 1:
            return None
        return Match(picked.actor, "metonym", min(picked.score, 0.8))

    def _air_arm(self, context: str, hint: str | None) -> Match | None:
        """The one country whose aircraft or air force `context` names ("Russian jets"), if one."""
        words = sorted(self.pack.wording.cues.get("aircraft", ()), key=len, reverse=True)
        pattern = r"((?:[\w.'’-]+\s+){1,3})(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])"
        codes: dict[str, Match] = {}
        for m in re.finditer(pattern, context, re.IGNORECASE):
            before = m.group(1).split()
            for n in range(len(before), 0, -1):
                code = self._country_phrase(before[-n:])
                if code and self._country_prefix(before[-n:])[1] <= n:
                    found = self._role_match("military", code, hint, 0.6, None)
                    if found:
                        codes[code] = found
                    break
        return next(iter(codes.values())) if len(codes) == 1 else None

    def _declared_generic(self, text: str, hint: str | None) -> Match | None:
        clean = clean_surface(text)
        tokens = self._strip_fillers(clean.split())
        keys = [("ACR:" + acronym_key(clean)) if is_acronym(clean) else alias_key(clean),
                alias_key(" ".join(tokens))]
        for key in dict.fromkeys(keys):
            cands = self._generic.get(key)
            # Without a hint a bare head noun ("army", "regime", "terrorists") names nobody.
            if cands and (hint or key not in self._heads):
                picked = _pick_by_hint(cands, hint)
                if picked:
                    return Match(picked, "generic", 0.6 if hint else 0.5)
        return None

    def _generic_match(self, text: str, hint: str | None, intents: list | None) -> Match | None:
        found = self._declared_generic(text, hint)
        if found or not hint:
            return found
        tokens = self._strip_fillers(clean_surface(text).split())
        # "the army", "government forces", "regime helicopters", "Soldiers and police".
        words = [t for t in tokens if alias_key(t) not in self._role_words] or tokens
        phrase = alias_key(" ".join(words))
        head = self._heads.get(phrase) or self._heads.get(phrase.split(" and ")[0])
        if head and head != "nonstate":
            return self._role_match(head, hint, hint, 0.55, intents, method="generic")
        return None

    def _unit(self, text: str, hint: str | None, intents: list | None) -> Match | None:
        """"8th Brigade", "137th Brigade": numbered units of the hinted country's forces, which
        ACLED folds into the national military. Named rebel units are pack aliases instead."""
        if hint and _UNIT.fullmatch(clean_surface(text)):
            return self._role_match("military", hint, hint, 0.5, intents, method="generic")
        return None

    def _fuzzy(self, text: str) -> Match | None:
        clean = clean_surface(text)
        key = alias_key(clean)
        if is_acronym(clean) or len(key) < self.fuzzy_min_length:
            return None
        lo, hi = int(len(key) * 0.8), int(len(key) * 1.25) + 1
        choices = [k for n in range(lo, hi + 1) for k in self._fuzzy_by_len.get(n, ())]
        if not choices:
            return None
        best = process.extractOne(key, choices, scorer=fuzz.token_sort_ratio,
                                  score_cutoff=self.fuzzy_threshold)
        if not best or not self._aligned(key, best[0]):
            return None
        return Match(self._norm[best[0]], "fuzzy", round(best[1] / 100 * 0.85, 3))

    def _aligned(self, query: str, alias: str) -> bool:
        """Typos only: every word pairs with a near-identical word, and numbers and country
        words agree exactly ("17th" is not "18th", "Iraqi police" is not "Iranian police")."""
        q, a = query.split(), alias.split()
        if len(q) != len(a):
            return False
        for tok in q:
            if not any(fuzz.ratio(tok, other) >= 75 for other in a):
                return False
        strict = lambda toks: {t for t in toks if any(c.isdigit() for c in t)
                               or t in self.pack.countries.by_ref}
        return strict(q) == strict(a)

    # -- helpers ------------------------------------------------------------------------------

    def _strip_fillers(self, tokens: list[str]) -> list[str]:
        out = list(tokens)
        while len(out) > 1 and (alias_key(out[0]) in self._fillers or out[0].casefold() in _DETERMINERS
                                or not alias_key(out[0])):
            out = out[1:]
        return out

    def _country_prefix(self, tokens: list[str]) -> tuple[str | None, int]:
        """Longest run of leading tokens that names a country, demonym or capital."""
        table = self.pack.countries
        for n in range(min(table.max_ref_tokens, len(tokens)), 0, -1):
            key = alias_key(" ".join(tokens[:n]))
            code = table.by_ref.get(key) or table.by_capital.get(key)
            if code:
                return code, n
        return None, 0

    def _country_phrase(self, tokens: list[str]) -> str | None:
        """The first country of "Russian and Syrian government": countries joined by "and",
        then optional state words. None unless the whole phrase is consumed."""
        code, used = self._country_prefix(tokens)
        if not code:
            return None
        rest = tokens[used:]
        while rest and rest[0].casefold() in ("and", "&", ",", "or"):
            other, n = self._country_prefix(rest[1:])
            if not other:
                break
            rest = rest[1 + n:]
        if all(alias_key(t) in self._role_words or not alias_key(t) for t in rest):
            return code
        return None

    def _country_in(self, tokens: list[str]) -> str | None:
        for i in range(len(tokens)):
            code, _ = self._country_prefix(tokens[i:])
            if code:
                return code
        return None

    def _bare_country(self, tokens, code, context, hint, intents) -> Match | None:
        key = alias_key(" ".join(tokens))
        table = self.pack.countries
        if key in table.by_capital and key not in table.by_ref:
            return self._role_match("government", code, hint, 0.7, intents)
        country = table.by_code[code]
        if key in {alias_key(d) for d in country.demonyms} - {alias_key(n) for n in (country.name, *country.names)}:
            return self._role_match("military", code, hint, 0.5, intents)
        # "Russia" acting or speaking: the nearest cue word in the mention's sentence decides;
        # with no cue the state as a political actor is the safer reading.
        cues = self.pack.wording.cues
        sentence, at = _sentence(context, " ".join(tokens)) if context else ("", 0)
        military = _nearest(sentence, at, cues.get("military", ()))
        statement = _nearest(sentence, at, cues.get("statement", ()))
        role = "military" if military < statement else "government"
        return self._role_match(role, code, hint, 0.6, intents)

    def _with_role(self, actor: Actor, head: str, score: float) -> Match:
        """A state actor plus a head of another role switches role: "Assad regime forces"."""
        role = _ROLE_CLASSES.get(head)
        if actor.state_role and role and role != actor.state_role and actor.country:
            other = self.pack.state_actor(role, actor.country)
            if other:
                return Match(other, "metonym", score)
        return Match(actor, "metonym", score)

    def _role_match(self, head: str, code: str, hint: str | None, score: float,
                    intents: list | None, method: str = "metonym") -> Match | None:
        if head in _ROLE_CLASSES:
            actor = self.pack.state_actor(head, code)
        elif head in _GENERIC_LABELS:
            actor = self.pack.generic_actor(_GENERIC_LABELS[head], code)
        else:
            return None
        if actor:
            return Match(actor, method, score)
        if intents is not None:
            intents.append((head, code))
        return None

    def _provisional_role(self, role: str, code: str | None, hint: str | None) -> Actor:
        country = self.pack.countries.by_code.get(code) if code else None
        if role in _ROLE_CLASSES:
            label = {"military": "Military Forces", "police": "Police Forces", "government": "Government"}[role]
            name = f"{label} of {country.acled_name}" if country else f"{label} (unknown country)"
            kind = _PROVISIONAL_KIND[role]
            if role == "military" and hint and code and hint != code:
                kind = "external_force"
        else:
            name = f"{_GENERIC_LABELS[role]} ({country.name})" if country else _GENERIC_LABELS[role]
            kind = _PROVISIONAL_KIND[role]
        actor = _make_provisional(name, kind, code)
        if role == "unidentified":
            actor = replace(actor, inter=3)
        return actor

    def _kind_from_wording(self, key: str, tokens: list[str]) -> str:
        padded = f" {key} "
        for kind in ("media", "ngo", "political_party", "government", "identity_militia",
                     "political_militia", "rebel_group"):
            for word in self.pack.wording.designators.get(kind, ()):
                if f" {word} " in padded:
                    if kind == "rebel_group" and self._country_phrase(tokens[:-1] or tokens):
                        return "state_forces"
                    return kind
        return "other"

    def _militia_name(self, tokens: list[str], kind: str, country: str | None) -> tuple[str, str]:
        """ACLED-style name and kind: "Dogon militia" -> "Dogon Ethnic Militia (Mali)", identity.

        A one-word qualifier that is not a country ("Dogon", "Makonde") is read as a community,
        so the militia is an identity militia; "pro-government militia" stays political."""
        markers = set(self.pack.wording.designators.get("identity_militia", ())) | set(
            self.pack.wording.designators.get("political_militia", ()))
        core = [t for t in tokens if alias_key(t) not in markers] or tokens
        place = self.pack.countries.by_code.get(country) if country else None
        suffix = f" ({place.name})" if place else ""
        tribal = any(alias_key(t) in ("tribesmen", "tribe", "tribes", "tribal", "clan", "clans") for t in tokens)
        if kind == "identity_militia" or (len(core) == 1 and not self._country_prefix(core)[0]
                                          and not _is_political(core[0])):
            label = "Tribal Militia" if tribal else "Ethnic Militia"
            return f"{' '.join(core)} {label}{suffix}", "identity_militia"
        return f"{' '.join(core)} Militia{suffix}", "political_militia"


class AnaphoraTracker:
    """Recent actors of one document, most recent first, for "the group", "the militia"."""

    def __init__(self, table: Mapping[str, Mapping[str, Any]], memory: int = 8):
        self.table = table
        self.recent: deque[Actor] = deque(maxlen=memory)

    def observe(self, actor: Actor) -> None:
        if actor in self.recent:
            self.recent.remove(actor)
        self.recent.appendleft(actor)

    def link(self, phrase: str) -> Match | None:
        return link_anaphor(phrase, list(self.recent), self.table)


def link_anaphor(phrase: str, recent_actors: Iterable[Actor],
                 table: Mapping[str, Mapping[str, Any]]) -> Match | None:
    """The most recent actor compatible with an anaphoric `phrase`, or None.

    `recent_actors` is most-recent-first; `table` is `ActorPack.wording.anaphora`.
    """
    tokens = [t for t in alias_key(phrase).split() if t not in _DETERMINERS]
    rule = table.get(" ".join(tokens)) or (table.get(tokens[-1]) if tokens else None)
    if not rule:
        return None
    kinds = set(rule.get("kinds", ()))
    fits = [a for a in recent_actors if a.kind in kinds
            and (not rule.get("name_has") or rule["name_has"].casefold() in a.name.casefold())]
    tag = rule.get("prefer_tag")
    preferred = [a for a in fits if tag and tag in a.tags]
    chosen = (preferred or fits or [None])[0]
    return Match(chosen, "anaphora", 0.4) if chosen else None


class ActorSession:
    """One document's resolution state. Not shared between documents or threads."""

    def __init__(self, resolver: ActorResolver, *, country_hint: str | None = None, memory: int = 8):
        self.resolver = resolver
        self.country_hint = _code(country_hint)
        self.learned: dict[str, Actor] = {}
        self.tracker = AnaphoraTracker(resolver.pack.wording.anaphora, memory)

    def resolve(self, surface: str, *, context: str | None = None,
                country_hint: str | None = None) -> Match | None:
        hint = _code(country_hint) or self.country_hint
        m = None
        if self._definite_nonstate(surface) or self._definite_in(surface, context):
            # "the militants" after "al-Shabaab" is al-Shabaab, not an unidentified group.
            m = self.tracker.link(surface)
        if m is None:
            m = self._described_collective(surface)
        if m is None:
            m = self.resolver._resolve(surface, context, hint, self.learned, None)
        if m is None and self._anaphoric(surface):
            m = self.tracker.link(surface)
        if m is not None:
            self.tracker.observe(m.actor)
        return m

    def resolve_or_provisional(self, surface: str, *, context: str | None = None,
                               country_hint: str | None = None) -> Match:
        hint = _code(country_hint) or self.country_hint
        m = self.resolve(surface, context=context, country_hint=hint)
        if m is not None:
            return m
        prov = self.resolver.resolve_or_provisional(surface, context=context, country_hint=hint)
        if is_acronym(surface) and prov.method == "provisional":
            self.learned[acronym_key(surface)] = prov.actor
        paren = re.fullmatch(r"(.+?)\s*\(([^()]+)\)\s*", surface.strip())
        if paren and is_acronym(paren.group(2)):
            self.learned[acronym_key(paren.group(2))] = prov.actor
        self.tracker.observe(prov.actor)
        return prov

    def link(self, phrase: str) -> Match | None:
        m = self.tracker.link(phrase)
        return m

    def _described_collective(self, surface: str) -> Match | None:
        """"gunmen" after "armed terrorist groups" (state media's unnamed rebels) are those rebels.

        A bare perpetrator word ("gunmen", "armed men", "assailants") names an unidentified armed
        group, unless the document has just named an unspecified collective of the same sort; words
        that insist on the unknown ("unidentified gunmen", "unknown assailants") always stay generic.
        """
        key = alias_key(surface)
        words = [t for t in key.split() if t not in _DETERMINERS]
        if not words or words[0] in ("unidentified", "unknown", "suspected") \
                or self.resolver._heads.get(" ".join(words)) != "unidentified":
            return None
        recent = next((a for a in self.tracker.recent if a.kind in ("rebel_group", "political_militia")), None)
        if recent is not None and "(unspecified)" in recent.name:
            return Match(recent, "anaphora", 0.4)
        return None

    def _definite_nonstate(self, surface: str) -> bool:
        words = surface.strip().split()
        if len(words) < 2 or words[0].casefold() not in {"the", *_DETERMINERS}:
            return False
        rule = self.tracker.table.get(alias_key(" ".join(words[1:])))
        return bool(rule) and not set(rule.get("kinds", ())) & {"state_forces", "government"}

    def _definite_in(self, surface: str, context: str | None) -> bool:
        """NER often leaves "the" out of the span: "militants" in "the militants' last stronghold"
        is as definite as "the militants" when every occurrence in `context` has a determiner."""
        words = surface.strip().split()
        if not context or not words or words[0].casefold() in {"the", *_DETERMINERS} \
                or not self._definite_nonstate("the " + surface.strip()):
            return False
        occurrences = list(re.finditer(r"(?<!\w)" + re.escape(surface.strip()) + r"(?!\w)", context))
        dets = "|".join(["the", *_DETERMINERS])
        return bool(occurrences) and all(
            re.search(r"(?:^|\W)(?:" + dets + r")\s+$", context[max(0, o.start() - 8):o.start()], re.IGNORECASE)
            for o in occurrences)

    def _anaphoric(self, surface: str) -> bool:
        tokens = [t for t in alias_key(surface).split() if t not in _DETERMINERS]
        return bool(tokens) and (" ".join(tokens) in self.tracker.table)


# -- module helpers (pure) ----------------------------------------------------------------------

def _is_political(word: str) -> bool:
    return word.casefold().startswith(("pro-", "anti-")) or word.casefold() in {
        "government", "opposition", "party", "loyalist", "rebel", "islamist", "jihadist", "armed"}


def _code(hint: str | None) -> str | None:
    return hint.upper() if hint else None


def _pick_by_hint(cands: list[Actor], hint: str | None) -> Actor | None:
    if hint:
        local = [a for a in cands if a.operates_in(hint)]
        if len(local) == 1:
            return local[0]
        if not local:
            # An actor with no home (an international body) fits any theatre.
            homeless = [a for a in cands if not a.country and not a.theatres]
            return homeless[0] if len(homeless) == 1 else None
        return None
    return cands[0] if len(cands) == 1 else None


def _definition_in(context: str, acronym: str) -> str | None:
    """The long form defined as "Long Form (ACR)" in `context`, matched by initials."""
    letters = [c for c in acronym if c.isalpha()]
    for m in re.finditer(r"\(\s*" + re.escape(acronym) + r"\s*\)", context):
        words = re.findall(r"[\w'’\-]+", context[max(0, m.start() - 160):m.start()])
        letters = [c for c in acronym if c.isalpha()]
        for n in range(min(len(words), 12), 0, -1):
            cand = words[-n:]
            initials = [_initial(w) for w in cand if _initial(w).isupper()]
            if initials == letters and cand[0][0].isupper():
                return " ".join(cand)
    # No definition: a capitalised run whose initials spell the acronym ("Syrian Monitor for
    # Human Rights" for SMHR), the way outlets introduce themselves in a header.
    for run in re.finditer(r"[A-Z][\w'’\-]*(?:[ \t]+(?:(?:of|for|the|and|de|al|el)[ \t]+)*[A-Z][\w'’\-]*)+",
                           context):
        words = run.group(0).split()
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                window = words[i:j]
                if window[0][0].isupper() and [_initial(w) for w in window if _initial(w).isupper()] == letters:
                    return " ".join(window)
    return None


def _initial(word: str) -> str:
    """First letter for acronym matching; "al-Raqqa" gives R."""
    return re.sub(r"^(?:al|el|ad|as|ash|an|ar|at|az)-", "", word)[:1] or word[:1]


def _sentence(context: str, surface: str) -> tuple[str, int]:
    """The sentence holding the first whole-word `surface` in `context`, and its offset there."""
    m = re.search(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", context)
    if not m:
        return "", 0
    start = max(context.rfind(". ", 0, m.start()), context.rfind("\n", 0, m.start())) + 1
    ends = [i for i in (context.find(". ", m.end()), context.find("\n", m.end())) if i >= 0]
    end = min(ends) if ends else len(context)
    return context[start:end].casefold(), m.start() - start


def _nearest(sentence: str, at: int, words: Iterable[str]) -> int:
    """Distance from `at` to the closest whole-word occurrence of any of `words`."""
    best = 10 ** 6
    for word in words:
        for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", sentence):
            best = min(best, abs(m.start() - at))
    return best


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", alias_key(name).replace(" ", "-")).strip("-") or "unknown"


def _make_provisional(name: str, kind: str, country: str | None) -> Actor:
    return Actor(id=f"prov:{_slug(name)}", name=name, aliases=(name,), kind=kind,
                 inter=INTER_BY_KIND[kind], country=country, provisional=True, pack="provisional")

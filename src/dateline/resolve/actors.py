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

`ActorResolver` is assembled from three modules: this one holds the cascade and its lookups;
`actor_context` the readings that look into the paragraph (the "(context)" step, compounds, bare
countries, acronym definitions); `actor_provisional` the typing of unknown actors. `Match`,
`ActorSession` and the anaphora links are in `actor_session` and re-exported here.

This module does not find mentions in text (that is NER's job) and does not pick an actor by
date: "Taliban" resolves to the post-2021 state forces whatever the article's date.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from dateline.resolve.actor_context import ContextReadings, definition_in
from dateline.resolve.actor_packs import (
    Actor, ActorPack, acronym_key, alias_key, clean_surface, is_acronym, singular_key,
)
from dateline.resolve.actor_provisional import GENERIC_LABELS, ROLE_CLASSES, ProvisionalTyping
from dateline.resolve.actor_session import (
    DETERMINERS, METHODS, ActorSession, AnaphoraTracker, Match, country_code, link_anaphor,
)

__all__ = ["Match", "ActorResolver", "ActorSession", "AnaphoraTracker", "link_anaphor", "METHODS"]

_UNIT = re.compile(r"\d{1,3}(?:st|nd|rd|th)\s+(?:(?:Armou?red|Mechani[sz]ed|Infantry|Special Forces|"
                   r"Airborne|Commando|Tank|Artillery|Motori[sz]ed)\s+)?(?:Division|Brigade|Regiment|"
                   r"Battalion|Corps|Army)", re.IGNORECASE)
_HEDGED = re.compile(r"(.+?)\s+(?:believed|thought|suspected|said|understood|assumed|reported)\s+to\s+"
                     r"(?:be|have\s+been)\s+(.+)", re.IGNORECASE)


class ActorResolver(ContextReadings, ProvisionalTyping):
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
        self._fuzzy_memo: dict[str, Match | None] = {}
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
        return self._resolve(surface, context, country_code(country_hint), None, None)

    def resolve_or_provisional(self, surface: str, *, context: str | None = None,
                               country_hint: str | None = None) -> Match:
        """Like `resolve`, but an unknown name becomes a provisional actor instead of None."""
        intents: list[tuple[str, str | None]] = []
        hint = country_code(country_hint)
        found = self._resolve(surface, context, hint, None, intents)
        if found:
            return found
        return Match(self.provisional(surface, country_hint=hint, context=context, _intents=intents),
                     "provisional", 0.3)

    def session(self, *, country_hint: str | None = None, memory: int = 8) -> ActorSession:
        """Per-document state: acronyms learned from "Name (ACR)" and recent actors for anaphora."""
        return ActorSession(self, country_hint=country_hint, memory=memory)

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
            return self._local_reading(text, found.actor, hint) or found
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
            long_form = definition_in(context, clean_surface(text))
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

    def _local_reading(self, text: str, found: Actor, hint: str | None) -> Match | None:
        """A name two packs share ("ADF": Australia's forces, Congo's Allied Democratic Forces;
        "al-Shabaab": Somalia's group, Mozambique's insurgents) goes to the actor that lists it as a
        generic alias and operates in the story's country, when the plain owner does not."""
        if not hint or found.operates_in(hint) or not (found.country or found.theatres):
            return None
        clean = clean_surface(text)
        key = ("ACR:" + acronym_key(clean)) if is_acronym(clean) else alias_key(clean)
        local = [a for a in self._generic.get(key, ()) if a is not found and a.operates_in(hint)]
        return Match(local[0], "generic", 0.8) if len(local) == 1 else None

    def shared_abroad(self, text: str, found: Actor) -> bool:
        """Whether a pack of another country also lists this name for an actor of its own
        ("al-Shabaab" in Somalia and in Mozambique): such a name cannot tell the story's country."""
        clean = clean_surface(text)
        key = ("ACR:" + acronym_key(clean)) if is_acronym(clean) else alias_key(clean)
        return any(a is not found and a.country != found.country for a in self._generic.get(key, ()))

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
        """The pack alias `text` misspells, remembered per name: unknown names recur across documents
        and the scan over aliases of similar length is the resolver's slowest step."""
        if text not in self._fuzzy_memo:
            if len(self._fuzzy_memo) >= 50_000:
                self._fuzzy_memo.clear()
            self._fuzzy_memo[text] = self._fuzzy_scan(text)
        return self._fuzzy_memo[text]

    def _fuzzy_scan(self, text: str) -> Match | None:
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
        while len(out) > 1 and (alias_key(out[0]) in self._fillers or out[0].casefold() in DETERMINERS
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
    def _with_role(self, actor: Actor, head: str, score: float) -> Match:
        """A state actor plus a head of another role switches role: "Assad regime forces"."""
        role = ROLE_CLASSES.get(head)
        if actor.state_role and role and role != actor.state_role and actor.country:
            other = self.pack.state_actor(role, actor.country)
            if other:
                return Match(other, "metonym", score)
        return Match(actor, "metonym", score)

    def _role_match(self, head: str, code: str, hint: str | None, score: float,
                    intents: list | None, method: str = "metonym") -> Match | None:
        if head in ROLE_CLASSES:
            actor = self.pack.state_actor(head, code)
        elif head in GENERIC_LABELS:
            actor = self.pack.generic_actor(GENERIC_LABELS[head], code)
        else:
            return None
        if actor:
            return Match(actor, method, score)
        if intents is not None:
            intents.append((head, code))
        return None


# -- module helpers (pure) ----------------------------------------------------------------------

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

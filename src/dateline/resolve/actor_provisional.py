"""Provisional actors: what the packs do not know, typed from its wording so no name is dropped.

"Malian troops" -> Military Forces of Mali, "gunmen" -> Unidentified Armed Group (X), "Dogon
militia" -> Dogon Ethnic Militia (Mali), "... Brigade" -> rebel group. A provisional actor has an
id under `prov:` and `provisional=True`, so later stages can tell it from a pack actor.

`ProvisionalTyping` is a part of `ActorResolver` (`dateline.resolve.actors`), split out for size: it
uses the resolver's cascade (`_resolve`, for the role a failed reading wanted) and its country
lookups (`_country_in`, `_country_prefix`, `_country_phrase`). It does not resolve names to pack
actors.
"""
from __future__ import annotations

import re
from dataclasses import replace

from dateline.resolve.actor_context import definition_in
from dateline.resolve.actor_packs import INTER_BY_KIND, Actor, alias_key, clean_surface, is_acronym
from dateline.resolve.actor_session import country_code

ROLE_CLASSES = {"military": "military", "police": "police", "government": "government"}
GENERIC_LABELS = {"civilians": "Civilians", "protesters": "Protesters", "rioters": "Rioters",
                  "unidentified": "Unidentified Armed Group"}
_PROVISIONAL_KIND = {"military": "state_forces", "police": "state_forces", "government": "government",
                     "civilians": "civilians", "protesters": "protesters", "rioters": "rioters",
                     "unidentified": "political_militia"}


class ProvisionalTyping:
    """The provisional-actor half of `ActorResolver` (mixed into it; not used alone)."""

    def provisional(self, surface: str, *, country_hint: str | None = None,
                    context: str | None = None, _intents: list | None = None) -> Actor:
        """A provisional actor for a name no pack knows, typed from its wording."""
        hint = country_code(country_hint)
        intents = list(_intents or [])
        if not intents:
            self._resolve(surface, context, hint, None, intents)
        if intents:
            role, code = intents[0]
            return self._provisional_role(role, code, hint)
        name = clean_surface(surface)
        if is_acronym(name) and context:
            name = definition_in(context, name) or name
        tokens = name.split()
        country = self._country_in(tokens) or hint
        kind = self._kind_from_wording(alias_key(name), tokens)
        if kind in ("identity_militia", "political_militia"):
            name, kind = self._militia_name(tokens, kind, country)
        return _make_provisional(name, kind, country)

    def _provisional_role(self, role: str, code: str | None, hint: str | None) -> Actor:
        country = self.pack.countries.by_code.get(code) if code else None
        if role in ROLE_CLASSES:
            label = {"military": "Military Forces", "police": "Police Forces", "government": "Government"}[role]
            name = f"{label} of {country.acled_name}" if country else f"{label} (unknown country)"
            kind = _PROVISIONAL_KIND[role]
            if role == "military" and hint and code and hint != code:
                kind = "external_force"
        else:
            name = f"{GENERIC_LABELS[role]} ({country.name})" if country else GENERIC_LABELS[role]
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


def _is_political(word: str) -> bool:
    return word.casefold().startswith(("pro-", "anti-")) or word.casefold() in {
        "government", "opposition", "party", "loyalist", "rebel", "islamist", "jihadist", "armed"}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", alias_key(name).replace(" ", "-")).strip("-") or "unknown"


def _make_provisional(name: str, kind: str, country: str | None) -> Actor:
    return Actor(id=f"prov:{_slug(name)}", name=name, aliases=(name,), kind=kind,
                 inter=INTER_BY_KIND[kind], country=country, provisional=True, pack="provisional")
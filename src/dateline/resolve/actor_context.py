"""Actor readings that look past the mention into its paragraph (the "(context)" step of the
cascade in `dateline.resolve.actors`), and the text scans they share.

- a bare head NER cut from its owner, read with its neighbours: "forces" in "hosts US forces",
  "government" in "Syrian government forces";
- unowned aircraft in a paragraph naming only one country's aircraft ("Russian jets");
- `X-backed Y` / `X-run Y` compounds;
- a bare country ("Russia") acting or speaking, decided by the nearest cue word in its sentence;
- an acronym's long form defined in the text ("Islamic State (ISIS)").

`ContextReadings` is a part of `ActorResolver`, split out for size: it calls the resolver's own
lookups (`_strong`, `_forms`, `_generic_match`, `_declared_generic`, `_role_match`,
`_country_phrase`, `_country_prefix`) and tables (`_heads`, `_role_words`, `pack`). It finds no
mentions and keeps no state between calls.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from dateline.resolve.actor_packs import alias_key, clean_surface
from dateline.resolve.actor_session import Match

_COMPOUND = re.compile(r"^(.+?)-(backed|led|run|controlled|held|aligned|allied|linked|affiliated|"
                       r"supported|sponsored|funded|dominated)$", re.IGNORECASE)


class ContextReadings:
    """The paragraph-context half of `ActorResolver` (mixed into it; not used alone)."""

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


def definition_in(context: str, acronym: str) -> str | None:
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

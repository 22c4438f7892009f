"""Entity-ruler patterns from names: the spelling variants news uses, and cased vs caseless routing.

Responsible for: turning `(label, phrase, id)` triples (from the actor packs and gazetteer names,
which the pipeline reads) into spaCy ruler patterns, and deciding which patterns may match
case-insensitively. Not responsible for: reading actor packs or the gazetteer (a later stage owns
them; annotate must not import it), or resolving a match to an actor (resolve does that via `id`).

Why two kinds of pattern: multi-token names ("Syrian Democratic Forces", "al-Raqqa") are safe to
match on lower case, which also covers "SYRIAN DEMOCRATIC FORCES" in a shouty headline. A single
token is not: the acronym "IS" lower-cased is the verb "is", and a village called "Said" would
match every "said". Single tokens therefore match on exact spelling, with the few case forms a
writer actually uses added as variants. Both kinds stay phrase patterns so thousands of them are
matched by a PhraseMatcher in roughly constant time per token.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# Arabic definite-article prefixes as transliterated in English news: al-Raqqa, Al Raqqa, ar-Raqqa.
_ARTICLE = re.compile(r"^(?P<art>[Aa][lrnsdtz])(?P<sep>[- ’'])(?=\w)")
_APOSTROPHES = ("'", "’")


def _article_variants(phrase: str) -> set[str]:
    """"al-Raqqa" -> {"al-Raqqa", "al Raqqa", "Al-Raqqa", "Al Raqqa"}; also mid-phrase ("Deir al-Zor")."""
    out = {phrase}
    for sep_from, sep_to in (("-", " "), (" ", "-")):
        for p in list(out):
            out.add(re.sub(rf"\b([Aa][lrnsdtz]){re.escape(sep_from)}(?=[A-Z])", rf"\1{sep_to}", p))
    for p in list(out):
        m = _ARTICLE.match(p)
        if m:
            art = m["art"]
            flipped = art[0].swapcase() + art[1:]
            out.add(flipped + p[len(art):])
    return out


def _hyphen_variants(phrase: str) -> set[str]:
    """"Counter-Daesh Coalition" also as "Counter Daesh Coalition", and the reverse for two-word names."""
    out = {phrase}
    if "-" in phrase:
        out.add(phrase.replace("-", " "))
    return out


def _apostrophe_variants(phrase: str) -> set[str]:
    """Straight and curly apostrophes are both common ("People's" / "People’s")."""
    out = {phrase}
    for a, b in (_APOSTROPHES, _APOSTROPHES[::-1]):
        if a in phrase:
            out.add(phrase.replace(a, b))
    return out


def spelling_variants(phrase: str) -> list[str]:
    """All the surface forms we add for one name, sorted so the output is deterministic."""
    phrase = " ".join(phrase.split())
    if not phrase:
        return []
    forms = {phrase}
    for expand in (_article_variants, _hyphen_variants, _apostrophe_variants):
        forms = {v for f in forms for v in expand(f)}
    return sorted(forms)


def case_variants(token: str) -> list[str]:
    """The case forms a single-token name is written in. Acronyms keep their exact spelling only:
    "IS" must not become "Is" (sentence-initial verb) and "US" must not become "Us". A capitalised
    name gets its upper-case form (headlines) but never a lower-case one."""
    if token.isupper() or any(c.isupper() for c in token[1:]):
        return [token]
    if token[:1].isupper():
        # No lower-case form: a place called "Said" or "Bab" must not match the common word.
        return sorted({token, token.upper()})
    return sorted({token, token.upper(), token[:1].upper() + token[1:]})


def patterns_from_names(entries: Iterable[tuple[str, str, str | None]]) -> list[dict]:
    """Ruler patterns for `(label, phrase, id)` triples, with spelling variants.

    The output is plain spaCy EntityRuler/SpanRuler format (`{"label", "pattern", "id"}` with a
    string pattern), so a caller can also hand-write or filter them. Case variants are not spelled
    out for multi-token names: the annotator matches those on lower case (see module docstring).
    """
    seen: set[tuple[str, str, str | None]] = set()
    out: list[dict] = []
    for label, phrase, ident in entries:
        for form in spelling_variants(phrase):
            forms = case_variants(form) if " " not in form and "-" not in form else [form]
            for f in forms:
                key = (label, f, ident)
                if key in seen:
                    continue
                seen.add(key)
                pattern = {"label": label, "pattern": f}
                if ident:
                    pattern["id"] = ident
                out.append(pattern)
    return out


def split_by_case(patterns: Iterable[dict], n_tokens: Callable[[str], int]) -> tuple[list[dict], list[dict]]:
    """(caseless, cased): string patterns of several tokens match on lower case, single tokens on
    exact spelling; token-list patterns (the Matcher format) are passed through with the cased set,
    since they state their own attributes.

    `n_tokens` is the pipeline's tokenizer count, so "U.S." (one token) and "al-Qaida" (three) are
    routed the way the matcher will see them.
    """
    caseless: list[dict] = []
    cased: list[dict] = []
    for p in patterns:
        pat = p.get("pattern")
        if isinstance(pat, str) and n_tokens(pat) > 1:
            caseless.append(p)
        else:
            cased.append(p)
    return caseless, cased

"""Required literals: the strings a regular expression cannot match without, to skip costly searches.

Responsible for: `required_literals(pattern)`, read off the parsed pattern, a few strings such that
every match of `pattern` contains at least one of them once both are passed through `fold`; and
`fold`, the per-character case folding that makes "contains" agree with `re.IGNORECASE` (the simple
lowercase mapping plus the few characters `re` also treats as equal, such as "ſ" and "s"). The block
classifier tries some twenty unanchored, case-insensitive patterns on every block; a body paragraph
matches none of them, and `needle in folded` (a C substring search) says so far faster than `re`
walking every position of the paragraph for every pattern.

The answer is only ever a necessary condition: when a pattern holds something this module does not
understand, that part adds no requirement, and a pattern with no requirement left gets None (always
search). So a skipped search is one that could not have matched, and results never change.

Not responsible for: deciding anything about a block (`paragraphs`).
"""
from __future__ import annotations

import re
import re._casefix as _casefix
import re._constants as _c
import re._parser as _parser

__all__ = ["required_literals", "fold"]

MAX_ALTERNATIVES = 64   # strings kept while expanding a run of literals and small alternations
SELECTIVE_CHARS = 5     # a string this long rarely occurs by chance in a paragraph


def _canonical_table() -> dict[int, str]:
    # `re` with IGNORECASE treats these as equal after lowercasing ("ſ" ~ "s", "ς" ~ "σ"): map each
    # class to one of its members.
    table: dict[int, str] = {}
    for key, extra in _casefix._EXTRA_CASES.items():
        members = {key, *extra}
        for m in list(members):
            members |= set(_casefix._EXTRA_CASES.get(m, ()))
        table[key] = chr(min(members))
    return {k: v for k, v in table.items() if chr(k) != v}


_CANONICAL = _canonical_table()


def fold(text: str) -> str:
    """`text` with every character mapped to its `re.IGNORECASE` class. Per character, so a
    pattern's literal and the text it matches fold to the same string."""
    if text.isascii():
        return text.lower()
    # str.lower() is the simple lowercase mapping for every character but "İ" (-> "i" + U+0307);
    # final sigma, which str.lower() writes "ς", is in the same class as "σ".
    return text.replace("\u0130", "i").lower().translate(_CANONICAL)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Folded strings one of which every match of `pattern` contains; None when none could be found."""
    try:
        exact, needed = _sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # an unfamiliar parse tree: no requirement, the pattern is always searched
        return None
    best = _better(needed, exact if exact is not None and "" not in exact else None)
    if best is None:
        return None
    # A string that contains another one adds nothing to "contains one of them".
    kept = sorted(best, key=lambda s: (len(s), s))
    return tuple(s for i, s in enumerate(kept) if not any(t in s for t in kept[:i]))


def _score(needles: frozenset[str] | None) -> tuple[int, int, int]:
    # Longer strings occur by chance less often, up to a point; past it, fewer strings to look for
    # costs less than longer ones.
    if not needles:
        return (-1, 0, 0)
    shortest = min(len(s) for s in needles)
    return (min(shortest, SELECTIVE_CHARS), -len(needles), shortest)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    return a if _score(a) >= _score(b) else b


def _concat(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > MAX_ALTERNATIVES:
        return None
    return frozenset(x + y for x in a for y in b)


_EMPTY = frozenset({""})


def _sequence(items: list) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """(exact, needed) for a sequence of parse items: `exact` is every string the sequence can
    match (None when unknown or too many), `needed` the strings one of which any match contains."""
    run: frozenset[str] | None = _EMPTY
    needed: frozenset[str] | None = None
    whole_exact = True
    for op, av in items:
        exact, item_needed = _item(op, av)
        needed = _better(needed, item_needed)
        if exact is not None:
            if run is not None and "" not in run:
                needed = _better(needed, run)  # what the run holds so far is required on its own
            joined = _concat(run, exact) if run is not None else None
            if joined is None:  # too many strings: what was collected so far stands on its own
                if run is not None and "" not in run:
                    needed = _better(needed, run)
                run, whole_exact = exact, False
            else:
                run = joined
        else:
            if run is not None and "" not in run:
                needed = _better(needed, run)
            run, whole_exact = _EMPTY, False
    if run is not None and "" not in run:
        needed = _better(needed, run)
    return (run if whole_exact else None), needed


def _item(op, av) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    if op is _c.LITERAL:
        return frozenset({fold(chr(av))}), None
    if op is _c.AT:
        return _EMPTY, None  # zero-width: the literals on either side stay adjacent
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return _EMPTY, None  # zero-width; what a lookaround looks at is not required here
    if op is _c.IN:
        if all(o is _c.LITERAL for o, _ in av):
            return frozenset(fold(chr(v)) for _, v in av), None
        return None, None
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is _c.BRANCH:
        results = [_sequence(list(alt)) for alt in av[1]]
        exact: frozenset[str] | None = frozenset()
        for e, _ in results:
            exact = exact | e if exact is not None and e is not None else None
        if exact is not None and len(exact) > MAX_ALTERNATIVES:
            exact = None
        needed: frozenset[str] | None = frozenset()
        for e, n in results:
            own = _better(n, e if e is not None and "" not in e else None)
            needed = needed | own if needed is not None and own is not None else None
        return exact, needed or None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        exact, needed = _sequence(list(sub))
        if lo == 0:
            return (exact | _EMPTY if hi == 1 and exact is not None else None), None
        own = _better(needed, exact if exact is not None and "" not in exact else None)
        return (exact if lo == hi == 1 else None), own
    return None, None  # any character, a class, a back reference: unknown

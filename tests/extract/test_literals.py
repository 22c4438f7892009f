"""Required literals must be a necessary condition: a text the pattern matches always contains one."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.extract.boilerplate_patterns import BOILERPLATE_RULES, CAPTION_RULES
from dateline.extract.literals import fold, required_literals
from dateline.extract.paragraphs import _line_rule

RULES = [(reason, pattern) for reason, pattern, _ in BOILERPLATE_RULES] + list(CAPTION_RULES)


@pytest.mark.parametrize("reason, pattern", RULES, ids=[r for r, _ in RULES])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_match_contains_a_required_literal(reason, pattern, data):
    needles = required_literals(pattern)
    text = data.draw(st.from_regex(pattern))
    assert pattern.search(text)
    assert needles is None or any(n in fold(text) for n in needles), (reason, text)


def test_fold_agrees_with_ignorecase_for_every_character():
    import _sre

    classes: dict[str, str] = {}
    for c in range(sys.maxunicode + 1):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        assert len(fold(ch)) == 1
        # re's own notion of equal: the compiled IGNORECASE literal of the simple lowercase.
        key = fold(chr(_sre.unicode_tolower(c)))
        assert fold(ch) == key
        classes.setdefault(key, ch)
    for a, b in [("ſ", "s"), ("K", "k"), ("İ", "i"), ("Σ", "ς"), ("ΑΣ", "ασ")]:
        assert (re.fullmatch(re.escape(b), a, re.I) is not None) == (fold(a) == fold(b))


@pytest.mark.parametrize("pattern, needles", [
    (r"\bcookies?\b.*\bpolicy", ("cookie",)),
    (r"^(?:share|tweet)\b", ("share", "tweet")),
    (r"e-?mail", ("email", "e-mail")),
    (r"\w+\s*=", ("=",)),
    (r"[a-z]+", None),
    (r"(?:ab)?c?", None),
])
def test_required_literals_of_small_patterns(pattern, needles):
    assert required_literals(re.compile(pattern, re.I)) == needles


@pytest.mark.parametrize("text", [
    "Your email address will not be published. Required fields are marked *",
    "SHARE ON FACEBOOK", "ſhare this", "Follow us on Twitter", "© 2019 The Harbour Ledger",
    "Photo: AFP", "Advertisement", "Fighters attacked the checkpoint before dawn on Monday.",
    "Quelque chose : ÉDITION SPÉCIALE", "Подписывайтесь на наш канал",
])
def test_the_line_rule_gives_what_trying_every_pattern_gives(text):
    n = len(re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", text))
    first = next((reason for reason, pattern, most in BOILERPLATE_RULES if n <= most and pattern.search(text)), None)
    got = _line_rule(text)
    rule_reasons = {reason for reason, _, _ in BOILERPLATE_RULES}
    if first is not None:
        assert got == ("boilerplate", first)
    else:
        assert got is None or got[1] not in rule_reasons

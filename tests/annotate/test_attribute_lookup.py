"""User stories for the fast attribute ruler: same tokens as spaCy's own, and it saves and loads.

These load the real model (skipped when none is installed); nothing is mocked.
"""
from __future__ import annotations

import pytest

from dateline.annotate import ModelNotFound, load_pipeline
from dateline.annotate.attribute_lookup import AttributeLookup, use_attribute_lookup

TEXTS = [
    "Rebels shelled the town on Monday, the Syrian Observatory said. Two people were killed.",
    "It isn't gonna work, y'all. Let's go! C'mon, there is nothin' we can't do.",
    "I told you it was him.   Do you have it? We're sure they've got ta leave.",
    "  \n Spaces and   odd\twhitespace, but no words that matter.",
]


def _tokens(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def stock_and_fast():
    try:
        stock = load_pipeline(fast_attributes=False)
    except ModelNotFound as exc:
        pytest.skip(str(exc))
    return stock, load_pipeline()


def test_the_default_pipeline_uses_the_lookup_and_tags_exactly_like_the_stock_ruler(stock_and_fast):
    stock, fast = stock_and_fast
    assert isinstance(fast.get_pipe("attribute_ruler"), AttributeLookup)
    assert not isinstance(stock.get_pipe("attribute_ruler"), AttributeLookup)
    for text in TEXTS:
        assert _tokens(fast(text)) == _tokens(stock(text)), text


def test_with_the_parser_and_lemmatizer_the_dependency_rules_agree_too():
    try:
        stock = load_pipeline(exclude=(), fast_attributes=False)
    except ModelNotFound as exc:
        pytest.skip(str(exc))
    fast = load_pipeline(exclude=(), fast_attributes=False)
    use_attribute_lookup(fast)
    use_attribute_lookup(fast)  # a second swap is a no-op
    for text in TEXTS:
        assert _tokens(fast(text)) == _tokens(stock(text)), text


def test_a_saved_pipeline_loads_again_with_its_patterns(stock_and_fast, tmp_path):
    stock, fast = stock_and_fast
    fast.to_disk(tmp_path / "m")
    again = load_pipeline(str(tmp_path / "m"))
    lookup = again.get_pipe("attribute_ruler")
    assert isinstance(lookup, AttributeLookup) and len(lookup.attrs) == len(stock.get_pipe("attribute_ruler").attrs)
    assert _tokens(again(TEXTS[1])) == _tokens(stock(TEXTS[1]))

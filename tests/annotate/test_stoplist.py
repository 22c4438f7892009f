"""The stoplist value: extending it never changes the original."""
from __future__ import annotations

from dateline.annotate import Stoplist


def test_extended_returns_a_copy():
    base = Stoplist.default()
    more = base.extended({"Breaking"}, {"Hamas": "ORG"})
    assert "breaking" in more.never_names and more.forced_labels["hamas"] == "ORG"
    assert "hamas" not in base.forced_labels


def test_empty_stoplist_is_empty():
    assert not Stoplist().never_names and not Stoplist().forced_labels

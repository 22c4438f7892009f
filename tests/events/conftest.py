"""The whole pipeline as the events tests call it: `analyze(text, published=...)`, dated 2019-07-24."""
from __future__ import annotations

import pytest

import dateline

PUBLISHED = "2019-07-24"


@pytest.fixture(scope="session")
def analyze():
    try:
        dateline.analyze("Warm-up text about Aleppo.", published=PUBLISHED)
    except Exception as exc:  # the model or the gazetteer is not installed
        pytest.skip(f"pipeline not available: {exc}")

    def run(text: str, published: str | None = PUBLISHED):
        return dateline.analyze(text, published=published)
    return run

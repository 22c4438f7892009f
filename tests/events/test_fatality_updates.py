"""ACLED toll choice with updates, superseded and campaign figures (pure functions, no model)."""
from dateline.events.fatalities import conservative


def _claim(value, start, claimant=None, **flags):
    return {"value": value, "low": value, "high": value, "claimant": claimant, "start": start,
            "end": start + 2, "vague": False, **flags}


def test_same_source_update_replaces_its_earlier_figures():
    gov = "Donetsk Oblast Governor Pavlo Kyrylenko"
    claims = [_claim(50, 10, gov), _claim(30, 90, superseded=True, said_by="governor"),
              _claim(39, 99, superseded=True, said_by="governor")]
    assert conservative(claims)[0] == 50


def test_another_sources_earlier_figure_stays_a_competing_claim():
    claims = [_claim(160, 10, "a local official", update=True), _claim(134, 90, superseded=True, said_by="minusma")]
    assert conservative(claims)[0] == 134


def test_rose_to_supersedes_the_same_sources_first_count():
    claims = [_claim(10, 10), _claim(25, 90, update=True)]
    assert conservative(claims)[0] == 25
    assert conservative([_claim(10, 10, "police"), _claim(25, 90, "ministry", update=True)])[0] == 10

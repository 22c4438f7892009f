"""Framing on the five samples: each outlet's words for Islamic State and for the Raqqa events,
and the Raqqa destruction and casualty claims with whoever made them."""
from __future__ import annotations

import pytest

from dateline.corpus import compare, framing, list_stories, source_diversity
from dateline.pipeline import run
from dateline.store import Store
from dateline.store.stories import StoryTables


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory):
    from tests.conftest import SAMPLES

    if not (SAMPLES / "articles").is_dir():
        pytest.skip("../shared/samples is not present")
    db = str(tmp_path_factory.mktemp("samples") / "samples.sqlite")
    run([str(SAMPLES / "articles")], db)
    return db


def test_each_outlet_has_its_own_terms_for_islamic_state(samples_db):
    with Store.open(samples_db, readonly=True) as store:
        table = framing(StoryTables(store))
    isis = table[("actor", "islamic-state")]
    assert len(isis["outlets"]) >= 4
    terms = {outlet: {t["term"] for t in ts} for outlet, ts in isis["outlets"].items()}
    assert len(set().union(*terms.values()) & {"isis", "isil", "daesh", "islamic state"}) >= 3
    assert any("daesh" in t for t in terms.values()) and any("isil" in t for t in terms.values())


def test_the_raqqa_events_are_framed_and_their_claims_keep_claimants(samples_db):
    with Store.open(samples_db, readonly=True) as store:
        tables = StoryTables(store)
        table = framing(tables)
        raqqa = [s for s in list_stories(tables) if s["place_name"] and "raqq" in s["place_name"].lower()]
        story_terms = {t["term"] for s in raqqa for ts in table.get(("story", s["id"]), {"outlets": {}})["outlets"].values()
                       for t in ts}
        claims = [c for s in raqqa for c in s["record"]["figures"]]
        accounts = [a for s in raqqa for c in compare(tables, story_id=s["id"]) for a in c["accounts"]]
        diversity = source_diversity(tables)
    assert raqqa and {"liberation", "fall"} <= story_terms
    assert any("1,130" in c["text"] and c["claimant"] == "Syrian activists" for c in claims)
    assert any("90%" in c["text"] and "government" in c["claimant"] for c in claims)
    assert any(a["claims"] for a in accounts)
    assert all(0 <= (r["figure_attribution"] or 0) <= 1 for r in diversity) and any(r["quotes"] for r in diversity)

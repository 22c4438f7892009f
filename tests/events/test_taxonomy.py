"""The shipped taxonomy loads and is internally consistent."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.events.taxonomy import Taxonomy

DEV_TAXONOMY = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "dateline-dev-events" / "events.jsonl"


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return Taxonomy.load()


def test_counts(tax):
    assert len(tax.disorder_types) == 3
    assert len(tax.event_types) == 6
    assert len(tax.sub_event_types) == 25
    assert [c.inter for c in tax.actor_categories] == list(range(1, 9))


def test_every_sub_type_maps_to_one_event_and_disorder_type(tax):
    for name, sub in tax.sub_event_types.items():
        assert tax.event_type_of(name) in tax.event_types
        assert tax.disorder_type_of(name) == tax.event_types[sub.event_type]
        assert sub.definition and sub.triggers
        assert tax.plover_of(name).isupper()
    per_type = {}
    for sub in tax.sub_event_types.values():
        per_type[sub.event_type] = per_type.get(sub.event_type, 0) + 1
    assert per_type == {"Battles": 3, "Explosions/Remote violence": 6, "Violence against civilians": 3,
                        "Protests": 3, "Riots": 2, "Strategic developments": 8}


def test_actor_kinds_named_by_sub_types_exist(tax):
    kinds = {k for c in tax.actor_categories for k in c.kinds}
    for sub in tax.sub_event_types.values():
        for side in (sub.actor1, sub.actor2):
            assert side is None or set(side) <= kinds, sub.name


def test_lookups(tax):
    assert tax.event_type_of("Government regains territory") == "Battles"
    assert tax.disorder_type_of("Peaceful protest") == "Demonstrations"
    assert tax.plover_of("Peaceful protest") == "PROTEST"
    exf = tax.sub("Excessive force against protesters")
    assert exf.actor1 == ("protesters",) and "state_forces" in exf.actor2 and exf.lethal
    assert tax.sub("Government regains territory").actor1[0] == "state_forces"
    with pytest.raises(KeyError):
        tax.event_type_of("Riot")


def test_interaction_codes(tax):
    assert tax.interaction(1, 2) == 12
    assert tax.interaction(7, 1) == 17
    assert tax.interaction(6) == 60
    assert tax.interaction(None, 3) == 30
    assert tax.interaction(8, 8) == 88
    assert tax.interaction(tax.inter_code("state_forces"), tax.inter_code("protesters")) == 16
    assert tax.inter_code("government") == 1 and tax.inter_code("ngo") == 8 and tax.inter_code(None) is None
    with pytest.raises(ValueError):
        tax.interaction(None, None)
    with pytest.raises(ValueError):
        tax.interaction(9, 1)


def test_civilian_targeting(tax):
    assert tax.civilian_targeting("Attack", "civilians")
    assert tax.civilian_targeting("Air/drone strike", "civilians")
    assert not tax.civilian_targeting("Air/drone strike", "rebel_group")
    assert not tax.civilian_targeting("Armed clash", "civilians")


def test_dev_set_labels_belong_to_the_taxonomy(tax):
    if not DEV_TAXONOMY.exists():
        pytest.skip("../shared is not present")
    for line in DEV_TAXONOMY.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["sub_event_type"]:
            assert tax.event_type_of(row["sub_event_type"]) == row["event_type"]

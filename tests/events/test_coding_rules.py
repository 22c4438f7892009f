"""Actor-category rules move probability between confusable sub-types; unit tests, no model."""
from __future__ import annotations

import pytest

from dateline.events.coding_rules import apply_actor_rules


def uniform(*names: str) -> dict[str, float]:
    return {n: 1.0 / len(names) for n in names}


def top(p: dict[str, float]) -> str:
    return max(p, key=p.get)


def test_state_forces_taking_ground_regain_territory():
    p = {"Non-state actor overtakes territory": 0.7, "Government regains territory": 0.3}
    assert top(apply_actor_rules(p, "state_forces", "rebel_group")) == "Government regains territory"
    assert top(apply_actor_rules({"Non-state actor overtakes territory": 0.3, "Government regains territory": 0.7},
                                 "rebel_group", "state_forces")) == "Non-state actor overtakes territory"


def test_violence_by_state_against_protesters_is_excessive_force():
    p = {"Attack": 0.5, "Armed clash": 0.2, "Excessive force against protesters": 0.1,
         "Protest with intervention": 0.1, "Violent demonstration": 0.1}
    assert top(apply_actor_rules(p, "protesters", "state_forces")) == "Excessive force against protesters"


def test_civilian_victims_make_an_attack_not_a_clash():
    p = {"Armed clash": 0.7, "Attack": 0.3}
    assert top(apply_actor_rules(p, "political_militia", "civilians")) == "Attack"
    assert top(apply_actor_rules({"Armed clash": 0.3, "Attack": 0.7}, "rebel_group", "state_forces")) == "Armed clash"


def test_rioters_make_a_riot():
    p = {"Peaceful protest": 0.4, "Protest with intervention": 0.3, "Violent demonstration": 0.3}
    assert top(apply_actor_rules(p, "rioters", "state_forces")) == "Violent demonstration"


def test_unknown_actors_change_nothing_and_mass_is_kept():
    p = uniform("Arrests", "Abduction/forced disappearance", "Attack")
    assert apply_actor_rules(p, None, None) == p
    out = apply_actor_rules(p, "state_forces", "civilians")
    assert sum(out.values()) == pytest.approx(1.0)
    assert out["Arrests"] > out["Abduction/forced disappearance"]

"""An attack told without its doer takes the group the same document says claimed it or was blamed
for it. Texts, actors and events are written by hand for these tests; the last two run the whole
pipeline."""
from __future__ import annotations

from types import SimpleNamespace

from dateline.events.claimants import claimed_by, credit_claimed_attacks
from dateline.events.taxonomy import Taxonomy
from dateline.model import Event

ACTORS = {
    "islamic-state-afghanistan": {"name": "Islamic State (Afghanistan)", "kind": "rebel_group", "inter": 2},
    "taliban": {"name": "Taliban", "kind": "rebel_group", "inter": 2},
    "police-forces-of-afghanistan": {"name": "Police Forces of Afghanistan", "kind": "state_forces", "inter": 1},
    "unidentified-armed-group-afghanistan": {"name": "Unidentified Armed Group (Afghanistan)",
                                             "kind": "political_militia", "inter": 3},
    "civilians-afghanistan": {"name": "Civilians (Afghanistan)", "kind": "civilians", "inter": 7},
}


def mentions_of(text: str, names: dict[str, str]) -> list:
    """Mentions of each written name (its first occurrence) resolved to the given actor id."""
    return [SimpleNamespace(start=text.index(w), end=text.index(w) + len(w), text=w, actor=a) for w, a in names.items()]


def resolved(text: str, names: dict[str, str]):
    return SimpleNamespace(mentions=mentions_of(text, names), actors=ACTORS)


def bombing(at: int, actor1: str = "unidentified-armed-group-afghanistan",
            actor2: str | None = "civilians-afghanistan") -> Event:
    return Event(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", confidence=0.9,
                 evidence=[(at, at + 40)], actor1=actor1, actor2=actor2, inter1=3, inter2=7, interaction=37)


def test_a_group_that_claimed_the_attack_is_read_as_its_claimant():
    text = "A bomb exploded at the gate. Daesh Khorasan claimed the attack through its Amaq channel."
    assert claimed_by(text, mentions_of(text, {"Daesh Khorasan": "islamic-state-afghanistan"}), ACTORS) == \
        [(text.index("Daesh"), "islamic-state-afghanistan")]


def test_a_group_officials_blamed_is_read_as_the_claimant():
    for text in ("The governor blamed the Taliban, saying they wanted to sow fear.",
                 "The bombing was blamed on the Taliban by local officials.",
                 "Police blamed the militant group Taliban for the ambush.",
                 "The Taliban were widely blamed for the blast."):
        assert [a for _, a in claimed_by(text, mentions_of(text, {"Taliban": "taliban"}), ACTORS)] == ["taliban"], text


def test_a_denied_or_missing_claim_names_nobody():
    for text in ("The Taliban have not claimed the attack.",
                 "Officials have not blamed the Taliban for the blast.",
                 "Officials blamed the Taliban, which denied any involvement."):
        assert claimed_by(text, mentions_of(text, {"Taliban": "taliban"}), ACTORS) == [], text


def test_a_state_force_or_a_group_only_named_is_no_claimant():
    text = "The police claimed the attack had been foiled. The Taliban control the district."
    names = {"police": "police-forces-of-afghanistan", "Taliban": "taliban"}
    assert claimed_by(text, mentions_of(text, names), ACTORS) == []


def test_the_claimant_replaces_an_unidentified_attacker_and_keeps_the_victims():
    text = "A suicide bomber struck a crowd at the airport gate. Daesh Khorasan claimed the attack on Friday."
    event = bombing(0)
    out = credit_claimed_attacks([event], text, resolved(text, {"Daesh Khorasan": "islamic-state-afghanistan"}),
                                 Taxonomy.interaction)
    assert out == [event]
    assert (event.actor1, event.actor1_name) == ("islamic-state-afghanistan", "Islamic State (Afghanistan)")
    assert event.actor2 == "civilians-afghanistan"
    assert (event.inter1, event.interaction) == (2, 27)


def test_an_attack_with_a_named_doer_keeps_it():
    text = "Police fired on the crowd at the gate. Daesh Khorasan claimed the attack on Friday."
    event = bombing(0, actor1="police-forces-of-afghanistan")
    credit_claimed_attacks([event], text, resolved(text, {"Daesh Khorasan": "islamic-state-afghanistan"}),
                           Taxonomy.interaction)
    assert event.actor1 == "police-forces-of-afghanistan"


def test_with_two_claims_each_attack_takes_the_nearest():
    text = ("A bomb hit a mosque in Kunduz. Daesh Khorasan claimed the attack. " + "Other news. " * 20 +
            "Gunmen attacked a checkpoint in Wardak. The Taliban claimed the attack.")
    mosque, checkpoint = bombing(0), bombing(text.index("Gunmen"))
    names = {"Daesh Khorasan": "islamic-state-afghanistan", "Taliban": "taliban"}
    credit_claimed_attacks([mosque, checkpoint], text, resolved(text, names), Taxonomy.interaction)
    assert (mosque.actor1, checkpoint.actor1) == ("islamic-state-afghanistan", "taliban")


def test_a_blast_claimed_in_a_later_paragraph_is_the_claimants(analyze):
    result = analyze("A car bomb exploded outside a police station in Kabul on Sunday, killing five officers, the "
                     "interior ministry said.\n\nDaesh Khorasan claimed the attack through its Amaq channel.")
    blast = max(result.events, key=lambda e: e.confidence)
    assert blast.actor1_name == "Islamic State (Afghanistan)"
    assert "police" in (blast.actor2 or "")


def test_a_blast_nobody_claimed_stays_unidentified(analyze):
    result = analyze("A car bomb exploded outside a police station in Kabul on Sunday, killing five officers, the "
                     "interior ministry said.\n\nThe Taliban denied any role, and no group has claimed the attack.")
    blast = max(result.events, key=lambda e: e.confidence)
    assert (blast.actor1 or "").startswith("unidentified-")

"""Who did what to whom, read from hand-tagged sentences (no model): each test is one way reporters
put the doer and the target of an attack, written for these tests."""
from __future__ import annotations

from dataclasses import dataclass

from dateline.events.arguments import read_roles

ACTORS = {
    "army": {"kind": "state_forces"}, "rebels": {"kind": "rebel_group"}, "is": {"kind": "rebel_group"},
    "is-k": {"kind": "rebel_group"}, "russia": {"kind": "external_force"}, "usa": {"kind": "external_force"},
    "militia": {"kind": "political_militia"}, "sdf": {"kind": "rebel_group"}, "turkey": {"kind": "external_force"},
}


@dataclass
class Tok:
    text: str
    pos_: str
    tag_: str
    idx: int
    i: int


@dataclass
class Mention:
    start: int
    end: int
    actor: str
    text: str = ""


def tagged(sentence: str) -> list[Tok]:
    """"Rebels/NOUN/NNS attacked/VERB/VBD ..." as tokens with character offsets into the plain text."""
    out, at = [], 0
    for k, item in enumerate(sentence.split()):
        text, pos, tag = item.rsplit("/", 2)
        out.append(Tok(text, pos, tag, at, k))
        at += len(text) + 1
    return out


def roles_of(sentence: str, trigger: str, names: dict[str, str]):
    tokens = tagged(sentence)
    plain = " ".join(t.text for t in tokens)
    mentions = []
    for surface, actor in names.items():
        start = plain.index(surface)
        mentions.append(Mention(start, start + len(surface), actor, surface))
    index = next(t.i for t in tokens if t.text == trigger)
    return read_roles(tokens, index, mentions, ACTORS, 0)


def test_a_defence_ministry_telling_of_its_own_frigate_is_the_attacker():
    r = roles_of("The/DET/DT Russian/ADJ/JJ defence/NOUN/NN ministry/NOUN/NN said/VERB/VBD a/DET/DT frigate/NOUN/NN "
                 "had/AUX/VBD fired/VERB/VBN missiles/NOUN/NNS at/ADP/IN Islamic/PROPN/NNP State/PROPN/NNP "
                 "positions/NOUN/NNS ./PUNCT/.", "fired", {"Russian": "russia", "Islamic State": "is"})
    assert r.agent.main == "russia" and r.patient.main == "is"


def test_a_ministry_reporting_someone_else_named_is_only_a_source():
    r = roles_of("The/DET/DT Russian/ADJ/JJ defence/NOUN/NN ministry/NOUN/NN said/VERB/VBD rebels/NOUN/NNS "
                 "had/AUX/VBD fired/VERB/VBN rockets/NOUN/NNS ./PUNCT/.", "fired",
                 {"Russian": "russia", "rebels": "rebels"})
    assert r.agent.main == "rebels" and "russia" not in r.agent.ids + r.patient.ids


def test_a_long_self_report_still_names_the_speaker_as_the_attacker():
    r = roles_of("The/DET/DT General/PROPN/NNP Command/PROPN/NNP said/VERB/VBD on/ADP/IN Thursday/PROPN/NNP "
                 "that/SCONJ/IN its/PRON/PRP$ air/NOUN/NN force/NOUN/NN had/AUX/VBD carried/VERB/VBN out/ADP/RP "
                 "precise/ADJ/JJ strikes/NOUN/NNS against/ADP/IN the/DET/DT militia/NOUN/NN ./PUNCT/.", "strikes",
                 {"General Command": "army", "militia": "militia"})
    assert r.agent.main == "army" and r.patient.main == "militia"


def test_a_group_announcing_its_campaign_is_its_actor_not_its_source():
    tokens = tagged("The/DET/DT SDF/PROPN/NNP announced/VERB/VBD the/DET/DT start/NOUN/NN of/ADP/IN a/DET/DT "
                    "campaign/NOUN/NN to/PART/TO drive/VERB/VB IS/PROPN/NNP out/ADP/RP ./PUNCT/.")
    mentions = [Mention(4, 7, "sdf"), Mention(57, 59, "is")]
    r = read_roles(tokens, 2, mentions, ACTORS, 0, speakers=[(4, 7)])
    assert r.agent.main == "sdf" and r.patient.main == "is"


def test_a_second_clause_with_its_own_subject_names_no_target():
    r = roles_of("Activists/NOUN/NNS said/VERB/VBD troops/NOUN/NNS pounded/VERB/VBD the/DET/DT village/NOUN/NN "
                 ",/PUNCT/, and/CCONJ/CC that/SCONJ/IN militiamen/NOUN/NNS then/ADV/RB went/VERB/VBD from/ADP/IN "
                 "house/NOUN/NN to/ADP/IN house/NOUN/NN ./PUNCT/.", "pounded",
                 {"troops": "army", "militiamen": "militia"})
    assert r.agent.main == "army" and r.patient.main is None


def test_an_apposition_shares_the_role_of_the_name_it_renames():
    r = roles_of("Gunmen/NOUN/NNS attacked/VERB/VBD the/DET/DT airport/NOUN/NN in/ADP/IN an/DET/DT "
                 "attack/NOUN/NN claimed/VERB/VBN by/ADP/IN the/DET/DT Khorasan/PROPN/NNP branch/NOUN/NN ,/PUNCT/, "
                 "ISIS-K/PROPN/NNP ./PUNCT/.", "attacked", {"Khorasan branch": "is", "ISIS-K": "is-k"})
    assert r.agent.ids == ["is", "is-k"] and r.patient.main is None


def test_the_object_of_an_earlier_verb_is_not_the_doer_of_the_later_one():
    r = roles_of("Troops/NOUN/NNS stormed/VERB/VBD rebel/NOUN/NN positions/NOUN/NNS ,/PUNCT/, killing/VERB/VBG "
                 "thirty/NUM/CD ./PUNCT/.", "killing", {"Troops": "army", "rebel": "rebels"})
    assert r.agent.main == "army" and r.patient.main == "rebels"


def test_ordering_troops_to_attack_keeps_the_troops_as_attackers():
    r = roles_of("The/DET/DT commander/NOUN/NN ordered/VERB/VBD troops/NOUN/NNS to/PART/TO attack/VERB/VB "
                 "rebels/NOUN/NNS ./PUNCT/.", "attack", {"troops": "army", "rebels": "rebels"})
    assert r.agent.main == "army" and r.patient.main == "rebels"


def test_the_maker_of_a_downed_drone_is_not_a_side():
    r = roles_of("The/DET/DT army/NOUN/NN shot/VERB/VBD down/ADP/RP a/DET/DT Turkish/ADJ/JJ -/PUNCT/HYPH "
                 "made/VERB/VBN drone/NOUN/NN ./PUNCT/.", "shot", {"army": "army", "Turkish": "turkey"})
    assert r.agent.main == "army" and "turkey" not in r.patient.ids


def test_a_country_whose_statements_are_contradicted_is_not_a_target():
    r = roles_of("A/DET/DT drone/NOUN/NN strike/NOUN/NN killed/VERB/VBD ten/NUM/CD civilians/NOUN/NNS ,/PUNCT/, "
                 "contradicting/VERB/VBG US/PROPN/NNP military/ADJ/JJ statements/NOUN/NNS ./PUNCT/.", "strike",
                 {"US military": "usa"})
    assert r.patient.main is None and r.civilians


def test_soldiers_who_died_are_victims_not_attackers():
    r = roles_of("Five/NUM/CD soldiers/NOUN/NNS died/VERB/VBD in/ADP/IN the/DET/DT blast/NOUN/NN ./PUNCT/.", "died",
                 {"soldiers": "army"})
    assert r.agent.main is None and r.patient.main == "army"


def test_no_actor_is_ever_on_both_sides():
    r = roles_of("Rebels/NOUN/NNS attacked/VERB/VBD army/NOUN/NN posts/NOUN/NNS after/ADP/IN the/DET/DT "
                 "army/NOUN/NN shelled/VERB/VBD rebels/NOUN/NNS ./PUNCT/.", "attacked",
                 {"Rebels": "rebels", "army posts": "army", "rebels .": "rebels"})
    assert not set(r.agent.ids) & set(r.patient.ids)


def test_a_hotel_gate_bombing_targets_civilians():
    r = roles_of("A/DET/DT car/NOUN/NN bomb/NOUN/NN exploded/VERB/VBD at/ADP/IN the/DET/DT hotel/NOUN/NN "
                 "gate/NOUN/NN ,/PUNCT/, wounding/VERB/VBG guards/NOUN/NNS ./PUNCT/.", "bomb", {})
    assert r.civilians


def test_a_mosque_destroyed_with_nobody_hurt_is_property_not_civilians():
    r = roles_of("Warplanes/NOUN/NNS bombed/VERB/VBD the/DET/DT mosque/NOUN/NN ,/PUNCT/, destroying/VERB/VBG "
                 "it/PRON/PRP completely/ADV/RB ./PUNCT/.", "bombed", {})
    assert not r.civilians


def test_the_leader_of_a_battle_leads_its_side_over_a_name_told_before():
    r = roles_of("This/PRON/DT prompted/VERB/VBD IS/PROPN/NNP to/PART/TO withdraw/VERB/VB ,/PUNCT/, "
                 "especially/ADV/RB with/ADP/IN the/DET/DT battle/NOUN/NN led/VERB/VBN by/ADP/IN the/DET/DT "
                 "YPG/PROPN/NNP ./PUNCT/.", "battle", {"IS": "is", "YPG": "sdf"})
    assert r.agent.main == "sdf"

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


def roles_of(sentence: str, trigger: str, names: dict[str, str], speakers: tuple[str, ...] = ()):
    """Roles around `trigger`; `speakers` are surfaces the quote finder took for a statement's source."""
    tokens = tagged(sentence)
    plain = " ".join(t.text for t in tokens)
    mentions = []
    for surface, actor in names.items():
        start = plain.index(surface)
        mentions.append(Mention(start, start + len(surface), actor, surface))
    index = next(t.i for t in tokens if t.text == trigger)
    spans = [(plain.index(s), plain.index(s) + len(s)) for s in speakers]
    return read_roles(tokens, index, mentions, ACTORS, 0, spans)


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


# -- the attacker, not the forces that answered the attack ----------------------------------------------

def test_besiegers_named_by_the_siege_set_off_the_blast_not_the_troops_who_lifted_it():
    r = roles_of("Kenyan/ADJ/JJ troops/NOUN/NNS on/ADP/IN Friday/PROPN/NNP lifted/VERB/VBD a/DET/DT "
                 "siege/NOUN/NN by/ADP/IN rebel/NOUN/NN fighters/NOUN/NNS at/ADP/IN a/DET/DT mall/NOUN/NN "
                 "after/ADP/IN a/DET/DT truck/NOUN/NN bomb/NOUN/NN exploded/VERB/VBD at/ADP/IN its/PRON/PRP$ "
                 "entrance/NOUN/NN ./PUNCT/.", "bomb", {"troops": "army", "rebel fighters": "rebels"})
    assert r.agent.main == "rebels" and "army" not in r.agent.ids
    assert r.state_agent is None  # "troops" answered the blast; they do not stand for its doer either


def test_soldiers_who_beat_back_an_assault_are_its_target():
    r = roles_of("Soldiers/NOUN/NNS beat/VERB/VBD back/ADV/RB an/DET/DT assault/NOUN/NN by/ADP/IN IS/PROPN/NNP "
                 "fighters/NOUN/NNS on/ADP/IN their/PRON/PRP$ base/NOUN/NN ./PUNCT/.", "assault",
                 {"Soldiers": "army", "IS fighters": "is"})
    assert r.agent.main == "is" and r.patient.main == "army"


def test_troops_who_ended_a_militia_siege_are_besieged_not_besiegers():
    r = roles_of("Troops/NOUN/NNS ended/VERB/VBD the/DET/DT militia/NOUN/NN 's/PART/POS siege/NOUN/NN of/ADP/IN "
                 "the/DET/DT town/NOUN/NN ./PUNCT/.", "siege", {"Troops": "army", "militia": "militia"})
    assert r.agent.main == "militia" and r.patient.main == "army"


def test_an_army_telling_how_it_repelled_an_attack_is_the_side_attacked():
    r = roles_of("The/DET/DT army/NOUN/NN said/VERB/VBD it/PRON/PRP repelled/VERB/VBD an/DET/DT attack/NOUN/NN "
                 "by/ADP/IN rebels/NOUN/NNS near/ADP/IN the/DET/DT border/NOUN/NN ./PUNCT/.", "attack",
                 {"army": "army", "rebels": "rebels"})
    assert r.agent.main == "rebels" and r.patient.main == "army"


def test_when_repelling_is_the_event_the_attackers_are_the_other_side():
    r = roles_of("The/DET/DT army/NOUN/NN repelled/VERB/VBD an/DET/DT attack/NOUN/NN by/ADP/IN rebels/NOUN/NNS "
                 "overnight/ADV/RB ./PUNCT/.", "repelled", {"army": "army", "rebels": "rebels"})
    assert r.agent.main == "army" and r.patient.main == "rebels"


def test_a_claim_later_in_the_sentence_names_the_bomber_even_when_read_as_a_statement():
    r = roles_of("A/DET/DT roadside/NOUN/NN bomb/NOUN/NN went/VERB/VBD off/ADP/RP near/ADP/IN a/DET/DT "
                 "convoy/NOUN/NN ,/PUNCT/, and/CCONJ/CC the/DET/DT militia/NOUN/NN claimed/VERB/VBD "
                 "responsibility/NOUN/NN ./PUNCT/.", "went", {"militia": "militia"}, speakers=("the militia",))
    assert r.agent.main == "militia"


def test_police_who_sealed_off_a_street_after_a_blast_are_no_side_of_it():
    r = roles_of("Police/NOUN/NNS sealed/VERB/VBD off/ADP/RP the/DET/DT street/NOUN/NN after/ADP/IN a/DET/DT "
                 "bomb/NOUN/NN was/AUX/VBD detonated/VERB/VBN outside/ADP/IN a/DET/DT bank/NOUN/NN ./PUNCT/.",
                 "detonated", {"Police": "army"})
    assert r.agent.main is None and r.patient.main is None and r.state_agent is None


def test_sides_trading_blame_after_a_rocket_hit_are_not_its_firers():
    r = roles_of("The/DET/DT army/NOUN/NN and/CCONJ/CC rebels/NOUN/NNS traded/VERB/VBD blame/NOUN/NN after/ADP/IN "
                 "a/DET/DT rocket/NOUN/NN hit/VERB/VBD the/DET/DT market/NOUN/NN ./PUNCT/.", "hit",
                 {"army": "army", "rebels": "rebels"})
    assert r.agent.main is None and r.patient.main is None


def test_a_bomb_planted_by_a_group_is_its_own_over_troops_who_shelled_afterwards():
    r = roles_of("Troops/NOUN/NNS shelled/VERB/VBD the/DET/DT district/NOUN/NN after/ADP/IN a/DET/DT "
                 "bomb/NOUN/NN planted/VERB/VBN by/ADP/IN rebels/NOUN/NNS exploded/VERB/VBD ./PUNCT/.", "bomb",
                 {"Troops": "army", "rebels": "rebels"})
    assert r.agent.main == "rebels"


def test_military_grade_explosives_do_not_make_the_military_the_bomber():
    r = roles_of("The/DET/DT bomber/NOUN/NN drove/VERB/VBD a/DET/DT truck/NOUN/NN of/ADP/IN military/ADJ/JJ "
                 "-/PUNCT/HYPH grade/NOUN/NN explosives/NOUN/NNS and/CCONJ/CC detonated/VERB/VBD it/PRON/PRP "
                 "./PUNCT/.", "detonated", {})
    assert r.state_agent is None and r.unknown_agent


def test_a_group_saying_it_carried_out_the_attack_is_its_attacker():
    r = roles_of("A/DET/DT bomb/NOUN/NN exploded/VERB/VBD near/ADP/IN a/DET/DT convoy/NOUN/NN ,/PUNCT/, and/CCONJ/CC "
                 "the/DET/DT rebels/NOUN/NNS said/VERB/VBD they/PRON/PRP had/AUX/VBD carried/VERB/VBN out/ADP/RP "
                 "the/DET/DT attack/NOUN/NN ./PUNCT/.", "exploded", {"rebels": "rebels"}, speakers=("the rebels",))
    assert r.agent.main == "rebels"


def test_the_group_whose_earlier_attack_was_answered_is_the_other_side_not_an_ally():
    r = roles_of("Troops/NOUN/NNS shelled/VERB/VBD militia/NOUN/NN positions/NOUN/NNS after/ADP/IN an/DET/DT "
                 "attack/NOUN/NN by/ADP/IN rebels/NOUN/NNS ./PUNCT/.", "shelled",
                 {"Troops": "army", "rebels": "rebels"})
    assert r.agent.ids == ["army"] and r.patient.main == "rebels"


def test_troops_killing_fighters_after_a_named_attack_are_the_side_attacked():
    r = roles_of("Troops/NOUN/NNS killed/VERB/VBD five/NUM/CD fighters/NOUN/NNS after/ADP/IN the/DET/DT "
                 "militia/NOUN/NN attacked/VERB/VBD a/DET/DT checkpoint/NOUN/NN ./PUNCT/.", "attacked",
                 {"Troops": "army", "militia": "militia"})
    assert r.agent.ids == ["militia"] and r.patient.main == "army"


def test_gunmen_who_seized_a_school_seized_it_not_the_forces_that_ended_the_standoff():
    r = roles_of("Soldiers/NOUN/NNS ended/VERB/VBD a/DET/DT standoff/NOUN/NN with/ADP/IN rebel/NOUN/NN "
                 "gunmen/NOUN/NNS who/PRON/WP had/AUX/VBD seized/VERB/VBN a/DET/DT school/NOUN/NN ./PUNCT/.",
                 "seized", {"Soldiers": "army", "rebel": "rebels"})
    assert r.agent.ids == ["rebels"]


def test_soldiers_who_were_killed_in_a_relative_clause_are_its_victims():
    r = roles_of("The/DET/DT militia/NOUN/NN ambushed/VERB/VBD army/NOUN/NN troops/NOUN/NNS who/PRON/WP "
                 "were/AUX/VBD killed/VERB/VBN at/ADP/IN the/DET/DT ford/NOUN/NN ./PUNCT/.", "killed",
                 {"militia": "militia", "army troops": "army"})
    assert r.patient.main == "army" and "army" not in r.agent.ids


def test_unnamed_gunmen_who_attacked_are_the_unknown_attackers():
    r = roles_of("Troops/NOUN/NNS chased/VERB/VBD masked/ADJ/JJ gunmen/NOUN/NNS who/PRON/WP had/AUX/VBD "
                 "attacked/VERB/VBN a/DET/DT village/NOUN/NN ./PUNCT/.", "attacked", {"Troops": "army"})
    assert r.unknown_agent and "army" not in r.agent.ids


def test_a_clause_whose_subject_points_back_keeps_the_name_it_points_to():
    r = roles_of("The/DET/DT militia/NOUN/NN took/VERB/VBD the/DET/DT town/NOUN/NN after/ADP/IN the/DET/DT "
                 "fighters/NOUN/NNS stormed/VERB/VBD the/DET/DT army/NOUN/NN base/NOUN/NN ./PUNCT/.", "stormed",
                 {"militia": "militia", "army base": "army"})
    assert r.agent.main == "militia" and r.patient.main == "army"


def test_students_are_a_protest_crowd_only_beside_a_protest_word():
    from dateline.events.arguments import protest_crowd
    assert protest_crowd("Police fired tear gas at students marching on the ministry.")
    assert protest_crowd("Thousands of students staged a sit-in outside parliament.")
    assert not protest_crowd("Hundreds of students were missing after gunmen raided their school in March.")
    assert not protest_crowd("Gunmen opened fire on the crowd at the airport gate.")

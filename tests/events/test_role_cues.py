"""The word-order cues behind actor roles, on hand-tagged sentences written for these tests (no model):
where the trigger's own clause begins, and which forces only answered an attack."""
from __future__ import annotations

from dataclasses import dataclass

from dateline.events import role_cues as cue


@dataclass
class Tok:
    text: str
    pos_: str
    tag_: str
    idx: int


@dataclass
class Mention:
    start: int
    end: int


def tagged(sentence: str) -> list[Tok]:
    out, at = [], 0
    for item in sentence.split():
        text, pos, tag = item.rsplit("/", 2)
        out.append(Tok(text, pos, tag, at))
        at += len(text) + 1
    return out


def at(tokens: list[Tok], word: str) -> int:
    return next(k for k, t in enumerate(tokens) if t.text == word)


def mention(tokens: list[Tok], surface: str) -> Mention:
    plain = " ".join(t.text for t in tokens)
    return Mention(plain.index(surface), plain.index(surface) + len(surface))


AFTER_A_BLAST = tagged("Guards/NOUN/NNS closed/VERB/VBD the/DET/DT gates/NOUN/NNS after/ADP/IN a/DET/DT "
                       "car/NOUN/NN bomb/NOUN/NN exploded/VERB/VBD nearby/ADV/RB ./PUNCT/.")


def test_a_blast_told_in_a_clause_of_its_own_starts_that_clause_at_its_subordinating_word():
    assert cue.own_clause(AFTER_A_BLAST, at(AFTER_A_BLAST, "bomb")) == at(AFTER_A_BLAST, "after")
    assert cue.own_clause(AFTER_A_BLAST, at(AFTER_A_BLAST, "exploded")) == at(AFTER_A_BLAST, "after")


def test_a_gerund_after_the_main_verb_shares_its_subject():
    tokens = tagged("Rebels/NOUN/NNS stormed/VERB/VBD the/DET/DT post/NOUN/NN after/ADP/IN detonating/VERB/VBG "
                    "a/DET/DT bomb/NOUN/NN ./PUNCT/.")
    assert cue.own_clause(tokens, at(tokens, "bomb")) == 0


def test_after_the_explosion_alone_is_a_time_not_a_clause():
    tokens = tagged("Medics/NOUN/NNS arrived/VERB/VBD after/ADP/IN the/DET/DT explosion/NOUN/NN ./PUNCT/.")
    assert cue.own_clause(tokens, at(tokens, "explosion")) == 0


def test_guards_who_closed_the_gates_answered_the_blast_in_another_clause():
    trigger = at(AFTER_A_BLAST, "bomb")
    clause = cue.own_clause(AFTER_A_BLAST, trigger)
    # "closed" is no answer: the guards may have been anyone
    assert not cue.responds_elsewhere(AFTER_A_BLAST, mention(AFTER_A_BLAST, "Guards"), 0, clause)
    tokens = tagged("Guards/NOUN/NNS cordoned/VERB/VBD off/ADP/RP the/DET/DT gates/NOUN/NNS after/ADP/IN a/DET/DT "
                    "car/NOUN/NN bomb/NOUN/NN exploded/VERB/VBD ./PUNCT/.")
    clause = cue.own_clause(tokens, at(tokens, "bomb"))
    assert cue.responds_elsewhere(tokens, mention(tokens, "Guards"), 0, clause)


def test_fighting_that_broke_out_answers_nothing():
    tokens = tagged("Militiamen/NOUN/NNS broke/VERB/VBD out/ADP/RP of/ADP/IN the/DET/DT camp/NOUN/NN in/ADP/IN "
                    "an/DET/DT assault/NOUN/NN ./PUNCT/.")
    assert not cue.answers(tokens, mention(tokens, "Militiamen"), 0, at(tokens, "assault"))


def test_forces_that_fought_off_a_raid_answered_it_but_forces_that_secured_a_town_after_it_did_not():
    tokens = tagged("Police/NOUN/NNS fought/VERB/VBD off/ADP/RP a/DET/DT raid/NOUN/NN ./PUNCT/.")
    assert cue.answers(tokens, mention(tokens, "Police"), 0, at(tokens, "raid"))
    tokens = tagged("Police/NOUN/NNS secured/VERB/VBD the/DET/DT town/NOUN/NN after/ADP/IN a/DET/DT "
                    "raid/NOUN/NN ./PUNCT/.")
    assert not cue.answers(tokens, mention(tokens, "Police"), 0, at(tokens, "raid"))


def test_a_verb_joined_by_and_after_a_phrase_belongs_to_the_main_clause():
    tokens = tagged("Soldiers/NOUN/NNS went/VERB/VBD home/ADV/RB after/ADP/IN a/DET/DT battle/NOUN/NN and/CCONJ/CC "
                    "shot/VERB/VBD two/NUM/CD men/NOUN/NNS ./PUNCT/.")
    assert cue.own_clause(tokens, at(tokens, "shot")) == 0


def test_a_phrase_closed_by_a_comma_opens_no_clause():
    tokens = tagged("Troops/NOUN/NNS took/VERB/VBD the/DET/DT city/NOUN/NN after/ADP/IN long/ADJ/JJ "
                    "battles/NOUN/NNS ,/PUNCT/, an/DET/DT officer/NOUN/NN declared/VERB/VBD ./PUNCT/.")
    assert cue.own_clause(tokens, at(tokens, "declared")) == 0

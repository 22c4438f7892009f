"""Quotes and attributions: a reader sees who said what, and every span points at the words."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.annotate.quotes import find_quotes
from dateline.model import Document


def doc(text: str) -> Document:
    return Document(id="t", article_id="t", uri="t", text=text, paragraphs=[])


def by_text(quotes, fragment):
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return found[0]


def test_direct_quote_after_marks_keeps_inner_punctuation_and_names_the_speaker():
    text = "“We are exhausted,” Abu Younes told AFP. The city was quiet."
    q = by_text(find_quotes(doc(text)), "exhausted")
    assert q.text == "We are exhausted,"
    assert q.direct and q.speaker == "Abu Younes" and q.via == "AFP" and q.cue == "told"


def test_he_said_resolves_to_the_nearest_named_speaker_before_it():
    text = ("Speaking to reporters, Abu Abdullah, a displaced man, said that the situation was bad.\n\n"
            "“They are leaving with their families,” he said.")
    q = by_text(find_quotes(doc(text)), "leaving")
    assert q.speaker == "Abu Abdullah"
    assert text[q.speaker_start:q.speaker_end] == "Abu Abdullah"


def test_he_said_prefers_the_name_introduced_in_the_same_paragraph():
    text = ("Maamoun said that the cells were safe.\n\n"
            "Jassem al-Ali spends his time in Damascus. He said, “The training has been continuing for months.”")
    q = by_text(find_quotes(doc(text)), "training")
    assert q.speaker == "Jassem al-Ali"


def test_according_to_before_and_after_the_clause():
    text = ("According to local sources, ISIS moved 75 families to Mosul. "
            "The convoy left at night, according to the Syrian Observatory.")
    quotes = find_quotes(doc(text))
    first, second = by_text(quotes, "75 families"), by_text(quotes, "convoy")
    assert first.speaker == "local sources" and not first.direct
    assert first.text == "ISIS moved 75 families to Mosul"
    assert second.speaker == "the Syrian Observatory" and second.text == "The convoy left at night"


def test_reported_clause_drops_the_trailing_period_and_the_that():
    text = "The Syria Civil Defence said on Tuesday that 39 people were killed in the market."
    q = find_quotes(doc(text))[0]
    assert q.text == "39 people were killed in the market" and q.speaker == "The Syria Civil Defence"


def test_trailing_attribution_of_reported_speech():
    text = "The death toll has risen to about 160, a local official said on Monday."
    q = find_quotes(doc(text))[0]
    assert q.text == "The death toll has risen to about 160" and q.speaker == "a local official"


def test_quote_inside_reported_clause_is_recorded_twice_with_the_same_speaker():
    text = "Assad’s government said that “more than 90%” of the city had been razed."
    quotes = find_quotes(doc(text))
    assert {(q.text, q.direct) for q in quotes} == {
        ("“more than 90%” of the city had been razed", False), ("more than 90%", True)}
    assert {q.speaker for q in quotes} == {"Assad’s government"}


def test_nested_quotes_give_one_outer_span():
    text = "“They called it ‘the last stand’ and left,” a resident said."
    quotes = find_quotes(doc(text))
    assert [q.text for q in quotes] == ["They called it ‘the last stand’ and left,"]


def test_quote_over_two_paragraphs_continues_when_the_next_opens_with_a_mark():
    text = "He was clear. Hajjo said, “First, the army would storm the city.\n\n“Second, the people would rise.”"
    q = by_text(find_quotes(doc(text)), "First")
    assert q.text == "First, the army would storm the city.\n\n“Second, the people would rise."
    assert q.speaker == "Hajjo"


def test_scare_quotes_are_not_quotes():
    text = "The “military wing” of the commission attacked patrols. The so-called “caliphate capital” burned."
    assert find_quotes(doc(text)) == []


def test_apostrophes_are_not_single_quote_marks():
    text = "The fighters’ families left al-Ra’i. It wasn’t safe, residents said."
    assert all("’" not in q.text or q.text.count("’") == 1 and "wasn’t" in q.text for q in find_quotes(doc(text)))
    assert [q.text for q in find_quotes(doc(text))] == ["It wasn’t safe"]


def test_single_curly_quote_inside_reported_speech():
    text = "Russia has stated that Raqqa has been ‘wiped off the face of the earth’ by the coalition."
    quotes = find_quotes(doc(text))
    assert ("wiped off the face of the earth", True) in {(q.text, q.direct) for q in quotes}


def test_two_speakers_of_one_statement_are_recorded_once_each():
    text = "After the battle, Russia and Syria strongly condemned the cost of the campaign."
    assert sorted(q.speaker for q in find_quotes(doc(text))) == ["Russia", "Syria"]


def test_the_source_resolves_to_the_source_named_before():
    text = ("A pro-ISIS media source reported that the residents were accused of leaking information.\n\n"
            "The source added that the group has forced families to move.")
    q = by_text(find_quotes(doc(text)), "forced families")
    assert q.speaker == "A pro-ISIS media source"


def test_reportedly_has_no_speaker():
    q = find_quotes(doc("Some fighters have reportedly fled towards Mayadeen."))[0]
    assert q.text == "fled towards Mayadeen" and q.speaker is None and q.cue == "reportedly"


def test_clause_ending_in_a_colon_runs_over_the_bullet_list():
    text = "Priti Patel announced on the 22th October 2017 UK efforts to:\n\n• clear mines\n\n• restock hospitals\n\nThis ends."
    q = find_quotes(doc(text))[0]
    assert q.text == "UK efforts to:\n\n• clear mines\n\n• restock hospitals"


def test_passive_is_not_an_attribution():
    assert find_quotes(doc("Raqqa was declared the capital of the caliphate in 2014.")) == []


_PIECES = st.sampled_from(list("abc XYZ,.“”\"‘’'\n:;•") + ["said ", "He ", "according to ", "that ",
                                                            "\n\n", "told ", "reportedly "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_never_crashes_and_every_span_slices_back(text):
    for q in find_quotes(doc(text)):
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)


def test_bullet_list_with_indented_bullets_and_trailing_no_break_space():
    text = "Patel announced UK efforts to:\u00a0\n\n  • clear mines \n\n  • restock hospitals\n\nThis ends."
    q = find_quotes(doc(text))[0]
    assert q.text == "UK efforts to:\u00a0\n\n  • clear mines \n\n  • restock hospitals"

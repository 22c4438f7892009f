"""User stories for the entity annotator: given these paragraphs, the mentions are ...

These load the real model once per session (see conftest); nothing of ours is mocked.
"""
from __future__ import annotations

import pytest

from dateline.annotate import EntityAnnotator, Stoplist
from dateline.model import Document

from .conftest import make_document


def mentions(annotator, *paragraphs: str, **kw) -> list[tuple[str, str]]:
    doc = make_document(*paragraphs, **kw)
    return [(m.text, m.label) for m in annotator.annotate(doc)]


def labels_of(found: list[tuple[str, str]], text: str) -> set[str]:
    return {label for t, label in found if t == text}


# -- the model's mistakes in this domain ----------------------------------------------------------

def test_al_raqqa_is_a_place_and_never_glued_to_the_next_paragraph(annotator):
    doc = make_document("Pro-government cells are still active in al-Raqqa", "Al-Akhbar reported the news.")
    found = annotator.annotate(doc)
    assert ("al-Raqqa", "GPE") in [(m.text, m.label) for m in found]
    assert all("\n" not in m.text for m in found)
    assert all(m.end <= doc.paragraphs[0].end or m.start >= doc.paragraphs[1].start for m in found)


def test_isil_and_daesh_are_organisations(annotator):
    found = mentions(annotator, "Isil fighters fled the city as Daesh lost ground.")
    assert labels_of(found, "Isil") == {"ORG"}
    assert labels_of(found, "Daesh") == {"ORG"}


def test_isis_in_a_title_case_headline_is_found(annotator):
    found = mentions(annotator, "Strong Terrorist Presence Still Remains Despite Liberation From ISIS")
    assert ("ISIS", "ORG") in found


def test_a_damascus_suburb_after_in_is_a_place_not_a_person(annotator):
    found = mentions(annotator, "Regime forces shelled homes in Moadamiyet al-Sham on Tuesday.")
    assert ("Moadamiyet al-Sham", "GPE") in found


def test_a_sentence_initial_near_is_not_part_of_the_place(annotator):
    found = mentions(annotator, "Near Palmyra, four strikes destroyed an ISIL tactical unit.")
    assert ("Palmyra", "GPE") in found
    assert not any(t.startswith("Near") for t, _ in found)


def test_page_furniture_is_not_a_name(annotator):
    assert mentions(annotator, "Archival", "Share this article") == []


def test_spans_lose_a_leading_the_curly_quotes_and_possessives(annotator):
    found = mentions(annotator, "They called it the “Islamic State of al-Raqqa” in Assad's speech.")
    texts = [t for t, _ in found]
    assert "Islamic State of al-Raqqa" in texts
    assert "Assad" in texts
    assert not any(t.startswith(("the", "“")) or t.endswith(("'s", "”")) for t in texts)


def test_demonyms_are_nationalities_and_the_forces_an_organisation(annotator):
    found = mentions(annotator, "Iraqi forces and Syrian troops entered the city.")
    assert ("Iraqi", "NORP") in found and ("forces", "ORG") in found
    assert ("Syrian", "NORP") in found and ("troops", "ORG") in found


# -- re3d's conventions ---------------------------------------------------------------------------

def test_a_title_before_a_name_is_part_of_the_person(annotator):
    found = mentions(annotator, "Foreign Office Minister Tobias Ellwood said the talks would go on.")
    assert ("Foreign Office Minister Tobias Ellwood", "PERSON") in found


def test_a_title_standing_for_a_person_is_a_person(annotator):
    found = mentions(annotator, "The statement said the President had met the Secretary of State.")
    assert ("President", "PERSON") in found
    assert ("Secretary of State", "PERSON") in found


def test_ranks_join_the_name(annotator):
    found = mentions(annotator, "Gen. Joseph Votel visited the troops.")
    assert ("Gen. Joseph Votel", "PERSON") in found


def test_generic_armed_and_political_groups_are_organisations(annotator):
    found = mentions(annotator, "Rebels and opposition forces clashed with the regime while militants "
                                "and jihadists fought coalition forces.")
    for group in ("Rebels", "opposition forces", "regime", "militants", "jihadists", "coalition forces"):
        assert (group, "ORG") in found, group


def test_a_led_coalition_is_an_organisation(annotator):
    found = mentions(annotator, "In the past day the U.S.-led coalition conducted four airstrikes.")
    assert any(label == "ORG" and t.endswith("coalition") for t, label in found)


def test_an_adjective_use_of_a_group_word_is_not_a_group(annotator):
    found = mentions(annotator, "The strike hit rebel positions near the town.")
    assert not any(t.startswith("rebel") for t, _ in found)


def test_a_title_with_an_office_and_a_name_is_one_person_even_before_a_noun(annotator):
    found = mentions(annotator, "Minister for the Middle East Tobias Ellwood comments on reports of violence.")
    assert ("Minister for the Middle East Tobias Ellwood", "PERSON") in found


def test_a_regime_named_after_its_leader_gives_the_person_and_the_group(annotator):
    found = mentions(annotator, "Aid convoys were blocked by the Asad regime.")
    assert ("Asad", "PERSON") in found and ("regime", "ORG") in found


def test_unnamed_groups_of_people_are_organisation_mentions_marked_nominal(annotator):
    doc = make_document("Civilians fled as the enemy advanced. The UK will work with international "
                        "partners, and they will help refugees in the region.")
    got = {(m.text, m.label, m.source) for m in annotator.annotate(doc)}
    for phrase in ("Civilians", "the enemy", "international partners", "refugees"):
        assert any(t.endswith(phrase.removeprefix("the ")) and label == "ORG" and source == "nominal"
                   for t, label, source in got), phrase
    assert ("they", "ORG", "pronoun") in got


def test_a_group_word_used_for_things_or_as_a_modifier_is_not_a_group(annotator):
    found = mentions(annotator, "The strike hit a group of buildings and enemy positions.")
    assert not any(t.endswith(("group", "enemy")) for t, _ in found)


# -- injected patterns ----------------------------------------------------------------------------

def test_patterns_override_the_model_and_keep_their_id(annotator_with_patterns):
    doc = make_document("The SYRIAN DEMOCRATIC FORCES said IS is losing ground near al-Raqqa.",
                        "Forbin sailed.")
    parsed = annotator_with_patterns.process(doc)
    got = {(m.text, m.label, m.source) for m in parsed.mentions}
    assert ("SYRIAN DEMOCRATIC FORCES", "ORG", "ruler") in got
    assert ("IS", "ORG", "ruler") in got
    assert ("al-Raqqa", "GPE", "ruler") in got
    assert ("Forbin", "GPE", "ruler") in got  # the model alone calls it PERSON
    ids = {m.text: parsed.pattern_id(m) for m in parsed.mentions}
    assert ids["SYRIAN DEMOCRATIC FORCES"] == "syrian-democratic-forces"
    assert ids["al-Raqqa"] == "geonames:163915"


def test_a_single_token_pattern_does_not_match_the_common_word(annotator_with_patterns):
    found = mentions(annotator_with_patterns, "The situation is bad, he said.")
    assert not any(t.lower() == "is" for t, _ in found)


def test_without_patterns_no_ruler_is_credited(annotator):
    found = annotator.annotate(make_document("Syrian Democratic Forces entered Tabqa."))
    assert all(m.source in ("model", "rule") for m in found)


# -- offsets, paragraphs, the parse ---------------------------------------------------------------

def test_boilerplate_is_not_annotated(annotator):
    doc = make_document("Barack Obama spoke in Washington.", "Donald Trump replied.", boilerplate=(1,))
    texts = [m.text for m in annotator.annotate(doc)]
    assert "Barack Obama" in texts and "Donald Trump" not in texts


def test_a_document_without_paragraph_records_is_split_on_lines(annotator):
    doc = Document(id="x", article_id="x", uri="x", text="Fighting in al-Raqqa\n\nAl-Akhbar said",
                   paragraphs=[])
    assert all("\n" not in m.text for m in annotator.annotate(doc))


def test_offsets_always_slice_back_to_the_mention(annotator, samples_dir):
    for path in sorted((samples_dir / "articles").glob("*.txt")):
        text = path.read_text("utf-8")
        doc = Document(id=path.stem, article_id=path.stem, uri=str(path), text=text, paragraphs=[])
        found = annotator.annotate(doc)
        assert found, path.name
        for m in found:
            assert text[m.start:m.end] == m.text, (path.name, m)
            assert m.text == m.text.strip()


def test_sentences_come_with_their_document_offsets(annotator):
    doc = make_document("Fighting resumed in Aleppo. Rebels withdrew.", "The regime claimed victory.")
    parsed = annotator.process(doc)
    sents = list(parsed.sentences())
    assert len(sents) >= 3
    for offset, sent in sents:
        assert doc.text[offset + sent.start_char:offset + sent.end_char] == sent.text
    first = sents[0][0] + sents[0][1].start_char, sents[0][0] + sents[0][1].end_char
    assert [m.text for m in parsed.mentions_in(*first)] == ["Aleppo"]


def test_doc_ents_agree_with_the_mentions(annotator):
    doc = make_document("Foreign Office Minister Tobias Ellwood met rebels in Moadamiyet al-Sham.")
    parsed = annotator.process(doc)
    ents = [(p.start + e.start_char, p.start + e.end_char, e.label_) for p in parsed.paragraphs for e in p.doc.ents]
    assert ents == [(m.start, m.end, m.label) for m in parsed.mentions]


def test_a_batch_gives_the_same_result_as_one_at_a_time(annotator):
    docs = [make_document("Isil fighters fled al-Raqqa."), make_document("The regime shelled Douma.")]
    assert annotator.annotate_many(docs) == [annotator.annotate(d) for d in docs]


# -- lifecycle ------------------------------------------------------------------------------------

def test_construction_loads_nothing_and_annotating_before_setup_fails():
    ann = EntityAnnotator(model="no_such_model_xyz")
    assert ann.nlp is None
    with pytest.raises(RuntimeError, match="setup"):
        ann.annotate(make_document("Anything."))


def test_the_stoplist_can_be_switched_off(annotator):
    bare = EntityAnnotator(stoplist=Stoplist()).setup()
    with_list = mentions(annotator, "Isil fighters fled.")
    without = mentions(bare, "Isil fighters fled.")
    assert ("Isil", "ORG") in with_list
    assert ("Isil", "ORG") not in without


def test_pronouns_and_place_nouns_are_mentions_marked_as_such(annotator):
    from dateline.model import Document, Paragraph

    text = "He said we will rebuild the city after the battle."
    doc = Document(id="p", article_id="p", uri="p", text=text, paragraphs=[Paragraph("body", text, 0, len(text), 0, len(text))])
    got = {(m.text, m.label, m.source) for m in annotator.annotate(doc)}
    assert ("He", "PERSON", "pronoun") in got
    assert ("we", "ORG", "pronoun") in got
    assert ("the city", "LOC", "nominal") in got

"""Whole non-English articles through the lexicon path, with the real gazetteer and actor packs
but no spaCy model. Every article here was written for these tests (CC0) and tells an invented
incident in a real place."""
from __future__ import annotations

import pytest

from dateline.events.taxonomy import Taxonomy
from dateline.foreign import ForeignAnalyser
from dateline.model import Document, Paragraph, PartialDate
from dateline.resolve.actor_packs import ActorPack
from dateline.resolve.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def analyser():
    gazetteer = Gazetteer.open_default()
    yield ForeignAnalyser(ActorPack.load(), gazetteer, Taxonomy.load())
    gazetteer.close()


def document(language: str, title: str, *body: str, published: str | None = "2023-05-12") -> Document:
    paragraphs, text, pos = [], "", 0
    for kind, block in [("title", title), *(("body", b) for b in body)]:
        if text:
            text += "\n\n"
            pos = len(text)
        text += block
        paragraphs.append(Paragraph(kind, block, pos, pos + len(block), start=pos, end=pos + len(block)))
    return Document(id="t", article_id="t", uri="t", text=text, paragraphs=paragraphs, language=language,
                    published=PartialDate.parse_iso(published) if published else None)


def test_a_french_report_of_a_village_attack(analyser):
    doc = document(
        "fr", "Mali : une trentaine de villageois tués près de Mopti",
        "Des hommes armés ont attaqué jeudi soir le village de Sangha, dans la région de Mopti, au centre du "
        "Mali. Au moins 31 villageois ont été tués, selon un élu local joint par téléphone.",
        "Les assaillants sont repartis à moto vers la frontière, a ajouté cet élu.")
    found = analyser.analyse(doc)
    places = {m.place["name"] for m in found.mentions if m.place}
    assert {"Mali", "Mopti"} <= places
    (event,) = [e for e in found.events if e.event_type == "Violence against civilians"]
    assert event.sub_event_type == "Attack"
    assert event.fatalities == 31
    assert event.place["country"] == "ML"
    assert event.actor2_name == "Civilians (Mali)"
    assert event.date.iso == "2023-05-11"             # "jeudi" before a Friday publication
    assert event.confidence < 0.6                     # below what the English path gives a sure event


def test_a_spanish_report_of_protesters_shot(analyser):
    doc = document(
        "es", "Mueren siete manifestantes en Jartum",
        "Las fuerzas de seguridad dispararon el martes contra una manifestación en Jartum y murieron siete "
        "personas, informó un comité de médicos.",
        "Los manifestantes pedían un gobierno civil.")
    found = analyser.analyse(doc)
    (event,) = [e for e in found.events if e.event_type == "Protests"]
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.place["name"] == "Khartoum"
    assert event.fatalities == 7
    assert event.actor1_name == "Protesters (Sudan)"


def test_a_russian_report_of_shelling_in_an_inflected_town_name(analyser):
    doc = document(
        "ru", "Обстрел Херсона",
        "В среду в результате обстрела Херсона погибли два человека, ещё пять получили ранения, сообщили "
        "местные власти.")
    found = analyser.analyse(doc)
    (event,) = found.events
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.place["name"] == "Kherson"
    assert event.fatalities == 2                      # the five wounded are not a toll
    assert event.date.iso == "2023-05-10"


def test_an_arabic_report_with_clitics_and_an_actor_alias(analyser):
    doc = document(
        "ar", "انفجار عبوة ناسفة في كركوك",
        "قتل ثلاثة أشخاص بانفجار عبوة ناسفة استهدفت سيارة مدنية في كركوك يوم الثلاثاء، وتبنى تنظيم داعش "
        "الهجوم.")
    found = analyser.analyse(doc)
    assert any(m.actor == "islamic-state" for m in found.mentions)
    (event,) = found.events
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.place["name"] == "Kirkuk"
    assert event.fatalities == 3


def test_a_denied_or_threatened_attack_is_not_an_event(analyser):
    doc = document(
        "fr", "Tensions dans le nord",
        "Le groupe armé menace de bombarder la ville de Gao si l'armée ne se retire pas.",
        "Le ministère n'a pas confirmé d'affrontements dans la région.")
    assert analyser.analyse(doc).events == []


def test_a_common_word_is_not_a_place_abroad(analyser):
    doc = document("ar", "احتجاجات في بغداد",
                   "تظاهر المئات يوم الخميس في بغداد، وقال الله أكبر، ورفعوا الصور.")
    places = {m.place["name"] for m in analyser.analyse(doc).mentions if m.place}
    assert places == {"Baghdad"}


def test_a_language_without_a_lexicon_gets_nothing(analyser):
    assert not analyser.reads("sw")
    found = analyser.analyse(document("sw", "Habari", "Watu watatu waliuawa jana."))
    assert found.events == [] and found.mentions == []


def test_who_reports_a_strike_is_not_a_party_to_it(analyser):
    doc = document("ru", "Обстрел Донецка",
                   "По данным Минобороны России, украинские военные обстреляли Донецк, погибли три человека.")
    (event,) = analyser.analyse(doc).events
    assert event.actor1 == "military-forces-of-ukraine"
    assert event.fatalities == 3


def test_a_second_sentence_about_the_same_attack_is_one_event(analyser):
    doc = document(
        "es", "Ataque en Mogadiscio",
        "Un coche bomba explotó el lunes frente a un hotel de Mogadiscio y mató a nueve personas.",
        "La explosión destruyó parte del edificio, según la policía. Al Shabaab reivindicó el atentado.")
    (event,) = analyser.analyse(doc).events
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert len(event.evidence) >= 2
    assert event.fatalities == 9


def test_an_incident_from_months_ago_is_background(analyser):
    doc = document("fr", "Un an après",
                   "Le 3 janvier 2022, une attaque avait fait 40 morts à Djibo, au Burkina Faso.")
    assert analyser.analyse(doc).events == []


def test_soldiers_killed_in_an_ambush_is_a_battle_with_the_army(analyser):
    doc = document("fr", "Embuscade dans le nord",
                   "Au moins quinze soldats ont été tués lundi dans une embuscade près de Djibo, au Burkina Faso, "
                   "a annoncé l'armée.")
    (event,) = analyser.analyse(doc).events
    assert event.sub_event_type == "Armed clash"
    assert event.actor2_name == "Military Forces of Burkina Faso"
    assert event.fatalities == 15


def test_a_cultural_event_or_a_planned_march_is_not_a_protest(analyser):
    doc = document("fr", "Le week-end à Nice",
                   "Une manifestation culturelle a réuni des milliers de visiteurs à Nice.",
                   "Une marche de protestation est prévue samedi à Marseille.")
    assert analyser.analyse(doc).events == []

"""A user analyses a French dispatch with `dateline.analyze` and gets the same records as for
English, marked as read from word lists; a language with no lexicon is stored and flagged."""
from __future__ import annotations

import json

import dateline

DISPATCH = """Somalie : au moins douze morts dans l'explosion d'une voiture piégée à Mogadiscio

Une voiture piégée a explosé mardi matin devant un hôtel du centre de Mogadiscio, tuant au moins 12 personnes, selon la police. Une vingtaine de passants ont été blessés.

Les shebabs ont revendiqué l'attaque dans un message diffusé par leur radio.
"""

GERMAN = """Schwere Kämpfe im Norden des Landes

Bei Gefechten zwischen der Armee und Rebellen sind nach Angaben der Behörden am Dienstag mindestens zwölf Menschen getötet worden. Die Kämpfe dauerten bis in die Nacht, berichteten Bewohner der Stadt.
"""


def test_a_french_dispatch_gets_places_actors_dates_and_a_marked_event():
    out = dateline.analyze(DISPATCH, published="2023-03-08").to_dict()
    json.dumps(out)                                              # storable and exportable as is
    assert out["document"]["language"] == "fr"
    assert any("word lists" in w for w in out["document"]["warnings"])
    assert {p["name"] for p in out["places"]} >= {"Mogadishu"}
    assert any(m["actor"] == "al-shabaab" for m in out["mentions"])
    assert all(m["source"] == "lexicon" for m in out["mentions"])
    (event,) = out["events"]
    assert event["sub_event_type"] == "Remote explosive/landmine/IED"
    assert event["place"]["name"] == "Mogadishu"
    assert event["fatalities"] == 12
    assert event["actor1"] == "al-shabaab"               # named in the sentence claiming the attack
    assert event["date"]["iso"] == "2023-03-07"
    assert event["confidence"] < 0.6


def test_a_language_without_a_lexicon_is_stored_and_flagged():
    out = dateline.analyze(GERMAN, published="2023-03-08").to_dict()
    assert out["document"]["language"] == "de"
    assert any(w.startswith("not annotated") for w in out["document"]["warnings"])
    assert out["events"] == [] and out["mentions"] == []

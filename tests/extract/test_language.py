"""Language identification: short English wire sentences stay English, other languages are recognised."""
from __future__ import annotations

import pytest

from dateline.extract.language import LanguageDetector


@pytest.fixture(scope="module")
def detector():
    d = LanguageDetector()
    d.setup()
    return d


@pytest.mark.parametrize("text, lang", [
    ("Nigerian soldiers clashed with Boko Haram fighters near Maiduguri on Monday.", "en"),
    ("Al-Shabaab militants attacked a base in Mogadishu before dawn, officials said.", "en"),
    ("Les forces kurdes ont pris la ville de Raqqa mardi, selon un porte-parole.", "fr"),
    ("Las fuerzas kurdas tomaron la ciudad el martes con el apoyo de la coalición.", "es"),
    ("قالت قوات سوريا الديمقراطية إنها سيطرت على مدينة الرقة يوم الثلاثاء", "ar"),
    ("Курдские силы во вторник заявили, что взяли под контроль город Ракка.", "ru"),
    ("Israeli jets struck Gaza.", "en"),                # a guess of Croatian at 0.10 is no evidence
    ("Kämpfer griffen Gaza an.", "de"),                 # one "an" does not make German English
    ("I ribelli hanno attaccato Homs lunedi.", "it"),
])
def test_language_of_short_news_sentences(detector, text, lang):
    assert detector.detect(text)[0] == lang


def test_too_little_text_has_no_language(detector):
    assert detector.detect("12 — 4") == (None, None)

"""Dates in non-English text: dateparser's reading, held to the English path's conventions."""
from __future__ import annotations

from dateline.foreign.dates import find_foreign_dates
from dateline.model import Document, Paragraph, PartialDate


def doc(text: str, language: str, published: str | None = "2023-05-12") -> Document:
    return Document(id="d", article_id="d", uri="d", text=text, language=language,
                    paragraphs=[Paragraph("body", text, 0, len(text), start=0, end=len(text))],
                    published=PartialDate.parse_iso(published) if published else None)


def test_yesterday_is_the_day_before_publication_and_keeps_its_own_words():
    text = "Hier, le village a été attaqué."
    (d,) = find_foreign_dates(doc(text, "fr"), "fr")
    assert d.text == "Hier" and text[d.start:d.end] == "Hier"
    assert d.value.iso == "2023-05-11" and d.relative


def test_a_weekday_named_on_its_own_publication_day_is_that_day():
    (d,) = find_foreign_dates(doc("В пятницу ракета попала в вокзал.", "ru"), "ru")
    assert d.value.iso == "2023-05-12"               # published on a Friday


def test_a_full_date_needs_no_publication_date():
    (d,) = find_foreign_dates(doc("El 3 de junio de 2019 murieron trece personas.", "es", published=None), "es")
    assert d.value.iso == "2019-06-03" and not d.relative


def test_without_a_publication_date_a_relative_day_is_kept_unresolved():
    (d,) = find_foreign_dates(doc("Hier, le village a été attaqué.", "fr", published=None), "fr")
    assert d.value is None and d.relative


def test_tolls_and_clock_times_are_not_dates():
    found = find_foreign_dates(doc("Vers 5 heures, 30 personnes sont mortes, a 30 km du centre.", "fr"), "fr")
    assert [d.text for d in found] == []


def test_a_month_alone_has_month_precision():
    (d,) = find_foreign_dates(doc("Les combats durent depuis avril.", "fr"), "fr")
    assert d.value.precision == "month" and d.value.iso == "2023-04"


def test_a_weekday_run_on_into_a_count_keeps_the_weekday():
    (d,) = find_foreign_dates(doc("Hombres armados secuestraron el domingo a 20 estudiantes.", "es"), "es")
    assert d.text == "domingo" and d.value.iso == "2023-05-07"

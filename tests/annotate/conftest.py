"""Fixtures for the annotate tests: hand-built documents, and one loaded model per session."""
from __future__ import annotations

import pytest

from dateline.annotate import EntityAnnotator, ModelNotFound, patterns_from_names
from dateline.model import Document, Paragraph


def make_document(*paragraphs: str, boilerplate: tuple[int, ...] = ()) -> Document:
    """Paragraphs joined by a blank line, as extract joins them; indexes in `boilerplate` are kept
    out of the text, the way extract records boilerplate (no start/end)."""
    text, paras = "", []
    for i, p in enumerate(paragraphs):
        if i in boilerplate:
            paras.append(Paragraph("boilerplate", p, None, None))
            continue
        if text:
            text += "\n\n"
        paras.append(Paragraph("body", p, None, None, len(text), len(text) + len(p)))
        text += p
    return Document(id="t", article_id="t", uri="test:", text=text, paragraphs=paras)


@pytest.fixture(scope="session")
def annotator() -> EntityAnnotator:
    try:
        return EntityAnnotator().setup()
    except ModelNotFound as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def annotator_with_patterns() -> EntityAnnotator:
    patterns = patterns_from_names([
        ("GPE", "al-Raqqa", "geonames:163915"),
        ("ORG", "Syrian Democratic Forces", "syrian-democratic-forces"),
        ("ORG", "IS", "islamic-state"),
        ("ORG", "Al-Akhbar", "al-akhbar"),
        ("GPE", "Forbin", "test-forbin"),
    ])
    try:
        return EntityAnnotator(patterns=patterns).setup()
    except ModelNotFound as exc:
        pytest.skip(str(exc))

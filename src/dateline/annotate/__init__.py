"""The annotate stage: named-entity mentions (and the parse the events stage reuses) per Document.

    from dateline.annotate import EntityAnnotator, patterns_from_names

    annotator = EntityAnnotator(model=None, patterns=patterns_from_names(
        [("ORG", "Syrian Democratic Forces", "sdf"), ("GPE", "al-Raqqa", "geonames:163915")]))
    annotator.setup()                          # loads the spaCy model once per worker
    annotated = annotator.process(document)    # AnnotatedText: .mentions, .paragraphs, .sentences()
    mentions = annotator.annotate(document)    # just the list[Mention]

This stage reads `dateline.model` only; actor packs and the gazetteer reach it as ruler patterns
built by the pipeline, so it never imports `dateline.resolve`.
"""
from __future__ import annotations

from .entities import AnnotatedText, EntityAnnotator, ParsedParagraph, kept_paragraph_spans
from .entity_patterns import patterns_from_names, spelling_variants
from .models import DEFAULT_MODELS, ModelNotFound, load_pipeline
from .stoplist import Stoplist

__all__ = [
    "AnnotatedText", "EntityAnnotator", "ParsedParagraph", "kept_paragraph_spans",
    "patterns_from_names", "spelling_variants",
    "DEFAULT_MODELS", "ModelNotFound", "load_pipeline", "Stoplist",
]

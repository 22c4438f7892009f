"""The events stage: from annotated, resolved sentences to ACLED-coded events.

This package holds the taxonomy (as data), the sentence-level sub-event-type classifier and the
actor-category coding rules that refine its probabilities, and `EventExtractor`, which assembles
`Event` records from them (triggers, arguments, location, fatalities, merging).
"""
from __future__ import annotations

from dateline.events.classifier import EventClassifier, Prediction
from dateline.events.coding_rules import apply_actor_rules, apply_text_rules
from dateline.events.extractor import EventExtractor
from dateline.events.taxonomy import Taxonomy

__all__ = ["EventClassifier", "EventExtractor", "Prediction", "Taxonomy", "apply_actor_rules", "apply_text_rules"]

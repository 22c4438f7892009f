"""The events stage: from annotated, resolved sentences to ACLED-coded events.

This package holds the taxonomy (as data), the sentence-level sub-event-type classifier and the
actor-category coding rules that refine its probabilities. Assembling `Event` records from them is
done by the stage's event builder, not here.
"""
from __future__ import annotations

from dateline.events.classifier import EventClassifier, Prediction
from dateline.events.coding_rules import apply_actor_rules
from dateline.events.taxonomy import Taxonomy

__all__ = ["EventClassifier", "Prediction", "Taxonomy", "apply_actor_rules"]

"""The spaCy model name a pipeline loaded, for benchmarks that compare against the plain model."""
from __future__ import annotations

import importlib.util


def model_name(pipeline) -> str:
    from dateline.annotate.models import DEFAULT_MODELS

    return pipeline.config.model or next(m for m in DEFAULT_MODELS if importlib.util.find_spec(m))

"""The trained event-location ranker: a linear score over `location_features`, numpy only.

Responsible for loading the shipped (or a user's) weights, checking they were trained on the
features this code computes, and scoring the candidate places of one sentence. The weights come
from `scripts/train_event_location.py` (a conditional logit fitted on Halterman's "Geolocating
Political Events in Text", MIT; the licence sits next to the weights). Higher score: more likely
the place where the event happened; the scores of one sentence are comparable with each other
only, so callers take the argmax.
Not responsible for features (`location_features`) or the choice between ranker and hand rules
(`location`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import numpy as np

from dateline.resources import resource_path

from .location_features import FEATURES

WEIGHTS_FILE = "weights.npz"
META_FILE = "meta.json"


class RankerMismatch(ValueError):
    """The weights were trained on other feature columns than this code computes: retrain them."""


def default_model_dir() -> Path:
    return resource_path("models", "event_location")


@dataclass(frozen=True)
class LocationRanker:
    features: tuple[str, ...]
    weights: np.ndarray  # (n_features,)
    meta: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if tuple(self.features) != FEATURES:
            missing = sorted(set(FEATURES) ^ set(self.features))
            raise RankerMismatch(f"event-location weights name other features than the code computes "
                                 f"(differing: {missing[:6]}); rerun scripts/train_event_location.py")
        if self.weights.shape != (len(FEATURES),):
            raise RankerMismatch(f"event-location weights have shape {self.weights.shape}, "
                                 f"expected ({len(FEATURES)},)")

    @classmethod
    def load(cls, path: str | Path | None = None) -> "LocationRanker":
        """Weights from a directory holding `weights.npz` and `meta.json` (the shipped model by default)."""
        folder = Path(path) if path else default_model_dir()
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        with np.load(folder / WEIGHTS_FILE, allow_pickle=False) as arrays:
            weights = np.asarray(arrays["weights"], dtype=np.float64)
        return cls(tuple(meta["features"]), weights, meta)

    def scores(self, x: np.ndarray) -> np.ndarray:
        """One score per row of a `candidate_matrix`."""
        return x @ self.weights


GATE_MARGIN = 0.3


def gated_pick(scores: np.ndarray, rule_scores: list[float], margin: float = GATE_MARGIN) -> int:
    """The ranker's pick when its probability beats that of the rules' pick by more than `margin`,
    else the rules' pick: a cautious way to take the ranker's corrections and few of its slips."""
    ranked, ruled = int(np.argmax(scores)), int(np.argmax(rule_scores))
    if ranked == ruled:
        return ranked
    p = np.exp(scores - scores.max())
    p /= p.sum()
    return ranked if p[ranked] - p[ruled] > margin else ruled


def export_ranker(folder: str | Path, ranker: LocationRanker, extra_meta: dict) -> None:
    """Write `weights.npz` + `meta.json` so that `LocationRanker.load(folder)` gives `ranker` back."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    np.savez(folder / WEIGHTS_FILE, weights=np.asarray(ranker.weights, dtype=np.float64))
    meta = {"features": list(ranker.features),
            "weights": {n: round(float(w), 6) for n, w in zip(ranker.features, ranker.weights)},
            **extra_meta}
    (folder / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def shipped_ranker(path: str | None = None) -> LocationRanker:
    """The ranker loaded once per process: weights are read-only data, like the gazetteer."""
    return LocationRanker.load(path)

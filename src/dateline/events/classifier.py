"""Sentence-level event detection and ACLED sub-event-type classification, numpy only at run time.

Responsible for: loading the shipped (or a user's) weights, and for each sentence or snippet
returning the probability that it reports a concrete, past, codable event and the probability of
each of the 25 sub-event types. Two linear heads over one feature vector (`events.features`):
a binary is-event head and a 25-way sub-type head, both trained with scikit-learn by
`scripts/train_event_classifier.py` and exported as plain arrays.
Not responsible for: actors, places, dates (later steps of the stage) or actor-based corrections
(`events.coding_rules`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import numpy as np

from dateline.events.features import CUES, Featurizer, TfidfBlock
from dateline.resources import resource_path

WEIGHTS_FILE = "weights.npz"
META_FILE = "meta.json"


def default_model_dir() -> Path:
    return resource_path("models", "event_classifier")


@dataclass(frozen=True)
class Prediction:
    """`is_event`: P(a codable event is reported); `probabilities`: P(sub-type | event), summing to 1.

    `sub_event_type` is the most probable sub-type when `is_event` reaches the model's threshold,
    else None.
    """

    is_event: float
    sub_event_type: str | None
    probabilities: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class EventClassifier:
    featurizer: Featurizer
    labels: tuple[str, ...]
    weights: np.ndarray  # (n_features, 1 + n_labels): column 0 the is-event head
    bias: np.ndarray  # (1 + n_labels,)
    threshold: float = 0.5
    meta: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "EventClassifier":
        """Weights from a directory holding `weights.npz` and `meta.json` (the shipped model by default)."""
        folder = Path(path) if path else default_model_dir()
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        with np.load(folder / WEIGHTS_FILE, allow_pickle=False) as arrays:
            blocks = []
            for spec in meta["blocks"]:
                name = spec["name"]
                terms = arrays[f"{name}_terms"].tobytes().decode("utf-8").split("\n")
                blocks.append(TfidfBlock(
                    analyzer=spec["analyzer"], ngram_range=tuple(spec["ngram_range"]),
                    vocabulary={t: i for i, t in enumerate(terms)},
                    idf=arrays[f"{name}_idf"].astype(np.float64), weight=float(spec["weight"])))
            weights, bias = arrays["weights"], arrays["bias"].astype(np.float64)
        if list(meta.get("cues", [])) != [name for name, _ in CUES]:
            raise ValueError(f"{folder}: the weights were trained with other cue features; retrain them")
        featurizer = Featurizer(blocks=tuple(blocks), cue_weight=float(meta["cue_weight"]))
        if weights.shape != (featurizer.n_features, 1 + len(meta["labels"])):
            raise ValueError(f"{folder}: weights of shape {weights.shape} do not fit the vocabulary")
        return cls(featurizer=featurizer, labels=tuple(meta["labels"]), weights=weights, bias=bias,
                   threshold=float(meta.get("threshold", 0.5)), meta=meta)

    def scores(self, sentences: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(P(event) per sentence, P(sub-type | event) matrix), as the training library computes them."""
        if not sentences:
            return np.empty(0), np.empty((0, len(self.labels)))
        indptr, indices, data = self.featurizer.transform(sentences)
        # X @ W without scipy: scale the rows of W each feature selects, then sum them per sentence.
        contrib = self.weights[indices].astype(np.float64) * data[:, None]
        logits = np.zeros((len(sentences), self.weights.shape[1]))
        nonempty = indptr[:-1] < indptr[1:]
        if contrib.shape[0]:
            sums = np.add.reduceat(contrib, indptr[:-1][nonempty], axis=0)
            logits[nonempty] = sums
        logits += self.bias
        is_event = 1.0 / (1.0 + np.exp(-logits[:, 0]))
        sub = logits[:, 1:]
        sub = np.exp(sub - sub.max(axis=1, keepdims=True))
        sub /= sub.sum(axis=1, keepdims=True)
        return is_event, sub

    def predict(self, sentences: list[str]) -> list[Prediction]:
        is_event, sub = self.scores(sentences)
        out = []
        for p, row in zip(is_event, sub):
            best = self.labels[int(np.argmax(row))] if p >= self.threshold else None
            out.append(Prediction(is_event=float(p), sub_event_type=best,
                                  probabilities={label: float(v) for label, v in zip(self.labels, row)}))
        return out


def export_arrays(folder: Path, *, blocks: list[dict], labels: list[str], weights: np.ndarray,
                  bias: np.ndarray, cue_weight: float, threshold: float, extra_meta: dict,
                  dtype: str = "float32") -> None:
    """Write `weights.npz` + `meta.json`; `blocks` hold name, analyzer, ngram_range, weight, terms, idf."""
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {"weights": weights.astype(dtype), "bias": bias.astype(np.float64)}
    for b in blocks:
        arrays[f"{b['name']}_terms"] = np.frombuffer("\n".join(b["terms"]).encode("utf-8"), dtype=np.uint8)
        arrays[f"{b['name']}_idf"] = np.asarray(b["idf"], dtype=np.float64)
    np.savez_compressed(folder / WEIGHTS_FILE, **arrays)
    meta = {"labels": list(labels), "threshold": threshold, "cue_weight": cue_weight,
            "cues": [name for name, _ in CUES],
            "blocks": [{k: b[k] for k in ("name", "analyzer", "ngram_range", "weight")} for b in blocks],
            **extra_meta}
    (folder / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

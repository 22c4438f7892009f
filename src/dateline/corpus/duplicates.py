"""Near-duplicate and syndicated-copy detection with MinHash and banded LSH.

Responsible for turning a document's clean body text into a compact signature, the band keys used
to find candidates without comparing all pairs, and the similarity verdict. Not responsible for
storing signatures or finding candidates: the caller passes a lookup (the store keeps an indexed
table of band keys), so this module never holds the corpus in memory.

Shingles are word 4-grams of the casefolded body: long enough that two different reports about the
same strike rarely share many, short enough that a syndicated copy with an edited first sentence
still shares most.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Callable, Iterable

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 32                     # 32 bands of 4 rows: candidates from about 0.42 Jaccard upwards
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 4
DUPLICATE_THRESHOLD = 0.6      # estimated Jaccard of shingles at or above which a copy is declared
MIN_SHINGLES = 8               # fewer than this and a "match" says more about boilerplate than text

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class DuplicateMatch:
    of: str           # the document this one copies
    similarity: float


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> np.ndarray | None:
    """A MinHash signature (uint32[NUM_PERM]); None when the text is too short to compare fairly."""
    sh = shingles(text)
    if len(sh) < MIN_SHINGLES:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch(list(sh))
    return mh.hashvalues.astype(np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def band_keys(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, bucket) pairs; the bucket is a stable 63-bit hash so it can live in an SQL index."""
    keys = []
    raw = sig.astype("<u4")
    for b in range(BANDS):
        digest = hashlib.blake2b(raw[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest()
        keys.append((b, int.from_bytes(digest, "little") >> 1))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def find_duplicate(sig: np.ndarray | None,
                   candidates: Callable[[list[tuple[int, int]]], Iterable[tuple[str, bytes, str | None]]],
                   ) -> DuplicateMatch | None:
    """The most similar earlier document above the threshold, resolved to the original it copies.

    `candidates(keys)` yields (document id, signature bytes, that document's own duplicate_of) for
    every stored document sharing a band key.
    """
    if sig is None:
        return None
    best: DuplicateMatch | None = None
    for doc_id, blob, its_original in candidates(band_keys(sig)):
        sim = similarity(sig, from_bytes(blob))
        if sim >= DUPLICATE_THRESHOLD and (best is None or sim > best.similarity):
            best = DuplicateMatch(of=its_original or doc_id, similarity=round(sim, 3))
    return best


def comparable_text(paragraphs: Iterable[tuple[str, str]]) -> str:
    """The body text of (kind, text) paragraphs; titles and bylines differ between syndicated copies."""
    body = [t for k, t in paragraphs if k == "body"]
    return "\n".join(body) if body else "\n".join(t for _, t in paragraphs)

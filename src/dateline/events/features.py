"""Text features for the event classifier, computed with numpy alone.

Responsible for: the text normalisation shared by training and inference, the cue flags (modality,
negation, hedging, reporting of totals…), and a featurizer that reproduces scikit-learn's
`TfidfVectorizer` (word 1–2-grams and `char_wb` 3–5-grams, sublinear tf, smoothed idf, l2 norm)
exactly, so that weights trained with scikit-learn can be used without it at run time.
Not responsible for: training (`scripts/train_event_classifier.py`) or the classifier heads.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
_WHITE_SPACES = re.compile(r"\s\s+")  # as scikit-learn's char_wb analyzer normalises spacing
_WORD_CACHE_SIZE = 200_000  # distinct words kept per block, a few tens of MB at most

# Cue groups for the is-event head. Word n-grams see these words too, but a flag per group lets
# the model generalise across wordings it did not see ("is expected to" vs "is set to").
CUES: tuple[tuple[str, str], ...] = (
    ("future", r"\b(?:will|shall|'ll|plans? to|planned to|planning to|intends? to|is set to|are set to|"
               r"is expected to|are expected to|is to|are to|aims? to|scheduled|upcoming|next (?:week|month|year))\b"),
    ("threat", r"\b(?:threaten\w*|vow\w*|warn\w*|pledged?|promised?|ultimatum|would retaliate)\b"),
    # "before it could explode" tells of a foiled attack (Disrupted weapons use), not a hypothetical.
    ("conditional", r"\b(?:if|unless|(?<!before it )(?<!before he )(?<!before she )(?<!before they )could|would|"
                    r"might|may|should|in case|risk of|feared?|fears)\b"),
    ("negation", r"\b(?:no|not|never|denied|denies|deny|without|nobody|none|neither|rejected claims|"
                 r"dismissed (?:the )?(?:reports?|claims?)|false|fabricated|baseless)\b|n't\b"),
    ("no_harm", r"\b(?:no casualties|no injuries|no one was (?:hurt|injured|killed)|nobody was (?:hurt|injured)|"
                r"without (?:casualties|injuries|losses))\b"),
    ("hedge", r"\b(?:reportedly|allegedly|suspected|claimed|unconfirmed|unverified|apparently|according to)\b"),
    ("statement", r"\b(?:condemn\w*|urged?|called (?:on|for)|demand\w*|denounc\w*|appeal\w*|criticis\w*|"
                  r"criticiz\w*|praised|welcomed|expressed)\b"),
    ("total", r"\b(?:since (?:the start|january|the beginning)|so far this year|this year|last year|a total of|"
              r"in total|per cent|percent|monthly|annual|year-on-year|tally|statistics|figures show)\b"),
    ("history", r"\b(?:years ago|decades? ago|anniversary|commemorat\w*|remembered|in the (?:num)s|history|"
                r"historic|memorial|funeral|mourn\w*|buried)\b"),
    ("aid", r"\b(?:aid|humanitarian|relief|food parcels|vaccinat\w*|convoy delivered|donat\w*|distributed)\b"),
    ("sport_business", r"\b(?:match|league|cup|goal|scored|striker|tournament|season|coach|shares?|stocks?|"
                       r"market|prices?|profits?|revenue|box office|album|film|election campaign)\b"),
    ("past_event", r"\b(?:killed|wounded|injured|clashed|attacked|seized|captured|arrested|detained|abducted|"
                   r"kidnapped|shelled|bombed|exploded|detonated|stormed|torched|fired|dispersed|protested|"
                   r"rallied|demonstrated|withdrew|took control|was killed|were killed|died)\b"),
)
_CUE_PATTERNS = tuple(re.compile(p) for _, p in CUES)


def preprocess(text: str) -> str:
    """Lower-case and abstract numbers, so tolls and dates do not become vocabulary."""
    return _NUMBER.sub("num", text.lower())


def word_terms(doc: str, ngram_max: int = 2) -> list[str]:
    """Word n-grams of a preprocessed text, as scikit-learn's word analyzer makes them."""
    tokens = _TOKEN.findall(doc)
    terms = list(tokens)
    for n in range(2, min(ngram_max, len(tokens)) + 1):
        # zip of shifted lists: the same n-grams in the same order, without slicing per position
        terms.extend(map(" ".join, zip(*(tokens[k:] for k in range(n)))))
    return terms


def char_wb_terms(doc: str, ngram_min: int = 3, ngram_max: int = 5) -> list[str]:
    """Character n-grams inside word boundaries, as scikit-learn's `char_wb` analyzer makes them."""
    terms: list[str] = []
    append = terms.append
    for word in _WHITE_SPACES.sub(" ", doc).split():
        w = " " + word + " "
        size = len(w)
        for n in range(ngram_min, ngram_max + 1):
            offset = 0
            append(w[0:n])
            while offset + n < size:
                offset += 1
                append(w[offset:offset + n])
            if offset == 0:  # a word shorter than n counts once, then stop
                break
    return terms


def cue_flags(texts: list[str]) -> np.ndarray:
    """One 0/1 column per cue group, over preprocessed texts."""
    out = np.zeros((len(texts), len(_CUE_PATTERNS)), dtype=np.float64)
    for i, doc in enumerate(texts):
        for j, pattern in enumerate(_CUE_PATTERNS):
            if pattern.search(doc):
                out[i, j] = 1.0
    return out


@dataclass(frozen=True)
class TfidfBlock:
    """One fitted TF-IDF vectorizer as plain data: vocabulary, idf, analyzer and block weight."""

    analyzer: str  # "word" or "char_wb"
    ngram_range: tuple[int, int]
    vocabulary: dict[str, int]
    idf: np.ndarray
    weight: float = 1.0
    _word_hits: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def terms(self, doc: str) -> list[str]:
        if self.analyzer == "word":
            return word_terms(doc, self.ngram_range[1])
        return char_wb_terms(doc, *self.ngram_range)

    def counts(self, doc: str) -> dict[int, int]:
        """Term counts of one preprocessed text over this block's vocabulary."""
        if self.analyzer != "char_wb":
            counts = Counter(map(self.vocabulary.get, self.terms(doc)))
            counts.pop(None, None)
            return counts
        # char_wb n-grams never cross a word, so a word's vocabulary hits are computed once per
        # process: most words of news text recur
        known = self._word_hits
        hits: list[int] = []
        for word in _WHITE_SPACES.sub(" ", doc).split():
            found = known.get(word)
            if found is None:
                if len(known) >= _WORD_CACHE_SIZE:
                    known.clear()
                found = known[word] = self._hits(char_wb_terms(word, *self.ngram_range))
            hits.extend(found)
        return Counter(hits)

    def _hits(self, terms: list[str]) -> tuple[int, ...]:
        vocab = self.vocabulary
        return tuple(j for j in map(vocab.get, terms) if j is not None)


@dataclass(frozen=True)
class Featurizer:
    """Word block, char block and cue flags side by side, in the column order used at training."""

    blocks: tuple[TfidfBlock, ...]
    cue_weight: float

    @property
    def n_features(self) -> int:
        return sum(len(b.idf) for b in self.blocks) + len(CUES)

    def transform(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR arrays (indptr, indices, data) of the feature matrix of raw texts.

        Counting is per text in Python; the tf-idf arithmetic runs once over the whole batch, which
        is what keeps the classifier above a few thousand sentences a second.
        """
        docs = [preprocess(t) for t in texts]
        cues = cue_flags(docs)
        row_idx: list[int] = []
        row_cnt: list[int] = []
        seg_len: list[int] = []  # entries per (text, block) segment, text-major
        for doc in docs:
            for block in self.blocks:
                counts = block.counts(doc)
                row_idx.extend(counts)
                row_cnt.extend(counts.values())
                seg_len.append(len(counts))
        # each block's columns start where the previous block's vocabulary ends
        offsets = np.cumsum([0] + [len(b.idf) for b in self.blocks], dtype=np.int64)[:len(self.blocks)]
        indices = np.asarray(row_idx, dtype=np.int64) + np.repeat(np.tile(offsets, len(docs)), seg_len)
        idf = np.concatenate([b.idf for b in self.blocks]) if self.blocks else np.empty(0)
        block_weight = np.repeat(np.tile([b.weight for b in self.blocks], len(docs)), seg_len)
        values = (np.log(np.asarray(row_cnt, dtype=np.float64)) + 1.0) * idf[indices]
        seg = np.repeat(np.arange(len(seg_len)), seg_len)
        norms = np.sqrt(np.bincount(seg, weights=values * values, minlength=len(seg_len)))
        values = values / norms[seg] * block_weight
        # Cue entries join their text's row; a stable sort by row keeps the CSR layout.
        n_blocks = max(len(self.blocks), 1)
        per_text = np.asarray(seg_len, dtype=np.int64).reshape(len(docs), n_blocks).sum(axis=1) \
            if self.blocks else np.zeros(len(docs), dtype=np.int64)
        cue_rows, cue_cols = np.nonzero(cues)
        rows = np.concatenate([np.repeat(np.arange(len(docs)), per_text), cue_rows])
        order = np.argsort(rows, kind="stable")
        out_idx = np.concatenate([indices, cue_cols + len(idf)])[order]
        out_val = np.concatenate([values, np.full(len(cue_rows), self.cue_weight)])[order]
        indptr = np.zeros(len(docs) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum(np.bincount(rows, minlength=len(docs)))
        return indptr, out_idx, out_val

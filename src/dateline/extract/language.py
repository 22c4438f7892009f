"""Language identification of a document's clean text.

Loads py3langid's bundled model once per `LanguageDetector` (about 0.7 s), so a pipeline holds one
detector for its lifetime. Only the first 500 characters are read: language does not change
halfway through a news page, and the classifier's cost grows with the input.
"""
from __future__ import annotations

import re

SAMPLE_CHARS = 500
_LETTERS = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"[^\W\d_]+")
ENGLISH_SHARE = 0.2
# Closed-class English words: frequent in any English sentence, rare in other Latin-script languages.
_ENGLISH = frozenset("the of and to in on with near at by from for was were is are has have had said that "
                     "this which who after before during into over against their its his her they he she "
                     "it an a be been not but or as".split())


def _english_share(text: str) -> float:
    """Share of English grammar words, 0 unless at least two occur (one "an" or "to" proves nothing)."""
    words = [w.lower() for w in _WORDS.findall(text)]
    hits = sum(w in _ENGLISH for w in words)
    return hits / len(words) if words and hits >= 2 else 0.0


# Below this probability the n-gram model is guessing; a short line with no accented letter at all is
# then read as English, the language the pipeline's model reads ("Israeli jets struck Gaza." came out
# Croatian at 0.10).
GUESS = 0.3


class LanguageDetector:
    def __init__(self) -> None:
        self._identifier = None

    def setup(self) -> None:
        if self._identifier is None:
            from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

            self._identifier = LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)

    def detect(self, text: str) -> tuple[str | None, float | None]:
        """ISO 639-1 code and probability; (None, None) when there is too little text to tell."""
        sample = text[:SAMPLE_CHARS]
        if len(_LETTERS.findall(sample)) < 20:
            return None, None
        self.setup()
        lang, prob = self._identifier.classify(sample)
        if lang != "en" and prob < 0.95 and _english_share(sample) >= ENGLISH_SHARE:
            # Short wire sentences full of foreign names fool a character n-gram model ("Nigerian
            # soldiers clashed with Boko Haram fighters near Maiduguri" came out Nigerian Pidgin);
            # English grammar words are the better witness there.
            return "en", round(float(prob), 4)
        if lang != "en" and prob < GUESS and sample.isascii():
            return "en", round(float(prob), 4)
        return lang, round(float(prob), 4)

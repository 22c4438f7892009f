"""Language identification of a document's clean text.

Loads py3langid's bundled model once per `LanguageDetector` (about 0.7 s), so a pipeline holds one
detector for its lifetime. Only the first 500 characters are read: language does not change
halfway through a news page, and the classifier's cost grows with the input.
"""
from __future__ import annotations

import re

SAMPLE_CHARS = 500
_LETTERS = re.compile(r"[^\W\d_]")


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
        return lang, round(float(prob), 4)

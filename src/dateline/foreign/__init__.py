"""A light annotation path for texts the entity model cannot read (French, Spanish, Arabic, Russian…).

Responsible for giving a non-English document the same records the English path gives — place
and actor mentions, dates, death-toll figures and events — from data rather than a model: a word
lexicon per language (`resources/lexicons/<lang>.yaml`), the actor packs' other-language aliases,
the gazetteer's names in every script, and dateparser. It reuses the resolve stage's place linking
and the events stage's merging and fatality rules, so it sits above both. Everything it finds is
marked: mentions carry `source="lexicon"`, events a confidence below the English path's, and the
document a warning saying how it was read. Adding a language is adding a lexicon file.

Not responsible for English (the spaCy path in `pipeline`), quotes (attribution needs a parser),
or choosing which documents come here (`Pipeline.analyse`).
"""
from __future__ import annotations

from .analyser import ForeignAnalyser, ForeignResult
from .lexicon import Lexicon, available_languages, load_lexicon

__all__ = ["ForeignAnalyser", "ForeignResult", "Lexicon", "available_languages", "load_lexicon"]

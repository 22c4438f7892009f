"""Per-language word lists (`resources/lexicons/<lang>.yaml`) and the word matching they need.

Responsible for reading a lexicon file into a `Lexicon`, for the normalisation both the files and
the texts go through (case, accents, Arabic letter variants, Cyrillic ё), for the word forms a
token can stand for (an Arabic word without its clitics, a Russian word without its case ending),
and for matching lexicon phrases (`kill*` is a stem, `air strike` two words in a row) against a
tokenised sentence. Adding a language is adding a file; nothing here names one.

Not responsible for deciding what a match means (events, places, actors do that).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

__all__ = ["Lexicon", "Phrase", "Token", "available_languages", "fold", "lexicon_path", "load_lexicon"]

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")   # short vowels, shadda, tatweel
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def fold(text: str) -> str:
    """The form words are compared in: lower case, no accents, one spelling per Arabic letter."""
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS).translate(_DIGITS)
    text = text.replace("’", "'").replace("ё", "е").replace("Ё", "Е").casefold()
    # Accents go only on Latin letters: decomposed, Cyrillic й would lose its breve and become и.
    out, latin = [], False
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if not latin:
                out.append(ch)
            continue
        latin = ch.isascii()
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    forms: tuple[str, ...]      # folded: the word itself first, then what it may stand for


@dataclass(frozen=True)
class Phrase:
    """A lexicon entry: words in a row; a word ending in `*` matches any word it begins."""
    text: str
    words: tuple[tuple[str, bool], ...]     # (folded word, is a stem)

    @classmethod
    def parse(cls, text: str) -> Phrase:
        words = []
        for w in text.split():
            stem = w.endswith("*")
            words.append((fold(w.rstrip("*")), stem))
        return cls(text, tuple(words))

    def matches_at(self, tokens: list[Token], i: int) -> bool:
        if i + len(self.words) > len(tokens):
            return False
        for (word, stem), tok in zip(self.words, tokens[i:i + len(self.words)]):
            if not any(f.startswith(word) if stem else f == word for f in tok.forms):
                return False
        return True

    def find(self, tokens: list[Token]) -> Iterator[int]:
        for i in range(len(tokens)):
            if self.matches_at(tokens, i):
                yield i


@dataclass(frozen=True)
class TriggerGroup:
    sub_event_type: str
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True)
class Upgrade:
    """With one of `phrases` in the sentence, an event read as `source` is coded `target`
    (when `without_harm`, only if the sentence tells of no one killed or wounded)."""
    source: str
    target: str
    phrases: tuple[Phrase, ...]
    without_harm: bool = False


@dataclass
class Lexicon:
    language: str
    script: str
    prefixes: tuple[str, ...] = ()          # folded clitics, longest first
    endings: tuple[tuple[str, str], ...] = ()   # (ending, replacement), tried in order
    min_stem: int = 3
    elisions: tuple[str, ...] = ()
    not_places: frozenset[str] = frozenset()
    place_names: dict[str, str] = field(default_factory=dict)   # folded local form -> gazetteer name
    numbers: dict[str, int] = field(default_factory=dict)
    vague_numbers: dict[str, int] = field(default_factory=dict)
    triggers: tuple[TriggerGroup, ...] = ()
    not_triggers: tuple[Phrase, ...] = ()   # phrases in which a trigger word means something else
    upgrades: tuple[Upgrade, ...] = ()
    dead: tuple[Phrase, ...] = ()
    wounded: tuple[Phrase, ...] = ()
    civilians: tuple[Phrase, ...] = ()
    soldiers: tuple[Phrase, ...] = ()       # armed victims: an attack on them is a battle (ACLED)
    negation: tuple[Phrase, ...] = ()
    hedge: tuple[Phrase, ...] = ()
    distinct: tuple[Phrase, ...] = ()
    speech: tuple[Phrase, ...] = ()         # verbs after a speaker ("a déclaré"): a source, not a party
    according: tuple[Phrase, ...] = ()      # words before one ("selon", "según", "по данным")
    anaphora: tuple[Phrase, ...] = ()       # articles that make a trigger noun point back
    reference: tuple[Phrase, ...] = ()      # words that make it a mere reference ("du massacre")
    definite: tuple[str, ...] = ()          # folded prefixes that do the same (Arabic ال)
    version: int = 1

    @property
    def cased(self) -> bool:
        """Whether names stand out by a capital letter (not in Arabic, Hebrew, Devanagari…)."""
        return self.script in ("latin", "cyrillic", "greek", "armenian", "georgian")

    def tokens(self, text: str, offset: int = 0) -> list[Token]:
        return [Token(m.start() + offset, m.end() + offset, m.group(), tuple(self.forms(m.group())))
                for m in _WORD.finditer(text)]

    def forms(self, word: str) -> Iterator[str]:
        """The folded word, then the words it may stand for once clitics and endings are dropped."""
        seen = set()
        for form in self._forms(fold(word)):
            if form not in seen:
                seen.add(form)
                yield form

    def _forms(self, w: str) -> Iterator[str]:
        yield w
        for el in self.elisions:
            if w.startswith(el) and len(w) > len(el) + 1:
                yield w[len(el):]
        bases = [w]
        for p in self.prefixes:
            if w.startswith(p) and len(w) - len(p) >= self.min_stem:
                bases.append(w[len(p):])
                yield w[len(p):]
        for base in bases:
            for ending, repl in self.endings:
                if base.endswith(ending) and len(base) - len(ending) >= self.min_stem:
                    yield base[:len(base) - len(ending)] + repl

    def number(self, token: Token) -> tuple[int, bool] | None:
        """(value, vague) for a numeral written in digits or words ("134", "treize", "عشرات")."""
        digits = token.forms[0].replace(" ", "")
        if digits.isdigit():
            return int(digits), False
        for f in token.forms:
            if f in self.numbers:
                return self.numbers[f], False
            if f in self.vague_numbers:
                return self.vague_numbers[f], True
        return None


def _phrases(values: Iterable[Any] | None) -> tuple[Phrase, ...]:
    return tuple(Phrase.parse(str(v)) for v in values or ())


def _lexicon_dir() -> Any:
    return resources.files("dateline.resources").joinpath("lexicons")


def available_languages() -> list[str]:
    return sorted(p.name[:-5] for p in _lexicon_dir().iterdir() if p.name.endswith(".yaml"))


def lexicon_path(language: str) -> Any:
    return _lexicon_dir().joinpath(f"{language}.yaml")


def load_lexicon(language: str, path: str | Path | None = None) -> Lexicon | None:
    """The shipped lexicon for an ISO 639-1 code (or the file at `path`); None when there is none."""
    source = Path(path) if path else lexicon_path(language)
    if not source.is_file():
        return None
    data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    return from_dict(data, language)


def from_dict(data: dict[str, Any], language: str | None = None) -> Lexicon:
    forms = data.get("forms") or {}
    triggers = tuple(TriggerGroup(str(g["sub_event_type"]), _phrases(g.get("words")))
                     for g in data.get("triggers") or ())
    upgrades = tuple(Upgrade(str(u["from"]), str(u["to"]), _phrases(u.get("words")), bool(u.get("without_harm")))
                     for u in data.get("upgrades") or ())
    endings = tuple((fold(str(e)), "") if not isinstance(e, list) else (fold(str(e[0])), fold(str(e[1])))
                    for e in forms.get("endings") or ())
    return Lexicon(
        language=str(data.get("language") or language),
        script=str(data.get("script") or "latin"),
        prefixes=tuple(sorted((fold(str(p)) for p in forms.get("prefixes") or ()), key=len, reverse=True)),
        endings=endings,
        min_stem=int(forms.get("min_stem", 3)),
        elisions=tuple(fold(str(e)) for e in forms.get("elisions") or ()),
        not_places=frozenset(fold(str(w)) for w in data.get("not_places") or ()),
        place_names={fold(str(k)): str(v) for k, v in (data.get("place_names") or {}).items()},
        numbers={fold(str(k)): int(v) for k, v in (data.get("numbers") or {}).items()},
        vague_numbers={fold(str(k)): int(v) for k, v in (data.get("vague_numbers") or {}).items()},
        triggers=triggers, upgrades=upgrades, not_triggers=_phrases(data.get("not_triggers")),
        dead=_phrases(data.get("dead")), wounded=_phrases(data.get("wounded")),
        civilians=_phrases(data.get("civilians")), soldiers=_phrases(data.get("soldiers")), negation=_phrases(data.get("negation")),
        hedge=_phrases(data.get("hedge")), distinct=_phrases(data.get("distinct")),
        speech=_phrases(data.get("speech")), according=_phrases(data.get("according")),
        anaphora=_phrases(data.get("anaphora")), reference=_phrases(data.get("reference")), definite=tuple(fold(str(p)) for p in forms.get("definite") or ()),
        version=int(data.get("version", 1)),
    )

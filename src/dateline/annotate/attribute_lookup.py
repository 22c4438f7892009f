"""A drop-in for spaCy's `attribute_ruler` that gives the same tokens in a fraction of the time.

Responsible for: replacing a loaded pipeline's `attribute_ruler` (the component that turns the
tagger's fine tags into POS, morphology and a few lemmas) by `AttributeLookup`, which applies the
very same patterns with the very same precedence. Not responsible for: which patterns a model
ships, or any component other than the attribute ruler.

Why: the stock ruler runs a `Matcher` with ~180 one-token patterns over every token, and in the
small English model that cost a sixth of the whole spaCy pipeline (more than our rulers and rules
together). Almost every pattern only compares a token's tag, lower-case form, dependency label or
whitespace flag, so the set of patterns a token matches depends on those four values alone: we
work it out once per distinct combination and cache it. Patterns of any other shape (several
tokens, a regular expression, other attributes) still go through a `Matcher`, and the attributes of
all matches are applied in pattern order, exactly as `AttributeRuler.set_annotations` does.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

FACTORY = "dateline_attribute_lookup"
# Token attributes a pattern may test and still be answered from the cache key.
_KEYED = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3, "ORTH": 4}
_CACHE_LIMIT = 200_000


def _simple_test(token_pattern: dict, *, regex: bool = False) -> list[tuple[int, str, Any]] | None:
    """[(key position, operator, value)] when one token's test reads only cached attributes."""
    tests = []
    for key, value in token_pattern.items():
        pos = _KEYED.get(key.upper())
        if pos is None:
            return None
        if isinstance(value, (str, bool)):
            tests.append((pos, "==", value))
        elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN"):
            op, values = next(iter(value.items()))
            tests.append((pos, op, frozenset(values)))
        elif regex and isinstance(value, dict) and len(value) == 1 and "REGEX" in value:
            tests.append((pos, "REGEX", re.compile(value["REGEX"])))
        else:
            return None
    return tests


def _passes(tests: list[tuple[int, str, Any]], key: tuple) -> bool:
    for pos, op, value in tests:
        got = key[pos]
        if op == "==" and got != value or op == "IN" and got not in value \
                or op == "NOT_IN" and got in value or op == "REGEX" and not value.search(got):
            return False
    return True


class AttributeLookup:
    """Applies an `AttributeRuler`'s patterns; build it with `from_ruler`."""

    def __init__(self, nlp: Language, name: str = FACTORY):
        self.name = name
        self.vocab = nlp.vocab
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self.simple: list[tuple[int, list]] = []  # (rule number, tests) per one-token alternative
        self.matcher = None  # the rules no cache key can answer
        # First-token tests of those rules: the matcher runs only on a Doc where one could start.
        # None when some rule's first token cannot be tested from the key (then it always runs).
        self.gates: list[list] | None = []
        self._cache: dict[tuple, tuple[dict, bool]] = {}
        self.ruler = None  # the stock ruler whose patterns we apply; it also does the saving

    def from_ruler(self, ruler) -> AttributeLookup:
        from spacy.matcher import Matcher

        self.ruler, self.simple, self.gates, self._cache = ruler, [], [], {}
        self.attrs, self.indices = list(ruler.attrs), list(ruler.indices)
        complex_rules = Matcher(self.vocab)
        for number, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                tests = _simple_test(pattern[0]) if len(pattern) == 1 else None
                if tests is not None:
                    self.simple.append((number, tests))
                    continue
                complex_rules.add(str(number), [pattern])
                gate = _simple_test(pattern[0], regex=True)
                self.gates = None if gate is None or self.gates is None else [*self.gates, gate]
        self.matcher = complex_rules if len(complex_rules) else None
        return self

    def _rules_for(self, key: tuple) -> tuple[dict, bool]:
        """(merged attributes of the one-token rules, whether a complex rule may start here)."""
        hit = self._cache.get(key)
        if hit is None:
            merged: dict = {}
            for n, tests in self.simple:  # in rule order: later rules win, as in the stock ruler
                if _passes(tests, key):
                    merged.update(self.attrs[n])
            gate = self.matcher is not None and (self.gates is None or any(_passes(g, key) for g in self.gates))
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            hit = self._cache[key] = (merged, gate)
        return hit

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        # Every rule is matched against the tokens as the tagger left them, then applied.
        found = [(t, *self._rules_for((t.tag_, t.lower_, t.dep_, t.is_space, t.text))) for t in doc]
        if any(gate for _, _, gate in found):
            self._apply_with_complex(doc, found)
            return doc
        for t, merged, _ in found:
            if merged:
                set_token_attrs(t, merged)
        return doc

    def _apply_with_complex(self, doc: Doc, found: list) -> None:
        """The rare Doc where a several-token or regex rule may match: exact rule-by-rule order."""
        from spacy.tokens._retokenize import set_token_attrs

        extra: dict[int, list[int]] = {}
        for match_id, start, end in self.matcher(doc, allow_missing=True):
            number = int(self.vocab.strings[match_id])
            index = self.indices[number]
            extra.setdefault((start if index >= 0 else end) + index, []).append(number)
        for t, merged, _ in found:
            more = extra.get(t.i)
            if not more:
                if merged:
                    set_token_attrs(t, merged)
                continue
            key = (t.tag_, t.lower_, t.dep_, t.is_space, t.text)
            numbers = {n for n, tests in self.simple if _passes(tests, key)} | set(more)
            for n in sorted(numbers):
                set_token_attrs(t, self.attrs[n])


    # Saving and loading go through the stock ruler's files, so a saved pipeline keeps its patterns.
    def to_disk(self, path, *, exclude=()):
        self.ruler.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=()) -> AttributeLookup:
        return self.from_ruler(self._empty_ruler().from_disk(path, exclude=exclude))

    def to_bytes(self, *, exclude=()) -> bytes:
        return self.ruler.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude=()) -> AttributeLookup:
        return self.from_ruler(self._empty_ruler().from_bytes(data, exclude=exclude))

    def _empty_ruler(self):
        from spacy.pipeline import AttributeRuler

        return AttributeRuler(self.vocab, self.name)


def register_factory() -> None:
    """Make the component loadable by name, so a pipeline saved after the swap loads again (call
    before `spacy.load`; `models.load_pipeline` does)."""
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY)(_make_lookup)


def _make_lookup(nlp: Language, name: str) -> AttributeLookup:
    lookup = AttributeLookup(nlp, name)
    return lookup.from_ruler(lookup._empty_ruler())


def use_attribute_lookup(nlp: Language) -> None:
    """Swap the pipeline's `attribute_ruler` (if it has one) for an equivalent `AttributeLookup`."""
    if "attribute_ruler" not in nlp.pipe_names or isinstance(nlp.get_pipe("attribute_ruler"), AttributeLookup):
        return
    register_factory()
    ruler = nlp.get_pipe("attribute_ruler")
    lookup = nlp.replace_pipe("attribute_ruler", FACTORY)
    lookup.from_ruler(ruler)

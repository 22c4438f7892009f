"""Named-entity mentions for a `Document`: the spaCy model, injected name patterns, domain rules.

Responsible for: running a spaCy pipeline over each kept paragraph of a document (never across a
paragraph break), letting injected name patterns (actor packs, gazetteer) override the model, fixing
the model's known mistakes in conflict reporting (`entity_rules`), and returning `Mention`s whose
offsets point into `Document.text`. It also hands back the parsed paragraphs (`AnnotatedText`) so
the events stage reads sentences, POS and dependencies without parsing again.

Not responsible for: deciding which actor or place a mention is (resolve), reading actor packs or
the gazetteer (the pipeline builds `patterns` from them with `entity_patterns.patterns_from_names`),
or loading anything before `setup()`.

Why per paragraph: on the whole text the model glues names across the "\\n\\n" separator
("al-Raqqa\\n\\nAl-Akhbar" came out as one ORG) and lets a DATE swallow the next paragraph's
first word. Paragraphs are also the natural batch unit for `nlp.pipe`.

Typical use (one annotator per worker process):

    annotator = EntityAnnotator(patterns=patterns_from_names(triples))
    annotator.setup()                       # loads the model once
    for parsed in annotator.process_many(documents):
        parsed.mentions                     # list[Mention], sorted by start
        for offset, sent in parsed.sentences():   # spaCy Span; doc.text[offset + sent.start_char:...]
            ...
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Document, Mention
from .entity_patterns import split_by_case
from .entity_rules import EntityRules, RULER_KEYS
from .models import DEFAULT_EXCLUDE, load_pipeline, pipeline_version
from .stoplist import Stoplist

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span


@dataclass
class ParsedParagraph:
    """One kept paragraph as spaCy parsed it. `start` is its offset in `Document.text`, so a token
    or span at `x.idx` / `x.start_char` sits at `start + x.idx` in the document."""
    start: int
    doc: Doc

    @property
    def end(self) -> int:
        return self.start + len(self.doc.text)


@dataclass
class AnnotatedText:
    """What the annotate stage gives the later stages for one document.

    `mentions` are sorted by start and never overlap. `paragraphs` holds the spaCy parse of every
    kept paragraph, in document order; its `doc.ents` carry the same (corrected) entities as
    `mentions`, with `ent.id_` set to the pattern id when a ruler found the name.
    """
    document: Document
    mentions: list[Mention] = field(default_factory=list)
    paragraphs: list[ParsedParagraph] = field(default_factory=list)

    def sentences(self) -> Iterator[tuple[int, Span]]:
        """(paragraph offset, sentence) for every sentence, in document order."""
        for p in self.paragraphs:
            for sent in p.doc.sents:
                yield p.start, sent

    def pattern_id(self, mention: Mention) -> str | None:
        """The `id` of the ruler pattern that found `mention` (an actor or place id from the packs
        or gazetteer), or None when the model or a rule found it."""
        for p in self.paragraphs:
            if p.start <= mention.start < p.end:
                for e in p.doc.ents:
                    if (p.start + e.start_char, p.start + e.end_char) == (mention.start, mention.end):
                        return e.id_ or None
        return None

    def head_noun(self, mention: Mention) -> tuple[int, int, str] | None:
        """The noun a name modifies, as document offsets and its lower-case text: "warplanes" for
        "Russian" in "Russian warplanes", "strike" for "US" in "a US drone strike", "journalist" for
        "Russian" in "a Russian journalist". None when no noun follows, or when the name is only
        a backer ("Turkish-backed factions").

        Why: re3d (our scored convention) keeps "Russian" a Nationality and "US" before a weapon an
        Organisation on its own, so the mention alone cannot say whether the country attacked or
        a national was hurt; resolve and events read that from this noun.
        """
        for p in self.paragraphs:
            if not p.start <= mention.start < p.end:
                continue
            span = p.doc.char_span(mention.start - p.start, mention.end - p.start, alignment_mode="expand")
            if span is None:
                return None
            doc, i = p.doc, span.end
            if i < len(doc) and doc[i].lower_ in ("'s", "’s"):
                i += 1
            if i < len(doc) and doc[i].text in ("-", "–"):
                return None
            head = None
            while i < len(doc) and i - span.end < 5 and doc[i].pos_ in ("NOUN", "ADJ") and doc[i].is_lower:
                if doc[i].pos_ == "NOUN":
                    head = doc[i]
                elif head is not None:
                    break
                i += 1
            if head is None:
                return None
            return p.start + head.idx, p.start + head.idx + len(head.text), head.lower_
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that lie wholly inside the character range `start..end` (e.g. a sentence)."""
        return [m for m in self.mentions if start <= m.start and m.end <= end]


def kept_paragraph_spans(doc: Document) -> list[tuple[int, int]]:
    """Character ranges of the text to annotate: the document's non-boilerplate paragraphs.

    A document built without paragraph records (a hand-made one, or text handed in by a caller)
    falls back to its non-empty lines, so we still never run across a paragraph break.
    """
    spans = [(p.start, p.end) for p in doc.paragraphs
             if p.start is not None and p.end is not None and p.kind != "boilerplate" and p.end > p.start]
    if spans:
        return sorted(spans)
    out, pos = [], 0
    for line in doc.text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


class EntityAnnotator:
    """Finds PERSON, ORG, GPE, LOC, FAC, NORP (and the model's DATE, TIME, MONEY, QUANTITY, CARDINAL,
    PERCENT…) mentions in documents.

    `model` is a spaCy package name or directory (None: the defaults in `models.DEFAULT_MODELS`).
    `patterns` are ruler patterns (`{"label", "pattern", "id"}`, see `entity_patterns`) that win
    over the model. `stoplist` says which surface forms are never names and which known names the
    model mislabels; pass `Stoplist()` to switch the built-in lists off. Nothing is loaded until
    `setup()`.
    """

    def __init__(self, *, model: str | None = None, patterns: list[dict] | None = None,
                 stoplist: Stoplist | None = None, batch_size: int = 64,
                 exclude: tuple[str, ...] = DEFAULT_EXCLUDE):
        self.model = model
        self.patterns = list(patterns or [])
        self.stoplist = stoplist if stoplist is not None else Stoplist.default()
        self.batch_size = batch_size
        self.exclude = exclude
        self.nlp: Language | None = None
        self.rules: EntityRules | None = None

    # -- lifecycle ------------------------------------------------------------------------------

    def setup(self) -> EntityAnnotator:
        """Load the model and build the rulers and rule matchers; call once per worker."""
        nlp = load_pipeline(self.model, exclude=self.exclude)
        if self.patterns:
            self._add_rulers(nlp)
        self.nlp = nlp
        self.rules = EntityRules(nlp.vocab, self.stoplist)
        return self

    def _add_rulers(self, nlp: Language) -> None:
        # Rulers run before the statistical NER so the NER keeps their spans and predicts around
        # them. Two rulers because multi-token names match caseless and single tokens must not
        # (see entity_patterns); the longest match wins across both.
        caseless, cased = split_by_case(self.patterns, lambda s: len(nlp.make_doc(s)))
        anchor = "ner" if "ner" in nlp.pipe_names else None
        for key, attr, pats in ((RULER_KEYS[0], "LOWER", caseless), (RULER_KEYS[1], "ORTH", cased)):
            if not pats:
                continue
            ruler = nlp.add_pipe("span_ruler", name=key, before=anchor, config={
                "spans_key": key, "annotate_ents": True, "overwrite": False,
                "phrase_matcher_attr": attr, "validate": False})
            ruler.add_patterns(pats)

    @property
    def version(self) -> str:
        """Model name and version plus the number of patterns, for provenance records."""
        if self.nlp is None:
            raise RuntimeError("EntityAnnotator.setup() has not been called")
        return f"{pipeline_version(self.nlp)}+{len(self.patterns)}patterns"

    # -- annotation -----------------------------------------------------------------------------

    def annotate(self, doc: Document) -> list[Mention]:
        return self.process(doc).mentions

    def annotate_many(self, docs: Iterable[Document]) -> list[list[Mention]]:
        return [a.mentions for a in self.process_many(docs)]

    def process(self, doc: Document) -> AnnotatedText:
        return self.process_many([doc])[0]

    def process_many(self, docs: Iterable[Document]) -> list[AnnotatedText]:
        """Annotate a batch; paragraphs of all documents go through `nlp.pipe` together."""
        if self.nlp is None or self.rules is None:
            raise RuntimeError("EntityAnnotator.setup() must be called before annotating")
        docs = list(docs)
        jobs: list[tuple[int, int, str]] = []
        for i, d in enumerate(docs):
            for start, end in kept_paragraph_spans(d):
                jobs.append((i, start, d.text[start:end]))
        out = [AnnotatedText(d) for d in docs]
        parsed = self.nlp.pipe((text for _, _, text in jobs), batch_size=self.batch_size)
        for (i, start, _), sdoc in zip(jobs, parsed):
            found = self.rules.apply(sdoc)
            out[i].paragraphs.append(ParsedParagraph(start, sdoc))
            out[i].mentions.extend(_mention(span, source, start) for span, source in found)
        for a in out:
            a.mentions.sort(key=lambda m: (m.start, m.end))
        return out


def _mention(span: Span, source: str, offset: int) -> Mention:
    return Mention(start=offset + span.start_char, end=offset + span.end_char, text=span.text,
                   label=span.label_, source=source, actor=None)


def mention_dicts(mentions: Iterable[Mention]) -> list[dict[str, Any]]:
    """Mentions as the `Analysis.mentions` dicts (`start`, `end`, `text`, `label`, `source`…)."""
    return [m.to_dict() for m in mentions]

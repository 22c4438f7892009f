"""The nouns of dateline: plain dataclasses that every stage reads and writes.

This module holds data only. It knows nothing about parsing, storage or the network, so every stage
can import it without pulling in another stage. Offsets are character offsets into `Document.text`
unless a field says `raw_`, in which case they point into `Article.text` (the decoded input).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

PARAGRAPH_KINDS = ("title", "byline", "caption", "body", "boilerplate")
ParagraphKind = Literal["title", "byline", "caption", "body", "boilerplate"]
Precision = Literal["day", "week", "month", "year"]


def content_id(raw: bytes) -> str:
    """The id of an article: the sha256 of its bytes, so the same input always gets the same id."""
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class PartialDate:
    """A date known to some precision: `start`..`end` inclusive, ISO `YYYY-MM-DD`.

    `precision` maps to ACLED's time_precision (1 day, 2 week, 3 month or longer).
    """
    start: str
    end: str
    precision: Precision
    text: str | None = None

    @property
    def iso(self) -> str:
        """The shortest ISO form that says what is known: `2014-03-03`, `2014-03`, `2014`."""
        if self.precision == "year":
            return self.start[:4]
        if self.precision == "month":
            return self.start[:7]
        return self.start

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision,
                "iso": self.iso, "text": self.text}

    @classmethod
    def parse_iso(cls, value: str, text: str | None = None) -> PartialDate:
        """`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a full ISO timestamp, with the precision it shows.

        Raises ValueError for anything else, so a caller handing us a user's date hears about it.
        """
        import calendar
        from datetime import date

        v = str(value).strip()
        m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?", v)
        if not m:
            raise ValueError(f"not an ISO date: {value!r}")
        y, mo, d = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
        if d:
            iso = date(y, mo, d).isoformat()
            return cls(iso, iso, "day", text)
        if mo:
            last = calendar.monthrange(y, mo)[1]
            return cls(date(y, mo, 1).isoformat(), date(y, mo, last).isoformat(), "month", text)
        return cls(f"{y:04d}-01-01", f"{y:04d}-12-31", "year", text)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> PartialDate | None:
        if not d:
            return None
        return cls(d["start"], d["end"], d["precision"], d.get("text"))


@dataclass(frozen=True)
class Article:
    """One input item as it came in: the bytes, where they came from, and what the source told us.

    `text` is `raw` decoded; `encoding` names the codec used and `warnings` say when decoding had
    to guess or replace characters. `hints` carries metadata that arrived beside the content
    (a JSONL record's `url`/`title`/`published`/`outlet`, a WARC record's target URI and date).
    """
    id: str
    uri: str
    media_type: str
    raw: bytes
    text: str
    encoding: str = "utf-8"
    fetched_at: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @classmethod
    def from_bytes(cls, raw: bytes, *, uri: str, media_type: str, text: str, **kw: Any) -> Article:
        return cls(id=content_id(raw), uri=uri, media_type=media_type, raw=raw, text=text, **kw)


@dataclass
class Paragraph:
    """A block of the input with its kind.

    `raw_start`/`raw_end` locate it in `Article.text` (None when the input was HTML and the block
    came out of the extractor rather than a literal slice). `start`/`end` locate it in
    `Document.text`; boilerplate is not part of the clean text, so its `start`/`end` are None.
    `reason` names the rule that decided the kind, so a wrong call can be traced.
    """
    kind: ParagraphKind
    text: str
    raw_start: int | None
    raw_end: int | None
    start: int | None = None
    end: int | None = None
    subheading: bool = False
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Document:
    """One cleaned article: the text every later span points into, plus its metadata."""
    id: str
    article_id: str
    uri: str
    text: str
    paragraphs: list[Paragraph]
    media_type: str = "text/plain"
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: PartialDate | None = None
    dateline: str | None = None
    language: str | None = None
    language_score: float | None = None
    duplicate_of: str | None = None
    similarity: float | None = None
    warnings: list[str] = field(default_factory=list)

    def raw_offset(self, pos: int) -> int | None:
        """Map an offset in `text` back to the decoded input, when the paragraph was a literal slice."""
        for p in self.paragraphs:
            if p.start is not None and p.start <= pos <= p.end and p.raw_start is not None:
                return p.raw_start + (pos - p.start)
        return None

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.to_dict() if self.published else None
        d["paragraphs"] = [p.to_dict() for p in self.paragraphs]
        return d


@dataclass(frozen=True)
class Failure:
    """An input that could not become a document: which one, at which stage, and why.

    `code` is a stable machine-readable reason; `message` is one human line. Ingest codes
    (`missing`, `unreadable`, `empty`, `too_large`, `binary`, `parse`, `truncated`, `fetch`) are
    described in `dateline.ingest.failures`; later stages add `no_text` (nothing left after
    cleaning) and `internal` (a bug: the message names the exception).
    """
    uri: str
    stage: str
    code: str
    message: str
    article_id: str | None = None

    def line(self) -> str:
        return f"{self.uri}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """A name or expression in `Document.text`.

    `label` is spaCy-style (PERSON, ORG, GPE, LOC, FAC, NORP, DATE, TIME, QUANTITY, MONEY, CARDINAL,
    PERCENT, WEAPON…); `source` says what found it (`model`, `ruler`, `rule`). Resolution fills
    `actor` (an actor id) or `place` (a resolved place dict) later.
    """
    start: int
    end: int
    text: str
    label: str
    source: str = "model"
    actor: str | None = None
    place: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Quote:
    """Words attributed to a speaker. `start`/`end` cover the quoted or reported words only.

    `direct` is true for words inside quotation marks. `speaker` is the attribution as written
    (or the nearest fitting named speaker for "he said"), with its own span; `via` names an
    intermediary ("told AFP", "as cited by PressTV").
    """
    start: int
    end: int
    text: str
    direct: bool
    cue: str | None = None
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_actor: str | None = None
    via: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Figure:
    """A reported number: `low`..`high` (equal for a single value) of `unit`, with its claimant.

    `vague` marks word amounts coded by ACLED's convention ("dozens" = 12, "hundreds" = 100).
    """
    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str | None = None
    counts: str | None = None
    qualifier: str | None = None
    vague: bool = False
    claimant: str | None = None
    claimant_start: int | None = None
    claimant_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DateMention:
    """A date expression and what it resolves to against the publication date.

    `value` is None when the expression is relative and the document has no known publication date:
    the relative form is kept (`relative=True`), never guessed.
    """
    start: int
    end: int
    text: str
    value: PartialDate | None
    relative: bool

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["value"] = self.value.to_dict() if self.value else None
        return d


@dataclass
class Event:
    """One ACLED-coded event found in a document, with the spans that support it.

    Actors are actor ids (names in `actor1_name`…); `place` is a resolved place record (the shape of
    `Analysis.places` items) or None; `fatalities` is ACLED's most conservative figure (the low end
    of the lowest claim) with `fatalities_low`/`fatalities_high` keeping the range and `claims` every
    competing figure with its claimant. `evidence` holds (start, end) spans into `Document.text`;
    the first is the main sentence. `time_precision` is ACLED's (1 day, 2 week, 3 month or longer).
    """
    event_type: str
    sub_event_type: str
    confidence: float
    evidence: list[tuple[int, int]]
    disorder_type: str | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    actor1: str | None = None
    actor1_name: str | None = None
    assoc_actor1: list[str] = field(default_factory=list)
    actor2: str | None = None
    actor2_name: str | None = None
    assoc_actor2: list[str] = field(default_factory=list)
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: bool = False
    place: dict[str, Any] | None = None
    location_text: str | None = None
    location_start: int | None = None
    location_end: int | None = None
    date: PartialDate | None = None
    date_text: str | None = None
    time_precision: int | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    fatalities_claimant: str | None = None
    claims: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.to_dict() if self.date else None
        d["evidence"] = [list(span) for span in self.evidence]
        return d


SCHEMA_ID = "https://dateline.example/schema/analysis"
SCHEMA_VERSION = "1.0"


@dataclass
class Analysis:
    """What `dateline.analyze` returns and what the store keeps per document.

    `to_dict()` follows the versioned JSON schema in docs/schema.md. `actors` maps the actor ids
    that mentions point to onto their records (name, kind, country…), so the dict stands alone.
    """
    document: Document
    pipeline_version: str
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = self.document
        return {
            "schema": SCHEMA_ID,
            "schema_version": SCHEMA_VERSION,
            "pipeline_version": self.pipeline_version,
            "document": {
                "id": d.id, "uri": d.uri, "url": d.url, "media_type": d.media_type,
                "outlet": d.outlet, "title": d.title, "authors": list(d.authors),
                "published": d.published.iso if d.published else None,
                "published_date": d.published.to_dict() if d.published else None,
                "dateline": d.dateline, "language": d.language, "language_score": d.language_score,
                "duplicate_of": d.duplicate_of, "warnings": list(d.warnings), "text": d.text,
            },
            "paragraphs": [p.to_dict() for p in d.paragraphs],
            "mentions": [m.to_dict() for m in self.mentions],
            "actors": dict(self.actors),
            "places": [{"text": m.text, "start": m.start, "end": m.end, **m.place}
                       for m in self.mentions if m.place],
            "dates": [x.to_dict() for x in self.dates],
            "quotes": [q.to_dict() for q in self.quotes],
            "figures": [f.to_dict() for f in self.figures],
            "events": [e.to_dict() for e in self.events],
        }

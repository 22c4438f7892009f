"""Parquet files written in row groups, so an export of any size runs in bounded memory.

pyarrow is the `parquet` extra: it is imported here, only when a Parquet file is written.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from ..errors import MissingExtra, UsageError

ROWS_PER_GROUP = 5000


def pyarrow_modules():
    """(pyarrow, pyarrow.parquet), or MissingExtra naming the install command."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtra("pyarrow", "parquet") from None
    return pa, pq


def write_parquet(path: str | None, make_schema: Callable[[Any], Any], records: Iterable[dict[str, Any]],
                  *, rows_per_group: int = ROWS_PER_GROUP) -> int:
    """Write `records` (dicts with the schema's fields) to `path`; returns how many.

    `make_schema(pa)` builds the schema once pyarrow is known to be installed. A file with no
    rows still gets the schema, so readers see the columns."""
    if not path:
        raise UsageError("parquet is binary: give an output file with -o FILE.parquet")
    pa, pq = pyarrow_modules()
    schema = make_schema(pa)
    n, batch = 0, []
    with pq.ParquetWriter(path, schema) as writer:
        for record in records:
            batch.append(record)
            if len(batch) >= rows_per_group:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n, batch = n + len(batch), []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n

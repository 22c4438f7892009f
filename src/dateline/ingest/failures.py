"""The Failure codes the ingest stage emits, and the two messages several readers share.

Codes (stable, machine-readable; `Failure.message` is the human line):

- `missing`    a source named on the command line matched no file, or a file vanished before it
               was read
- `unreadable` the operating system refused to open or list it (permissions, a directory race)
- `empty`      0 bytes, or only whitespace once decoded
- `too_large`  over `max_bytes` (checked before reading a file; per record in JSONL and WARC)
- `binary`     not text: a known magic number, NUL bytes, or mostly control characters
- `parse`      a JSON file, JSONL line or WARC record that cannot be understood, or JSON that is
               not an article
- `truncated`  an archive that ends in the middle of a record
- `fetch`      a URL that could not be fetched or was refused

Not responsible for deciding when to fail; each reader does that where it has the facts.
"""
from __future__ import annotations

from dateline.model import Failure

STAGE = "ingest"


def too_large(uri: str, what: str, max_bytes: int, size: int | None = None) -> Failure:
    """A `too_large` Failure; `size` is given when it is known before reading."""
    limit = describe_size(max_bytes)
    if size is None:
        amount = f"more than {limit}"
    else:
        amount = describe_size(size)
        if amount == limit:  # "20 KB, over the 20 KB limit" says nothing
            amount, limit = f"{size:,} bytes", f"{max_bytes:,} bytes"
    return Failure(uri, STAGE, "too_large", f"{what} is {amount}, over the {limit} limit (max_bytes)")


def unreadable(uri: str, what: str, error: OSError) -> Failure:
    """A Failure for an OSError met while opening or reading `uri`, in plain words."""
    reason = (error.strerror or type(error).__name__).lower()
    if isinstance(error, FileNotFoundError):
        return Failure(uri, STAGE, "missing", f"{what} disappeared before it could be read")
    return Failure(uri, STAGE, "unreadable", f"cannot read {what} ({reason})")


def describe_size(n: int) -> str:
    """A byte count as people say it: 512 bytes, 3.4 KB, 20 MB."""
    if n < 1000:
        return f"{n} bytes"
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    raise AssertionError("unreachable")

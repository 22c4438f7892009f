"""ingest: inputs in, `Article`s (or `Failure`s) out.

Reads files, folders, globs, stdin, JSON Lines, WARC/ARC archives and URLs, and turns each
document into an `Article` holding its bytes, its decoded text and what the source said about it.
Every input that cannot become an article becomes one `Failure` with a one-line reason; no bad
input raises. The Failure codes are listed in `dateline.ingest.failures`.

Not responsible for understanding the content: HTML stays HTML until `extract`.
"""
from dateline.ingest.articles import iter_articles
from dateline.ingest.decode import decode_bytes
from dateline.ingest.fetch import fetch_urls, read_url_list

__all__ = ["decode_bytes", "fetch_urls", "iter_articles", "read_url_list"]

"""Exceptions dateline raises to its callers.

    DatelineError                 anything dateline raises on purpose
    ├── UsageError                a bad argument or config value (CLI exit code 2); retrying won't help
    │   └── ActorPackError        an actor pack file is invalid (resolve.actor_packs); lists every problem
    ├── MissingExtra              an optional dependency is not installed; says the install command
    └── StoreError                the database cannot be used
        ├── StoreNotFound         no database at that path (read-only commands never create one)
        └── StoreCorrupt          the file is not a dateline database, or is damaged
    GazetteerError (resolve)      the gazetteer file is missing or damaged; rebuilding helps (retryable)

Problems with one input document are not exceptions: they become `model.Failure` records and the
run goes on. Every exception pickles (so a worker process can hand it back) and carries
`retryable`, which says whether trying again unchanged could help.
"""
from __future__ import annotations


class DatelineError(Exception):
    retryable = False


class UsageError(DatelineError):
    pass


class MissingExtra(DatelineError):
    def __init__(self, package: str, extra: str):
        self.package, self.extra = package, extra
        super().__init__(f"{package} is not installed; install it with: pip install 'dateline[{extra}]'")

    def __reduce__(self):
        return (MissingExtra, (self.package, self.extra))


class StoreError(DatelineError):
    pass


class StoreNotFound(StoreError):
    pass


class StoreCorrupt(StoreError):
    pass

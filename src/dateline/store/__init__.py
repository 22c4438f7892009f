"""The store stage: where documents, failures and runs are kept (SQLite by default)."""
from .sqlite import Store

__all__ = ["Store"]

"""The export stage: stored data out in formats other tools read."""
from .documents import FORMATS, document_record, write_documents
from .events import ACLED_COLUMNS, EVENT_FORMATS, write_events

__all__ = ["FORMATS", "EVENT_FORMATS", "ACLED_COLUMNS", "document_record", "write_documents", "write_events"]

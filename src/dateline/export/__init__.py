"""The export stage: stored data out in formats other tools read."""
from .documents import FORMATS, document_record, write_documents

__all__ = ["FORMATS", "document_record", "write_documents"]

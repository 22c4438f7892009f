"""dateline: messy conflict reporting in, an evidence-grade sourced dataset out."""
__version__ = "0.1.0"

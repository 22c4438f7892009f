"""Data shipped with the package: the demo corpus, actor packs, gazetteer supplements."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A real filesystem path to shipped data (the package is installed unzipped)."""
    return Path(str(resources.files("dateline.resources").joinpath(*parts)))


def demo_articles_dir() -> Path:
    return resource_path("demo", "articles")


def demo_gold_dir() -> Path:
    return resource_path("demo", "gold")

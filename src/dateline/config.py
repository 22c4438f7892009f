"""Run configuration: defaults that work with no file, an optional `dateline.toml`, dotted overrides.

Only settings that change what a run does live here; where data comes from and goes to (paths,
the database) are arguments, not configuration. `dateline.toml`:

    [run]
    workers = 2
    batch_size = 64
    max_bytes = 20000000

    [annotate]
    model = "en_core_web_trf"       # a spaCy package name or a directory; default: en_core_web_sm

    [resolve]
    actor_packs = ["my_conflict.yaml"]   # added to the shipped packs
    gazetteer = "/data/gazetteer.sqlite" # default: the cache built on first use
"""
from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import UsageError

SECTIONS = {"run": ("workers", "batch_size", "max_bytes"), "annotate": ("model",),
            "resolve": ("actor_packs", "gazetteer")}


@dataclass(frozen=True)
class Config:
    workers: int = 1              # processes for the per-document stages; 1 runs in this process
    batch_size: int = 64          # articles per store transaction
    max_bytes: int = 20_000_000   # inputs above this are refused, not read
    model: str | None = None      # spaCy pipeline for entities
    actor_packs: tuple[str, ...] = field(default_factory=tuple)
    gazetteer: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _coerce(name: str, value: Any) -> Any:
    if name in ("workers", "batch_size", "max_bytes"):
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise UsageError(f"{name} must be a whole number, not {value!r}") from None
        if number < 1:
            raise UsageError(f"{name} must be positive, not {number}")
        return number
    if name == "actor_packs":
        items = [value] if isinstance(value, str) else list(value or [])
        return tuple(str(v) for v in items)
    return None if value in (None, "") else str(value)


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """`dateline.toml` in the working directory is read when no path is given and it exists.

    `overrides` take dotted or plain keys (`run.workers` or `workers`).
    """
    values: dict[str, Any] = {}
    candidate = Path(path) if path else Path("dateline.toml")
    if path and not candidate.exists():
        raise UsageError(f"config file {candidate} does not exist")
    if candidate.exists():
        try:
            data = tomllib.loads(candidate.read_text("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"{candidate}: not valid TOML ({exc})") from None
        for section, table in data.items():
            if section not in SECTIONS or not isinstance(table, dict):
                raise UsageError(f"{candidate}: unknown section [{section}]; known: {', '.join(SECTIONS)}")
            for key, value in table.items():
                if key not in SECTIONS[section]:
                    raise UsageError(f"{candidate}: unknown setting {section}.{key}")
                values[key] = value
    for key, value in (overrides or {}).items():
        values[key.rsplit(".", 1)[-1]] = value
    known = {f.name for f in fields(Config)}
    unknown = set(values) - known
    if unknown:
        raise UsageError(f"unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}")
    return Config(**{k: _coerce(k, v) for k, v in values.items()})

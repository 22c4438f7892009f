"""Run configuration: defaults that work with no file, an optional `dateline.toml`, dotted overrides.

Only settings that change what a run does live here; where data comes from and goes to (paths,
the database) are arguments, not configuration.
"""
from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from .errors import UsageError


@dataclass(frozen=True)
class Config:
    workers: int = 1              # processes for the per-document stages; 1 runs in this process
    batch_size: int = 64          # articles per store transaction
    max_bytes: int = 20_000_000   # inputs above this are refused, not read

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """`dateline.toml` in the working directory is read when no path is given and it exists."""
    values: dict[str, Any] = {}
    candidate = Path(path) if path else Path("dateline.toml")
    if path and not candidate.exists():
        raise UsageError(f"config file {candidate} does not exist")
    if candidate.exists():
        try:
            values.update(tomllib.loads(candidate.read_text("utf-8")).get("run", {}))
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"{candidate}: not valid TOML ({exc})") from None
    values.update(overrides or {})
    known = {f.name: f.type for f in fields(Config)}
    unknown = set(values) - set(known)
    if unknown:
        raise UsageError(f"unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(known)}")
    try:
        values = {k: int(v) for k, v in values.items()}
    except (TypeError, ValueError) as exc:
        raise UsageError(f"settings must be whole numbers: {exc}") from None
    if any(v < 1 for v in values.values()):
        raise UsageError("settings must be positive")
    return Config(**values)

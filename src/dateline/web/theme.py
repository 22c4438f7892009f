"""How things look, decided in Python: event-type classes, safe links, numbers, the overview chart.

Colours live in `static/app.css` only (classes `t-battles`, `t-protests`, …), so the map, the
chart, the legend and the table agree; this module maps a type to its class. The chart is laid out
here and drawn by a template as SVG, so the overview needs no JavaScript.
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode, urlsplit

from ..store.views import SNIPPET_END, SNIPPET_START

EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments")


def type_class(event_type: str | None) -> str:
    """`t-battles`, `t-explosions-remote-violence`, …; `t-other` for types outside ACLED's six."""
    if event_type not in EVENT_TYPES:
        return "t-other"
    return "t-" + re.sub(r"[^a-z]+", "-", event_type.lower()).strip("-")


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s): a stored URL comes from the article and may say `javascript:`."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """A search snippet as (text, is_match) pieces, so the template escapes each and marks matches."""
    out: list[tuple[str, bool]] = []
    for i, piece in enumerate(re.split(f"[{SNIPPET_START}{SNIPPET_END}]", snippet or "")):
        if piece:
            out.append((piece, i % 2 == 1))
    return out


def fatalities(row: dict[str, Any]) -> str:
    low, high, best = row.get("fatalities_low"), row.get("fatalities_high"), row.get("fatalities")
    if low is not None and high not in (None, low):
        return f"{low}–{high}"
    return "" if best is None else str(best)


def query_string(params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return urlencode(merged)


def bar_chart(rows: list[dict[str, Any]], *, width: int = 900, height: int = 220) -> dict[str, Any]:
    """Stacked bars (one per period, one segment per type) in SVG user units, with a few axis labels."""
    periods = sorted({r["period"] for r in rows})
    if not periods:
        return {"width": width, "height": height, "bars": [], "labels": [], "max": 0}
    totals: dict[str, int] = {}
    for r in rows:
        totals[r["period"]] = totals.get(r["period"], 0) + r["n"]
    top = max(totals.values())
    plot_h, left = height - 24, 36
    step = (width - left) / len(periods)
    index = {p: i for i, p in enumerate(periods)}
    stacked: dict[str, float] = {}
    bars = []
    for r in sorted(rows, key=lambda r: (r["period"], EVENT_TYPES.index(r["type"]) if r["type"] in EVENT_TYPES
                                          else 99)):
        h = r["n"] / top * plot_h
        y0 = stacked.get(r["period"], 0.0)
        stacked[r["period"]] = y0 + h
        bars.append({"x": round(left + index[r["period"]] * step, 2), "y": round(plot_h - y0 - h, 2),
                     "w": round(max(step - 1, 0.5), 2), "h": round(h, 2), "cls": type_class(r["type"]),
                     "title": f"{r['period']} · {r['type']}: {r['n']}"})
    every = max(1, len(periods) // 8)
    labels = [{"x": round(left + i * step, 2), "text": p[:7]} for i, p in enumerate(periods) if i % every == 0]
    return {"width": width, "height": height, "plot_h": plot_h, "left": left, "bars": bars, "labels": labels,
            "max": top}


def install(env) -> None:
    """Register the filters and globals the templates use."""
    env.filters.update(type_class=type_class, safe_url=safe_url, snippet_parts=snippet_parts,
                       fatalities=fatalities, short=lambda s, n=12: (s or "")[:n])
    env.globals.update(EVENT_TYPES=EVENT_TYPES, query_string=query_string)

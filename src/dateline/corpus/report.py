"""The story report: one self-contained HTML file (or Markdown) to read offline or paste into a brief.

Responsible for laying out what the corpus stage stored: a timeline plot (stories by date, one dot
per reporting document), a small map of story places, the stories table, the disagreement list
with both sides' sentences, the framing table and the sources each outlet quotes. Everything is
inline — CSS in a <style>, plots as <svg> — so the file works with no network and no assets.
Not responsible for computing anything it shows.
"""
from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

from .compare import list_stories
from .framing import framing, source_diversity

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}.muted{color:#777}.bad{background:#fff1f0}
svg{background:#fbfbfb;border:1px solid #ddd}q{font-style:italic}
.plots{display:flex;gap:1em;flex-wrap:wrap}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _fat(s: dict) -> str:
    lo, hi = s["fatalities_low"], s["fatalities_high"]
    return "-" if lo is None else (str(lo) if hi in (None, lo) else f"{lo}–{hi}")


def report_data(tables: Any, *, min_documents: int = 1) -> dict[str, Any]:
    stories = list_stories(tables, min_documents=min_documents)
    return {"stories": stories, "framing": framing(tables),
            "sources": source_diversity(tables)}


def timeline_svg(stories: list[dict], width: int = 640, height: int = 260) -> str:
    """Stories on a time axis; each reporting document is a dot at its publication date."""
    dated = [s for s in stories if s["date_start"]]
    if not dated:
        return f'<svg id="timeline" width="{width}" height="60"><text x="10" y="35">no dated stories</text></svg>'
    days = [date.fromisoformat(s["date_start"]).toordinal() for s in dated]
    pubs = [date.fromisoformat(d["published"]).toordinal() for s in dated for d in s["documents"] if d["published"]]
    lo, hi = min(days + pubs), max(days + pubs)
    span = max(1, hi - lo)
    pad, row = 40, max(6, min(24, (height - 50) // max(1, len(dated))))
    height = max(height, 50 + row * len(dated))

    def x(ordinal: int) -> float:
        return pad + (width - 2 * pad) * (ordinal - lo) / span

    parts = [f'<svg id="timeline" width="{width}" height="{height}" '
             f'role="img" aria-label="timeline of stories">',
             f'<line x1="{pad}" y1="{height - 25}" x2="{width - pad}" y2="{height - 25}" stroke="#888"/>',
             f'<text x="{pad}" y="{height - 8}" font-size="11">{date.fromordinal(lo)}</text>',
             f'<text x="{width - pad}" y="{height - 8}" font-size="11" text-anchor="end">{date.fromordinal(hi)}</text>']
    for i, s in enumerate(sorted(dated, key=lambda s: s["date_start"])):
        y = 15 + i * row
        x0 = x(date.fromisoformat(s["date_start"]).toordinal())
        parts.append(f'<circle cx="{x0:.1f}" cy="{y}" r="5" fill="#c0392b"><title>{_e(s["id"])}: '
                     f'{_e(s["sub_event_type"])} in {_e(s["place_name"])}, {_e(s["date_start"])}</title></circle>')
        for d in s["documents"]:
            if d["published"]:
                x1 = x(date.fromisoformat(d["published"]).toordinal())
                parts.append(f'<line x1="{x0:.1f}" y1="{y}" x2="{x1:.1f}" y2="{y}" stroke="#aaa"/>'
                             f'<circle cx="{x1:.1f}" cy="{y}" r="3" fill="#2c7fb8"><title>{_e(d["outlet"])} '
                             f'{_e(d["published"])}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def map_svg(stories: list[dict], width: int = 420, height: int = 260) -> str:
    """Story places on a plain longitude/latitude frame fitted to the points (no tiles, no network)."""
    pts = [(s["lon"], s["lat"], s) for s in stories if s["lat"] is not None]
    if not pts:
        return f'<svg id="map" width="{width}" height="60"><text x="10" y="35">no located stories</text></svg>'
    lons, lats = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(lons) - 2, max(lons) + 2, min(lats) - 2, max(lats) + 2
    sx, sy = (width - 20) / (x1 - x0), (height - 20) / (y1 - y0)
    parts = [f'<svg id="map" width="{width}" height="{height}" role="img" '
             f'aria-label="map of story places">']
    for gx in range(int(x0 // 10) * 10, int(x1) + 1, 10):
        if x0 <= gx <= x1:
            px = 10 + (gx - x0) * sx
            parts.append(f'<line x1="{px:.1f}" y1="0" x2="{px:.1f}" y2="{height}" stroke="#eee"/>'
                         f'<text x="{px + 2:.1f}" y="{height - 4}" font-size="9" fill="#999">{gx}°</text>')
    for lon, lat, s in pts:
        px, py = 10 + (lon - x0) * sx, height - 10 - (lat - y0) * sy
        r = 3 + min(6, s["n_documents"])
        parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{r}" fill="#c0392b" fill-opacity=".6">'
                     f'<title>{_e(s["place_name"])} ({_e(s["country"])}): {s["n_documents"]} document(s)</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(data: dict[str, Any], *, title: str = "dateline stories") -> str:
    stories = data["stories"]
    out = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{_e(title)}</title>"
           f"<style>{_CSS}</style></head><body>",
           f"<h1>{_e(title)}</h1><p class='muted'>{len(stories)} stories from "
           f"{len({d['document_id'] for s in stories for d in s['documents']})} documents.</p>",
           "<div class='plots'><figure><figcaption>Timeline: red = incident date, blue = when each outlet "
           f"published</figcaption>{timeline_svg(stories)}</figure>"
           f"<figure><figcaption>Where</figcaption>{map_svg(stories)}</figure></div>",
           "<h2>Stories</h2><table id='stories'><tr><th>story</th><th>date</th><th>type</th><th>place</th>"
           "<th>killed</th><th>outlets</th><th>documents (source, lag)</th></tr>"]
    for s in stories:
        docs = "<br>".join(f"{_e(d['outlet'])}: {_e(', '.join(d['sources']))} "
                           f"<span class='muted'>({_lag(d['lag_days'])})</span>"
                           for d in s["documents"])
        cls = " class='bad'" if s["disagreements"] else ""
        out.append(f"<tr{cls}><td>{_e(s['id'])}</td><td>{_e(s['date_start'] or '-')}</td>"
                   f"<td>{_e(s['sub_event_type'])}</td><td>{_e(s['place_name'])} ({_e(s['country'])})</td>"
                   f"<td>{_e(_fat(s))}</td><td>{s['n_outlets']}</td><td>{docs}</td></tr>")
    out.append("</table><h2>Where the outlets disagree</h2><div id='disagreements'>")
    for s in stories:
        for field, rows in s["disagreements"].items():
            out.append(f"<h3>{_e(s['id'])} — {_e(field)} ({_e(s['sub_event_type'])} in {_e(s['place_name'])})</h3><ul>")
            for r in rows:
                who = f" per {_e(r['claimant'])}" if r.get("claimant") else ""
                out.append(f"<li><b>{_e(r['outlet'])}</b>: {_e(r['value'])}{who} — <q>{_e(r['evidence'])}</q></li>")
            out.append("</ul>")
    out.append("</div><h2>Framing by outlet</h2><table id='framing'><tr><th>about</th><th>outlet</th>"
               "<th>terms (count)</th><th>example</th></tr>")
    for t in data["framing"].values():
        for outlet, terms in sorted(t["outlets"].items()):
            out.append(f"<tr><td>{_e(t['kind'])}: {_e(t['name'])}</td><td>{_e(outlet)}</td>"
                       f"<td>{_e(_terms(terms))}</td>"
                       f"<td class='muted'>{_e(terms[0]['example'])}</td></tr>")
    out.append("</table><h2>Whom each outlet quotes</h2><table id='sources'><tr><th>outlet</th><th>quotes</th>"
               "<th>speakers</th><th>most quoted</th><th>figures attributed</th><th>events attributed</th></tr>")
    for r in data["sources"]:
        out.append(f"<tr><td>{_e(r['outlet'])}</td><td>{r['quotes']}</td><td>{r['speakers']}</td>"
                   f"<td>{_e('; '.join(r['top_speakers']))}</td><td>{_pct(r['figure_attribution'])}</td>"
                   f"<td>{_pct(r['event_attribution'])}</td></tr>")
    out.append("</table></body></html>")
    return "\n".join(out)


def _lag(days: int | None) -> str:
    return "-" if days is None else f"{days:+d} d"


def _terms(terms: list[dict]) -> str:
    return ", ".join(f"{x['term']} ({x['count']})" for x in terms)


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:.0f}%"


def render_markdown(data: dict[str, Any], *, title: str = "dateline stories") -> str:
    stories = data["stories"]
    lines = [f"# {title}", "", f"{len(stories)} stories.", "", "## Stories", "",
             "| story | date | type | place | killed | outlets | sources |", "|---|---|---|---|---|---|---|"]
    for s in stories:
        srcs = "; ".join(f"{d['outlet']}: {', '.join(d['sources'])}" for d in s["documents"])
        lines.append(f"| {s['id']} | {s['date_start'] or '-'} | {s['sub_event_type'] or '-'} | "
                     f"{s['place_name'] or '-'} ({s['country'] or '-'}) | {_fat(s)} | {s['n_outlets']} | {_md(srcs)} |")
    lines += ["", "## Where the outlets disagree", ""]
    for s in stories:
        for field, rows in s["disagreements"].items():
            lines.append(f"- **{s['id']} — {field}** ({s['sub_event_type']} in {s['place_name']})")
            for r in rows:
                who = f" per {r['claimant']}" if r.get("claimant") else ""
                lines.append(f"  - {r['outlet']}: {r['value']}{who} — “{' '.join((r['evidence'] or '').split())}”")
    lines += ["", "## Framing by outlet", "", "| about | outlet | terms |", "|---|---|---|"]
    for t in data["framing"].values():
        for outlet, terms in sorted(t["outlets"].items()):
            lines.append(f"| {t['kind']}: {_md(t['name'])} | {_md(outlet)} | "
                         f"{_md(_terms(terms))} |")
    lines += ["", "## Whom each outlet quotes", "", "| outlet | quotes | speakers | most quoted | figures attributed |",
              "|---|---|---|---|---|"]
    for r in data["sources"]:
        lines.append(f"| {_md(r['outlet'])} | {r['quotes']} | {r['speakers']} | {_md('; '.join(r['top_speakers']))} | "
                     f"{_pct(r['figure_attribution'])} |")
    return "\n".join(lines) + "\n"


def _md(s: str) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def write_report(tables: Any, path: Path, *, min_documents: int = 1) -> int:
    """Write `path` as HTML, or Markdown when it ends in .md; returns the number of stories."""
    data = report_data(tables, min_documents=min_documents)
    path = Path(path)
    text = render_markdown(data) if path.suffix.lower() in (".md", ".markdown") else render_html(data)
    path.write_text(text, encoding="utf-8")
    return len(data["stories"])

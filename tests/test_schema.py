"""`analyze(...).to_dict()` keeps the documented, versioned shape, and every span slices back."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import dateline
from dateline.model import SCHEMA_VERSION

SCHEMA_DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"
PAGE = """Coalition strike kills 12 in Raqqa, monitor says

By Jane Roe

Published Tuesday, March 21, 2017

BEIRUT – An air strike killed 12 civilians in the Syrian city of al-Raqqa on Monday, the Syrian \
Observatory for Human Rights said. "We heard the planes and then the whole street shook," a \
resident told the monitor. According to local activists, between 10 and 15 people were wounded.

Leave a Reply
Your email address will not be published.
"""


@pytest.fixture(scope="module")
def result():
    return dateline.analyze(PAGE).to_dict()


def test_the_top_level_keys_are_the_documented_ones(result):
    documented = set(re.findall(r'^  "(\w+)":', SCHEMA_DOC.read_text("utf-8"), flags=re.M))
    assert set(result) == documented
    assert result["schema_version"] == SCHEMA_VERSION
    json.dumps(result)                                   # plain JSON all the way down


def test_every_span_slices_back_to_its_text(result):
    text = result["document"]["text"]
    for key in ("mentions", "places", "quotes", "figures", "dates"):
        for item in result[key]:
            assert text[item["start"]:item["end"]] == item["text"], (key, item)
    for p in result["paragraphs"]:
        if p["start"] is not None:
            assert text[p["start"]:p["end"]] == p["text"]


def test_the_page_is_understood(result):
    doc = result["document"]
    assert doc["title"].startswith("Coalition strike kills 12")
    assert doc["published"] == "2017-03-21" and doc["dateline"] == "BEIRUT"
    assert "Leave a Reply" not in doc["text"]
    places = {p["text"]: p for p in result["places"]}
    assert places["al-Raqqa"]["country"] == "SY" and abs(places["al-Raqqa"]["lat"] - 35.95) < 0.1
    assert any(q["direct"] and q["text"].startswith("We heard the planes") for q in result["quotes"])
    assert any(f["low"] == 10 and f["high"] == 15 for f in result["figures"])
    monday = [d for d in result["dates"] if d["text"].endswith("Monday")]
    assert monday and monday[0]["value"]["start"] == "2017-03-20"
    actors = {a["name"] for a in result["actors"].values()}
    assert "Syrian Observatory for Human Rights" in actors

"""The plain-text reader: offsets, metadata, datelines, and the five gold sample pages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.plaintext import find_dateline, layout_plain_text, split_blocks

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab .–\n\r\t\xa0\u2028By:23/") + ["Leave a Reply", "\n\n", "May 2019"]),
                max_size=120).map("".join))
def test_offsets_always_slice_back_to_the_block_text(text):
    layout = layout_plain_text(text)
    for b in layout.blocks:
        assert text[b.raw_start:b.raw_end] == b.text
        assert b.text == b.text.strip() and b.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_layout_never_crashes_on_arbitrary_text(text):
    layout = layout_plain_text(text)
    assert all(text[b.raw_start:b.raw_end] == b.text for b in layout.blocks)


def test_every_line_break_is_a_boundary_and_nbsp_is_kept():
    text = "Title\r\nHASAKAH\xa0– First line.\rSecond\n\n   \n  third  "
    assert [b.text for b in split_blocks(text)] == ["Title", "HASAKAH\xa0– First line.", "Second", "third"]


@pytest.mark.parametrize("para, place, agency", [
    ("HASAKAH\xa0– As the battle for Raqqa approaches, the group moved.", "HASAKAH", None),
    ("BEIRUT (Reuters) - United Nations monitors said on Saturday.", "BEIRUT", "Reuters"),
    ("Kabul, 5 May (AFP) — Officials said.", "Kabul", "AFP"),
    ("BEIRUT, Sept 6 (Global Wire) - Forces broke the siege.", "BEIRUT", "Global Wire"),
    ("KANO, Nigeria - Boko Haram claimed responsibility.", "KANO, Nigeria", None),
    ("Harbour Town, CDN - The ministry sent two letters.", "Harbour Town", "CDN"),  # agency initials, not a place
    ("WASHINGTON, D.C. - The department said.", "WASHINGTON, D.C.", None),
    ("Jartum, 3 jun (AMH).- Al menos 13 personas murieron.", "Jartum", "AMH"),
    ("DUBAI/SANAA - An air strike hit a bus.", "DUBAI/SANAA", None),
])
def test_datelines(para, place, agency):
    assert find_dateline(para) == (place, agency)


@pytest.mark.parametrize("para", [
    "The army said – after a long silence – that it had retaken the town.",
    "Kabul Pulse: The number of Afghans killed has reached 170.",
    "Over the past month, the official flag – as opposed to the rebel flag – was raised.",
])
def test_not_datelines(para):
    assert find_dateline(para) is None


def test_wire_page_metadata():
    text = ("Idlib Now - independent news from northern Syria\nHome  News  Reports  Opinion  Donate\n\n"
            "Rescuers pull bodies from market ruins as toll climbs\n\n23/07/2019\n\n"
            "MAARAT AL-NUMAN - The civil defence said on Tuesday that 39 people were killed when warplanes "
            "struck the busy vegetable market on Monday morning.\n\nShare this story   Tweet   WhatsApp\n")
    layout = layout_plain_text(text)
    assert layout.title == "Rescuers pull bodies from market ruins as toll climbs"
    assert layout.published.iso == "2019-07-23" and layout.published.text == "23/07/2019"
    assert layout.dateline == "MAARAT AL-NUMAN"
    assert layout.outlet == "Idlib Now"
    assert layout.blocks[-1].kind == "boilerplate"


def _gold_pages():
    if not (SAMPLES / "gold").is_dir():
        return []
    return sorted((SAMPLES / "gold").glob("*.json"))


@pytest.mark.skipif(not _gold_pages(), reason="../shared/samples is not present")
@pytest.mark.parametrize("gold_path", _gold_pages(), ids=lambda p: p.stem)
def test_gold_samples(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    raw = (SAMPLES / "articles" / gold["file"]).read_text(encoding="utf-8")
    layout = layout_plain_text(raw)
    got = [(b.kind, b.subheading, b.text[:60]) for b in layout.blocks]
    want = [(p["kind"], p["subheading"], p["text"]) for p in gold["paragraphs"]]
    assert got == want
    clean = "\n\n".join(b.text for b in layout.blocks if b.kind != "boilerplate")
    for p in gold["paragraphs"]:
        if p["kind"] in ("body", "boilerplate"):
            assert (p["text"][:40] in clean) == (p["kind"] == "body"), p["text"]
    assert layout.title == gold["title"] or (gold["title"] or "").lower() in (layout.title or "").lower()
    assert layout.authors == gold["authors"]
    assert (layout.published.iso if layout.published else None) == gold["published"]
    assert (layout.published.text if layout.published else None) == gold["published_text"]
    assert layout.dateline == gold["dateline"]

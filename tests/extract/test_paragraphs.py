"""The block classifier: line rules, sections, page head, subheadings, and invented test pages."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.layout import Block
from dateline.extract.paragraphs import classify, is_nav_line
from dateline.extract.plaintext import layout_plain_text
from dateline.model import PARAGRAPH_KINDS

PAGES = Path(__file__).parent / "pages"
PROSE = ("Fighters attacked the checkpoint on the edge of the town before dawn on Monday, and residents "
         "said the clashes lasted for several hours before the attackers withdrew to the south.")


def kinds(*texts: str) -> list[str]:
    blocks = classify([Block(text=t) for t in texts])
    return [b.kind + ("/sub" if b.subheading else "") for b in blocks]


@pytest.mark.parametrize("line", [
    "Leave a Reply", "Your email address will not be published.", "ten + one =", "3 + 4 = ?",
    "^ Back to Top", "Share this story   Tweet   WhatsApp", "Do you like this content? Consider helping us!",
    "Home  News  Reports  Opinion  Donate", "Short link :", "Tags: Syria, Raqqa",
    "This article is an edited translation from the Arabic Edition.", "© 2021 Some Outlet. All rights reserved.",
    "For the latest on Syria, follow us on Twitter :", "We use cookies to improve your browsing experience.",
    "Filed under: Middle East", "To view the full video click here", "#Anbar #Ramadi", "Advertisement",
])
def test_boilerplate_lines_at_the_end_of_an_article(line):
    assert kinds("A headline about the clashes", PROSE, PROSE, line)[-1] == "boilerplate"


def test_bullets_in_the_body_are_body_but_after_related_they_are_boilerplate():
    got = kinds("Headline here", PROSE, "The agency listed its needs:", "• tents", "• blankets", PROSE,
                "Related articles", "• Five killed in market strike", "• Talks resume in the capital")
    assert got == ["title", "body", "body", "body", "body", "body", "boilerplate", "boilerplate", "boilerplate"]


def test_comment_section_runs_to_the_end_including_form_help_bullets():
    got = kinds("Headline here", PROSE, PROSE, "Post new comment", "• Lines and paragraphs break automatically.",
                "Abu Omar: God have mercy on them", "Some reader wrote a long comment. " * 5)
    assert got[:3] == ["title", "body", "body"] and set(got[3:]) == {"boilerplate"}


def test_about_the_author_takes_the_bio_after_it():
    got = kinds("Headline here", PROSE, "About The Author", "Jane Roe is a reporter who has covered the region "
                "for a decade and writes about water, farming and displacement in the eastern provinces.")
    assert got == ["title", "body", "boilerplate", "boilerplate"]


def test_subheadings_are_short_unpunctuated_lines_followed_by_prose():
    got = kinds("A headline about the clashes", PROSE, "Liberation scenarios", PROSE,
                "Section one", "Sub-section:", PROSE, "UK efforts to:", "• clear mines", PROSE)
    assert got == ["title", "body", "body/sub", "body", "body/sub", "body/sub", "body", "body", "body", "body"]


def test_repeated_title_caption_and_credit_line():
    got = kinds("Strong Presence Remains In The City – Report", "Strong presence remains in the city - report",
                "A fighter looks on near the rubble of a damaged site, September 25, 2018. (Photo by Reuters)",
                "Wire News", PROSE)
    assert got == ["title", "title", "caption", "byline", "body"]


def test_prose_above_a_byline_is_the_picture_caption():
    got = kinds("Headline of the story", "Displaced residents wait at a checkpoint to return to their homes on "
                "March 2, 2014, after a truce in the suburbs.", "By: Firas al-Hakkar", "Published Monday, March 3, 2014",
                PROSE, PROSE)
    assert got == ["title", "caption", "byline", "byline", "body", "body"]


def test_masthead_above_the_menu_is_not_the_title():
    got = kinds("Harbour Ledger - news from the southern coast and the islands", "Home | World | Region | Contact",
                "Shelling damages port", PROSE)
    assert got == ["boilerplate", "boilerplate", "title", "body"]


def test_nav_line_detection():
    assert is_nav_line("Accueil | Politique | Sécurité | Économie")
    assert not is_nav_line("Over the weekend,\xa0Rory Stewart stated that\xa0\xa0British fighters should stay away.")


def test_classify_does_not_need_offsets():
    blocks = [Block(text="Headline here"), Block(text=PROSE), Block(text="Leave a comment")]
    assert all(b.raw_start is None for b in classify(blocks))
    assert [b.kind for b in blocks] == ["title", "body", "boilerplate"]
    assert all(b.reason for b in blocks)


def _page_cases():
    return sorted(PAGES.glob("*.txt"))


@pytest.mark.parametrize("page", _page_cases(), ids=lambda p: p.stem)
def test_invented_pages(page):
    expected = page.with_suffix(".kinds").read_text(encoding="utf-8").split()
    layout = layout_plain_text(page.read_text(encoding="utf-8"))
    got = [b.kind + ("/sub" if b.subheading else "") for b in layout.blocks]
    assert got == expected, [(e, g, b.reason, b.text[:40]) for e, g, b in zip(expected, got, layout.blocks) if e != g]


def test_there_are_enough_invented_pages():
    assert len(_page_cases()) >= 6


_line = st.one_of(st.text(max_size=120), st.sampled_from(
    ["Leave a Reply", "Related Posts", "• item", "By: Jane Roe", "23/07/2019", PROSE, "Title Line", ""]))


@settings(max_examples=200, deadline=None)
@given(st.lists(_line, max_size=25))
def test_classify_never_crashes_and_always_decides(texts):
    blocks = classify([Block(text=t) for t in texts])
    assert len(blocks) == len(texts)
    for b in blocks:
        assert b.kind in PARAGRAPH_KINDS and isinstance(b.subheading, bool)
        assert not b.subheading or b.kind == "body"

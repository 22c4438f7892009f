"""Site furniture: footers, the site's own name, its self-description, captions that are not titles,
bare name bylines and which outlet a syndicated page belongs to. All pages are invented."""
from __future__ import annotations

import pytest

from dateline.extract.layout import Block
from dateline.extract.paragraphs import classify, host_key, is_site_name, site_keys
from dateline.extract.plaintext import layout_plain_text, outlet_candidates

PROSE = ("Fighters attacked the checkpoint on the edge of the town before dawn on Monday, and residents "
         "said the clashes lasted for several hours before the attackers withdrew to the south.")


def classified(*texts: str, site_names: tuple[str, ...] = ()) -> list[Block]:
    return classify([Block(text=t) for t in texts], site_names=site_names)


@pytest.mark.parametrize("line, reason", [
    ("Our Standards: The Harbour Ledger Editorial Principles.", "standards"),
    ("Editorial policy", "standards"),
    ("The views expressed in this commentary are those of the writer and do not reflect the institute's position.",
     "disclaimer"),
    ("Opinions are the contributors' own and do not necessarily reflect the views of this site.", "disclaimer"),
    ("Coastline Daily carries articles from partner news agencies for the information of its readers.",
     "syndication-note"),
    ("Got a tip? Write to newsdesk@harbourledger.example", "tip-line"),
    ("If you have photos or documents from the area, send them to us through our secure form.", "tip-line"),
    ("News tips: +00 555 0100 (Signal)", "tip-line"),
    ("https://harbourledger.example/region/2019/05/port-shelling", "bare-url"),
    ("www.harbourledger.example", "bare-url"),
    ("Keep Harbour Ledger free: we rely on reader donations.", "donation"),
    ("Your support keeps our reporters in the field.", "donation"),
    ("Contact us", "site-chrome"),
])
def test_footer_lines_are_boilerplate(line, reason):
    b = classified("A headline about the clashes", PROSE, PROSE, line)[-1]
    assert (b.kind, b.reason) == ("boilerplate", reason)


@pytest.mark.parametrize("line", [
    "Also on Thursday, gunmen killed two police officers at a checkpoint on the road to the airport, officials said.",
    "Police asked anyone with information about the missing boys to contact the nearest station.",
    "The clinic is run by volunteers from the town, a nurse said, and has no electricity after dark.",
    "The monitor said it could not independently verify the toll and was relying on its network of sources.",
    "Traders said the views from the hills above the port showed smoke over the southern docks.",
])
def test_news_prose_that_resembles_a_footer_stays_body(line):
    assert classified("A headline about the clashes", PROSE, line, PROSE)[2].kind == "body"


def test_a_caption_with_a_photo_credit_is_never_the_title():
    got = classified("Port shelled overnight as talks stall",
                     "Smoke rises over the harbour cranes after the shelling on Monday night. Photo: Harbour Ledger",
                     "By Jane Roe", PROSE)
    assert [b.kind for b in got] == ["title", "caption", "byline", "body"]


def test_a_repeated_headline_wins_over_a_longer_caption_like_line():
    head = "Port shelled overnight as talks stall"
    got = classified(head, "Home | Coast | Region | Opinion", head,
                     "Smoke over the harbour cranes after the shelling on Monday night as seen from the old pier (File photo)",
                     "By Jane Roe", PROSE)
    assert [b.kind for b in got] == ["title", "boilerplate", "title", "caption", "byline", "body"]


def test_host_key_and_site_name_matching():
    assert host_key("www.harbourledger.example") == "harbourledger"
    assert host_key("news.bbc.co.uk") == "bbc"
    assert host_key("t.me") is None and host_key("twitter.com") is None
    keys = ["harbourledger"]
    assert is_site_name("Harbour Ledger", keys)
    assert is_site_name("HARBOUR LEDGER - news from the coast", keys)
    assert not is_site_name("Harbour", keys)  # a town name that starts the host is not the site
    assert not is_site_name("Harbour Ledger reporters were turned back at the gate.", keys)


def test_site_name_line_in_the_footer_from_the_html_site_name():
    got = classified("A headline about the clashes", PROSE, PROSE, "Harbour Ledger", site_names=("harbourledger.example",))
    assert (got[-1].kind, got[-1].reason) == ("boilerplate", "site-name")


def test_site_name_printed_at_top_and_bottom_is_furniture():
    blocks = classified("The River Post", "Home | World | Region | Contact", "Dam damaged by shelling", PROSE, PROSE,
                        "Related articles", "The River Post")
    assert "theriverpost" in site_keys(blocks)
    assert blocks[-1].kind == "boilerplate"


def test_site_describing_itself_is_boilerplate_only_when_it_is_this_site_or_the_footer():
    about = "Harbour Ledger is run by volunteers in the port towns and takes no money from any party."
    mid = classified("Harbour Ledger", "A headline about the clashes", PROSE, about, PROSE)
    assert mid[3].kind == "boilerplate" and mid[3].reason == "about-site"
    other_site = classified("A headline about the clashes", PROSE, about, PROSE)
    assert other_site[2].kind == "body"  # another outlet writing about Harbour Ledger
    footer = classified("A headline about the clashes", PROSE, PROSE, "Share on Facebook | Share on Twitter",
                        "Coast Watch is an independent news platform founded by exiled reporters.", "Leave a comment")
    assert footer[4].reason == "about-site"


def test_bare_names_under_the_headline_are_a_byline_not_the_outlet():
    layout = layout_plain_text("Valley Courier\n\nDrone strike hits fuel depot outside Redmill\n\nMara Quill, Ode Brandt\n\n"
                               + PROSE + "\n\n" + PROSE)
    assert [b.kind for b in layout.blocks][:3] == ["boilerplate", "title", "byline"]
    assert layout.authors == ["Mara Quill, Ode Brandt"]
    assert layout.outlet == "Valley Courier"


def test_outlet_credit_line_under_the_headline_stays_a_credit():
    layout = layout_plain_text("Drone strike hits fuel depot outside Redmill\n\nCoast News\n\n" + PROSE + "\n\n" + PROSE)
    assert layout.blocks[1].reason == "credit-line" and layout.outlet == "Coast News"


SYNDICATED = """Home | Coast | Region | Opinion | Video | Contact

Port authority says shelling halted grain loading

Source: Northline Wire

{prose}

{prose}

Coastline Daily republishes reports from international agencies for the information of its readers.

Leave a comment"""


def test_syndicated_copy_belongs_to_the_page_that_publishes_it():
    layout = layout_plain_text(SYNDICATED.format(prose=PROSE))
    assert layout.outlet == "Coastline Daily"
    evidence = [e for e, _ in outlet_candidates(layout.blocks)]
    assert evidence.index("about-site") < evidence.index("source-credit")


def test_source_credit_is_the_outlet_when_the_page_names_no_other():
    layout = layout_plain_text("Port authority says shelling halted grain loading\n\nSource: Northline Wire\n\n"
                               + PROSE + "\n\n" + PROSE)
    assert layout.outlet == "Northline Wire"


def test_section_label_and_staff_credit_are_not_outlets():
    layout = layout_plain_text("WORLD NEWS\n\nPort authority says shelling halted grain loading\n\nBy staff correspondents\n\n"
                               + PROSE + "\n\n" + PROSE)
    assert layout.outlet is None

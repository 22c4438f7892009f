"""The HTML reader on an invented page: bylines among the blocks, the opening dateline, site furniture."""
from __future__ import annotations

from pathlib import Path

from dateline.extract.html import layout_html

PAGE = Path(__file__).parent / "pages" / "wire_story.html"


def test_html_page_reads_bylines_dateline_and_drops_the_standards_footer():
    layout = layout_html(PAGE.read_text(encoding="utf-8"))
    assert layout.title == "Shelling halts grain loading at Harbour Town port"
    assert layout.dateline == "HARBOUR TOWN, Coastland"
    assert layout.outlet == "Coastline Daily"
    # The meta author is inside the printed credit, so it is not repeated; editors are kept.
    assert layout.authors == ["Reporting by Mara Quill in Harbour Town; Additional reporting by Ode Brandt in "
                              "Lisbon; Editing by Pia Lunde"]
    kinds = {b.text[:20]: (b.kind, b.reason) for b in layout.blocks}
    assert kinds["Reporting by Mara Qu"] == ("byline", "byline")
    assert kinds["Our Standards: The C"] == ("boilerplate", "standards")
    assert layout.published is not None and layout.published.start == "2019-06-06"


def test_html_site_name_line_is_furniture_when_the_host_names_the_site():
    html = PAGE.read_text(encoding="utf-8").replace(
        "<p>Our Standards: The Coastline Editorial Principles.</p>", "<p>Coastline Daily</p>")
    layout = layout_html(html, url="https://www.coastlinedaily.example/region/2019/06/port-shelling")
    site = [b for b in layout.blocks if b.text == "Coastline Daily"]
    assert site and all(b.kind == "boilerplate" for b in site)

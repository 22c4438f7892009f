"""Which country a short story is set in, and what that does to its places.

A one-line report often names a single village. GeoNames files dozens of other names for every
town, in every language, so that one name is often, by accident, another name of a big city
abroad: "Boni" is a name of Bonn, "Tillia" (in this file) one of Tilburg. Such a match counts for
less than a match on a place's own name, gives way to a place that goes by the name itself, and
does not put a place abroad when the story is set elsewhere and nothing else points there.

The stories run on a hand-written gazetteer (the rows below, some invented), so they load no model.
"""
from __future__ import annotations

import pytest

from dateline.model import Mention
from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.gazetteer_build import add_geonames_dump, build_gazetteer
from dateline.resolve.places import PlaceLinker

# GeoNames columns: id, name, ascii name, other names, lat, lon, class, code, country, cc2,
# admin1..admin4, population, elevation, dem, timezone, modified.
_ROWS = [
    (900100001, "Bonn", "Boni,Bonna", 50.7339, 7.0998, "P", "PPL", "DE", 330579),
    (900100002, "Tilburg", "Tillia", 51.5555, 5.0913, "P", "PPL", "NL", 222000),
    (900100003, "Tillia", "", 16.1377, 4.7920, "P", "PPL", "NE", 4598),
    (900100004, "Tadmur", "Palmyra,Tadmor", 34.5600, 38.2800, "P", "PPL", "SY", 51015),
    (900100005, "Palmyra", "", 39.7945, -91.5232, "P", "PPL", "US", 7451),
    (900100006, "Boni", "", 10.4000, 13.2000, "P", "PPL", "NG", 0),
    (900100007, "Damascus", "Dimashq", 33.5102, 36.2913, "P", "PPLC", "SY", 1569394),
    (900100008, "Harasta", "Harasta al-Basal", 33.5586, 36.3650, "P", "PPL", "SY", 0),
    (900100009, "Bamako", "", 12.6500, -8.0000, "P", "PPLC", "ML", 1297281),
    (900100010, "Janin", "Jenin,Jenine", 32.4610, 35.3000, "P", "PPL", "PS", 34730),
    (900100015, "Jerusalem", "", 31.7690, 35.2163, "P", "PPLC", "IL", 801000),
    (900100016, "Tel Aviv", "", 32.0809, 34.7806, "P", "PPL", "IL", 432892),
    (900100017, "Israel", "", 31.5, 34.75, "A", "PCLI", "IL", 8883800),
    (900100011, "Germany", "", 51.5, 10.5, "A", "PCLI", "DE", 82927922),
    (900100012, "Nigeria", "", 10.0, 8.0, "A", "PCLI", "NG", 195874740),
    (900100013, "Mali", "", 17.0, -4.0, "A", "PCLI", "ML", 19077690),
    (900100014, "Syria", "", 35.0, 38.0, "A", "PCLI", "SY", 16906283),
]


@pytest.fixture(scope="module")
def gz(tmp_path_factory):
    folder = tmp_path_factory.mktemp("story")
    dump = folder / "rows.txt"
    dump.write_text("".join(
        f"{gid}\t{name}\t{name}\t{alts}\t{lat}\t{lon}\t{fclass}\t{code}\t{cc}\t\t\t\t\t\t{pop}\t\t100\tUTC"
        "\t2024-01-01\n" for gid, name, alts, lat, lon, fclass, code, cc, pop in _ROWS), encoding="utf-8")
    path = folder / "story.sqlite"
    build_gazetteer(path, sources=("admin1",))
    add_geonames_dump(dump, path)
    with Gazetteer(path) as g:
        yield g


def linked(gz, text: str, *names: str, votes: dict[str, float] | None = None) -> dict[str, dict | None]:
    found, at = [], 0
    for name in names:
        start = text.index(name, at)
        found.append(Mention(start, start + len(name), name, "GPE", "model"))
        at = start + len(name)
    PlaceLinker(gz).link(found, text=text, votes=votes)
    return {m.text: m.place for m in found}


# Half a vote, as `DocumentResolver` casts for an armed group the packs place in one country.
BOKO_HARAM = {"NG": 0.5}
JNIM = {"ML": 0.5}


def test_a_short_nigerian_report_naming_only_boni_and_boko_haram_places_boni_in_nigeria(gz):
    text = "Boko Haram fighters stormed Boni at dawn and burned the market, residents said."
    assert PlaceLinker(gz).document_country(["Boni"], votes=BOKO_HARAM) == "NG"
    got = linked(gz, text, "Boni", votes=BOKO_HARAM)
    assert got["Boni"]["country"] == "NG" and got["Boni"]["name"] == "Boni"


def test_a_one_line_report_naming_only_tillia_is_set_in_niger_not_in_tilburg(gz):
    # No actor, no other place: the town that goes by the name beats the city that has it among
    # its many others, however much bigger that city is.
    got = linked(gz, "Three soldiers died when their truck hit a mine near Tillia.", "Tillia")
    assert got["Tillia"]["country"] == "NE"


def test_palmyra_alone_is_still_the_syrian_town_not_a_namesake_that_goes_by_it(gz):
    # A small town's exonym is how English writes it; only a big city's other names give way.
    got = linked(gz, "Government troops retook Palmyra on Thursday.", "Palmyra")
    assert got["Palmyra"]["country"] == "SY"


def test_a_city_by_its_own_name_outweighs_one_group_but_not_by_another_of_its_names(gz):
    linker = PlaceLinker(gz)
    assert linker.document_country(["Bonn"], votes=JNIM) == "DE"
    assert linker.document_country(["Bonna"], votes=JNIM) == "ML"


def test_a_malian_report_naming_a_village_the_file_lacks_leaves_it_unplaced_rather_than_in_bonn(gz):
    # The Nigerian Boni is a hamlet abroad, and Bonn's claim rests on nothing but one of its names.
    text = "JNIM fighters ambushed an army convoy near Boni on Sunday."
    assert PlaceLinker(gz).document_country(["Boni"], votes=JNIM) == "ML"
    assert linked(gz, text, "Boni", votes=JNIM)["Boni"] is None


def test_a_town_just_across_the_border_by_its_english_name_stays_in_an_israeli_story(gz):
    # Nothing but its own name points to the West Bank, but Janin lies next door, not a continent
    # away: it is the story's own place, not a namesake by accident.
    text = "An Israeli drone struck a car near Jenin, officials in Tel Aviv said. Israel called the men militants."
    got = linked(gz, text, "Jenin", "Tel Aviv", "Israel")
    assert got["Tel Aviv"]["country"] == "IL"
    assert got["Jenin"]["name"] == "Janin" and got["Jenin"]["country"] == "PS"


def test_a_city_abroad_by_another_name_stays_when_the_story_names_its_country_too(gz):
    # Not alone: "Germany" puts a second word behind reading "Bonna" as Bonn.
    text = "Syrian refugees in Bonna, Germany, marched for the detainees held in Damascus and Harasta."
    got = linked(gz, text, "Bonna", "Germany", "Damascus", "Harasta", votes={"SY": 1.0})
    assert got["Bonna"]["name"] == "Bonn" and got["Damascus"]["country"] == "SY"


def test_with_no_story_country_a_misspelling_near_a_place_named_for_sure_is_kept(gz):
    # "Old Damascus" is found inside a longer name, so it casts no vote and no country is known;
    # it is still placed for sure, and "Harista" a few kilometres off is Harasta misspelt.
    text = "Shells fell on Old Damascus and on Harista overnight."
    got = linked(gz, text, "Old Damascus", "Harista")
    assert got["Old Damascus"]["name"] == "Damascus"
    assert got["Harista"] is not None and got["Harista"]["name"] == "Harasta"


def test_alone_a_misspelling_with_no_place_to_stand_by_is_not_placed(gz):
    assert linked(gz, "Shells fell on Harista overnight.", "Harista")["Harista"] is None

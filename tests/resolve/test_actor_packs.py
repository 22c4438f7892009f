"""Actor packs load, validate, and keep their promises (counts, kinds, unique aliases)."""
from __future__ import annotations

import pickle
from collections import defaultdict
from importlib import resources

import pytest
import yaml

from dateline.resolve.actor_packs import (
    INTER_BY_KIND, KINDS, ActorPack, ActorPackError, acronym_key, alias_key, expand_alias, is_acronym,
    singular_key,
)

SHIPPED = resources.files("dateline.resources").joinpath("actors")
SMALL_PACKS = ["yemen", "libya", "sahel", "nigeria", "somalia", "afghanistan", "ukraine", "myanmar", "sudan"]


@pytest.fixture(scope="module")
def pack() -> ActorPack:
    return ActorPack.load()


def _entries(name: str) -> list[dict]:
    return yaml.safe_load(SHIPPED.joinpath(f"{name}.yaml").read_text(encoding="utf-8"))["actors"]


def test_shipped_packs_load_and_validate(pack):
    assert len(pack) > 400
    assert set(ActorPack.shipped_files()) >= {f"{n}.yaml" for n in ["global", "syria_iraq", *SMALL_PACKS]}
    assert pack.fingerprint


def test_syria_iraq_pack_has_at_least_130_actors(pack):
    assert len(_entries("syria_iraq")) >= 130
    assert len(pack.in_pack("syria_iraq")) >= 130


@pytest.mark.parametrize("name", SMALL_PACKS)
def test_small_packs_have_10_to_30_actors(name):
    assert 10 <= len(_entries(name)) <= 30


def test_every_actor_is_well_formed(pack):
    for a in pack:
        assert a.kind in KINDS, a.id
        assert 1 <= a.inter <= 8, a.id
        assert a.parent is None or a.parent in pack.by_id, a.id
        assert a.succeeded_by is None or a.succeeded_by in pack.by_id, a.id
        assert a.country is None or a.country in pack.countries, a.id
        assert a.wikidata is None or a.wikidata.startswith("Q"), a.id
        assert a.name in a.aliases and not a.provisional


def test_no_alias_names_two_actors_unless_declared_generic(pack):
    owners = defaultdict(set)
    for a in pack:
        for alias in a.aliases:
            owners[("ACR:" + acronym_key(alias)) if is_acronym(alias) else alias_key(alias)].add(a.id)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes


def test_required_syria_actors_are_present(pack):
    names = {a.name for a in pack}
    for name in ["Military Forces of Syria", "Police Forces of Syria", "Government of Syria",
                 "Military Forces of Iraq", "Police Forces of Iraq", "Government of Iraq",
                 "Military Forces of Russia", "Military Forces of Turkey", "Military Forces of Iran",
                 "Military Forces of the United States", "Military Forces of the United Kingdom",
                 "Military Forces of France", "Military Forces of Israel", "Military Forces of Jordan",
                 "Global Coalition Against Daesh", "Islamic State", "Jabhat al-Nusra", "Jabhat Fateh al-Sham",
                 "Hayat Tahrir al-Sham", "Ahrar al-Sham", "Jaish al-Islam", "Free Syrian Army",
                 "Syrian National Army", "Syrian Democratic Forces", "People's Protection Units",
                 "Women's Protection Units", "Asayish", "Manbij Military Council", "Deir ez-Zor Military Council",
                 "Raqqa Internal Security Forces", "Kurdish National Council", "Democratic Union Party",
                 "Kurdistan Workers' Party", "Peshmerga", "Popular Mobilization Forces", "Kataib Hezbollah",
                 "Asaib Ahl al-Haq", "Badr Organization", "Hezbollah", "Liwa Fatemiyoun", "Liwa Zainabiyoun",
                 "National Defence Forces", "Syrian Arab Army Supporters Brigade", "Shaitat Tribal Militia",
                 "Liwa Thuwar al-Raqqa", "Wagner Group", "Syria Civil Defence", "Syrian Observatory for Human Rights",
                 "Syrian Network for Human Rights", "Raqqa is Being Slaughtered Silently", "Airwars",
                 "Syrian Arab Red Crescent", "Civilians (Syria)", "Protesters (Syria)",
                 "Unidentified Armed Group (Syria)", "ARA News", "Al-Akhbar", "Enab Baladi", "Hawar News Agency",
                 "Rudaw", "Kurdistan 24", "SouthFront", "Sound and Picture Organization", "Step News Agency",
                 "Orient News", "Syria Direct", "Amnesty International", "Human Rights Watch", "Reuters",
                 "Agence France-Presse", "Associated Press", "BBC News", "Al Jazeera", "Press TV", "RT", "Sputnik",
                 "Syrian Arab News Agency", "Anadolu Agency", "International Committee of the Red Cross"]:
        assert name in names, name


def test_succession_is_recorded_not_merged(pack):
    assert pack["jabhat-al-nusra"].succeeded_by == "jabhat-fatah-al-sham"
    assert pack["jabhat-fatah-al-sham"].succeeded_by == "hayat-tahrir-al-sham"


def test_state_actors_are_indexed_by_role_and_country(pack):
    assert pack.state_actor("military", "SY").name == "Military Forces of Syria"
    assert pack.state_actor("police", "IQ").name == "Police Forces of Iraq"
    assert pack.state_actor("government", "US").name == "Government of the United States"
    assert pack.state_actor("military", "AF").name == "Military Forces of Afghanistan (2021-)"
    assert pack["military-forces-of-russia"].inter_at("SY") == 8
    assert pack["military-forces-of-russia"].inter_at("RU") == 1


def test_demonym_table_covers_over_120_countries(pack):
    assert len(pack.countries) >= 120
    assert pack.countries.code_for("Malian") == "ML"
    assert pack.countries.code_for("Washington") == "US"
    assert "NO" in pack.countries  # YAML 1.1 reads a bare NO as false


def test_alias_templates_expand():
    assert expand_alias("{US|U.S.}-led {coalition|air strikes}") == [
        "US-led coalition", "US-led air strikes", "U.S.-led coalition", "U.S.-led air strikes"]
    assert expand_alias("{Syrian |}Republican Guard{s|}") == [
        "Syrian Republican Guards", "Syrian Republican Guard", "Republican Guards", "Republican Guard"]


def test_normalisation_folds_spelling_not_meaning():
    assert alias_key("People’s Protection Units") == alias_key("People's protection units")
    assert singular_key(alias_key("Peoples Protection Units")) == singular_key(alias_key("People's Protection Units"))
    assert alias_key("al-Nusra Front") == alias_key("Nusra Front") == alias_key("the Al Nusra Front")
    assert alias_key("Da'esh") == alias_key("Daesh")
    assert alias_key("Deir ez-Zor") == alias_key("Deir Zor")
    assert is_acronym("U.S.") and is_acronym("ISIS-K") and not is_acronym("Isis")


def _write(tmp_path, name, actors):
    path = tmp_path / name
    path.write_text(yaml.safe_dump({"pack": name.split(".")[0], "country": "MZ", "actors": actors},
                                   allow_unicode=True), encoding="utf-8")
    return path


def test_a_user_pack_adds_actors_without_code(tmp_path):
    path = _write(tmp_path, "mozambique.yaml", [
        {"id": "ansar-al-sunna", "name": "Ansar al-Sunna", "kind": "rebel_group",
         "aliases": ["al-Shabaab (Mozambique)", "Ahlu Sunnah Wa-Jama"]}])
    pack = ActorPack.load([tmp_path])
    assert pack["ansar-al-sunna"].pack == "mozambique"
    assert ActorPack.load([path], shipped=False).by_name("Ansar al-Sunna").country == "MZ"


@pytest.mark.parametrize("actors, message", [
    ([{"id": "x", "name": "X", "kind": "warlords"}], "kind 'warlords'"),
    ([{"id": "x", "name": "X", "kind": "other", "parent": "nobody"}], "parent 'nobody'"),
    ([{"id": "x", "name": "X", "kind": "other"}, {"id": "x", "name": "Y", "kind": "other"}], "duplicate id"),
    ([{"id": "x", "name": "X", "kind": "other", "inter": 9}], "inter 9"),
    ([{"id": "x", "name": "X", "kind": "other", "wikidata": "12345"}], "not a Q-id"),
    ([{"id": "x", "name": "X", "kind": "other", "colour": "red"}], "unknown field"),
    ([{"id": "x", "name": "Islamic State group", "kind": "other"}], "also an alias of 'islamic-state'"),
])
def test_bad_packs_fail_naming_file_and_actor(tmp_path, actors, message):
    path = _write(tmp_path, "bad.yaml", actors)
    with pytest.raises(ActorPackError) as err:
        ActorPack.load([path])
    assert message in str(err.value)
    assert str(path) in str(err.value) and "'x'" in str(err.value)
    assert isinstance(err.value, ValueError)


def test_a_shared_actor_must_agree_across_packs(tmp_path):
    path = _write(tmp_path, "clash.yaml", [{"id": "islamic-state", "name": "ISIS", "kind": "rebel_group"}])
    with pytest.raises(ActorPackError, match="disagrees"):
        ActorPack.load([path])


def test_pack_errors_pickle():
    err = ActorPackError(["a.yaml: actor 'x': broken", "b.yaml: actor 'y': broken"])
    again = pickle.loads(pickle.dumps(err))
    assert again.problems == err.problems and "2 problems" in str(again)


def test_inter_defaults_follow_acled():
    assert INTER_BY_KIND["state_forces"] == 1 and INTER_BY_KIND["rebel_group"] == 2
    assert INTER_BY_KIND["identity_militia"] == 4 and INTER_BY_KIND["civilians"] == 7

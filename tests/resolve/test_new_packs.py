"""Reporting from the Great Lakes, Ethiopia, Mozambique, Latin America and South Asia resolves to
the actors of those conflicts' packs, told as stories: the sentence an analyst reads, the name NER
cut from it, the story's country, and the actor and kind they should get."""
from __future__ import annotations

import pytest

from dateline.resolve.actor_packs import ActorPack
from dateline.resolve.actors import ActorResolver

NEW_PACKS = ["great_lakes", "ethiopia", "mozambique", "latin_america", "south_asia"]


@pytest.fixture(scope="module")
def pack() -> ActorPack:
    return ActorPack.load()


@pytest.fixture(scope="module")
def resolver(pack) -> ActorResolver:
    return ActorResolver(pack)


def read(resolver, sentence: str, mention: str, country: str):
    """Resolve `mention` as a document session would, with its sentence as context."""
    assert mention in sentence
    session = resolver.session(country_hint=country)
    return session.resolve_or_provisional(mention, context=sentence)


STORIES = [
    # DR Congo and the Great Lakes
    ("ADF rebels killed 12 villagers near Beni in North Kivu.", "ADF rebels", "CD",
     "ADF: Allied Democratic Forces", "rebel_group"),
    ("Suspected ADF militants raided a village in Ituri overnight.", "ADF militants", "CD",
     "ADF: Allied Democratic Forces", "rebel_group"),
    ("Islamic State Central Africa Province claimed the attack near Oicha.", "Islamic State Central Africa Province", "CD",
     "ADF: Allied Democratic Forces", "rebel_group"),
    ("M23 rebels seized Rubaya after fighting with the army.", "M23 rebels", "CD", "M23: March 23 Movement", "rebel_group"),
    ("The AFC/M23 alliance said it had taken the airport.", "AFC/M23", "CD", "M23: March 23 Movement", "rebel_group"),
    ("FARDC soldiers repelled an attack in Masisi.", "FARDC", "CD",
     "Military Forces of the Democratic Republic of Congo", "state_forces"),
    ("The Congolese army said it had retaken the hill.", "Congolese army", "CD",
     "Military Forces of the Democratic Republic of Congo", "state_forces"),
    ("Wazalendo fighters ambushed a rebel patrol near Sake.", "Wazalendo fighters", "CD", "Wazalendo", "political_militia"),
    ("CODECO militiamen attacked a displacement camp in Djugu.", "CODECO militiamen", "CD",
     "CODECO: Cooperative for the Development of Congo", "political_militia"),
    ("Mai-Mai militiamen burned the market at Lubero.", "Mai-Mai militiamen", "CD", "Mai-Mai Militia", "political_militia"),
    ("The Rwanda Defence Force denied sending troops across the border.", "Rwanda Defence Force", "CD",
     "Military Forces of Rwanda", "external_force"),
    ("MONUSCO said its peacekeepers had evacuated civilians.", "MONUSCO", "CD",
     "United Nations Organization Stabilization Mission in the Democratic Republic of the Congo", "other"),
    ("Burundian soldiers fought alongside the Congolese army in South Kivu.", "Burundian soldiers", "CD",
     "Military Forces of Burundi", "external_force"),
    # Ethiopia
    ("ENDF troops retook the town from the rebels.", "ENDF", "ET", "Military Forces of Ethiopia", "external_force"),
    ("Tigray Defense Forces shelled the town of Alamata.", "Tigray Defense Forces", "ET",
     "TPLF: Tigray People's Liberation Front", "rebel_group"),
    ("OLA fighters abducted passengers on the highway.", "OLA", "ET", "OLA: Oromo Liberation Army", "rebel_group"),
    ("Fano militiamen ambushed a convoy near Bahir Dar.", "Fano militiamen", "ET", "Fano Militia", "identity_militia"),
    ("Eritrean troops were accused of killing civilians in Axum.", "Eritrean troops", "ET",
     "Military Forces of Eritrea", "external_force"),
    ("Amhara special forces clashed with Tigrayan fighters.", "Amhara special forces", "ET",
     "Amhara Regional Special Forces", "state_forces"),
    # Mozambique
    ("FADM soldiers recaptured Mocimboa da Praia.", "FADM", "MZ", "Military Forces of Mozambique", "state_forces"),
    ("Islamic State Mozambique Province claimed the beheadings.", "Islamic State Mozambique Province", "MZ",
     "Islamic State (Mozambique)", "rebel_group"),
    ("Cabo Delgado insurgents raided a village in Macomia.", "Cabo Delgado insurgents", "MZ",
     "Islamic State (Mozambique)", "rebel_group"),
    ("SAMIM troops withdrew from Cabo Delgado in July.", "SAMIM", "MZ", "SADC Mission in Mozambique", "external_force"),
    # Latin America
    ("CJNG gunmen killed four police officers in Michoacan.", "CJNG gunmen", "MX",
     "CJNG: Jalisco New Generation Cartel", "political_militia"),
    ("Los Chapitos and La Mayiza have fought for Culiacan since September.", "Los Chapitos", "MX",
     "Sinaloa Cartel", "political_militia"),
    ("The National Guard detained three suspects in Sinaloa.", "National Guard", "MX",
     "Military Forces of Mexico", "state_forces"),
    ("ELN guerrillas attacked a military base in Arauca.", "ELN guerrillas", "CO", "ELN: National Liberation Army", "rebel_group"),
    ("FARC dissidents blew up an oil pipeline in Cauca.", "FARC dissidents", "CO", "FARC Dissidents (Colombia)", "rebel_group"),
    ("The Clan del Golfo ordered shops closed in Uraba.", "Clan del Golfo", "CO", "Clan del Golfo", "political_militia"),
    ("The PNH said its officers killed five gang members.", "PNH", "HT", "Police Forces of Haiti", "state_forces"),
    ("Viv Ansanm gangs attacked Mirebalais.", "Viv Ansanm", "HT", "Viv Ansanm", "political_militia"),
    ("G9 gang members set fire to houses in Delmas.", "G9", "HT", "G9 Family and Allies", "political_militia"),
    ("The Kenyan-led mission sent armoured vehicles to Cabaret.", "Kenyan-led mission", "HT",
     "Multinational Security Support Mission in Haiti", "external_force"),
    # South Asia
    ("TTP militants attacked a police station in Dera Ismail Khan.", "TTP militants", "PK",
     "Tehrik-i-Taliban Pakistan", "rebel_group"),
    ("The BLA claimed the attack on the train in Bolan.", "BLA", "PK", "BLA: Baloch Liberation Army", "rebel_group"),
    ("Frontier Corps soldiers were killed in Kech.", "Frontier Corps", "PK", "Military Forces of Pakistan", "external_force"),
    ("PTI supporters marched on Islamabad.", "PTI supporters", "PK", "Protesters (Pakistan)", "protesters"),
    ("CRPF personnel were injured in an IED blast in Bijapur.", "CRPF", "IN", "Police Forces of India", "state_forces"),
    ("The BSF said it had returned fire along the border.", "BSF", "IN", "Military Forces of India", "state_forces"),
    ("Kashmiri militants fired at an army patrol in Kupwara.", "Kashmiri militants", "IN",
     "Unidentified Armed Group (India)", "political_militia"),
    ("Kuki militants fired on a village in Bishnupur district.", "Kuki militants", "IN",
     "Kuki Ethnic Militia (India)", "identity_militia"),
    ("Meitei militias torched houses in Churachandpur.", "Meitei militias", "IN",
     "Meitei Ethnic Militia (India)", "identity_militia"),
]


@pytest.mark.parametrize(("sentence", "mention", "country", "name", "kind"), STORIES,
                         ids=[s[1] + "@" + s[2] for s in STORIES])
def test_a_conflict_story_resolves_to_its_pack_actor(resolver, sentence, mention, country, name, kind):
    m = read(resolver, sentence, mention, country)
    assert (m.actor.name, m.actor.kind) == (name, kind)
    assert m.method != "provisional"


def test_the_new_packs_load_and_credit_their_own_actors(pack):
    for name in NEW_PACKS:
        actors = pack.in_pack(name)
        assert len(actors) >= 15, name
        assert any(a.kind == "civilians" for a in actors), name


def test_generic_words_pick_the_story_country(resolver):
    """"the army", "gunmen", "UN peacekeepers" name the forces of the country the story is in."""
    assert read(resolver, "The army shelled the hill.", "army", "CD").actor.name \
        == "Military Forces of the Democratic Republic of Congo"
    assert read(resolver, "Gunmen killed a driver.", "Gunmen", "HT").actor.name == "Unidentified Armed Group (Haiti)"
    assert read(resolver, "UN peacekeepers patrolled Bunia.", "UN peacekeepers", "CD").actor.id == "monusco"
    assert read(resolver, "UN peacekeepers patrolled Gao.", "UN peacekeepers", "ML").actor.id == "minusma"


def test_pti_is_a_party_in_pakistan_and_a_news_agency_in_india(resolver):
    assert read(resolver, "PTI called for a boycott.", "PTI", "PK").actor.name == "PTI: Pakistan Tehreek-e-Insaf"
    assert read(resolver, "PTI reported the blast.", "PTI", "IN").actor.name == "Press Trust of India"


def test_a_foreign_mission_is_an_external_force_in_its_theatre(pack):
    mss = pack.get("mss-haiti")
    assert mss.inter_at("HT") == 8 and mss.operates_in("HT")
    rwanda = pack.get("military-forces-of-rwanda")
    assert rwanda.inter_at("MZ") == 8 and rwanda.inter_at("RW") == 1
    assert pack.get("military-forces-of-ethiopia").inter_at("ET") == 1


def test_the_australian_defence_force_keeps_its_acronym_outside_congo(resolver):
    assert read(resolver, "An ADF soldier was hurt in Kandahar.", "ADF", "AF").actor.name == "Military Forces of Australia"
    assert read(resolver, "The ADF sent aircraft.", "ADF", "AU").actor.name == "Military Forces of Australia"


@pytest.mark.parametrize(("sentence", "mention", "country", "name"), [
    ("The ADF killed 12 villagers near Beni.", "ADF", "CD", "ADF: Allied Democratic Forces"),
    ("Al-Shabaab insurgents beheaded five villagers in Muidumbe.", "Al-Shabaab insurgents", "MZ",
     "Islamic State (Mozambique)"),
])
def test_a_shared_name_goes_to_the_actor_of_the_story_country(resolver, sentence, mention, country, name):
    assert read(resolver, sentence, mention, country).actor.name == name


def test_a_name_two_countries_share_cannot_tell_the_story_country(resolver):
    shabaab = read(resolver, "Al-Shabaab fighters attacked the base.", "Al-Shabaab", None).actor
    assert resolver.shared_abroad("Al-Shabaab", shabaab)  # Somalia's group and Mozambique's insurgents
    m23 = read(resolver, "M23 rebels entered the town.", "M23", None).actor
    assert not resolver.shared_abroad("M23", m23)

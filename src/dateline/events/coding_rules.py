"""ACLED coding rules applied to the text classifier's probabilities: who acted, and the taxonomy's tests.

Responsible for: moving probability between sub-event types that text alone confuses but the
actors' categories decide (who gained ground; whether the victims were armed, protesting or
rioting; whether the detaining side is an acknowledged authority), and that the taxonomy's own
tests decide (the weapon named, a sexual assault, ground handed over or taken, a crowd's violence,
people taken from their homes; their words live in `events.taxonomy_cues`). Not responsible for:
resolving actors (`dateline.resolve`) or the text probabilities themselves (`events.classifier`).

Rules shift a share of probability rather than zeroing it: resolved actors are sometimes wrong,
and a strong text signal should survive a doubtful actor.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from .taxonomy_cues import (OPENED_FIRE, DISAPPEARED, KIDNAP, DOWNED, BODIES, GRAVE, OTHER_MEASURE, HARMED,
                             HANDOVER, NO_FIGHT, DEAL, TAKEN, DETAINED, RESTRAINED, LIVE_FIRE, CROWD_VIOLENCE,
                             MOB_WORDS, TAKEN_AWAY, KILLED_HELD, PEACEFUL_END, CLEARED, ORGANISED_ARMS,
                             CROWD_WORDS, ONE_SIDED, RECIPROCAL, CAPTURE, NEW_BASE, GROUND_WORDS, UNDER_DEAL,
                             ABANDONED, SUICIDE_ATTACKER, REMOTE_DETONATION, PARTLY_STOPPED, LATER_THAN,
                             STATE_FORCE_HARM, MISSING, PROTEST_CONTEXT, TAKING_OF_PEOPLE, SERIOUS_HARM, KIT_SEIZED, AUTHORED,
                             PEOPLE_TAKEN, KILLED, NO_WEAPONS, EARLY_BLAST, HARMING_OTHERS, CROWD_ATTACK,
                             BADLY_HURT, HUMAN_BOMBER,
                             CONFISCATED)

STATE = frozenset({"state_forces", "government"})
NON_STATE_ARMED = frozenset({"rebel_group", "political_militia", "identity_militia", "external_force"})
ARMED = STATE | NON_STATE_ARMED
CROWD = frozenset({"protesters", "rioters"})

GOV = "Government regains territory"
NSA = "Non-state actor overtakes territory"
CLASH = "Armed clash"
ATTACK = "Attack"
PEACEFUL = "Peaceful protest"
INTERVENTION = "Protest with intervention"
EXCESSIVE = "Excessive force against protesters"
VIOLENT_DEMO = "Violent demonstration"
MOB = "Mob violence"
ARRESTS = "Arrests"
ABDUCTION = "Abduction/forced disappearance"
AIR = "Air/drone strike"
CHEMICAL = "Chemical weapon"
SHELLING = "Shelling/artillery/missile attack"

STRONG = 0.9  # the actor category is close to decisive under ACLED's rules
SURE = 0.5  # a text-model probability that words named in passing should not overturn
WEAK = 0.5  # the actor category makes one reading likelier but does not decide it


def apply_actor_rules(probabilities: dict[str, float], actor1_kind: str | None,
                      actor2_kind: str | None) -> dict[str, float]:
    """Sub-type probabilities reweighted by the two actors' kinds (dateline's `Actor.kind` values).

    Either kind may be None when the actor is unknown; unknown kinds leave the probabilities as
    they are. The result sums to what the input summed to.
    """
    p = dict(probabilities)
    a1, a2 = actor1_kind, actor2_kind
    kinds = {k for k in (a1, a2) if k}

    # Who ends up holding the ground decides between the two territory battles. Political militias
    # are mostly pro-government auxiliaries, which ACLED counts on the state's side: no shift.
    if a1 in STATE:
        _shift(p, NSA, [GOV], STRONG)
    elif a1 in NON_STATE_ARMED - {"political_militia"}:
        _shift(p, GOV, [NSA], STRONG)

    # Protesters on one side and an armed force on the other: the crowd was not violent and the
    # force was not fighting an armed enemy, so this is a protest event; lethal-sounding mass goes
    # to Excessive force.
    if "protesters" in kinds and kinds & ARMED:
        _shift(p, ATTACK, [EXCESSIVE], STRONG)
        _shift(p, CLASH, [EXCESSIVE], STRONG)
        _shift(p, VIOLENT_DEMO, [INTERVENTION, EXCESSIVE], WEAK)
        _shift(p, MOB, [INTERVENTION, EXCESSIVE], STRONG)
        _shift(p, PEACEFUL, [INTERVENTION, EXCESSIVE], WEAK)
    elif "protesters" in kinds:
        _shift(p, VIOLENT_DEMO, [PEACEFUL], WEAK)
        _shift(p, MOB, [PEACEFUL], STRONG)
    if "rioters" in kinds:
        _shift(p, PEACEFUL, [VIOLENT_DEMO], STRONG)
        _shift(p, INTERVENTION, [VIOLENT_DEMO], STRONG)
        _shift(p, EXCESSIVE, [VIOLENT_DEMO], STRONG)
        _shift(p, ATTACK, [MOB], STRONG)
        _shift(p, CLASH, [MOB, VIOLENT_DEMO], STRONG)
    if not kinds & CROWD:
        # No crowd on either side: crowd sub-types are unlikely when both actors are known.
        if a1 in ARMED and a2 in ARMED:
            _shift(p, MOB, [CLASH], WEAK)
        if a1 in ARMED and a2 == "civilians":
            _shift(p, MOB, [ATTACK], WEAK)

    # The victim side decides between a battle and violence against civilians.
    if a1 in ARMED and a2 == "civilians":
        _shift(p, CLASH, [ATTACK], STRONG)
    elif a1 in ARMED and a2 in ARMED:
        _shift(p, ATTACK, [CLASH], STRONG)

    # Acknowledged authorities arrest; unknown gunmen abduct.
    if a1 in STATE:
        _shift(p, ABDUCTION, [ARRESTS], WEAK)
    elif a1 == "political_militia":
        _shift(p, ARRESTS, [ABDUCTION], WEAK)

    # Non-state groups seldom fly aircraft; their remote fire is mostly rockets and mortars
    # (drones keep half of the mass).
    if a1 in {"rebel_group", "political_militia", "identity_militia"}:
        _shift(p, AIR, [SHELLING], 0.3)
    return p


def _shift_family(p: dict[str, float], sources: Iterable[str], targets: list[str], share: float) -> None:
    for source in sources:
        _shift(p, source, targets, share)


def _shift(p: dict[str, float], source: str, targets: Iterable[str], share: float) -> None:
    """Move `share` of `source`'s probability to `targets`, split in proportion to their current mass."""
    targets = [t for t in targets if t in p]
    if source not in p or not targets:
        return
    moved = p[source] * share
    p[source] -= moved
    mass = [p[t] for t in targets]
    total = sum(mass)
    for t, m in zip(targets, mass):
        p[t] += moved * (m / total if total > 0 else 1.0 / len(targets))


# Within Explosions/Remote violence the weapon and its delivery decide the sub-type (taxonomy.md);
# the words for them are few and stable across outlets, so they override the text model's mixing.
WEAPON_CUES: tuple[tuple[str, str], ...] = (
    ("Chemical weapon", r"\b(?:chemical(?! (?:plants?|factor\w+|industr\w+|compan\w+|engineer\w*|warehouses?|spills?|leaks?|fires?))|chlorine|sarin|"
                        r"nerve (?:gas|agent)|toxic (?:gas|substances?|chemicals?|agents?|fumes)|mustard (?:gas|agent)|"
                        r"poison(?:ous)? (?:gas|substances?|chemicals?|agents?)|"
                        r"(?<!tear )gas (?:attacks?|canisters?|cylinders?|bombs?|shells?|grenades?|munitions|rounds)|"
                        r"mustard(?:-type| type)? (?:gas|agent|agents|rounds|shells)|"
                        r"(?:yellow|green)\w*(?:-\w+)? gas|suffocation|irritant|chloropicrin|"
                        r"cs gas|vx)"),
    ("Suicide bomb", r"\b(?:suicide|martyrdom operation|istishhad\w*|inghimasi\w*|blew (?:himself|herself|themselves) up|explosive (?:vest|belt)|"
                     + HUMAN_BOMBER + r"|"
                     r"(?:drove|rammed|driving|ramming) (?:an? |the |his |their )?(?:booby-trapped|explosives?-laden|bomb-laden|"
                     r"rigged|explosive-packed) (?:car|vehicle|truck|lorry|bulldozer|tanker))"),
    ("Air/drone strike", r"\b(?:air ?strikes?|air raids?|airstrikes?|warplanes?|jets?|aircraft|helicopters?|drones?|"
                         r"barrel bombs?|(?<!a )(?<!the )bombers?(?!\s+(?:on|who|wearing|walked|approached|detonated|set off|"
                         r"blew|rode|drove)\b)|air force|aerial|mig|sukhoi|su-\d+|[fb]-\d+s?|gunships?|uavs?|"
                         r"quadcopters?|air (?:operations?|attacks?|campaigns?|bombardments?)|sorties)"),
    ("Shelling/artillery/missile attack", r"\b(?:shell(?:s|ed|ing)|artillery|mortars?|rockets?|missiles?|howitzers?|"
                                          r"katyushas?|grads?|tank fire|surface-to-surface|ballistic|cruise)"),
    ("Remote explosive/landmine/IED", r"\b(?:roadside bombs?|ieds?|improvised explosive|landmines?|mines?|"
                                      r"car bombs?|booby[- ]trap\w*|sticky bombs?|explosive devices?|"
                                      r"motorcycle bombs?|truck bombs?|unexploded|rigged with explosives)"),
    ("Grenade", r"\b(?:hand grenades?|grenades?)"),
)
_WEAPON = tuple((sub, re.compile(pattern + r"\b", re.IGNORECASE)) for sub, pattern in WEAPON_CUES)
EXPLOSIONS = tuple(sub for sub, _ in WEAPON_CUES)


SEXUAL = "Sexual violence"
# taxonomy: "Rape, sexual assault, sexual slavery, forced marriage to fighters, sexual abuse ... If the
# victim is killed, the death is counted in this event."
_SEXUAL = re.compile(r"\b(?:rap(?:e|ed|es|ing|ist|ists)|gang-?rap\w*|sexual(?:ly)? (?:assault\w*|abus\w*|violence|"
                     r"slavery|exploitation|harass\w*|violated|enslaved)|sex slaves?|forced (?:into )?marriages?|"
                     r"forced (?:\w+ )?to marry)\b",
                     re.IGNORECASE)


_SEXUAL_WORD = re.compile(r"\b(?:rap(?:e|ed|es|ing|ist|ists)|gang-?rap\w*|sexual\w*|sexually|molest\w*|sex|"
                          r"forced (?:into )?marriages?|indecent\w*)\b", re.IGNORECASE)
_CELEBRATORY = re.compile(r"\b(?:celebratory|accident\w*|stray bullets?)\b", re.IGNORECASE)


@lru_cache(maxsize=2048)
def _told_in(rx: re.Pattern, paragraph: str) -> bool:
    """A cue searched in a sentence or its paragraph, once: the rules ask the same of the same text
    several times, and a paragraph's sentences ask in turn."""
    return rx.search(paragraph) is not None


def _before_later(text: str) -> str:
    """The text without what it says came "hours after": the earlier event a fight followed."""
    return LATER_THAN.sub("", text) if " after" in text else text


def decisive_sub_type(text: str, context: str = "") -> str | None:
    """A sub-type the taxonomy lets one named thing decide, whatever else the sentence tells: a toxic
    chemical (whatever carried it), a sexual assault (even when the victim was then killed), a
    device that opens the sentence as what struck ("An explosive device hit a patrol, after which
    gunmen opened fire": the follow-up fight is another event), ground entered with no fighting
    (which `context`, the sentence's paragraph, may tell one sentence on)."""
    if _WEAPON[0][1].search(text):
        return CHEMICAL
    if _told_in(_SEXUAL, text):
        return SEXUAL
    if _told_in(SUICIDE_ATTACKER, text) and not _told_in(REMOTE_DETONATION, text) and not _told_in(KIT_SEIZED, text):
        return "Suicide bomb"
    if _told_in(TAKING_OF_PEOPLE, text) and not _told_in(HARMED, text):
        return ABDUCTION
    opening = _SUBJECT_WEAPON.match(text)
    if opening:
        return next((sub for sub, rx in _WEAPON[1:] if rx.search(opening.group(1))), None)
    if _told_in(NO_FIGHT, context or text):
        return TRANSFER  # "moved into the town ... No fighting was reported"
    return None


# "An explosive device hit...", "A roadside bomb tore through...": the weapon is the sentence's subject.
_SUBJECT_WEAPON = re.compile(r"^\W*(?:an?|the|two|three|several)\s+((?:[\w-]+\s+){0,3}?(?:devices?|bombs?|ieds?|mines?|"
                             r"landmines?|grenades?|shells?|mortars?|rockets?|missiles?|drones?|air ?strikes?|"
                             r"airstrikes?))\s+(?:hit|struck|exploded|went off|tore|ripped|killed|blew|detonated|"
                             r"targeted|landed)\b", re.IGNORECASE)
DISRUPTED = "Disrupted weapons use"
LOOTING = "Looting/property destruction"
_DESTRUCTION = re.compile(r"\b(?:demolish\w*|destroy\w*|loot\w*|bulldoz\w*|torch\w*|burn\w*|set fire|"
                          r"plunder\w*|confiscat\w*|ransack\w*|razed?)\b", re.IGNORECASE)
_EXPLOSIVE = re.compile(r"\b(?:bomb\w*|blasts?|explo\w*|detonat\w*|shell\w*|struck|strikes?|fired|"
                        r"munitions?|ordnance|warheads?)\b", re.IGNORECASE)
_STANDOFF = re.compile(r"\b(?:cruise missiles?|ballistic missiles?|kh-\d+\w*|kalibrs?|iskanders?|tomahawks?|"
                       r"storm shadows?|scalps?|atacms|kinzhals?)\b", re.IGNORECASE)
# Weapons found or taken before use ("found 12 kg of TNT", "removed 1,200 mines", "seized two drones")
# are as much a disruption as an interception, so the verbs of finding and taking count too.
_DISRUPTED_CUE = re.compile(r"\b(?:intercept\w*|defus\w*|dismantl\w*|foil\w*|thwart\w*|shot down|downed|"
                            r"(?:destroyed|neutrali[sz]ed) (?:\d+ (?:of|out of) (?:the )?\d+ |all \w+ |\w+ )?(?:\w+ )?"
                            r"(?:drones|missiles|rockets|uavs|shaheds)|"
                            r"seiz\w*|confiscat\w*|found|discover\w*|uncover\w*|remov\w*|clear\w*|demin\w*|"
                            r"stopp\w*|controlled (?:explosion|detonation)|cache|prematurely|"
                            r"before (?:he|she|it|they) could|neutrali[sz]ed|disarmed|air defen[cs]es?)", re.IGNORECASE)


# what any reading of people gone must contain: asked of every sentence, so a substring test first
_GONE_WORDS = ("took", "taken", "taking", "takes", "led ", "leading", "carri", "marched", "dragg", "bundl", "haul",
               "pull", "snatch", "whisk", "spirit", "forced", "whereabouts", "not been", "disappear", "deny",
               "denie", "incommunicado", "fate", "no news", "returned", "come back", "came back", "custody",
               "no record", "refus", "been released")


def people_gone(text: str) -> str | None:
    """"disappeared" when the text says people's fate is hidden ("has not been seen since", "none has
    returned"), "taken" when it says they were led, carried or bundled away; None when nobody is said
    to be gone or when they were killed (the killing is then the event)."""
    low = text.lower()
    if not any(word in low for word in _GONE_WORDS) or _told_in(KILLED, text):
        return None
    if _told_in(DISAPPEARED, text):
        return "disappeared"
    return "taken" if _told_in(PEOPLE_TAKEN, text) else None


def apply_text_rules(probabilities: dict[str, float], text: str, context: str = "") -> dict[str, float]:
    """Sub-type probabilities reweighted by what the text names: weapon words (within the explosions
    family), the absence of any interception/defusal word (which Disrupted weapons use needs), sexual
    violence (and its absence), confiscation, bodies with signs of violence, a victim's fate left
    unknown (which `context`, the sentence's paragraph, may tell one sentence on), and measures such
    as curfews and closures, which are the event only when nothing violent is told beside them."""
    p = dict(probabilities)
    if _told_in(_SEXUAL, text):
        _shift_family(p, (ARRESTS, INTERVENTION, EXCESSIVE, ATTACK, CLASH, ABDUCTION, CHANGE, "Other"), [SEXUAL], STRONG)
    elif not _told_in(_SEXUAL_WORD, context or text):
        # sexual violence is always told in words of its own; without them the text model is guessing
        _shift(p, SEXUAL, [s for s in p if s != SEXUAL], STRONG)
    if _told_in(CONFISCATED, text) and not _told_in(DETAINED, text):
        # taxonomy: "confiscating houses and land" is looting/property destruction
        _shift_family(p, (ARRESTS, GOV, NSA, PEACEFUL, CHANGE, "Other"), [LOOTING], STRONG)
    if p.get(EXCESSIVE, 0.0) >= 0.01 and not _told_in(PROTEST_CONTEXT, context or text):
        # taxonomy: force "against protesters"; with none told, an attack or whatever else the model read
        _shift(p, EXCESSIVE, [ATTACK, CLASH, "Other"], STRONG)
    if _told_in(BODIES, text) and not _told_in(GRAVE, text):
        # "the body of a kidnapped trader was found with gunshot wounds": the killing is the event
        _shift_family(p, ("Other", CHANGE, ABDUCTION), [ATTACK], STRONG)
    if _told_in(DOWNED, text) and not _told_in(PARTLY_STOPPED, text):
        # "air defences destroyed 19 of the 24 drones launched": what was stopped, not what struck
        _shift_family(p, EXPLOSIONS, [DISRUPTED], STRONG)
    if _told_in(DISAPPEARED, context or text) or _told_in(KIDNAP, text):
        _shift(p, ARRESTS, [ABDUCTION], STRONG)
    gone = people_gone(text)
    if gone:
        # taxonomy: "People are taken against their will by an armed actor"; a fate hidden makes it an
        # abduction whoever took them, else who took them decides (the actor rules have weighed that)
        _shift_family(p, (ATTACK, CLASH, LOOTING, TRANSFER, GOV, NSA, CHANGE, "Other", AGREEMENT, HQ),
                      [ABDUCTION] if gone == "disappeared" else [ABDUCTION, ARRESTS], STRONG)
    low = text.lower()
    if ("abduct" in low or "kidnap" in low) and _told_in(TAKING_OF_PEOPLE, text) and not _told_in(HARMED, text):
        _shift_family(p, (CHANGE, "Other", TRANSFER, HQ, PEACEFUL, ARRESTS, ATTACK), [ABDUCTION], STRONG)
    if ("missing" in low or "unaccounted" in low) and _told_in(MISSING, text) and _told_in(ORGANISED_ARMS, text) \
            and not _told_in(HARMED, text):
        _shift_family(p, (EXCESSIVE, INTERVENTION, PEACEFUL, CHANGE, "Other", ATTACK, ARRESTS), [ABDUCTION], STRONG)
    if _told_in(NO_WEAPONS, text) and not _told_in(KILLED, text) and not _told_in(CROWD_WORDS, context or text):
        # soldiers of two forces shoving or blocking each other with no weapon used fought no battle
        _shift_family(p, (CLASH, ATTACK, MOB, VIOLENT_DEMO), ["Other"], STRONG)
    if _told_in(OTHER_MEASURE, text):
        if _told_in(HARMED, text) and not _told_in(GRAVE, text) and not _told_in(_CELEBRATORY, text) \
                or _told_in(MOB_WORDS, text) or _told_in(CROWD_VIOLENCE, text) or _told_in(TAKEN, text):
            # a curfew or an emergency declared after killings, riots or burning is their consequence
            _shift(p, "Other", [s for s in p if s != "Other"], STRONG)
        elif not (_told_in(DETAINED, text) or _told_in(KIDNAP, text)):
            # a detention told beside a closure is the event; a capture told beside the curfew it
            # prompted stays a capture; a field or port shut is no capture
            _shift_family(p, (CHANGE, AGREEMENT, HQ, TRANSFER, ARRESTS, *(() if _told_in(GROUND_WORDS, text) else (GOV, NSA))),
                          ["Other"], STRONG)
    # a fight told first is the event; the bomb "hours after" which it came is an earlier one
    main = _before_later(text)
    told = main if main is not text and RECIPROCAL.search(main) else text
    found = [sub for sub, rx in _WEAPON if rx.search(told)]
    # Precedence follows the taxonomy: the chemical decides whatever carried it; a suicide attacker
    # decides over the vehicle bomb; a platform that flew decides over the munition it dropped.
    if found and DISRUPTED not in p or found and not _told_in(_DISRUPTED_CUE, text):
        winner = found[0]
        if winner == "Shelling/artillery/missile attack" and "Remote explosive/landmine/IED" in found:
            winner = "Remote explosive/landmine/IED"
        # A weapon named in passing ("initial reports of a drone attack were wrong") does not
        # outrank another named weapon the text model is already sure of.
        backed = max((sub for sub in found if sub in p), key=p.get, default=None)
        if backed is not None and p[backed] >= SURE and winner != CHEMICAL:  # the chemical decides, always
            winner = backed
        if winner == AIR and _STANDOFF.search(told):
            # taxonomy: "cruise missiles (including those launched from aircraft far from the target)"
            winner = SHELLING
        if winner == "Suicide bomb" and _told_in(REMOTE_DETONATION, text):  # "first thought a suicide attack"
            winner = "Remote explosive/landmine/IED"
        for sub in EXPLOSIONS:
            if sub != winner:
                _shift(p, sub, [winner], STRONG)
    if not found and not _told_in(_EXPLOSIVE, text) and _told_in(_DESTRUCTION, text):
        # Property destroyed with no weapon or explosion named: looting/destruction, not remote violence.
        _shift_family(p, EXPLOSIONS, [LOOTING], WEAK)
    # what went off when a stop failed: the weapon named, else any of the family
    struck = [s for s in found if s in p and s != DISRUPTED] or [s for s in EXPLOSIONS if s in p]
    if _told_in(EARLY_BLAST, text) and not _told_in(HARMING_OTHERS, text):
        # taxonomy: "devices that blow up early and kill only the people handling them"
        _shift_family(p, EXPLOSIONS, [DISRUPTED], STRONG)
    elif _told_in(HARMING_OTHERS, text) and DISRUPTED in p:
        # a blast that killed or wounded others went off: "detonated his vest when soldiers approached, killing two"
        _shift(p, DISRUPTED, struck, STRONG)
    if _told_in(PARTLY_STOPPED, text):
        _shift(p, DISRUPTED, struck, STRONG)
    elif not (_told_in(_DISRUPTED_CUE, text) or _told_in(EARLY_BLAST, text)):
        # with a weapon or blast named, the weapon was used; with none, nothing else is told, so the
        # mass is spread over every other sub-type and reorders none of them
        armed = found or _told_in(_EXPLOSIVE, text)
        _shift(p, DISRUPTED, [s for s in EXPLOSIONS if s in p] + [ARRESTS, "Other"] if armed
               else [s for s in p if s != DISRUPTED], STRONG)
    return p


# Sub-types that code no violence: a sentence whose event word is a blast or a killing is not one
# of them, whatever else the sentence talks about ("Missiles struck two vehicles, an official said").
QUIET = ("Agreement", "Change to group/activity", "Headquarters or base established",
         "Non-violent transfer of territory", "Other")
_EXPLOSIVE_TRIGGER = re.compile(r"^(?:strikes?|struck|air ?strikes?|airstrikes?|bomb(?:ed|ing|ings|s)?|blasts?|"
                                r"explo(?:ded|sions?)|detonat(?:ed|ion)|shell(?:ed|ing|s)?|missiles?|rockets?|"
                                r"mortars?|pounded|barrel)$", re.IGNORECASE)
_LETHAL_TRIGGER = re.compile(r"^(?:kill(?:ed|ing|s)?|shot|shooting|executed|execution|massacred?|ambush(?:ed)?|"
                             r"gunned|stabbed|beheaded|murdered|assassinat(?:ed|ion)|clash(?:ed|es)?|fought|"
                             r"fighting|attack(?:ed|s|ing)?|opened)$", re.IGNORECASE)
_RECIPROCAL_TRIGGER = re.compile(r"^(?:fought|clash(?:ed|es)?|battled|exchanged)$", re.IGNORECASE)
# A group coming into being or changing shape: not a fight over ground, whatever the sentence's tone.
_FORMATION_TRIGGER = re.compile(r"^(?:formed|formation|founded|established|merged|merger|dissolved|split|"
                                r"joined|defected|defection|appointed|rebranded)$", re.IGNORECASE)
CHANGE = "Change to group/activity"
HQ = "Headquarters or base established"
_CROWD_TRIGGER = re.compile(r"^(?:protest(?:ed|s|ers)?|demonstrat(?:ed|ion|ions|ors)|rall(?:ied|y|ies)|"
                            r"march(?:ed|es)?|sit-in)$", re.IGNORECASE)
# What a crowd did that makes its demonstration violent under ACLED's rules (vandalism, arson,
# storming a building, stones): "protesters" in the text do not make it a peaceful protest.
_RIOTING = re.compile(r"\b(?:storm(?:ed|ing)|burn(?:ed|t|ing)|set fire|set alight|torch(?:ed|ing)|tore down|"
                      r"threw (?:stones|rocks|petrol|molotov)|pelt(?:ed|ing)|stone-throwing|vandali[sz]\w*|"
                      r"smash(?:ed|ing)|ransack(?:ed|ing))\b", re.IGNORECASE)
_TO_THE_STREETS = re.compile(r"\b(?:took|take|taking|poured|pour|went) (?:in)?to the streets\b", re.IGNORECASE)
# "seized large amounts of weapons": what was taken is matériel, not ground.
_MATERIEL = re.compile(r"\b(?:seiz\w*|captur\w*|confiscat\w*|took|taken|plunder\w*|loot\w*)\s+(?:\w+\s+){0,4}?"
                       r"(?:weapons|arms|ammunition|munitions|vehicles|equipment|humvees|tanks|cash|money|"
                       r"goods|livestock|cattle)\b", re.IGNORECASE)
_AGREE_TRIGGER = re.compile(r"^(?:agreed|agreement|deal|signed|swapped|exchanged|truce|ceasefire)$", re.IGNORECASE)
_TERRAIN = re.compile(r"\b(?:control|city|town|village|district|area|territory|base|headquarters|"
                      r"positions?|neighbou?rhoods?|hill|airport|crossing)\b", re.IGNORECASE)


_SET_FIRE = re.compile(r"\bset (?:fire|ablaze|alight|on fire)\b", re.IGNORECASE)  # "set" as an event word of its own
LIGHT_TRIGGERS = frozenset({"pulled", "dragged", "took", "set", "opened", "landed", "fell", "moved", "handed",
                            "brought", "sent", "hit"})
_WRECKED = re.compile(r"\b(?:blew up|blown up|demolish\w*|destroy\w*|razed?|torch\w*|bulldoz\w*|set fire to|"
                      r"dynamit\w*)\s+(?:[\w'’-]+\s+){0,4}?(?:mosques?|church\w*|shrines?|minarets?|bridges?|houses?|"
                      r"homes?|buildings?|monuments?|tombs?|statues?|museums?|temples?|schools?|offices?)\b",
                      re.IGNORECASE)




def apply_trigger_rules(probabilities: dict[str, float], trigger: str | None, text: str,
                        verbs: Iterable[str] = ()) -> dict[str, float]:
    """Sub-type probabilities reweighted by what the event words themselves say: a blast or a
    killing is not a quiet strategic development, a march or "took to the streets" is a protest,
    seizing weapons without ground is looting rather than a territorial battle, and blowing up a
    building is property destruction. `trigger` is the chosen event word; `verbs` the sentence's
    other verbs, read when the trigger says nothing ("was pulled from her car and shot")."""
    p = dict(probabilities)
    # the other verbs speak only when the trigger is a light word ("was pulled from her car and shot");
    # beside a real trigger ("signed", "raped", "grave") a killing told in passing decides nothing
    light = (trigger or "").lower() in LIGHT_TRIGGERS and not _told_in(_SET_FIRE, text)
    words = [(trigger or "").strip(), *(verbs if light else ())]
    if any(_EXPLOSIVE_TRIGGER.match(w) for w in words[:1]):
        # "Other" stays: ACLED codes accidental blasts (a depot, a gas tank) there
        _shift_family(p, [q for q in QUIET if q != "Other"], [s for s in EXPLOSIONS if s in p], STRONG)
    elif any(_LETHAL_TRIGGER.match(w) for w in words) and not (words[0].lower() == "opened"
                                                                and not _told_in(OPENED_FIRE, text)):
        _shift_family(p, QUIET, [ATTACK, CLASH], STRONG)
        if _RECIPROCAL_TRIGGER.match(words[0]):  # both sides fought: whoever else was named, a battle
            _shift(p, ATTACK, [CLASH], STRONG)
    elif any(_CROWD_TRIGGER.match(w) for w in words[:1]) or _told_in(_TO_THE_STREETS, text):
        _shift_family(p, QUIET, [PEACEFUL], STRONG)
    elif _FORMATION_TRIGGER.match(words[0]):
        _shift_family(p, (GOV, NSA, CLASH, ATTACK), [CHANGE, HQ], STRONG)
    if words[0].lower() == "signed" and _told_in(AUTHORED, text):
        # "banners signed by the cartel": a signature on a message, no deal
        _shift(p, AGREEMENT, [s for s in p if s != AGREEMENT], STRONG)
    if _AGREE_TRIGGER.match(words[0]) and _told_in(DEAL, text):
        # the deal is the event word: what it settles (a release, a withdrawal) is its content
        _shift_family(p, (CHANGE, TRANSFER, ARRESTS, CLASH, "Other"), [AGREEMENT], STRONG)
    if _told_in(_RIOTING, text):
        _shift(p, PEACEFUL, [VIOLENT_DEMO, MOB], STRONG)
    if _told_in(_MATERIEL, text) and not _told_in(_TERRAIN, text) and not _told_in(CLEARED, text):
        _shift_family(p, (GOV, NSA), [LOOTING], STRONG)
    if _told_in(_WRECKED, text) and not _told_in(HARMED, text):  # a lethal blast stays an explosion
        _shift_family(p, (GOV, NSA, CLASH, *EXPLOSIONS), [LOOTING], STRONG)
    _apply_ground_and_deal_rules(p, text)
    return p


AGREEMENT = "Agreement"
TRANSFER = "Non-violent transfer of territory"


def _apply_ground_and_deal_rules(p: dict[str, float], text: str) -> None:
    """The taxonomy's own tests for ground changing hands without a fight, for a deal, and for
    property taken or burned with nobody attacked; who fought back; ground taken; a new base."""
    # what came "hours" or "a day after" is another event
    main = _before_later(text)
    if _told_in(ONE_SIDED, text) and not _told_in(RECIPROCAL, text):
        # "beheaded two men": the victims did not fight, and no ground changed hands unless a capture is told
        # nor is a killing of captives a change in the killers' activity ("before executing 'apostates'")
        _shift_family(p, (CLASH, CHANGE, LOOTING) if _told_in(CAPTURE, text) else (CLASH, GOV, NSA, CHANGE, LOOTING),
                      [ATTACK], STRONG)
    elif _told_in(RECIPROCAL, text) and not _told_in(ONE_SIDED, text):
        _shift(p, ATTACK, [CLASH], WEAK)
        if not any(rx.search(main) for _, rx in _WEAPON):  # fire traded, no shell named
            _shift_family(p, EXPLOSIONS, [CLASH], STRONG)
    if (_told_in(CAPTURE, text) or _told_in(CLEARED, text)) and not _told_in(NO_FIGHT, text):
        _shift_family(p, (CLASH, ATTACK, CHANGE), [GOV, NSA], STRONG)
    if _told_in(NEW_BASE, text):
        _shift_family(p, (CHANGE, GOV, NSA, ATTACK, CLASH), [HQ], STRONG)
    if _told_in(NO_FIGHT, text):
        _shift_family(p, (GOV, NSA, CLASH, CHANGE), [TRANSFER], STRONG)
    elif _told_in(HANDOVER, text) and _told_in(UNDER_DEAL, text):
        # taxonomy: "one side withdraws and the other moves in" under a deal is the transfer; the deal is its means
        _shift_family(p, (GOV, NSA, CLASH, CHANGE, AGREEMENT, PEACEFUL), [TRANSFER], STRONG)
    elif _told_in(HANDOVER, text):
        _shift_family(p, (CHANGE,), [TRANSFER], STRONG)
    elif _told_in(ABANDONED, text) and not (_told_in(RECIPROCAL, text) or _told_in(HARMED, text)):
        _shift_family(p, (GOV, NSA, PEACEFUL), [TRANSFER], STRONG)
    if _told_in(DEAL, text) and not (_told_in(HANDOVER, text) and _told_in(UNDER_DEAL, text)):
        _shift_family(p, (CHANGE, TRANSFER, ARRESTS, CLASH), [AGREEMENT], WEAK)
    if _told_in(TAKEN, text) and not _told_in(HARMED, text):
        # a crowd burning or ransacking is a riot, which only the actors tell apart; nobody fought
        _shift_family(p, (CHANGE, ARRESTS, ATTACK, CLASH, GOV, NSA), [LOOTING], STRONG)
    crowd = _told_in(CROWD_WORDS, text)
    if _told_in(TAKEN, text) and not _told_in(HARMED, text) and not crowd and _told_in(ORGANISED_ARMS, text):
        _shift_family(p, (MOB, VIOLENT_DEMO), [LOOTING], STRONG)  # "gunmen set ablaze the office"
    if _told_in(TAKEN_AWAY, text):
        # taxonomy: "People are taken against their will by an armed actor"; who took them decides
        # arrest or abduction, which the actor rules have already weighed
        _shift_family(p, (GOV, NSA, ATTACK, CLASH, CHANGE, LOOTING, TRANSFER), [ABDUCTION, ARRESTS], STRONG)
    if _told_in(KILLED_HELD, text):
        # taxonomy: "executions of detainees" are an Attack
        _shift_family(p, (ARRESTS, ABDUCTION, EXCESSIVE, INTERVENTION), [ATTACK], STRONG)
    if crowd and _told_in(RESTRAINED, text) and not (_told_in(CROWD_VIOLENCE, text) or _told_in(MOB_WORDS, text)):
        # dispersed or beaten: the force intervened; a crowd that rioted stays a riot however it was met
        _shift(p, PEACEFUL, [INTERVENTION], STRONG)
    elif crowd and _told_in(PEACEFUL_END, text) and not _told_in(HARMED, text):
        _shift_family(p, (INTERVENTION, EXCESSIVE), [PEACEFUL], STRONG)
    if crowd and _told_in(DETAINED, text):
        # taxonomy: "Arrests at a protest belong to the protest event"
        _shift(p, ARRESTS, [INTERVENTION], STRONG)
    if crowd and _told_in(CROWD_VIOLENCE, text):
        # taxonomy: "If the crowd itself was violent ... a Violent demonstration even when the security
        # forces kill people"
        _shift_family(p, (EXCESSIVE, INTERVENTION, PEACEFUL, CHANGE, "Other"), [VIOLENT_DEMO], STRONG)
    elif crowd and _told_in(HARMED, text) and _told_in(STATE_FORCE_HARM, text) and not _told_in(MOB_WORDS, text):
        # "a teacher was killed by a police bullet during the protests": force against a peaceful crowd
        _shift_family(p, (ATTACK, CLASH), [EXCESSIVE], STRONG)
    # armed men named after the crowd's act were its victims
    mob = MOB_WORDS.search(main)
    if mob and not ORGANISED_ARMS.search(main):
        # "A crowd without organised arms attacks people or property outside a demonstration"
        _shift_family(p, (CLASH, ATTACK, LOOTING, TRANSFER), [MOB], STRONG)
    elif mob and _told_in(RECIPROCAL, text):
        _shift(p, MOB, [CLASH], STRONG)  # "vigilantes fought off bandits": two armed sides, a battle
    elif mob and not ORGANISED_ARMS.search(main, 0, mob.start()):
        # "residents stoned and burned 13 suspected gang members": a lynching, whoever the victims were
        _shift_family(p, (CLASH, ATTACK, LOOTING, TRANSFER), [MOB], STRONG)
    if crowd and _told_in(RESTRAINED, text) and not _told_in(SERIOUS_HARM, text) and not _told_in(LIVE_FIRE, text):
        # force short of killing or serious injury is an intervention, not excessive force
        _shift(p, EXCESSIVE, [INTERVENTION], STRONG)
    elif crowd and _told_in(RESTRAINED, text) and _told_in(BADLY_HURT, text) and not _told_in(CROWD_VIOLENCE, text) \
            and not _told_in(MOB_WORDS, text):
        # taxonomy: "beatings that send people to hospital" are excessive force
        _shift(p, INTERVENTION, [EXCESSIVE], STRONG)
    if CROWD_ATTACK.search(main) and not _told_in(PROTEST_CONTEXT, text) and not ORGANISED_ARMS.search(main):
        # taxonomy: "communal attacks on homes and places of worship" by a crowd are mob violence
        _shift_family(p, (LOOTING, ATTACK, CLASH, VIOLENT_DEMO), [MOB], STRONG)


# What the text model mistakes a chemical attack, a rape or a weapon that struck for when it reads
# only the carrier, the fight, the target or the detention.
DECISIVE_OVER = {CHEMICAL: frozenset(EXPLOSIONS) | {ATTACK, CLASH},
                 SEXUAL: frozenset({ATTACK, CLASH, ARRESTS, INTERVENTION, EXCESSIVE, ABDUCTION}),
                 TRANSFER: frozenset({GOV, NSA, CHANGE}),
                 # "the abduction of hundreds of boys", whatever verb carries it, over quiet readings
                 ABDUCTION: frozenset({*QUIET, PEACEFUL}),
                 # a device that opens the sentence as what struck decides over the fight told after it
                 **{weapon: frozenset({ATTACK, CLASH, GOV, NSA, ARRESTS, LOOTING, *QUIET})
                    | (frozenset(EXPLOSIONS) - {weapon, CHEMICAL})
                    for weapon in EXPLOSIONS if weapon != CHEMICAL}}

"""Who did what to whom: actor roles of one event sentence, from token order, POS and prepositions.

Responsible for: splitting the resolved actor mentions of a sentence into the side that acts
(actor1 and its associates) and the side acted upon (actor2 and its associates), and for the
unnamed sides ACLED codes with generic actors: civilians ("villagers", a market or a school hit),
armed victims ("soldiers", "police officers"), unknown perpetrators ("gunmen"), protesters and
rioters. Not responsible for resolving names (`dateline.resolve`) or for the sub-type.

Roles are read without the dependency parse: "X attacked Y" (agent before the trigger), "Y was
attacked by X" (passive: the subject is the patient, "by" marks the agent), "against X", "on X",
"targeting X", "with X" (patient), "between X and Y" (X agent), "X's air strike" (agent), "X died"
(patient, as a passive's subject). Appositions and coordinated names share a role. In a long
sentence, the object of an earlier verb ("stormed IS positions, killing 30") is a patient, and a
name that opens a clause of its own after the trigger ("..., and that militiamen then went") or
that follows a reporting verb ("..., relatives said, contradicting US statements") is neither side.
Sources are not sides, except a speaker who tells of its own action ("said its air force struck",
"the defence ministry said a frigate fired") or whose statement is the event ("the SDF announced a
campaign"). An actor is on one side only: the agent side is filled first, then the patient side
with what is left.

Forces that only answered an attack are not its doers: "troops repelled an attack by X" (the
troops are the side attacked, X the attacker), "police sealed off the area after a bomb exploded"
(the police are neither side). When the trigger stands in a clause of its own ("... after a car
bomb exploded", "gunmen who had seized a school"), the subject of the other clause is not its doer
(the other side at most, when the trigger's clause names a doer of its own); the attacker named
"by" an attack ("a siege by X gunmen") or claiming it ("X claimed responsibility") is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import role_cues as cue

# Actor kinds that take part in violence as a side; speakers (NGOs, media, UN bodies) do not.
PARTY_KINDS = frozenset({"state_forces", "government", "rebel_group", "political_militia", "identity_militia",
                         "external_force", "protesters", "rioters", "civilians", "political_party"})

CIVILIAN_WORDS = re.compile(
    r"\b(?:civilians?|residents?|villagers?|inhabitants|worshipp?ers|passengers|shoppers|pupils|"
    r"schoolchildren|schoolboys|schoolgirls|students|children|women|families|farmers|shepherds|"
    r"journalists?|teachers?|doctors|medics|aid workers|pilgrims|mourners|wedding guests|migrants|"
    r"refugees|displaced|detainees|prisoners|market|school|hospital|clinic|mosque|church|bakery|"
    r"wedding|funeral|camp for|homes?|houses?|neighbourhoods?|neighborhoods?|bus|detention cent(?:re|er)|"
    r"hotels?|restaurants?|caf[eé]s?|shops?|shopping|crowds?|ceremony|"
    r"people|bystanders|a (?:man|woman|boy|girl)|teenagers?|elderly|hostages|"
    r"(?:a|an|the)\s+(?:\w+\s+)?(?:activist|lawyer|judge|preacher|imam|cleric|official|mayor|chief))\b",
    re.IGNORECASE)
ARMED_VICTIM_WORDS = re.compile(
    r"\b(?:(?P<mil>soldiers?|troops|servicem[ae]n|army|officers? and soldiers|conscripts|garrison|"
    r"military (?:post|base|convoy|vehicle|checkpoint|patrol)|army (?:post|base|convoy|checkpoint|patrol))|"
    r"(?P<pol>police(?:men|man| officers?| station| post| checkpoint| patrol)?|policem[ae]n|gendarmes?)|"
    r"(?P<arm>fighters|militants|rebels|insurgents|jihadists|gunmen|militiamen|combatants))\b", re.IGNORECASE)
UNKNOWN_AGENT_WORDS = re.compile(
    r"\b(?:gunmen|unidentified|unknown (?:assailants|attackers|gunmen|armed men|perpetrators)|armed men|"
    r"assailants?|attackers?|gunman|masked men|bandits|militants|a suicide bomber|bomber|insurgents|jihadists|"
    r"extremists)\b",
    re.IGNORECASE)
STATE_AGENT_WORDS = re.compile(
    r"\b(?:(?P<mil>government (?:troops|forces|soldiers)|(?:the )?army|troops|soldiers|security forces|"
    r"armed forces|military(?!\s?[-‑])|regime forces|junta)|(?P<pol>police(?:men)?|riot police|gendarmes?|"
    r"security services))\b", re.IGNORECASE)
# A crowd, students or workers are a protest crowd only beside a protest word: "opened fire on the
# crowd" at a gate, or students missing after gunmen raided their school, are not.
_PROTEST_CUE = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied|ying)|marche[ds]|marching|sit-ins?|"
                          r"chant\w*|slogans?|tear gas|strik(?:e|es|ing)\b|picket\w*|vigils?|angry|tyres|tires|blocked (?:the |a )?"
                          r"(?:main )?(?:roads?|highway|streets?))\b", re.IGNORECASE)
_PROTEST = re.compile(r"\b(?:protesters|demonstrators|marchers|rioters|strikers)\b", re.IGNORECASE)
_CROWD_NOUN = re.compile(r"\b(?:students|workers|supporters|residents|women|activists|opposition supporters|crowds?)\b",
                         re.IGNORECASE)


def protest_crowd(text: str) -> bool:
    """Whether the text names protesters, or a crowd (students, workers...) beside a protest word."""
    return bool(_PROTEST.search(text) or (_CROWD_NOUN.search(text) and _PROTEST_CUE.search(text)))


_AGENT_PREP = frozenset({"by"})
_PATIENT_PREP = frozenset({"against", "on", "targeting", "at", "with", "upon", "into", "from"})


@dataclass
class ActorSlot:
    """One actor side: the actor ids in the order they were chosen; the first is the main actor."""
    ids: list[str] = field(default_factory=list)
    start: int | None = None   # document offsets of the main actor's mention
    end: int | None = None

    @property
    def main(self) -> str | None:
        return self.ids[0] if self.ids else None

    def add(self, actor_id: str, start: int | None = None, end: int | None = None) -> None:
        if actor_id in self.ids:
            return
        if not self.ids:
            self.start, self.end = start, end
        self.ids.append(actor_id)


@dataclass
class Roles:
    agent: ActorSlot = field(default_factory=ActorSlot)
    patient: ActorSlot = field(default_factory=ActorSlot)
    civilians: bool = False            # unnamed civilian victims or targets
    armed_victims: str | None = None   # "military" | "police" | "armed" for unnamed armed victims
    unknown_agent: bool = False        # "gunmen", "unidentified attackers"
    crowd: bool = False                # protesters / demonstrators named generically
    state_agent: str | None = None     # "military" | "police" for "government troops", "the army"
    passive: bool = False


def read_roles(tokens: list, trigger_index: int, mentions: list, actors: dict[str, dict],
               sentence_start: int, speakers: list[tuple[int, int]] = ()) -> Roles:
    """Roles of the actor `mentions` (resolved, inside the sentence) around the trigger token.

    `tokens` are the sentence's spaCy tokens; offsets of tokens (`t.idx`) are paragraph offsets,
    `sentence_start` is the paragraph offset's shift into the document (document = idx + shift).
    `speakers` are document spans of quote attributions ("the Observatory said"): who reports an
    event is not a side of it.
    """
    roles = Roles()
    trig = tokens[trigger_index]
    trig_pos = trig.idx + sentence_start
    # "Five soldiers died": the subject of a verb of dying undergoes it, as a passive's does
    roles.passive = cue.passive(tokens, trigger_index) or trig.text.lower() in cue.UNDERGONE
    scored: list[tuple[int, str, int, int]] = []  # (role 0 agent / 1 patient, id, start, end)
    between = cue.between(tokens, mentions, sentence_start)
    # a relative clause is the trigger's own clause too: "ended a standoff with gunmen who had seized a school"
    relative = cue.relative_clause(tokens, trigger_index)
    clause = cue.own_clause(tokens, trigger_index) or relative
    outside = cue.after_the_fact(tokens, trigger_index)
    identified: set[str] = set()
    weak: set[int] = set()         # starts of agents that are the subject of another clause's verb
    foreign: set[int] = set()      # ... and of agents of another attack told after the trigger
    answering: list[tuple] = []    # mentions of forces that answered the attack
    for m in sorted(mentions, key=lambda m: m.start):
        rec = actors.get(m.actor or "")
        if not rec or rec.get("kind") not in PARTY_KINDS:
            continue
        if cue.CLAIMS.match(" ".join(t.text for t in tokens if t.idx >= m.end - sentence_start)):
            # "..., and al-Shabaab claimed responsibility for the blast": the claimant is the attacker,
            # even where the claim reads as a statement
            scored.append((0, m.actor, m.start, m.end))
            identified.add(m.actor)
            continue
        announces = cue.announces(tokens, m, sentence_start, trig)
        if not announces and (any(a <= m.start and m.end <= b for a, b in speakers)
                              or cue.reporting(tokens, m, sentence_start)):
            if cue.self_report(tokens, m, sentence_start, trig, roles.passive) and \
                    not _named_between(m, mentions, actors, trig_pos):
                # "the army said it repelled an attack by IS" tells of the side attacked
                scored.append((int(cue.answered_by_speaker(tokens, m, sentence_start, trigger_index)),
                               m.actor, m.start, m.end))
            continue
        if cue.speaker_qualifier(tokens, m, sentence_start):
            # "The Russian defence ministry said a frigate had fired": the state speaks of its own unit
            if cue.self_report(tokens, m, sentence_start, trig, roles.passive) and \
                    not _named_between(m, mentions, actors, trig_pos):
                # "the army said it repelled an attack by IS" tells of the side attacked
                scored.append((int(cue.answered_by_speaker(tokens, m, sentence_start, trigger_index)),
                               m.actor, m.start, m.end))
            continue
        if cue.not_a_party(tokens, m, sentence_start):
            continue
        prep = cue.preceding_word(tokens, m.start - sentence_start)
        before = m.end <= trig_pos
        if not before and (cue.new_clause(tokens, m, sentence_start, trigger_index)
                           or cue.past_a_report(tokens, m, sentence_start, trigger_index)):
            continue  # "X pounded the village, and that militiamen then went from house to house"
        if before and outside and prep not in _AGENT_PREP:
            continue  # "Asayish members inspect the car after the explosion": not the blast's agent
        if before and cue.subordinated(tokens, m, sentence_start, trigger_index) and \
                cue.VICTIM_CLAUSE.search(" ".join(t.text for t in tokens if t.idx < trig.idx)):
            # "Eight soldiers were killed when militants ambushed a convoy": the main clause's
            # victims are the trigger's patients
            scored.append((1, m.actor, m.start, m.end))
            continue
        if before and prep not in _AGENT_PREP:
            if cue.responds_elsewhere(tokens, m, sentence_start, clause):
                answering.append(m)
                continue  # "Police sealed off the area after a bomb exploded": not a side of the blast
            if cue.answers(tokens, m, sentence_start, trigger_index):
                answering.append(m)
                scored.append((1, m.actor, m.start, m.end))
                continue  # "Troops repelled an attack by Boko Haram": the side attacked
        if m.start in between:
            role = between[m.start]
        elif cue.IDENTIFIED.search(cue.left(tokens, m.start - sentence_start)) or cue.CLAIMS.match(
                " ".join(t.text for t in tokens if t.idx >= m.end - sentence_start)):
            role = 0  # "warplanes believed to be Russian", "Islamic State claims responsibility"
            identified.add(m.actor)
        elif relative and cue.antecedent(tokens, m, sentence_start, relative):
            role = int(roles.passive)  # "gunmen who had seized a school", "soldiers who were killed"
        elif m.start <= trig_pos < m.end and not roles.passive:
            role = 0  # the trigger names the agent's weapon: "Syrian warplanes", "Warplanes believed..."
        elif prep in ("and", "or", ",") and scored and cue.coordinated(tokens, scored[-1], m, sentence_start):
            # "against the police headquarters and the operations command"; an apposition
            # ("claimed by Islamic State's Afghan affiliate, ISIS-K") shares its head's role
            role = scored[-1][0]
        elif prep in _AGENT_PREP:
            role = int(cue.attacker_answered(tokens, m, sentence_start, trigger_index))
            if not roles.passive and cue.by_another_attack(tokens, m, sentence_start, trigger_index):
                foreign.add(m.start)
            if cue.led_by(tokens, m, sentence_start, trigger_index):
                identified.add(m.actor)  # "the battle led by the YPG": whoever stood before it did not lead it
        elif prep in _PATIENT_PREP:
            role = 1 if not (prep == "from" and before) else 0
        elif cue.possessive_of_trigger(tokens, m, sentence_start, trigger_index):
            role = 0
        elif before and not roles.passive and cue.object_of_verb(tokens, m, sentence_start, trigger_index):
            role = 1  # "troops attacked IS positions, killing 30": the object of the first verb
        elif before:
            role = 1 if roles.passive else 0
        else:
            role = 1
        if role == 0 and before and prep not in _AGENT_PREP and m.actor not in identified and \
                m.start - sentence_start < tokens[clause].idx and \
                not (relative and cue.antecedent(tokens, m, sentence_start, relative)):
            weak.add(m.start)  # "The government and rebels traded accusations after a rocket hit ..."
        scored.append((role, m.actor, m.start, m.end))
    subject = cue.antecedent_start(tokens, relative) if relative else clause
    # "... after gunmen attacked a checkpoint": the trigger's clause names its doer, if only generically
    unnamed_doer = bool(clause) and bool(UNKNOWN_AGENT_WORDS.search(" ".join(t.text for t in
                                                                          tokens[subject:trigger_index])))
    # "... after the brothers stormed the headquarters": the other clause's subject may be the one meant
    fallback = bool(clause) and not relative and cue.anaphoric_subject(tokens, clause, trigger_index)
    others = _fill_sides(roles, scored, identified, weak, foreign, trig_pos, unnamed_doer, fallback)
    _unnamed_sides(roles, tokens, trigger_index, subject,
                   [(m.start - sentence_start, m.end - sentence_start) for m in answering])
    if not (roles.civilians or roles.armed_victims):
        for _, aid, s, e in others:  # the other side, when the trigger's clause names no victim of its own
            if aid not in roles.agent.ids:
                roles.patient.add(aid, s, e)
    return roles


def _fill_sides(roles: Roles, scored: list[tuple[int, str, int, int]], identified: set[str], weak: set[int],
                foreign: set[int], trig_pos: int, unnamed_doer: bool = False,
                fallback: bool = False) -> list[tuple[int, str, int, int]]:
    """Order the scored mentions into the two sides. `weak` are the starts of agents that are the
    subjects of another clause than the trigger's, `foreign` of agents of another attack told after
    it; `unnamed_doer` tells that the trigger's own clause has a generic doer ("gunmen"), `fallback`
    that its subject points back to a name before ("the brothers"). Returns the weak agents that
    may be the other side."""
    # The first agent leads its side ("Malian troops backed by Wagner fighters took"); a "by" agent
    # of a passive trigger comes after it. An identification ("believed to be Russian", a claim)
    # overrides what the weapon word was taken for; the named group leads the generic word that only
    # describes it ("militants of the al-Qaeda-linked JNIM"). The subject of another clause is no
    # doer of the trigger, unless the trigger's subject points back to it and no other doer is named;
    # when the trigger's clause names a doer of its own ("Troops killed five fighters after militants
    # attacked a checkpoint", "... shelled rebel positions after an attack by HTS") it is the other
    # side, after the patients named around the trigger. Patients: the nearest to the trigger first.
    own = unnamed_doer or any(s[0] == 0 and s[2] not in weak | foreign for s in scored)
    agents = sorted((s for s in scored if s[0] == 0 and (s[2] not in weak or (fallback and not own))
                     and not (own and s[2] in foreign)),
                    key=lambda s: (s[1] not in identified, s[2] in foreign | weak,
                                   s[1].startswith("unidentified-armed-group"), s[2]))
    patients = sorted((s for s in scored if s[0] == 1 or (own and s[2] in foreign)),
                      key=lambda s: (s[0] == 0, abs(s[2] - trig_pos)))
    for _, aid, s, e in agents:
        roles.agent.add(aid, s, e)
    for _, aid, s, e in patients:
        if aid not in roles.agent.ids:
            roles.patient.add(aid, s, e)
    return [s for s in scored if s[0] == 0 and own and s[2] in weak]


def _unnamed_sides(roles: Roles, tokens: list, i: int, clause: int, answered: list[tuple[int, int]]) -> None:
    """The sides named only by a generic word: civilians, armed victims, unknown or state attackers, a
    crowd. `clause` is where the trigger's own clause begins (with its subject: "gunmen who ..."),
    `answered` are the paragraph spans of forces that only answered the attack."""
    text = " ".join(t.text for t in tokens)
    # Victims: after an active trigger ("killed four shepherds"), before a passive one ("four
    # shepherds were killed"); a noun right before the trigger names the target ("a market strike").
    victim_text = " ".join(t.text for t in (tokens[:i + 1] if roles.passive else tokens[i + 1:]))
    roles.civilians = _civilians_hit(victim_text, text)
    armed = ARMED_VICTIM_WORDS.search(victim_text)
    if armed:
        roles.armed_victims = "military" if armed.group("mil") else "police" if armed.group("pol") else "armed"
    # The doer's words stand in the trigger's own clause or "by" it ("an attack by jihadists"), not
    # among the forces that answered it
    near = tokens[i + 1:i + 6] if tokens[i].pos_ == "NOUN" and tokens[i + 1:i + 2] and \
        tokens[i + 1].text.lower() == "by" else []
    agent_text = " ".join(t.text for t in (tokens[i + 1:] if roles.passive else tokens[clause:i] + near)
                          if not any(a <= t.idx < b for a, b in answered))
    # "gunmen attacked the convoy" names the side that acted; "troops killed five militants" does not;
    # "troops repelled an attack" tells of an attacker nobody named
    roles.unknown_agent = bool(UNKNOWN_AGENT_WORDS.search(agent_text)) or (
        not roles.agent.ids and any(a < tokens[i].idx for a, _ in answered) and tokens[i].pos_ == "NOUN"
        and not clause)
    state = next((w for w in STATE_AGENT_WORDS.finditer(agent_text) if not _SPEAKING.match(agent_text, w.end())), None)
    if state and (not roles.passive or re.search(r"\bby\b", agent_text[:state.start()][-30:] or "")):
        roles.state_agent = "police" if state.group("pol") else "military"
    roles.crowd = protest_crowd(text)


# A civilian building alone ("bombed the mosque, destroying it") is property; ACLED names civilians
# as the target only when people there were harmed.
_CIVILIAN_PLACE = re.compile(r"^(?:market|school|hospital|clinic|mosque|church|bakery|homes?|houses?|"
                             r"neighbou?rhoods?|bus|hotels?|restaurants?|caf[eé]s?|shops?|shopping)$", re.IGNORECASE)
_HARM = re.compile(r"\b(?:kill\w*|dead|died|death|wound\w*|injur\w*|casualt\w*|bodies|victims|hurt|massacre\w*|"
                   r"executed|abduct\w*|kidnap\w*|rap(?:e|ed)|shot|stabb\w*)\b", re.IGNORECASE)


def _civilians_hit(victim_text: str, sentence: str) -> bool:
    found = [m.group() for m in CIVILIAN_WORDS.finditer(victim_text)]
    if any(not _CIVILIAN_PLACE.match(w) for w in found):
        return True
    return bool(found) and bool(_HARM.search(sentence))


# "police said", "the army spokesman", "The Police Public Relations Officer": the force as a source.
_SPEAKING = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:(?i:said|says|told|stated|added|reported|announced|"
                       r"spokes(?:man|woman|person)|officials?|commissioner|sources?|statement)\b|Officer\b)")


def _named_between(m, mentions: list, actors: dict, trig_pos: int) -> bool:
    """Whether another party is named between a speaker and the trigger ("the army said IS fighters
    attacked"): then the speaker only reports."""
    return any(o.actor != m.actor and m.end <= o.start < trig_pos
               and (actors.get(o.actor or "") or {}).get("kind") in PARTY_KINDS for o in mentions)

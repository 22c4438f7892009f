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
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    r"assailants?|attackers?|gunman|masked men|bandits|militants|a suicide bomber|bomber|insurgents)\b",
    re.IGNORECASE)
STATE_AGENT_WORDS = re.compile(
    r"\b(?:(?P<mil>government (?:troops|forces|soldiers)|(?:the )?army|troops|soldiers|security forces|"
    r"armed forces|military(?![-‑])|regime forces|junta)|(?P<pol>police(?:men)?|riot police|gendarmes?|"
    r"security services))\b", re.IGNORECASE)
# "crowd" alone is a protest crowd only beside a protest word; "opened fire on the crowd" at a gate is not.
PROTEST_WORDS = re.compile(r"\b(?:protesters|demonstrators|marchers|students|workers|supporters|"
                           r"residents|women|activists|opposition supporters)\b|"
                           r"\bcrowds?\b(?=.*\b(?:protest\w*|demonstrat\w*|rall\w*|march\w*|sit-in|chant\w*|"
                           r"slogans?|tear gas)\b)|\b(?:protest\w*|demonstrat\w*|rall\w*|march\w*|sit-in|chant\w*|"
                           r"slogans?|tear gas)\b.*\bcrowds?\b", re.IGNORECASE)

_AGENT_PREP = frozenset({"by"})
_PATIENT_PREP = frozenset({"against", "on", "targeting", "at", "with", "upon", "into", "from"})
_BE = frozenset({"was", "were", "been", "being", "is", "are", "be", "got"})


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
    roles.passive = _passive(tokens, trigger_index) or trig.text.lower() in _UNDERGONE
    text = " ".join(t.text for t in tokens)
    scored: list[tuple[int, str, int, int]] = []  # (role 0 agent / 1 patient, id, start, end)
    between = _between(tokens, mentions, sentence_start)
    outside = _after_the_fact(tokens, trigger_index)
    identified: set[str] = set()
    for m in sorted(mentions, key=lambda m: m.start):
        rec = actors.get(m.actor or "")
        if not rec or rec.get("kind") not in PARTY_KINDS:
            continue
        announces = _announces(tokens, m, sentence_start, trig)
        if not announces and (any(a <= m.start and m.end <= b for a, b in speakers)
                              or _reporting(tokens, m, sentence_start)):
            if _self_report(tokens, m, sentence_start, trig, roles.passive) and \
                    not _named_between(m, mentions, actors, trig_pos):
                scored.append((0, m.actor, m.start, m.end))
            continue
        if _speaker_qualifier(tokens, m, sentence_start):
            # "The Russian defence ministry said a frigate had fired": the state speaks of its own unit
            if _self_report(tokens, m, sentence_start, trig, roles.passive) and \
                    not _named_between(m, mentions, actors, trig_pos):
                scored.append((0, m.actor, m.start, m.end))
            continue
        if _not_a_party(tokens, m, sentence_start):
            continue
        prep = _preceding_word(tokens, m.start - sentence_start)
        before = m.end <= trig_pos
        if not before and (_new_clause(tokens, m, sentence_start, trigger_index)
                           or _past_a_report(tokens, m, sentence_start, trigger_index)):
            continue  # "X pounded the village, and that militiamen then went from house to house"
        if before and outside:
            continue  # "Asayish members inspect the car after the explosion": not the blast's agent
        if before and _subordinated(tokens, m, sentence_start, trigger_index) and \
                _VICTIM_CLAUSE.search(" ".join(t.text for t in tokens if t.idx < trig.idx)):
            # "Eight soldiers were killed when militants ambushed a convoy": the main clause's
            # victims are the trigger's patients
            scored.append((1, m.actor, m.start, m.end))
            continue
        if m.start in between:
            role = between[m.start]
        elif _IDENTIFIED.search(_left(tokens, m.start - sentence_start)) or _CLAIMS.match(
                " ".join(t.text for t in tokens if t.idx >= m.end - sentence_start)):
            role = 0  # "warplanes believed to be Russian", "Islamic State claims responsibility"
            identified.add(m.actor)
        elif m.start <= trig_pos < m.end and not roles.passive:
            role = 0  # the trigger names the agent's weapon: "Syrian warplanes", "Warplanes believed..."
        elif prep in ("and", "or", ",") and scored and _coordinated(tokens, scored[-1], m, sentence_start):
            # "against the police headquarters and the operations command"; an apposition
            # ("claimed by Islamic State's Afghan affiliate, ISIS-K") shares its head's role
            role = scored[-1][0]
        elif prep in _AGENT_PREP:
            role = 0
            if _led_by(tokens, m, sentence_start, trigger_index):
                identified.add(m.actor)  # "the battle led by the YPG": whoever stood before it did not lead it
        elif prep in _PATIENT_PREP:
            role = 1 if not (prep == "from" and before) else 0
        elif _possessive_of_trigger(tokens, m, sentence_start, trigger_index):
            role = 0
        elif before and not roles.passive and _object_of_verb(tokens, m, sentence_start, trigger_index):
            role = 1  # "troops attacked IS positions, killing 30": the object of the first verb
        elif before:
            role = 1 if roles.passive else 0
        else:
            role = 1
        scored.append((role, m.actor, m.start, m.end))
    # The first agent leads its side ("Malian troops backed by Wagner fighters took"); a "by" agent
    # of a passive trigger comes after it. Patients: the nearest after the trigger.
    agents = sorted((s for s in scored if s[0] == 0), key=lambda s: s[2])
    patients = sorted((s for s in scored if s[0] == 1), key=lambda s: abs(s[2] - trig_pos))
    # "militants of the al-Qaeda-linked JNIM": the named group leads, the generic word only describes it
    # and an identification ("believed to be Russian") overrides what the weapon word was taken for
    named = [a for a in agents if not a[1].startswith("unidentified-armed-group")]
    agents = named + [a for a in agents if a not in named]
    agents = [a for a in agents if a[1] in identified] + [a for a in agents if a[1] not in identified]
    for _, aid, s, e in agents:
        roles.agent.add(aid, s, e)
    for _, aid, s, e in patients:
        if aid not in roles.agent.ids:
            roles.patient.add(aid, s, e)
    # Victims: after an active trigger ("killed four shepherds"), before a passive one ("four
    # shepherds were killed"); a noun right before the trigger names the target ("a market strike").
    victim_text = " ".join(t.text for t in (tokens[:trigger_index + 1] if roles.passive
                                             else tokens[trigger_index + 1:]))
    roles.civilians = _civilians_hit(victim_text, text)
    armed = ARMED_VICTIM_WORDS.search(victim_text)
    if armed:
        roles.armed_victims = "military" if armed.group("mil") else "police" if armed.group("pol") else "armed"
    agent_text = " ".join(t.text for t in (tokens[trigger_index + 1:] if roles.passive else tokens[:trigger_index]))
    # "gunmen attacked the convoy" names the side that acted; "troops killed five militants" does not
    roles.unknown_agent = bool(UNKNOWN_AGENT_WORDS.search(agent_text))
    state = next((w for w in STATE_AGENT_WORDS.finditer(agent_text) if not _SPEAKING.match(agent_text, w.end())), None)
    if state and (not roles.passive or re.search(r"\bby\b", agent_text[:state.start()][-30:] or "")):
        roles.state_agent = "police" if state.group("pol") else "military"
    roles.crowd = bool(PROTEST_WORDS.search(text))
    return roles


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


_REPORT_AFTER = frozenset({"said", "says", "told", "reported", "announced", "stated", "claimed", "added",
                           "confirmed", "accused", "blamed"})


def _reporting(tokens: list, m, shift: int) -> bool:
    """"..., the army said", "according to the monitor": a source, not a party."""
    after = [t for t in tokens if t.idx >= m.end - shift][:2]
    if after and after[0].text.lower() in _REPORT_AFTER:
        return True
    before = _preceding_word(tokens, m.start - shift)
    return before in ("to",) and any(t.text.lower() == "according" for t in tokens
                                     if m.start - shift - 20 <= t.idx < m.start - shift)


_IDENTIFIED = re.compile(r"\b(?:believed|thought|suspected|presumed|said|reported|understood) to be(?: the)?\s*$|"
                         r"\bidentified as(?: the)?\s*$", re.IGNORECASE)
_CLAIMS = re.compile(r"^(?:\w+ ){0,2}?(?:claim(?:s|ed)?|took|takes|accepted) (?:responsibility|the (?:attack|bombing|"
                     r"killing|strike|blast))", re.IGNORECASE)


_SUBORDINATORS = frozenset({"when", "after", "as", "while", "because", "before", "since", "until"})
_VICTIM_CLAUSE = re.compile(r"\b(?:were|was|have been|had been|been)\s+(?:\w+\s+)?(?:killed|wounded|injured|"
                            r"hurt|shot|abducted|kidnapped|arrested)\b", re.IGNORECASE)


def _subordinated(tokens: list, m, shift: int, i: int) -> bool:
    """Whether a subordinating word stands between a mention before the trigger and the trigger."""
    return any(t.text.lower() in _SUBORDINATORS for t in tokens[:i] if t.idx >= m.end - shift)


def _left(tokens: list, char_pos: int) -> str:
    return " ".join(t.text for t in tokens if t.idx < char_pos)[-40:]


def _after_the_fact(tokens: list, i: int) -> bool:
    """"after the explosion", "following the attack": the trigger names an earlier incident as
    the time of another action, so whoever stands before it did that other action."""
    if tokens[i].pos_ not in ("NOUN", "PROPN"):
        return False
    for j in range(i - 1, max(-1, i - 4), -1):
        w = tokens[j].text.lower()
        if w in ("after", "following", "since", "before", "during"):
            return True
        if tokens[j].pos_ not in ("DET", "ADJ", "NOUN", "NUM"):
            return False
    return False


_PRONOUN_AGENT = frozenset({"it", "they", "we", "its", "their", "our"})
_NON_PARTY_HEAD = re.compile(r"^(?:capital|city|border|soil|territory|airspace|town|village|province|region|"
                             r"coast|officials?|spokes(?:man|woman|person)|sources?|media|television|tv|"
                             r"agency|ministry|embassy|envoy|president|minister|leader|government|"
                             # "contradicting US military statements": whose word it is, not a side
                             r"statements?|claims?|accounts?|reports?|version|narrative|figures|count)$", re.IGNORECASE)


# Unnamed units a state's own speaker tells of: "the defence ministry said a frigate had fired".
_OWN_UNITS = frozenset({"frigate", "frigates", "warship", "warships", "submarine", "navy", "warplanes", "warplane",
                        "jets", "aircraft", "planes", "drones", "drone", "helicopters", "helicopter", "artillery",
                        "troops", "soldiers", "units", "unit", "force", "forces", "gunboats", "batteries"})
_SPEAKER_HEADS = frozenset({"ministry", "military", "army", "command", "spokesman", "spokeswoman", "spokesperson",
                            "officials", "official", "headquarters", "staff", "office", "officer", "commissioner",
                            "chief", "director", "head", "department"})


def _self_report(tokens: list, m, shift: int, trig, passive: bool = False) -> bool:
    """"The General Command said on Thursday that its air force had carried out strikes", "Central
    Command said it had struck a vehicle", "the Russian defence ministry said a frigate had fired": a
    speaker who tells of its own action, or of an unnamed unit of its own, is its agent."""
    after = [t for t in tokens if m.end - shift <= t.idx < trig.idx]
    words = [t.text.lower() for t in after]
    verb = next((k for k, w in enumerate(words[:4]) if w in _REPORT_AFTER), None)
    if verb is None or any(w not in _SPEAKER_HEADS and t.pos_ not in ("NOUN", "ADJ", "PROPN", "PUNCT")
                           for w, t in zip(words[:verb], after)):
        return False
    rest = words[verb + 1:]
    if len(rest) > 14:
        return False
    if any(w in _PRONOUN_AGENT for w in rest):
        return True
    return not passive and "by" not in rest and any(w in _OWN_UNITS for w in rest)


def _speaker_qualifier(tokens: list, m, shift: int) -> bool:
    """"the Russian defence ministry said", "The Police Public Relations Officer in the state, SP
    Gambo Isah, said": a name that qualifies the speaker of a statement."""
    after = [t for t in tokens if t.idx >= m.end - shift][:12]
    if not after or after[0].pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    head = False
    for t in after:
        if t.text.lower() in _REPORT_AFTER:
            return head
        if t.pos_ in ("VERB", "AUX"):
            return False
        head = head or t.text.lower() in _SPEAKER_HEADS
    return False


def _announces(tokens: list, m, shift: int, trig) -> bool:
    """"The SDF announced the start of a campaign": when the reporting verb is itself the event's
    trigger, its speaker is the one who acted."""
    after = [t for t in tokens if t.idx >= m.end - shift and t.pos_ != "PUNCT"][:1]
    return bool(after) and after[0].idx == trig.idx and after[0].text.lower() in _REPORT_AFTER


def _named_between(m, mentions: list, actors: dict, trig_pos: int) -> bool:
    """Whether another party is named between a speaker and the trigger ("the army said IS fighters
    attacked"): then the speaker only reports."""
    return any(o.actor != m.actor and m.end <= o.start < trig_pos
               and (actors.get(o.actor or "") or {}).get("kind") in PARTY_KINDS for o in mentions)


_CLAUSE_OPENERS = frozenset({"while", "whereas", "but", "although", "though", ";"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _new_clause(tokens: list, m, shift: int, i: int) -> bool:
    """"... pounded the village, and that militiamen then went from house to house": a name after the
    trigger that opens a clause of its own (a clause word before it, a finite verb after it) is that
    clause's subject, not the trigger's patient."""
    gap = [t for t in tokens[i + 1:] if t.idx < m.start - shift]
    words = [t.text.lower() for t in gap]
    opened = any(w in _CLAUSE_OPENERS or (w == "that" and k > 0 and words[k - 1] in ("and", ",", "but"))
                 for k, w in enumerate(words))
    if not opened:
        return False
    after = [t for t in tokens if t.idx >= m.end - shift][:6]
    for t in after:
        if t.text in (",", ";", "."):
            return False
        if t.tag_ in _FINITE and t.pos_ in ("VERB", "AUX"):
            return True
    return False


_LED = frozenset({"led", "carried", "conducted", "launched", "claimed", "staged", "mounted", "waged", "spearheaded",
                  "executed", "out", "jointly", "reportedly"})


def _led_by(tokens: list, m, shift: int, i: int) -> bool:
    """"the offensive led by the SDF", "strikes carried out by the coalition": a "by" agent attached
    to the trigger noun itself."""
    if tokens[i].pos_ not in ("NOUN", "PROPN"):
        return False
    gap = [t.text.lower() for t in tokens[i + 1:] if t.idx < m.start - shift]
    if "by" not in gap:
        return False
    k = gap.index("by")
    return 0 < k <= 3 and all(w in _LED for w in gap[:k]) and len(gap) - k <= 3


_SAYING = frozenset({"said", "says", "told", "added", "stated", "reported", "confirmed", "announced"})


def _past_a_report(tokens: list, m, shift: int, i: int) -> bool:
    """"... killed 10 people, relatives said, contradicting US statements that the strike had stopped
    an Islamic State bomber": a name after the trigger and after a reporting verb belongs to what
    was said about the event, not to the event."""
    return any(t.pos_ == "VERB" and t.text.lower() in _SAYING for t in tokens[i + 1:] if t.idx < m.start - shift)


# Verbs whose object is still the doer of what follows: "accused the army of shelling", "saw
# soldiers fire", "ordered troops to attack".
_AGENT_OBJECT_VERBS = frozenset({"accused", "accuses", "accusing", "blamed", "blames", "blaming", "saw", "see",
                                 "sees", "watched", "heard", "said", "says", "told", "reported", "ordered",
                                 "sent", "deployed", "urged", "asked", "allowed", "helped", "led", "backed",
                                 "supported", "joined", "including", "involving"})


def _object_of_verb(tokens: list, m, shift: int, i: int) -> bool:
    """"Iraqi forces attacked IS positions, killing 30": a name before the trigger right after another
    verb is that verb's object, not the trigger's agent."""
    idx = next((k for k, t in enumerate(tokens) if t.idx >= m.start - shift), None)
    if idx is None or idx >= i:
        return False
    k = idx - 1
    while k >= 0 and (tokens[k].pos_ in ("DET", "ADJ", "NUM") or tokens[k].text in ("'s", "’s")):
        k -= 1
    if k < 1 or tokens[k].pos_ != "VERB" or tokens[k].tag_ not in ("VBD", "VBZ", "VBP", "VBG"):
        return False
    if tokens[k].text.lower() in _AGENT_OBJECT_VERBS | _REPORT_AFTER:
        return False
    follow = [t.text.lower() for t in tokens if t.idx >= m.end - shift][:1]
    return follow not in (["to"], ["into"], ["of"])


_QUALIFYING = frozenset({"linked", "backed", "affiliated", "allied", "aligned", "supported", "funded", "inspired",
                         "made", "built", "supplied", "manufactured"})


def _not_a_party(tokens: list, m, shift: int) -> bool:
    """"the Somali capital", "an Iraqi security official": a name that only qualifies a place or a
    speaker."""
    after = [t for t in tokens if t.idx >= m.end - shift][:3]
    if len(after) >= 2 and after[0].text in ("-", "‑", "–") and after[1].text.lower() in _QUALIFYING:
        return True  # "the al-Qaeda-linked JNIM", "Iran-backed militias"
    if not after or after[0].pos_ not in ("NOUN", "ADJ", "PROPN"):
        return False
    for t in after:
        if _NON_PARTY_HEAD.match(t.text):
            return True
        if t.pos_ != "ADJ" and t.text.lower() not in ("security", "defence", "defense", "military", "army"):
            return False
    return False


def _coordinated(tokens: list, prev: tuple, m, shift: int) -> bool:
    """Whether mention `m` follows the previously scored mention across only "and"/"or", articles
    and adjectives."""
    gap = [t for t in tokens if prev[3] - shift <= t.idx < m.start - shift]
    return 0 < len(gap) <= 4 and all(t.text.lower() in ("and", "or", ",") or t.pos_ in ("DET", "ADJ") for t in gap)


_UNDERGONE = frozenset({"died", "dies", "die", "dying", "perished", "succumbed", "drowned"})
_REDUCED_PARTICIPLES = frozenset({"killed", "wounded", "injured", "abducted", "kidnapped", "arrested", "attacked",
                                  "ambushed", "shelled", "targeted", "bombed", "struck", "hit", "seized", "captured"})
_REDUCED_AFTER = frozenset({"in", "by", "at", "near", "during", "as", "after", "when", "on", "outside"})


def _passive(tokens: list, i: int) -> bool:
    """"was attacked", "were reportedly killed", "had been shelled": a form of be before a participle;
    "Eight soldiers killed in ambush": a headline's participle after its noun, before a preposition."""
    if tokens[i].text.lower() in _REDUCED_PARTICIPLES and \
            0 < i < len(tokens) - 1 and tokens[i - 1].pos_ in ("NOUN", "PROPN") and \
            tokens[i + 1].text.lower() in _REDUCED_AFTER:
        return True
    if tokens[i].tag_ != "VBN":
        return False
    for j in range(i - 1, max(-1, i - 4), -1):
        w = tokens[j].text.lower()
        if w in _BE:
            return True
        if tokens[j].pos_ not in ("ADV", "AUX", "PART"):
            return False
    return False


def _preceding_word(tokens: list, char_pos: int) -> str | None:
    """The lower-cased word before the token starting at `char_pos`, skipping articles and adjectives."""
    idx = next((k for k, t in enumerate(tokens) if t.idx >= char_pos), None)
    if idx is None:
        return None
    for k in range(idx - 1, max(-1, idx - 4), -1):
        t = tokens[k]
        if t.pos_ in ("DET", "ADJ", "NUM") or t.text in ("'s", "’s"):
            continue
        return t.text.lower()
    return None


def _possessive_of_trigger(tokens: list, m, shift: int, i: int) -> bool:
    """"the coalition's air strike", "a Russian air strike": the actor modifies the trigger noun."""
    if tokens[i].pos_ not in ("NOUN", "PROPN"):
        return False
    end = m.end - shift
    if end > tokens[i].idx:
        return False  # after the trigger: "killed X, commander of Iran's Quds Force" is not the strike's owner
    gap = [t for t in tokens if end <= t.idx < tokens[i].idx]
    return len(gap) <= 2 and all(t.text in ("'s", "’s", "-", "led") or t.pos_ in ("NOUN", "ADJ", "PROPN")
                                 for t in gap)


def _between(tokens: list, mentions: list, shift: int) -> dict[int, int]:
    """"clashes between X and Y": X (document start offset) → agent, Y → patient."""
    out: dict[int, int] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        if _preceding_word(tokens, a.start - shift) == "between" and _preceding_word(tokens, b.start - shift) == "and":
            out[a.start], out[b.start] = 0, 1
    return out

"""Word-order cues for who did what in one event sentence: the predicates `arguments.read_roles` asks.

Responsible for small yes/no readings of a tagged sentence around one actor mention or the trigger:
whether a name is a source ("..., the army said"), qualifies a place or a speaker ("the Somali
capital"), is the object of an earlier verb, opens a clause of its own, leads an attack "by" it,
claims it, answers it ("troops repelled an attack", "police sealed off the area after a bomb
went off"), or whether the trigger is passive or stands in a clause with a subject of its own
("... after a car bomb exploded", "gunmen who had seized a school", "after the brothers stormed").
Not responsible for deciding roles from these cues (`arguments`) or for resolving names.

Tokens are spaCy-like (`text`, `pos_`, `tag_`, `idx`); `shift` turns a document offset into the
tokens' paragraph offsets (token offset = document offset - shift).
"""
from __future__ import annotations

import re

BE = frozenset({"was", "were", "been", "being", "is", "are", "be", "got"})

REPORT_AFTER = frozenset({"said", "says", "told", "reported", "announced", "stated", "claimed", "added",
                          "confirmed", "accused", "blamed"})


def reporting(tokens: list, m, shift: int) -> bool:
    """"..., the army said", "according to the monitor": a source, not a party."""
    after = [t for t in tokens if t.idx >= m.end - shift][:2]
    if after and after[0].text.lower() in REPORT_AFTER:
        return True
    before = preceding_word(tokens, m.start - shift)
    return before in ("to",) and any(t.text.lower() == "according" for t in tokens
                                     if m.start - shift - 20 <= t.idx < m.start - shift)


IDENTIFIED = re.compile(r"\b(?:believed|thought|suspected|presumed|said|reported|understood) to be(?: the)?\s*$|"
                        r"\bidentified as(?: the)?\s*$", re.IGNORECASE)
# "IS claimed responsibility", "the BLA said it had carried out the attack": the attack's own claimant
# "al-Shabaab claimed", "Boko Haram leader Abubakar Shekau claimed": a claim by the group or by its leader
CLAIMS = re.compile(r"^(?:(?:leader|chief|commander|spokes(?:man|person|woman)|head|emir|founder)\s+(?:[\w'’.-]+\s+){0,3}?|"
                    r"(?:\w+ ){0,2}?)(?:(?:claim(?:s|ed)?|took|takes|accepted) (?:responsibility|the (?:attack|bombing|"
                    r"killing|strike|blast))|(?:said|says|announced) (?:that )?(?:it|they) (?:had |has |have )?"
                    r"(?:carried out|staged|launched|was behind|were behind) (?:the|this|that) (?:attack|bombing|"
                    r"blast|assault|raid|ambush|explosion))", re.IGNORECASE)


SUBORDINATORS = frozenset({"when", "after", "as", "while", "because", "before", "since", "until"})
VICTIM_CLAUSE = re.compile(r"\b(?:were|was|have been|had been|been)\s+(?:\w+\s+)?(?:killed|wounded|injured|"
                           r"hurt|shot|abducted|kidnapped|arrested)\b", re.IGNORECASE)


def subordinated(tokens: list, m, shift: int, i: int) -> bool:
    """Whether a subordinating word stands between a mention before the trigger and the trigger."""
    return any(t.text.lower() in SUBORDINATORS for t in tokens[:i] if t.idx >= m.end - shift)


def left(tokens: list, char_pos: int) -> str:
    return " ".join(t.text for t in tokens if t.idx < char_pos)[-40:]


def after_the_fact(tokens: list, i: int) -> bool:
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
_PROCLAIMING = frozenset({"announced", "declared", "proclaimed", "celebrated", "hailed"})
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


def self_report(tokens: list, m, shift: int, trig, passive: bool = False) -> bool:
    """"The General Command said on Thursday that its air force had carried out strikes", "Central
    Command said it had struck a vehicle", "the Russian defence ministry said a frigate had fired": a
    speaker who tells of its own action, or of an unnamed unit of its own, is its agent."""
    after = [t for t in tokens if m.end - shift <= t.idx < trig.idx]
    words = [t.text.lower() for t in after]
    verb = next((k for k, w in enumerate(words[:4]) if w in REPORT_AFTER), None)
    if verb is None or any(w not in _SPEAKER_HEADS and w not in ("'s", "’s")
                           and t.pos_ not in ("NOUN", "ADJ", "PROPN", "PUNCT")
                           for w, t in zip(words[:verb], after)):
        return False
    if words[verb] in _PROCLAIMING and trig.pos_ in ("NOUN", "PROPN") and \
            all(t.pos_ in ("DET", "PUNCT") for t in after[verb + 1:]):
        return True  # "The SNA announced the 'liberation' of Tal Rifaat": a gain proclaimed by its winner
    rest = words[verb + 1:]
    if len(rest) > 14:
        return False
    if any(w in _PRONOUN_AGENT for w in rest):
        return True
    return not passive and "by" not in rest and any(w in _OWN_UNITS for w in rest)


def speaker_qualifier(tokens: list, m, shift: int) -> bool:
    """"the Russian defence ministry said", "The Police Public Relations Officer in the state, SP
    Gambo Isah, said": a name that qualifies the speaker of a statement."""
    after = [t for t in tokens if t.idx >= m.end - shift][:12]
    if not after or after[0].pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    head = False
    for t in after:
        if t.text.lower() in REPORT_AFTER:
            return head
        if t.pos_ in ("VERB", "AUX"):
            return False
        head = head or t.text.lower() in _SPEAKER_HEADS
    return False


def announces(tokens: list, m, shift: int, trig) -> bool:
    """"The SDF announced the start of a campaign": when the reporting verb is itself the event's
    trigger, its speaker is the one who acted."""
    after = [t for t in tokens if t.idx >= m.end - shift and t.pos_ != "PUNCT"][:1]
    return bool(after) and after[0].idx == trig.idx and after[0].text.lower() in REPORT_AFTER



_CLAUSE_OPENERS = frozenset({"while", "whereas", "but", "although", "though", ";"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def new_clause(tokens: list, m, shift: int, i: int) -> bool:
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


def led_by(tokens: list, m, shift: int, i: int) -> bool:
    """"the offensive led by the SDF", "strikes carried out by the coalition": a "by" agent attached
    to the trigger noun itself."""
    if tokens[i].pos_ not in ("NOUN", "PROPN"):
        return False
    gap = [t.text.lower() for t in tokens[i + 1:] if t.idx < m.start - shift]
    if "by" not in gap:
        return False
    k = gap.index("by")  # "a siege by al-Shabaab gunmen" (k = 0), "strikes carried out by" (k = 2)
    return k <= 3 and all(w in _LED for w in gap[:k]) and len(gap) - k <= 3


_SAYING = frozenset({"said", "says", "told", "added", "stated", "reported", "confirmed", "announced"})


def past_a_report(tokens: list, m, shift: int, i: int) -> bool:
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


def object_of_verb(tokens: list, m, shift: int, i: int) -> bool:
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
    if tokens[k].text.lower() in _AGENT_OBJECT_VERBS | REPORT_AFTER:
        return False
    follow = [t.text.lower() for t in tokens if t.idx >= m.end - shift][:4]
    if follow[:1] in (["'s"], ["’s"]) and ATTACK_NOUNS & set(follow[1:]):
        return False  # "troops ended al-Shabaab's siege": the object is the siege, the name leads it
    return follow[:1] not in (["to"], ["into"], ["of"])


_QUALIFYING = frozenset({"linked", "backed", "affiliated", "allied", "aligned", "supported", "funded", "inspired",
                         "made", "built", "supplied", "manufactured"})


def not_a_party(tokens: list, m, shift: int) -> bool:
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


def coordinated(tokens: list, prev: tuple, m, shift: int) -> bool:
    """Whether mention `m` follows the previously scored mention across only "and"/"or", articles
    and adjectives."""
    gap = [t for t in tokens if prev[3] - shift <= t.idx < m.start - shift]
    return 0 < len(gap) <= 4 and all(t.text.lower() in ("and", "or", ",") or t.pos_ in ("DET", "ADJ") for t in gap)


UNDERGONE = frozenset({"died", "dies", "die", "dying", "perished", "succumbed", "drowned"})
_REDUCED_PARTICIPLES = frozenset({"killed", "wounded", "injured", "abducted", "kidnapped", "arrested", "attacked",
                                  "ambushed", "shelled", "targeted", "bombed", "struck", "hit", "seized", "captured"})
_REDUCED_AFTER = frozenset({"in", "by", "at", "near", "during", "as", "after", "when", "on", "outside"})


def passive(tokens: list, i: int) -> bool:
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
        if w in BE:
            return True
        if tokens[j].pos_ not in ("ADV", "AUX", "PART"):
            return False
    return False


def preceding_word(tokens: list, char_pos: int) -> str | None:
    """The lower-cased word before the token starting at `char_pos`, skipping articles and adjectives."""
    idx = next((k for k, t in enumerate(tokens) if t.idx >= char_pos), None)
    if idx is None:
        return None
    for k in range(idx - 1, max(-1, idx - 4), -1):
        t = tokens[k]
        if t.pos_ in ("DET", "ADJ", "NUM") or t.text in ("'s", "’s") or t.text in _QUOTE_MARKS:
            continue  # "from 'PKK terrorists'": a scare quote stands between the word and its name
        return t.text.lower()
    return None


_QUOTE_MARKS = frozenset({"'", '"', "‘", "’", "“", "”", "«", "»", "``", "''"})


def possessive_of_trigger(tokens: list, m, shift: int, i: int) -> bool:
    """"the coalition's air strike", "a Russian air strike": the actor modifies the trigger noun."""
    if tokens[i].pos_ not in ("NOUN", "PROPN"):
        return False
    end = m.end - shift
    if end > tokens[i].idx:
        return False  # after the trigger: "killed X, commander of Iran's Quds Force" is not the strike's owner
    gap = [t for t in tokens if end <= t.idx < tokens[i].idx]
    return len(gap) <= 2 and all(t.text in ("'s", "’s", "-", "led") or t.pos_ in ("NOUN", "ADJ", "PROPN")
                                 for t in gap)


def between(tokens: list, mentions: list, shift: int) -> dict[int, int]:
    """"clashes between X and Y": X (document start offset) → agent, Y → patient."""
    out: dict[int, int] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        if preceding_word(tokens, a.start - shift) == "between" and preceding_word(tokens, b.start - shift) == "and":
            out[a.start], out[b.start] = 0, 1
    return out


# -- answering an attack -------------------------------------------------------------------------------
# Forces that end, repel or clear up after an attack are named as the subject of their own verb in the
# same sentence as the attack; a reader takes them for the side attacked, never for the attacker.

ATTACK_NOUNS = frozenset({"attack", "attacks", "siege", "assault", "offensive", "raid", "raids", "ambush",
                          "bombing", "bombings", "incursion", "onslaught", "takeover", "standoff", "rampage"})
_SUFFIX = r"(?:e|es|s|ed|d|ing|led|ling|ped|ping|en)?$"
# Verbs whose object is the attack itself: "repelled an attack", "ended a siege", "responded to a raid".
_ENDING = re.compile(r"^(?:end|repel|repuls|foil|thwart|respond|quell|lift|neutrali[sz]|prevent|avert|disrupt|stop|"
                     r"halt|broke|break|fend|fought|fight|beat|push|drove|drive|counter)" + _SUFFIX, re.IGNORECASE)
# ... and verbs of what forces do once an attack is over: "police sealed off the area after a bomb went off".
_AFTERMATH = re.compile(r"^(?:rescu|free|evacuat|cordon|seal|secur|defus|intercept|regain|clear|arrest|detain|rush|"
                        r"arriv)" + _SUFFIX, re.IGNORECASE)
# A verb that answers only with its particle: "beat back", "fought off", not "fighting broke out".
_NEEDS_PARTICLE = re.compile(r"^(?:broke|break|fend|fought|fight|beat|push|drove|drive)", re.IGNORECASE)
_PARTICLES = frozenset({"back", "off", "up"})
_NP = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"})


def _answering(tokens: list, k: int, stop: int, aftermath: bool = True) -> int | None:
    """Index of the verb that answers an attack, when the phrase ending at token `k` is its subject:
    the first verb after it ("troops repelled"), or that verb's purpose ("stormed the hotel to end")."""
    verbs = [j for j in range(k + 1, stop) if tokens[j].pos_ == "VERB"]
    if not verbs:
        return None
    first = verbs[0]
    if any(tokens[j].text in (",", ";", "(") for j in range(k + 1, first)):
        return None  # an apposition or aside stands between: whose verb it is is not clear
    tried = [first]
    if len(verbs) > 1 and tokens[verbs[1] - 1].text.lower() == "to" and \
            not any(t.text in (",", ";") for t in tokens[first:verbs[1]]):
        tried.append(verbs[1])
    for j in tried:
        word, after = tokens[j].text, (tokens[j + 1].text.lower() if j + 1 < len(tokens) else "")
        answering = _ENDING.match(word) or (aftermath and _AFTERMATH.match(word))
        if answering and after != "out" and (after in _PARTICLES or not _NEEDS_PARTICLE.match(word)):
            return j
    return None


def _last_token(tokens: list, m, shift: int) -> int | None:
    return next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].idx < m.end - shift), None)


def answers_trigger(tokens: list, k: int, i: int) -> bool:
    """"Nigerian troops repelled an attack by Boko Haram", "police foiled a raid": the phrase ending at
    token `k` is the subject of a verb whose object is the trigger noun: the side attacked."""
    if tokens[i].pos_ not in ("NOUN", "PROPN") or k >= i:
        return False
    v = _answering(tokens, k, i, aftermath=False)
    if v is None:
        return False
    gap = tokens[v + 1:i]
    if gap and gap[0].text.lower() in _PARTICLES | {"to"}:
        gap = gap[1:]  # "beat back an assault", "responded to an attack"
    return all(t.pos_ in _NP or t.text in ("-", "‑", "'s", "’s") for t in gap)


def answers(tokens: list, m, shift: int, i: int) -> bool:
    k = _last_token(tokens, m, shift)
    return k is not None and answers_trigger(tokens, k, i)


def answered_by_speaker(tokens: list, m, shift: int, i: int) -> bool:
    """"The army said it had repelled an attack by IS": the speaker told of answering the attack."""
    k = next((j for j in range(i) if tokens[j].idx >= m.end - shift and tokens[j].text.lower() in _PRONOUN_AGENT),
             None)
    while k is not None and k + 1 < i and tokens[k + 1].pos_ in ("NOUN", "ADJ", "PROPN"):
        k += 1  # "its forces", "their troops"
    return k is not None and answers_trigger(tokens, k, i)


def own_clause(tokens: list, i: int) -> int:
    """Index of the subordinating word that opens the trigger's clause when that clause has a subject
    of its own ("... after a suicide car bomb exploded at the gate", "when militants detonated"), else 0.
    Names before it are the subjects and objects of another verb, not the trigger's."""
    s = next((j for j in range(i - 1, -1, -1) if tokens[j].text.lower() in SUBORDINATORS), None)
    if not s or tokens[s + 1].pos_ not in _NP:
        return 0  # "after detonating a bomb": the main clause's subject is the trigger's too
    finite = lambda t: t.tag_ in _FINITE and t.pos_ in ("VERB", "AUX")  # noqa: E731
    f = next((j for j in range(s + 1, i + 1) if finite(tokens[j])), None)
    if f is not None:
        # "went door to door after a battle with X and shot dead ...", "after fierce battles with X, a
        # source declared": a verb joined by "and" or past a comma is the main clause's, the words
        # after the subordinating word only a phrase
        if any(t.text in (",", ";") for t in tokens[s + 1:f]):
            return 0
        j = f - 1
        while j > s and tokens[j].pos_ in ("ADV", "AUX"):
            j -= 1
        return 0 if tokens[j].pos_ in ("CCONJ", "PUNCT") else s
    if tokens[i].pos_ in ("NOUN", "PROPN") and all(t.pos_ in _NP or t.text in ("-", "‑", "'s", "’s")
                                                   for t in tokens[s + 1:i]):
        for t in tokens[i + 1:i + 10]:  # the trigger heads the clause's subject: "a car bomb planted by X exploded"
            if t.text in (",", ";", ".") or t.text.lower() in SUBORDINATORS:
                break
            if finite(t):
                return s
    return 0


def responds_elsewhere(tokens: list, m, shift: int, clause: int) -> bool:
    """"Police sealed off the area after a bomb exploded", "Security forces ended the siege, ..., after
    a car bomb went off": the subject of an answering verb outside the trigger's own clause."""
    k = _last_token(tokens, m, shift)
    return bool(clause) and k is not None and k < clause and _answering(tokens, k, clause) is not None


def attacker_answered(tokens: list, m, shift: int, i: int) -> bool:
    """"The army said it had repelled an attack by Boko Haram": when the trigger is the answer and its
    object the attack, the name "by" which the attack came is the other side, not the trigger's ally."""
    if tokens[i].pos_ != "VERB" or not _ENDING.match(tokens[i].text):
        return False
    gap = [t for t in tokens[i + 1:] if t.idx < m.start - shift]
    k = next((j for j, t in enumerate(gap) if t.text.lower() == "by"), None)
    return k is not None and any(t.text.lower() in ATTACK_NOUNS for t in gap[:k]) and \
        all(t.pos_ in _NP or t.text in ("-", "‑", "'s", "’s", "by") or t.text.lower() in _PARTICLES | {"to"}
            for t in gap)


def by_another_attack(tokens: list, m, shift: int, i: int) -> bool:
    """"Regime forces shelled rebel positions after an attack by HTS": a name "by" which another attack
    than the trigger came, after the trigger."""
    k = next((j for j, t in enumerate(tokens) if t.idx >= m.start - shift), None)
    if k is None or k <= i + 1:
        return False
    j = k - 1
    while j > i and tokens[j].pos_ in ("DET", "ADJ", "NUM"):
        j -= 1
    return tokens[j].text.lower() == "by" and j - 1 > i and tokens[j - 1].text.lower() in ATTACK_NOUNS


def relative_clause(tokens: list, i: int) -> int:
    """Index of "who"/"which" when the trigger verb is its clause's verb ("Boko Haram gunmen who had
    seized a school"): the name before it is the trigger's subject, the main clause's are not. Else 0."""
    if tokens[i].pos_ != "VERB":
        return 0
    r = i - 1
    while r > 0 and tokens[r].pos_ in ("AUX", "ADV", "PART"):
        r -= 1
    if r < 1 or tokens[r].tag_ not in ("WP", "WDT") or tokens[r].text.lower() not in ("who", "which", "that"):
        return 0
    before = tokens[r - 2] if tokens[r - 1].text == "," and r > 1 else tokens[r - 1]
    return r if before.pos_ in ("NOUN", "PROPN") else 0


def antecedent(tokens: list, m, shift: int, r: int) -> bool:
    """Whether mention `m` heads the noun before the relative pronoun at `r`: "Boko Haram gunmen who",
    "the militia, which"."""
    k = _last_token(tokens, m, shift)
    gap = tokens[k + 1:r] if k is not None and k < r else None
    if gap and gap[-1].text == ",":
        gap = gap[:-1]
    return gap is not None and len(gap) <= 2 and all(t.pos_ == "NOUN" for t in gap)


def antecedent_start(tokens: list, r: int) -> int:
    """Index of the first word of the noun phrase the relative pronoun at `r` stands for ("masked
    gunmen who ...")."""
    j = r - 2 if tokens[r - 1].text == "," else r - 1
    while j > 0 and r - j < 5 and tokens[j - 1].pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        j -= 1
    return j


_ANAPHORS = frozenset({"the", "these", "those", "they", "he", "she", "its", "their", "his"})
_WEAPONS = re.compile(r"^(?:bombs?|explosi\w+|blasts?|rockets?|missiles?|shells?|mortars?|mines?|landmines?|devices?|"
                      r"ieds?|grenades?|drones?|strikes?|airstrikes?|shelling|vehicles?|cars?|trucks?)$", re.IGNORECASE)


def anaphoric_subject(tokens: list, s: int, i: int) -> bool:
    """"..., after the brothers stormed the headquarters": the subject of the trigger's clause (opened
    at `s`) points back to someone named before ("the", "they") rather than naming a new doer ("a
    rocket hit", "militants attacked") or a weapon ("the bomb went off")."""
    if tokens[s + 1].text.lower() not in _ANAPHORS:
        return False
    words = []
    for t in tokens[s + 1:i + 1]:
        if t.tag_ in _FINITE and t.pos_ in ("VERB", "AUX"):
            break
        words.append(t.text)
    return not any(_WEAPONS.match(w) for w in words)

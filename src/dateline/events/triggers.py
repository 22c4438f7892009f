"""Event triggers and the cues that cancel them, read from POS tags and token order alone.

Responsible for: finding the word that signals an event in a sentence (`find_trigger`) and deciding
whether the sentence asserts that the event happened (`assertion`): not a plan, threat,
hypothetical, negation, denial, generic trend, call for action or question. Not responsible for the
sub-event type (the classifier and `coding_rules`) or for arguments (`arguments`).

Why no dependency parse: the cues that matter sit within a few tokens of the trigger ("will
attack", "did not shell", "plans to storm", "denied bombing"), and reading them from token order
keeps the stage usable with a tagger + sentence splitter only (the parser is ~40% of spaCy's time).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Word forms that signal a concrete event; a word may signal several sub-types, the classifier
# decides which. Ordered strongest first: the first family that matches a token wins the trigger.
_STRONG = (
    r"kill(?:ed|ing|s)?|attack(?:ed|ing|s)?|clash(?:ed|es|ing)?|fought|fighting|battle[ds]?|ambush(?:ed|es)?|"
    r"shell(?:ed|ing|s)?|bomb(?:ed|ing|ings|s)?|air ?strikes?|airstrikes?|strikes?|struck|raid(?:ed|s)?|"
    r"shot|shooting|shoot|opened|fired|gunned|massacre[ds]?|execut(?:ed|ion|ions)|behead(?:ed|ing)|"
    r"abduct(?:ed|ion|ions)|kidnap(?:ped|ping|pings)?|arrest(?:ed|s)?|detain(?:ed)?|rounded|"
    r"seiz(?:ed|ure)|captur(?:ed|e)|overr(?:an|un)|stormed|recaptur(?:ed|e)|retook|liberat(?:ed|ion)|"
    r"protest(?:ed|s|ers|ing)?|demonstrat(?:ed|ion|ions|ors|ing)|rall(?:ied|y|ies|ying)|march(?:ed|es|ing)?|sit-in|staged|"
    r"block(?:ed|ing|aded)|"
    r"riot(?:ed|s|ers|ing)?|loot(?:ed|ing)|torch(?:ed)|burn(?:ed|t)|demolish(?:ed)|destroy(?:ed)|"
    r"blew|explo(?:ded|sion|sions|sive)|detonat(?:ed|ion)|withdr(?:ew|awn|awal)|pulled|handed|"
    r"defus(?:ed)|dismantled|intercept(?:ed|ion)|foiled|shot down|rap(?:e|ed)|lynch(?:ed|ing)|"
    r"dispers(?:ed|e)|ceasefire|truce|agreement|deal|relocat(?:ed|ion)|mov(?:ed|ing)|evacuat(?:ed|ion)|"
    r"transferr(?:ed|ing)|formed|formation|merg(?:ed|er)|defect(?:ed|ion)|reinforcements?|curfew|"
    r"grave|besieg(?:ed)|siege|hit|targeted|wounded|injured|died|dead|mortars?|rockets?|missiles?|"
    r"grenades?|landmine|mine|ied|blast|assassinat(?:ed|ion)|murder(?:ed)?|took|seized|entered|"
    r"gathered|took to|swept|overran|surrender(?:ed)|dropped|launched|assaulted|stabbed|beat(?:en)?|"
    r"sarin|chlorine|gas|vbied|clearing|cleansed|regained|restored|expelled|drove|set up|established|"
    r"confiscat(?:ed|ion)|plunder(?:ed)|set|lobbed|hurled|threw|disappear(?:ed|ance)|control|"
    r"exchange|firefight|offensive|advance[ds]?|pounded|ripped|tore|exploded|landed|fell|arrived|pushed|ousted|"
    r"deployed|deployment|redeploy\w*|sent|closed|closure|declared|imposed|found|discovered|appointed|"
    r"recruit\w*|conscript\w*|flown|brought|dissolved|split|joined|swap|exchange|released|freed|"
    r"signed|ordered|blockade|besieging|banned|evicted|expelled|displaced|rocked|gunfire|opened fire|"
    # headline present tense and the forms of forced movement
    r"transfers?|evacuates?|seizes?|captures?|storms?|executes?|executing|expels?|expelling|"
    r"forced|forcibly|distribut(?:ed|es|ing)|deport(?:ed|s|ing|ation)|"
    # a group changing shape, as headlines tell it
    r"dissolution|disband(?:ed|s|ing)?|appoints?|appointment|merges?|splits|"
    # gerunds that accusations and claims put the event in: "accused the militia of raping",
    # "charged with abducting", "responsible for storming the prison"
    r"raping|torching|abducting|detaining|arresting|storming|seizing|capturing|"
    r"ambushing|raiding|assassinating|murdering|massacring|assaulting|stabbing")
TRIGGER = re.compile(rf"^(?:{_STRONG})$", re.IGNORECASE)


@lru_cache(maxsize=50_000)
def is_trigger(word: str) -> bool:
    """Whether a word is an event word (`TRIGGER`), remembered: asked of every token of every sentence."""
    return TRIGGER.match(word) is not None

MODALS = frozenset({"will", "would", "could", "might", "may", "should", "shall", "can", "must", "'ll", "wo"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Verbs and nouns that put what follows them in the future, in doubt, or in someone's mouth only.
IRREALIS = re.compile(
    r"^(?:plan(?:s|ned|ning)?|threat(?:en|ens|ened|ening)?|vow(?:s|ed)?|intend(?:s|ed)?|intention|"
    r"prepar(?:e|es|ed|ing)|warn(?:s|ed|ing)?|pledg(?:e|es|ed)|promis(?:e|es|ed)|aim(?:s|ed)?|"
    r"seek(?:s|ing)?|hope(?:s|d)?|want(?:s|ed)?|expect(?:s|ed)?|fear(?:s|ed)?|urg(?:e|es|ed)|"
    r"call(?:s|ed)?|demand(?:s|ed)?|den(?:y|ies|ied)|refut(?:e|es|ed)|reject(?:s|ed)?|dismiss(?:es|ed)|"
    r"prevent(?:ed)?|avert(?:ed)?|spar(?:e|es|ed|ing)|avoid(?:s|ed|ing)?|evad(?:e|es|ed|ing)|rumou?rs?|ready|readiness|order(?:s|ed)?|tr(?:y|ies)|"
    r"allow(?:s|ed)?|trying|attempt(?:s|ed|ing)?|risk|likely|unlikely|possible|possibility|prospect|if|unless|whether|"
    r"investigat(?:e|ion)|probe|talk(?:s|ed)?|spoke|speak(?:s)?|ahead|upcoming|next|planned|proposed|potential|would-be)$",
    re.IGNORECASE)
GENERIC = re.compile(
    r"\b(?:every (?:day|night|morning|week|month)|daily|nightly|routinely|regularly|frequently|often|"
    r"continue[sd]? to|continuing|ongoing|almost every|have been (?:\w+ing)|has been (?:\w+ing)|"
    r"in recent (?:days|weeks|months|years)|(?:over|in) the (?:past|last) (?:few |several )?(?:days|weeks|months|years)|"
    r"intensifie[sd]|stepped up|every time|whenever|rarely|seldom|usually|typically|tend to|"
    r"since the (?:start|beginning)|so far this year|a total of|in total|tolls? (?:for|of) the|"
    r"campaign has|since (?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|\d{4}))\b", re.IGNORECASE)
# Verbs that tell who said something, never what happened, and verbs of going somewhere: "soldiers fled
# towards the base" is the aftermath of the fall the report tells elsewhere. Neither stands in for a
# missing event word.
NOT_EVENT_VERBS = frozenset({"said", "told", "added", "reported", "announced", "stated", "claimed", "confirmed",
                             "noted", "explained", "according", "wrote", "tweeted", "posted", "declared", "quoted",
                             "cited", "described", "insisted", "argued", "warned", "denied", "alleged", "accused",
                             "fled", "escaped", "headed", "went", "came", "arrived", "returned", "travelled",
                             "traveled"})
# Earlier events told as background to the news: "came a day after", "followed weeks of", "had
# earlier killed", "last year". "Last month" and "earlier this month" are left to the resolved date
# (`timing.is_background`): "troops recaptured Hish earlier this month" is often still news.
BACKGROUND = re.compile(
    r"\b(?:(?:came|comes|follow(?:s|ed|ing)?)\b[^.;]{0,40}\b(?:after|weeks? of|days? of|months? of)|"
    r"(?:a|one|two|three|four|five|six|several|few|\d+) (?:(?:days?|weeks?) (?:after|before)|"
    r"(?:months?|years?|decades?) (?:after|before|earlier|ago))|had (?:\w+ )?(?:earlier|previously|already)|previously|"
    r"last year)", re.IGNORECASE)
# A trend word pinned to one day tells that day's fighting: "clashes intensified on Thursday around the base".
_TREND = re.compile(r"^(?:intensifie[sd]|stepped up)$", re.IGNORECASE)
_ONE_DAY = re.compile(r"\b(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|today|tonight|yesterday|"
                      r"overnight|last night|this (?:morning|afternoon|evening)|at (?:dawn|dusk|noon))\b", re.IGNORECASE)
# What marks a line as breaking news, where the present tense tells what just happened:
# "JUST IN: ...", "... in #Karbala", "Russian jets hit X now".
_NEWS_NOW = re.compile(r"^\W*(?:just in|breaking|urgent|update|watch)\b|#\w|\b(?:today|tonight|just now|right now|"
                       r"this (?:morning|afternoon|evening))\b", re.IGNORECASE)
_ANNOUNCING = re.compile(r"^(?:announc|declar|reveal|unveil|vow|confirm)\w*$", re.IGNORECASE)
_INTENT = re.compile(r"^(?:readiness|plans?|intentions?|intent|willingness|preparations?|decision|bid|goal|aim)$",
                     re.IGNORECASE)
# Disasters, accidents and illness kill without a conflict actor; ACLED codes none of them (an unexplained
# blast at an arms depot is its "Other", and that names the depot).
_MISHAP = re.compile(r"\b(?:earthquakes?|quakes?|floods?|flooding|flash floods?|landslides?|mudslides?|cyclones?|"
                     r"lightning|(?:chlorine|ammonia|chemical|gas|fuel) leaks?|gas explosions?|capsiz\w+|"
                     r"(?:tanker|lorry|truck|bus|boat|ferry|train) (?:overturned|capsized|crashed|derailed|collided|caught fire)|"
                     r"(?:building|bridge|roof|mine) collapsed?|collapse of (?:a|the) (?:building|bridge|roof)|"
                     r"hurricanes?|typhoons?|tornado(?:e?s)?|heatwaves?|droughts?|wildfires?|forest fires?|"
                     r"heart attack|cardiac arrest|traffic (?:accident|collision)s?|road (?:accident|crash)(?:es)?|"
                     r"car crash|bus crash|gas leak|short circuit|(?:oxygen|gas) cylinders?|boilers?|"
                     r"(?:factory|mine|refinery|plant) (?:explosion|blast|fire)|firecracker factory|fireworks? factory|"
                     r"stampede|epidemic|cholera|dengue|covid(?:-19)?)\b", re.IGNORECASE)
# Weapons fired at no one: drills, test firings, training ranges, parades of hardware
_EXERCISE = re.compile(r"\b(?:(?:military|naval|joint|live-fire|war|air defen[cs]e|missile) (?:drills?|exercises?)|drills|"
                       r"exercises|war games|manoeuvres|maneuvers|test-fir(?:ed|es|ing)|test[- ]launch\w*|"
                       r"(?:tested|testing|tests) (?:an? |the |its )?(?:new |latest )?(?:[\w-]+ ){0,2}?(?:missiles?|rockets?|drones?|"
                       r"weapons?|systems?)|training (?:range|ground|exercise|session)s?|practi[sc](?:ed|ing|es) (?:\w+ )?"
                       r"(?:throwing|firing|shooting|drills?|assaults?|clearing)|mock (?:targets?|attacks?|assaults?)|"
                       r"simulated (?:attacks?|assaults?|strikes?|raids?))\b", re.IGNORECASE)
# what any match of `_EXERCISE` / `_ARMS_TRADE` contains: a substring test spares most sentences the regex
_EXERCISE_WORDS = ("drill", "exercise", "war game", "manoeuvre", "maneuver", "test", "training", "practi", "mock ",
                   "simulated")
_TRADE_WORDS = ("bought", "buy", "purchas", "procur", "acquir", "sold", "sell", "deal", "contract", "agreement",
                "order")
_CASUALTY = re.compile(r"\b(?:kill\w*|dead|died|deaths?|wounded|injur\w+|casualt\w+)\b", re.IGNORECASE)
# Weapons changing hands by sale or supply: "bought 5,000 tear-gas canisters", "a deal to supply TB2 drones"
_ARMS_TRADE = re.compile(r"\b(?:bought|buys?|buying|purchas\w+|procur\w+|acquir(?:ed|es|ing)|sold|sells?|selling|"
                         r"(?:deal|contract|agreement|order) (?:\w+ ){0,2}?(?:to (?:supply|buy|sell|deliver|purchase)|for))\s+"
                         r"(?:[\w'’,-]+\s+){0,5}?(?:drones?|missiles?|rockets?|(?:fighter )?jets|aircraft|tanks|weapons|arms|"
                         r"ammunition|canisters|shields|grenades|artillery|howitzers|launchers?|(?:air )?defen[cs]e systems?|"
                         r"helicopters|warships|rifles)\b", re.IGNORECASE)
_ARMED_CAUSE = re.compile(r"\b(?:(?<!heart )attack\w*|militants?|gunmen|insurgents?|rebels?|fighters|jihadists?|terrorists?|"
                          r"troops|soldiers|army|militia\w*|shell\w*|air ?strikes?|airstrikes?|drones?|missiles?|"
                          r"rockets?|mortars?|bomb\w*|ieds?|sabotage\w*|arson\w*|arsonists?|depot|ammunition)\b",
                          re.IGNORECASE)
CLAIM_ONLY = re.compile(r"\b(?:claimed (?:responsibility|the (?:attack|bombing|killing|strike))|"
                        r"claims? of responsibility|took responsibility)\b", re.IGNORECASE)
# A claim that names the incident with its own place ("claimed responsibility for last Friday's abduction
# of hundreds of boys from a school in Kankara") may be the only report of it the text gives.
CLAIM_NAMING = re.compile(r"\b(?:claimed responsibility|took responsibility)\s+(?:[\w'’-]+\s+){0,3}?for\s+(?:[\w'’-]+\s+){0,4}?"
                          r"(?:abductions?|kidnappings?|bombings?|attacks?|killings?|assassinations?|shootings?|"
                          r"massacres?|raids?|ambush(?:es)?|explosions?|blasts?|beheadings?)\b[^.;]{0,80}?"
                          r"\b(?:in|at|near|from|on)\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                          r"January|February|March|April|May|June|July|August|September|October|November|"
                          r"December)\b)(?-i:[A-Z])", re.IGNORECASE)
# "Photos from the scene show bodies...", "Footage circulated online showed...": what a picture of
# an incident shows; after a report of the incident it is that incident again (the extractor folds
# it in), alone it may be the only report there is ("Satellite images show a new base").
DEPICTION = re.compile(r"^\W*(?:[\w'’-]+\s+){0,2}?(?:photos?|photographs?|footage|videos?|images?|pictures?|"
                       r"clips?|recordings?)\b[^.;]{0,80}?\b(?:show(?:s|ed|ing)?|depict(?:s|ed)?|appear(?:s|ed)? to show)\b",
                       re.IGNORECASE)
_SPEECH_ONLY = re.compile(
    r"^\W*(?:\w+\W+){0,6}?(?:condemn(?:s|ed)?|denounc(?:es|ed)|mourn(?:s|ed)?|call(?:s|ed)? for|"
    r"urg(?:es|ed)|welcom(?:es|ed))\b", re.IGNORECASE)


@dataclass(frozen=True)
class Trigger:
    index: int          # token index inside the sentence
    start: int          # character offsets inside the sentence
    end: int
    text: str


OUTCOME_WORDS = frozenset({"killed", "dead", "died", "wounded", "injured", "death", "deaths", "toll", "bodies",
                           "casualties", "martyred", "hurt", "victims", "victim", "killing", "kills"})


WEAPON_CLASS = frozenset({"attack", "strike", "assault", "combat"})
PLATFORMS = frozenset({"helicopter", "helicopters", "aircraft", "jets", "jet", "planes", "drones", "drone", "boats",
                       "submarines", "rifles", "vehicles", "squadron", "brigade", "units", "teams"})


def _naming(tokens: list, i: int) -> bool:
    """"Ahrar al-Sham names new leader", "named a new commander": naming someone to a post."""
    return tokens[i].text.lower() in ("names", "named") and i + 1 < len(tokens) and \
        tokens[i + 1].text.lower() in ("new", "a", "an", "its", "their", "as")


_SET = frozenset({"set", "sets", "setting"})


def _arson(tokens: list, i: int) -> bool:
    """"set fire to", "setting ablaze": the light verb "set" carrying a whole event."""
    return tokens[i].text.lower() in _SET and i + 1 < len(tokens) and \
        tokens[i + 1].text.lower() in ("fire", "ablaze", "alight", "on")


# A word inside a clause that tells another event as the time or cause of the main one ("Rebels
# blocked the road after troops entered the town") loses to the main clause's event word even
# when that is a light verb or a noun and the clause's verb is a hint word: "moved into the town
# hours after troops withdrew" is a takeover, "an agreement was reached ..., as buses entered" a deal.
SUBORDINATE_PENALTY = 3.0
_SUBORDINATORS = frozenset({"after", "when", "as", "before", "while", "once", "until", "because", "since"})
_SUBJECT_TOKENS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "ADP", "PART"})
_SUBJECT_START = _SUBJECT_TOKENS - {"ADP", "PART"}
_CLAUSE_END = frozenset({",", ";", ":", "—", "–", "(", "--"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# "after fierce fighting that left 30 dead": the verb belongs to a relative clause, the phrase has none
_RELATIVE = frozenset({"WDT", "WP"})
_NO_EVENT_OF_ITS_OWN = OUTCOME_WORDS | {"protesters", "demonstrators", "rioters"}
_AS_HEADS = frozenset({"well", "such", "same", "so", "known"})
_AS_PHRASES = frozenset({"many", "much", "few", "little", "long", "soon", "far", "well", "part", "such", "usual"})


def _in_subject(t) -> bool:
    """Whether a token can stand inside a clause's subject: "al-Raqqa", "rebels and the regime"."""
    return (t.pos_ in _SUBJECT_TOKENS or t.tag_ == "HYPH" or t.text.lower() == "and") and \
        t.tag_ not in _FINITE and t.tag_ not in _RELATIVE and t.text.lower() not in _SUBORDINATORS


def subordinate_clauses(tokens: list) -> list[tuple[int, int]]:
    """(first, end) token ranges of the clauses a subordinating word opens that have a subject of
    their own ("after troops entered the town", "When militants stormed the hotel, ..."); a clause
    ends at the next comma or the sentence's end.

    "after detonating a bomb" shares the main clause's subject, "as well as civilians",
    "after three days of fighting" and "after fighting that left 30 dead" are phrases without a
    verb of their own: none of them is such a clause.
    """
    out = []
    for s in range(len(tokens) - 2):
        word = tokens[s].text.lower()
        if word not in _SUBORDINATORS or tokens[s + 1].pos_ not in _SUBJECT_START:
            continue
        if word == "as" and (tokens[s + 1].text.lower() in _AS_PHRASES or s > 0 and (
                tokens[s - 1].text.lower() in _AS_HEADS or tokens[s - 1].pos_ in ("ADJ", "ADV"))):
            continue  # "as well as", "such as", "as many as", "as part of": a comparison or a role
        f = s + 1
        while f < len(tokens) and f - s <= 9 and _in_subject(tokens[f]):
            f += 1
        if f >= len(tokens) or f - s > 9 or tokens[f].tag_ not in _FINITE or tokens[f].pos_ not in ("VERB", "AUX"):
            continue
        end = next((k for k in range(f + 1, len(tokens)) if tokens[k].text in _CLAUSE_END), len(tokens))
        out.append((s, end))
    return out


# Verbs of plain movement that carry an event only with the words after them: "pulled out of the
# town", "pulled from her car", "took control", "moved into the village" are events; "pulled into the
# courtyard", "took him an hour", "moved by the appeal" are not.
_LIGHT_MOVES = frozenset({"pull", "pulls", "pulled", "pulling", "move", "moves", "moved", "moving",
                          "take", "takes", "took", "taking"})
_MOVE_PARTICLES = frozenset({"out", "back", "away", "into", "in", "on", "against", "toward", "towards", "off"})
_SEIZED_THINGS = frozenset({"control", "over", "back", "hostage", "hostages", "captive", "captives", "prisoner",
                            "prisoners", "streets", "positions", "town", "city", "village", "villages", "base",
                            "airport", "hill", "district", "neighbourhood", "neighborhood", "checkpoint", "crossing",
                            "arms"})
_MOVED_THINGS = frozenset({"troops", "forces", "fighters", "reinforcements", "units", "tanks", "headquarters",
                           "families", "prisoners", "detainees", "weapons", "convoy", "militants", "soldiers"})
_TAKEN_FROM = frozenset({"car", "cars", "vehicle", "vehicles", "bus", "buses", "home", "homes", "house", "houses",
                         "bed", "beds", "truck", "taxi", "office", "shop", "mosque", "school"})


def light_move_is_event(tokens: list, i: int) -> bool:
    """Whether a plain movement verb at `i` tells an event (see `_LIGHT_MOVES`); other words always do."""
    low = tokens[i].text.lower()
    if low not in _LIGHT_MOVES:
        return True
    after = [t.text.lower() for t in tokens[i + 1:i + 5]]
    reach = [t.text.lower() for t in tokens[i + 1:i + 7]]
    taken = "from" in reach and any(w in _TAKEN_FROM for w in reach)  # "took the judge from her car"
    if low[:2] == "to" or low[:3] == "tak":
        return taken or any(w in _SEIZED_THINGS for w in after[:3])
    if low[:3] == "mov":
        if after[:1] == ["to"]:
            return len(tokens) > i + 2 and tokens[i + 2].pos_ != "VERB"  # "moved to block the law": a step
        return bool(after) and after[0] in _MOVE_PARTICLES or any(w in _MOVED_THINGS for w in after[:3])
    if after[:1] and after[0] in ("into", "on", "toward", "towards", "up"):
        return False  # "pulled into the courtyard", "pulled up at the gate": a car arriving
    # "pulled out of", "pulled their troops back"; "pulled from her car" is taken by force,
    # "pulled from the rubble" a rescue
    return taken or any(w in ("out", "back", "down", "away", "off") for w in after)


def find_trigger(tokens: list, hint_words: frozenset[str] = frozenset()) -> Trigger | None:
    """The event word of a sentence: a verb from the trigger list first, then a noun, then a hint;
    the main clause's before one in a subordinate clause with a subject of its own.

    `tokens` are spaCy tokens of one sentence (only `.text`, `.tag_`/`.pos_`, `.idx` are read);
    `hint_words` are lower-cased words the classifier's top sub-type is known for.
    """
    candidates = []
    for i, t in enumerate(tokens):
        low = t.text.lower()
        arson = low in _SET and _arson(tokens, i)
        if not (is_trigger(low) or low in hint_words or _naming(tokens, i) or arson):
            continue
        if not light_move_is_event(tokens, i):
            continue
        if low in WEAPON_CLASS and i + 1 < len(tokens) and tokens[i + 1].text.lower() in PLATFORMS:
            continue  # "attack helicopters", "strike aircraft": a kind of weapon, not a happening
        rank = 0 if t.pos_ == "VERB" else 1 if t.pos_ in ("NOUN", "PROPN") else 2
        if low in OUTCOME_WORDS or (low in ("hit", "set", "took", "opened", "landed", "fell", "moved", "staged") and not arson):
            rank += 1.5  # outcome or light words: only when nothing better is there
        if low in hint_words:
            rank -= 1  # a word the likeliest sub-type is known for
        if i > 0 and tokens[i - 1].text.lower() == "to" and t.tag_ == "VB":
            rank += 1.25  # "trying to advance", "in order to strike": a purpose, not a happening
        candidates.append([rank, i, t])
    if not candidates:
        return None
    if len(candidates) > 1:
        _demote_subordinate(tokens, candidates)
    _, i, t = min(candidates, key=lambda c: (c[0], c[1]))
    return Trigger(i, t.idx, t.idx + len(t.text), t.text)


def _demote_subordinate(tokens: list, candidates: list) -> None:
    """Add the subordinate-clause penalty to the candidates inside such a clause or in an aside after
    it, when an event word stands in the main clause. An outcome there ("Five killed as gunmen attack
    church") is no event word: the clause tells the event; so it does when the main clause names a
    crowd only as the victim ("killed 20 protesters as crowds marched on the palace")."""
    clauses = subordinate_clauses(tokens)
    if not clauses:
        return
    inside = [any(s <= c[1] < e for s, e in clauses) for c in candidates]
    # past a trailing clause comes another aside ("..., in what a rights group called a likely
    # chemical attack"), not the main clause; after a fronted one comes the main clause itself
    trailing = [e for s, e in clauses if any(t.tag_ in _FINITE for t in tokens[:s])]
    aside = [k or any(c[1] >= e for e in trailing) for c, k in zip(candidates, inside)]
    if all(a or c[2].text.lower() in _NO_EVENT_OF_ITS_OWN for c, a in zip(candidates, aside)):
        return
    for c, a in zip(candidates, aside):
        if a:
            c[0] += SUBORDINATE_PENALTY


def assertion(tokens: list, trigger: Trigger, sentence_text: str) -> tuple[float, str | None]:
    """(factor in [0, 1] to multiply the event score by, reason) for one trigger in its sentence.

    1.0 means nothing cancels the event. Cues are read within a window before the trigger, stopping
    at a clause boundary, because "said on Monday that the army will attack" governs only its clause.
    """
    i = trigger.index
    if sentence_text.rstrip().endswith("?"):
        return 0.1, "question"
    window = []
    for j in range(i - 1, max(-1, i - 8), -1):
        t = tokens[j]
        if t.text in (";", ":") or (t.text == "," and j < i - 3) or t.text.lower() in ("but", "while", "after", "as"):
            break
        # a word inside a name governs nothing: "the National Investigation Agency arrested", "Future Movement"
        window.append(None if j and getattr(t, "ent_type_", "") and t.text[:1].isupper() else t)
    words = [t.text.lower() if t is not None else "" for t in window]
    near = words[:4]
    if any(w in MODALS for w in near):
        return 0.15, "modal"
    if _only_possible(tokens):
        return 0.15, "modal"  # "An FPV drone can hunt a tank": what a weapon can do, no verb telling a past
    if any(w in NEGATIONS for w in near[:3]) and not _no_harm(tokens, i):
        return 0.1, "negation"
    if "without" in near[:2] or (_DEAL_WORD.match(tokens[i].text) and _NO_DEAL.search(sentence_text)):
        return 0.1, "negation"  # "talks ended without agreement on a ceasefire", "failed to reach a deal"
    if near[:1] == ["to"] or "going" in near[:3]:
        # "plans to attack", "threatened to storm": look at the verb that governs the infinitive
        gov = next((w for w in words[1:5] if IRREALIS.match(w)), None)
        if gov:
            return 0.1, f"irrealis:{gov}"
    gov = next((w for w in words[:6] if IRREALIS.match(w)), None)
    if gov and gov not in ("ordered", "called", "order", "call", "next", "ahead"):
        return 0.2, f"irrealis:{gov}"
    if _ANNOUNCING.match(tokens[i].text) and any(_INTENT.match(t.text) for t in tokens[i + 1:i + 4]):
        return 0.2, "irrealis:intent"  # "announced its readiness to storm", "declared plans to"
    clause = clause_of(sentence_text, trigger.start, trigger.end)
    if any(not (_TREND.match(g.group()) and _ONE_DAY.search(clause)) for g in GENERIC.finditer(clause)):
        return 0.35, "generic"
    if BACKGROUND.search(clause):
        return 0.3, "background"
    low = sentence_text.lower()
    if any(w in low for w in _EXERCISE_WORDS) and _EXERCISE.search(sentence_text) \
            and not _CASUALTY.search(sentence_text):
        return 0.2, "exercise"  # drills, test firings and training: weapons used at no one
    if any(w in low for w in _TRADE_WORDS) and _ARMS_TRADE.search(sentence_text):
        return 0.2, "trade"  # weapons bought, sold or supplied are not used
    if not _ARMED_CAUSE.search(sentence_text) and _MISHAP.search(sentence_text):
        return 0.2, "mishap"  # a quake, a flood, a factory blast: deaths with no conflict actor behind them
    claim = CLAIM_ONLY.search(sentence_text)
    if claim and trigger.start >= claim.start() and not CLAIM_NAMING.search(sentence_text):
        # "X claimed responsibility for the bombing" points at an incident; "a bomb killed five, as X
        # claimed responsibility" tells it first
        return 0.3, "claim"
    if _SPEECH_ONLY.search(sentence_text) and trigger.start > 25 and tokens[i].pos_ != "VERB":
        return 0.4, "statement"
    present = tokens[i].tag_ in ("VBZ", "VBP") and not _PAST_FORM.match(tokens[i].text)
    if present and _NEWS_NOW.search(sentence_text):
        return 1.0, None
    if present or (tokens[i].tag_ == "VBG" and near[:1] and near[0] in ("is", "are")):
        return 0.5, "present"  # "the commission consists of", "it is moving": states, not events
    return 1.0, None


# Irregular past forms the tagger sometimes reads as present ("Iraqi troops retook the compound",
# "Villagers beat to death a man"); those spelt like the present ("beat", "hit") are read as past too.
_PAST_FORM = re.compile(r"^(?:(?:re|over|under)?took|fought|shot|struck|blew|threw|stole|broke|fled|overran|"
                        r"tore|drove|withdrew|overthrew|swept|seized|stormed|beat|hit|shut|burst|\w+ed)$", re.IGNORECASE)


_DEAL_WORD = re.compile(r"^(?:agree\w*|agreements?|deals?|ceasefires?|truces?|accords?|signed|sign)$", re.IGNORECASE)
_NO_DEAL = re.compile(r"\b(?:without|failed to (?:reach|agree|sign)|no) (?:an? |any )?(?:agreement|deal|accord|"
                      r"breakthrough)\b|\b(?:talks|negotiations) (?:\w+ ){0,3}?(?:collapsed|broke down|stalled|failed)\b",
                      re.IGNORECASE)


def _only_possible(tokens: list) -> bool:
    """A sentence whose only finite verb is a modal's: it tells what can or would happen, nothing that did.
    "may have killed" tells a past event, only hedged."""
    modal = [k for k, t in enumerate(tokens) if t.tag_ == "MD"]
    return bool(modal) and not any(t.tag_ in ("VBD", "VBZ", "VBP") for t in tokens) and \
        not any(k + 1 < len(tokens) and tokens[k + 1].text.lower() == "have" for k in modal)


def clause_of(text: str, start: int, end: int) -> str:
    """The trigger's clause and the one before it: "..., bringing the total since 2020 to 250" does
    not make the discovery it follows a campaign total."""
    left = [m.end() for m in re.finditer(r"[,;:]", text[:start])]
    lo = left[-2] if len(left) >= 2 else 0
    right = re.search(r"[,;]", text[end:])
    hi = end + right.start() if right else len(text)
    return text[lo:hi]


def _no_harm(tokens: list, i: int) -> bool:
    """"No one was killed" negates the casualties, not the event; the trigger is the outcome word."""
    return tokens[i].text.lower() in ("killed", "hurt", "injured", "wounded", "dead", "casualties")

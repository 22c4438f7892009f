"""The parts of a sentence that tell an event of their own, read as extra candidates beside it.

Responsible for finding, inside one sentence, the spans the extractor reads on their own: a second
main clause ("..., while rebels seized Hish"), a subordinate clause with its own subject whose event
the main clause's event word hides ("fired tear gas after protesters set fire to the office"), and
an event told as a noun after "after"/"following" ("..., especially after the assassination of one
of its commanders outside the hospital"). Not responsible for deciding whether a span asserts an
event, how old it is, or whether it retells one already found: each candidate goes through the same
assertion cues, date check and merging as a whole sentence.

Only spans whose event the sentence's own trigger does not already tell are returned, so a sentence
whose main clause only counts the dead ("Five killed as gunmen attack church") stays one candidate.
"""
from __future__ import annotations

import re

from .triggers import BACKGROUND, OUTCOME_WORDS, find_trigger, is_trigger, light_move_is_event, subordinate_clauses

_CLAUSE_BREAK = frozenset({"while", "whereas", ";"})
_SUBJECT_POS = frozenset({"NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"})
# "until troops arrived", "because the road was cut" rarely tell an incident of their own, nor
# "as"/"while" in a subordinate clause: what happens at the same time is mostly the same scene
# ("stormed the parliament as security forces fired tear gas" is one riot); a "while" that opens a
# second main clause is `second_clause`'s. "since" points back in time, so it only counts when its
# clause says when (and the date check can judge).
_OPENERS = frozenset({"after", "when", "before", "once", "since"})
# "entered the town after the troops withdrew": the side that left is the other half of the takeover
_WITHDRAWAL = re.compile(r"^(?:withdr(?:ew|awn|awal)|pulled|pulling|retreated|left|fled|abandoned|evacuated)$",
                         re.IGNORECASE)
_NOMINAL_OPENERS = frozenset({"after", "following", "since"})
_ANY_OPENER = _OPENERS | _NOMINAL_OPENERS
_EVENT_NOUNS = frozenset({
    "assassination", "killing", "killings", "murder", "capture", "recapture", "fall", "liberation", "bombing",
    "bombings", "abduction", "kidnapping", "attack", "attacks", "shelling", "storming", "seizure", "execution",
    "executions", "arrest", "arrests", "detention", "massacre", "takeover", "withdrawal", "explosion", "ambush",
    "raid", "shooting", "beheading", "bombardment", "airstrike", "airstrikes", "strike", "strikes", "siege"})
_NOMINAL_LINKS = frozenset({"of", "in", "by", "on", "against"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "last", "recent", "latest"})
_CLAUSE_END = frozenset({",", ";", ":", "—", "–", "(", "--"})
# "weeks after", "days following": told as what came before the news, like `BACKGROUND`'s "two days after"
_EARLIER = re.compile(r"\b(?:days|weeks|months|years|decades)\s+(?:after|before|following|since)\b", re.IGNORECASE)
# a date the clause tells: "in 2014", "on Monday", "in June"
_DATED = re.compile(r"\b(?:(?:19|20)\d\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|"
                    r"march|april|june|july|august|september|october|november|december|yesterday|today)\b",
                    re.IGNORECASE)


def event_clauses(sent) -> list:
    """Spans of `sent` (a spaCy span) to read as events of their own, in sentence order, none
    starting where another does."""
    tokens = list(sent)
    found = [c for c in (second_clause(sent),) if c is not None]
    main = find_trigger(tokens) if any(t.text.lower() in _ANY_OPENER for t in tokens) else None
    if main is not None:
        found += _subordinate_events(sent, tokens, main.index) + _nominal_events(sent, tokens, main.index)
    out, starts = [], set()
    for span in sorted(found, key=lambda c: (c.start, -c.end)):
        if span.start not in starts:
            starts.add(span.start)
            out.append(span)
    return out


def _told_as_history(tokens: list, opener: int) -> bool:
    """"came two days after", "weeks after", "follows months of": what the clause tells is earlier
    news, which the cue before the opener says and the split-off clause would no longer see."""
    first = max((k + 1 for k in range(opener) if tokens[k].text in _CLAUSE_END), default=0)
    words = " ".join(t.text for t in tokens[first:opener + 3])
    return bool(BACKGROUND.search(words) or _EARLIER.search(words))


def _subordinate_events(sent, tokens: list, main: int) -> list:
    """"Security forces fired tear gas after protesters set fire to the governor's office": the
    clause after the opener, when it has a past-tense verb and an event word the main clause's
    trigger does not cover."""
    out = []
    for s, end in subordinate_clauses(tokens):
        if tokens[s].text.lower() not in _OPENERS or s <= main < end or _told_as_history(tokens, s):
            continue
        clause = tokens[s + 1:end]
        finite = next((t for t in clause if t.tag_ in ("VBD", "VBZ", "VBP", "MD")), None)
        if finite is None or finite.tag_ != "VBD":
            continue  # "before troops can enter", "as crowds gather": not (yet) a past event
        trigger = find_trigger(clause)
        if trigger is None or trigger.text.lower() in OUTCOME_WORDS or _WITHDRAWAL.match(trigger.text):
            continue
        if tokens[s].text.lower() == "since" and not _DATED.search(sent.doc[sent.start + s:sent.start + end].text):
            continue
        out.append(sent.doc[sent.start + s + 1:sent.start + end])
    return out


def _nominal_events(sent, tokens: list, main: int) -> list:
    """"..., especially after the assassination of one of its commanders outside the hospital": the
    event noun and what follows it up to the clause's end, read from the noun so that its "the"
    does not read as pointing back to an event already told."""
    out = []
    for s, t in enumerate(tokens[:-3]):
        opener = t.text.lower()
        if opener not in _NOMINAL_OPENERS:
            continue
        k = s + 1
        while k < len(tokens) - 1 and k - s <= 4 and (
                tokens[k].text.lower() in _DETERMINERS or tokens[k].pos_ == "ADJ" or tokens[k].tag_ == "POS"
                or tokens[k].pos_ in ("NOUN", "PROPN", "NUM") and tokens[k + 1].tag_ == "POS"):
            k += 1  # "the deadly", "Sunday's", "the group's"
        if k >= len(tokens) - 2 or k == main or tokens[k].text.lower() not in _EVENT_NOUNS \
                or tokens[k + 1].text.lower() not in _NOMINAL_LINKS or _told_as_history(tokens, s):
            continue
        end = next((j for j in range(k + 2, len(tokens)) if tokens[j].text in _CLAUSE_END), len(tokens))
        if main in range(k, end):
            continue
        if opener == "since" and not _DATED.search(sent.doc[sent.start + k:sent.start + end].text):
            continue  # "since the fall of the city": history the text does not date
        out.append(sent.doc[sent.start + k:sent.start + end])
    return out


def second_clause(sent):
    """The second main clause of a sentence that tells two events ("Troops shelled Kafr Nabl while
    rebels seized Hish", "..., and gunmen then opened fire on the crowd"), as a spaCy span, or None.

    Only a clause with its own subject and its own past-tense event verb, different from the first
    clause's, is split off: "killed three and wounded five" or "said that..." stay whole.
    """
    tokens = list(sent)
    first = next((k for k, t in enumerate(tokens) if t.pos_ == "VERB" and is_trigger(t.text.lower())), None)
    if first is None:
        return None
    for k in range(first + 1, len(tokens) - 3):
        t = tokens[k]
        low = t.text.lower()
        if not (low in _CLAUSE_BREAK or (low == "and" and tokens[k - 1].text == ",")):
            continue
        subject = 0
        for j in range(k + 1, min(len(tokens), k + 9)):
            u = tokens[j]
            if u.pos_ == "VERB" or u.tag_ in ("VBD", "VBN"):
                if (subject and u.tag_ == "VBD" and is_trigger(u.text.lower()) and u.text.lower() not in OUTCOME_WORDS
                        and u.text.lower()[:4] != tokens[first].text.lower()[:4] and light_move_is_event(tokens, j)):
                    return sent.doc[t.i + 1:sent.end]
                break
            if u.pos_ in _SUBJECT_POS:
                subject += 1
            elif u.pos_ not in ("ADV", "PUNCT"):
                break
    return None

"""Who says something in a sentence: sentence spans, speech cues, speaker phrases, name candidates.

Responsible for the rules that `quotes` (which words are attributed) and `figures` (who claims a
number) share: cutting clean text into sentences, the list of speech cues, trimming the words before
a cue down to the speaker ("Speaking to ARA News, Abu Abdullah, a displaced man, said" → "Abu
Abdullah"), and telling a person-like speaker from an organisation for pronoun resolution.

Not responsible for finding names (that is the entity annotator's job; its mentions can be handed to
`quotes.find_quotes(names=...)`) nor for resolving a speaker to an actor.

Everything here is a regular expression over the text, so it runs at the speed of `re` and never
loads a model.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["sentence_spans", "SPEECH_VERB", "SPEAKER_STARTS", "speaker_from_left", "is_person_like", "name_candidates",
           "clean_speaker", "OPEN_MARKS", "CLOSE_MARKS"]

OPEN_MARKS = "“\"‘'«„"
CLOSE_MARKS = "”\"’'»“"

# Abbreviations whose period does not end a sentence; titles dominate in conflict news.
_ABBREV = (r"Mr|Mrs|Ms|Dr|Gen|Maj|Col|Lt|Capt|Cpt|Sgt|Brig|Adm|Cmdr|Gov|Sen|Rep|Prof|Rev|St|Sr|Jr|"
           r"Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|vs|etc|approx|est|U\.S|U\.N|U\.K|e\.g|i\.e|[A-Z]")
_SENT_END = re.compile(r"[.!?]+[”\"’')\]]*(?=\s+[“\"‘(\[]?[A-Z0-9•\-–])|\n\n")
_ABBREV_TAIL = re.compile(rf"(?:^|[\s(])(?:{_ABBREV})\.$")

# The verbs and phrases that introduce or close reported words. Order matters only for readability.
SPEECH_VERB = (
    r"said|says|say|added|adds|stated|states|told|tells|announced|announces|claimed|claims|"
    r"warned|warns|confirmed|confirms|denied|denies|explained|explains|noted|notes|insisted|insists|"
    r"argued|argues|acknowledged|acknowledges|alleged|alleges|affirmed|stressed|stresses|declared|"
    r"declares|continued|wrote|writes|tweeted|recounted|pledged|vowed|promised|condemned|condemns|"
    r"maintained|maintains|asserted|admitted|admits|revealed|reported|reports|pointed out|"
    r"made it clear|emphasised|emphasized|urged|accused|blamed|put the (?:death )?toll"
)
# Words that may stand between a speaker and the cue without belonging to either.
_AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|later|earlier|previously|repeatedly|then|further|again|"
    r"would|will|[a-z]+ly))+\s*$")
# A leading comma segment that sets the scene rather than naming the speaker.
_ADVERBIAL_LEAD = re.compile(
    r"^(?:speaking|talking|writing|commenting|asked|meanwhile|however|additionally|moreover|also|"
    r"but|and|so|then|later|earlier|over|on|in|at|during|after|before|since|last|this|for|from|"
    r"with|without|while|when|as|yesterday|today|according|separately|elsewhere|in addition|"
    r"for his part|for her part|for their part|[A-Z][a-z]+ing)\b", re.IGNORECASE)
_APPOSITIVE = re.compile(r"^(?:a|an|the|one|another|himself|herself|itself|also|[a-z]+ of)\b")
_RELATIVE = re.compile(r"^(?:who|which|whose|whom|where|when|also|himself|herself|itself)\b")
_CONJUNCTION = re.compile(r"and|but|then|and then|and later")
_FINITE_VERB = re.compile(r"\s(?:[a-z]+ed|took|made|gave|set|went|came|fled|held|led|left|sent|shot|struck|hit|"
                          r"built|put|won|lost|began|brought|drove|fought|kept|ran|saw|stood|threw|tore|blew|"
                          r"broke|overran|overtook|is|are|was|were|has|have|had)\b")
_TIME_SEGMENT = re.compile(r"\b(?:ago|yesterday|today|last (?:week|month|year|night)|earlier this|"
                           r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|him|her|them)$", re.IGNORECASE)
_ORG_WORDS = re.compile(
    r"\b(?:ministry|government|forces|force|army|council|committee|commission|group|agency|news|tv|"
    r"media|observatory|office|department|police|party|front|brigade|brigades|militia|militias|"
    r"coalition|state|states|organi[sz]ation|union|nations|un|icrc|red cross|press|times|post|"
    r"reuters|afp|ap|bbc|presstv|sources?|officials|activists|residents|witnesses|monitor|"
    r"command|authority|authorities|administration|directorate|centre|center|spokesman|spokeswoman|"
    r"spokesperson|outlet|agency|network|channel|television|radio|movement|regime|defence|defense)\b",
    re.IGNORECASE)
_NAME = re.compile(
    r"(?<![\w’'-])(?:[A-Z][\w’'.-]*|al-[A-Z][\w’'-]*)(?:[ \u00a0]+(?:(?:al|bin|ibn|abu|de|van|von|el|"
    r"bint|ould|dos|da)[ \u00a0-]+)?(?:[A-Z][\w’'-]*|al-[A-Z][\w’'-]*)){0,3}")
_SENTENCE_WORDS = frozenset(
    "The A An In On At But And As After Before When While This That These Those It He She They We I "
    "However Meanwhile Since Over Under Last Its His Her Their Our Some Many Most Several Although "
    "Even Despite During Today Yesterday For From With Without Every Each If Also Such Speaking "
    "According Additionally Interestingly Regular Normality Asymmetric Foreign Being Having Around "
    "Almost Nearly About Another One Two Three Local Until There What Why How Who Where Senior".split())
MAX_SPEAKER_WORDS = 12


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in text[start:end], whitespace trimmed, paragraphs never joined."""
    end = len(text) if end is None else end
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        if m.group() != "\n\n" and _ABBREV_TAIL.search(text, max(pos, m.start() - 12), m.start() + 1):
            continue
        s, e = pos, m.end() if m.group() != "\n\n" else m.start()
        yield from _trimmed(text, s, e)
        pos = m.end()
    yield from _trimmed(text, pos, end)


def _trimmed(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield s, e


def clean_speaker(phrase: str) -> tuple[int, int] | None:
    """The speaker inside `phrase` (the words between a clause boundary and a cue) as offsets into it.

    Drops scene-setting segments ("Over the weekend,"), appositives (", a top US envoy,") and
    relative clauses (", who visited the site,"); keeps a name that follows a title
    ("Secretary of Defense, Michael Fallon"). None when no plausible speaker is left.
    """
    tail = _AUX_TAIL.search(phrase)
    stop = tail.start() if tail else len(phrase)
    segments, pos = [], 0
    for m in re.finditer(r",\s*|\s+[–—-]\s+|$", phrase[:stop]):
        seg = (pos, m.start())
        if seg[1] > seg[0]:
            segments.append(seg)
        pos = m.end()
        if m.start() == stop:
            break
    segments = [seg for seg in segments if not _TIME_SEGMENT.search(phrase[seg[0]:seg[1]])] or segments
    while len(segments) > 1 and _ADVERBIAL_LEAD.match(phrase[segments[0][0]:segments[0][1]]):
        segments.pop(0)
    if not segments:
        return None
    if len(segments) > 1 and _CONJUNCTION.fullmatch(phrase[segments[-1][0]:segments[-1][1]].strip()):
        # "X took the town, and declared …": the speaker is the subject of the earlier clause
        segments.pop()
        s0, e0 = segments[-1]
        verb = _FINITE_VERB.search(phrase, s0, e0)
        segments[-1] = (s0, verb.start() if verb else e0)
    # The speaker stands right before the cue unless that segment is a relative clause or an
    # appositive after a name ("Brett McGurk, a top US envoy, said").
    i = len(segments) - 1
    while i > 0:
        seg = phrase[segments[i][0]:segments[i][1]]
        prev = phrase[segments[i - 1][0]:segments[i - 1][1]]
        if _RELATIVE.match(seg) or (_APPOSITIVE.match(seg) and _NAME.fullmatch(prev.lstrip("•-* "))):
            i -= 1
        else:
            break
    core = segments[i]
    s, e = core
    while s < e and phrase[s] in "•*·-–— \u00a0":
        s += 1
    while e > s and phrase[e - 1] in " \u00a0,":
        e -= 1
    tail_and = re.search(r"\s(?:and|but)$", phrase[s:e])
    if tail_and:  # "The Centre documented 87 dead and said": the subject of the first verb
        verb = _FINITE_VERB.search(phrase, s, s + tail_and.start())
        e = verb.start() if verb else s + tail_and.start()
    text = phrase[s:e]
    lead = re.match(r"(?:and|but|so|then|that|as|while|because|although|whereas)\s+", text)
    if lead:
        s += lead.end()
    words = phrase[s:e].split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return None
    if _ADVERBIAL_LEAD.match(phrase[s:e]) and not _PRONOUN.match(words[0]):
        return None
    if not (words[0][:1].isupper() or words[0][:1] in "‘“\"" or words[0].lower() in SPEAKER_STARTS
            or re.match(r"(?:al|el|as|ash|ad|ar)-[A-Z]", words[0])
            or (len(words) <= 8 and any(w[:1].isupper() for w in words[1:]))):
        return None
    return s, e


SPEAKER_STARTS = frozenset(
    "he she they we i it the a an some several many local two three four five activists witnesses "
    "residents officials sources others pro-isis pro-government opposition government state security "
    "rights monitors survivors relatives doctors medics rescuers police".split())


def speaker_from_left(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The speaker written just before a cue at `cue_start`, searching back no further than `lo`.

    The phrase starts after the last clause opener ("that", ";", an opening quote) so that
    "Local activists reported that pro-ISIS figures justified ..." does not swallow the reporter.
    """
    left = text[lo:cue_start]
    cut = 0
    for m in re.finditer(r"[;:“”\"]|\bthat\s|\b(?:because|although|whereas)\s", left):
        cut = m.end()
    span = clean_speaker(left[cut:])
    if span is None:
        return None
    s, e = lo + cut + span[0], lo + cut + span[1]
    while e > s and text[e - 1] in " \u00a0,":
        e -= 1
    return (s, e) if e > s else None


def is_person_like(speaker: str) -> bool:
    """Whether "he"/"she" could refer back to this speaker: a proper name, not an organisation."""
    words = speaker.split()
    return (bool(words) and words[0][:1].isupper() and _ORG_WORDS.search(speaker) is None
            and not _PRONOUN.match(words[0]) and words[0] not in ("The", "A", "An") and len(words) <= 6)


def name_candidates(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Capitalised names standing as a sentence subject between lo and hi: "Jassem al-Ali spends".

    Used to resolve "he said" when no entity mentions were handed in; a name followed by a
    lowercase word after a sentence start or a comma is usually the subject of that sentence.
    """
    for m in _NAME.finditer(text, lo, hi):
        j = m.start() - 1
        while j >= lo and text[j] in " \u00a0\t":
            j -= 1
        if j >= lo and text[j] not in ".!?\n,;:”\"":
            continue
        after = text[m.end():m.end() + 2]
        if not re.match(r"[ \u00a0][a-z]|,", after):
            continue
        first = m.group().split()[0]
        if first in _SENTENCE_WORDS or first.rstrip(",") in _SENTENCE_WORDS:
            continue
        yield m.start(), m.end()

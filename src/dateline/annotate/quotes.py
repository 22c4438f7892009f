"""Quotes and attributions: which words a text attributes to whom, direct or reported.

Responsible for `find_quotes`, which returns a `Quote` for
- each span inside quotation marks that a speaker can be tied to (a cue before or after the marks,
  "what he called “…”", or a reported clause around it), punctuation inside the marks included;
  short quoted words with no cue and no speaker are scare quotes and are left out;
- each reported clause: "X said (that) …", "X told AFP (that) …" (via AFP), "according to X, …",
  "…, according to X", "…, X said.", "X stated/added/reported/announced/claimed/warned/confirmed/
  denied that …", "reportedly …" (no speaker), "This is the opinion of X" (the paragraph before),
  without the trailing period; a clause ending in ":" runs on over the bullet list that follows.

Speakers are the attribution as written; pronouns ("he said"), "the source" and a quote that
continues a speaker's words are resolved to the nearest fitting speaker before them.

Not responsible for mapping speakers to actors (`speaker_actor` stays None) nor for paragraph
kinds: it reads `Document.text` as given.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Document, Quote
from .attribution import SPEAKER_STARTS, SPEECH_VERB, clean_speaker, is_person_like, name_candidates, sentence_spans, speaker_from_left
from .quote_marks import quoted_spans

__all__ = ["find_quotes"]

_CUE = re.compile(rf"\b(?:{SPEECH_VERB}|considers|considered|believes)\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+|\b[Aa]s (?:cited|quoted|reported) by\s+")
_REPORTEDLY = re.compile(r"\breportedly\s+(?!said|told|stated)")
_OPINION = re.compile(r"This (?:is|was) (?:the|also the) (?:opinion|view|assessment|position|verdict) of\s+")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being|it|who|which)\s*$", re.IGNORECASE)
_THAT = re.compile(r"[^.;“”\"]{0,80}?\bthat\s+")
_TIME_ADVERBIAL = re.compile(
    r"\s*(?:(?:on|in|at|during|last|this|earlier|later|late|early)\s+(?:the\s+)?"
    r"(?:\d{1,2}\w*\s+)?(?:[A-Z][a-z]+|\w+day|week|month|year)(?:\s+\d{1,2}\w*)?(?:,?\s+\d{4})?"
    r"|earlier|later|yesterday|today|recently)\s+")
_CLAUSE_WORD = re.compile(r"\b(?:were|was|is|are|had|have|has|been|and|will|would|could|\d+)\b")
_PREPOSITION = re.compile(r"(?:in|on|at|to|by|for|with|after|during|from|about|of|as|,|\.|;|:|$)", re.IGNORECASE)
_TAIL_CUT = re.compile(r",\s+(?:while|whereas)\s|,?\s+(?:by\s+)?saying[:,]?\s*[“\"]|:\s*[“\"]|\s*\((?:Source|source|via)\b")
_TRAILING_ADVERBIAL = re.compile(
    r"\s*(?:to\s+[^.,;]{1,40}?|on\s+\w+|in\s+a\s+(?:statement|tweet|post|communiqué|briefing)|"
    r"last\s+\w+|in\s+\w+|later|earlier|afterwards|yesterday|today|on\s+condition\s+of\s+anonymity)?"
    r"(?:\s+(?:on|in)\s+\w+)?\s*(?:[.!?]*\s*$|,\s+(?:[a-z]+ing|according|as|in what|after|before|while|"
    r"without|with|but|although|though|which)\b)")
_TOLD_OBJECT = re.compile(r"\s+((?:[A-Z][\w’'.-]*)(?:[ \u00a0]+[A-Z][\w’'.-]*){0,3}|reporters|journalists|the press)")
_TOLD_TAIL = re.compile(r"\s+[^.,;“”\"]{1,40}?\s*[.!?]*\s*$")
_VIA_SOURCE = re.compile(r"\((?:Source|source)\s*[–—:-]\s*([^–—)]+?)\s*(?:[–—)]|$)")
_WHAT_CALLED = re.compile(
    r"\b(?:what|whom?)\s+(\S+(?:\s+\S+){0,3}?)\s+(?:called|described(?: as)?|dubbed|termed|labell?ed|"
    r"referred to as)\s*$")
_AFTER_CUE = re.compile(rf"\b(?:{SPEECH_VERB}|was (?:cited|quoted) (?:by|as saying)|wrote)\b")
_BEFORE_CUE = re.compile(rf"\b(?:{SPEECH_VERB}|saying|asked|replied)(?:\s+(?:that|in a statement))?\s*[,:]?\s*$")
_BULLET = re.compile(r"[ \u00a0\t]*\n\n[ \u00a0\t]*[•\-*·–]")
_PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "they": "any",
             "them": "any", "it": "any"}
_SPLIT_PAIR = re.compile(r"^([A-Z][\w’'-]+) and ([A-Z][\w’'-]+)$")
PREVIOUS = "\x00previous"
# Quoted words shorter than this need a cue to count as a quote; longer ones are speech anyway.
MIN_STANDALONE_WORDS = 6


def find_quotes(doc: Document, *, names: list[tuple[int, int, str]] | None = None) -> list[Quote]:
    """Direct and reported quotes in `doc.text`, in text order, each with its speaker and cue."""
    text = doc.text
    marks = quoted_spans(text)
    sentences = list(sentence_spans(text))
    reported = _reported(text, sentences, marks)
    direct = _direct(text, sentences, marks, reported)
    quotes = sorted(reported + direct, key=lambda q: (q.start, -q.end))
    return _resolve(text, quotes, names)


def _q(text: str, s: int, e: int, direct: bool, cue: str | None, spk: tuple[int, int] | None,
       via: str | None = None, speaker: str | None = None) -> Quote:
    return Quote(start=s, end=e, text=text[s:e], direct=direct, cue=cue,
                 speaker=speaker if speaker is not None else (text[spk[0]:spk[1]] if spk else None),
                 speaker_start=spk[0] if spk else None, speaker_end=spk[1] if spk else None, via=via)


def _clause_end(text: str, s: int, e: int) -> int:
    cut = _TAIL_CUT.search(text, s, e)
    if cut:
        e = cut.start()
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;"):
        e -= 1
    if text[e - 1:e] == ":":
        last = e
        for m in _BULLET.finditer(text, e):
            if text[last:m.start()].strip():
                break
            nxt = text.find("\n\n", m.end())
            last = len(text) if nxt < 0 else nxt
        while last > e and text[last - 1].isspace():
            last -= 1
        e = last
    return e


def _is_only_quote(text: str, s: int, e: int, marks: list[tuple[int, int]]) -> bool:
    return any(ms - 1 <= s and me + 1 >= e - 1 for ms, me in marks)


def _inside(pos: int, marks: list[tuple[int, int]]) -> bool:
    return any(ms <= pos < me for ms, me in marks)


def _via(text: str, s: int, e: int) -> str | None:
    m = _VIA_SOURCE.search(text, s, min(len(text), e + 120))
    return m.group(1).strip() if m and text.find("\n\n", e, m.start()) < 0 else None


def _reported(text: str, sentences: list[tuple[int, int]], marks: list[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []
    for s, e in sentences:
        para_start = text.rfind("\n\n", 0, s) + 2 if text.rfind("\n\n", 0, s) >= 0 else 0
        found = (_opinion(text, s, e, para_start) or _according(text, s, e, marks)
                 or _cued(text, s, e, marks) or _reportedly(text, s, e, marks))
        for q in found:
            if q.end - q.start > 0 and len(q.text.split()) >= 3:
                out.append(q)
    return out


def _opinion(text: str, s: int, e: int, para_start: int) -> list[Quote]:
    m = _OPINION.match(text, s)
    if not m or s != para_start or para_start < 2:
        return []
    spk = clean_speaker(text[m.end():e].split(",")[0])
    prev_start = text.rfind("\n\n", 0, para_start - 2)
    ps = prev_start + 2 if prev_start >= 0 else 0
    if spk is None:
        return []
    spk = (m.end() + spk[0], m.end() + spk[1])
    return [_q(text, ps, _clause_end(text, ps, para_start - 2), False, m.group().strip(), spk)]


def _according(text: str, s: int, e: int, marks: list[tuple[int, int]]) -> list[Quote]:
    m = _ACCORDING.search(text, s, e)
    if not m or _inside(m.start(), marks):
        return []
    stop = re.compile(r"[,.;(\n]|$").search(text, m.end(), e)
    spk_end = stop.start() if stop else e
    spk = (m.end(), spk_end)
    if not text[m.end():spk_end].strip() or len(text[m.end():spk_end].split()) > 10:
        return []
    cue = m.group().strip()
    head = text[s:m.start()].strip(" ,")
    rest = text[spk_end + 1:e] if text[spk_end:spk_end + 1] == "," else ""
    if not head or len(rest.split()) >= 3:  # "(For this reason,) according to X, …": the clause follows
        cs = spk_end + 1 if text[spk_end:spk_end + 1] == "," else spk_end
        while cs < e and text[cs].isspace():
            cs += 1
        ce = _clause_end(text, cs, e)
    else:
        cs, ce = s, _clause_end(text, s, m.start())
    if ce <= cs or _is_only_quote(text, cs, ce, marks):
        return []
    via = cue.split()[-1] == "by" and text[spk[0]:spk[1]] or None
    return [_q(text, cs, ce, False, cue, spk, via=via)]


def _reportedly(text: str, s: int, e: int, marks: list[tuple[int, int]]) -> list[Quote]:
    m = _REPORTEDLY.search(text, s, e)
    if not m or _inside(m.start(), marks):
        return []
    return [_q(text, m.end(), _clause_end(text, m.end(), e), False, "reportedly", None)]


def _cued(text: str, s: int, e: int, marks: list[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []
    lo = s  # a second cue in the sentence ("…, while activists said …") starts its own statement
    for m in _CUE.finditer(text, s, e):
        if m.start() < lo or _inside(m.start(), marks) or _PASSIVE.search(text, s, m.start()):
            continue
        if text.rfind("(", s, m.start()) > text.rfind(")", s, m.start()):
            continue  # "(Source – BBC News – reported 23 October)" credits, it does not state
        after = text[m.end():e]
        if _TRAILING_ADVERBIAL.match(after) or (m.group() in ("told", "tells") and _TOLD_TAIL.match(after)):
            q = _trailing(text, lo, e, m, marks)
            if q:
                return out + q
            continue
        spk = speaker_from_left(text, lo, m.start())
        if spk is None:
            continue
        cs, via = m.end(), None
        if m.group() in ("told", "tells"):
            obj = _TOLD_OBJECT.match(text, cs, e)
            if obj:
                via = obj.group(1) if obj.group(1)[0].isupper() else None
                cs = obj.end()
        that = _THAT.match(text, cs, e)
        if that and _CLAUSE_WORD.search(text, cs, that.end() - 5):
            that = None  # "say 39 were killed and that …": the clause started before "that"
        if that:
            cs = that.end()
        else:
            adv = _TIME_ADVERBIAL.match(text, cs, e)
            cs = adv.end() if adv else cs
            while cs < e and text[cs].isspace():
                cs += 1
            if m.group() in ("pledged", "vowed", "promised") and text.startswith("to ", cs):
                pass
            elif m.group() == "recounted" and text.startswith("how ", cs):
                pass
            elif _PREPOSITION.match(text, cs, e) or text[cs - 1:cs] in ",:":
                continue
        ce = _clause_end(text, cs, e)
        if ce <= cs or _is_only_quote(text, cs, ce, marks):
            continue
        via = via or _via(text, s, e)
        out += [_q(text, cs, ce, False, m.group(), part, via=via) for part in _split_pair(text, spk)]
        lo = ce
    return out


def _trailing(text: str, s: int, e: int, m: re.Match[str], marks: list[tuple[int, int]]) -> list[Quote]:
    """"…, X said." — the clause is everything before the comma that opens the attribution."""
    comma = text.rfind(",", s, m.start())
    if comma < 0 or _inside(comma, marks):
        return []
    spk = clean_speaker(text[comma + 1:m.start()])
    if spk is None:
        return []
    spk = (comma + 1 + spk[0], comma + 1 + spk[1])
    ce = _clause_end(text, s, comma)
    if ce <= s or _is_only_quote(text, s, ce, marks) or text[s] in "“\"‘":
        return []
    return [_q(text, s, ce, False, m.group(), spk, via=_via(text, s, e))]


def _split_pair(text: str, spk: tuple[int, int]) -> list[tuple[int, int]]:
    """"Russia and Syria condemned …" is one statement per speaker."""
    m = _SPLIT_PAIR.match(text[spk[0]:spk[1]])
    if not m:
        return [spk]
    return [(spk[0] + m.start(1), spk[0] + m.end(1)), (spk[0] + m.start(2), spk[0] + m.end(2))]


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return pos, pos


def _direct(text: str, sentences: list[tuple[int, int]], marks: list[tuple[int, int]],
            reported: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    for qs, qe in marks:
        if not text[qs:qe].strip():
            continue
        q = _attributed_after(text, qs, qe) or _attributed_before(text, sentences, qs, qe)
        if q is None:
            host = next((r for r in reported if r.start <= qs and qe <= r.end), None)
            if host is not None:
                q = replace(host, start=qs, end=qe, text=text[qs:qe], direct=True)
        if q is None and len(text[qs:qe].split()) >= MIN_STANDALONE_WORDS:
            q = _q(text, qs, qe, True, None, None, speaker=PREVIOUS)
        if q is not None:
            out.append(q)
    return out


def _attributed_after(text: str, qs: int, qe: int) -> Quote | None:
    start = qe + 1
    para_end = text.find("\n\n", start)
    para_end = len(text) if para_end < 0 else para_end
    stop = re.compile(r"[.!?](?:\s|$)|[“\"]").search(text, start, para_end)
    window_end = stop.start() if stop else para_end
    window = text[start:window_end]
    acc = re.match(r"^[\s,]*(?:according to|as (?:cited|quoted) by)\s+([^,.;(]{1,80})", window, re.IGNORECASE)
    if acc:
        spk = (start + acc.start(1), start + acc.end(1))
        return _q(text, qs, qe, True, "according to", spk)
    for m in _AFTER_CUE.finditer(text, start, window_end):
        left = text[start:m.start()]
        if not left.strip(" ,\u00a0"):
            inv = re.match(r"\s+((?:the |a |an )?[^,.;]{1,60})", text[m.end():window_end])
            if not inv:
                return None
            spk = (m.end() + inv.start(1), m.end() + inv.end(1))
            return _q(text, qs, qe, True, m.group(), spk)
        lstrip = len(left) - len(left.lstrip(" ,\u00a0"))
        first = (left[lstrip:].split(maxsplit=1) or [""])[0]
        if not first or first[:1].islower() and first.lower() not in SPEAKER_STARTS:
            return None  # "…” had fired …, while X said": the cue belongs to another clause
        span = clean_speaker(left[lstrip:])
        if span is None:
            return None
        spk = (start + lstrip + span[0], start + lstrip + span[1])
        via = None
        obj = _TOLD_OBJECT.match(text, m.end(), window_end) if m.group() in ("told", "tells") else None
        if obj and obj.group(1)[0].isupper():
            via = obj.group(1)
        by = re.match(r"was (?:cited|quoted) by\s+([^,.;]{1,60})", m.group() + text[m.end():window_end])
        if by:
            via = by.group(1).strip()
        return _q(text, qs, qe, True, m.group(), spk, via=via or _via(text, qe, window_end))
    return None


def _attributed_before(text: str, sentences: list[tuple[int, int]], qs: int, qe: int) -> Quote | None:
    s, _ = _sentence_of(sentences, qs - 1)
    para = text.rfind("\n\n", 0, qs)
    s = max(s, para + 2 if para >= 0 else 0)
    left = text[s:qs - 1]
    m = re.search(r"\b(?:according to|as (?:cited|quoted) by)\s+([^,.;(]{1,80}?)[,:]?\s*$", left, re.IGNORECASE)
    if m:
        return _q(text, qs, qe, True, "according to", (s + m.start(1), s + m.end(1)))
    m = _WHAT_CALLED.search(left)
    if m:
        return _q(text, qs, qe, True, left[m.end(1):].strip(), (s + m.start(1), s + m.end(1)))
    m = _BEFORE_CUE.search(left)
    if m:
        verb = m.group().split()[0].strip(",:")
        spk = speaker_from_left(text, s, s + m.start())
        if spk is None:
            spk = _clause_subject(text, s, s + m.start())
        if spk is not None:
            return _q(text, qs, qe, True, verb, spk)
    return None


def _clause_subject(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """"… reported that pro-ISIS figures in Raqqa justified X by saying" → "pro-ISIS figures in Raqqa"."""
    that = max(text.rfind(" that ", lo, hi), lo - 1)
    start = that + 6 if that >= lo else lo
    verb = re.compile(r"\s+[a-z]+ed\b").search(text, start, hi)
    if not verb:
        return None
    span = clean_speaker(text[start:verb.start()])
    return (start + span[0], start + span[1]) if span else None


def _resolve(text: str, quotes: list[Quote], names: list[tuple[int, int, str]] | None) -> list[Quote]:
    """Replace pronouns, "the source" and continued quotes by the nearest fitting speaker before them."""
    candidates: list[tuple[int, int, bool]] = []  # start, end, person-like
    if names is not None:
        candidates = [(s, e, label == "PERSON") for s, e, label in names]
    else:
        candidates = [(s, e, is_person_like(text[s:e])) for s, e in name_candidates(text, 0, len(text))]
    speakers: list[Quote] = []
    for q in quotes:
        word = (q.speaker or "").strip().lower()
        pos = q.speaker_start if q.speaker_start is not None else q.start
        if q.speaker == PREVIOUS:
            prev = speakers[-1] if speakers else None
            if prev is not None and q.start - prev.end < 800:
                q.speaker, q.speaker_start, q.speaker_end = prev.speaker, prev.speaker_start, prev.speaker_end
                q.via = q.via or prev.via
            else:
                q.speaker = None
        elif word in _PRONOUNS:
            want_person = _PRONOUNS[word] == "person"
            pool = [(sp.speaker_start, sp.speaker_end, is_person_like(sp.speaker or "")) for sp in speakers
                    if sp.speaker_start is not None] + candidates
            best = max(((s, e) for s, e, person in pool if e <= pos and (person or not want_person)),
                       default=None)
            if best is not None:
                q.speaker, q.speaker_start, q.speaker_end = text[best[0]:best[1]], best[0], best[1]
        elif re.match(r"^the\s+\w+$", word):
            noun = word.split()[1]
            prev = next((sp for sp in reversed(speakers) if sp.speaker and noun in sp.speaker.lower()
                         and sp.speaker.lower() != word), None)
            if prev is not None:
                q.speaker, q.speaker_start, q.speaker_end = prev.speaker, prev.speaker_start, prev.speaker_end
        if q.speaker:
            speakers.append(q)
    return quotes

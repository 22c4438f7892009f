"""Events in a non-English text from the language's trigger lexicon: a light, lower-confidence path.

The cascade, per sentence of the title, captions and body:
1. trigger: the first trigger group of the lexicon (most specific first) with a word in the
   sentence names the sub-event type; an upgrade ("manifestants" + "tués") may recode it, and
   violence against soldiers is a battle;
2. assertion: a negation right before the trigger, or a hedge (threat, plan, denial) around it,
   drops the sentence; so does a date well before publication (background);
3. folding: a definite noun ("l'explosion") joins the incident it points back to, events of one
   type at one place and date are one incident, then the events stage's own `merge_events`;
4. arguments, once per incident: actor mentions before the trigger act, those after it suffer,
   speakers ("selon l'armée") are neither; ACLED's generic actors (unidentified armed group,
   civilians, protesters, the state's police or army) fill the gaps;
5. place: the resolved place nearest the trigger in the sentence (a town before its province),
   else the paragraph's, the lead's or the dateline's; date: the sentence's, else the publication
   date at week precision; fatalities: "number … death word" figures (`find_tolls`) in the
   incident's sentences, the lowest claim as ACLED codes it.

Every event is marked: confidence at most `MAX_CONFIDENCE` (below what the English classifier
gives a sure event) and `trigger` is the lexicon word that fired.
Not responsible for finding places, actors or dates (the sibling modules) or for English texts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..events.extractor import inter_code, state_actor
from ..events.fatalities import conservative
from ..events.merge import merge_events
from ..events.taxonomy import Taxonomy
from ..events.timing import is_background, sentence_date, set_when
from ..model import DateMention, Document, Event, Figure, Mention
from ..resolve.actor_packs import ActorPack
from ..resolve.document import actor_record
from .lexicon import Lexicon, Phrase, Token
from .places import main_country

MAX_CONFIDENCE = 0.55
KIND_WEIGHT = {"body": 1.0, "title": 0.8, "caption": 0.7}
TOLL_WINDOW_AFTER = 9     # words between a number and the death word after it
TOLL_WINDOW_BEFORE = 4    # words between a death word and the number after it
CUE_WINDOW = 6
HEDGE_AFTER = 4
# Decisions a government takes for the whole country: placed at the country when the sentence
# names no place, as ACLED codes national-level developments.
NATIONAL = frozenset({"Change to group/activity", "Agreement"})
ARMED_KINDS = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia", "external_force"})
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)\n]{0,40}\)\s*)?[-–—:]")
# A line break inside a paragraph is a wrapped line, not a sentence end.
_SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+|\n\s*\n")


@dataclass
class Sentence:
    start: int
    end: int
    kind: str
    paragraph: int
    tokens: list[Token]


def sentences_of(doc: Document, lexicon: Lexicon) -> list[Sentence]:
    out = []
    for pi, p in enumerate(doc.paragraphs):
        if p.start is None or p.kind not in KIND_WEIGHT:
            continue
        text = doc.text[p.start:p.end]
        pos = 0
        for m in [*_SENTENCE_END.finditer(text), None]:
            end = m.start() if m else len(text)
            if len(text[pos:end].strip()) >= 12:
                start = p.start + pos
                out.append(Sentence(start, p.start + end, p.kind, pi, lexicon.tokens(text[pos:end], start)))
            pos = m.end() if m else len(text)
    return out


def find_tolls(sentences: list[Sentence], lexicon: Lexicon, text: str,
               dates: list[DateMention] = ()) -> list[Figure]:
    """Death tolls: a number with a death word a few words after it ("134 civils … tués") or just
    before it ("погибли 30 человек"), with no word for the wounded in between; never a number that
    is part of a date ("el 3 de junio murieron")."""
    figures = []
    in_date = lambda t: any(d.start <= t.start and t.end <= d.end for d in dates)  # noqa: E731
    for s in sentences:
        toks = s.tokens
        dead = {i for ph in lexicon.dead for i in ph.find(toks)}
        hurt = {i for ph in lexicon.wounded for i in ph.find(toks)}
        for i, tok in enumerate(toks):
            got = lexicon.number(tok)
            if got is None or (tok.text.isdigit() and 1900 <= int(tok.text) <= 2100) or in_date(tok):
                continue
            after = next((j for j in range(i + 1, min(len(toks), i + 1 + TOLL_WINDOW_AFTER)) if j in dead), None)
            before = next((j for j in range(i - 1, max(-1, i - 1 - TOLL_WINDOW_BEFORE), -1) if j in dead), None)
            # Nothing else countable in between: "3 jun … 13 personas murieron" tolls 13, not 3.
            between = lambda a, b: any(a < h < b for h in hurt) or any(  # noqa: E731
                lexicon.number(toks[k]) is not None for k in range(a + 1, b))
            if not ((after is not None and not between(i, after)) or (before is not None and not between(before, i))):
                continue
            value, vague = got
            figures.append(Figure(tok.start, tok.end, text[tok.start:tok.end], value, value, unit="people",
                                  counts="killed", vague=vague))
    return figures


def _claims(figures: list[Figure], start: int, end: int) -> list[dict[str, Any]]:
    return [{"value": int(f.low), "low": int(f.low), "high": int(f.high), "claimant": None, "text": f.text,
             "start": f.start, "end": f.end, "qualifier": f.qualifier, "vague": f.vague, "unit": f.unit,
             "update": False, "superseded": False, "said_by": None, "part": False}
            for f in figures if start <= f.start and f.end <= end and f.counts == "killed"]


def _any(phrases: tuple[Phrase, ...], tokens: list[Token], lo: int = 0, hi: int | None = None) -> bool:
    hi = len(tokens) if hi is None else hi
    return any(lo <= i < hi for ph in phrases for i in ph.find(tokens))


class ForeignEvents:
    def __init__(self, taxonomy: Taxonomy, pack: ActorPack | None):
        self.taxonomy = taxonomy
        self.pack = pack
        self.settled = frozenset(sub for sub in taxonomy.sub_event_names if taxonomy.event_type_of(sub) == "Protests")

    def extract(self, doc: Document, lexicon: Lexicon, sentences: list[Sentence], places: list[Mention],
                actors_found: list[Mention], actors: dict[str, dict[str, Any]], dates: list[DateMention],
                figures: list[Figure]) -> list[Event]:
        events, secondary, distinct, anaphoric = [], set(), set(), set()
        country = main_country(places)
        # A dateline ("MOPTI -") says where the story was filed, not where each event happened.
        places = [m for m in places if not _in_dateline(doc.text, m)] or places
        readings: list[str] = []    # each event's trigger group, before any upgrade
        for s in sentences:
            event = self._event(doc, lexicon, s, sentences, places, actors_found, actors, dates, figures, country)
            if event is None:
                continue
            reading = _trigger(lexicon, s.tokens, self.settled)[0]
            if _any(lexicon.distinct, s.tokens, 0, 3):
                distinct.add(len(events))
            elif _definite(lexicon, s.tokens, event.trigger_start):
                # "the explosion" after "an explosion": the same incident, whatever the first became.
                same = next((events[j] for j in range(len(events) - 1, -1, -1)
                             if readings[j] == reading and j not in secondary), None)
                if same is not None and s.kind == "body":
                    _absorb(same, event)
                    continue
                anaphoric.add(len(events))
            if s.kind != "body":
                secondary.add(len(events))
            events.append(event)
            readings.append(reading)
        events, (secondary, distinct, anaphoric) = _fold_repeats(events, [secondary, distinct, anaphoric])
        events = merge_events(events, secondary, set(), distinct, anaphoric)
        # Roles last: read per sentence they are too rough to keep two reports of one incident apart.
        by_span = {(s.start, s.end): s for s in sentences}
        for e in events:
            s = by_span[e.evidence[0]]
            # Who announces a development is its actor; who reports a killing is not a party to it.
            inside = [m for m in actors_found if s.start <= m.start and m.end <= s.end and m.actor
                      and (e.event_type == "Strategic developments" or not _source(lexicon, s.tokens, m))]
            # The other sentences told of the incident may name who did it ("ont revendiqué l'attaque").
            told = [m.actor for a, b in e.evidence[1:] for m in actors_found if a <= m.start and m.end <= b and m.actor]
            e_country = (e.place or {}).get("country") or country
            self._actors(e, inside, actors, e.trigger_start or s.start, e_country, _any(lexicon.civilians, s.tokens),
                         told, _any(lexicon.soldiers, s.tokens))
        _attach_tolls(events, sentences, figures)
        return events

    def _event(self, doc, lexicon: Lexicon, s: Sentence, sentences, places, actors_found, actors,
               dates, figures, doc_country) -> Event | None:
        hit = _trigger(lexicon, s.tokens, self.settled)
        if hit is None:
            return None
        sub, k, n = hit
        # A plan or threat may also follow its noun ("une manifestation est prévue samedi").
        if _any(lexicon.negation, s.tokens, max(0, k - 3), k) or \
                _any(lexicon.hedge, s.tokens, max(0, k - CUE_WINDOW), k + n + HEDGE_AFTER):
            return None
        # "La explosión destruyó el edificio" tells of the bombing already reported, so what it
        # says about damage does not make it a separate act of destruction.
        harm_told = _any(lexicon.dead, s.tokens) or _any(lexicon.wounded, s.tokens) or \
            _definite(lexicon, s.tokens, s.tokens[k].start)
        for up in lexicon.upgrades:
            if up.source == sub and _any(up.phrases, s.tokens) and not (up.without_harm and harm_told):
                sub = up.target
        if sub == "Attack" and _any(lexicon.soldiers, s.tokens) and not _any(lexicon.civilians, s.tokens):
            sub = "Armed clash"     # violence against soldiers or police is fighting, not an attack on civilians
        date_m = sentence_date(s, dates, s.tokens[k].start)
        if is_background(doc, date_m):
            return None
        trig = s.tokens[k]
        trig_end = s.tokens[k + n - 1].end
        place_m = _nearest(places, s, trig.start)
        if place_m is None and sub in NATIONAL:
            place_m = next((m for m in places if str(m.place.get("feature_code") or "").startswith("PCL")
                            and m.place.get("country") == doc_country), None)
        place_m = place_m or _fallback_place(s, sentences, places, doc)
        # Unplaced, an event is less likely to be the incident the story is about.
        confidence = MAX_CONFIDENCE * KIND_WEIGHT[s.kind] * (1.0 if place_m is not None else 0.8)
        event = Event(event_type=self.taxonomy.event_type_of(sub), sub_event_type=sub,
                      confidence=round(confidence, 4), evidence=[(s.start, s.end)],
                      disorder_type=self.taxonomy.disorder_type_of(sub), trigger=doc.text[trig.start:trig_end],
                      trigger_start=trig.start, trigger_end=trig_end)
        if place_m is not None:
            event.place = dict(place_m.place, name=place_m.place.get("name"))
            event.location_text, event.location_start, event.location_end = place_m.text, place_m.start, place_m.end
        set_when(event, doc, date_m)
        event.claims = _claims(figures, s.start, s.end)
        _refresh(event)
        return event

    # -- actors ---------------------------------------------------------------------------------
    def _actors(self, e: Event, inside: list[Mention], actors: dict, trig: int, country: str | None,
                civilians: bool, told: list[str] = (), soldiers: bool = False) -> None:
        kind = lambda a: actors.get(a or "", {}).get("kind")  # noqa: E731
        before = [m.actor for m in inside if m.end <= trig] or [
            a for a in told if kind(a) in ARMED_KINDS and e.event_type in VIOLENT][:1]
        after = [m.actor for m in inside if m.start >= trig]
        a1 = before[-1] if before else None
        a2 = next((a for a in after if a != a1), None)
        if e.event_type == "Protests":
            crowd = next((a for a in before + after if kind(a) == "protesters"), None)
            force = next((a for a in before + after if kind(a) in ("state_forces", "government")), None)
            a1 = crowd or self._generic("Protesters", country, actors)
            a2 = None if e.sub_event_type == "Peaceful protest" else (force or self._state("police", country, actors))
        elif e.event_type in VIOLENT:
            if a1 is None and a2 is not None and e.event_type != "Battles":
                a1, a2 = a2, None
            if a1 is None or kind(a1) in ("civilians", "protesters"):
                a1 = self._generic("Unidentified Armed Group", country, actors)
            if e.event_type == "Violence against civilians" or (civilians and a2 is None and e.event_type != "Battles"):
                a2 = a2 if kind(a2) == "civilians" else self._generic("Civilians", country, actors)
            elif a2 is None and soldiers and kind(a1) not in ("state_forces",):
                a2 = self._state("military", country, actors)
        elif a1 is None:
            a1, a2 = a2, None
        e.actor1, e.actor2 = a1, (a2 if a2 != a1 else None)
        e.actor1_name = actors.get(e.actor1 or "", {}).get("name")
        e.actor2_name = actors.get(e.actor2 or "", {}).get("name")
        e.inter1 = inter_code(actors.get(e.actor1 or ""), country)
        e.inter2 = inter_code(actors.get(e.actor2 or ""), country)
        e.interaction = self.taxonomy.interaction(e.inter1, e.inter2) if e.inter1 or e.inter2 else None
        e.civilian_targeting = self.taxonomy.civilian_targeting(e.sub_event_type, kind(e.actor2))

    def _generic(self, label: str, country: str | None, actors: dict) -> str | None:
        actor = self.pack.generic_actor(label, country) if (self.pack is not None and country) else None
        if actor is None:
            return None
        actors.setdefault(actor.id, actor_record(actor))
        return actor.id

    def _state(self, role: str, country: str | None, actors: dict) -> str | None:
        return state_actor(self.pack, role, country, actors)


def _source(lexicon: Lexicon, tokens: list[Token], m: Mention) -> bool:
    """An actor named as who said it ("Минобороны России заявило", "selon l'armée"), not as a party."""
    first = next((i for i, t in enumerate(tokens) if t.start >= m.start), None)
    last = next((i for i in range(len(tokens) - 1, -1, -1) if tokens[i].end <= m.end), None)
    if first is None or last is None:
        return False
    return _any(lexicon.speech, tokens, last + 1, last + 3) or _any(lexicon.according, tokens, max(0, first - 3), first)


def _in_dateline(text: str, m: Mention) -> bool:
    """A place name opening a paragraph and followed by a dash or colon ("MOPTI (Mali) -")."""
    line_start = text.rfind("\n", 0, m.start) + 1
    return not text[line_start:m.start].strip() and bool(_DATELINE_TAIL.match(text, m.end))


def _definite(lexicon: Lexicon, tokens: list[Token], trig: int | None) -> bool:
    """The trigger is a noun that points back ("l'explosion", "cette attaque", "التفجير")."""
    k = next((i for i, t in enumerate(tokens) if t.start == trig), None)
    if k is None:
        return False
    if any(tokens[k].forms[0].startswith(p) for p in lexicon.definite):
        return True
    return k > 0 and (_any(lexicon.anaphora, tokens, k - 1, k) or _any(lexicon.reference, tokens, k - 1, k))


def _reference(lexicon: Lexicon, tokens: list[Token], k: int) -> bool:
    """The trigger only names an incident told elsewhere ("à l'origine du massacre", "этот удар")."""
    return k > 0 and _any(lexicon.reference, tokens, k - 1, k)


def _fold_repeats(events: list[Event], marks: list[set[int]]) -> tuple[list[Event], list[set[int]]]:
    """Events of one type at the same place on the same date are one incident told again: the
    roles read off these sentences are too rough to tell two incidents apart by their actors.
    Marked events (headlines, "elsewhere", "the attack") are left to `merge_events`; the marks
    are returned renumbered for the shorter list."""
    marked = set().union(*marks)
    out: list[Event] = []
    index: dict[int, int] = {}
    for i, e in enumerate(events):
        targets = [out[index[x]] for x in index if x not in marked]
        same = None if i in marked else next(
            (k for k in targets if k.event_type == e.event_type and k.date == e.date and k.place and e.place
             and k.place.get("geonameid") == e.place.get("geonameid")), None)
        if same is None:
            index[i] = len(out)
            out.append(e)
            continue
        _absorb(same, e)
    return out, [{index[i] for i in m} for m in marks]


def _absorb(into: Event, other: Event) -> None:
    into.evidence.extend(span for span in other.evidence if span not in into.evidence)
    into.claims.extend(c for c in other.claims if c not in into.claims)
    _refresh(into)


def _trigger(lexicon: Lexicon, tokens: list[Token], settled: frozenset[str] = frozenset()) -> tuple[str, int, int] | None:
    """(sub-event type, token index, words) of the most specific trigger in the sentence.

    A trigger that only refers to an incident ("accusée d'être à l'origine du massacre") yields
    to a later group's trigger in the same sentence ("la dissolution"), except for types in
    `settled` (a protest is told with its crowd: "ces manifestants")."""
    blocked = {j for ph in lexicon.not_triggers for i in ph.find(tokens) for j in range(i, i + len(ph.words))}
    first = None
    for group in lexicon.triggers:
        hits = [(i, len(ph.words)) for ph in group.phrases for i in ph.find(tokens) if i not in blocked]
        if not hits:
            continue
        i, n = min(hits)
        if group.sub_event_type in settled or not _reference(lexicon, tokens, i):
            return group.sub_event_type, i, n
        first = first or (group.sub_event_type, i, n)
    return first


def _specific(m: Mention) -> bool:
    return str(m.place.get("feature_code") or "").startswith("PPL")


def _nearest(places: list[Mention], s: Sentence, pos: int) -> Mention | None:
    inside = [m for m in places if s.start <= m.start and m.end <= s.end]
    # A town beats the country or province that locates it ("à Ogossagou, dans le centre du Mali").
    towns = [m for m in inside if _specific(m)] or inside
    return min(towns, key=lambda m: abs(m.start - pos), default=None)


def _fallback_place(s: Sentence, sentences: list[Sentence], places: list[Mention], doc: Document):
    """The nearest earlier sentence of the paragraph with a place, else the lead's, else the dateline's."""
    earlier = [x for x in sentences if x.paragraph == s.paragraph and x.end <= s.start]
    lead = [x for x in sentences if x.kind in ("body", "title")][:3]
    for x in [*reversed(earlier), *lead]:
        got = _nearest(places, x, x.end)
        if got is not None:
            return got
    if doc.dateline:
        first = doc.dateline.split("/")[0].split(",")[0].strip().lower()
        return next((m for m in places if m.text.lower() == first), None)
    return None


def _refresh(e: Event) -> None:
    e.fatalities, e.fatalities_low, e.fatalities_high, e.fatalities_claimant = conservative(e.claims)


def _attach_tolls(events: list[Event], sentences: list[Sentence], figures: list[Figure]) -> None:
    """A toll told in a sentence of its own belongs to the nearest violent event told before it."""
    violent = [e for e in events if e.event_type in VIOLENT or e.sub_event_type == "Excessive force against protesters"]
    covered = {span for e in events for span in e.evidence}
    for s in sentences:
        if (s.start, s.end) in covered or s.kind != "body":
            continue
        claims = _claims(figures, s.start, s.end)
        before = [e for e in violent if e.evidence[0][0] < s.start]
        if claims and before:
            target = before[-1]
            target.claims.extend(claims)
            target.evidence.append((s.start, s.end))
            _refresh(target)

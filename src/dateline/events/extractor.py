"""The events stage: from one analysed document to ACLED-coded `Event` records with their evidence.

The cascade, per document:
1. candidate sentences: title, body and caption paragraphs (captions and headlines count for less;
   bylines and boilerplate never), classified in one batch (`EventClassifier.scores`);
2. assertion: a trigger word, then the cues that cancel it (plans, threats, modals, negation,
   denial, generic trends, statements) and background history (a date well before publication);
3. arguments: actor roles (`arguments`), the sub-type from the text probabilities reweighted by the
   actors' kinds (`coding_rules`) plus the generic actors ACLED uses (civilians, unidentified armed
   group, protesters, rioters, the state's forces for unnamed soldiers);
4. place (`location`), date (the sentence's date, else the publication date at week precision),
   fatalities (`fatalities`), with every competing death toll in the document attached;
5. merging repeated reports of one incident (`merge`);
6. an unidentified attacker takes the group the document says claimed or was blamed for the
   attack (`claimants`).

Not responsible for finding mentions, places, dates, figures or quotes (earlier stages) or for
grouping across documents (`dateline.corpus`). `extract` adds the records of the generic actors it
uses to `resolved.actors`, so every actor id on an event has a record in the analysis.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..model import DateMention, Document, Event, Figure, Quote
from .arguments import Roles, read_roles
from .claimants import credit_claimed_attacks
from .classifier import EventClassifier
from .clauses import event_clauses
from .coding_rules import (ARMED, DECISIVE_OVER, people_gone, apply_actor_rules, apply_text_rules, apply_trigger_rules,
                           decisive_sub_type)
from .fatalities import NO_HARM, claims_in
from .location import choose_place, precision_of, specificity
from .merge import merge_events, refresh_fatalities
from .taxonomy import Taxonomy
from .taxonomy_cues import DEAL, DISAPPEARED, GROUP_CHANGE, OTHER_MEASURE, PEOPLE_TAKEN, PROTEST_ACT
from .timing import FRONTED_BACK, fronted_background, is_background, sentence_date, set_when
from .triggers import (BACKGROUND, DEPICTION, GENERIC, NOT_EVENT_VERBS, OUTCOME_WORDS, TRIGGER, Trigger, assertion,
                       clause_of, find_trigger)

KIND_WEIGHT = {"body": 1.0, "title": 0.8, "caption": 0.6}
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
# A clause read without the rest of its sentence ("rebels seized Hish") has lost half its context.
CLAUSE_WEIGHT = 0.85
# Openings that set a sentence's event apart from the one told before it.
DISTINCT = re.compile(r"^\W*(?:[A-Z][A-Za-z]+\s+-\s+)?(?:in a separate|separately|elsewhere|meanwhile|in another|"
                      r"a second|another|later|earlier|also on|in separate)\b", re.IGNORECASE)
LETHAL_PROTEST = frozenset({"Excessive force against protesters", "Protest with intervention"})
MOVEMENT = frozenset({"Change to group/activity", "Non-violent transfer of territory"})
# A text-model probability the coding rules may reweigh but not overturn: the rules read resolved
# actors and single words, which are wrong more often than the model is at this level (measured
# out of fold on dev folds 1-4: above it the model was right in 6 of 7 disagreements). At 0.7 a
# phrase rule as reliable as "took to the streets" was overturned in whole reports.
CONFIDENT = 0.8
DECISIVE_SURE = 0.9  # how sure of the sub-type a decisive named thing (a chemical, a rape, ...) makes us
# A sentence the sub-type head reads as typical of one sub-type ("thousands marched through the
# streets ..., vowing to ...") is an event more often than the is-event head alone says: that head
# also reads the vows, funerals and statements around it. Measured on the dev reports: recall
# 0.849 -> 0.887 with precision 0.800 -> 0.806; 0.8-0.9 and +0.10-0.15 give the same figures.
TYPICAL, TYPICAL_BONUS = 0.9, 0.1
# Context a report opens with a time phrase ("Last month, ...") counts as much as "background" does
# in `triggers.assertion`: kept only when the classifier is sure and nothing else is told.
FRONTED_FACTOR = 0.3
# The is-event head learnt from many negatives about measures, deals, group changes and commemorations
# that were only planned, debated or remembered, so it doubts the told ones: "closed the crossing
# indefinitely" scored 0.49, "marched ... to mark the anniversary" 0.59. When the sub-type head's
# likeliest reading is the taxonomy's kind of event the sentence names in the taxonomy's words, that
# doubt is lifted a little (out of fold on dev folds 1-4, a likeliest reading of 0.2 found three more
# events than 0.5 and lost none; dev reports, samples and the article challenge set unchanged).
NAMED_BY_TAXONOMY = {"Other": OTHER_MEASURE, "Agreement": DEAL, "Change to group/activity": GROUP_CHANGE,
                     "Peaceful protest": PROTEST_ACT}
NAMED_SURE, NAMED_BONUS = 0.2, 0.15
# People said to be taken away or gone without trace: the is-event head reads "has not been seen
# since" and "none has returned" as negations, and the sub-type head seldom reads them as an abduction
# at all, so the lift does not wait for it (challenge set: 9 of 30 abductions missed before).
GONE_BONUS = 0.3


@dataclass
class Sentence:
    start: int            # document offsets
    end: int
    kind: str
    paragraph: int        # index into the parsed paragraphs
    span: Any             # spaCy Span
    shift: int            # paragraph offset: document offset = token.idx + shift
    p_event: float = 0.0
    probs: dict[str, float] = field(default_factory=dict)
    clause: bool = False  # the second clause of a sentence, read on its own
    # spaCy rebuilds a span's or doc's text from its tokens on every access; the stage reads both often
    text: str = ""
    paragraph_text: str = ""


def hint_words(phrases) -> frozenset[str]:
    """The words of a sub-type's trigger phrases that signal it: a one-word trigger, and from a longer
    phrase only its event words ("appointed a new commander" gives "appointed", not "commander"; "bombed
    from the air" gives "bombed", not "from")."""
    return _hint_words(tuple(phrases))


@lru_cache(maxsize=64)  # asked once per candidate sentence, of the same 25 sub-types
def _hint_words(phrases: tuple[str, ...]) -> frozenset[str]:
    out = set()
    for phrase in phrases:
        words = [w.lower() for w in phrase.split() if len(w) > 3]
        if len(phrase.split()) == 1:
            out.update(words)
        else:
            out.update(w for w in words if w.endswith("ed") or TRIGGER.match(w))
    return frozenset(out)


def _naming(s: Sentence) -> tuple[re.Match, float] | None:
    """Where the sentence names its event in the taxonomy's own words, and how much that lifts the
    is-event head: a measure, deal, group change or protest act the sub-type head's likeliest reading
    is about, else people taken away or gone without trace ("led six passengers into the bush", "has
    not been seen since")."""
    top = max(s.probs, key=s.probs.get)
    named = NAMED_BY_TAXONOMY.get(top)
    found = named.search(s.text) if named is not None and s.probs[top] >= NAMED_SURE else None
    if found is not None:
        return found, NAMED_BONUS
    if people_gone(s.text):
        return PEOPLE_TAKEN.search(s.text) or DISAPPEARED.search(s.text), GONE_BONUS
    return None


def _named_lift(s: Sentence) -> float:
    """The is-event probability, lifted when the sentence names its event in the taxonomy's own words."""
    naming = _naming(s)
    return s.p_event if naming is None else min(1.0, s.p_event + naming[1])


def _named_trigger(s: Sentence) -> Trigger | None:
    """The first of the taxonomy's words for the event the sentence names, as the event word of a
    sentence whose other words name no event."""
    naming = _naming(s)
    if naming is None:
        return None
    at = s.start - s.shift + naming[0].start()
    token = next((t for t in s.span if t.idx >= at), None)
    if token is None:
        return None
    return Trigger(token.i - s.span.start, token.idx, token.idx + len(token.text), token.text)


def _acronym(text: str, place: dict) -> bool:
    """"US", "UK", "UN" tagged as places resolve to villages; a country acronym is only a country."""
    return len(text) <= 3 and text.isupper() and not str(place.get("feature_code") or "").startswith("PCL")


# "BEIRUT, Jan 17 (IPA) - ", "DUBAI/SANAA - ": where the story was filed, not where anything happened.
_DATELINE = re.compile(r"[ \t]*[A-Z][\w'’.-]+(?:[ /][A-Z][\w'’.-]+){0,3}(?:,[^\n–—-]{0,40})?"
                       r"(?:\s*\([^)\n]{1,30}\))?\s+[-–—]\s")


# "Iran-backed militias", "Turkish-led forces", "a Dubai-based group": a name that qualifies an actor.
_MODIFIER = re.compile(r"[-‑–](?:backed|led|based|allied|aligned|affiliated|run|made|funded|supported|"
                       r"controlled|held|born)\b|\s+(?:officials?|sources?|spokes(?:man|woman|person)|media|forces|"
                       r"troops|authorities|government|ministry|embassy|envoy|warplanes|jets)\b", re.IGNORECASE)


_IT_OBJECT = re.compile(r"\s+it\b(?!\s+(?:was|is|has|had|would|will|said|says|\w+ed)\b)", re.IGNORECASE)
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def _anaphoric(s: Sentence, event: Event, text: str) -> bool:
    """"the assassination is proof of...", "those behind the attack": a noun that points back to an
    incident already told rather than telling a new one."""
    token = next((t for t in s.span if t.idx + s.shift == event.trigger_start), None)
    if token is None or token.pos_ not in ("NOUN", "PROPN"):
        return False
    before = text[max(s.start, event.trigger_start - 40):event.trigger_start]
    found = _DEFINITE.search(before)
    # the nearest determiner decides: "in a statement that the assassination" points back
    return bool(found) and not re.search(r"\b(?:a|an|another|second|third|new|fresh|latest|first)\s",
                                         before[found.start():], re.IGNORECASE)


def _in_dateline(text: str, pos: int) -> bool:
    """Whether the place mention at `pos` is the dateline that opens its paragraph."""
    line = text.rfind("\n", 0, pos) + 1
    m = _DATELINE.match(text, line)
    return bool(m) and pos < m.end()


class EventExtractor:
    """Holds the classifier, taxonomy and actor pack; `extract()` is pure per document."""

    def __init__(self, classifier: EventClassifier, taxonomy: Taxonomy, pack=None, *,
                 threshold: float = 0.5, min_event: float = 0.3, min_confidence: float = 0.5,
                 context_weight: float = 0.4):
        self.classifier = classifier
        self.taxonomy = taxonomy
        self.pack = pack
        self.threshold = threshold
        self.min_event = min_event
        self.min_confidence = min_confidence
        self.context_weight = context_weight

    @classmethod
    def load(cls, pack=None, *, model: str | None = None, taxonomy: str | None = None,
             **kw: Any) -> "EventExtractor":
        return cls(EventClassifier.load(model), Taxonomy.load(taxonomy), pack, **kw)

    # -- the cascade --------------------------------------------------------------------------------
    def extract(self, doc: Document, annotated, resolved, *, quotes: list[Quote] = (),
                figures: list[Figure] = (), dates: list[DateMention] = ()) -> list[Event]:
        sentences = self._sentences(doc, annotated)
        if not sentences:
            return []
        # One batch: every sentence, then every paragraph holding more than one of them. A
        # sentence's sub-type is read with its paragraph in view ("He had no known affiliation").
        per_paragraph = Counter(s.paragraph for s in sentences)
        paras = sorted(i for i, n in per_paragraph.items() if n > 1)
        paragraph_texts = {s.paragraph: s.paragraph_text for s in sentences}
        texts = [s.text for s in sentences] + [paragraph_texts[i] for i in paras]
        p_event, p_sub = self.classifier.scores(texts)
        labels = self.classifier.labels
        context = {i: p_sub[len(sentences) + k] for k, i in enumerate(paras)}
        for s, pe, row in zip(sentences, p_event, p_sub):
            if s.paragraph in context:
                row = (1 - self.context_weight) * row + self.context_weight * context[s.paragraph]
            s.p_event, s.probs = float(pe), dict(zip(labels, map(float, row)))
            s.p_event = _named_lift(s)
        speakers = [(q.speaker_start, q.speaker_end) for q in quotes if q.speaker_start is not None]
        places = [m for m in resolved.mentions if m.place and not _acronym(m.text, m.place)]
        places = [m for m in places if not _in_dateline(doc.text, m.start)] or places
        places = [m for m in places if not _MODIFIER.match(doc.text, m.end)]
        events: list[Event] = []
        secondary: set[int] = set()
        weak: set[int] = set()
        distinct: set[int] = set()
        anaphoric: set[int] = set()
        used: set[int] = set()
        for k, s in enumerate(sentences):
            if s.p_event < self.min_event:
                continue
            event = self._event(doc, s, sentences, resolved, places, list(figures), list(dates), speakers)
            if event is None:
                continue
            used.add(k)
            if s.kind != "body":
                secondary.add(len(events))
            if (event.trigger or "").lower() in OUTCOME_WORDS or DEPICTION.search(s.text):
                weak.add(len(events))
            if DISTINCT.search(s.text):
                distinct.add(len(events))
            elif _anaphoric(s, event, doc.text):
                anaphoric.add(len(events))
            events.append(event)
        events = merge_events(events, secondary, weak, distinct, anaphoric)
        events = [e for e in events if e.confidence >= self.min_confidence]
        for e in events:  # "no casualties" is a reported zero, which ACLED codes as 0
            if e.fatalities is None and any(NO_HARM.search(doc.text[a:b]) for a, b in self._with_next(e, sentences)):
                e.fatalities = e.fatalities_low = e.fatalities_high = 0
        self._attach_tolls(doc, sentences, used, events, list(figures))
        return credit_claimed_attacks(events, doc.text, resolved, self.taxonomy.interaction)

    @staticmethod
    def _with_next(e: Event, sentences: list[Sentence]) -> list[tuple[int, int]]:
        """The event's evidence plus the sentence after each span in its paragraph: "Two rockets hit
        the base. Nobody was hurt." tells the outcome one sentence on."""
        spans = list(e.evidence)
        for k, s in enumerate(sentences[:-1]):
            nxt = sentences[k + 1]
            if (s.start, s.end) in e.evidence and nxt.paragraph == s.paragraph:
                spans.append((nxt.start, nxt.end))
        return spans

    def _sentences(self, doc: Document, annotated) -> list[Sentence]:
        kinds = [(p.start, p.end, p.kind) for p in doc.paragraphs if p.start is not None]
        out = []
        for pi, parsed in enumerate(annotated.paragraphs):
            kind = next((k for a, b, k in kinds if a <= parsed.start < max(b, a + 1)), "body")
            if kind not in KIND_WEIGHT:
                continue
            ptext = parsed.doc.text
            for sent in parsed.doc.sents:
                text = ptext[sent.start_char:sent.end_char]
                if len(text.strip()) < 12:
                    continue
                out.append(Sentence(parsed.start + sent.start_char, parsed.start + sent.end_char, kind, pi,
                                    sent, parsed.start, text=text, paragraph_text=ptext))
                for clause in event_clauses(sent):
                    out.append(Sentence(parsed.start + clause.start_char, parsed.start + clause.end_char, kind, pi,
                                        clause, parsed.start, clause=True,
                                        text=ptext[clause.start_char:clause.end_char], paragraph_text=ptext))
        return out

    def _event(self, doc, s: Sentence, sentences, resolved, places, figures, dates, speakers) -> Event | None:
        tokens = list(s.span)
        if len(tokens) < 4:
            return None
        top = max(s.probs, key=s.probs.get)
        hints = hint_words(self.taxonomy.sub(top).triggers)
        trigger = find_trigger(tokens, hints)
        if trigger is None:
            trigger = _named_trigger(s)
        if trigger is None:
            verb = next((t for t in tokens if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN")
                         and t.text.lower() not in NOT_EVENT_VERBS), None)
            if s.p_event < 0.8 or verb is None:
                return None
            trigger = Trigger(verb.i - s.span.start, verb.idx, verb.idx + len(verb.text), verb.text)
        factor, _reason = assertion(tokens, trigger, s.text)
        if _reason == "present" and s.kind == "title":
            factor = 1.0  # headlines tell past events in the present tense
        date_m = sentence_date(s, dates, trigger.start + s.shift)
        if is_background(doc, date_m):
            factor = min(factor, 0.1)
        elif fronted_background(doc, s.paragraph_text[s.span.sent.start_char:] if s.clause else s.text, date_m):
            factor = min(factor, FRONTED_FACTOR)  # a clause is set apart by its sentence's opening
        p_event = s.p_event
        if max(s.probs.values()) >= TYPICAL:
            p_event = min(1.0, p_event + TYPICAL_BONUS)
        score = p_event * factor * KIND_WEIGHT[s.kind]
        if score < self.threshold * KIND_WEIGHT[s.kind] * (0.999 if s.kind == "body" else 0.75):
            return None
        mentions = [m for m in resolved.mentions if m.actor and s.start <= m.start and m.end <= s.end
                    and not _in_dateline(doc.text, m.start)]
        roles = read_roles(tokens, trigger.index, mentions, resolved.actors, s.shift, speakers)
        k1, k2 = self._kinds(roles, resolved.actors)
        verbs = [t.text for t in tokens if t.pos_ == "VERB"]
        paragraph = s.paragraph_text  # each paragraph is parsed on its own
        probs = apply_text_rules(apply_trigger_rules(apply_actor_rules(s.probs, k1, k2), trigger.text, s.text,
                                                     verbs), s.text, paragraph)
        sub, p_sub = self._sub_type(s.probs, probs, decisive_sub_type(s.text, paragraph))
        trig_doc = trigger.start + s.shift
        in_sentence = [m for m in places if s.start <= m.start and m.end <= s.end]
        chosen = choose_place(in_sentence, doc.text, trig_doc,
                              movement=sub in MOVEMENT)
        place_m = (chosen[0] if chosen else self._place_it_stands_for(doc.text, trigger.end + s.shift, s, places)
                   or self._fallback_place(s, sentences, places, doc))
        country = (place_m.place.get("country") if place_m else None) or resolved.country
        event = Event(event_type=self.taxonomy.event_type_of(sub), sub_event_type=sub,
                      confidence=round(min(1.0, score * (0.6 + 0.4 * p_sub)) * (CLAUSE_WEIGHT if s.clause else 1.0), 4),
                      evidence=[(s.start, s.end)], disorder_type=self.taxonomy.disorder_type_of(sub),
                      trigger=trigger.text, trigger_start=trig_doc, trigger_end=trigger.end + s.shift)
        self._actors(event, roles, resolved, country)
        if place_m is not None:
            event.place = dict(place_m.place, name=place_m.place.get("name"))
            event.place["geo_precision"] = precision_of(place_m.place, doc.text, place_m.start)
            event.location_text, event.location_start, event.location_end = place_m.text, place_m.start, place_m.end
        set_when(event, doc, date_m)
        event.claims = claims_in(figures, doc.text, s.start, s.end)
        refresh_fatalities(event)
        return event

    @staticmethod
    def _sub_type(text_probs: dict[str, float], ruled: dict[str, float],
                  decisive: str | None = None) -> tuple[str, float]:
        """The ruled sub-type and its probability, unless the text model alone was confident of another one
        (what the taxonomy lets one named thing decide, `decisive`, decides even then)."""
        first = max(text_probs, key=text_probs.get)
        if decisive in ruled and (first in DECISIVE_OVER.get(decisive, ()) or first == decisive):
            # the taxonomy lets the named thing decide: the sub-type is as sure as the event is
            return decisive, max(ruled[decisive], text_probs[first], DECISIVE_SURE)
        if text_probs[first] >= CONFIDENT:
            return first, max(text_probs[first], ruled[first])
        best = max(ruled, key=ruled.get)
        return best, ruled[best]

    # -- arguments ------------------------------------------------------------------------------------
    @staticmethod
    def _kinds(roles: Roles, actors: dict) -> tuple[str | None, str | None]:
        k1 = actors.get(roles.agent.main or "", {}).get("kind")
        if k1 is None and roles.state_agent:
            k1 = "state_forces"
        if k1 is None and roles.unknown_agent:
            k1 = "political_militia"
        k2 = actors.get(roles.patient.main or "", {}).get("kind")
        if k2 is None:
            if roles.armed_victims:
                k2 = "state_forces" if roles.armed_victims in ("military", "police") else "rebel_group"
            elif roles.civilians:
                k2 = "civilians"
            elif roles.crowd:
                k2 = "protesters"
        return k1, k2

    def _actors(self, e: Event, roles: Roles, resolved, country: str | None) -> None:
        actors = resolved.actors
        kind = lambda a: actors.get(a or "", {}).get("kind")  # noqa: E731
        a1, a2 = roles.agent.main, roles.patient.main
        etype, sub = e.event_type, e.sub_event_type
        if etype == "Protests":
            crowd = next((a for a in roles.agent.ids + roles.patient.ids if kind(a) == "protesters"), None)
            force = next((a for a in roles.agent.ids + roles.patient.ids if kind(a) in ARMED), None)
            a1 = crowd or self._generic("Protesters", country, actors)
            a2 = force if sub != "Peaceful protest" else None
            if a2 is None and sub != "Peaceful protest":
                a2 = self._state("police", country, actors)
        elif etype == "Riots":
            crowd = next((a for a in roles.agent.ids + roles.patient.ids if kind(a) == "rioters"), None)
            a1 = crowd or self._generic("Rioters", country, actors)
            a2 = next((a for a in roles.agent.ids + roles.patient.ids if a != a1), None)
        elif etype in VIOLENT:
            if a1 is None and roles.state_agent:
                a1 = self._state(roles.state_agent, country, actors)
            if a1 is None and roles.unknown_agent:
                a1 = self._generic("Unidentified Armed Group", country, actors)
            if a1 is None and a2 is not None and etype == "Battles" and roles.passive is False:
                a1, a2 = a2, None
            if a1 is None or kind(a1) in ("civilians", "protesters"):
                a1 = self._generic("Unidentified Armed Group", country, actors)
            if a2 is None or a2 == a1:
                a2 = None
                if etype == "Violence against civilians" or (roles.civilians and not roles.armed_victims
                                                             and etype != "Battles"):
                    a2 = self._generic("Civilians", country, actors)
                elif roles.armed_victims in ("military", "police") and etype != "Violence against civilians":
                    a2 = self._state(roles.armed_victims, country, actors)
                    a2 = None if a2 == a1 else a2
            elif etype == "Violence against civilians" and kind(a2) in ARMED:
                a2 = self._generic("Civilians", country, actors)
        else:  # strategic developments: whoever acted, the other side if there is one
            if a1 is None and roles.state_agent:
                a1 = self._state(roles.state_agent, country, actors)
            if a1 is None:
                a1, a2 = a2, None
        a2 = None if a2 == a1 else a2  # one actor is never both sides of an event
        e.actor1, e.actor2 = a1, a2
        e.assoc_actor1 = [a for a in roles.agent.ids[1:] if a not in (a1, a2)]
        e.assoc_actor2 = [a for a in roles.patient.ids[1:] if a not in (a1, a2)]
        e.actor1_name = actors.get(a1 or "", {}).get("name")
        e.actor2_name = actors.get(a2 or "", {}).get("name")
        e.inter1 = inter_code(actors.get(a1 or ""), country)
        e.inter2 = inter_code(actors.get(a2 or ""), country)
        e.interaction = self.taxonomy.interaction(e.inter1, e.inter2) if e.inter1 or e.inter2 else None
        e.civilian_targeting = self.taxonomy.civilian_targeting(sub, kind(a2))

    def _generic(self, label: str, country: str | None, actors: dict) -> str:
        from ..resolve.document import actor_record

        actor = self.pack.generic_actor(label, country) if (self.pack is not None and country) else None
        if actor is not None:
            actors.setdefault(actor.id, actor_record(actor))
            return actor.id
        name = label
        if country and self.pack is not None and country in self.pack.countries.by_code:
            name = f"{label} ({self.pack.countries.by_code[country].name})"
        elif country:
            name = f"{label} ({country})"
        aid = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        kinds = {"Civilians": ("civilians", 7), "Protesters": ("protesters", 6), "Rioters": ("rioters", 5),
                 "Unidentified Armed Group": ("political_militia", 3)}
        k, inter = kinds.get(label, ("other", 8))
        actors.setdefault(aid, {"id": aid, "name": name, "kind": k, "inter": inter, "country": country,
                                "parent": None, "wikidata": None, "provisional": False, "pack": "generic"})
        return aid

    def _state(self, role: str, country: str | None, actors: dict) -> str | None:
        return state_actor(self.pack, role, country, actors)

    # -- place, date, tolls ---------------------------------------------------------------------------
    @staticmethod
    def _place_it_stands_for(text: str, trigger_end: int, s: Sentence, places: list):
        """"Mosul, which was recaptured from ISIS. The army retook it": a town or city that "it", right after
        the event word, points back to is the last one named before the sentence, within its paragraph."""
        if not _IT_OBJECT.match(text, trigger_end):
            return None
        para_start = text.rfind("\n", 0, s.start) + 1
        towns = [m for m in places if para_start <= m.start and m.end <= s.start and specificity(m.place) == 3]
        return max(towns, key=lambda m: m.start, default=None)

    @staticmethod
    def _fallback_place(s: Sentence, sentences: list[Sentence], places: list, doc: Document):
        """Nearest earlier sentence of the paragraph with a place, else the lead's, else the dateline's."""
        # A country named by an earlier sentence ("attacks planned by Iran") is a weaker guess than
        # the specific place the lead gives, so it is kept only when nothing more specific is found.
        # a clause split off its sentence ("..., and gunmen then opened fire") shares its scene
        earlier = [x for x in sentences if x.paragraph == s.paragraph
                   and (x.end <= s.start or (x.start < s.start and s.end <= x.end))]
        earlier.sort(key=lambda x: (x.start < s.start and s.end <= x.end, x.end))
        body = [x for x in sentences if x.kind == "body"]
        first = None
        for x, anchor in [(x, x.end) for x in reversed(earlier)] + [(x, x.start) for x in body[:3]]:
            got = choose_place([m for m in places if x.start <= m.start and m.end <= x.end], doc.text, anchor)
            if got and specificity(got[0].place) >= 2:
                return got[0]
            first = first or (got[0] if got else None)
        if first is not None:
            return first
        if doc.dateline:
            first = doc.dateline.split("/")[0].split(",")[0].strip().lower()
            for m in places:
                if m.text.lower() == first:
                    return m
        return min(places, key=lambda m: (-(m.place.get("geo_precision") == 1), m.start), default=None)

    @staticmethod
    def _attach_tolls(doc: Document, sentences: list[Sentence], used: set[int], events: list[Event],
                      figures: list[Figure]) -> None:
        """Death tolls told in their own sentence ("The ministry said 43 people had been killed")
        belong to the nearest violent event told before them; campaign totals belong to none.

        A toll that competes with one already told ("The opposition put the toll at 110") goes to
        the event carrying that earlier toll, not to a toll-less event told in between. A toll
        belongs only to an event told in its own or the neighbouring paragraph: a figure paragraphs
        away, in a summary or a list, counts a campaign rather than this incident. A lead that gives
        the toll before the incident ("The death toll from two blasts has risen to 87") goes to the
        first event told after it."""
        violent = [e for e in events if e.event_type in VIOLENT or e.sub_event_type in LETHAL_PROTEST]
        if not violent:
            return
        para = {(x.start, x.end): x.paragraph for x in sentences}
        covered = {span for e in events for span in e.evidence}
        for k, s in enumerate(sentences):
            if k in used or (s.start, s.end) in covered or s.kind != "body":
                continue
            claims = claims_in(figures, doc.text, s.start, s.end)
            # a generic word elsewhere in the sentence ("as both sides continued to blame each
            # other") says nothing about the toll; only the figure's own clauses count
            claims = [c for c in claims if not GENERIC.search(
                clause_of(s.text, c["start"] - s.start, c["end"] - s.start))]
            if not claims:
                continue
            # "came two weeks after the deadliest bombing, where 350 were killed": another incident;
            # "had earlier put the toll at 134" is this one's superseded count, and stays
            if (BACKGROUND.search(s.text) or FRONTED_BACK.match(s.text)) and \
                    not any(c["superseded"] or c["update"] for c in claims):
                continue  # "Last month, four soldiers were killed ...": another incident's toll
            near = [e for e in violent
                    if any(abs(para.get(span, -9) - s.paragraph) <= 1 for span in e.evidence)]
            before = [e for e in near if e.evidence[0][0] < s.start]
            tolled = [e for e in before if e.claims]
            if before:
                target = max(tolled or before, key=lambda e: e.evidence[0][0])
            elif near and not any(e.evidence[0][0] < s.start for e in violent):
                target = min(near, key=lambda e: e.evidence[0][0])
            else:
                continue
            target.evidence.append((s.start, s.end))
            target.claims.extend(claims)
            refresh_fatalities(target)


def state_actor(pack, role: str, country: str | None, actors: dict) -> str | None:
    """The id of country's state actor for `role` ("police", "military"; the military when the pack
    has no such role), recorded in `actors`; None without a pack or a country."""
    from ..resolve.document import actor_record

    if pack is None or not country:
        return None
    actor = pack.state_actor(role, country) or pack.state_actor("military", country)
    if actor is None:
        return None
    actors.setdefault(actor.id, actor_record(actor))
    return actor.id


def inter_code(rec: dict | None, country: str | None) -> int | None:
    """ACLED's inter code of an actor record in a story set in `country`: a state's own forces are
    1 at home and 8 (external/other forces) abroad; other actors keep their pack's code."""
    if not rec:
        return None
    if rec.get("kind") in ("state_forces", "government", "external_force") and country and rec.get("country"):
        return 1 if rec["country"] == country else 8
    return rec.get("inter")

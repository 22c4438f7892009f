"""Rules that correct and extend the statistical NER in conflict reporting, applied per parsed Doc.

Responsible for, in this order:
1. tidying model spans: a leading "the", quote marks and dashes at the edges, a trailing
   possessive; a span never runs over a line break;
2. dropping page furniture the model calls a name ("Archival", "Share") and lower-case "names";
3. pinning labels the model gets wrong for well-known names (Isil as PERSON);
4. place context (`place_context`): a name after a locative preposition ("in Moadamiyet al-Sham"),
   a siege verb ("shelled Manbij") or before/after a place noun ("Raqqa province", "the city of
   Tabqa") is a GPE, whether the model called it PERSON, ORG, PRODUCT or DATE; names listed with
   such a place are places too, and so are proper nouns the model left untagged in the strongest
   place contexts ("near Garri", "the village of Tamanaa");
   a country before a weapon is the attacker, an ORG ("a US drone strike");
5. demonyms used as adjectives ("Iraqi", "Syrian") are NORP, not GPE;
6. re3d's conventions for titles: a title before a name is part of the PERSON ("Foreign Secretary
   Boris Johnson"), and a title standing for a person is a PERSON ("the President");
7. generic armed and political groups are ORG ("rebels", "opposition forces", "the regime",
   "Iraqi security forces", "Assad's regime"); a country directly before its forces is one ORG
   with them ("U.S. forces", as re3d marks it), a demonym stays a NORP beside the group.

Not responsible for: names from the actor packs and gazetteer (ruler patterns, which win over
every rule here), or deciding which actor a group is (resolve).

Sources: spans from a ruler are `ruler`, spans a rule created or changed are `rule`, the model's
untouched spans are `model`. Rules only ever work inside one paragraph's Doc.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .place_context import (LANGUAGES, LOCATIVE_PREPS, OTHER_LABELS, attacker_country, coordinated_places,
                            cue_before, landmark_place, may_be_place, place_cue, untagged_places)
from .pronominal import pronominal_spans
from .stoplist import Stoplist

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

# spans_key of the caseless and the cased name ruler (see EntityAnnotator._add_rulers).
RULER_KEYS = ("dateline_names", "dateline_names_cased")

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_QUOTES_DASHES = frozenset("\"'“”‘’«»„‚‹›()[]{}-–—_*•|/:;,")
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})

# Lower-case words that may sit inside a name: "Bosnia and Herzegovina", "Islamic State of Iraq and
# the Levant", "Minister for the Middle East", "Abu Bakr al-Baghdadi", "Osama bin Laden".
_NAME_PARTICLES = frozenset({"of", "the", "and", "for", "al", "el", "bin", "ibn", "bint", "abu", "de",
                             "du", "la", "le", "van", "von", "der", "den", "da", "di", "y", "on", "upon",
                             "at", "'s", "’s"})
_ARABIC_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "ash", "at", "az", "an", "ath", "adh"})
# A sentence-initial "Near Palmyra, ..." comes out as PERSON "Near Palmyra".
_LEADING_JUNK = frozenset({"the", "near", "in", "at", "outside", "from", "inside", "around"})

# A span containing one of these words names an organisation, whatever its context says.
ORG_WORDS = frozenset("""forces army front brigade brigades council party movement committee ministry
government regime group organization organisation union coalition command battalion division
units unit state agency office department news press media tv network company bank university
institute foundation association international watch observatory center centre league alliance
corps guard police navy service services nations authority authorities commission
""".split())

TITLE_HEADS = frozenset("""minister secretary president premier chancellor ambassador envoy
representative spokesman spokeswoman spokesperson commander chief director governor mayor king
queen emir prince chairman chairwoman general adviser advisor senator""".split())
TITLE_MODIFIERS = frozenset("""prime foreign defence defense home interior deputy vice special state
office fco press chief executive senior acting assistant under crown supreme military commanding
lieutenant lt lt. major maj maj. brigadier brig brig. justice finance health energy trade""".split())
# Ranks and honorifics that sit directly before a name ("Gen. Joseph Votel", "Mr Ellwood").
NAME_PREFIXES = frozenset("""gen gen. lt lt. col col. maj maj. capt capt. brig brig. adm adm. sgt sgt.
cpl cpl. spc spc. pvt pvt. cmdr cmdr. cdr cdr. commodore colonel captain sergeant corporal
lieutenant admiral general major mr mr. mrs mrs. ms ms. dr dr. sir lord lady dame he h.e. sheikh
shaikh imam mullah president minister secretary king queen emir prince senator ambassador envoy
commander chief director governor mayor chairman""".split())
SPOKESPERSONS = frozenset({"spokesman", "spokeswoman", "spokesperson"})

# Groups ACLED codes as actors even unnamed ("rebels", "militants"); re3d calls them Organisation.
GROUP_NOUNS = frozenset("""rebels militants terrorists jihadists insurgents extremists islamists
militias militiamen gunmen mercenaries loyalists separatists guerrillas guerillas paramilitaries
jihadis""".split())
FORCE_NOUNS = frozenset("""forces troops fighters groups factions units soldiers army military militia
police brigades battalions regime government rebels militants terrorists jihadists insurgents
militias militiamen coalition opposition""".split())
GROUP_MODIFIERS = frozenset("""opposition rebel government regime coalition security armed allied
partner special ground terrorist jihadist islamist extremist insurgent loyalist tribal local
foreign international militia pro moderate led backed -led -backed - supported affiliated""".split())
# Forces a country, not a city, fields: "U.S. forces" is one organisation, "Islamabad police" a
# city's police, where the city stays a place.
NATIONAL_FORCES = frozenset({"forces", "troops", "soldiers", "military", "army", "navy", "marines",
                             "commandos"})
# Standing alone after "the": "the regime", "the opposition", "the coalition".
DEFINITE_GROUPS = frozenset({"regime", "opposition", "coalition", "junta", "rebels", "militants",
                             "community"})
# ...but these only with a modifier: "the international community", not "the community".
_NEED_MODIFIER = frozenset({"community"})
_FORCE_OR_DEFINITE = FORCE_NOUNS | DEFINITE_GROUPS
# Ship prefixes: "USS Hopper" is a vessel, which the model calls a PERSON.
SHIP_PREFIXES = frozenset({"uss", "hms", "fs", "hmcs", "hmas", "ins", "rfs", "hmnzs", "usns"})
# Model labels for titles of works and laws; a "The Coalition" there is an organisation.
_WORK_LABELS = frozenset({"WORK_OF_ART", "LAW", "PRODUCT", "EVENT"})


def _cue_before_country(doc: Doc, start: int, lows: list[str]) -> bool:
    """"Fighting in Idlib forces thousands to flee": a place after a locative word keeps its label
    even when a force word follows."""
    return cue_before(doc, start, lows)[0] in LOCATIVE_PREPS


def _spaced_dash(doc: Doc, i: int) -> bool:
    """"BAGHDAD - Islamic State fighters": a dash with spaces on both sides ends a dateline, never a name
    ("al-Sham" and "Ras al-Ain" have none)."""
    return doc[i].text in ("-", "–", "—") and i > 0 and bool(doc[i - 1].whitespace_) and bool(doc[i].whitespace_)


def _cap(token) -> bool:
    return token.text[:1].isupper()


def _group_mod(low: str) -> bool:
    return low in GROUP_MODIFIERS or low.endswith(("-led", "-backed", "-supported", "-allied"))


# Heads of a group named after its leader: "the Asad regime", "the Trump administration".
LEADER_GROUP_HEADS = frozenset({"regime", "administration"})


def _split_leader_regime(doc: Doc, span: Span, source: str) -> list[tuple[Span, str]]:
    """"Asad regime" (one ORG from the model) -> PERSON "Asad" + ORG "regime", as the rules already
    do for "Assad's regime"; re3d marks the leader as a Person inside the Organisation. A known
    group before the head ("Taliban regime") is a ruler span and never reaches here."""
    from spacy.tokens import Span

    head = doc[span.end - 1]
    if span.label_ != "ORG" or len(span) < 2 or head.lower_ not in LEADER_GROUP_HEADS or not head.is_lower:
        return [(span, source)]
    name = doc[span.start:span.end - 1]
    if not all(t.tag_ == "NNP" and _cap(t) and t.lower_ not in ORG_WORDS for t in name):
        return [(span, source)]
    return [(Span(doc, name.start, name.end, label="PERSON"), "rule"),
            (Span(doc, head.i, head.i + 1, label="ORG"), "rule")]


class EntityRules:
    """The rule set, built once per annotator (it needs the pipeline's vocab for its matchers)."""

    def __init__(self, vocab: Vocab, stoplist: Stoplist):
        from spacy.matcher import Matcher

        self.stoplist = stoplist
        self.titles = Matcher(vocab)
        mods = {"LOWER": {"IN": sorted(TITLE_MODIFIERS)}, "OP": "*"}
        head = {"LOWER": {"IN": sorted(TITLE_HEADS)}}
        tail = [{"LOWER": {"IN": ["of", "for"]}}, {"LOWER": "the", "OP": "?"},
                {"IS_TITLE": True, "ENT_TYPE": {"NOT_IN": ["PERSON"]}, "OP": "+"}]
        self.titles.add("TITLE", [[mods, head], [mods, head, *tail]], greedy="LONGEST")

    # -- entry point ----------------------------------------------------------------------------

    def apply(self, doc: Doc) -> list[tuple[Span, str]]:
        """Correct `doc.ents` in place and return the final (span, source) pairs, sorted."""
        ruler = {(s.start, s.end) for key in RULER_KEYS if key in doc.spans for s in doc.spans[key]}
        # The lower-case forms, read once: the loops below test every token against word lists,
        # and building a spaCy Token per test was most of the rules' cost.
        lows = [t.lower_ for t in doc]
        spans: list[tuple[Span, str]] = []
        for ent in doc.ents:
            if (ent.start, ent.end) in ruler:
                spans.extend(_split_leader_regime(doc, ent, "ruler"))
                continue
            spans.extend(self._fix_model_span(doc, ent, lows))
        spans = self._set(doc, spans + self._forced_tokens(doc, spans, lows))
        spans = coordinated_places(doc, spans, lows, self._movable)
        taken = {i for s, _ in spans for i in range(s.start, s.end)}
        spans = self._set(doc, spans + untagged_places(doc, taken, lows, self._never_in_place))
        extra = [x for s in self._titles(doc, lows) + self._groups(doc, lows) for x in _split_leader_regime(doc, *s)]
        spans = self._set(doc, spans + extra, preferred=extra)
        taken = {i for s, _ in spans for i in range(s.start, s.end)}
        return sorted(spans + pronominal_spans(doc, taken, lows), key=lambda x: (x[0].start, x[0].end))

    def _never_in_place(self, low: str) -> bool:
        return low in NAME_PREFIXES or low in TITLE_HEADS or low in self.stoplist.never_names \
            or low in self.stoplist.forced_labels or low in ORG_WORDS

    def _movable(self, span: Span, source: str) -> bool:
        """Whether a span listed next to a place may be relabelled a place: not a ruler's name, a
        known organisation, an acronym or a titled person."""
        if source == "ruler" or span.text.lower() in self.stoplist.forced_labels or span.text.isupper():
            return False
        label, words = span.label_, {t.lower_ for t in span}
        if label in ("PERSON", "ORG"):
            return not words & (ORG_WORDS | NAME_PREFIXES)
        if label == "NORP":
            return len(span) == 1 and span[0].tag_ == "NNP"
        return label in OTHER_LABELS and may_be_place(span.doc, span.start, span.end, label)

    def _forced_tokens(self, doc: Doc, spans: list[tuple[Span, str]], lows: list[str]) -> list[tuple[Span, str]]:
        """Pinned names the model missed altogether ("ISIS" in a title-case headline). Two-letter
        forms count only in capitals, so "is" and "Un" stay words."""
        from spacy.tokens import Span

        forced = self.stoplist.forced_labels
        hits = [i for i, low in enumerate(lows) if low in forced]
        if not hits:
            return []
        taken = {i for s, _ in spans for i in range(s.start, s.end)}
        out = []
        for i in hits:
            t = doc[i]
            if i not in taken and (t.text.isupper() or (len(t.text) > 2 and _cap(t))):
                out.append((Span(doc, i, i + 1, label=forced[lows[i]]), "rule"))
        return out

    # -- 1-5: the model's own spans ---------------------------------------------------------------

    def _fix_model_span(self, doc: Doc, ent: Span, lows: list[str]) -> list[tuple[Span, str]]:
        from spacy.tokens import Span

        label = ent.label_
        if label not in NAME_LABELS:
            return [x for x in [self._fix_piece(doc, ent, ent.start, ent.end, lows)] if x]
        # Split where a name cannot continue: a line break, or a lower-case word that is not a
        # name particle ("Raqqa as Daesh" came out as one ORG; "Bosnia and Herzegovina" stays).
        cuts = [ent.start - 1]
        for i in range(ent.start, ent.end):
            t = doc[i]
            particle = t.lower_ in _NAME_PARTICLES or (
                t.lower_ in _ARABIC_ARTICLES and i + 1 < len(doc) and doc[i + 1].text == "-")
            if "\n" in t.text or (t.is_alpha and t.is_lower and not particle and t.pos_ != "PROPN") \
                    or _spaced_dash(doc, i):
                cuts.append(i)
        cuts.append(ent.end)
        pieces = [(a + 1, b) for a, b in zip(cuts, cuts[1:]) if b > a + 1]
        fixed = [self._fix_piece(doc, ent, a, b, lows) for a, b in pieces]
        # "MOGADISHU - Somali troops": the capitals before a dateline's dash name the place it was filed
        fixed = [(Span(doc, x[0].start, x[0].end, label="GPE"), "rule")
                 if x and b < len(doc) and _spaced_dash(doc, b) and x[0].text.isupper() else x
                 for x, (_, b) in zip(fixed, pieces)]
        return [x for x in fixed if x]

    def _fix_piece(self, doc: Doc, ent: Span, start: int, end: int, lows: list[str]) -> tuple[Span, str] | None:
        from spacy.tokens import Span

        label = ent.label_
        while start < end and (doc[start].text in _QUOTES_DASHES or doc[start].is_space or (
                label in NAME_LABELS and doc[start].lower_ in _LEADING_JUNK)):
            start += 1
        while end > start and (doc[end - 1].text in _QUOTES_DASHES or doc[end - 1].is_space
                               or (label in NAME_LABELS and doc[end - 1].lower_ in _POSSESSIVE)):
            end -= 1
        if start >= end:
            return None
        text = doc[start:end].text
        low = text.lower()
        changed = (start, end) != (ent.start, ent.end)
        if doc[start].lower_ in SHIP_PREFIXES and end - start > 1:
            return Span(doc, start, end, label="PRODUCT"), "rule"
        if label in _WORK_LABELS and doc[end - 1].lower_ in ORG_WORDS and _cap(doc[end - 1]):
            start += doc[start].lower_ == "the"
            return Span(doc, start, end, label="ORG"), "rule"
        # Dates take "on", "at", "to" ("on Thanksgiving Day"); only the strong cues count for them.
        if label in OTHER_LABELS and may_be_place(doc, start, end, label) \
                and place_cue(doc, start, end, lows, weak=label != "DATE"):
            # "shelled Manbij" (PRODUCT), "near Manbij" (DATE); a capitalised word the model left
            # out in front is the same name ("the Deiz Ezzor governorate", only "Ezzor" tagged).
            while start > 0 and doc[start - 1].ent_iob_ == "O" and doc[start - 1].tag_ == "NNP" \
                    and _cap(doc[start - 1]) and not doc[start].is_sent_start:
                start -= 1
            return Span(doc, start, end, label="GPE"), "rule"
        if label in NAME_LABELS:
            if low in self.stoplist.never_names:
                return None
            if label != "NORP" and not any(c.isupper() for c in text):
                return None
            forced = self.stoplist.forced_labels.get(low)
            if forced and forced != label:
                return Span(doc, start, end, label=forced), "rule"
            if forced:
                return Span(doc, start, end, label=label), "rule" if changed else "model"
            new = self._relabel(doc, start, end, label, lows)
            if new != label:
                return Span(doc, start, end, label=new), "rule"
        return Span(doc, start, end, label=label), "rule" if changed else "model"

    def _relabel(self, doc: Doc, start: int, end: int, label: str, lows: list[str]) -> str:
        span = doc[start:end]
        words = {t.lower_ for t in span}
        place_context = place_cue(doc, start, end, lows) or (
            label in ("PERSON", "ORG", "NORP") and landmark_place(doc, start, end, lows, label))
        if label in ("PERSON", "ORG") and not words & ORG_WORDS and not span.text.isupper() and place_context:
            return "GPE"
        if label == "NORP" and end - start == 1 and span[0].tag_ == "NNP" and place_context \
                and span[0].lower_ not in LANGUAGES:
            return "GPE"  # "in eastern Aleppo": the model's NORP for a city
        if label == "NORP" and end - start == 1 and span[0].tag_ in ("NNPS", "NNS"):
            return "ORG"  # "the Syrians", "the Turks": a people acting, re3d's Organisation
        if label in ("GPE", "ORG") and end - start == 1 and span[0].tag_ == "JJ":
            return "NORP"  # "Iraqi forces", "the Syrian government": a demonym, not the country
        if label == "GPE" and attacker_country(doc, start, end, lows) and not place_context:
            return "ORG"  # "a US drone strike": the country acts (re3d: "U.S. strike" -> Organisation)
        return label

    # -- 6: titles ------------------------------------------------------------------------------

    def _titles(self, doc: Doc, lows: list[str]) -> list[tuple[Span, str]]:
        from spacy.tokens import Span

        persons = {e.start: e for e in doc.ents if e.label_ == "PERSON"}
        out: list[tuple[Span, str]] = []
        for ent in persons.values():  # "Gen. Joseph Votel", "Mr Ellwood", "President Hollande"
            start = ent.start
            while start > 0 and doc[start - 1].lower_ in NAME_PREFIXES and (
                    _cap(doc[start - 1]) or doc[start - 1].text.endswith(".")):
                start -= 1
            if start < ent.start:
                out.append((Span(doc, start, ent.end, label="PERSON"), "rule"))
        # Every title match holds a head word; most paragraphs have none, so skip the matcher.
        for _, start, end in self.titles(doc) if not TITLE_HEADS.isdisjoint(lows) else ():
            span = doc[start:end]
            head = next((t for t in span if t.lower_ in TITLE_HEADS), span[-1])
            prev = doc[start - 1] if start > 0 else None
            nxt = doc[end] if end < len(doc) else None
            after = persons.get(end)
            if after is not None and _cap(head):
                out.append((Span(doc, start, after.end, label="PERSON"), "rule"))
                continue
            if span[-1].lower_ in TITLE_HEADS and nxt is not None and nxt.is_alpha and nxt.is_lower \
                    and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
                continue  # "the general public", "the chief executive officer's office"
            if prev is not None and prev.lower_ == "the":
                out.append((Span(doc, start, end, label="PERSON"), "rule"))
            elif prev is not None and prev.lower_ in ("a", "an") and head.lower_ in SPOKESPERSONS:
                out.append((Span(doc, start, end, label="PERSON"), "rule"))
            elif _cap(head) and end - start >= 2 and all(_cap(t) or t.is_lower and t.lower_ in ("of", "for", "the")
                                                           for t in span):
                out.append((Span(doc, start, end, label="PERSON"), "rule"))
        return out

    # -- 7: generic groups ----------------------------------------------------------------------

    def _groups(self, doc: Doc, lows: list[str]) -> list[tuple[Span, str]]:
        from spacy.tokens import Span

        out: list[tuple[Span, str]] = []
        ent_at = {i: e for e in doc.ents for i in range(e.start, e.end)}
        for e in doc.ents:
            # "Iraqi security forces", "Assad's brutal regime", "U.S.-led coalition": the name keeps
            # its own label (re3d nests the Nationality inside the Organisation) and the group words
            # after it become an ORG, so neither is lost in a flat list of mentions.
            if e.label_ not in ("NORP", "GPE", "PERSON"):
                continue
            i = e.end
            while i < len(doc) and lows[i] in ("'s", "’s", "-", "led", "backed", "supported"):
                i += 1
            first, steps = i, 0
            while i < len(doc) and steps < 3 and i not in ent_at and (
                    lows[i] in GROUP_MODIFIERS or doc[i].pos_ == "ADJ") and lows[i] not in FORCE_NOUNS:
                i, steps = i + 1, steps + 1
            if i + 1 < len(doc) and lows[i] == "air" and lows[i + 1] in ("force", "forces"):
                i += 1  # "Russia's air force"
            elif not (i < len(doc) and i not in ent_at and lows[i] in FORCE_NOUNS):
                continue
            # "Syrian government forces", "Iraqi army troops": the group is the whole noun run.
            while i + 1 < len(doc) and i + 1 not in ent_at and lows[i + 1] in FORCE_NOUNS:
                i += 1
            if e.label_ == "GPE" and first == e.end and lows[i] in NATIONAL_FORCES \
                    and not _cue_before_country(doc, e.start, lows):
                # "U.S. forces": re3d's one Organisation, with no Location inside; a demonym
                # ("Iraqi forces") or a possessive ("Iraq's forces") stays nested as before.
                first = e.start
            out.append((Span(doc, first, i + 1, label="ORG"), "rule"))
        for ti, low in enumerate(lows):  # "the regime", "the U.S.-led coalition", "the counter-ISIL coalition"
            if low not in DEFINITE_GROUPS or ti in ent_at:
                continue
            k = ti - 1
            while k >= max(0, ti - 5) and lows[k] != "the" and (
                    k in ent_at or _group_mod(lows[k]) or doc[k].pos_ in ("ADJ", "PROPN")
                    or lows[k] in ("-", "counter", "anti", "international", "global")):
                k -= 1
            inside = {ent_at[x].label_ for x in range(k + 1, ti) if x in ent_at}
            if low in _NEED_MODIFIER and k + 1 == ti:
                continue
            if k >= 0 and lows[k] == "the" and not inside & {"NORP", "GPE", "PERSON"}:
                out.append((Span(doc, k + 1, ti + 1, label="ORG"), "rule"))
        i = 0
        while i < len(doc):  # "rebels", "opposition forces", "Coalition"
            end = self._group_at(doc, i, ent_at, lows)
            if end is not None:
                out.append((Span(doc, i, end, label="ORG"), "rule"))
                i = end
            else:
                i += 1
        return out

    @staticmethod
    def _group_at(doc: Doc, i: int, ent_at: dict, lows: list[str]) -> int | None:
        """End of a generic group starting at token `i`, or None."""
        if i in ent_at or (i > 0 and (i - 1) in ent_at) or lows[i] in ("-", "led", "backed"):
            return None  # after a name the group noun is that name's head ("ISIL fighters")
        j = i
        while j < len(doc) and j not in ent_at and _group_mod(lows[j]):
            j += 1
        head = None
        if j < len(doc) and j not in ent_at and (lows[j] in GROUP_NOUNS
                                                 or (j > i and lows[j] in FORCE_NOUNS)):
            head = j
        elif j > i and lows[j - 1] in _FORCE_OR_DEFINITE:
            head = j - 1  # the run ended on a noun that doubles as a modifier: "the regime"
            if head == i and not (lows[i] == "coalition" and _cap(doc[i])):
                return None
        if head is None:
            return None
        nxt = doc[head + 1] if head + 1 < len(doc) else None
        if nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN" and nxt.lower_ not in FORCE_NOUNS:
            return None  # a modifier itself: "rebel positions", "coalition airstrikes"
        return head + 1

    # -- assembling ---------------------------------------------------------------------------------

    @staticmethod
    def _set(doc: Doc, spans: list[tuple[Span, str]], preferred=()) -> list[tuple[Span, str]]:
        """Keep non-overlapping spans: rulers and rule extensions first (longest first), then the
        model's; write them to `doc.ents` so the parse the events stage reads agrees."""
        pref = {(s.start, s.end, s.label_) for s, _ in preferred}

        def rank(item):
            span, source = item
            tier = 0 if source == "ruler" or (span.start, span.end, span.label_) in pref else 1
            return (tier, -(span.end - span.start), span.start)

        taken: set[int] = set()
        kept: list[tuple[Span, str]] = []
        for span, source in sorted(spans, key=rank):
            if any(i in taken for i in range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            kept.append((span, source))
        kept.sort(key=lambda x: x[0].start)
        doc.ents = [s for s, _ in kept]
        return kept

"""What the event-location ranker sees of one candidate place: a fixed vector of surface cues.

Responsible for turning (candidate place mentions of one sentence, the text, the trigger offset)
into a float matrix, one row per candidate, with the columns named in `FEATURES`. The same code
builds the training matrix (`scripts/train_event_location.py`) and the runtime one, so the shipped
weights and the features can never drift apart silently: the weights file stores the names it was
trained with and `LocationRanker` refuses a mismatch.
Not responsible for scoring (`location_ranker`) or for the hand rules (`location`).
Only `re` and numpy: the events stage must not need the training stack.
"""
from __future__ import annotations

import math
import re

import numpy as np

# The word right before a place, one column each; the nearest wins, so "in the town of X" reads "of"
# (`phrase_locative` sees the "in").
PREPOSITIONS = ("in", "at", "near", "on", "from", "to", "into", "outside", "across", "around",
                "of", "by", "between", "and", "for", "against", "inside", "over", "through")
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_SETTLEMENT_OF = re.compile(r"\b(?:town|city|village|district|province|governorate|region|area|suburb|"
                            r"neighbou?rhood|camp|county|state|capital|outskirts|countryside|vicinity|"
                            r"north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+(?:the\s+)?$",
                            re.IGNORECASE)
_DIRECTION = re.compile(r"\b(?:north|south|east|west|northern|southern|eastern|western|central|"
                        r"north-?eastern|north-?western|south-?eastern|south-?western|km|kilometres?|"
                        r"kilometers?|miles?)\b[\w\s-]{0,12}$", re.IGNORECASE)
_BASED = re.compile(r"^\s*-\s*based|^-(?:based|headquartered)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(?:'s|’s|')(?!\w)")
_KIND_AFTER = re.compile(r"^\s+(?:province|governorate|city|town|village|district|region|county|state|"
                         r"area|camp|neighbou?rhood|suburb|outskirts|countryside)\b", re.IGNORECASE)
_SPEAKER_AFTER = re.compile(r"^\W{0,3}\s*(?:said|says|told|announced|reported|claimed|denied|accused|"
                            r"condemned|warned|state media|news agency|government|foreign ministry|ministry|"
                            r"officials?|authorities|spokes(?:man|woman|person)|embassy|police said)\b",
                            re.IGNORECASE)
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|reported|quoted|cited|announced|statement|"
                          r"spokes(?:man|woman|person)|agency|monitor|observatory|correspondent|ministry)\b",
                          re.IGNORECASE)
# Words that open another clause: a place on the far side of one belongs to that clause's verb.
_CLAUSE = re.compile(r"\b(?:after|before|when|while|since|because|although|who|which|whom|where|but|then|"
                     r"as well as|amid|following)\b", re.IGNORECASE)
# ", and the army fled towards X": often a new clause with its own verb, sometimes just a list.
_COMMA_AND = re.compile(r"[,;]\s*(?:and|but|while|then)\b", re.IGNORECASE)
_QUOTES = re.compile(r"[\"“”]")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“(]?[A-Z0-9])|\n")

FEATURES = (
    ("bias",)
    + tuple(f"prep_{p}" for p in PREPOSITIONS)
    + ("prep_none", "settlement_of", "direction_before", "based_after", "possessive_after", "kind_after",
       "speaker_after", "attribution_between", "inside_quotes", "in_parentheses",
       "after_trigger", "log_token_distance", "distance_le_3", "distance_le_8", "distance_gt_20",
       "commas_between", "is_nearest", "is_nearest_after", "label_gpe", "label_loc", "label_fac",
       "country", "admin", "populated", "most_specific", "relative_position", "first_candidate",
       "n_candidates", "same_name_elsewhere", "rule_score", "label_norp", "label_other",
       "log_population", "resolver_score", "method_name", "method_phrase", "method_landmark", "method_near",
       "method_generic", "match_exact", "subject_of_trigger", "subject_town", "country_disagrees",
       "phrase_locative", "phrase_origin", "clause_between", "comma_and_between")
)
INDEX = {name: i for i, name in enumerate(FEATURES)}


def sentence_bounds(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around offsets `lo`..`hi`: back to the previous sentence end, on to the next one."""
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, lo - 600), lo + 3):  # + 3: room for the lookahead
        if m.end() <= lo:
            start = m.end()
    nxt = _SENTENCE_END.search(text, hi)
    return start, (nxt.start() + 1 if nxt else len(text))


def _specificity(place: dict | None) -> int:
    from .location import specificity

    return specificity(place or {})


def _tokens(text: str) -> int:
    return len(_TOKEN.findall(text))


def candidate_matrix(mentions: list, text: str, trigger_pos: int, *, rule_scores: list[float] | None = None
                     ) -> np.ndarray:
    """One row of `FEATURES` per mention (each needs `.start`, `.end`, `.text`, `.label`, `.place`)."""
    x = np.zeros((len(mentions), len(FEATURES)), dtype=np.float64)
    if not mentions:
        return x
    lo = min([trigger_pos] + [m.start for m in mentions])
    hi = max([trigger_pos] + [m.end for m in mentions])
    s0, s1 = sentence_bounds(text, lo, hi)
    length = max(1, s1 - s0)
    distances = [_tokens(text[min(m.end, trigger_pos):max(m.start, trigger_pos)]) for m in mentions]
    specs = [_specificity(m.place) for m in mentions]
    after = [m.start > trigger_pos for m in mentions]
    nearest = min(distances)
    nearest_after = min((d for d, a in zip(distances, after) if a), default=None)
    names = [m.text.lower() for m in mentions]
    countries = [(m.place or {}).get("country") for m in mentions]
    for i, m in enumerate(mentions):
        row = x[i]
        before = text[max(s0, m.start - 60):m.start]
        following = text[m.end:min(s1, m.end + 40)]
        _prepositions(row, before)
        _phrase(row, before)
        row[INDEX["settlement_of"]] = bool(_SETTLEMENT_OF.search(before))
        row[INDEX["direction_before"]] = bool(_DIRECTION.search(before[-25:]))
        row[INDEX["based_after"]] = bool(_BASED.match(following))
        row[INDEX["possessive_after"]] = bool(_POSSESSIVE.match(following))
        row[INDEX["kind_after"]] = bool(_KIND_AFTER.match(following))
        row[INDEX["speaker_after"]] = bool(_SPEAKER_AFTER.match(following))
        between = text[min(m.end, trigger_pos):max(m.start, trigger_pos)]
        row[INDEX["attribution_between"]] = bool(_ATTRIBUTION.search(between))
        row[INDEX["clause_between"]] = bool(_CLAUSE.search(between))
        row[INDEX["comma_and_between"]] = bool(_COMMA_AND.search(between))
        row[INDEX["inside_quotes"]] = len(_QUOTES.findall(text[s0:m.start])) % 2 == 1
        row[INDEX["in_parentheses"]] = text.count("(", s0, m.start) > text.count(")", s0, m.start)
        row[INDEX["after_trigger"]] = after[i]
        # "al-Raqqa fell", "Aleppo was shelled" - but also "Damascus said": the data weighs it.
        row[INDEX["subject_of_trigger"]] = (not after[i] and distances[i] <= 3 and row[INDEX["prep_none"]] == 1
                                            and "," not in between)
        d = distances[i]
        row[INDEX["log_token_distance"]] = math.log1p(d)
        row[INDEX["distance_le_3"]] = d <= 3
        row[INDEX["distance_le_8"]] = d <= 8
        row[INDEX["distance_gt_20"]] = d > 20
        row[INDEX["commas_between"]] = min(3, between.count(",") + between.count(";"))
        row[INDEX["is_nearest"]] = d == nearest
        row[INDEX["is_nearest_after"]] = after[i] and d == nearest_after
        _kind(row, m.label, specs[i], max(specs))
        row[INDEX["relative_position"]] = (m.start - s0) / length
        row[INDEX["first_candidate"]] = i == 0
        row[INDEX["n_candidates"]] = math.log(len(mentions))
        row[INDEX["same_name_elsewhere"]] = names.count(names[i]) > 1
        # Another country than all its neighbours: a misresolution or a second country in the story.
        others = {c for j, c in enumerate(countries) if j != i and c}
        row[INDEX["country_disagrees"]] = bool(others) and countries[i] not in others
        _resolution(row, m)
        if rule_scores is not None:
            row[INDEX["rule_score"]] = rule_scores[i]
    x[:, INDEX["bias"]] = 1.0
    return x


def _kind(row: np.ndarray, label: str, spec: int, most: int) -> None:
    for name in ("GPE", "LOC", "FAC", "NORP"):
        row[INDEX[f"label_{name.lower()}"]] = label == name
    row[INDEX["label_other"]] = label not in ("GPE", "LOC", "FAC", "NORP")
    row[INDEX["country"]] = spec == 1
    row[INDEX["admin"]] = spec == 2
    row[INDEX["populated"]] = spec == 3
    row[INDEX["most_specific"]] = spec == most
    # Names right before the trigger that resolve to towns are often people or groups the resolver
    # took for places ("Omar was captured"): the data weighs this on its own.
    row[INDEX["subject_town"]] = row[INDEX["subject_of_trigger"]] and spec == 3


def _resolution(row: np.ndarray, m) -> None:
    """How the gazetteer match was made: a guessed "near X" or a fuzzy match is weaker evidence."""
    place = m.place or {}
    row[INDEX["log_population"]] = math.log1p(max(0.0, float(place.get("population") or 0))) / 16.0
    row[INDEX["resolver_score"]] = min(20.0, float(place.get("score") or 0)) / 10.0
    method = str(place.get("method") or "")
    kind = method.split(":", 1)[0]
    if f"method_{kind}" in INDEX:
        row[INDEX[f"method_{kind}"]] = 1.0
    row[INDEX["match_exact"]] = method.endswith(":exact")


def _prepositions(row: np.ndarray, before: str) -> None:
    words = re.findall(r"[A-Za-z]+", before.lower())[-4:]
    # Skip what may stand between a preposition and the name: "in the northern town of" → "of".
    while words and words[-1] in ("the", "a", "an", "northern", "southern", "eastern", "western", "central",
                                  "rural", "restive", "nearby", "neighbouring", "neighboring"):
        words.pop()
    last = words[-1] if words else ""
    if last in ("and", "or") and len(words) >= 3 and words[-3] in INDEX_PREP:
        last = words[-3]  # "fled to Damascus and Latakia": Latakia is a destination too
    last = {"towards": "to", "toward": "to", "onto": "on", "within": "in"}.get(last, last)
    if last in INDEX_PREP:
        row[INDEX_PREP[last]] = 1.0
    else:
        row[INDEX["prep_none"]] = 1.0


_LOCATIVE_WORDS = frozenset({"in", "at", "inside", "near", "outside", "across", "around", "on", "within"})
_ORIGIN_WORDS = frozenset({"from", "to", "towards", "toward", "into"})
_CLAUSE_WORDS = frozenset({"after", "before", "when", "while", "as", "since", "that", "which", "who", "and",
                           "or", "but", "said", "says", "told", "was", "were", "is", "are", "has", "have", "had"})


def _phrase(row: np.ndarray, before: str) -> None:
    """The preposition heading the name's phrase a few words back: "inside Baghdad's fortified Green Zone"."""
    clause = re.split(r"[,;:()\"“”—–]", before)[-1]
    for word in reversed(re.findall(r"[A-Za-z]+", clause.lower())[-6:]):
        if word in _CLAUSE_WORDS:
            return
        if word in _LOCATIVE_WORDS:
            row[INDEX["phrase_locative"]] = 1.0
            return
        if word in _ORIGIN_WORDS:
            row[INDEX["phrase_origin"]] = 1.0
            return


INDEX_PREP = {p: INDEX[f"prep_{p}"] for p in PREPOSITIONS}

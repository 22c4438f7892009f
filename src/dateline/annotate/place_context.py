"""Where a name stands says whether it is a place: the context cues the entity rules read.

Responsible for: deciding, from the words around a span of one parsed paragraph, whether the span
sits where a place goes ("in Manbij", "shelled Manbij", "the town of Hit", "Albu Kamal near the
border", "the villages of Kafr Nabuda and al-Hamamiyat"), and whether a span the model gave a
non-name label (PRODUCT, DATE, LANGUAGE…) may be a place at all. Also: which words after a
country make it the doer of an attack ("a US drone strike").

Not responsible for: knowing which places exist (resolve looks every GPE up in the gazetteer and
repairs what it can), or changing spans (`entity_rules` does that with these answers).

Why two strengths of cue: "from" and "to" take people as often as places ("a call from Lavrov"),
so they only count for labels that are never people or organisations (a PRODUCT "Manbij"),
while "in", "near", a siege verb or a place noun count for every label.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

LOCATIVE_PREPS = frozenset({"in", "near", "outside", "around", "across", "throughout", "towards",
                            "toward", "into", "inside", "nearby", "surrounding", "besieged", "northern",
                            "southern", "eastern", "western", "central", "rural", "northeastern",
                            "northwestern", "southeastern", "southwestern", "between", "over"})
# Cues that also introduce people and organisations: only for labels that are never either.
WEAK_PREPS = frozenset({"from", "to", "at", "on", "via", "reach", "reached"})
# Verbs of siege, capture and bombardment take places as objects ("isolate Raqqah", "retake
# Palmyra", "bombed Hamouria"); verbs that as often take people ("capture", "kill", "hit") are out.
PLACE_VERBS = frozenset("""isolate isolates isolated isolating liberate liberates liberated liberating
besiege besieges besieged besieging encircle encircles encircled encircling storm storms stormed
storming retake retakes retook retaken retaking recapture recaptures recaptured recapturing enter
enters entered entering shell shells shelled shelling bombed bombing bombard bombards bombarded
bombarding pound pounds pounded pounding overran overrun evacuate evacuated struck fled flee flees
fleeing""".split())
# Nouns before "of" that are followed by a place: "the isolation of Raqqah", "control of Albu Kamal".
PLACE_OF = frozenset({"residents", "inhabitants", "isolation", "liberation", "siege", "encirclement",
                      "capital", "outskirts", "vicinity", "site", "countryside", "suburbs", "recapture",
                      "north", "south", "east", "west", "northeast", "northwest", "southeast",
                      "southwest", "entrance", "control", "centre", "center", "edge", "streets",
                      "towns", "villages", "cities", "districts", "neighbourhoods", "neighborhoods",
                      "parts", "people", "port", "ports", "locality", "fall", "capture", "mayor", "governor",
                      "square", "market", "side", "microdistrict", "heart", "forest", "islands", "road",
                      "direction"})
# Movement away from a place: "withdrew from Malam-Fatori", "pulled out of Jebel Moya".
MOVE_VERBS = frozenset("""withdraw withdraws withdrew withdrawn withdrawing retreat retreats retreated
retreating pull pulls pulled pulling out moved moving displaced expelled driven ousted""".split())
# Sites named after their place: "the Bartella road", "the Torkham crossing", "the Tabqa dam".
LANDMARK_NOUNS = frozenset({"road", "highway", "crossing", "border", "dam", "bridge", "airport",
                            "base", "station", "hospital", "oil", "checkpoint", "port"})
PLACE_NOUNS = frozenset({"province", "governorate", "countryside", "city", "town", "village",
                         "district", "suburb", "suburbs", "neighbourhood", "neighborhood",
                         "region", "outskirts", "municipality", "subdistrict", "sub-district", "camp",
                         "hamlet", "quarter", "site", "vicinity", "area", "areas", "environs",
                         "frontline", "front", "pocket", "township", "territory", "tehsil", "county",
                         "valley", "plain", "mountains", "desert", "axis"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})

# Model labels that are never a place the way it uses them, yet often hide one in this domain:
# "Manbij" (PRODUCT), "near Manbij" (DATE), "in Aleppo" (LANGUAGE), "Nowruz" aside.
OTHER_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "DATE"})
# ...but not when the words are what the label says.
LANGUAGES = frozenset("""arabic english french kurdish kurmanji sorani persian farsi dari pashto urdu
turkish russian ukrainian hebrew amharic tigrinya somali swahili hausa fulani bambara tamasheq
burmese hindi bengali spanish portuguese german italian chinese mandarin""".split())
DATE_WORDS = frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
friday saturday sunday today tonight yesterday tomorrow morning afternoon evening night week weekend
month year years day days ramadan eid christmas easter nowruz ashura passover hanukkah diwali lent
thanksgiving""".split())

# Weapons and attacks after a country make it their doer: "a US drone strike", "U.S. airstrikes".
# re3d marks the country there as an Organisation ("U.S. strike"), not a Location. Force nouns
# ("U.S. forces") are `entity_rules`' business: there the whole phrase is the Organisation.
WEAPON_HEADS = frozenset("""strike strikes airstrike airstrikes air-strike air-strikes drone drones
warplane warplanes jet jets aircraft plane planes helicopter helicopters bomber bombers gunship
gunships bombing bombings bombardment raid raids shelling artillery missile missiles rocket rockets
air""".split())


def cue_before(doc: Doc, start: int, lows: list[str]) -> tuple[str, int]:
    """The word before a span, skipping a hashtag mark ("in #Sarmada"), and its index."""
    k = start - 1
    if k >= 0 and doc[k].text == "#":
        k -= 1
    return (lows[k], k) if k >= 0 else ("", -1)


def place_cue(doc: Doc, start: int, end: int, lows: list[str], *, weak: bool = False) -> bool:
    """True when the words around `start..end` put a place there. `weak` also accepts "from",
    "to", "at"… (see module docstring)."""
    nxt = lows[end] if end < len(doc) else ""
    if nxt in _POSSESSIVE:
        return _possessive_place(doc, end, lows)
    if nxt == "-":
        return False
    prev, k = cue_before(doc, start, lows)
    if start > 0 and doc[start - 1].text == "#" and (start == 1 or nxt == ":"):
        return True  # "#Hama: crowd beating a man": a hashtag dateline
    if prev in LOCATIVE_PREPS or prev in PLACE_VERBS or nxt in PLACE_NOUNS:
        return True
    if prev == "of" and k > 0 and lows[k - 1] in PLACE_NOUNS | PLACE_OF:
        return True
    if prev in ("from", "of") and k > 0 and lows[k - 1] in MOVE_VERBS:
        return True
    if prev == "from" and nxt == "to" and end + 1 < len(doc) and _name_start(doc, end + 1):
        return True  # "moved fighters from Albu Kamal to al-Mayadin"
    if prev == "to" and k > 0 and lows[k - 1] in ("entrance", "road", "route", "gates", "outskirts"):
        return True  # "at the entrance to Sayyida Zeinab"
    if prev == "to" and _from_name_before(doc, k):
        return True  # "from Albu Kamal to al-Mayadin"
    return weak and (prev in WEAK_PREPS or nxt in LANDMARK_NOUNS)


def _name_start(doc: Doc, i: int) -> bool:
    """A capitalised word, or an Arabic article joined to one ("al-Mayadin")."""
    t = doc[i]
    return t.text[:1].isupper() or (t.lower_ in _ARTICLES and i + 2 < len(doc)
                                    and doc[i + 1].text == "-" and doc[i + 2].text[:1].isupper())


_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "az", "ez", "es", "ed", "an", "at"})


def _from_name_before(doc: Doc, to: int) -> bool:
    """"from <name> to": the words before `to` are a name that "from" introduces."""
    m = to - 1
    while m >= 0 and to - m <= 5 and (doc[m].text[:1].isupper() or doc[m].lower_ in ("al", "el", "-")):
        m -= 1
    return m >= 0 and m < to - 1 and doc[m].lower_ == "from"


def _possessive_place(doc: Doc, end: int, lows: list[str]) -> bool:
    """"Sinjar's Khanasor subdistrict", "Kabul's Kart-e-Char area": a name owning a named part of
    itself is a place; "Assad's forces" is not."""
    i = end + 1
    first = i
    while i < len(doc) and i - first < 4 and (doc[i].text[:1].isupper() or lows[i] in ("-", "al", "el")):
        i += 1
    return i > first and i < len(doc) and lows[i] in PLACE_NOUNS


def may_be_place(doc: Doc, start: int, end: int, label: str) -> bool:
    """A span with one of `OTHER_LABELS` that could be a place name: capitalised words, no digits,
    and not a language or a date word."""
    words = [t for t in doc[start:end] if t.is_alpha]
    if not words or any(t.like_num or any(c.isdigit() for c in t.text) for t in doc[start:end]):
        return False
    if not all(t.text[:1].isupper() or t.lower_ in ("al", "el", "ad", "ar", "as", "ash", "of", "de", "da")
               for t in words):
        return False
    lows = {t.lower_ for t in words}
    if label == "LANGUAGE" and lows & LANGUAGES:
        return False
    return not lows & DATE_WORDS


def attacker_country(doc: Doc, start: int, end: int, lows: list[str]) -> bool:
    """A country name at `start..end` directly followed by a weapon or attack word ("air" only as
    in "air strike"; "Balad air base" is a place). Not after a comma: "Dayr az Zawr, Syria
    airstrike" names where the strike was."""
    if end >= len(doc) or lows[end] not in WEAPON_HEADS or not doc[end].is_lower:
        return False
    if start > 0 and lows[start - 1] == ",":
        return False
    return lows[end] != "air" or (end + 1 < len(doc) and lows[end + 1] in _AIR_ATTACKS)


_AIR_ATTACKS = frozenset({"strike", "strikes", "raid", "raids", "attack", "attacks", "campaign", "power"})


_LIST_GLUE = frozenset({",", "and", "or", "&"})


def coordinated_places(doc: Doc, spans: list, lows: list[str], movable) -> list:
    """Names listed with a place that stands in place context are places too: "the villages of
    Kafr Nabuda and al-Hamamiyat", "struck Zamalka, Ein Tarma and other towns", "near Qamishli and
    Albu Kamal" (where the model tagged nothing after "and").

    `spans` are `(Span, source)` pairs sorted by start; `movable(span, source)` says whether a
    span's label may be changed (never a ruler's name). Returns the new list; an untagged run of
    proper nouns after the glue becomes a GPE span of its own.
    """
    from spacy.tokens import Span

    out = list(spans)
    by_start = {s.start: n for n, (s, _) in enumerate(out)}
    taken = {i for s, _ in out for i in range(s.start, s.end)}
    for n in range(len(out)):
        head, _ = out[n]
        if head.label_ not in ("GPE", "LOC") or not place_cue(doc, head.start, head.end, lows):
            continue
        end = head.end
        for _step in range(6):
            j = end
            while j < len(doc) and lows[j] in _LIST_GLUE and j - end < 2:
                j += 1
            if j == end or j >= len(doc):
                break
            if j in by_start:
                m = by_start[j]
                span, source = out[m]
                if span.label_ not in ("GPE", "LOC"):
                    if not movable(span, source) or _acts(doc, span.end):
                        break
                    out[m] = (Span(doc, span.start, span.end, label="GPE"), "rule")
                end = span.end
                continue
            k = j
            while k < len(doc) and k not in taken and doc[k].tag_ == "NNP" and doc[k].text[:1].isupper():
                k += 1
            # Untagged words only after "and"/"or" and up to a non-name: after a bare comma, or
            # running into a name ("President" in "..., President Obama said"), they are not places.
            if k == j or lows[j - 1] == "," or (k < len(doc) and (k in taken or lows[k] in _POSSESSIVE)) \
                    or _acts(doc, k):
                break
            out.append((Span(doc, j, k, label="GPE"), "rule"))
            taken.update(range(j, k))
            end = k
    return sorted(out, key=lambda x: (x[0].start, x[0].end))


def _acts(doc: Doc, end: int) -> bool:
    """A verb right after a name makes it a subject ("... and Assad said"), not a listed place."""
    return end < len(doc) and doc[end].pos_ in ("VERB", "AUX")


def landmark_place(doc: Doc, start: int, end: int, lows: list[str], label: str) -> bool:
    """"the Bartella road", "the Torkham crossing", "the Gossi base": a name between "the" and a
    site noun names the site's place. An organisation's "base" or "hospital" is its own
    ("the Wagner base"), so those two do not count for ORG."""
    if end >= len(doc) or lows[end] not in LANDMARK_NOUNS:
        return False
    prev, _ = cue_before(doc, start, lows)
    if prev != "the":
        return False
    return label != "ORG" or lows[end] not in ("base", "hospital", "station")


# Cues strong enough to take capitalised words the model left untagged as a place.
_UNTAGGED_BEFORE = frozenset({"near", "outside", "around", "nearby"})
_UNTAGGED_OF = frozenset({"village", "town", "city", "district", "province", "governorate", "suburb",
                          "neighbourhood", "neighborhood", "residents", "inhabitants", "outskirts",
                          "countryside", "villages", "towns", "locality", "subdistrict"})
_UNTAGGED_AFTER = frozenset({"district", "village", "town", "city", "province", "governorate",
                             "mountains", "township", "subdistrict", "sub-district", "neighbourhood",
                             "neighborhood", "region", "valley", "desert", "tehsil", "county"})


def untagged_places(doc: Doc, taken: set[int], lows: list[str], never) -> list:
    """Runs of proper nouns the model did not tag, in a context only places take: "near Garri",
    "the village of Tamanaa", "the Hamrin mountains", "Residents of Talmenes", "#Hama: ...".
    `never(low)` says a word is never (part of) a place name (titles, page furniture)."""
    from spacy.tokens import Span

    # Only the few tokens next to a cue word are looked at: checking every token's tag costs more
    # than the rest of the rules together.
    out: list = []
    starts: set[int] = set()
    for k, w in enumerate(lows):
        if w in _UNTAGGED_BEFORE or w == "#" or (w == "of" and k > 0 and lows[k - 1] in _UNTAGGED_OF):
            starts.add(k + 1)
        elif w in _UNTAGGED_AFTER or w in LANDMARK_NOUNS:
            s = k  # back over the name, articles and hyphens included ("Deir ez-Zor city")
            while s > 0 and k - s < 6 and s - 1 not in taken and (
                    _name_token(doc, s - 1, lows, never) or lows[s - 1] in _ARTICLES or lows[s - 1] == "-"):
                s -= 1
            while s < k and not doc[s].text[:1].isupper():
                s += 1
            if s < k:
                starts.add(s)
    for i in sorted(starts):
        if i >= len(doc) or i in taken or never(lows[i]) or not (
                _name_start(doc, i) and (doc[i].tag_ == "NNP" or lows[i] in ("al", "el"))):
            continue
        j = i
        while j < len(doc) and j not in taken and (
                _name_token(doc, j, lows, never)
                or (lows[j] == "-" and j > i and j + 1 < len(doc) and _name_start(doc, j + 1))):
            j += 1
        if j > i and _untagged_cue(doc, i, j, lows):
            out.append((Span(doc, i, j, label="GPE"), "rule"))
            taken.update(range(i, j))
    return out


def _name_token(doc: Doc, i: int, lows: list[str], never) -> bool:
    t = doc[i]
    return not never(lows[i]) and ((t.tag_ == "NNP" and t.text[:1].isupper()) or _name_start(doc, i))


def _untagged_cue(doc: Doc, start: int, end: int, lows: list[str]) -> bool:
    nxt = lows[end] if end < len(doc) else ""
    if nxt in _POSSESSIVE or {w for w in lows[start:end]} & DATE_WORDS:
        return False
    k = start - 1
    if k >= 0 and doc[k].text == "#":
        # A hashtag that opens the text or a line's lead ("#Hama: crowd beating…") is a dateline.
        return k == 0 or nxt == ":" or (k > 0 and lows[k - 1] in LOCATIVE_PREPS)
    if k < 0 or doc[start].is_sent_start:
        return False
    prev = lows[k]
    if prev in _UNTAGGED_BEFORE or nxt in _UNTAGGED_AFTER:
        return True
    if prev == "the" and nxt in LANDMARK_NOUNS:
        return True  # "through the Kafr Lusin crossing", "took over the Tabqa dam"
    return prev == "of" and k > 0 and lows[k - 1] in _UNTAGGED_OF

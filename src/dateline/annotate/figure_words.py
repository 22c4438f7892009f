"""The word lists `figures` reads numbers with: number words, qualifiers, currencies, units.

Kept apart from the grammar so a reader can check and extend a list without reading regexes.
All values are immutable (tuples, frozensets, read-only mappings).
"""
from __future__ import annotations

from types import MappingProxyType

__all__ = ["NUMBER_WORD", "word_value", "QUALIFIER", "MULTIPLIERS", "CURRENCY_WORDS", "FRACTIONS",
           "VAGUE", "PEOPLE", "OUTCOMES", "UNIT_STOP", "MONTH"]

_UNITS = MappingProxyType({w: i for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split(), start=1)})
_TENS = MappingProxyType({w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)})
_SCALES = MappingProxyType({"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000})

_SMALL = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
# "twenty-five", "two hundred", "three thousand five hundred", "a dozen" is handled by the grammar
NUMBER_WORD = (rf"(?:(?:{_SMALL})(?:[- ](?:{'|'.join(_UNITS)}))?"
               rf"(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?(?:{_SMALL})(?:[- ](?:{'|'.join(_UNITS)}))?)?)?"
               rf"|dozen)\b")


def word_value(words: str) -> float | None:
    """The value of a number written in words: "twenty-five" → 25, "a dozen" → 12, "two hundred" → 200."""
    total, current = 0, 0
    for w in words.lower().replace("-", " ").split():
        if w in ("a", "and"):
            current = current or (1 if w == "a" else current)
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES:
            scale = _SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
    return float(total + current)


QUALIFIER = (r"around|about|approximately|roughly|some|nearly|almost|more\s+than|over|at\s+least|up\s+to|"
             r"as\s+many\s+as|as\s+high(?:\s+up)?\s+as|fewer\s+than|less\s+than|under|at\s+most|"
             r"no\s+more\s+than|in\s+excess\s+of|an\s+estimated|estimated|close\s+to|upwards\s+of|"
             r"just\s+over|just\s+under|almost|an\s+additional|another")
MULTIPLIERS = MappingProxyType({"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6,
                                "bn": 1e9, "billion": 1e9, "trillion": 1e12, "": 1})
CURRENCY_WORDS = MappingProxyType({
    "us dollars": "USD", "dollars": "USD", "dollar": "USD", "usd": "USD",
    "syrian pounds": "SYP", "syrian lira": "SYP", "syrian liras": "SYP", "syp": "SYP",
    "pounds sterling": "GBP", "pounds": "GBP", "gbp": "GBP", "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "iraqi dinars": "IQD", "dinars": "IQD", "iqd": "IQD", "turkish lira": "TRY", "lira": "TRY",
    "rials": "IRR", "iranian rials": "IRR", "saudi riyals": "SAR", "riyals": "SAR",
    "afghanis": "AFN", "naira": "NGN", "hryvnias": "UAH", "rubles": "RUB", "roubles": "RUB",
    "sudanese pounds": "SDG", "yemeni rials": "YER", "egyptian pounds": "EGP", "lebanese pounds": "LBP",
})
FRACTIONS = MappingProxyType({"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "a quarter": 25.0,
                              "one quarter": 25.0, "two thirds": 200 / 3, "three quarters": 75.0,
                              "two-thirds": 200 / 3, "three-quarters": 75.0})
# ACLED's coding of vague amounts; "several", "a number of" and "numerous" stay uncoded.
VAGUE = MappingProxyType({"dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1000.0,
                          "tens of thousands": 10_000.0, "hundreds of thousands": 100_000.0,
                          "millions": 1_000_000.0})
PEOPLE = (r"people|persons|civilians|children|kids|boys|girls|women|men|soldiers|fighters|militants|"
          r"troops|students|schoolchildren|schoolboys|migrants|protesters|demonstrators|volunteers|"
          r"refugees|residents|policemen|police|officers|members|staff|workers|worshippers|villagers|"
          r"passengers|detainees|prisoners|hostages|rebels|jihadists|insurgents|combatants|"
          r"conscripts|recruits|personnel|victims|individuals|casualties|dead|bodies|family members|"
          r"journalists|doctors|medics|pilgrims|guards|officials|commanders|leaders|gunmen|attackers|"
          r"bombers|apostates|others|Britons|Afghans")
OUTCOMES = ("killed", "dead", "died", "wounded", "injured", "hurt", "missing", "abducted", "kidnapped",
            "arrested", "detained", "displaced", "executed", "captured", "released", "freed", "evacuated")
UNIT_STOP = frozenset(
    "of and or to in on at from with by for as than that who which whose were was are is be been being had "
    "have has a an the their its his her our this these those including among amid while when after before "
    "during since until per each every all but into out about around over under near across against "
    "killed dead died wounded injured more less between within without would will could can may might "
    "said says told reported according ago later earlier".split())
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")

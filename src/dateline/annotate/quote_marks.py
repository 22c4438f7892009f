"""Pairing quotation marks: where the words inside quotation marks start and end.

Responsible for turning the marks of a clean text into (start, end) spans of quoted words, with
the conventions of English news copy: curly and straight double quotes, single curly quotes used as
quote marks (but not the apostrophes that share their code point), nested quotes (only the outermost
span is returned; the inner one is part of its words), and a quotation running over several
paragraphs (a paragraph that opens a quote without closing it continues when the next paragraph
opens with a quotation mark).

Not responsible for deciding whether quoted words are speech or scare quotes; `quotes` does that.
"""
from __future__ import annotations

import re

__all__ = ["quoted_spans"]

_DOUBLE = re.compile(r"[“”\"«»„]|\n\n")
_SINGLE = re.compile(r"[‘’']|\n\n")
_OPENERS_AFTER = " \u00a0\t\n([{—–-/:"
# A paragraph-long quote is rare beyond this many paragraphs; stops one stray mark eating a page.
MAX_PARAGRAPHS = 6


def _is_opening(text: str, i: int, ch: str, pending: bool) -> bool:
    if ch in "“«„‘":
        # a left mark right after a word is a mis-typed closing mark ("word“ then")
        return not (pending and i > 0 and not text[i - 1].isspace() and _ends_word(text, i + 1))
    if ch in "”»’":
        return False if pending else (i == 0 or text[i - 1] in _OPENERS_AFTER) and not _ends_word(text, i + 1)
    # straight marks: decided by what touches them
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before in _OPENERS_AFTER and not after.isspace():
        return True
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return False
    return not pending


def _ends_word(text: str, j: int) -> bool:
    return j >= len(text) or not text[j].isalnum()


def _pair(text: str, pattern: re.Pattern[str], single: bool, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start, depth, paragraphs, skip = -1, 0, 0, -1
    bi = 0
    for m in pattern.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n\n":
            if depth:
                j = m.end()
                while j < len(text) and text[j] in " \u00a0\t":
                    j += 1
                if j < len(text) and text[j] in "“\"«„‘" and paragraphs < MAX_PARAGRAPHS:
                    skip, paragraphs = j, paragraphs + 1
                else:
                    start, depth = -1, 0
            continue
        if i == skip:
            continue
        while bi < len(blocked) and blocked[bi][1] <= i:
            bi += 1
        if bi < len(blocked) and blocked[bi][0] <= i:
            continue  # single marks inside a double quote are nested quotes or apostrophes
        if single and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            continue  # an apostrophe: wasn’t, al-Ra’i
        if _is_opening(text, i, ch, depth > 0):
            if single and not (i + 1 < len(text) and text[i + 1].isalnum()):
                continue
            if depth == 0:
                start, paragraphs = i + 1, 0
            depth += 1
        elif depth:
            if single and text[i - 1:i] == "s" and re.match(r"[ \u00a0][a-z]", text[i + 1:i + 3]):
                continue  # a plural possessive inside the quote: "the fighters’ families"
            depth -= 1
            if depth == 0 and i > start:
                spans.append((start, i))
    return spans


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each outermost pair of quotation marks, marks excluded."""
    doubles = _pair(text, _DOUBLE, False, [])
    singles = _pair(text, _SINGLE, True, [(s - 1, e + 1) for s, e in doubles])
    return sorted(doubles + singles)

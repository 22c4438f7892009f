"""The block classifier: decide for each paragraph-sized block whether it is the title, a byline,
a photo caption, article body or page boilerplate, and which body blocks are subheadings.

Responsible for: `classify`, which works on the blocks of any reader (plain text lines, blocks out
of an HTML extractor), so it looks only at block text and order, never at offsets. It runs as a
cascade, each step naming itself in `Block.reason` so a wrong call can be traced:

1. line rules: a block that is boilerplate, a caption, a byline or a date line by its own words
   (comment forms, share/follow/donate prompts, nav menus, copyright, "Photo:", "By X", ...);
2. sections: a comment-section header makes the rest of the page boilerplate; a "Related" /
   "Read more" header makes the short headline list after it boilerplate; an "About the author"
   header takes the bio after it;
3. the head of the page: the title (the longest headline-like line before the body, and every
   repeat of it), mastheads above it, outlet credit lines and the picture caption before a byline;
4. the site's own furniture: lines that are just the site's name (the masthead repeated in the footer),
   and footer blurbs where the site describes itself ("<Site> is run by volunteers ..."). The site
   is known by the names the reader passes (HTML site name, URL host), the page's mastheads, its
   copyright holder, the host of its own links, and any short line printed both at the top and at
   the bottom of the page;
5. the rest is body; short unpunctuated lines between body paragraphs are subheadings.

Not responsible for: extracting metadata values (title text, authors, date, outlet), which the
readers do from the classified blocks, nor joining blocks into clean text (`extract.assemble`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .boilerplate_patterns import (
    ABOUT_SITE, BIO_HEAD, BOILERPLATE_RULES, CAPTION_CUE, CAPTION_RULES, COMMENTS_HEAD, MAX_CAPTION_WORDS, RELATED_HEAD,
    SITE_NOTICE, SOURCE_CREDIT, URL_HOST,
)
from .bylines import bare_names, parse_byline
from .dates import parse_date_line
from .layout import Block
from .literals import fold, required_literals

__all__ = ["classify", "site_keys", "is_site_name", "host_key", "is_nav_line", "nav_items", "is_headline_like", "is_body_like", "norm_title", "NAV_WORDS",
           "SOURCE_CREDIT", "SITE_NOTICE"]

_I = re.IGNORECASE
_BULLET = re.compile(r"^\s*(?:[•·▪▸►◦‣∙*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’'»)\]]\s*$")
_HEADLINE_BAD_END = re.compile(r"[.,;]\s*$")
_SUBHEADING_BAD_END = re.compile(r"[.!…,;\"”»]\s*$")


_NAV_SPLIT = re.compile(r"\s*\|\s*|\s{2,}|\s+[-–·•/»›>]\s+|\t")
NAV_WORDS = frozenset(
    "home news world politics business economy sport sports culture opinion opinions video videos "
    "reports analysis features contact contact-us about donate subscribe search menu english arabic "
    "français english middle east africa asia europe photos multimedia podcasts blogs investigations "
    "tech science health lifestyle entertainment accueil politique sécurité économie portada noticias "
    "главная новости الرئيسية أخبار".split()
)
MAX_HEADLINE_WORDS = 30
MAX_SUBHEADING_WORDS = 12
MAX_SUBHEADING_CHARS = 100
MAX_LIST_ITEM_WORDS = 22
MAX_CREDIT_LINE_WORDS = 5
TOP_BYLINE_WINDOW = 7
MAX_SENTENCE_TITLE_WORDS = 15


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


WordsOf = Callable[[str], list[str]]


class _WordMemo(dict):
    """The words of each text one `classify` call looks at, found once: the cascade asks about the
    same blocks (and their titles' case-folded forms) many times. Lives for one call only."""

    def __missing__(self, text: str) -> list[str]:
        found = self[text] = _WORD.findall(text)
        return found


def _strip_bullet(text: str) -> str:
    return _BULLET.sub("", text, count=1).strip()


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


def nav_items(text: str) -> list[str]:
    """The items of a menu-like line split on `|`, wide gaps or spaced dashes."""
    return [i for i in (p.strip() for p in _NAV_SPLIT.split(text.strip())) if i]


def is_nav_line(text: str, *, words: WordsOf = _words) -> bool:
    """A site menu: several short items ("Home  News  Reports  Opinion  Donate")."""
    items = nav_items(text)
    if len(items) < 3 or any(len(words(i)) > 4 or _SENTENCE_END.search(i) and i[-1] in ".!?" for i in items):
        return False
    known = sum(i.lower() in NAV_WORDS for i in items)
    return len(items) >= 4 or known >= 1


def is_headline_like(text: str, *, words: WordsOf = _words) -> bool:
    """Short, not ending like a sentence, not a list item: what titles and subheadings look like."""
    n = len(words(text))
    return 0 < n <= MAX_HEADLINE_WORDS and not _HEADLINE_BAD_END.search(text) and not is_bullet(text)


def is_body_like(text: str, *, words: WordsOf = _words) -> bool:
    """Running prose: enough words and ending like a sentence, or simply long."""
    n = len(words(text))
    return n >= 25 or (n >= 10 and bool(_SENTENCE_END.search(text)) and _has_lowercase(text))


def _has_lowercase(text: str) -> bool:
    # Uncased scripts (Arabic, Hebrew, CJK) count as running text; ALL-CAPS lines do not.
    cased = [c for c in text if c.isupper() or c.islower()]
    return not cased or any(c.islower() for c in cased)


def norm_title(text: str, *, words: WordsOf = _words) -> str:
    """A title's comparison key: case, dashes, quotes and spacing do not count."""
    return " ".join(words(text.casefold()))


# Each rule with the strings one of which its pattern cannot match without (see `literals`): a
# block lacking all of them skips the search, which is what most of the cost of step 1 was.
_LINE_RULES = tuple((reason, pattern, max_words, required_literals(pattern))
                    for reason, pattern, max_words in BOILERPLATE_RULES)
_CAPTION_RULES = tuple((reason, pattern, required_literals(pattern)) for reason, pattern in CAPTION_RULES)
_MAX_RULE_WORDS = max(max_words for _, _, max_words in BOILERPLATE_RULES)


def _may_match(needles: tuple[str, ...] | None, folded: str) -> bool:
    if needles is None:
        return True
    for needle in needles:
        if needle in folded:
            return True
    return False


def _line_rule(text: str, words: WordsOf = _words) -> tuple[str, str] | None:
    """(kind, reason) for a block that its own words decide, else None."""
    bare = _strip_bullet(text)
    n = len(words(bare))
    if n == 0:
        return ("boilerplate", "no-words") if text.strip() else None
    folded = fold(bare) if n <= max(_MAX_RULE_WORDS, MAX_CAPTION_WORDS) else ""
    if n <= _MAX_RULE_WORDS:
        for reason, pattern, max_words, needles in _LINE_RULES:
            if n <= max_words and _may_match(needles, folded) and pattern.search(bare):
                return "boilerplate", reason
    if n <= MAX_CAPTION_WORDS:
        for reason, pattern, needles in _CAPTION_RULES:
            if _may_match(needles, folded) and pattern.search(bare):
                return "caption", reason
    if n <= 20 and parse_date_line(bare) is not None:
        return "byline", "date-line"
    if parse_byline(bare) is not None:
        return "byline", "byline"
    if SOURCE_CREDIT.match(bare):
        return "byline", "source-credit"
    if is_nav_line(bare, words=words):
        return "boilerplate", "nav-menu"
    return None


def _sections(blocks: Sequence[Block], decided: list[bool], words: WordsOf = _words) -> None:
    """Step 2: comment sections, related-link lists and author bios, which span several blocks."""
    mode = ""
    for i, b in enumerate(blocks):
        bare = _strip_bullet(b.text)
        n = len(words(bare))
        if mode == "comments":
            _set(b, "boilerplate", "comment-section")
        elif mode == "bio" and not decided[i]:
            _set(b, "boilerplate", "author-bio")
            mode = ""
        elif mode == "related" and not decided[i] and (
                is_bullet(b.text) or n <= MAX_LIST_ITEM_WORDS and not is_body_like(bare, words=words)):
            _set(b, "boilerplate", "related-list")
        else:
            mode = ""
            if decided[i] and b.reason not in ("share-prompt", "follow-prompt", "embedded-post"):
                continue
            if n <= 8 and COMMENTS_HEAD.match(bare) and (i > 0 or len(blocks) == 1):
                _set(b, "boilerplate", "comment-section")
                mode = "comments"
            elif RELATED_HEAD.match(bare) and (n <= 8 or "|" in bare or bare.rstrip().endswith(":")
                                                or RELATED_HEAD.match(bare).end() < len(bare) // 3):
                _set(b, "boilerplate", "related-header")
                mode = "related"
            elif BIO_HEAD.match(bare):
                _set(b, "boilerplate", "author-bio")
                mode = "bio"
        decided[i] = True if b.reason else decided[i]


def _set(b: Block, kind: str, reason: str, subheading: bool = False) -> None:
    b.kind, b.reason, b.subheading = kind, reason, subheading  # type: ignore[assignment]


def classify(blocks: list[Block], *, site_names: Sequence[str] = ()) -> list[Block]:
    """Set `kind`, `subheading` and `reason` on every block, in place, and return the list.

    `site_names` are names the reader knows the page's own site by (an HTML page's site name, the
    host of its URL); the page's mastheads, copyright line and own links add to them.
    """
    words = _WordMemo().__getitem__
    for b in blocks:
        _set(b, "body", "")
    decided = [False] * len(blocks)
    for i, b in enumerate(blocks):
        rule = _line_rule(b.text, words)
        if rule is not None:
            _set(b, *rule)
            decided[i] = True
    _sections(blocks, decided, words)
    known = site_keys(blocks, site_names, words=words)
    _head(blocks, decided, known, words)
    mark_site_furniture(blocks, decided, site_keys(blocks, site_names, words=words), words=words)
    _body(blocks, decided, words)
    return blocks


def _first_body(blocks: Sequence[Block], decided: Sequence[bool], words: WordsOf = _words) -> int:
    return next((i for i, b in enumerate(blocks) if not decided[i] and is_body_like(b.text, words=words)),
                len(blocks))


def _top_byline(blocks: Sequence[Block], decided: Sequence[bool]) -> int:
    """Index of the last byline/date line among the first blocks of the page that are not boilerplate."""
    seen, last = 0, -1
    for i, b in enumerate(blocks):
        if b.kind == "boilerplate" and decided[i]:
            continue
        seen += 1
        if seen > TOP_BYLINE_WINDOW:
            break
        if decided[i] and b.kind == "byline":
            last = i
    return last


def _head(blocks: list[Block], decided: list[bool], known: Sequence[str] = (), words: WordsOf = _words) -> None:
    """Step 3: title, its repeats, mastheads, credit lines and the caption above a byline."""
    first = _first_body(blocks, decided, words)
    top = _top_byline(blocks, decided)
    lead = [i for i in range(min(top, len(blocks))) if not decided[i] and is_body_like(blocks[i].text, words=words)]
    if top > first and len(lead) <= 1:
        for i in lead:  # one block of prose above the byline: the picture's caption
            _set(blocks[i], "caption", "before-byline")
            decided[i] = True
        first = max(first, _first_body(blocks, decided, words))
    # A line with a caption cue ("... Photo: FVNA", "(File photo)") is never the title.
    candidates = [i for i in range(first) if not decided[i] and is_headline_like(blocks[i].text, words=words)
                  and not CAPTION_CUE.search(blocks[i].text)]
    if not candidates and _is_sentence_title(blocks, decided, first, words):
        candidates = [first]  # a headline written as a sentence ("X does not need Y. It needs Z.")
    if not candidates:
        return
    # A line sitting right above the site menu is the site's masthead, not the story's title.
    preferred = [i for i in candidates if not (i + 1 < len(blocks) and blocks[i + 1].reason == "nav-menu")]
    preferred = preferred or candidates
    # A headline printed twice (page title and article heading) is the title, even if longer lines sit near it.
    keys = [norm_title(blocks[i].text, words=words) for i in preferred]
    repeated = [i for i, k in zip(preferred, keys) if keys.count(k) > 1 and len(k.split()) >= 3]
    title = max(repeated or preferred, key=lambda i: (len(words(blocks[i].text)), -i))
    key = norm_title(blocks[title].text, words=words)
    for i, b in enumerate(blocks):
        if norm_title(b.text, words=words) == key and b.kind != "boilerplate":
            _set(b, "title", "title" if i == title else "title-repeat")
            decided[i] = True
    for i in candidates:
        if decided[i]:
            continue
        prev = blocks[i - 1] if i > 0 else None
        if prev is not None and prev.reason == "site-notice" and len(words(blocks[i].text)) <= MAX_CREDIT_LINE_WORDS:
            _set(blocks[i], "boilerplate", "notice-signature")
        elif i < title:
            _set(blocks[i], "boilerplate", "masthead")
        elif bare_names(blocks[i].text) is not None and not is_site_name(blocks[i].text, known, words=words):
            _set(blocks[i], "byline", "byline-names")  # "Lina Haddad, Tom Keller": a byline that lost its "By"
        elif _is_credit_line(blocks[i].text, words):
            _set(blocks[i], "byline", "credit-line")
        else:
            continue
        decided[i] = True


def _is_sentence_title(blocks: Sequence[Block], decided: Sequence[bool], i: int, words: WordsOf = _words) -> bool:
    """A short first block of prose, with prose after it, when nothing above looks like a title."""
    if i >= len(blocks) or decided[i] or len(words(blocks[i].text)) > MAX_SENTENCE_TITLE_WORDS:
        return False
    if any(not decided[j] for j in range(i)):
        return False
    nxt = next((j for j in range(i + 1, len(blocks)) if not decided[j]), None)
    return nxt is not None and len(words(blocks[nxt].text)) >= 25


def _is_credit_line(text: str, words: WordsOf = _words) -> bool:
    """A bare outlet or agency name on its own line ("ARA News")."""
    found = words(text)
    return 0 < len(found) <= MAX_CREDIT_LINE_WORDS and all(
        w[0].isupper() or w.lower() in ("of", "for", "and", "the", "al", "el") for w in found)


_COMPACT = re.compile(r"[\W_]+")
_TAGLINE = re.compile(r"\s+[-–—|:]\s+|\s*:\s+")
# Hosts that are never the page's own: social networks, link shorteners.
_FOREIGN_HOSTS = frozenset("twitter facebook t youtube youtu instagram telegram bit goo tinyurl wa whatsapp "
                           "linkedin vk tiktok x google apple".split())
_GENERIC_LABELS = frozenset("www m amp mobile news co com org net gov ac edu".split())
MAX_SITE_NAME_WORDS = 6
SITE_REPEAT_TOP, SITE_REPEAT_BOTTOM = 5, 8
MIN_SITE_KEY_CHARS = 3


def _compact(text: str) -> str:
    return _COMPACT.sub("", text.casefold())


def host_key(host: str) -> str | None:
    """The registrable name of a host: "www.meridianpress.example" -> "meridianpress",
    "news.bbc.co.uk" -> "bbc"; None for social networks and link shorteners."""
    labels = [lab for lab in host.casefold().strip(".").split(".") if lab]
    if len(labels) < 2:
        return None
    labels = labels[:-1]  # the top-level domain
    while len(labels) > 1 and labels[-1] in _GENERIC_LABELS:
        labels.pop()
    key = _compact(labels[-1])
    return None if key in _FOREIGN_HOSTS or len(key) < MIN_SITE_KEY_CHARS else key


def _site_name_part(text: str) -> str:
    """The name in a masthead with a tagline ("Idlib Now - independent news from northern Syria")."""
    return _TAGLINE.split(text.strip(), maxsplit=1)[0]


def _could_be_site_name(text: str, words: WordsOf = _words) -> bool:
    found = words(text)
    return (0 < len(found) <= MAX_SITE_NAME_WORDS and not _HEADLINE_BAD_END.search(text)
            and not all(w.lower() in NAV_WORDS for w in found) and not any(c.isdigit() for c in text))


def site_keys(blocks: Sequence[Block], site_names: Sequence[str] = (), *, words: WordsOf = _words) -> list[str]:
    """Comparison keys of the names the page's own site goes by (see step 4 in the module docstring)."""
    keys: list[str] = []

    def add(name: str | None) -> None:
        key = _compact(name or "")
        if len(key) >= MIN_SITE_KEY_CHARS and key not in keys:
            keys.append(key)

    for name in site_names:
        add(name if "." not in name.strip(". ") else host_key(name))
    for i, b in enumerate(blocks):
        if b.reason == "masthead" and _could_be_site_name(_site_name_part(b.text), words):
            add(_site_name_part(b.text))
        elif b.reason == "nav-menu" and i < SITE_REPEAT_TOP:
            first = nav_items(b.text)[0]
            if first.lower() not in NAV_WORDS and _could_be_site_name(first, words):
                add(first)
        if b.kind == "boilerplate" and b.reason in ("bare-url", "short-link", "copyright", "site-chrome"):
            for m in URL_HOST.finditer(b.text):
                add(host_key(m.group("host")))
    # The site's name printed at the top and again at the foot of the page.
    top = {norm_title(b.text, words=words) for b in blocks[:SITE_REPEAT_TOP]
           if b.kind != "title" and _could_be_site_name(b.text, words)}
    for b in blocks[max(SITE_REPEAT_TOP, len(blocks) - SITE_REPEAT_BOTTOM):]:
        if b.kind != "title" and norm_title(b.text, words=words) in top:
            add(b.text)
    return keys


def is_site_name(text: str, keys: Sequence[str], *, words: WordsOf = _words) -> bool:
    """Whether a short line is the site's own name: equal to a key, a long prefix of one
    ("Meridian" for "meridianpress"), or starting with one ("Raqqa Witness Network" for the host
    "raqqawitness"); a masthead's tagline after a dash does not count."""
    if not keys or not _could_be_site_name(text, words):
        return False
    for cand in {_compact(text), _compact(_site_name_part(text))}:
        if len(cand) < MIN_SITE_KEY_CHARS:
            continue
        for key in keys:
            if cand == key or (key.startswith(cand) and len(cand) >= 0.6 * len(key)) or (
                    cand.startswith(key) and len(key) >= 0.5 * len(cand)):
                return True
    return False


def _in_footer(blocks: Sequence[Block], decided: Sequence[bool], i: int) -> bool:
    """Between page furniture and the end of the page: everything after it is decided furniture."""
    if i == 0 or not decided[i - 1] or blocks[i - 1].kind not in ("boilerplate", "byline"):
        return False
    return all(decided[j] and blocks[j].kind in ("boilerplate", "byline") for j in range(i + 1, len(blocks)))


def mark_site_furniture(blocks: list[Block], decided: list[bool], keys: Sequence[str], *,
                        words: WordsOf = _words) -> None:
    """Step 4: the site's name on a line of its own, and the site describing itself."""
    for i, b in enumerate(blocks):
        if decided[i]:
            continue
        if is_site_name(b.text, keys, words=words):
            _set(b, "boilerplate", "site-name")
            decided[i] = True
            continue
        m = ABOUT_SITE.match(b.text)
        if m and (is_site_name(re.sub(r"^the\s+", "", m.group("name"), flags=_I), keys, words=words)
                  or _in_footer(blocks, decided, i)):
            _set(b, "boilerplate", "about-site")
            decided[i] = True


def _body(blocks: list[Block], decided: list[bool], words: WordsOf = _words) -> None:
    """Step 4: everything left is body; short unpunctuated lines followed by prose are subheadings."""
    started = False
    for i, b in enumerate(blocks):
        if decided[i]:
            continue
        _set(b, "body", "prose" if is_body_like(b.text, words=words) else "body-default")
        if is_bullet(b.text):
            b.reason = "body-list"
        elif started and _is_subheading(blocks, decided, i, words=words):
            _set(b, "body", "subheading", subheading=True)
        started = True


def _heading_shaped(text: str, words: WordsOf = _words) -> bool:
    text = text.strip()
    return (0 < len(words(text)) <= MAX_SUBHEADING_WORDS and len(text) <= MAX_SUBHEADING_CHARS
            and not _SUBHEADING_BAD_END.search(text) and not is_bullet(text))


def _is_subheading(blocks: Sequence[Block], decided: Sequence[bool], i: int, depth: int = 0, *,
                   words: WordsOf = _words) -> bool:
    if not _heading_shaped(blocks[i].text, words):
        return False
    for j in range(i + 1, len(blocks)):
        if decided[j] and blocks[j].kind == "boilerplate":
            continue
        if decided[j] or is_bullet(blocks[j].text):
            return False  # a line that introduces a list is a lead-in sentence, not a heading
        if is_body_like(blocks[j].text, words=words):
            return True
        # A section heading directly above a sub-section heading.
        return depth < 2 and _is_subheading(blocks, decided, j, depth + 1, words=words)
    return False

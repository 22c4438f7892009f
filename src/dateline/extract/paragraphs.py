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
4. the rest is body; short unpunctuated lines between body paragraphs are subheadings.

Not responsible for: extracting metadata values (title text, authors, date, outlet), which the
readers do from the classified blocks, nor joining blocks into clean text (`extract.assemble`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .bylines import parse_byline
from .dates import parse_date_line
from .layout import Block

__all__ = ["classify", "is_nav_line", "nav_items", "is_headline_like", "is_body_like", "norm_title", "NAV_WORDS",
           "SOURCE_CREDIT", "SITE_NOTICE"]

_I = re.IGNORECASE
_BULLET = re.compile(r"^\s*(?:[•·▪▸►◦‣∙*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’'»)\]]\s*$")
_HEADLINE_BAD_END = re.compile(r"[.,;]\s*$")
_SUBHEADING_BAD_END = re.compile(r"[.!…,;\"”»]\s*$")

# Step 2 section headers: the comment section runs to the end of the page.
_COMMENTS_HEAD = re.compile(
    r"^(?:leave a (?:reply|comment)|post (?:new |a |your )?comment|add (?:a |new |your )?comment|"
    r"write a comment|join the (?:discussion|conversation)|\d+\s+(?:comments?|responses?|replies)|"
    r"comments?\s*(?:\(\d+\))?|readers?['’]?\s+comments?|reader comments|show comments|"
    r"what do you think|laisser un commentaire|\d*\s*commentaires?|réagir|deja (?:un|tu) comentario|"
    r"\d*\s*comentarios?|комментарии|оставить комментарий|التعليقات|أضف تعليق(?:ا|اً)?)\b\s*[:.\-|]?",
    _I,
)
_RELATED_HEAD = re.compile(
    r"^(?:related(?:\s+(?:posts?|articles?|stories|coverage|news|content|reading|links|topics|items))?|"
    r"read (?:more|also|next)|see also|also read|also on \S+|more (?:from|on|stories|news|in)\b[^.]{0,40}|"
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| stories)?|"
    r"most (?:read|popular|viewed|shared)|trending(?: now)?|latest (?:news|stories|posts)|top stories|"
    r"further reading|other news|à lire aussi|lire aussi|à voir aussi|sur le même sujet|"
    r"leer (?:más|también)|lea también|lee también|te puede interesar|noticias relacionadas|"
    r"relacionad[oa]s|читайте также|по теме|смотрите также|"
    r"اقرأ\s+(?:أيضا|أيضاً|ايضا|أيضًا)|مواضيع ذات صلة|أخبار ذات صلة|اقرأ المزيد)\s*[:：.…»>|\-–—]*",
    _I,
)
_BIO_HEAD = re.compile(r"^(?:about the (?:author|writer|authors)|author bio(?:graphy)?|about us|"
                       r"à propos de l['’]auteur|sobre el autor|عن الكاتب|об авторе)\s*:?\s*$", _I)

# Step 1 line rules, tried in order; each is (reason, pattern, max words of the block).
_BOILERPLATE_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("comment-form", re.compile(
        r"your email address will not be published|required fields are marked|^(?:name|e-?mail|website)\s*\*?$|"
        r"save my name,? email|notify me of (?:new|follow-up)|content of this field is kept private|"
        r"allowed html tags|addresses turn into links|lines and paragraphs break automatically|"
        r"more information about formatting options|you must be logged in|log in to (?:post|reply|comment)|"
        r"^(?:submit|post) comment$|cancel reply", _I), 40),
    ("captcha", re.compile(
        r"^(?:\d+|_+|[a-z]+)\s*(?:[+\-−x×*]|plus|minus|times)\s*(?:\d+|_+|[a-z]+)\s*=\s*(?:\?|_+|\d+|[a-z]+)?$"
        r"|captcha|i['’]m not a robot|prove you(?:['’]re| are) human", _I), 8),
    ("back-to-top", re.compile(r"^\W*(?:back to top|top of page|scroll to top|go to top|retour en haut|"
                               r"volver arriba|наверх)\W*$", _I), 6),
    ("share-prompt", re.compile(
        r"^\W*(?:share(?:\s+(?:this|on|via|the)\b)?|tweet|whatsapp|e-?mail(?: this)?|print|facebook|twitter|"
        r"telegram|linkedin|pinterest|reddit|copy link|partager|compartir|поделиться|شارك|مشاركة)\b"
        r"(?!.*[.!?]\s*$)", _I), 12),
    ("follow-prompt", re.compile(
        r"\bfollow (?:us|@|on (?:twitter|facebook|telegram|instagram|x\b))|\bsubscribe\b|"
        r"\bsign up (?:for|to) (?:our|the|a)\b|\bnewsletter\b|\bjoin (?:us|our channel) on\b|\bsuivez-nous\b|\bsíguenos\b|\bподписывайтесь\b|"
        r"\bتابعونا\b|\bتابعنا\b", _I), 25),
    ("donation", re.compile(
        r"^\W*donate\b|\bdonate (?:now|today|here|to us|to support)\b|\bmake a donation\b|\bconsider (?:helping|supporting|donating|a donation)|\bsupport (?:us|our "
        r"(?:work|journalism|reporting))\b|\bbecome a (?:member|patron|supporter|subscriber)|\bpatreon\b|"
        r"\bpaypal\b|\bmake a contribution\b|\bfaire un don\b|\bdonar\b|\bпожертвова|\bتبرع", _I), 25),
    ("click-here", re.compile(r"\bclick here\b|\bcliquez ici\b|\bhaga clic aquí\b|\bнажмите здесь\b|"
                              r"\bاضغط هنا\b|\bانقر هنا\b", _I), 60),
    ("copyright", re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|tous droits réservés|"
                             r"todos los derechos reservados|جميع الحقوق محفوظة|все права защищены", _I), 40),
    ("short-link", re.compile(r"^(?:short ?(?:link|url)|permalink|link to this (?:article|page))\s*:?", _I), 12),
    ("translation-footer", re.compile(
        r"\bedited translation\b|\btranslated (?:from|by)\b[^.]*\b(?:edition|original|arabic|french|"
        r"russian|turkish|persian|kurdish|staff)\b|^this (?:article|story|report|piece) (?:was|is|has been) "
        r"(?:originally |first )?(?:published|translated|adapted|republished)", _I), 30),
    ("cookie-notice", re.compile(r"\bcookies?\b.*\b(?:use|accept|consent|policy|browsing|experience|settings)\b|"
                                 r"\bprivacy policy\b|\bterms of (?:use|service)\b", _I), 50),
    ("tags", re.compile(r"^(?:tags?|tagged|filed under|categories|category|topics|keywords|étiquettes|"
                        r"etiquetas|mots-clés|الوسوم|الكلمات المفتاحية|теги|метки)\s*[:|]", _I), 80),
    ("hashtags", re.compile(r"^(?:#[^\s#]+[\s,]*)+$"), 30),
    ("advert", re.compile(r"^\W*(?:advertisement|advertising|sponsored(?: content)?|publicité|publicidad|"
                          r"реклама|إعلان|ad)\W*$", _I), 3),
    ("end-marker", re.compile(r"^[-–—=*\s]*(?:end of (?:message|article|story|statement|transmission)|"
                              r"ends|fin|конец)[-–—=*\s.]*$", _I), 5),
    ("author-bio", re.compile(r"^(?:about the (?:author|writer)\b.*:|the (?:author|writer) (?:is|was)\b)|"
                              r"\bviews (?:expressed )?(?:in this (?:article|piece) )?are (?:my|his|her|their|"
                              r"the author['’]s) own\b|\bviews are personal\b|\bopinions expressed\b", _I), 60),
    ("site-notice", re.compile(
        r"\bfor archiv(?:al|e) purposes\b|\bgoing through a transitional phase\b|\bno longer (?:being )?"
        r"(?:updated|maintained)\b|\bhas (?:been archived|moved to)\b|\bnew content will be published\b|"
        r"\bthis (?:site|website) is (?:an archive|archived)\b", _I), 80),
    ("embedded-post", re.compile(r"^@\w+\s*:|^pic\.twitter\.com|^(?:tweet|embedded (?:tweet|post))\s*:$", _I), 60),
    ("reading-time", re.compile(r"^\d+\s*min(?:ute)?s?\s+read$", _I), 4),
    ("site-chrome", re.compile(r"^(?:menu|search|sign in|log ?in|register|skip to (?:main )?content|"
                               r"toggle navigation|close|next|previous|prev|more|load more|"
                               r"(?:next|previous) (?:article|post|story)\b.*)$", _I), 8),
)
SITE_NOTICE = dict((r, p) for r, p, _ in _BOILERPLATE_RULES)["site-notice"]

_CAPTION_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("caption-label", re.compile(r"^(?:photo|image|picture|pictured|file (?:photo|picture|image)|photo caption|"
                                 r"caption|photo credit|foto|photographie|imagen|фото|صورة|تصوير)\s*[:\-–—|]", _I)),
    ("caption-credit", re.compile(r"\((?:photo|image|picture|credit|file)\b[^)]*\)\W*$|"
                                  r"\b(?:file photo|file picture|archive (?:photo|image)|getty images)\W*$|"
                                  r"\((?:AFP|Reuters|AP|EPA|Getty|Anadolu|Xinhua|SANA|ANHA|AA)"
                                  r"(?:\s*[/|]\s*[^)]*)?\)\W*$|"
                                  r"\bphoto(?:graph)?:?\s+(?:by|courtesy|credit)\b[^.]{0,60}\W*$", _I)),
)
MAX_CAPTION_WORDS = 70

SOURCE_CREDIT = re.compile(
    r"^(?:source|sources|courtesy(?: of)?|credit|originally (?:published|posted) (?:by|in|on|at)|"
    r"this (?:article|story) (?:first )?appeared (?:in|on)|fuente|source\s?:)\s*[:\-–—]?\s*"
    r"(?P<outlet>[^.:]{2,60}?)\.?$", _I)

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


def _strip_bullet(text: str) -> str:
    return _BULLET.sub("", text, count=1).strip()


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


def nav_items(text: str) -> list[str]:
    """The items of a menu-like line split on `|`, wide gaps or spaced dashes."""
    return [i for i in (p.strip() for p in _NAV_SPLIT.split(text.strip())) if i]


def is_nav_line(text: str) -> bool:
    """A site menu: several short items ("Home  News  Reports  Opinion  Donate")."""
    items = nav_items(text)
    if len(items) < 3 or any(len(_words(i)) > 4 or _SENTENCE_END.search(i) and i[-1] in ".!?" for i in items):
        return False
    known = sum(i.lower() in NAV_WORDS for i in items)
    return len(items) >= 4 or known >= 1


def is_headline_like(text: str) -> bool:
    """Short, not ending like a sentence, not a list item: what titles and subheadings look like."""
    n = len(_words(text))
    return 0 < n <= MAX_HEADLINE_WORDS and not _HEADLINE_BAD_END.search(text) and not is_bullet(text)


def is_body_like(text: str) -> bool:
    """Running prose: enough words and ending like a sentence, or simply long."""
    n = len(_words(text))
    return n >= 25 or (n >= 10 and bool(_SENTENCE_END.search(text)) and _has_lowercase(text))


def _has_lowercase(text: str) -> bool:
    # Uncased scripts (Arabic, Hebrew, CJK) count as running text; ALL-CAPS lines do not.
    cased = [c for c in text if c.isupper() or c.islower()]
    return not cased or any(c.islower() for c in cased)


def norm_title(text: str) -> str:
    """A title's comparison key: case, dashes, quotes and spacing do not count."""
    return " ".join(_words(text.casefold()))


def _line_rule(text: str) -> tuple[str, str] | None:
    """(kind, reason) for a block that its own words decide, else None."""
    bare = _strip_bullet(text)
    n = len(_words(bare))
    if n == 0:
        return ("boilerplate", "no-words") if text.strip() else None
    for reason, pattern, max_words in _BOILERPLATE_RULES:
        if n <= max_words and pattern.search(bare):
            return "boilerplate", reason
    if n <= MAX_CAPTION_WORDS:
        for reason, pattern in _CAPTION_RULES:
            if pattern.search(bare):
                return "caption", reason
    if n <= 20 and parse_date_line(bare) is not None:
        return "byline", "date-line"
    if parse_byline(bare) is not None:
        return "byline", "byline"
    if SOURCE_CREDIT.match(bare):
        return "byline", "source-credit"
    if is_nav_line(bare):
        return "boilerplate", "nav-menu"
    return None


def _sections(blocks: Sequence[Block], decided: list[bool]) -> None:
    """Step 2: comment sections, related-link lists and author bios, which span several blocks."""
    mode = ""
    for i, b in enumerate(blocks):
        bare = _strip_bullet(b.text)
        n = len(_words(bare))
        if mode == "comments":
            _set(b, "boilerplate", "comment-section")
        elif mode == "bio" and not decided[i]:
            _set(b, "boilerplate", "author-bio")
            mode = ""
        elif mode == "related" and not decided[i] and (
                is_bullet(b.text) or n <= MAX_LIST_ITEM_WORDS and not is_body_like(bare)):
            _set(b, "boilerplate", "related-list")
        else:
            mode = ""
            if decided[i] and b.reason not in ("share-prompt", "follow-prompt", "embedded-post"):
                continue
            if n <= 8 and _COMMENTS_HEAD.match(bare) and (i > 0 or len(blocks) == 1):
                _set(b, "boilerplate", "comment-section")
                mode = "comments"
            elif _RELATED_HEAD.match(bare) and (n <= 8 or "|" in bare or bare.rstrip().endswith(":")
                                                or _RELATED_HEAD.match(bare).end() < len(bare) // 3):
                _set(b, "boilerplate", "related-header")
                mode = "related"
            elif _BIO_HEAD.match(bare):
                _set(b, "boilerplate", "author-bio")
                mode = "bio"
        decided[i] = True if b.reason else decided[i]


def _set(b: Block, kind: str, reason: str, subheading: bool = False) -> None:
    b.kind, b.reason, b.subheading = kind, reason, subheading  # type: ignore[assignment]


def classify(blocks: list[Block]) -> list[Block]:
    """Set `kind`, `subheading` and `reason` on every block, in place, and return the list."""
    for b in blocks:
        _set(b, "body", "")
    decided = [False] * len(blocks)
    for i, b in enumerate(blocks):
        rule = _line_rule(b.text)
        if rule is not None:
            _set(b, *rule)
            decided[i] = True
    _sections(blocks, decided)
    _head(blocks, decided)
    _body(blocks, decided)
    return blocks


def _first_body(blocks: Sequence[Block], decided: Sequence[bool]) -> int:
    return next((i for i, b in enumerate(blocks) if not decided[i] and is_body_like(b.text)), len(blocks))


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


def _head(blocks: list[Block], decided: list[bool]) -> None:
    """Step 3: title, its repeats, mastheads, credit lines and the caption above a byline."""
    first = _first_body(blocks, decided)
    top = _top_byline(blocks, decided)
    lead = [i for i in range(min(top, len(blocks))) if not decided[i] and is_body_like(blocks[i].text)]
    if top > first and len(lead) <= 1:
        for i in lead:  # one block of prose above the byline: the picture's caption
            _set(blocks[i], "caption", "before-byline")
            decided[i] = True
        first = max(first, _first_body(blocks, decided))
    candidates = [i for i in range(first) if not decided[i] and is_headline_like(blocks[i].text)]
    if not candidates and _is_sentence_title(blocks, decided, first):
        candidates = [first]  # a headline written as a sentence ("X does not need Y. It needs Z.")
    if not candidates:
        return
    # A line sitting right above the site menu is the site's masthead, not the story's title.
    preferred = [i for i in candidates if not (i + 1 < len(blocks) and blocks[i + 1].reason == "nav-menu")]
    title = max(preferred or candidates, key=lambda i: (len(_words(blocks[i].text)), -i))
    key = norm_title(blocks[title].text)
    for i, b in enumerate(blocks):
        if norm_title(b.text) == key and b.kind != "boilerplate":
            _set(b, "title", "title" if i == title else "title-repeat")
            decided[i] = True
    for i in candidates:
        if decided[i]:
            continue
        prev = blocks[i - 1] if i > 0 else None
        if prev is not None and prev.reason == "site-notice" and len(_words(blocks[i].text)) <= MAX_CREDIT_LINE_WORDS:
            _set(blocks[i], "boilerplate", "notice-signature")
        elif i < title:
            _set(blocks[i], "boilerplate", "masthead")
        elif _is_credit_line(blocks[i].text):
            _set(blocks[i], "byline", "credit-line")
        else:
            continue
        decided[i] = True


def _is_sentence_title(blocks: Sequence[Block], decided: Sequence[bool], i: int) -> bool:
    """A short first block of prose, with prose after it, when nothing above looks like a title."""
    if i >= len(blocks) or decided[i] or len(_words(blocks[i].text)) > MAX_SENTENCE_TITLE_WORDS:
        return False
    if any(not decided[j] for j in range(i)):
        return False
    nxt = next((j for j in range(i + 1, len(blocks)) if not decided[j]), None)
    return nxt is not None and len(_words(blocks[nxt].text)) >= 25


def _is_credit_line(text: str) -> bool:
    """A bare outlet or agency name on its own line ("ARA News")."""
    words = _words(text)
    return 0 < len(words) <= MAX_CREDIT_LINE_WORDS and all(
        w[0].isupper() or w.lower() in ("of", "for", "and", "the", "al", "el") for w in words)


def _body(blocks: list[Block], decided: list[bool]) -> None:
    """Step 4: everything left is body; short unpunctuated lines followed by prose are subheadings."""
    started = False
    for i, b in enumerate(blocks):
        if decided[i]:
            continue
        _set(b, "body", "prose" if is_body_like(b.text) else "body-default")
        if is_bullet(b.text):
            b.reason = "body-list"
        elif started and _is_subheading(blocks, decided, i):
            _set(b, "body", "subheading", subheading=True)
        started = True


def _heading_shaped(text: str) -> bool:
    text = text.strip()
    return (0 < len(_words(text)) <= MAX_SUBHEADING_WORDS and len(text) <= MAX_SUBHEADING_CHARS
            and not _SUBHEADING_BAD_END.search(text) and not is_bullet(text))


def _is_subheading(blocks: Sequence[Block], decided: Sequence[bool], i: int, depth: int = 0) -> bool:
    if not _heading_shaped(blocks[i].text):
        return False
    for j in range(i + 1, len(blocks)):
        if decided[j] and blocks[j].kind == "boilerplate":
            continue
        if decided[j] or is_bullet(blocks[j].text):
            return False  # a line that introduces a list is a lead-in sentence, not a heading
        if is_body_like(blocks[j].text):
            return True
        # A section heading directly above a sub-section heading.
        return depth < 2 and _is_subheading(blocks, decided, j, depth + 1)
    return False

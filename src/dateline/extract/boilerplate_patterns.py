"""The word patterns of the block classifier: which lines are page furniture by their own words.

Responsible for: the regular expressions `paragraphs.classify` tries on every block (boilerplate
line rules, caption cues, section headers, outlet credit lines, site footers), compiled once at
import. Kept apart from the classifier so the cascade in `paragraphs` stays readable and a new
pattern is a one-line change here, with its test in `tests/extract/test_boilerplate_patterns.py`.

Not responsible for: deciding with context (position on the page, the page's own site name, what
came before); that is `paragraphs`.
"""
from __future__ import annotations

import re

_I = re.IGNORECASE

# Step 2 section headers: the comment section runs to the end of the page.
COMMENTS_HEAD = re.compile(
    r"^(?:leave a (?:reply|comment)|post (?:new |a |your )?comment|add (?:a |new |your )?comment|"
    r"write a comment|join the (?:discussion|conversation)|\d+\s+(?:comments?|responses?|replies)|"
    r"comments?\s*(?:\(\d+\))?|readers?['’]?\s+comments?|reader comments|show comments|"
    r"what do you think|laisser un commentaire|\d*\s*commentaires?|réagir|deja (?:un|tu) comentario|"
    r"\d*\s*comentarios?|комментарии|оставить комментарий|التعليقات|أضف تعليق(?:ا|اً)?)\b\s*[:.\-|]?",
    _I,
)
RELATED_HEAD = re.compile(
    r"^(?:related(?:\s+(?:posts?|articles?|stories|coverage|news|content|reading|links|topics|items))?|"
    r"read (?:more|also|next)|see also|also read|also on (?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)\S+(?=\s*[:：|»>]?\s*$)|more (?:from|on|stories|news|in)\b[^.]{0,40}|"
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| stories)?|"
    r"most (?:read|popular|viewed|shared)|trending(?: now)?|latest (?:news|stories|posts)|top stories|"
    r"further reading|other news|à lire aussi|lire aussi|à voir aussi|sur le même sujet|"
    r"leer (?:más|también)|lea también|lee también|te puede interesar|noticias relacionadas|"
    r"relacionad[oa]s|читайте также|по теме|смотрите также|"
    r"اقرأ\s+(?:أيضا|أيضاً|ايضا|أيضًا)|مواضيع ذات صلة|أخبار ذات صلة|اقرأ المزيد)\s*[:：.…»>|\-–—]*",
    _I,
)
BIO_HEAD = re.compile(r"^(?:about the (?:author|writer|authors)|author bio(?:graphy)?|about us|"
                       r"à propos de l['’]auteur|sobre el autor|عن الكاتب|об авторе)\s*:?\s*$", _I)

# Step 1 line rules, tried in order; each is (reason, pattern, max words of the block).
BOILERPLATE_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
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
        r"\bpaypal\b|\bmake a contribution\b|\bfaire un don\b|\bdonar\b|\bпожертвова|\bتبرع|"
        # "Support X: our work depends on your donations", "Your support keeps us independent".
        r"\b(?:depends?|relies|rely) (?:entirely |solely |largely |only )?on (?:your|readers['’]?|reader|"
        r"public) (?:donations?|support|contributions?|generosity)\b|"
        r"\byour (?:donations?|contributions?|support) (?:helps?|keeps?|allows?|enables?|makes?)\b|"
        r"^\W*support (?:us|independent (?:journalism|media|reporting|analysis|[\w ]{0,30}analysis))\W*$", _I), 25),
    # Tip lines: "If you have any information or materials, send them to tips@...", "Got a tip?".
    ("tip-line", re.compile(
        r"\bif you have (?:any )?(?:information|materials?|tips?|a (?:news )?tip|a story|news|photos|videos|"
        r"documents)\b[^.!?]{0,80}(?:\bus\b|\bour\b|@|https?://)|\bsend (?:us )?(?:your )?(?:news )?tips\b|"
        r"^\W*(?:got|have) a (?:news )?tip\b|\btips?@|^\W*news ?tips?\s*:|\bcontact us (?:at|on|via|through|by)\b|"
        r"\bcorrections?@|\bsend (?:them|it|us|these) (?:to|at) \S+@\S+", _I), 50),
    # House standards and syndication/disclaimer footers.
    ("standards", re.compile(
        r"^\W*(?:our |editorial )?standards\s*[:|]|\b(?:trust|editorial) principles\W*$|"
        r"^\W*(?:our |the )?(?:code of (?:ethics|conduct|practice)|corrections? policy|ethics policy|"
        r"editorial (?:policy|guidelines|standards))\W*$", _I), 15),
    ("disclaimer", re.compile(
        r"\b(?:the )?views (?:and opinions )?expressed (?:in (?:this|the) [\w-]+(?: [\w-]+)? )?(?:herein )?"
        r"(?:are|do not|belong)\b|\bdo(?:es)? not necessarily (?:reflect|represent)\b|"
        r"\bnot necessarily (?:those|the views?|the opinions?) of\b|^\W*disclaimer\b", _I), 60),
    ("syndication-note", re.compile(
        r"\b(?:publishes|republishes|reproduces|carries|shares) (?:reports|articles|stories|news|content|"
        r"material|dispatches|items) (?:from|by|of) (?:other |international |foreign |news |partner |wire )*"
        r"(?:agencies|outlets|sources|media|partners|wire services|news agencies|publications)\b|"
        r"\bfor the information of (?:its|our) readers\b|"
        r"\b(?:re)?published (?:here )?(?:with (?:the )?permission|under a creative commons)\b", _I), 60),
    # A line that is only a link: the page's own address left at the foot of a scraped page.
    ("bare-url", re.compile(r"^\W*(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\W*$", _I), 40),
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
                               r"(?:next|previous) (?:article|post|story)\b.*|about us|contact(?: us)?|"
                               r"privacy(?: policy)?|imprint|impressum|careers|advertise(?: with us)?|"
                               r"work (?:with|for) us)\W*$", _I), 8),
)
SITE_NOTICE = dict((r, p) for r, p, _ in BOILERPLATE_RULES)["site-notice"]

CAPTION_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("caption-label", re.compile(r"^(?:photo|image|picture|pictured|file (?:photo|picture|image)|photo caption|"
                                 r"caption|photo credit|foto|photographie|imagen|фото|صورة|تصوير)\s*[:\-–—|]", _I)),
    ("caption-credit", re.compile(r"\((?:photo|image|picture|credit|file)\b[^)]*\)\W*$|"
                                  # "... on Wednesday. Photo: FVNA", "... the dam - Image: SDF media"
                                  r"(?:[.!?]\s+|\s[-–—|]\s*)(?:photo|image|picture|foto|credit|photograph)s?\s*"
                                  r"(?:credit\s*)?:\s*[^.!?]{1,60}$|"
                                  r"\bclick (?:to|for) (?:enlarge|see|view|zoom|expand|a larger)\b|"
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

# A caption cue anywhere in a line: such a line is never the page's title.
CAPTION_CUE = re.compile(
    r"\b(?:photo|image|picture|foto|credit|photograph)s?\s*(?:credit\s*)?:|\((?:photo|image|picture|credit|file)\b|"
    r"\bfile (?:photo|picture|image)\b|\bphoto(?:graph)?:?\s+(?:by|courtesy)\b|\bclick (?:to|for) (?:enlarge|see|view)\b",
    _I)

# What a site says about itself in its footer: "<Site> is run by volunteers", "<Site> publishes reports
# from international agencies", "<Site> is a registered charity", "<Site> has no corporate sponsors".
# The name before the verb is checked against the page's own site names (or the footer position).
_NAME_WORD = r"(?:[A-Z][\w'’&.-]*|al|el|of|for|and|the|on|de|du)"
ABOUT_SITE = re.compile(
    rf"^(?:the\s+)?(?P<name>[A-Z][\w'’&.-]*(?:[ \-–]+{_NAME_WORD}){{0,6}})\s*(?:\([^)]{{2,20}}\)\s*)?"
    r"(?:is (?:run|funded|owned|operated|published|edited|managed|supported|financed|registered|independent|"
    r"an? |the |non-?profit|not-for-profit|a non)|are (?:run|a group|an? )|publishes|republishes|carries|reproduces|"
    r"relies|depends|"
    r"was (?:founded|established|launched|set up|created|started)|has no |reserves |accepts no |receives no |"
    r"does not (?:necessarily )?(?:endorse|share|accept|take|bear|receive)|welcomes |"
    r":\s*(?i:we are)\b)")
# Hosts of the page's own links ("https://www.site.example/2017/..."), to recognise its name.
URL_HOST = re.compile(r"(?:https?://|\bwww\.)(?P<host>[\w-]+(?:\.[\w-]+)+)", _I)

"""Validate the demo corpus's gold annotations (stdlib only).

    python3 check.py            # checks ./articles + ./gold next to this file
    python3 check.py DIR        # checks DIR/articles + DIR/gold (e.g. the real samples)

Exit status 0 when every check passes, 1 otherwise.

Text model
----------
* ``.txt`` articles: the text is the file, read as UTF-8.  Paragraphs are the
  non-blank lines; ``line`` is 1-based and ``text`` is the first 60 characters
  of the line after ``str.strip()``.  Offsets index the whole file.
* ``.html`` articles: the text is the *visible text* as produced by
  :func:`visible_blocks`: everything outside ``<head>``, ``<script>``,
  ``<style>``, ``<template>`` and ``<noscript>``, split into blocks at every
  block-level tag (see ``BLOCK_TAGS``), with runs of ASCII whitespace collapsed
  to one space and stripped (no-break spaces are kept, as a browser does).
  The visible text is the blocks joined with ``"\\n"``; paragraphs are the
  blocks in document order with ``line`` = null and ``text`` = the first 60
  characters of the block.  Offsets index the visible text.  Every annotated
  string must *also* be a substring of ``html.unescape(raw_file)``.
"""

import html
import json
import os
import re
import sys
from html.parser import HTMLParser

SKIP_TAGS = {"head", "script", "style", "template", "noscript"}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption",
    "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "label",
    "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section", "select",
    "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul",
}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
             "meta", "param", "source", "track", "wbr"}
WS = " \t\n\r\f"


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.buf = []
        self.skip = 0

    def _flush(self):
        s = re.sub(r"[ \t\n\r\f]+", " ", "".join(self.buf)).strip(WS)
        if s:
            self.blocks.append(s)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            if tag not in VOID_TAGS:
                self.skip += 1
            return
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data)

    def close(self):
        super().close()
        self._flush()


def visible_blocks(raw):
    """The visible text blocks of an HTML page, in document order."""
    p = _Visible()
    p.feed(raw)
    p.close()
    return p.blocks


def load_article(path):
    """Return (text, paragraphs, raw_unescaped_or_None).

    paragraphs: list of (line_or_None, full_text, start_offset)."""
    raw = open(path, encoding="utf-8").read()
    paras = []
    if path.endswith(".html"):
        blocks = visible_blocks(raw)
        text = "\n".join(blocks)
        pos = 0
        for b in blocks:
            paras.append((None, b, pos))
            pos += len(b) + 1
        return text, paras, html.unescape(raw)
    pos = 0
    for i, line in enumerate(raw.split("\n"), 1):
        if line.strip():
            paras.append((i, line.strip(), pos + line.index(line.strip()[0])))
        pos += len(line) + 1
    return raw, paras, None


ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
ACTOR_KINDS = {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_force",
               "political_party", "government", "ngo", "media", "other"}
PLACE_KINDS = {"city", "town", "village", "neighborhood", "building", "region", "country", "river", "other"}
PARA_KINDS = {"title", "byline", "body", "caption", "boilerplate"}
PRECISION = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}", "unknown": None}
TOP_KEYS = ["file", "outlet", "title", "authors", "author_names", "published", "published_text", "dateline",
            "paragraphs", "actors", "places", "people", "events", "quotes", "figures", "framing", "notes"]
GENERIC_ACTOR = re.compile(r"^(Civilians|Unidentified Armed Group|Protesters|Rioters) \(.+\)$")


class Checker:
    def __init__(self):
        self.errors = []
        self.n = {}

    def ok(self, cond, where, msg):
        if not cond:
            self.errors.append("%s: %s" % (where, msg))
        return cond

    def count(self, key, k=1):
        self.n[key] = self.n.get(key, 0) + k

    def check_file(self, gold_path, art_dir):
        W = os.path.basename(gold_path)
        g = json.load(open(gold_path, encoding="utf-8"))
        keys = [k for k in g if k != "outlet_inferred"]
        self.ok(keys == TOP_KEYS, W, "top-level keys %r" % keys)
        apath = os.path.join(art_dir, g["file"])
        if not self.ok(os.path.exists(apath), W, "article missing: %s" % g["file"]):
            return
        self.ok(os.path.splitext(g["file"])[0] == os.path.splitext(W)[0], W, "gold/article stems differ")
        is_html = apath.endswith(".html")
        text, paras, raw_u = load_article(apath)
        self.count("articles")
        self.count("html" if is_html else "txt")

        def sub(s, what):
            if s is None:
                return
            self.count("strings")
            self.ok(isinstance(s, str) and s in text, W, "%s not in text: %r" % (what, s))
            if raw_u is not None:
                self.ok(s in raw_u, W, "%s not in unescaped raw HTML: %r" % (what, s))

        # paragraphs
        exp = [(ln, t[:60]) for ln, t, _ in paras]
        got = [(p.get("line"), p.get("text")) for p in g["paragraphs"]]
        if got != exp:
            for i, (a, b) in enumerate(zip(got, exp)):
                if a != b:
                    self.ok(False, W, "paragraph %d is %r, expected %r" % (i, a, b))
                    break
            self.ok(len(got) == len(exp), W, "%d paragraphs, expected %d" % (len(got), len(exp)))
        for p in g["paragraphs"]:
            self.ok(p["kind"] in PARA_KINDS, W, "paragraph kind %r" % p["kind"])
            self.ok(isinstance(p["subheading"], bool), W, "subheading not bool")
            if p["subheading"]:
                self.ok(p["kind"] == "body", W, "subheading outside body")
        self.count("paragraphs", len(g["paragraphs"]))
        kinds = [p["kind"] for p in g["paragraphs"]]
        content = [(t, s) for (ln, t, s), k in zip(paras, kinds + [None] * len(paras)) if k and k != "boilerplate"]

        def in_content(s):
            return any(s in t for t, _ in content)

        def start_in_content(start):
            return any(s0 <= start < s0 + len(t) for t, s0 in content)

        # header fields
        sub(g["title"], "title")
        if g["title"] is not None:
            self.ok(in_content(g["title"]), W, "title not in a title paragraph")
        for a in g["authors"]:
            sub(a, "author")
        sub(g["published_text"], "published_text")
        sub(g["dateline"], "dateline")
        if g["published"] is not None:
            self.ok(re.fullmatch(r"\d{4}-\d{2}-\d{2}", g["published"]) is not None, W, "published not ISO")
        self.ok(all(isinstance(a, str) for a in g["author_names"]), W, "author_names must be strings")

        actor_canon = set()
        for a in g["actors"]:
            sub(a["mention"], "actor mention")
            self.ok(in_content(a["mention"]), W, "actor mention only in boilerplate: %r" % a["mention"])
            self.ok(a["kind"] in ACTOR_KINDS, W, "actor kind %r" % a["kind"])
            actor_canon.add(a["canonical"])
        self.count("actors", len(g["actors"]))
        place_canon = set()
        for p in g["places"]:
            sub(p["mention"], "place mention")
            self.ok(in_content(p["mention"]), W, "place mention only in boilerplate: %r" % p["mention"])
            self.ok(p["kind"] in PLACE_KINDS, W, "place kind %r" % p["kind"])
            self.ok(p["geo_precision"] in (1, 2, 3), W, "geo_precision %r" % p["geo_precision"])
            for c, lim in (("lat", 90), ("lon", 180)):
                v = p[c]
                self.ok(isinstance(v, (int, float)) and abs(v) <= lim and round(v, 2) == v, W,
                        "%s %r of %r" % (c, v, p["mention"]))
            place_canon.add(p["canonical"])
        self.count("places", len(g["places"]))
        for pe in g["people"]:
            for m in pe["mentions"]:
                sub(m, "person mention")
                self.ok(in_content(m), W, "person mention only in boilerplate: %r" % m)
        self.count("people", len(g["people"]))

        def span(item, field, what):
            s, a, b = item[field], item["start"], item["end"]
            sub(s, what)
            self.count("offsets")
            self.ok(text[a:b] == s, W, "%s offsets %d:%d give %r" % (what, a, b, text[a:b][:50]))
            self.ok(start_in_content(a), W, "%s starts outside title/byline/caption/body: %r" % (what, s[:50]))
            if is_html:
                self.ok(item["line"] is None, W, "%s: line must be null for HTML" % what)
            else:
                self.ok(item["line"] == text.count("\n", 0, a) + 1, W,
                        "%s line %r, expected %d" % (what, item["line"], text.count("\n", 0, a) + 1))

        for e in g["events"]:
            span(e, "evidence", "event evidence")
            sub(e["date_text"], "event date_text")
            self.ok(e["sub_event_type"] in ACLED.get(e["event_type"], ()), W,
                    "bad ACLED type %r / %r" % (e["event_type"], e["sub_event_type"]))
            self.ok(e["location"] in place_canon, W, "event location %r not in places" % e["location"])
            for k in ("actor1", "actor2"):
                v = e[k]
                self.ok(v is None or v in actor_canon or GENERIC_ACTOR.match(v) is not None, W,
                        "event %s %r not among actors" % (k, v))
            self.ok(e["actor1"] is not None, W, "event without actor1")
            pat = PRECISION.get(e["date_precision"], "x")
            if pat is None:
                self.ok(e["event_date"] is None, W, "unknown precision but a date")
            else:
                self.ok(e["event_date"] is not None and re.fullmatch(pat, e["event_date"]) is not None, W,
                        "event_date %r vs precision %r" % (e["event_date"], e["date_precision"]))
            f = e["fatalities"]
            self.ok(f is None or isinstance(f, int) or (isinstance(f, list) and len(f) == 2), W,
                    "fatalities %r" % (f,))
        self.count("events", len(g["events"]))
        for q in g["quotes"]:
            span(q, "text", "quote")
            sub(q["speaker_mention"], "speaker_mention")
            self.ok(isinstance(q["direct"], bool) and q["speaker"], W, "quote speaker/direct")
        self.count("quotes", len(g["quotes"]))
        for f in g["figures"]:
            span(f, "text", "figure")
            v = f["value"]
            self.ok(isinstance(v, (int, float)) or (isinstance(v, list) and len(v) == 2), W, "figure value %r" % (v,))
        self.count("figures", len(g["figures"]))
        for fr in g["framing"]:
            sub(fr["term"], "framing term")
            self.ok(in_content(fr["term"]), W, "framing term only in boilerplate: %r" % fr["term"])
        self.count("framing", len(g["framing"]))
        self.ok(isinstance(g["notes"], list), W, "notes not a list")


def main(argv):
    base = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    art_dir, gold_dir = os.path.join(base, "articles"), os.path.join(base, "gold")
    golds = sorted(f for f in os.listdir(gold_dir) if f.endswith(".json"))
    arts = sorted(f for f in os.listdir(art_dir) if not f.startswith("."))
    c = Checker()
    c.ok(len(golds) == len(arts), base, "%d gold files for %d articles" % (len(golds), len(arts)))
    for f in golds:
        c.check_file(os.path.join(gold_dir, f), art_dir)
    print(" ".join("%s=%d" % kv for kv in sorted(c.n.items())))
    if c.errors:
        for e in c.errors:
            print("FAIL", e)
        print("%d problems" % len(c.errors))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

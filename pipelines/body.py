"""The story text: trafilatura on the cleaned tree, rendered as blocks, then a last line filter."""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass, field
from functools import lru_cache

import trafilatura
from lxml import etree
from trafilatura.settings import Extractor
from trafilatura.xml import xmltotxt

from pipelines.datelines import is_date_line
from pipelines.dom_clean import UI_LINE
from pipelines.dom_utils import HtmlElement
from pipelines.teaser_labels import LABEL
from pipelines.text import clean_line, keyword_pattern, words
from pipelines.tool_lines import is_tool_line

# Precision mode measured better on the dev corpus (overall F1 0.919 vs 0.872 for the
# defaults): the defaults keep more boilerplate than they recover story text.
BASE_OPTIONS: dict[str, object] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "with_metadata": False,
    "deduplicate": False,
}


@lru_cache(maxsize=4096)
def _block_words(block: str) -> int:
    """Words in one block.  A page's bodies share their blocks and ``word_count`` is
    asked five to eight times per page: counting each block once saves 1.5% of the
    extraction time (profiled)."""
    return len(words(block))


@dataclass
class Body:
    blocks: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    lines_filtered: int = 0

    @property
    def text(self) -> str:
        return "\n\n".join(self.blocks)

    @property
    def word_count(self) -> int:
        return sum(_block_words(b) for b in self.blocks)

    def without(self, unwanted: Callable[[str], bool]) -> Body:
        """This body minus the blocks ``unwanted`` picks (the line passes share this)."""
        kept = [b for b in self.blocks if not unwanted(b)]
        if len(kept) == len(self.blocks):
            return self
        return Body(blocks=kept, headings=[h for h in self.headings if h in kept],
                    lines_filtered=self.lines_filtered + len(self.blocks) - len(kept))


def _render(body: etree._Element, text: str | None = None) -> tuple[list[str], list[str]]:
    """Blocks (one per text line) and the sub-headings among them.

    trafilatura's own text conversion is used: a hand-written walk over
    p/head/item/row rendered a layout table's outer row *and* its nested rows,
    so 2008-era pages came out with every paragraph two to four times
    (measured: l3s_gn1 pages at precision 0.06-0.16).  ``text``: that conversion,
    when the caller has it."""
    if text is None:
        text = xmltotxt(body, include_formatting=False) or ""
    blocks = [line for line in (clean_line(raw) for raw in text.split("\n")) if line and line.strip("| ")]
    heads = {clean_line("".join(h.itertext())) for h in body.iter("head")}
    headings = [b for b in blocks if b in heads]
    return blocks, headings


#: What a <head> holds besides its title: never text.  Anything else found there stays
#: (a 2007 l3s_gn1 page has no <body>: lxml puts its whole story in <head>).
_HEAD_ONLY_TAGS = frozenset({"meta", "link", "base", "style", "script"})


def drop_head_metadata(tree: HtmlElement) -> None:
    """Remove the <meta>, <link> and like elements of the page's <head>, once the
    metadata has been read.

    trafilatura deletes <head> in its own cleaning, but only after it has copied the
    whole tree three times and swept it with a dozen XPath prunes: these elements, 12%
    of a cleaned page's elements, were copied and searched on every run (profiled:
    prunes and copies are 45% of trafilatura's time here)."""
    head = tree.find("head")
    if head is None:
        return
    for el in list(head):
        # An element whose tail holds text stays: removing it would take the text.
        if (el.tag in _HEAD_ONLY_TAGS or not isinstance(el.tag, str)) and not (el.tail or "").strip():
            head.remove(el)


#: bare_extraction's keyword for each Extractor setting (trafilatura.settings.Extractor).
_EXTRACTOR_ARGS = {"favor_precision": "precision", "favor_recall": "recall", "include_comments": "comments",
                   "include_tables": "tables", "include_images": "images", "include_formatting": "formatting",
                   "include_links": "links", "with_metadata": "with_metadata", "deduplicate": "dedup", "fast": "fast"}


@lru_cache(maxsize=8)
def _extractor_template(options: tuple[tuple[str, object], ...]) -> Extractor:
    return Extractor(output_format="python", **{_EXTRACTOR_ARGS[k]: v for k, v in options})  # type: ignore[arg-type]


def _extractor(options: tuple[tuple[str, object], ...], url: str) -> Extractor | None:
    """trafilatura's settings object for these options and page, or None when an option
    is not one it takes (bare_extraction then builds it from the keywords).

    bare_extraction otherwise builds one per call, reading a dozen values from its
    ConfigParser: 2% of its time here (profiled).  The settings are copied from a
    template per options, and only the page's URL is set; trafilatura copies them
    itself before changing any (its recall retry)."""
    if any(k not in _EXTRACTOR_ARGS for k, _ in options):
        return None
    extractor = copy(_extractor_template(options))
    extractor.url = extractor.source = url or None
    return extractor


def extract_body(tree: HtmlElement, url: str, options: dict[str, object] | None = None) -> Body:
    """Run trafilatura on an already-cleaned tree; never raises on odd pages."""
    kwargs = {**BASE_OPTIONS, **(options or {})}
    extractor = _extractor(tuple(sorted(kwargs.items())), url)
    try:
        if extractor is not None:
            document = trafilatura.bare_extraction(tree, options=extractor)
        else:
            document = trafilatura.bare_extraction(tree, url=url, **kwargs)  # type: ignore[arg-type]
    except (ValueError, TypeError, etree.LxmlError, RecursionError):
        document = None
    if document is None or getattr(document, "body", None) is None:
        return Body()
    # bare_extraction has rendered the text already, with the same call as _render's
    # when formatting is off: rendering it twice cost 0.075 s per 320 pages (0.8%).
    text = None if kwargs.get("include_formatting") else getattr(document, "text", None)
    blocks, headings = _render(document.body, text)
    return Body(blocks=blocks, headings=headings)


# Whole lines of page furniture that survive extraction: image credits ("Titelbild:
# dpa", "Photo: AFP") and follow-us promos ("Síguenos en Telegram, Instagram...").
# Both were must_exclude snippets of the trafilatura set and extras in fundus bodies.
# Legal footers ("Copyright © 2008 <Station> News. All rights reserved.", "This service is
# provided on ... Terms and Conditions. Please read our Privacy Policy", "Disclaimer:
# This news article is copyrighted by ..."): page furniture on 2000s pages once layout
# tables are unwrapped (cleaneval, l3s_gn1: 40-75 shingles a page); lines longer
# than LEGAL_LINE_MAX_CHARS are left alone (a story may discuss such terms).
LEGAL_LINE = re.compile(
    r"\ball rights reserved\b|^(copyright|\(c\)|©)\s*(©\s*)?\d{4}\b|^disclaimer\b.*\bcopyright"
    r"|\bterms (and|&) conditions\b.*\bprivacy policy\b|\bprivacy policy\b.*\bterms (and|&) conditions\b"
    # "provided 'as is' without warranties" disclaimers (a cleaneval page, a dragnet blog)
    r"|\bas\W+is\W+(basis\W+)?without\W+(any\W+)?warrant"
    # News-agency and syndication notices under 2008 stories (l3s_gn1: 10-40 shingles on
    # a dozen pages): "This material may not be published, broadcast, rewritten or
    # redistributed.", "Republication or redissemination of the contents of this screen
    # are expressly prohibited", "The full article contains 259 words and appears in
    # ... newspaper.", "Use of this website is subject to our Terms of Service".
    r"|\bmay not be (re)?published, broadcast, rewritten,? or redistributed\b|\brepublication or redissemination\b"
    r"|^the full (article|story|text) contains \d+ words\b|\buse of this (web ?)?site (is subject to|constitutes)",
    re.IGNORECASE,
)
LEGAL_LINE_MAX_CHARS = 400
#: A longer line is still a notice when it opens with one (a publisher's footer of
#: terms, licensing and company registration ran to 470 characters on l3s_gn1 pages).
LEGAL_OPENING_CHARS = 100
_OWN_TERMS = re.compile(r"\b(our|please read|this (service|site|website))\b")
LEGAL_BLOCK_MAX_CHARS = 800
_FURNITURE_LINE = re.compile(
    r"^((title|titel)?(foto|photo|bild|image|picture|ảnh|fotos|photos|bilder)(s)?\s*(credit)?\s*:\s*\S.{0,60}"
    r"|(síguenos|siguenos|follow us|folgen sie uns|suivez-nous|seguici|volg ons|theo dõi (chúng tôi|.{0,30} trên (facebook|zalo|youtube|tiktok)))\b.*)$",
    re.IGNORECASE,
)


def _orphan_label(block: str) -> bool:
    """A teaser-box label left behind when its box was cut out or never was a box
    ("Related posts:", "Lesen Sie auch die folgenden Beiträge:", "| | Related Stories |"):
    must_exclude snippets of the trafilatura set and extras in dragnet/l3s bodies.
    List items ("- More on rsync") are a page's own table of contents and stay."""
    line = " ".join(block.split())
    if len(line) > 60 or line.startswith(("-", "•")):
        return False
    return bool(LABEL.match(line.strip(" |")))


#: One word of every alternative of LEGAL_LINE: a cheap test before the pattern, which
#: has no literal prefix and costs 28 us per line (profiled: 2% of extraction time).
#: In casefolded text only the dotless i still matches an ASCII letter of the
#: pattern under IGNORECASE (checked over all of Unicode): such lines take the pattern.
_LEGAL_KEYWORDS = ("reserved", "copyright", "(c)", "©", "privacy", "warrant", "broadcast", "redissemination",
                   "contains", "site", "\u0131")
_LEGAL_KEYWORD = keyword_pattern(_LEGAL_KEYWORDS)


def _legal_line(folded: str) -> bool:
    """``folded``: a casefolded line."""
    if len(folded) > LEGAL_BLOCK_MAX_CHARS or not _LEGAL_KEYWORD.search(folded):
        return False
    found = LEGAL_LINE.search(folded)
    if found is None:
        return False
    if len(folded) <= LEGAL_LINE_MAX_CHARS:
        return True
    # A long paragraph only when it opens with a notice; a terms-and-privacy pairing only
    # when the site speaks of its own ("our", "this service"): "Facebook changed its terms
    # and conditions and its privacy policy on Tuesday ..." is a story.
    if found.start() >= LEGAL_OPENING_CHARS:
        return False
    return not re.match(r"(terms|privacy)\b", found.group(0)) or _OWN_TERMS.search(folded) is not None


MAX_FOOTER_DATE_LINES = 2
#: Lines before the first one this long are the story's header zone (headline, dek,
#: byline, date), where a repeated headline is furniture.
HEADER_ZONE_LINE_CHARS = 150


def _is_headline(line_words: str, titles: list[str]) -> bool:
    """The line is the headline: one of the page's titles, or the part of a <title>
    that a site name was added to ("CTV.ca | Headline", "Headline - Site")."""
    if len(line_words.split()) < 3:
        return False
    return any(line_words == t or (f" {line_words} " in f" {t} " and 2 * len(line_words) >= len(t)) for t in titles)


def filter_lines(body: Body, drop_exact: set[str], title: str | None, page_titles: tuple[str, ...] = ()) -> Body:
    """Remove interface lines, caption and teaser texts that survived, and a leading copy of the title."""
    kept, filtered = [], 0
    folded_drop = {d.casefold() for d in drop_exact if d}
    titles = [t for t in (" ".join(words(x)).casefold() for x in (title, *page_titles) if x) if t]
    # No long line, no header zone: on a short post every line is the post.
    long_lines = [i for i, b in enumerate(body.blocks) if len(" ".join(b.split())) >= HEADER_ZONE_LINE_CHARS]
    header_end = long_lines[0] if long_lines else 0
    footer_start = long_lines[-1] if long_lines else len(body.blocks)
    # After the last long line, one or two date lines are the story's footer ("Created:
    # ... Updated: ..."); more are a list the story ends with (a reference list of
    # "Author (29 July 2013). Title. Retrieved ..." lost 20% recall on a wiki page).
    footer_dates = {i for i in range(footer_start + 1, len(body.blocks)) if is_date_line(clean_line(body.blocks[i]).strip(" -•·|"))}
    if len(footer_dates) > MAX_FOOTER_DATE_LINES:
        footer_dates = set()
    for i, block in enumerate(body.blocks):
        folded = " ".join(block.split()).strip(" -•·|").casefold()
        if (i < header_end and (_is_headline(" ".join(words(folded)), titles) or is_date_line(folded))) or (
                i in footer_dates):
            filtered += 1
            continue
        if (UI_LINE.match(folded) or folded in folded_drop or (i == 0 and title and folded == title.casefold())
                or (len(folded) <= 120 and _FURNITURE_LINE.match(folded)) or _orphan_label(block)
                or _legal_line(folded) or is_tool_line(folded)):
            filtered += 1
            continue
        kept.append(block)
    headings = [h for h in body.headings if h in kept]
    return Body(blocks=kept, headings=headings, lines_filtered=body.lines_filtered + filtered)


#: A paragraph this long is story text on any page we have seen (dev corpus:
#: comment and teaser blocks are split into short items).
LONG_PARAGRAPH_CHARS = 400


def _longest_paragraph(tree: HtmlElement) -> HtmlElement | None:
    # The length of text_content(), serialised without its XPath call per <p> (the same
    # string; this runs over every paragraph of the page two or three times).
    return max((p for p in tree.iter("p")), default=None,
               key=lambda p: len(etree.tostring(p, method="text", encoding=str, with_tail=False)))


def long_paragraph_beside_headline(tree: HtmlElement) -> bool:
    """The longest paragraph shares a near ancestor with the <h1>: story text, not a
    box elsewhere on the page."""
    longest = _longest_paragraph(tree)
    if longest is None:
        return False
    for i, ancestor in enumerate(longest.iterancestors()):
        if i >= 3 or ancestor.tag in ("body", "html"):
            return False
        if ancestor.find(".//h1") is not None:
            return True
    return False


def missed_long_paragraph(tree: HtmlElement, body: Body) -> bool:
    """The page's longest paragraph is not in the body: the extractor picked the
    wrong container.  Measured: precision mode took a "most read comments" table
    for a VnExpress story written as one 1,300-word <p> with <br> breaks (F1 0.06;
    default mode 1.0)."""
    longest = _longest_paragraph(tree)
    if longest is None or any(a.tag in _NOT_STORY_HOLDERS for a in longest.iterancestors()):
        return False
    text = clean_line(longest.text_content())
    if len(text) < LONG_PARAGRAPH_CHARS:
        return False
    probe = " ".join(words(text)[:30])
    return probe not in " ".join(words(body.text))


# Long paragraphs in slideshows, legends, asides are not story text (dev: utomo and
# dragnet pages lost precision 0.96 -> 0.2-0.3 when these triggered the fallback).
_NOT_STORY_HOLDERS = ("li", "aside", "footer", "nav", "figure", "header")


def contains_most_of(outer: Body, inner: Body, share: float = 0.7) -> bool:
    """``outer`` keeps at least ``share`` of ``inner``'s 4-word shingles: an extension
    of the same container, not a different part of the page."""
    def shingles(text: str) -> set[tuple[str, ...]]:
        toks = words(text)
        return {tuple(toks[i:i + 4]) for i in range(max(len(toks) - 3, 1))} if toks else set()
    small = shingles(inner.text)
    return not small or len(small & shingles(outer.text)) >= share * len(small)


#: trafilatura rescues extractions shorter than its ``min_extracted_size`` (250
#: characters, about 20-25 words) with a second, looser pass, but not in precision
#: mode.  Below this many words the precision body is taken as a failed extraction
#: and the balanced run replaces it when it finds more.  Measured on the dev corpus:
#: three dragnet stories came out with 1-7 words (rejected as empty pages), a
#: teaching-material page with 16.
SHORT_BODY_WORDS = 20


def too_short(body: Body) -> bool:
    return body.word_count < SHORT_BODY_WORDS


def recall_options(options: dict[str, object] | None) -> dict[str, object]:
    return {**(options or {}), "favor_precision": False}

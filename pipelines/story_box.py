"""A short post's own text when the extractor returned a sidebar box instead.

Image, video and comic posts carry a sentence or two under the headline.  That is
below trafilatura's minimum size, so its fallbacks (readability, jusText) take the
longest text block of the page: an "about the author" box, a blog's "about" widget,
the blogroll.  Measured on dragnet: 10 pages scored F1 0 this way (one blog theme,
a comic, a birth notice, a video post, a drawing post), and 2 more kept the post
plus the sidebar (precision 0.27-0.32).  The fix: the lines of a short body that
come from a sidebar-like box are dropped; when nothing is left, the text of the
headline's own container is the story.  A long body loses only its closing lines
that come from a page's side column or widgets (a blog's text widget under the
posts closed 14 dragnet bodies).
"""

from __future__ import annotations

import re

from lxml import etree

from pipelines import lead
from pipelines.body import Body
from pipelines.dom_utils import HtmlElement, attr_tokens, iter_elements, text_of
from pipelines.text import clean_line, words

#: Bodies this short are examined line by line: the sidebar boxes taken in place
#: of a post were 16-91 words on dev; real stories are longer (quality.SHORT_BODY_WORDS).
SUSPECT_BODY_WORDS = 150
#: The headline's container is searched this many levels up for text of its own.
BOX_LEVELS = 3
#: Words beyond the headline that make a container a story ("Born 11/6/12." posts
#: had 8 words of text plus a date line).
MIN_STORY_WORDS = 5

# Boxes beside a story, in class/id vocabulary of several themes and languages.  Words
# that page builders put on every block ("elementor-widget", measured on a trafilatura
# snippet page) count only at the start of a class name.
_ASIDE_ANYWHERE = re.compile(r"sidebar|side-bar|blogroll|about|author-?bio|footer|colophon|credit|copyright|seitenleiste|barre-?laterale", re.IGNORECASE)
_ASIDE_START = re.compile(r"(^|\s)(widget|textwidget|secondary|bio|profile)", re.IGNORECASE)


#: Levels above a text node searched for the whole line (inline markup splits lines).
_LINE_LEVELS = 4


#: Compiled once: el.xpath(string) compiles the expression on every call (531 lines per 320 pages).
_TEXT_WITH = etree.XPath("//body//text()[contains(., $key)]")


def _source_of(tree: HtmlElement, line: list[str]) -> HtmlElement | None:
    """The element showing ``line`` (its words) first: a footer teaser may repeat the
    story's first words further down.  Text nodes holding the line's longest early
    word are found by XPath, then the line's first words are looked for around each,
    in an element not much longer than the line itself (a page wrapper holds every
    line).  Walking the whole tree per line cost 12% of the extraction time."""
    probe = " ".join(line[:8])
    limit = 2 * len(line) + 20
    key = max(line[:8], key=len)
    for node in _TEXT_WITH(tree, key=key):
        holder = node.getparent()
        if holder is not None and node.is_tail:
            holder = holder.getparent()
        for _ in range(_LINE_LEVELS):
            if holder is None:
                break
            toks = words(text_of(holder))
            if len(toks) > limit:
                break
            if probe in " ".join(toks):
                return _innermost(holder, probe)
            holder = holder.getparent()
    return None


def _innermost(holder: HtmlElement, probe: str) -> HtmlElement:
    """The deepest element under ``holder`` still showing ``probe`` (the key word may
    first occur in a byline beside the box that holds the line)."""
    while (inner := next((child for child in holder if isinstance(child.tag, str)
                          and probe in " ".join(words(text_of(child)))), None)) is not None:
        holder = inner
    return holder


# The page's own header: site name and tagline ("h2#site-description" in
# "header#branding" opened a two-line video post, dragnet precision 0.2).
_PAGE_HEADER = re.compile(r"masthead|branding|site-?(header|title|description)|blog-?(title|description)|tagline",
                          re.IGNORECASE)


def _is_aside(node: HtmlElement) -> bool:
    tokens = attr_tokens(node)
    return node.tag in ("aside", "footer", "header") or bool(
        _ASIDE_ANYWHERE.search(tokens) or _ASIDE_START.search(tokens) or _PAGE_HEADER.search(tokens))


#: Only a page's side column and its widgets, for the lines of a long body: "about" and "footer"
#: also name a story's own fact box (a Polish match report's result table is
#: "table.about": a trafilatura must_include snippet was lost).
_SIDEBAR = re.compile(r"sidebar|side-bar|blogroll|seitenleiste|barre-?laterale", re.IGNORECASE)


def _is_sidebar(node: HtmlElement) -> bool:
    tokens = attr_tokens(node)
    return node.tag == "aside" or bool(_SIDEBAR.search(tokens) or _ASIDE_START.search(tokens))


def _aside_apart_from(source: HtmlElement, box: HtmlElement, test=_is_aside) -> HtmlElement | None:  # type: ignore[no-untyped-def]
    """The sidebar-like box (by ``test``) holding ``source`` but not ``box``, if any.
    Only the path below their common ancestor counts: Blogger wraps the posts
    themselves in "widget Blog" (dev: a drawing post lost its caption to the sidebar)."""
    if box in source.iterancestors():
        # Shown inside the headline's own container: a site that wraps the story in
        # <aside class="secondary"> (fundus) would otherwise lose all of it.
        return None
    shared = set(box.iterancestors())
    for node in (source, *source.iterancestors()):
        if node in shared or node is box:
            return None
        if test(node):
            return node
    return None


_SEPARATORS = re.compile(r"\s[|\u00bb\u00ab\u2013\u2014:\u00b7\u2022-]+\s|:\s")


def story_headline(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The post's own heading: an h1-h3 that is the page title or one part of the
    document <title> ("Blog » Archive » Post").  Of several, the longest (a blog's
    name heading is a shorter part: dev, "Study Hacks" over the post's "My New Project")."""
    title_el = tree.find(".//title")
    full = " ".join((text_of(title_el) if title_el is not None else "").split()).casefold()
    wanted = {t for t in (" ".join((title or "").split()).casefold(), full, *_SEPARATORS.split(full)) if t.strip()}
    matches = [h for h in iter_elements(tree, ("h1", "h2", "h3")) if " ".join(text_of(h).split()).casefold() in wanted]
    return max(matches, key=lambda h: len(text_of(h)), default=None)


def _headline_box(headline: HtmlElement) -> HtmlElement | None:
    """The nearest ancestor of the headline holding text besides it."""
    own = len(words(text_of(headline)))
    for i, node in enumerate(headline.iterancestors()):
        if i >= BOX_LEVELS or node.tag in ("body", "html"):
            return None
        if len(words(text_of(node))) - own >= MIN_STORY_WORDS:
            return node
    return None


# The text part of a post container, beside its category, date and comment-count lines.
_CONTENT = re.compile(r"(^|[\s_-])((entry|post|story|article|blog)[-_]?)?(content|body|text|entry|inner)(?=$|[\s_-])", re.IGNORECASE)


def _content_part(box: HtmlElement) -> HtmlElement:
    """The box's content-classed part when it holds the text, else the box itself."""
    for el in box.iterdescendants("div", "section", "article"):
        if _CONTENT.search(attr_tokens(el)) and len(words(text_of(el))) >= MIN_STORY_WORDS:
            return el
    return box


_BLOCK_TAGS = frozenset(("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "tr",
                         "table", "dd", "dt", "dl", "section", "article", "pre", "br", "hr"))
_SKIP_TAGS = frozenset(("script", "style", "noscript", "iframe", "button", "form", "figcaption"))


def _blocks(box: HtmlElement, headline: HtmlElement) -> list[str]:
    """The box's text lines, one per block element, without the headline.  Written out
    here rather than by trafilatura: on a box this small its recall mode broke inline
    links onto lines of their own ("Created by / Michael Turner / ,")."""
    lines: list[str] = []
    run: list[str] = []

    def flush() -> None:
        line = clean_line("".join(run))
        if line:
            lines.append(line)
        run.clear()

    def walk(node: HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag and tag not in _SKIP_TAGS and node is not headline:
            if tag in _BLOCK_TAGS:
                flush()
            run.append(node.text or "")
            for child in node:
                walk(child)
            if tag in _BLOCK_TAGS:
                flush()
        run.append(node.tail or "")

    for child in box:
        walk(child)
    flush()
    return lines


def _outside_asides(tree: HtmlElement, blocks: list[str], box: HtmlElement) -> list[str]:
    """The blocks not first shown in a sidebar-like box apart from the post.  A line of
    one to three words ("Search", "the brain behind") says too little to be found
    reliably and goes with the line before it."""
    kept: list[str] = []
    dropped = False
    for block in blocks:
        toks = words(block)
        if len(toks) > 3:
            source = _source_of(tree, toks)
            dropped = source is not None and _aside_apart_from(source, box) is not None
        if not dropped:
            kept.append(block)
    return kept


def _without_aside_tail(tree: HtmlElement, blocks: list[str], box: HtmlElement) -> list[str]:
    """A long body without the trailing lines first shown in a sidebar-like box: the
    walk from the end stops at the first sentence-length line that is not.  Measured:
    a Blogger sports blog's "Welcome to ... / Did you know? / Available for the Kindle"
    sidebar closed 14 dragnet bodies.  At most MAX_TAIL_LINES are looked up."""
    first = next((words(b) for b in blocks if len(words(b)) > 3), None)
    start = _source_of(tree, first) if first else None
    if start is None or box not in start.iterancestors():
        # Only a story inside the headline's container: on news sites the headline box
        # is often a header beside the story, whose own wrappers say "widget" or
        # "summary" (fundus: three stories cut to nothing).
        return blocks
    end = len(blocks)
    for i in range(len(blocks) - 1, max(len(blocks) - MAX_TAIL_LINES, 0) - 1, -1):
        toks = words(blocks[i])
        if len(toks) <= 3:
            continue
        source = _source_of(tree, toks)
        aside = _aside_apart_from(source, box, _is_sidebar) if source is not None else None
        # A site that puts the story itself in <aside class="secondary"> (fundus).
        if aside is None or start is aside or aside in start.iterancestors():
            break
        end = i
    return blocks[:end]


#: Trailing lines looked up in a long body (each costs a walk down the page).
MAX_TAIL_LINES = 8


def story_box_body(tree: HtmlElement, title: str | None, body: Body) -> Body | None:
    """``body`` without the lines of sidebar-like boxes (in a long body: the trailing
    ones only), or the headline container's text when nothing else is left; None when
    no line came from such a box."""
    if not body.blocks:
        return None
    headline = story_headline(tree, title)
    headline = lead.headline(tree, title) if headline is None else headline
    box = _headline_box(headline) if headline is not None else None
    if box is None:
        return None
    short = body.word_count < SUSPECT_BODY_WORDS
    kept = _outside_asides(tree, body.blocks, box) if short else _without_aside_tail(tree, body.blocks, box)
    if len(kept) == len(body.blocks):
        return None
    if sum(len(words(b)) for b in kept) >= MIN_STORY_WORDS:
        return Body(blocks=kept, headings=[h for h in body.headings if h in kept], lines_filtered=body.lines_filtered)
    story = Body(blocks=_blocks(_content_part(box), headline)) if short else Body()
    return story if story.word_count >= MIN_STORY_WORDS else None

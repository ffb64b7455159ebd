"""A short post's own text when the extractor returned a sidebar box instead.

Image, video and comic posts carry a sentence or two under the headline.  That is
below trafilatura's minimum size, so its fallbacks (readability, jusText) take the
longest text block of the page: an "about the author" box, a blog's "about" widget,
the blogroll.  Measured on dragnet: 10 pages scored F1 0 this way (one blog theme,
a comic, a birth notice, a video post, a drawing post), and 2 more kept the post
plus the sidebar (precision 0.27-0.32).  The fix: the lines of a short body that
come from a sidebar-like box are dropped; when nothing is left, the text of the
headline's own container is the story.
"""

from __future__ import annotations

import re

from pipelines import lead
from pipelines.body import Body
from pipelines.dom_utils import HtmlElement, attr_tokens, iter_elements, text_of
from pipelines.text import clean_line, words

#: Bodies this short are the only ones examined: the sidebar boxes taken in place
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


def _source_of(tree: HtmlElement, probe: str) -> HtmlElement | None:
    """The innermost element around the first place where ``probe`` is shown (a
    footer teaser may repeat the story's first words further down)."""
    def holds(el: HtmlElement) -> bool:
        return isinstance(el.tag, str) and probe in " ".join(words(text_of(el)))
    node = tree.find("body")
    if node is None or not holds(node):
        return None
    while (inner := next((child for child in node if holds(child)), None)) is not None:
        node = inner
    return node


def _aside_apart_from(source: HtmlElement, box: HtmlElement) -> bool:
    """``source`` sits in a sidebar-like box that does not also hold ``box``.  Only the
    path below their common ancestor counts: Blogger wraps the posts themselves in
    "widget Blog" (dev: a drawing post lost its caption to the sidebar)."""
    shared = set(box.iterancestors())
    for node in (source, *source.iterancestors()):
        if node in shared or node is box:
            return False
        tokens = attr_tokens(node)
        if node.tag in ("aside", "footer") or _ASIDE_ANYWHERE.search(tokens) or _ASIDE_START.search(tokens):
            return True
    return False


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
            source = _source_of(tree, " ".join(toks[:8]))
            dropped = source is not None and _aside_apart_from(source, box)
        if not dropped:
            kept.append(block)
    return kept


def story_box_body(tree: HtmlElement, title: str | None, body: Body) -> Body | None:
    """``body`` without the lines of sidebar-like boxes, or the headline container's
    text when nothing else is left; None when no line came from such a box."""
    if not body.blocks or body.word_count >= SUSPECT_BODY_WORDS:
        return None
    headline = story_headline(tree, title)
    headline = lead.headline(tree, title) if headline is None else headline
    box = _headline_box(headline) if headline is not None else None
    if box is None:
        return None
    kept = _outside_asides(tree, body.blocks, box)
    if len(kept) == len(body.blocks):
        return None
    if sum(len(words(b)) for b in kept) >= MIN_STORY_WORDS:
        return Body(blocks=kept, headings=[h for h in body.headings if h in kept], lines_filtered=body.lines_filtered)
    story = Body(blocks=_blocks(_content_part(box), headline))
    return story if story.word_count >= MIN_STORY_WORDS else None

"""Legal and syndication footers as whole blocks.

The body's line filter (:func:`pipelines.body.filter_lines`) drops a legal line
only when the line holds the whole notice; a notice wrapped over several source
lines or table cells ("Copyright © 2008, <paper>. Republication or
redissemination of the contents of / this screen are expressly prohibited ... /
<paper>") left its other lines behind, and a notice in a layout cell came out as
"| Disclaimer: ... |".  Here the smallest block holding a notice goes before
extraction (l3s_gn1: 30-70 shingles a page on a dozen pages).
"""

from __future__ import annotations

from lxml.etree import tostring as _serialised_text

from pipelines.body import LEGAL_LINE, LEGAL_LINE_MAX_CHARS
from pipelines.dom_utils import HtmlElement, remove, text_of
from pipelines.text import clean_line, keyword_pattern

__all__ = ["drop_legal_blocks"]

#: One word of every alternative of LEGAL_LINE, whitespace-proof: a cheap test before
#: the text is folded and the pattern run (profiled: this pass cost 4% of extraction).
_KEYWORDS = ("reserved", "copyright", "(c)", "©", "privacy", "warrant", "broadcast", "redissemination",
             "contains", "site")
_KEYWORD = keyword_pattern(_KEYWORDS)
_HOLDERS = ("p", "div", "td", "font", "span", "small", "center", "address", "footer")
_BLOCKS = ("p", "div", "table", "ul", "ol", "li", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td")


def _leaf_block(el: HtmlElement) -> bool:
    """No block with text inside: one notice, not a container of several things."""
    return next((b for b in el.iter(*_BLOCKS) if b is not el and text_of(b)), None) is None


def drop_legal_blocks(root: HtmlElement, lengths: dict[HtmlElement, int]) -> int:
    removed = 0
    for el in list(root.iter(*_HOLDERS)):
        size = lengths.get(el, 0)
        if not size or size > LEGAL_LINE_MAX_CHARS or el.getparent() is None:
            continue
        # The element's text as text_of reads it (text_content() was an XPath call per
        # holder), folded once for the keyword test and once into the line.
        shown = _serialised_text(el, method="text", encoding=str, with_tail=False) or ""
        raw = shown.casefold()
        if not _KEYWORD.search(raw):
            continue
        text = clean_line(shown)
        if len(text) > LEGAL_LINE_MAX_CHARS or not LEGAL_LINE.search(text.casefold()) or not _leaf_block(el):
            continue
        remove(el)
        removed += 1
    return removed

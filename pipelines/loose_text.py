"""Paragraph text left loose after a block: ``<p><div class="related">...</div>Story
paragraph...</p>`` is parsed (HTML forbids a div in a p) as a div whose *tail* is the
paragraph.  trafilatura drops such tails, so the story lost its first paragraph (a
news wire story opened after a related-links box: the goose3 prefix expected it).

A tail of paragraph length after a block element, in a container that holds real
<p>s, is wrapped into a <p> of its own.
"""

from __future__ import annotations

from pipelines.dom_utils import HtmlElement

_BLOCKS = ("p", "div", "blockquote", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dl",
           "section", "figure", "aside")
#: Paragraph length, as for one-paragraph <div>s (:mod:`pipelines.layout`).
MIN_CHARS = 80
MAX_CHARS = 1500


def _paragraph_tail(el: HtmlElement) -> str | None:
    tail = (el.tail or "").strip()
    if not (MIN_CHARS <= len(tail) <= MAX_CHARS):
        return None
    following = el.getnext()
    # The tail must end where a block (or nothing) follows: inline siblings or <br>
    # runs continue a text flow that is not one paragraph.
    if following is not None and (not isinstance(following.tag, str) or following.tag not in _BLOCKS):
        return None
    return tail


def _only_loose_text(parent: HtmlElement, el: HtmlElement) -> bool:
    """No other loose text in the container: a <div> written as text, links and <br>s
    is a flow of its own, and wrapping one piece of it made precision mode drop the
    rest (a dragnet story lost half its paragraphs, a cleaneval page its lists)."""
    if (parent.text or "").strip():
        return False
    return not any((c.tail or "").strip() for c in parent if c is not el)


def wrap_loose_paragraphs(root: HtmlElement) -> int:
    count = 0
    for el in list(root.iter(*_BLOCKS)):
        parent = el.getparent()
        if parent is None or _paragraph_tail(el) is None or not _only_loose_text(parent, el):
            continue
        if not any(c.tag == "p" and len((c.text_content() or "").strip()) >= MIN_CHARS for c in parent if c is not el):
            continue
        para = el.makeelement("p", {})  # an HtmlElement, like its neighbours
        para.text, el.tail = el.tail, None
        el.addnext(para)
        count += 1
    return count

"""Story lists that trafilatura left out.

When no known container class marks the story, trafilatura gathers the story's
paragraphs one by one ("wild text" recovery), and in precision and balanced modes
that search does not include lists: a list of tips between two story paragraphs
vanished (dragnet: recall 0.47 on such a page; a readability page lost a two-item
list the same way).  A list put back here sits right after a paragraph that is in
the body, and reads like story text: every item a phrase of its own (menus and
tag lists have one- to three-word items) and little link text.
"""

from __future__ import annotations

from pipelines.body import Body
from pipelines.dom_utils import HtmlElement, text_of
from pipelines.text import clean_line, words

#: Words every item needs (measured: teaser and menu lists have 1-5 word items).
MIN_ITEM_WORDS = 6
#: Share of the list's characters in links above which it is navigation.
MAX_LINK_SHARE = 0.5
_NOT_STORY = ("nav", "aside", "footer", "header", "form")


def _block_index(blocks: list[list[str]], el: HtmlElement) -> int | None:
    """Index of the body block that ends with ``el``'s text, if any."""
    toks = words(text_of(el))
    if len(toks) < 5:
        return None
    tail = " ".join(toks[-8:])
    return next((i for i, block in enumerate(blocks) if tail in " ".join(block)), None)


_BREAKS = frozenset(("p", "div", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "br"))


def _spaced_text(el: HtmlElement) -> str:
    text = el.text or ""
    for child in el:
        if isinstance(child.tag, str):
            gap = " " if child.tag in _BREAKS else ""
            text += gap + _spaced_text(child) + gap
        text += child.tail or ""
    return text


def _item_text(li: HtmlElement) -> str:
    """An item's text with a space at its line breaks and between its blocks
    ("<strong>Soft skin<br></strong>For a soft skin": text_content() glued them
    into "Soft skinFor a soft skin")."""
    return clean_line(_spaced_text(li))


def _story_list_items(lst: HtmlElement) -> list[str] | None:
    items = [li for li in lst if li.tag == "li"]
    texts = [_item_text(li) for li in items]
    if len(items) < 2 or any(len(words(t)) < MIN_ITEM_WORDS for t in texts):
        return None
    link_chars = sum(len(text_of(a)) for a in lst.iter("a"))
    if link_chars > MAX_LINK_SHARE * sum(len(t) for t in texts):
        return None
    if any(a.tag in _NOT_STORY for a in lst.iterancestors()):
        return None
    return texts


def restore_lists(tree: HtmlElement, body: Body) -> Body:
    """``body`` with the story lists that follow one of its paragraphs put back in place."""
    if not body.blocks:
        return body
    blocks = list(body.blocks)
    tokens = [words(b) for b in blocks]
    text = " ".join(" ".join(t) for t in tokens)
    for lst in tree.iter("ul", "ol"):
        prev = lst.getprevious()
        if prev is None or prev.tag != "p":
            continue
        items = _story_list_items(lst)
        if not items or " ".join(words(items[0])[:8]) in text:
            continue
        at = _block_index(tokens, prev)
        if at is None:
            continue
        new = [f"- {item}" for item in items]
        blocks[at + 1:at + 1] = new
        tokens[at + 1:at + 1] = [words(n) for n in new]
    if len(blocks) == len(body.blocks):
        return body
    return Body(blocks=blocks, headings=body.headings, lines_filtered=body.lines_filtered)

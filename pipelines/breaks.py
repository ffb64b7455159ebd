"""Stories written as loose text between line breaks: 2000s CMS templates put the
paragraphs straight into a <div> or a layout cell, separated by ``<br><br>`` or by
empty ``<p></p>`` tags.  Precision mode keeps text of <p>s, not loose text of a
<div>, so such a story was lost whole and a sidebar was returned instead
(measured: two l3s_gn1 pages at F1 0).  Each run of loose text between two
paragraph breaks is wrapped in its own <p> (what readability does with ``<br>``
chains); a single <br> stays a line break inside its paragraph.
"""

from __future__ import annotations

from lxml import etree

from pipelines.dom_utils import HtmlElement
from pipelines.text import words

__all__ = ["breaks_to_paragraphs", "missed_loose_story"]

#: Elements that flow inside a paragraph; anything else ends a run of loose text.
_INLINE = frozenset((
    "a", "b", "strong", "i", "em", "u", "span", "font", "small", "big", "sup", "sub", "abbr", "acronym", "cite",
    "q", "code", "tt", "mark", "s", "strike", "del", "ins", "nobr", "label", "time",
))
#: Containers whose loose text is judged; <p> cannot hold <p>s, and cells of tables
#: left as tables are rendered as table rows by the extractor.
_HOLDERS = ("div", "font", "span", "blockquote", "center", "section", "article", "main", "body")
#: Wrap only where the loose text is a story: two paragraph-length runs at least,
#: and little of it link text (link lists separated by <br>s are menus and teasers).
MIN_RUN_CHARS = 80
MIN_RUNS = 2
MAX_LINK_SHARE = 0.3


def _text_len(text: str | None) -> int:
    return len(text.strip()) if text else 0


def _is_break(node: HtmlElement) -> bool:
    """An empty <p> (a paragraph-break tag in these templates) or a <br>."""
    if node.tag == "br":
        return True
    return node.tag == "p" and not len(node) and not _text_len(node.text)


def _runs(holder: HtmlElement) -> list[tuple[HtmlElement | None, list[HtmlElement]]]:
    """Runs of loose content: (the node whose tail opens the run, or None for the
    holder's own text; the inline children in the run).  A run ends at a block, an
    empty <p>, or two <br>s with nothing but whitespace between them."""
    runs: list[tuple[HtmlElement | None, list[HtmlElement]]] = [(None, [])]
    children = [c for c in holder if isinstance(c.tag, str)]
    for i, child in enumerate(children):
        double_br = child.tag == "br" and not _text_len(child.tail) and i + 1 < len(children) and children[i + 1].tag == "br"
        if child.tag in _INLINE or (child.tag == "br" and not double_br and not _prev_is_br(children, i)):
            runs[-1][1].append(child)
            continue
        if child.tag == "br" and double_br:
            continue  # the second <br> of the pair opens the next run
        runs.append((child, []))
    return runs


def _prev_is_br(children: list[HtmlElement], i: int) -> bool:
    return i > 0 and children[i - 1].tag == "br" and not _text_len(children[i - 1].tail)


def _run_lengths(opener: HtmlElement | None, holder: HtmlElement, items: list[HtmlElement]) -> tuple[int, int]:
    """(text length, link text length) of one run."""
    start = holder.text if opener is None else opener.tail
    chars, links = _text_len(start), 0
    for item in items:
        if item.tag == "br":
            chars += _text_len(item.tail)
            continue
        size = len((item.text_content() or "").strip())
        chars += size + _text_len(item.tail)
        if item.tag == "a":
            links += size
        else:
            links += sum(len((a.text_content() or "").strip()) for a in item.iter("a"))
    return chars, links


def _run_text(opener: HtmlElement | None, holder: HtmlElement, items: list[HtmlElement]) -> str:
    parts = [(holder.text if opener is None else opener.tail) or ""]
    for item in items:
        parts.append("" if item.tag == "br" else item.text_content() or "")
        parts.append(item.tail or "")
    return " ".join(" ".join(parts).split())


def _story_holders(root: HtmlElement):  # type: ignore[no-untyped-def]
    """(holder, runs, run sizes) for every holder whose loose text reads as a story."""
    for holder in root.iter(*_HOLDERS):
        if not any(isinstance(c.tag, str) and _is_break(c) for c in holder):
            continue
        if any(a.tag == "p" for a in holder.iterancestors()):
            continue  # already inside a paragraph: <p>s cannot nest
        runs = _runs(holder)
        sizes = [_run_lengths(opener, holder, items) for opener, items in runs]
        total = sum(chars for chars, _ in sizes)
        if sum(chars >= MIN_RUN_CHARS for chars, _ in sizes) < MIN_RUNS:
            continue
        if sum(links for _, links in sizes) > MAX_LINK_SHARE * total:
            continue
        yield holder, runs, sizes


def missed_loose_story(root: HtmlElement, body_words: str) -> str | None:
    """The opening words of the page's longest run of loose text when the body lacks
    them (``body_words``: the body's words joined by spaces), else None.  The
    wrapping is a fallback: where the extractor already kept such text (blogs of
    <br>-separated paragraphs beside <div> ones, a guide of headings, loose text and
    lists), rewrapping it changed the container chosen (dragnet and cleaneval pages
    lost half their recall when every page was rewritten)."""
    longest = ""
    for holder, runs, _ in _story_holders(root):
        for opener, items in runs:
            text = _run_text(opener, holder, items)
            if len(text) > len(longest):
                longest = text
    probe = " ".join(words(longest)[:30])
    return probe if probe and probe not in body_words else None


def _wrap(holder: HtmlElement, opener: HtmlElement | None, items: list[HtmlElement]) -> None:
    para = etree.Element("p")
    if opener is None:
        para.text, holder.text = holder.text, None
        position = 0
    else:
        para.text, opener.tail = opener.tail, None
        position = holder.index(opener) + 1
    holder.insert(position, para)
    for item in items:
        para.append(item)  # moves the item with its tail
    # A trailing <br> ends the paragraph, it is not part of it.
    while len(para) and para[-1].tag == "br" and not _text_len(para[-1].tail):
        para.remove(para[-1])


def breaks_to_paragraphs(root: HtmlElement) -> int:
    """Wrap runs of loose story text in <p>s (in place); returns how many holders changed."""
    changed = 0
    for holder, runs, sizes in list(_story_holders(root)):
        for (opener, items), (chars, _) in zip(reversed(runs), reversed(sizes), strict=True):
            if chars:
                _wrap(holder, opener, items)
        for child in list(holder):
            if isinstance(child.tag, str) and _is_break(child) and not _text_len(child.tail):
                holder.remove(child)
        changed += 1
    return changed

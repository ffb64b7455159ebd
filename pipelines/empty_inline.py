"""Empty inline elements that make trafilatura lose the text after them.

trafilatura 2.3.1 drops the tail of an empty formatting element: in
``<p><strong></strong>An image of your face...</p>`` (a WordPress editor
artefact) the whole paragraph is lost, and in ``<p>words <i></i> more</p>``
everything after the empty element.  Measured on dragnet: a list article lost
every paragraph that opened with ``<strong></strong>`` (recall 0.49).  Such
elements carry no text, so removing them (keeping their tail) changes nothing
else on any page.
"""

from __future__ import annotations

from pipelines.dom_utils import HtmlElement, remove

# Formatting elements only: <a name> anchors, <font> and <br> are handled fine,
# and void or media elements (img, iframe) are content even when empty.
_FORMATTING = ("strong", "b", "em", "i", "u", "span", "small", "big", "mark", "s", "strike", "sub", "sup",
               "cite", "q", "abbr", "dfn", "kbd", "var", "tt", "code", "ins", "del")


def drop_empty_inline(root: HtmlElement) -> int:
    """Remove formatting elements with neither text nor children; returns how many.
    A whitespace-only one stays: it is the space between two words (and trafilatura
    keeps its tail)."""
    empty = [el for el in root.iter(*_FORMATTING) if len(el) == 0 and not el.text]
    for el in empty:
        remove(el)
    return len(empty)

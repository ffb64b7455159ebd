"""The rest of a labelled teaser panel: a small box under a teaser label ("EDITOR'S
CHOICE") holds teaser lists and, between them, a promoted story written as a plain
cell (a bold title, an image, a summary and a "Click here ..." link).  The lists are
not found as a teaser block (one or two items a list, and a cell whose link text
is a small share of it); the box stayed in the body (l3s_gn1: both gold teasers of
a page leaked).  Under a teaser label, each smallest cell of a small box holding a
link to another article is a teaser.

Without the label, panels guessed from two teaser lists in one small container
were story containers on dragnet pages (20-65% recall lost): the label is required.
"""

from __future__ import annotations

from pipelines.dom_utils import HtmlElement, text_of
from pipelines.schema import RelatedLink
from pipelines.teaser_links import LinkIndex

__all__ = ["panel_teasers"]

#: A panel is a sidebar box, not a story container.
PANEL_MAX_CHARS = 1500
MAX_CELL_CHARS = 600
_CELLS = ("td", "li", "p", "div")
_TITLE_TAGS = ("b", "strong", "h2", "h3", "h4", "h5", "h6")


def _cell_teaser(cell: HtmlElement, index: LinkIndex) -> RelatedLink | None:
    links = [a for a in cell.iter("a") if a in index.link_url]
    if not links:
        return None
    link = max(links, key=lambda a: len(text_of(a)))
    title_el = next((t for t in cell.iter(*_TITLE_TAGS) if text_of(t)), None)
    title = text_of(title_el) if title_el is not None else text_of(link)
    summary = " ".join(text_of(cell).replace(title, " ", 1).split())
    return RelatedLink(url=index.link_url[link], title=title or None, summary=summary or None)


def panel_teasers(panel: HtmlElement, index: LinkIndex,
                  claimed: set[HtmlElement]) -> list[tuple[HtmlElement, list[HtmlElement], list[RelatedLink]]]:
    """Each smallest cell of a small labelled ``panel`` holding an article link, as a
    teaser; marks them ``claimed``.  The caller checked the label."""
    found: list[tuple[HtmlElement, list[HtmlElement], list[RelatedLink]]] = []
    if index.length(panel) > PANEL_MAX_CHARS:
        return found
    for cell in panel.iter(*_CELLS):
        links = index.links_below.get(cell, 0)
        if cell in claimed or not links or index.length(cell) > MAX_CELL_CHARS:
            continue
        if links > 1 and len({index.link_url[a] for a in cell.iter("a") if a in index.link_url}) > 1:
            continue  # a list of links: judged as a block when the walk reaches it
        if any(d is not cell and d.tag in _CELLS and index.links_below.get(d) for d in cell.iter()):
            continue  # the smallest cell holding the link is the teaser
        teaser = _cell_teaser(cell, index)
        if teaser is not None:
            claimed.update(cell.iter())
            found.append((cell, [], [teaser]))
    return found

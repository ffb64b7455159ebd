"""Side columns of layout tables.

2000s pages are one big table: navigation, promos and "about us" boxes live in
narrow cells beside the wide story cell ("<td width=239>").  Once the layout table
is unwrapped the extractor sees one flow and keeps such a column after the story
(l3s_gn1: publisher boxes, "Want to submit a story? ... contact us" and ad blurbs,
0.15-0.3 precision on half a dozen pages).  A cell declared at most
SIDE_COLUMN_MAX_PX wide, beside a cell with several times its text, holding no
headline and no paragraph-length text, is a side column and goes before
extraction (teasers and images in it were collected already).  The story cell is
the neighbour holding a paragraph and more text than the column.
"""

from __future__ import annotations

import re

from pipelines.dom_utils import HtmlElement, remove

__all__ = ["drop_side_columns"]

SIDE_COLUMN_MAX_PX = 250
#: A side column holds only short lines; the story cell beside it a paragraph.
MAX_LINE_CHARS = 150
MIN_PARAGRAPH_CHARS = 200
_PIXELS = re.compile(r"^\s*(\d{1,4})\s*(px)?\s*$", re.IGNORECASE)


def _narrow(cell: HtmlElement) -> bool:
    found = _PIXELS.match(cell.get("width") or "")
    return found is not None and int(found.group(1)) <= SIDE_COLUMN_MAX_PX


def _longest_piece(cell: HtmlElement) -> int:
    """Length of the longest run of text between tags (a paragraph, not a cell)."""
    return max((len(" ".join(t.split())) for t in cell.itertext()), default=0)


def drop_side_columns(root: HtmlElement, lengths: dict[HtmlElement, int]) -> int:
    removed = 0
    for cell in list(root.iter("td", "th")):
        row = cell.getparent()
        if row is None or not _narrow(cell):
            continue
        size = lengths.get(cell, 0)
        if not size or cell.find(".//h1") is not None:
            continue
        if _longest_piece(cell) >= MAX_LINE_CHARS:
            continue
        story = [c for c in row if c is not cell and isinstance(c.tag, str) and lengths.get(c, 0) > size]
        if not any(_longest_piece(c) >= MIN_PARAGRAPH_CHARS for c in story):
            continue
        remove(cell)
        removed += 1
    return removed

"""Layout tables: 2000s-era pages are built as one big <table>; trafilatura then
renders whole page rows as table rows ("| Home | News | ... |") and keeps
navigation, footers and teaser boxes inside the story (measured: l3s_gn1 pages at
precision 0.2-0.5 with a single 3,000-shingle row).  Such tables are turned into
plain <div> blocks before extraction so that the extractor judges their cells as
containers; data tables (many rows of short cells) stay tables."""

from __future__ import annotations

import re

from lxml import etree

from pipelines.dom_utils import HtmlElement, remove

_TABLE_PARTS = ("table", "tbody", "thead", "tfoot", "tr", "td", "th")
_BLOCKS = ("p", "div", "blockquote", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dl")
#: A cell with this much text, or with several paragraphs / a headline, holds page content.
LAYOUT_CELL_CHARS = 400
#: Data tables have many rows of short cells; a long list table (a Wikipedia list
#: article: 72 rows, cells up to 520 characters) lost 60% recall when unwrapped.
LAYOUT_MAX_ROWS = 12


#: Compiled once (table.xpath(string) compiles it per table).
_ROWS = etree.XPath("./tr|./tbody/tr")


def _is_layout_table(table: HtmlElement) -> bool:
    if table.find(".//table") is not None:
        return True
    if len(_ROWS(table)) > LAYOUT_MAX_ROWS:
        return False
    for cell in table.iter("td", "th"):
        if cell.find(".//h1") is not None or len(cell.findall(".//p")) >= 2 or cell.find(".//div//p") is not None:
            return True
        if len(cell.text_content()) > LAYOUT_CELL_CHARS:
            return True
    return False


def _wrap_leading_text(cell: HtmlElement) -> None:
    """Put a cell's loose text before its first block into a <p>.  As a table cell
    the extractor kept it; as a <div> it was dropped (a cleaneval answer lost its
    opening paragraph: td > small > text, links, then <p>s)."""
    first_block = next(cell.iter(*_BLOCKS), None)
    if first_block is None or first_block is cell:
        return
    parent = first_block.getparent()
    if parent is None:
        return
    before = []
    for child in parent:
        if child is first_block:
            break
        before.append(child)
    # One paragraph only: a run of <br>-separated paragraphs made into one <p> cut an
    # l3s story (precision mode dropped the over-long mixed block).
    if any(c.tag == "br" or c.find(".//br") is not None for c in before if isinstance(c.tag, str)):
        return
    text = parent.text or ""
    if not (text.strip() or any(isinstance(c.tag, str) and (c.text_content() or "").strip() for c in before)
            or any((c.tail or "").strip() for c in before)):
        return
    para = etree.Element("p")
    para.text, parent.text = text, None
    for child in before:
        para.append(child)  # moves the child with its tail
    parent.insert(0, para)


#: Leaf <div>s of at least this much text in an unwrapped cell are paragraphs.
TEXT_DIV_CHARS = 80
TEXT_DIV_MAX_CHARS = 1500


def _text_divs_to_paragraphs(cell: HtmlElement) -> None:
    """Precision mode keeps text of leaf <div>s inside table cells but drops it
    elsewhere: a 2012-style Vietnamese page (demo site) writing story paragraphs as
    <div>s in a layout cell lost them once the cell became a <div>."""
    # One paragraph only: a whole <br>-separated story in one <div> made into a single
    # <p> was then dropped (three l3s_gn1 pages went to F1 0).
    for div in list(cell.iter("div")):
        if _leaf_text_div(div):
            div.tag = "p"


def unwrap_layout_tables(root: HtmlElement) -> int:
    """Retag layout tables (and their rows and cells, but not nested tables, which
    are judged on their own) as <div>s."""
    count = 0
    for table in list(root.iter("table")):
        if table.tag != "table" or not _is_layout_table(table):
            continue
        count += 1
        stack = [table]
        while stack:
            el = stack.pop()
            if el.tag in ("td", "th"):
                _wrap_leading_text(el)
                _text_divs_to_paragraphs(el)
            el.tag = "div"
            for child in el:
                if isinstance(child.tag, str) and child.tag in _TABLE_PARTS and child.tag != "table":
                    stack.append(child)
    return count


def _shown_text(el: HtmlElement) -> str:
    """``el.text_content()``, serialised instead of evaluated as XPath (the same string,
    a third of the time; the paragraph-div pass reads every <div> and <p> of a page)."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


_LEAF_DIV_STOPS = ("br", "img", "picture", "figure", *_BLOCKS)


def _leaf_text_div(div: HtmlElement) -> bool:
    """A <div> that is one paragraph of text: no blocks, line breaks or images in it
    (an image with its caption span is a figure, not a paragraph: a trafilatura-set
    page expected such captions left out)."""
    # A loop over the descendants, not a generator over iter() minus the div itself:
    # the same test without a generator frame per <div> (26,600 <div>s per 320 pages).
    for b in div.iterdescendants(*_LEAF_DIV_STOPS):
        if not _trailing_break(div, b):
            return False
    return TEXT_DIV_CHARS <= len(_shown_text(div).strip()) <= TEXT_DIV_MAX_CHARS


def divs_among_paragraphs(root: HtmlElement) -> int:
    """Retag one-paragraph <div>s that sit beside real <p>s as <p>.  2012-era
    Vietnamese and US pages mix <DIV> and <P> paragraphs in one story container;
    precision mode drops the <div> ones (dantri: the first two paragraphs lost,
    recall 0.65; dragnet pages at recall 0.58-0.77)."""
    count = 0
    # Whether a parent holds a real paragraph, asked once per parent (siblings asked it
    # again, reading every <p> beside them).  The answer cannot change in this loop:
    # only <div>s under a parent that already holds one become <p>s.
    holds_paragraph: dict[HtmlElement, bool] = {}
    for div in list(root.iter("div")):
        parent = div.getparent()
        # No <p> child at all (looked up in C): the answer below is no, so the <div> is
        # not read (most <div>s of a page; <p> children never go away in this loop).
        if parent is None or parent.find("p") is None or not _leaf_text_div(div):
            continue
        found = holds_paragraph.get(parent)
        if found is None:
            found = holds_paragraph[parent] = any(
                c.tag == "p" and len(_shown_text(c).strip()) >= TEXT_DIV_CHARS for c in parent)
        if found:
            div.tag = "p"
            count += 1
    return count


def _trailing_break(div: HtmlElement, el: HtmlElement) -> bool:
    """A <br> that ends the <div> (nothing after it) does not split the paragraph:
    CMS editors end every paragraph <div> with one (dantri's first story paragraph,
    `<DIV>text<BR></DIV>`, was dropped by precision mode; myfeed_vi recall 0.75)."""
    return el.tag == "br" and el.getparent() is div and el.getnext() is None and not (el.tail or "").strip()


#: Widths of fixed side columns: a 300 px "medium rectangle" column is the classic
#: sidebar of table-built pages.
SIDE_CARD_MAX_WIDTH = 320
SIDE_CARD_MAX_CHARS = 400
_PIXELS = re.compile(r"^\s*(\d+)\s*(px)?\s*$")


def drop_narrow_image_cards(root: HtmlElement) -> int:
    """Remove fixed-width (<= 320 px) tables holding a picture and a line or two of
    text: side-column promo cards ("share your photos on this theme", a photo of the
    week).  On a short story the extractor took them for the story (myfeed_vi: four
    such cards were the whole body of a photo page, precision 0.36).  Measured on the
    dev corpus: of 119 such tables only 8 held gold text, all of them photo captions,
    which the media pass has already moved to `images` by the time this runs."""
    count = 0
    for table in list(root.iter("table")):
        match = _PIXELS.match(table.get("width") or "")
        if not match or int(match.group(1)) > SIDE_CARD_MAX_WIDTH or table.getparent() is None:
            continue
        if table.find(".//img") is None or table.find(".//p") is not None:
            continue
        # A promo card links out with words ("See the details here"); a captioned photo
        # in the story links, if at all, only its image (dragnet, zing: such tables hold
        # the story's own captions, and one sat inside a story paragraph).
        if not any(len((a.text_content() or "").split()) >= 3 for a in table.iter("a") if a.get("href")):
            continue
        if any(a.tag in ("p", "span", "font") for a in table.iterancestors()):
            continue
        if len(" ".join((table.text_content() or "").split())) > SIDE_CARD_MAX_CHARS:
            continue
        remove(table)
        count += 1


#: Inline elements that continue a loose paragraph ("... the <a>Supreme Court</a> has found ...").
_INLINE = ("a", "em", "strong", "b", "i", "span", "u", "abbr", "cite", "q", "sup", "sub", "mark", "small", "time")
#: Blocks whose tail can be a loose paragraph (not <br>: a <br>-separated story is one
#: paragraph of lines, which precision mode keeps).
_AFTER_BLOCKS = (*_BLOCKS, "figure", "section", "aside", "header")
#: Loose text this long after a block is a paragraph, not a stray separator.
LOOSE_TEXT_CHARS = 80


def _continues_with_breaks(block: HtmlElement) -> bool:
    """The loose text after ``block`` runs on in <br>-separated lines: wrapping only its
    first line split the story (a dragnet page lost the lines after it, F1 0.95 -> 0.71)."""
    sibling = block.getnext()
    while sibling is not None and isinstance(sibling.tag, str) and sibling.tag in _INLINE:
        sibling = sibling.getnext()
    return sibling is not None and sibling.tag == "br"


def tails_among_paragraphs(root: HtmlElement) -> int:
    """Wrap sentence-length text that follows a block element (its tail) in a <p>
    when the container also holds real <p>s.  Trafilatura drops such loose text: a
    story paragraph written right after a figure <div> was lost (readability page,
    9% of its recall)."""
    count = 0
    # Containers only: table cells are the layout-table pass's business (wrapping a
    # cell's loose text moved the extractor off a cleaneval story, F1 0.97 -> 0.47).
    for parent in list(root.iter("div", "article", "section", "main")):
        if not any(c.tag == "p" and len((c.text_content() or "").strip()) >= LOOSE_TEXT_CHARS for c in parent):
            continue
        for child in list(parent):
            if not isinstance(child.tag, str) or child.tag not in _AFTER_BLOCKS:
                continue
            tail = child.tail or ""
            if len(tail.strip()) < LOOSE_TEXT_CHARS or _continues_with_breaks(child):
                continue
            para = etree.Element("p")
            para.text, child.tail = tail, None
            child.addnext(para)
            # the inline elements that continue the sentence move into the paragraph
            while para.getnext() is not None and isinstance(para.getnext().tag, str) and para.getnext().tag in _INLINE:
                para.append(para.getnext())
            count += 1
    return count

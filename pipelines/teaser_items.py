"""One teaser item: its main link, title and summary, and the shape tests the teaser
pass applies to the items of a candidate block (repeated uniform cards, a title then a
summary, a linked card)."""

from __future__ import annotations

import re

from pipelines.dom_utils import HtmlElement, text_of
from pipelines.teaser_links import LinkIndex

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_DATE_BITS = re.compile(r"(\d{1,2}[:/.-]\d{1,2}([:/.-]\d{2,4})?|\d+ (giờ|phút|ngày|hours?|minutes?|days?) (trước|ago))")

def link_title(a: HtmlElement) -> str:
    text = text_of(a)
    if text:
        return text
    img = a.find(".//img")
    return (a.get("title") or (img.get("alt") if img is not None else "") or "").strip()


def main_link(item: HtmlElement, index: LinkIndex) -> tuple[HtmlElement, str] | None:
    """The item's link to another article; prefers the one with the longest title."""
    best: tuple[int, HtmlElement, str] | None = None
    for a in item.iter("a"):
        url = index.link_url.get(a)
        if url is None:
            continue
        score = len(link_title(a))
        if best is None or score > best[0]:
            best = (score, a, url)
    return (best[1], best[2]) if best else None


def sentence_like(text: str) -> bool:
    """Summary-like rather than headline-like: long, or a long full sentence."""
    n = len(text.split())
    return n > 25 or (n >= 12 and text.rstrip().endswith((".", "!", "?", "…")))


def teaser_fields(item: HtmlElement, link: HtmlElement) -> tuple[str | None, str | None]:
    """(title, summary) of one teaser item.

    The title is the item's heading, else the headline-like text of a link to the
    teased article; a sentence-long link text is the summary (cards that link their
    summary, or show only a summary as on the seed page, must not turn it into a title).
    """
    heading = next((h for h in item.iter(*HEADING_TAGS) if text_of(h)), None)
    if heading is not None:
        title = text_of(heading)
    else:
        url = link.get("href")
        texts = [text_of(a) for a in item.iter("a") if a.get("href") == url]
        headlines = [t for t in texts if t and not sentence_like(t)]
        title = max(headlines, key=len) if headlines else ""
        if not title and not any(texts):
            title = link_title(link)
    summary = text_of(item)
    if title:
        summary = summary.replace(title, " ", 1)
    summary = _DATE_BITS.sub(" ", summary) if len(summary) < 40 else summary
    summary = " ".join(summary.split()).strip(" -–|·•")
    if len(summary) < 25:  # dates, "Video", counters: not a summary
        summary = ""
    if not title and not summary:
        return None, None
    return (title or None), (summary or None)


def child_items(el: HtmlElement) -> list[HtmlElement]:
    children = [c for c in el if isinstance(c.tag, str) and c.tag not in ("script", "style")]
    # A lone wrapper (div > ul > li...) is looked through.
    while len(children) == 1 and len(children[0]) and children[0].tag not in ("article", "li"):
        children = [c for c in children[0] if isinstance(c.tag, str)]
    return children


def is_list_itself(item: HtmlElement, index: LinkIndex) -> bool:
    """An "item" holding several headline links to different articles is a list.

    Measured on the demo site: a box <div><h4>label</h4><ul>2 teasers</ul></div>
    was taken as one teaser (the <ul> as its single item), losing the other."""
    if index.links_below.get(item, 0) < 2:
        return False
    urls = {url for a in item.iter("a") if (url := index.link_url.get(a)) and len(text_of(a).split()) >= 3}
    return len(urls) >= 2


def title_then_summary(item: HtmlElement, link: HtmlElement) -> bool:
    """<li><a>Headline</a><p>Summary...</p></li>: the item opens with the headline
    link and the summary is a block of its own (a story's list item with a link
    keeps its text in one flow).  Seen on the demo home page's English box.  Also
    <p><a>Headline</a><br>Summary</p>, the 2008 card ("Must Read" boxes of l3s_gn1)."""
    size = len(text_of(link).split())
    if size < 2 or not text_of(item).startswith(text_of(link)):
        return False
    nxt = link.getnext()
    if nxt is not None and nxt.tag == "br" and not (link.tail or "").strip():
        return True  # the <br> form holds two-word titles too ("Trusted Client<br><small>...")
    return size >= 3 and (any(sib.tag in ("p", "div") for sib in link.itersiblings()) or any(
        sib.tag in ("p", "div") for sib in (link.getparent().itersiblings() if link.getparent() is not item else ())
    ))


def uniform_cards(items: list[HtmlElement]) -> bool:
    """Two or more items built alike, each around an image link (a card row).

    An unlabelled pair of cards (image link + summary, titles lost as on the seed
    page) is a teaser row; two plain links are not enough evidence."""
    if len(items) < 2:
        return False
    shapes = {(it.tag, it.get("class"), tuple(c.tag for c in it if isinstance(c.tag, str))) for it in items}
    return len(shapes) == 1 and all(it.find(".//a//img") is not None for it in items)


#: A teaser item is short; a longer one is story text with a link in it ...
MAX_ITEM_CHARS = 600
#: ... unless the whole card is one link (image, headline and a long summary inside
#: an <a>: a "You might also like" box of 130-word summaries leaked into a fundus body).
MAX_LINKED_CARD_CHARS = 2000


def linked_card(item: HtmlElement, index: LinkIndex) -> bool:
    size = index.length(item)
    if size > MAX_LINKED_CARD_CHARS:
        return False
    return any(index.length(a) >= 0.9 * size for a in item.iter("a") if a in index.link_url)

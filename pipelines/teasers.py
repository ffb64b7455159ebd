"""Find related-news teaser blocks, turn them into `related` entries, and cut them out.

Teasers of other articles are the main source of foreign text in extracted
bodies (the seed page leaked six of them).  They are recognised by structure
first, because class names are often meaningless (`c-8`, `x1a2`):

* a **teaser list**: a container whose children are repeated items, each built
  around a link to another article (a title link, or an image link plus a
  summary), with little text outside those items;
* an **inline teaser line**: a paragraph starting with a marker (">>", "Xem thêm:",
  "Read more:", "Lesen Sie auch:") that holds a link.

Multilingual block labels ("Tin liên quan", "Related", "Mehr zum Thema") lower the
bar: a labelled block is a teaser block even with a single item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.dom_utils import HtmlElement, remove, text_of
from pipelines.schema import RelatedLink
from pipelines.teaser_labels import label_of
from pipelines.teaser_lines import heading_link, inline_teaser, marked_link
from pipelines.teaser_links import LinkIndex, same_site
from pipelines.teaser_panels import panel_teasers

# Table cells too: 2008-era "Related News" boxes are a cell of <br>-separated links
# under a label row (l3s_gn1 teaser recall; cells were never judged).
_CONTAINER_TAGS = ("ul", "ol", "div", "section", "aside", "table", "tbody", "article", "nav", "dl", "td")
_LINE_TAGS = ("p", "div", "li", "h3", "h4", "h5", "h6", "span", "strong", "b", "em")
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_DATE_BITS = re.compile(r"(\d{1,2}[:/.-]\d{1,2}([:/.-]\d{2,4})?|\d+ (giờ|phút|ngày|hours?|minutes?|days?) (trước|ago))")

@dataclass
class TeaserResult:
    related: list[RelatedLink] = field(default_factory=list)
    #: Text lengths of the page's elements (before the teasers were cut), for later passes.
    lengths: dict[HtmlElement, int] = field(default_factory=dict)
    blocks_removed: int = 0
    lines_removed: int = 0


def _link_title(a: HtmlElement) -> str:
    text = text_of(a)
    if text:
        return text
    img = a.find(".//img")
    return (a.get("title") or (img.get("alt") if img is not None else "") or "").strip()


def _main_link(item: HtmlElement, index: LinkIndex) -> tuple[HtmlElement, str] | None:
    """The item's link to another article; prefers the one with the longest title."""
    best: tuple[int, HtmlElement, str] | None = None
    for a in item.iter("a"):
        url = index.link_url.get(a)
        if url is None:
            continue
        score = len(_link_title(a))
        if best is None or score > best[0]:
            best = (score, a, url)
    return (best[1], best[2]) if best else None


def _sentence_like(text: str) -> bool:
    """Summary-like rather than headline-like: long, or a long full sentence."""
    n = len(text.split())
    return n > 25 or (n >= 12 and text.rstrip().endswith((".", "!", "?", "…")))


def _teaser_fields(item: HtmlElement, link: HtmlElement) -> tuple[str | None, str | None]:
    """(title, summary) of one teaser item.

    The title is the item's heading, else the headline-like text of a link to the
    teased article; a sentence-long link text is the summary (cards that link their
    summary, or show only a summary as on the seed page, must not turn it into a title).
    """
    heading = next((h for h in item.iter(*_HEADING_TAGS) if text_of(h)), None)
    if heading is not None:
        title = text_of(heading)
    else:
        url = link.get("href")
        texts = [text_of(a) for a in item.iter("a") if a.get("href") == url]
        headlines = [t for t in texts if t and not _sentence_like(t)]
        title = max(headlines, key=len) if headlines else ""
        if not title and not any(texts):
            title = _link_title(link)
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


def _items(el: HtmlElement) -> list[HtmlElement]:
    children = [c for c in el if isinstance(c.tag, str) and c.tag not in ("script", "style")]
    # A lone wrapper (div > ul > li...) is looked through.
    while len(children) == 1 and len(children[0]) and children[0].tag not in ("article", "li"):
        children = [c for c in children[0] if isinstance(c.tag, str)]
    return children


def _is_list_itself(item: HtmlElement, index: LinkIndex) -> bool:
    """An "item" holding several headline links to different articles is a list.

    Measured on the demo site: a box <div><h4>label</h4><ul>2 teasers</ul></div>
    was taken as one teaser (the <ul> as its single item), losing the other."""
    if index.links_below.get(item, 0) < 2:
        return False
    urls = {url for a in item.iter("a") if (url := index.link_url.get(a)) and len(text_of(a).split()) >= 3}
    return len(urls) >= 2


def _title_then_summary(item: HtmlElement, link: HtmlElement) -> bool:
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


def _uniform_cards(items: list[HtmlElement]) -> bool:
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


def _linked_card(item: HtmlElement, index: LinkIndex) -> bool:
    size = index.length(item)
    if size > MAX_LINKED_CARD_CHARS:
        return False
    return any(index.length(a) >= 0.9 * size for a in item.iter("a") if a in index.link_url)


def _block_teasers(el: HtmlElement, index: LinkIndex, labelled: bool) -> list[RelatedLink] | None:
    """Teasers if ``el`` is a teaser list, else None."""
    page_url = index.page_url
    items = [item for item in _items(el) if index.links_below.get(item, 0)]
    needed = 1 if labelled else (2 if _uniform_cards(items) else 3)
    if len(items) < needed:
        return None
    teasers, teaser_chars = [], 0
    seen: set[str] = set()
    for item in items:
        if index.length(item) > MAX_ITEM_CHARS and not _linked_card(item, index):
            return None
        if _is_list_itself(item, index):
            return None  # the real list is inside: judged when the walk reaches it
        found = _main_link(item, index)
        if found is None:
            continue
        link, url = found
        item_text = text_of(item)
        title, summary = _teaser_fields(item, link)
        if not (title or summary) or (len(item_text) > MAX_ITEM_CHARS and not _linked_card(item, index)):
            return None
        # A story paragraph with a link inside is not a teaser: the title link
        # leads the item, or the item is an image link plus a short summary.
        link_share = len(text_of(link)) / max(len(item_text), 1)
        has_heading = any(True for _ in item.iter(*_HEADING_TAGS))
        # Cards link the same article twice: an image link and a title link.
        image_link = any(a.find(".//img") is not None for a in item.iter("a") if index.link_url.get(a) == url)
        if link_share < 0.3 and not has_heading and not image_link and not _title_then_summary(item, link):
            return None
        if not labelled and not same_site(url, page_url) and len((title or "").split()) < 5:
            return None
        teaser_chars += len(item_text)
        if url in seen:  # a card split over two items (image link, then headline and summary)
            known = next(t for t in teasers if t.url == url)
            if len(title or "") > len(known.title or ""):
                known.title = title
            known.summary = known.summary or summary
            continue
        seen.add(url)
        teasers.append(RelatedLink(url=url, title=title, summary=summary))
    if len(teasers) < needed:
        return None
    total = len(text_of(el))
    if total and teaser_chars / total < 0.6:
        return None
    # Menus are lists of one- or two-word links; teasers carry headline-length titles,
    # or, under a label, a short title and a summary (a "Related Whitepapers" box;
    # unlabelled, image galleries and icon legends passed that way: trafilatura set).
    words = [len((f"{t.title or ''} {t.summary or ''}" if labelled else t.title or t.summary or "").split()) for t in teasers]
    if sum(words) / len(words) < 4:
        return None
    return teasers


def _loose_in(a: HtmlElement, el: HtmlElement) -> bool:
    parent = a.getparent()
    return parent is el or (parent is not None and parent.tag in _INLINE_TAGS and parent.getparent() is el)


_INLINE_TAGS = ("b", "strong", "span", "font", "em", "i", "small")


def _link_list(el: HtmlElement, index: LinkIndex) -> list[RelatedLink] | None:
    """Headline links separated by <br> or bullets rather than wrapped in items:
    the block's text is almost all link text (2008-era "out this week" and "most
    read" boxes that leaked into l3s bodies)."""
    if index.length(el) > 2000 or el.find(".//h1") is not None:
        return None
    # Only loose links: links wrapped in items or cards are judged as items.
    links = [a for a in el.iter("a") if a in index.link_url and _loose_in(a, el)]
    titles: dict[str, str] = {}
    for a in links:
        text = text_of(a)
        if text and index.link_url[a] not in titles:
            titles[index.link_url[a]] = text
    if len(titles) < 3 or sum(len(t.split()) for t in titles.values()) / len(titles) < 3:
        return None
    total = len(text_of(el))
    link_chars = sum(len(text_of(a)) for a in el.iter("a"))
    if not total or link_chars / total < 0.7:
        return None
    return [RelatedLink(url=url, title=title) for url, title in titles.items()]


def extract_teasers(root: HtmlElement, page_url: str, extra_selectors: tuple[str, ...] = ()) -> TeaserResult:
    """Collect teasers into `related` and remove their blocks from ``root`` (in place)."""
    result = TeaserResult()
    index = LinkIndex(root, page_url)
    found: list[tuple[HtmlElement, list[HtmlElement], list[RelatedLink]]] = []
    claimed: set[HtmlElement] = set()  # claimed blocks and everything inside them

    def claim(el: HtmlElement) -> None:
        claimed.update(el.iter())

    for selector in extra_selectors:
        for el in root.cssselect(selector):
            label, label_el = label_of(el, index)
            teasers = _block_teasers(el, index, labelled=True) or []
            for t in teasers:
                t.label = label
            claim(el)
            found.append((el, [label_el] if label_el is not None and label_el is not el else [], teasers))

    for el in index.elements:
        if el.tag not in _CONTAINER_TAGS or el in claimed or not index.links_below.get(el):
            continue
        label, label_el = label_of(el, index)
        teasers = _block_teasers(el, index, labelled=label is not None)
        if teasers is None and index.links_below.get(el, 0) >= 3:
            teasers = _link_list(el, index)
        if teasers is None:
            if label is not None:  # a labelled box of mixed cells (see teaser_panels)
                found.extend(panel_teasers(el, index, claimed))
            continue
        for t in teasers:
            t.label = label
        claim(el)
        extra = [label_el] if label_el is not None and label_el.getparent() is not el else []
        found.append((el, extra, teasers))

    for el in index.elements:
        if el in claimed or not index.links_below.get(el) and el.tag not in _LINE_TAGS:
            continue
        if el.tag == "a":
            teaser = marked_link(el, index)
        elif el.tag in _HEADING_TAGS[1:]:
            teaser = heading_link(el, index) or inline_teaser(el, index)
        elif el.tag in _LINE_TAGS and index.links_below.get(el) and index.length(el) <= 300:
            teaser = inline_teaser(el, index)
        else:
            continue
        if teaser is not None:
            claim(el)
            found.append((el, [], [teaser]))
            result.lines_removed += 1

    # Document order, so `related` reads like the page.
    if len(found) > 1:
        position = {el: i for i, el in enumerate(index.elements)}
        found.sort(key=lambda entry: position.get(entry[0], 0))
    by_url: dict[str, RelatedLink] = {}
    for el, extras, teasers in found:
        for teaser in teasers:
            known = by_url.get(teaser.url)
            if known is None:
                by_url[teaser.url] = teaser
            else:  # the same article teased twice: keep the richer fields
                known.title = known.title or teaser.title
                known.summary = known.summary or teaser.summary
        for node in [el, *extras]:
            if node.getparent() is not None:
                remove(node)
        if len(teasers) > 1 or el.tag not in _LINE_TAGS:
            result.blocks_removed += 1
    result.related = list(by_url.values())
    result.lengths = index.lengths
    return result

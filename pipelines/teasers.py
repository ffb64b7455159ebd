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

from dataclasses import dataclass, field

from pipelines.dom_utils import HtmlElement, remembered_texts, remove, text_of
from pipelines.schema import RelatedLink
from pipelines.teaser_blocks import labelled_box_without_articles, labelled_links, more_labelled_links, more_panel_links
from pipelines.teaser_items import (
    HEADING_TAGS,
    MAX_ITEM_CHARS,
    child_items,
    is_list_itself,
    linked_card,
    main_link,
    teaser_fields,
    title_then_summary,
    uniform_cards,
)
from pipelines.teaser_labels import label_of
from pipelines.teaser_lines import heading_link, inline_teaser, marked_link
from pipelines.teaser_links import LinkIndex, same_site
from pipelines.teaser_pairs import headline_pairs, short_title_links
from pipelines.teaser_panels import panel_teasers
from pipelines.teaser_promo_boxes import promo_box
from pipelines.teaser_query_cards import query_card_blocks

# Table cells too: 2008-era "Related News" boxes are a cell of <br>-separated links
# under a label row (l3s_gn1 teaser recall; cells were never judged).
_CONTAINER_TAGS = ("ul", "ol", "div", "section", "aside", "table", "tbody", "article", "nav", "dl", "td")
_LINE_TAGS = ("p", "div", "li", "h3", "h4", "h5", "h6", "span", "strong", "b", "em")

@dataclass
class TeaserResult:
    related: list[RelatedLink] = field(default_factory=list)
    #: Text lengths of the page's elements (before the teasers were cut), for later passes.
    lengths: dict[HtmlElement, int] = field(default_factory=dict)
    blocks_removed: int = 0
    lines_removed: int = 0


def _block_teasers(el: HtmlElement, index: LinkIndex, labelled: bool) -> list[RelatedLink] | None:
    """Teasers if ``el`` is a teaser list, else None."""
    page_url = index.page_url
    items = [item for item in child_items(el) if index.links_below.get(item, 0)]
    # Unlabelled, two items must be uniform cards and three need not be: the card test
    # (a descendant search per item) waits until a count of two depends on it.
    if len(items) < (1 if labelled else 2) or (not labelled and len(items) == 2 and not uniform_cards(items)):
        return None
    teasers, teaser_chars = [], 0
    seen: set[str] = set()
    for item in items:
        if index.length(item) > MAX_ITEM_CHARS and not linked_card(item, index):
            return None
        if is_list_itself(item, index):
            return None  # the real list is inside: judged when the walk reaches it
        found = main_link(item, index)
        if found is None:
            continue
        link, url = found
        item_text = text_of(item)
        title, summary = teaser_fields(item, link)
        if not (title or summary) or (len(item_text) > MAX_ITEM_CHARS and not linked_card(item, index)):
            return None
        # A story paragraph with a link inside is not a teaser: the title link
        # leads the item, or the item is an image link plus a short summary.
        link_share = len(text_of(link)) / max(len(item_text), 1)
        has_heading = next(item.iter(*HEADING_TAGS), None) is not None
        # Cards link the same article twice: an image link and a title link.
        image_link = any(a.find(".//img") is not None for a in item.iter("a") if index.link_url.get(a) == url)
        if link_share < 0.3 and not has_heading and not image_link and not title_then_summary(item, link):
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
    if len(teasers) < (1 if labelled else 2) or (not labelled and len(teasers) == 2 and not uniform_cards(items)):
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


def _find_blocks(root: HtmlElement, index: LinkIndex, extra_selectors: tuple[str, ...],
                 found: list[tuple[HtmlElement, list[HtmlElement], list[RelatedLink]]],
                 claimed: set[HtmlElement]) -> None:
    """The block passes of extract_teasers: hinted blocks, query cards, teaser lists.
    They only read the tree (their texts are remembered, see extract_teasers)."""

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

    for block, extras, teasers in query_card_blocks(root, index):
        if block not in claimed:
            claim(block)
            found.append((block, extras, teasers))

    for el in index.elements:
        if el.tag not in _CONTAINER_TAGS or el in claimed:
            continue
        if not index.links_below.get(el):
            if (entry := labelled_box_without_articles(el, index, claimed) or promo_box(el, index)) is not None:
                claim(el)
                found.append(entry)
            continue
        label, label_el = label_of(el, index)
        teasers = _block_teasers(el, index, labelled=label is not None)
        if teasers is None and index.links_below.get(el, 0) >= 3:
            teasers = _link_list(el, index) or short_title_links(el, index)
        if teasers is None and index.links_below.get(el, 0) >= 2:
            teasers = headline_pairs(el, index)
        if teasers is not None and label is not None:  # its other links too (see teaser_blocks)
            teasers = more_labelled_links(el, index, label, label_el, teasers)
        if teasers is None and label is not None:
            # A labelled box of mixed cells (see teaser_panels), else of short links (teaser_blocks).
            panel = panel_teasers(el, index, claimed)
            found.extend(panel)
            found.extend(more_panel_links(el, index, label, label_el, panel, claimed) if panel else ())
            teasers = None if panel else labelled_links(el, index, label, label_el)
        if teasers is None:
            if label is None and (entry := promo_box(el, index)) is not None:  # see teaser_promo_boxes
                claim(el)
                found.append(entry)
            continue
        for t in teasers:
            t.label = label
        claim(el)
        extra = [label_el] if label_el is not None and label_el.getparent() is not el else []
        found.append((el, extra, teasers))


def extract_teasers(root: HtmlElement, page_url: str, extra_selectors: tuple[str, ...] = ()) -> TeaserResult:
    """Collect teasers into `related` and remove their blocks from ``root`` (in place)."""
    result = TeaserResult()
    index = LinkIndex(root, page_url)
    found: list[tuple[HtmlElement, list[HtmlElement], list[RelatedLink]]] = []
    claimed: set[HtmlElement] = set()  # claimed blocks and everything inside them

    def claim(el: HtmlElement) -> None:
        claimed.update(el.iter())

    # The block passes read the same items from every container around them (57% of
    # their text_of calls were repeats, measured) and change nothing: texts are read once.
    with remembered_texts():
        _find_blocks(root, index, extra_selectors, found, claimed)

    for el in index.elements:
        if el in claimed or not index.links_below.get(el) and el.tag not in _LINE_TAGS:
            continue
        if el.tag == "a":
            teaser = marked_link(el, index)
        elif el.tag in HEADING_TAGS[1:]:
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

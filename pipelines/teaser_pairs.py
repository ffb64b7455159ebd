"""Two teaser shapes the item-based teaser list test misses, because their items are
not wrapped in one element each:

* **headline + summary pairs**: a box of `<span><a>Headline</a></span><div>Summary</div>`
  siblings (also `<h3><a>..</a></h3><p>..</p>`).  The item test sees the headline and
  its summary as separate children, so link text is a small share of the box and two
  items fall short of the three an unlabelled list needs (l3s_gn1: an opinion box of two
  headlines and summaries was not found, 0/4 gold teasers).
* **short-title link lists**: <br>-separated links to reviews or articles whose titles are
  one to four words ("Closing the Ring", "Enchanted").  The loose-link test asks for three
  words per title on average, to keep menus out; here the link's own URL is the evidence:
  its last segment spells the title and its path carries an id or a date, which section
  fronts and tool pages ("/sport/football.html", "/Tools/Odds+Converter.aspx") do not (l3s_gn1: 9 gold teasers missed on a page).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pipelines.dom_utils import HtmlElement, text_of
from pipelines.schema import RelatedLink
from pipelines.teaser_links import LinkIndex

__all__ = ["headline_pairs", "short_title_links"]

_SKIP = ("br", "img", "hr", "script", "style")
_HEADLINE_TAGS = ("span", "b", "strong", "h2", "h3", "h4", "h5", "h6", "div", "p")
#: A summary is a sentence or two; story paragraphs in a container of pairs are longer.
_SUMMARY_CHARS = (40, 450)
#: A sidebar box; a story container of linked sub-headings is larger.
_BOX_MAX_CHARS = 2000


def _headline(el: HtmlElement, index: LinkIndex) -> tuple[str, str] | None:
    """(url, title) when ``el`` is nothing but one headline link to an article."""
    if el.tag not in _HEADLINE_TAGS or index.links_below.get(el) != 1:
        return None
    link = next(a for a in el.iter("a") if a in index.link_url)
    text = text_of(el)
    url = index.link_url[link]
    if not text or text != text_of(link) or len(text.split()) < 2 or not _names_title(url, text):
        return None
    return url, text


def _summary(el: HtmlElement) -> str | None:
    if el.tag not in ("div", "p", "span") or el.find(".//a") is not None:
        return None
    text = text_of(el)
    return text if _SUMMARY_CHARS[0] <= len(text) <= _SUMMARY_CHARS[1] else None


def headline_pairs(el: HtmlElement, index: LinkIndex) -> list[RelatedLink] | None:
    """Teasers when ``el``'s children are (headline link, summary) pairs and little else."""
    size = index.length(el)
    if size > _BOX_MAX_CHARS or el.find(".//h1") is not None:
        return None
    children = [c for c in el if isinstance(c.tag, str) and c.tag not in _SKIP]
    teasers: list[RelatedLink] = []
    paired = 0
    i = 0
    while i < len(children) - 1:
        head = _headline(children[i], index)
        summary = _summary(children[i + 1]) if head else None
        if head and summary:
            teasers.append(RelatedLink(url=head[0], title=head[1], summary=summary))
            paired += len(head[1]) + len(summary)
            i += 2
        else:
            i += 1
    # Two pairs at least, with different targets, and the pairs are (nearly) the whole box.
    if len(teasers) < 2 or len({t.url for t in teasers}) < len(teasers) or paired < 0.85 * size:
        return None
    return teasers


_WORD = re.compile(r"[^\W_]+")
_ID_OR_DATE = re.compile(r"\d{3,}")


def _slug_spells(url: str, title: str) -> bool:
    """The URL's last segment spells the title ("/films/closing-the-ring_1207.htm" for
    "Closing the Ring") and the path carries an id or a date.  Section fronts and tool
    pages spell their names too ("/Tools/Odds+Converter.aspx": a menu of calculators on
    an l3s page) but carry no number."""
    path = urlsplit(url).path.rstrip("/")
    if not _ID_OR_DATE.search(path):
        return False
    segment = path.rsplit("/", 1)[-1].lower()
    slug = "".join(_WORD.findall(segment))
    letters = "".join(_WORD.findall(title.lower()))
    return bool(letters) and letters in slug


def _names_title(url: str, title: str) -> bool:
    """A headline link leads to its story: the URL's last segment is an id only, or
    most of its words are in the headline.  Promotions link a product name to a category
    page ("Card name - offer" -> /credit-cards/best-balance-transfer-cards/: a dragnet box
    of card offers took the pair shape; 1-2 of 4-5 slug words were in the names)."""
    segment = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1].lower()
    words = {w for w in _WORD.findall(segment) if not w.isdigit() and len(w) >= 3} - _EXTENSIONS
    if not words:
        return True
    return len(words & set(_WORD.findall(title.lower()))) > len(words) / 2


_EXTENSIONS = {"html", "htm", "shtml", "aspx", "asp", "php"}


def _loose_links(el: HtmlElement) -> list[HtmlElement]:
    """Links that are children of ``el``, or children of its inline children, in order."""
    links: list[HtmlElement] = []
    for child in el:
        if child.tag == "a":
            links.append(child)
        elif child.tag in ("b", "strong", "span", "font"):
            links.extend(child.iterchildren("a"))
    return links


def short_title_links(el: HtmlElement, index: LinkIndex) -> list[RelatedLink] | None:
    """Five or more loose links whose URLs spell their short titles, making up the box."""
    if index.length(el) > _BOX_MAX_CHARS or el.find(".//h1") is not None:
        return None
    # The loose links are the children (or grandchildren under inline tags) of ``el``:
    # counted before any text is read, as most boxes have fewer than five (profiled:
    # reading every link's text in every box was 2% of extraction time).
    loose = [a for a in _loose_links(el) if a in index.link_url]
    if len(loose) < 5:
        return None
    titles: dict[str, str] = {}
    for a in loose:
        url = index.link_url[a]
        text = text_of(a)
        if not text:
            continue
        if not _slug_spells(url, text):
            return None  # one link that is not an article title: a menu or a mixed box
        titles.setdefault(url, text)
    # Word tokens, not spaces: "About |" is one word (site-info links in a footer, a
    # dragnet page, have one-word titles; film titles were 1-4 words, 10 of 11 two or more).
    sizes = [len(_WORD.findall(t)) for t in titles.values()]
    if len(sizes) < 5 or sum(sizes) / len(sizes) < 2 or sum(n >= 2 for n in sizes) < 0.6 * len(sizes):
        return None
    link_chars = sum(len(text_of(a)) for a in el.iter("a"))
    if link_chars < 0.75 * max(len(text_of(el)), 1):
        return None
    return [RelatedLink(url=url, title=title) for url, title in titles.items()]

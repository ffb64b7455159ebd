"""Promo boxes: a small box that advertises one other page of the site, shaped as a
heading, a sentence or two about it and a link whose text repeats the heading's name
("Special report: <Name>" / "A year-long investigation of ..." / "Enter <Name>"; "<Box
name>" / "Opening this week: ... in <Box name>.").  The teaser tests look for lists
of links and for headline links; here the title is a heading that is not a link and
the link is a call to action, so the box was neither cut nor related (l3s_gn1: two
sidebar boxes, 2 of 3 and 2 of 11 gold teaser texts missed).

The heading naming the link's words is the evidence: a story section with a link
in it links elsewhere, with words of its own.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pipelines.dom_utils import HtmlElement, absolute_url, first_child_element, text_of
from pipelines.schema import RelatedLink
from pipelines.teaser_blocks import not_an_item
from pipelines.teaser_labels import LABEL
from pipelines.teaser_links import LinkIndex, same_site

__all__ = ["promo_box"]

#: A sidebar box; a story section (heading, paragraphs) is longer.
BOX_CHARS = (60, 700)
_HEADINGS = ("h2", "h3", "h4", "h5")
_WORD = re.compile(r"[^\W\d_]{3,}")
#: The blurb: at least a short sentence besides the heading and the link.
MIN_BLURB_CHARS = 40


# What else is shaped like a promo box in a sidebar or footer, measured on the dev
# corpus (17 boxes on 12 non-l3s pages when only the shape was asked): the author's
# box ("About <name>", "Autor: <name>"), contact and donation calls ("Fragen Sie uns",
# "Einen Kaffee spendieren", "Join the Conversation"), a licence note, a search box.
_NOT_PROMO = re.compile(
    r"\b(about|über|autor|author|contact|kontakt|join|donat\w*|spende\w*|spendieren|support|licen[cs]e|lizenz"
    r"|search|suche|reply|antwort\w*|comment\w*|kommentar\w*|newsletter)\b", re.IGNORECASE)


def _other_page(url: str, index: LinkIndex) -> bool:
    """Another page of the site below its front page: not the page itself, not a jump
    within a page (a reply form), not the front page (an imprint's address box), not
    another site (a licence, a shop)."""
    parts = urlsplit(url)
    return (not parts.fragment and parts.path.strip("/") != "" and same_site(url, index.page_url)
            and url.rstrip("/") != index.page_url.rstrip("/"))


def _heading(el: HtmlElement) -> HtmlElement | None:
    first = first_child_element(el)
    if first is None or first.tag not in _HEADINGS or first.find(".//a") is not None:
        return None
    return first


#: A paragraph this long is story prose: a box standing among the story's paragraphs
#: is a section of the story ("How the vote works" + a paragraph with a link to the
#: site's explainer), not a sidebar promo.
STORY_SIBLING_WORDS = 12


def _prose(p: HtmlElement) -> bool:
    """A paragraph of prose: long enough, and mostly not link text."""
    text = p.text_content()
    link_chars = sum(len(a.text_content()) for a in p.iter("a"))
    return len(text.split()) >= STORY_SIBLING_WORDS and link_chars < 0.5 * len(text)


def _among_story(el: HtmlElement, heading: HtmlElement) -> bool:
    """``el`` stands beside story paragraphs, or beside boxes of its own shape that
    hold prose (the sections of a feature or listicle: heading, review, "Read our
    full review").  Sidebar boxes stand beside boxes of links ("Recent Stories",
    "Featured Columns"): 2 l3s_gn1 promo boxes did."""
    for sib in (el.itersiblings(preceding=True), el.itersiblings()):
        sib = next((s for s in sib if isinstance(s.tag, str)), None)  # past comments
        if sib is None:
            continue
        if sib.tag == "p" and _prose(sib):
            return True
        first = next((c for c in sib if isinstance(c.tag, str)), None)
        if (sib.tag == el.tag and first is not None and first.tag == heading.tag
                and any(_prose(p) for p in sib.iter("p"))):
            return True
    return False


def promo_box(el: HtmlElement, index: LinkIndex) -> tuple[HtmlElement, list[HtmlElement], list[RelatedLink]] | None:
    """(box, [], [teaser]) when ``el`` is a promo box, else None: title from the heading,
    summary from the box's other text (less a call-to-action link on a line of its own)."""
    size = index.length(el)
    if not BOX_CHARS[0] <= size <= BOX_CHARS[1]:
        return None
    heading = _heading(el)
    if heading is None or _among_story(el, heading):
        return None
    links = [a for a in el.iter("a") if a.get("href")]
    urls = {absolute_url(a.get("href"), index.page_url) for a in links}
    if len(urls) != 1 or None in urls:
        return None
    url = urls.pop()
    title = text_of(heading)
    if not title or LABEL.match(title) or _NOT_PROMO.search(title) or len(title.split()) > 12 or not _other_page(url, index):
        return None
    name = {w.lower() for w in _WORD.findall(title)}
    texts = [t for a in links if (t := text_of(a))]
    # The link names the heading's subject: two of its words, or all when the name is one word.
    if not name or not texts or any(not_an_item(t, url) for t in texts) or _NOT_PROMO.search(urlsplit(url).path):
        return None
    if not any(len(name & {w.lower() for w in _WORD.findall(t)}) >= min(2, len(name)) for t in texts):
        return None
    rest = text_of(el)[len(title):].strip() if text_of(el).startswith(title) else None
    if rest is None:
        return None
    for a in links:
        text, parent = text_of(a), a.getparent()
        if text and parent is not None and text_of(parent) == text and rest.endswith(text):
            rest = rest[: -len(text)].strip()  # "Enter <Name>": a button, not the summary
    if len(rest) < MIN_BLURB_CHARS:
        return None
    return el, [], [RelatedLink(url=url, title=title, summary=rest)]

"""Where a lead-classed block is *not* the story's standfirst: the summary of a
teaser card, or text inside a photo box or a sharing widget.  Shared by the
headline-relative lead rules (`lead`) and the description-matched ones
(`described_lead`)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from pipelines.dom_utils import HtmlElement, attr_tokens, text_of
from pipelines.teaser_links import same_site
from pipelines.text import words


def in_teaser_card(el: HtmlElement, page_url: str = "") -> bool:
    """The summary of a teaser card (image link, headline link, `p.description`).

    Measured on section pages: the first card's summary was taken as the lead and
    made a listing look like a short article.  The story's own lead sits beside a
    plain <h1>, not beside a headline *link* in a small box of its own (the story
    container as a whole may well hold related links further down)."""
    own = len(text_of(el))
    holder = el.getparent()
    for _ in range(2):
        if holder is None or holder.tag in ("body", "main") or len(text_of(holder)) > own + 400:
            return False
        if holder.find(".//h1") is not None or _story_header(holder):  # the story's own header block
            return False
        if _headline_link(holder, page_url, el):
            return True
        holder = holder.getparent()
    return False


def _story_header(holder: HtmlElement) -> bool:
    """A <header> whose headline is a plain (unlinked) <h2>: the story's own header,
    where author links ("Deutsche Presse-Agentur") sit beside the lead.  A teaser
    card's heading is a link.  Measured on fundus: two Swiss story headers with an
    <h2> headline and two author links lost their marked lead as a "card"."""
    return holder.tag in ("header", "hgroup") and any(
        h.find(".//a") is None and len(text_of(h)) >= 20 for h in holder.iter("h2"))


def _headline_link(holder: HtmlElement, page_url: str, lead: HtmlElement) -> bool:
    """A link of headline length (3+ words).  Photo credits ("name / agency.de") and
    section links ("Body & Fitness") beside a story's standfirst are not headlines:
    counted by whitespace they made two article headers look like teaser cards and
    their standfirsts were lost (trafilatura-set snippets); words are counted as \\w+ runs
    and links to other sites (credits, sources) do not count, nor links inside the
    standfirst itself (an inline link in a "p.introduction" made it a "card")."""
    inside = set(lead.iter("a"))
    return any(len(words(text_of(a))) >= 3 and _same_site_link(a, page_url)
               for a in holder.iter("a") if a.get("href") and a not in inside)


def _same_site_link(a: HtmlElement, page_url: str) -> bool:
    href = a.get("href") or ""
    return not urlsplit(href).netloc or not urlsplit(page_url).netloc or same_site(href, page_url)


# Image captions (gallery descriptions after the headline) and sharing widgets
# ("link-to-sharing-service-description") carry lead-like class names: measured
# on fundus pages once the lead had to follow the headline closely.
_NOT_LEAD_HOLDER = re.compile(r"gallery|caption|lightbox|detail-img|photo|image|figure|shar(e|ing)|toolbox|popover", re.I)


def in_caption_or_widget(el: HtmlElement) -> bool:
    # A lead-classed box around a photo and its caption (Yahoo's "yom-art-lead")
    # is lead media, not a standfirst: its caption became the lead (utomo).
    # A <figure> emptied by the player pass is no photo (a Swedish standfirst was lost).
    if any(d.tag in ("img", "picture") or (d.tag == "figure" and (d.find(".//img") is not None or text_of(d)))
           or (d is not el and _NOT_LEAD_HOLDER.search(attr_tokens(d))) for d in el.iter(etree.Element)):
        return True
    for i, node in enumerate((el, *el.iterancestors())):
        if i > 4 or node.tag in ("body", "article", "main"):
            return False
        if node.tag in ("figure", "figcaption") or _NOT_LEAD_HOLDER.search(attr_tokens(node)):
            return True
    return False

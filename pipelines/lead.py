"""The lead (sapo, standfirst) as the page shows it above the story.

Vietnamese sites put the sapo in its own element (`h2.sapo`, `p.description`)
outside the container trafilatura picks, so it is found here and put back at
the head of the body: the lead is part of the story.
"""

from __future__ import annotations

import re

from pipelines.dom_utils import HtmlElement, attr_tokens, iter_elements, text_of

_LEAD_CLASS = re.compile(
    r"(^|[\s_-])(sapo|lead|lede|standfirst|summary|description|chapeau|intro|excerpt|article-?lead|article-?summary"
    r"|article-?sapo|subtitle|dek|deck|teaser|article-?teaser|intro-?text|leadtext|lead-?text)(?=$|[\s_-])",
    re.IGNORECASE,
)


def _in_teaser_card(el: HtmlElement) -> bool:
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
        if holder.find(".//h1") is not None:  # the story's own header block
            return False
        if _headline_link(holder):
            return True
        holder = holder.getparent()
    return False


def _headline_link(holder: HtmlElement) -> bool:
    return any(len(text_of(a).split()) >= 3 for a in holder.iter("a") if a.get("href"))


def _beside_headline(el: HtmlElement, h1: HtmlElement | None) -> bool:
    """After the <h1> and within a few levels of it: a standfirst.  Measured on
    dragnet: blog taglines ("Thoughts, pictures, reviews..."), "If you're new
    here" boxes and product "Description" blocks were prepended as leads (F1 -0.2
    to -0.45 on those pages)."""
    if h1 is None:
        return True
    if not el.xpath("preceding::h1"):
        return False
    for i, ancestor in enumerate(el.iterancestors()):
        if i >= 4 or ancestor.tag in ("body", "html"):
            return False
        if ancestor.find(".//h1") is not None:
            return True
    return False


def find_lead(tree: HtmlElement) -> str | None:
    """Text of the first lead-classed element of sentence length, or None."""
    h1 = next(iter_elements(tree, ("h1",)), None)
    for el in tree.iter("p", "h2", "div", "span", "strong", "h3"):
        if not (el.get("class") or el.get("id") or el.get("itemprop")):
            continue
        # itemprop=description marks the standfirst on schema.org-annotated pages
        # (a trafilatura-set snippet came only from there).
        if not (_LEAD_CLASS.search(attr_tokens(el)) or el.get("itemprop") == "description"):
            continue
        # Page headers and navigation hold slogans; an article's own <header> (with
        # its <h1>) holds the standfirst.
        if any(a.tag in ("nav", "footer", "aside", "a") or (a.tag == "header" and a.find(".//h1") is None)
               for a in el.iterancestors()):
            continue
        text = text_of(el)
        if not (40 <= len(text) <= 800) or len(el.findall(".//p")) > 1:
            continue
        if not _beside_headline(el, h1) or _in_teaser_card(el):
            continue
        return text
    return None

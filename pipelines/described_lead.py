"""Standfirsts found by the page's own description (meta / JSON-LD): the publisher
says that text is the summary, and where the page shows it verbatim near the
headline, or anywhere as a visible block, it is the standfirst."""

from __future__ import annotations

import re

from lxml import etree

from pipelines.dom_utils import HtmlElement, text_of
from pipelines.lead_guards import in_caption_or_widget, in_teaser_card


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def described_standfirst(headline: HtmlElement | None, description: str | None) -> str | None:
    """A visible block just after the headline whose text is the page's own description
    (meta / JSON-LD): the publisher says it is the summary, and the page shows it as the
    standfirst.  The seed page's sapo is an unclassed `<div><strong>` beside the <h1>,
    outside the container trafilatura keeps; without this the body lost its first paragraph.
    Descriptions are often cut short, so a description of 60+ characters that starts the
    block counts too."""
    if headline is None or not description:
        return None
    wanted = _fold(description).rstrip(".… ")
    if len(wanted) < 40:
        return None
    holder = headline.getparent()
    candidates = list(headline.itersiblings())[:6]
    if holder is not None and holder.tag not in ("body", "main", "article"):
        candidates += list(holder.itersiblings())[:4]
    for sib in candidates:
        if not isinstance(sib.tag, str) or sib.tag not in ("p", "div", "h2", "h3", "strong", "span", "section"):
            continue
        text = text_of(sib)
        folded = _fold(text)
        if not (40 <= len(text) <= 800) or len(sib.findall(".//p")) > 1:
            continue
        if folded.rstrip(".… ") == wanted or (len(wanted) >= 60 and folded.startswith(wanted)):
            return text
        if _description_with_tail(folded.rstrip(".… "), wanted):
            return text
    return None


def _description_with_tail(block: str, description: str) -> bool:
    """The description is the block plus a tail the page shows elsewhere or not at all:
    2012-era Vietnamese CMSs put the sapo's inline ">> related story" link into the meta
    description too (dantri: the visible sapo, once its teaser line is cut, no longer
    equalled the description, and the body lost its first paragraph).  The block must
    carry most of the description, so a short kicker that starts it does not count."""
    return len(block) >= 60 and description.startswith(block) and len(block) >= 0.6 * len(description)


def _word_fold(text: str) -> str:
    """Words only, lower-cased: texts glue paragraphs ("åtalet.I sovrummen"), descriptions end in "…"."""
    return " ".join(re.findall(r"\w+", text.casefold()))


#: Page chrome and links (teasers of this very story carry its description too).
_NOT_STANDFIRST_HOLDERS = ("nav", "footer", "aside", "a", "figure", "figcaption", "li")


def described_block(tree: HtmlElement, description: str | None, title: str | None = None) -> str | None:
    """The first visible block anywhere whose words are the page's description (or start
    with a cut one of 60+ chars): the standfirst, when no headline-relative rule found it.
    Fundus standfirsts in `storefront-html.excerpt`, under a breadcrumb <h1>, in
    `div.article__preamble` were the description verbatim and gold (recall -3 to -10%
    each).  Headings and title-like blocks are skipped (l3s pages describe by headline)."""
    wanted = _word_fold(description or "")
    folded_title = _word_fold(title or "")
    if len(wanted) < 40 or wanted in folded_title:
        return None
    probe = wanted[:20]
    for el in tree.iter(etree.Element):
        raw = el.text
        if not raw or raw.isspace():  # most elements: skip the word fold (a profile hot spot)
            continue
        own = _word_fold(raw)
        if not own or not (own.startswith(probe) or probe.startswith(own)):
            continue
        text = text_of(el)
        folded = _word_fold(text)
        if wanted.startswith(folded) and folded != wanted and el.getparent() is not None:
            # The first of the standfirst's paragraphs: the description is their parent's text.
            el = el.getparent()
            text = text_of(el)
            folded = _word_fold(text)
        if not (40 <= len(text) <= 800) or not (folded == wanted or (len(wanted) >= 60 and folded.startswith(wanted))):
            continue
        if el.tag in ("title", "meta", "head", "h1") or folded in folded_title:
            continue
        if any(a.tag in _NOT_STANDFIRST_HOLDERS or a.tag == "head" for a in el.iterancestors()):
            continue
        if in_caption_or_widget(el) or in_teaser_card(el):
            continue
        return text
    return None

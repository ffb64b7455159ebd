"""The lead (sapo, standfirst) as the page shows it above the story.

Vietnamese sites put the sapo in its own element (`h2.sapo`, `p.description`)
outside the container trafilatura picks, so it is found here and put back at
the head of the body: the lead is part of the story.
"""

from __future__ import annotations

import re

from lxml import etree

from pipelines.described_lead import described_block, described_standfirst
from pipelines.dom_utils import HtmlElement, attr_tokens, iter_elements, text_of
from pipelines.lead_guards import in_caption_or_widget, in_teaser_card
from pipelines.lead_markers import (
    body_header_standfirst,
    has_markers,
    header_heading,
    hgroup_standfirst,
    lead_with_parts,
    marker_tokens,
)

_LEAD_CLASS = re.compile(
    r"(^|[\s_-])(sapo|lead|lede|standfirst|summary|description|chapeau|intro|excerpt|article-?lead|article-?summary"
    r"|article-?sapo|subtitle|dek|deck|teaser|article-?teaser|intro-?text|leadtext|lead-?text"
    # the standfirst's name in other newsrooms: Czech/Slovak "perex", Scandinavian
    # "ingress"/"preamble", Spanish "bajada"/"entradilla", French "chapo", German "Vorspann"
    # and the spelled-out "introduction" (dev: a Czech and an Argentine readability page, a
    # Swedish fundus page and two trafilatura-set pages lost it)
    r"|perex|ingress|preamble|bajada|entradilla|chapo|vorspann|introduction)(?=$|[\s_-])",
    re.IGNORECASE,
)


# A site's tagline under its name in the page header ("#blog-description",
# "h2#banner-description", ".site-description"): blog themes class it like a
# standfirst.  Measured on dragnet: two blogs' taglines opened 11 bodies.
_SITE_TAGLINE = re.compile(r"(site|blog|banner|header|masthead|brand)[-_]?(description|desc|tagline|slogan)|tagline|slogan",
                           re.IGNORECASE)


#: Text allowed between the headline and its standfirst (byline, date, a photo
#: caption).  Measured on dragnet: product boxes ("Description ...") in a sidebar
#: four levels from the <h1> and blog taglines before the story headline were taken
#: as leads (precision 0.97 -> 0.6 on those pages); standfirsts follow the headline.
LEAD_GAP_CHARS = 400


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _headline(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The story's headline element: the first h1-h3 whose text is (part of) the
    page title or the document <title>, else the first non-empty <h1>.  Blogs put
    the site name in an <h1> and the post title in a later <h1> or <h2> (dragnet: a
    tagline under the site name was prepended as the lead)."""
    title_el = tree.find(".//title")
    # A site name ("TED Blog") as title matches sidebar headings: titles this short are not used.
    titles = [t for t in {_fold(title or ""), _fold(text_of(title_el) if title_el is not None else "")} if len(t) >= 20]
    first_h1 = None
    for h in iter_elements(tree, ("h1", "h2", "h3")):
        text = _fold(text_of(h))
        if not text:
            continue
        # The blog's site-name <h1> ("BuzzMachine") is the title's site affix, not the
        # headline: taken as one, the blog tagline beside it became the lead (dragnet).
        if any(_site_affix(text, t) for t in titles):
            if first_h1 is None and h.tag == "h1":
                first_h1 = h  # still the fallback when no heading matches the title
            continue
        # The title may carry a site suffix; a heading that merely mentions a
        # title ("Find stories on the TED Blog about:") is not the headline.
        if len(text) >= 10 and any(text in t or (t in text and len(text) <= len(t) + 20) for t in titles):
            return h
        if first_h1 is None and h.tag == "h1":
            first_h1 = h
    return first_h1


def headline(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The story's headline element (see ``_headline``), for the other passes."""
    return _headline(tree, title)


_TITLE_SEPARATOR = re.compile(r"\s[|\u2013\u2014\u00bb:·•-]\s*$")


def _site_affix(text: str, title: str) -> bool:
    """``text`` is the site-name part of a "Headline | Site" title: a short suffix set
    off by a separator."""
    if len(text) * 2 >= len(title) or text == title:
        return False
    # Suffix only: "Headline - Section - Site" titles start with the headline, and
    # a prefix rule skipped real headlines (l3s_gn1 pages lost their lead).
    return title.endswith(text) and bool(_TITLE_SEPARATOR.search(title[: -len(text)]))


def _text_between(root: HtmlElement, first: HtmlElement, second: HtmlElement, limit: int) -> int | None:
    """Characters of text after ``first``'s subtree and before ``second`` in
    document order (at most ``limit`` + a block), or None if ``second`` does not follow."""
    after, chars = False, 0
    for event, node in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        if event == "start":
            if node is second:
                return chars if after else None
            if after and node.text:
                chars += len(node.text.strip())
        else:
            if node is first:
                after = True
            if after and node.tail:
                chars += len(node.tail.strip())
        if chars > limit:
            return chars
    return None


#: Class names that only a standfirst carries ("c-leadtext", "standfirst", "fig-chapo"),
#: unlike "summary", "description" or "intro", which product boxes and taglines use:
#: these may sit further below the headline, past a photo with caption and credits
#: and a byline (a German business story's lead was 637 characters after its <h1>).
_STANDFIRST_CLASS = re.compile(r"(^|[\s_-])(lead-?text|standfirst|sapo|chapo|chapeau|article-?lead|lede)(?=$|[\s_-])", re.I)
STANDFIRST_GAP_CHARS = 1200


def _beside_headline(el: HtmlElement, headline: HtmlElement | None, root: HtmlElement) -> bool:
    """Shortly after the headline in reading order: a standfirst."""
    if headline is None:
        return True
    limit = STANDFIRST_GAP_CHARS if _STANDFIRST_CLASS.search(attr_tokens(el)) else LEAD_GAP_CHARS
    gap = _text_between(root, headline, el, limit)
    return gap is not None and gap <= limit


def _page_header(header: HtmlElement) -> bool:
    return header.find(".//h1") is None and not any(a.tag in ("main", "article") for a in header.iterancestors())


_HEADING_ROLE = re.compile(r"(^|[\s_-])(title|headline|heading|hed)(?=$|[\s_-])", re.I)

#: Block tags a standfirst comes in (custom elements are tested by their hyphen).
_LEAD_TAGS = frozenset(("p", "h2", "div", "span", "strong", "h3"))


_MARKERS: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[str, bool]] = {}


def _markers_of(el: HtmlElement) -> tuple[str, bool]:
    """``marker_tokens(el)`` and whether they name a lead, cached by tag and attributes
    (all that marker_tokens reads): list items and cards repeat them, and building
    the tokens (camelCase split, role values) was half of this pass (profiled)."""
    key = (el.tag, tuple(el.attrib.items()))
    found = _MARKERS.get(key)
    if found is None:
        if len(_MARKERS) >= 8192:
            _MARKERS.clear()
        markers = marker_tokens(el)
        found = _MARKERS[key] = (markers, _LEAD_CLASS.search(markers) is not None)
    return found


#: One word of every alternative of _LEAD_CLASS (and "description" of the itemprop test).
_LEAD_HINT = re.compile("sapo|lead|lede|standfirst|summary|description|chapeau|intro|excerpt|subtitle|dek|deck|teaser"
                        "|perex|ingress|preamble|bajada|entradilla|chapo|vorspann")


def _may_name_lead(el: HtmlElement) -> bool:
    """A cheap test before the marker tokens: one of the lead words occurs in some
    attribute value.  Building the tokens (camelCase split, role values) for the
    35,000 marked elements of 320 pages was a third of find_lead; on the dev corpus
    the gate passes 2.5% of marked elements and missed no lead.  Lower-cased, only
    U+0131 and U+017F still match ASCII letters under IGNORECASE: with either, the
    tokens are built."""
    values = " ".join(el.values()).lower()
    return _LEAD_HINT.search(values) is not None or "\u0131" in values or "\u017f" in values


def find_lead(tree: HtmlElement, title: str | None = None, description: str | None = None,
              page_url: str = "") -> str | None:
    """Text of the first lead-classed element of sentence length, or None."""
    headline: HtmlElement | None | bool = False  # looked up on the first candidate only
    for el in tree.iter(etree.Element):
        # Custom elements ("storefront-html.excerpt") hold standfirsts too (fundus).
        if (el.tag not in _LEAD_TAGS and "-" not in el.tag) or not has_markers(el) or not _may_name_lead(el):
            continue
        # itemprop=description marks the standfirst on schema.org-annotated pages
        # (a trafilatura-set snippet came only from there).
        markers, lead_class = _markers_of(el)
        if not (lead_class or el.get("itemprop") == "description"):
            continue
        # A teaser module's title ("ArticleModuleTeaser_title") is a heading, not its text
        # (fundus: ticker and story headlines were taken as leads once camelCase was split).
        if _HEADING_ROLE.search(markers):
            continue
        if _SITE_TAGLINE.search(attr_tokens(el)):
            continue
        # Page headers and navigation hold slogans; an article's own <header> (with
        # its <h1>, or inside <main>/<article>: a WordPress "entry-header" kept the
        # <h1> beside it) holds the standfirst.
        story_heading = header_heading(el)
        if any(a.tag in ("nav", "footer", "aside", "a") or (a.tag == "header" and _page_header(a))
               for a in el.iterancestors()):
            continue
        text = text_of(el)
        if not (40 <= len(text) <= 800) or len(el.findall(".//p")) > 1:
            continue
        # The story's own teaser module ("ArticleModuleTeaser_title") repeats the
        # headline: a copy of the title is no standfirst (fundus: two pages lost their lead).
        if in_caption_or_widget(el) or (title and _fold(text).rstrip(".") == _fold(title).rstrip(".")):
            continue
        if headline is False:
            headline = _headline(tree, title)
        # In a story header the lead follows that header's own heading (an <h2> where
        # the page's <h1> is a breadcrumb or an SEO copy elsewhere: fundus).
        if not _beside_headline(el, story_heading if story_heading is not None else headline, tree) \
                or in_teaser_card(el, page_url):  # type: ignore[arg-type]
            continue
        return lead_with_parts(el, text)
    if headline is False:
        headline = _headline(tree, title)
    return (_header_standfirst(headline) or described_standfirst(headline, description)  # type: ignore[arg-type]
            or described_block(tree, description, title) or hgroup_standfirst(tree, title)
            or body_header_standfirst(tree))


_HEADER_BLOCK = re.compile(r"header|head\b|heading|title|intro|top", re.I)
_BYLINE = re.compile(r"^\W*(by|von|par|por|di|door|av|af|bởi)\b|\b\d{1,2}[:.]\d{2}\b|\b(19|20)\d{2}\b", re.I)


def _header_standfirst(headline: HtmlElement | None) -> str | None:
    """The first sentence-length <p>/<h2> after the headline in the story's own header
    block (<header>, or a container classed "article-header"): an unclassed standfirst.
    Measured: trafilatura-set snippets expected such leads (German and Spanish
    news pages, an interview page) and extractors skip headers."""
    if headline is None:
        return None
    subtitle = _subtitle_heading(headline)
    if subtitle:
        return subtitle
    holder = headline.getparent()
    if holder is None or not (holder.tag == "header" or _HEADER_BLOCK.search(attr_tokens(holder))):
        return None
    for sib in headline.itersiblings():
        if not isinstance(sib.tag, str) or sib.tag not in ("p", "h2", "div"):
            continue
        text = text_of(sib)
        if (sib.find(".//a") is not None or in_caption_or_widget(sib) or len(sib.findall(".//p")) > 1
                or _SITE_TAGLINE.search(attr_tokens(sib))):
            continue
        if 40 <= len(text) <= 800 and not _BYLINE.search(text[:40]):
            return text
    return None


def _subtitle_heading(headline: HtmlElement) -> str | None:
    """An <h1> directly followed by a sentence-length <h2>: the subtitle, whatever the
    container is called (a Taiwanese site's `div.archives`; fundus gold opens with it)."""
    if headline.tag != "h1":
        return None
    # Only under the story's headline, known by the document title: a blog's site-name
    # <h1> is followed by its tagline <h2> (a snippet-set page).
    title_el = headline.getroottree().find(".//title")
    head = _fold(text_of(headline))
    if title_el is None or len(head) < 20 or head not in _fold(text_of(title_el)):
        return None
    sib = headline.getnext()
    while sib is not None and not isinstance(sib.tag, str):
        sib = sib.getnext()
    if sib is None or sib.tag != "h2" or sib.find(".//a") is not None:
        return None
    text = text_of(sib)
    return text if 40 <= len(text) <= 300 and not _BYLINE.search(text[:40]) else None


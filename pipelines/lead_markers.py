"""Where a page names its standfirst outside class and id.

Component frameworks hash their class names ("sc-e17c7982-2", "css-1485smx") and
say what a block is in other attributes: ``type="lead"``, ``data-manual="teaserText"``,
``data-testid="article-intro"``, ``data-test-tag="lead-text"``; CSS modules glue the
role into camelCase ("Article_elementLead__N3pGr").  Measured on fundus: four pages
(two Swiss, one Munich, one Frankfurt) lost their standfirst, the first gold paragraph,
because the lead finder read only class/id split at ``[\\s_-]``.

Such a story header often carries its headline as an <h2> (the page's <h1> is a
breadcrumb or an SEO copy elsewhere); the lead then follows that heading.
"""

from __future__ import annotations

import re

from pipelines.dom_utils import HtmlElement, text_of

#: Attribute values that are role names, not data: one identifier, no JSON, no URL.
_ROLE_VALUE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{1,40}$")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
#: `type` on these elements is a data type (text/css, image/avif, button, ...), not a role.
_TYPED_TAGS = ("input", "script", "style", "source", "button", "link", "ol", "li", "embed", "object", "select")


def _split_camel(value: str) -> str:
    return _CAMEL.sub(" ", value)


def marker_tokens(el: HtmlElement) -> str:
    """class, id, `type`, `itemprop` and role-like `data-*` values, camelCase split,
    lower-cased and joined by spaces (for the same keyword tests as ``attr_tokens``)."""
    values = [el.get("class") or "", el.get("id") or ""]
    for name, value in el.attrib.items():
        if name == "type" and el.tag in _TYPED_TAGS:
            continue
        if (name in ("type", "itemprop") or name.startswith("data-")) and _ROLE_VALUE.match(value or ""):
            values.append(value)
    return f" {' '.join(_split_camel(v) for v in values if v)} ".lower()


def has_markers(el: HtmlElement) -> bool:
    """Any attribute that may name the block's role (a cheap pre-test)."""
    # A loop over keys() (one list built in C), not a generator over attrib: twice as
    # fast, and find_lead asks this of ~49,000 elements per 320 pages (measured).
    for name in el.keys():  # noqa: SIM110, SIM118 - lxml keys(), a plain loop: see above
        if name in ("class", "id", "type", "itemprop") or name.startswith("data-"):
            return True
    return False


def header_heading(el: HtmlElement) -> HtmlElement | None:
    """The <h1>/<h2> that opens the story header ``el`` sits in (``<header>`` or
    ``<hgroup>``, at most four levels up), if it comes before ``el``.  A header whose
    headline is an <h2> is the story's own when it holds the lead after it."""
    for i, anc in enumerate(el.iterancestors()):
        if i > 4 or anc.tag in ("body", "main", "article"):
            return None
        if anc.tag in ("header", "hgroup"):
            for node in anc.iter("h1", "h2", el.tag):  # document order
                if node is el:
                    return None
                if node.tag in ("h1", "h2") and el not in node.iterdescendants():
                    return node
            return None
    return None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


_STAMP = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(19|20)\d{2}\b")


def hgroup_standfirst(tree: HtmlElement, title: str | None) -> str | None:
    """The block right after the <hgroup> that holds the story's headline (the heading
    whose text is the page's title): HTML's own grouping of headline and kicker, with
    the standfirst following it.  Measured on fundus: two pages of a German regional
    publisher show the headline as an <h2> in an <hgroup> (the <h1> is a breadcrumb
    copy of an SEO title) and an unclassed "Place. Standfirst" block after it, the
    first gold paragraph, which no other rule found."""
    wanted = _fold(title or "")
    if len(wanted) < 20:
        return None
    for group in tree.iter("hgroup"):
        if not any(_fold(text_of(h)) == wanted for h in group.iter("h1", "h2")):
            continue
        for sib in list(group.itersiblings())[:3]:
            if not isinstance(sib.tag, str):
                continue
            if sib.tag not in ("p", "div") or sib.find(".//a") is not None:
                return None
            if sib.find(".//img") is not None or len(sib.findall(".//p")) > 1:
                return None
            text = text_of(sib)
            # A date and reading-time line may sit between the group and the standfirst
            # (fundus: "08.03.2024, 18:59 Uhr • Lesezeit" was taken as the lead).
            if _STAMP.search(text[:40]):
                continue
            return text if 40 <= len(text) <= 800 else None
        return None
    return None


#: A standfirst told in several short paragraphs stays a standfirst: at most this many
#: parts and the usual lead length.
LEAD_PARTS = 4
LEAD_MAX_CHARS = 800


def lead_with_parts(el: HtmlElement, text: str) -> str:
    """The lead ``el`` plus the sibling paragraphs right after it that carry the very
    same tag and class: a standfirst written as three one-sentence paragraphs.
    Measured on fundus: a Swedish tabloid's three-paragraph lead lost its second and
    third sentence (gold lines 2-3; the extractor skips the lead block)."""
    cls = el.get("class")
    if not cls:
        return text
    parts = [text]
    for sib in list(el.itersiblings())[:LEAD_PARTS - 1]:
        if not isinstance(sib.tag, str) or sib.tag != el.tag or sib.get("class") != cls:
            break
        part = text_of(sib)
        if not part or sum(map(len, parts)) + len(part) > LEAD_MAX_CHARS:
            break
        parts.append(part)
    return " ".join(parts)


def body_header_standfirst(tree: HtmlElement) -> str | None:
    """A <header> inside the story body that holds only sentence text (no heading, no
    link, no image): HTML's own mark for the introduction of its section.  Measured on
    readability: a health site's standfirst sat as bare text in such a header at the
    top of `itemprop=articleBody`, and the extractor skipped it (page recall -0.05)."""
    for header in tree.iter("header"):
        if not any(a.tag == "article" or a.get("itemprop") == "articleBody" for a in header.iterancestors()):
            continue
        if any(d.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "nav", "ul", "figure", "time")
               for d in header.iterdescendants()):
            continue
        text = text_of(header)
        if 40 <= len(text) <= 800 and not _STAMP.search(text[:40]):
            return text
    return None

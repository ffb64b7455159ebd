"""Teasers that are single lines rather than lists: "Xem thêm: <a>", a link
opening with ">>", "<b>Next story:</b> <a>", a sub-heading that is only a link
to another story.  Each was measured leaking into bodies (seed page, demo site,
l3s_gn1 2008 pages)."""

from __future__ import annotations

import re

from pipelines.dom_utils import HtmlElement, absolute_url, text_of
from pipelines.schema import RelatedLink
from pipelines.teaser_links import LinkIndex, same_site

INLINE_MARKER = re.compile(
    r"^\s*(>>+|»|›|►|→|xem thêm|đọc thêm|tin liên quan|mời (?:quý vị|bạn) (?:xem|đọc)|read more|read also|also read"
    r"|see also|related|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leia também|lee también|leer más"
    # Scandinavian, Dutch, Italian, Polish, Czech "read also" (a Norwegian page kept three "Les også:" lines)
    r"|les også|les mer|läs också|läs mer|læs også|læs mere|lees ook|leggi anche|czytaj (?:też|także)|čtěte také)"
    r"\s*[:：>»\-–—]*\s*",
    re.IGNORECASE,
)


def inline_teaser(el: HtmlElement, index: LinkIndex) -> RelatedLink | None:
    # The marker opens the line: test the first text piece before building the
    # whole line's text (this check runs on every short element holding a link).
    first = next((t for t in el.itertext() if t.strip()), "")
    if not INLINE_MARKER.match(first) and len(first.strip()) > 12:  # a short piece may be half a marker
        return None
    links = [a for a in el.iter("a") if absolute_url(a.get("href"), index.page_url)]
    if len(links) != 1:
        return None
    text = text_of(el)
    if not text or len(text) > 300:
        return None
    marker = INLINE_MARKER.match(text)
    if not marker:
        return None
    url = absolute_url(links[0].get("href"), index.page_url)
    title = text_of(links[0]) or text[marker.end():]
    title = INLINE_MARKER.sub("", title).strip() or None
    # The rest of the line must be the link: "Xem thêm: <a>Title</a>", not a sentence.
    if len(text) - len(text_of(links[0])) > len(marker.group(0)) + 5:
        return None
    label = marker.group(1).strip()
    return RelatedLink(url=url, title=title, label=label) if url else None


# Markers that only ever open a "read this other story" link ("»" and "›" also
# open shop and pagination links, so they do not count inside a link's text).
_SEQUENCE_LABEL = re.compile(
    r"^\W*(?:(?:previous|next|prev|older|newer)(?: story| article| post| entry)?|bài (?:trước|sau|tiếp)|tin (?:trước|sau)"
    r"|vorheriger artikel|nächster artikel|article (?:précédent|suivant)|xem thêm|đọc thêm|tin liên quan|see also"
    r"|read more|read also|also read|related(?: story| article)?|lesen sie auch|mehr zum thema|lire aussi)\W*$", re.I)
_LINK_MARKER = re.compile(r"^\s*(>>+|xem thêm|đọc thêm|read more|read also|also read|lesen sie auch|lire aussi)\s*[:：>»\-–—]*\s*", re.I)


def marked_link(a: HtmlElement, index: LinkIndex) -> RelatedLink | None:
    """A link whose own text opens with a teaser marker: <a><b>&gt;&gt; Title</b></a>,
    even inside a lead paragraph (the demo site's 2012-style sapo)."""
    url = index.link_url.get(a)
    if url is None or index.length(a) > 300:
        return None
    text = text_of(a)
    marker = _LINK_MARKER.match(text)
    if marker and len(text[marker.end():].split()) >= 3:
        return RelatedLink(url=url, title=text[marker.end():].strip() or None, label=marker.group(1).strip())
    label = _label_before(a)
    if label and len(text.split()) >= 2:
        return RelatedLink(url=url, title=text, label=label)
    return None


def _label_before(a: HtmlElement) -> str | None:
    """A marker label right before a link, on the same line: "<b>Next story:</b> <a>",
    "Xem thêm: <a>".  The label text is removed with it (2008 news pages put
    previous/next story links under the story; they leaked into l3s bodies)."""
    prev = a.getprevious()
    if prev is not None and not (prev.tail or "").strip():
        if prev.tag not in ("b", "strong", "span", "em", "i", "font") or len(prev):
            return None
        text = text_of(prev)
        if _SEQUENCE_LABEL.match(text):
            prev.text, prev.tail = "", " "
            return text.strip(" :")
        return None
    holder, attr = (prev, "tail") if prev is not None else (a.getparent(), "text")
    if holder is None:
        return None
    raw = getattr(holder, attr) or ""
    line = raw.rsplit("\n", 1)[-1].strip()
    if line and len(line) <= 40 and _SEQUENCE_LABEL.match(line):
        setattr(holder, attr, raw[: len(raw) - len(raw.rsplit("\n", 1)[-1])] + " ")
        return line.strip(" :")
    return None


def heading_link(el: HtmlElement, index: LinkIndex) -> RelatedLink | None:
    """A sub-heading that is nothing but a headline link to another article of the
    site (VnExpress-style "RelatedLeadSubject" placed inside the story)."""
    if index.links_below.get(el) != 1 or index.length(el) > 200:
        return None
    link = next(a for a in el.iter("a") if a in index.link_url)
    text, link_text = text_of(el), text_of(link)
    if not link_text or text != link_text or len(link_text.split()) < 4:
        return None
    url = index.link_url[link]
    return RelatedLink(url=url, title=link_text) if same_site(url, index.page_url) else None



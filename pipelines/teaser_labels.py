"""Teaser-block labels ("Tin liên quan", "Related", "Mehr zum Thema", "Lesen Sie auch")
and where a block's label sits: before the block, as its first child, or in the
row above a table cell.  A labelled block is a teaser block even with one item;
a label line left alone in a body is furniture (see :mod:`pipelines.body`)."""

from __future__ import annotations

import re

from pipelines.dom_utils import HtmlElement, first_child_element, text_of
from pipelines.teaser_links import LinkIndex

__all__ = ["LABEL", "label_of"]

_LABEL_WORDS = (
    # Vietnamese
    r"tin liên quan|bài liên quan|tin cùng chuyên mục|tin cùng chủ đề|tin khác|tin mới( nhất| hơn)?|tin nổi bật"
    r"|xem thêm|đọc thêm|có thể bạn quan tâm|bạn có thể quan tâm|đọc nhiều( nhất)?|xem nhiều( nhất)?|tin đọc nhiều"
    r"|bài viết liên quan|cùng chuyên mục|tin tức liên quan|video liên quan|tin xem nhiều|tiêu điểm"
    r"|(các )?bài mới( nhất)?|(các )?tin khác|tin bài khác|bài viết mới|tin đã đưa|bài đọc nhiều"
    # English
    # "Related" and what is related (a closed list: "Related party transactions" is a
    # sub-heading of a business story, not a box label)
    r"|(?:latest |more |other )?related(?: (?:news|articles?|stories|story|links?|posts?|content|coverage|videos?"
    r"|video clips|whitepapers?|white papers|topics?|reading|items?|headlines|features|searches|galleries|photos"
    r"|resources|reports|information|sites|pages|tags|products|jobs|blogs?|quotes|companies|categories))?"
    r"(?: (?:news|articles?|stories|links|videos|coverage|items))?|more from\b.*|more on\b.*"
    r"|read more|read next|read also|also read|more stories|more news|you may also like|you might also like"
    r"|recommended( for you| stories| articles)?|most read|most popular|most viewed|latest news|latest stories"
    r"|see also|top stories|trending|editor'?s (?:picks|choice)|in other news|further reading|what to read next"
    r"|must[- ]reads?|don'?t miss|latest headlines|more (?:articles|stories|news|headlines)(?: (?:in|from|on|about)\b.*)?"
    # German, French, Spanish, Portuguese, Italian, Dutch
    r"|lesen sie auch(?: die folgenden beiträge)?|lesen sie mehr|mehr zum thema|das könnte sie auch interessieren"
    r"|das thema könnte (?:dich|sie) auch interessieren|schon gelesen|weitere artikel|meistgelesen|à découvrir"
    r"|zum thema|auch interessant|à lire aussi|lire aussi|sur le même sujet|les plus lus|leer más|lea también"
    r"|te puede interesar|noticias relacionadas|leia também|leia mais|notícias relacionadas|leggi anche"
    r"|articoli correlati|lees ook|meer nieuws|les også|les mer|mer om|relaterte saker|läs också|läs mer|relaterat"
    r"|læs også|relaterede artikler|leggi anche|czytaj (?:też|także)|zobacz (?:też|także)|čtěte také|související články"
)
LABEL = re.compile(rf"^\W*(?:{_LABEL_WORDS})\W*$", re.IGNORECASE)


def _previous_element(el: HtmlElement) -> HtmlElement | None:
    """The previous sibling element, past <br>s and comments (a label line is
    often "<b>Related Links</b><br><ul>...")."""
    prev = el.getprevious()
    while prev is not None and (not isinstance(prev.tag, str) or prev.tag == "br"):
        if (prev.tail or "").strip():
            return None  # loose text between: not a label right before the block
        prev = prev.getprevious()
    return prev


def label_of(el: HtmlElement, index: LinkIndex) -> tuple[str | None, HtmlElement | None]:
    """A teaser-block label just before the block or as its first child; for a
    block that is the only child of its holder (a table cell in a row), just
    before the holder (a label row above a cell of links)."""
    candidates = []
    first = first_child_element(el)
    if first is not None:
        candidates.append(first)
    prev = _previous_element(el)
    if prev is not None:
        candidates.append(prev)
    parent = el.getparent()
    if parent is not None and prev is None:
        pfirst = first_child_element(parent)
        if pfirst is not None and pfirst is not el:
            candidates.append(pfirst)
        elif el.getnext() is None and parent.tag in ("tr", "li", "div"):
            above = _previous_element(parent)
            if above is not None:
                candidates.append(above)
    for cand in candidates:
        if index.length(cand) > 60:
            continue
        text = text_of(cand)
        if text and len(text) <= 60 and LABEL.match(text):
            return text.strip(" :"), cand
    return None, None

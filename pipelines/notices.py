"""Notices about the page, not the story, that sit inside the story container:
log-in / registration walls, "your browser is out of date" banners, and debug
output a site's templates print by mistake.

Each kind is found by the vocabulary its markup or its text always uses, on any
site.  Measured on the dev corpus: a science journal's page kept a browser banner
(5 lines) and a registration wall (4 lines), a German daily printed its paywall
flags as a definition list ("showPaywall: false", 8 lines); none of these lines is
in any gold, and no other source's page has such an element.
"""

from __future__ import annotations

import re

from lxml import etree

from pipelines.cta_boxes import cta_box, is_cta, prose_paragraphs
from pipelines.dom_utils import HtmlElement, attr_tokens, remove

# "access-wall", "registration-wall", "regwall", "login-wall", "paywall-prompt".
_WALL_CLASS = re.compile(
    r"(^|[\s_-])((access|registration|reg|login|log-in|signin|sign-in|meter|metering|subscriber)-?wall"
    r"|regwall|paywall-?(prompt|message|notice|overlay|modal))(?=$|[\s_-])",
    re.IGNORECASE,
)
# Template debug output ("debug-piano", "debug-info").
_DEBUG_CLASS = re.compile(r"(^|[\s_])debug(-[\w-]+)?(?=$|[\s_])", re.IGNORECASE)
# Browser banners in several languages ("You are using a browser version with limited
# support for CSS", "Your browser is out of date", "Ihr Browser ist veraltet").
_BROWSER_NOTICE = re.compile(
    r"browser version with limited support|(you are using|you're using|your browser is) an? ?(outdated|old|unsupported"
    r"|out of date|out-of-date)|update your browser|upgrade your browser|ihr browser ist (veraltet|nicht mehr)"
    r"|veralteten browser|votre navigateur (est obsol[èe]te|n'est plus)|navegador (obsoleto|desactualizado)"
    r"|browser (non supportato|obsoleto)",
    re.IGNORECASE,
)
#: A wall or a debug dump is a box, not a story: bigger elements are left alone.
MAX_NOTICE_CHARS = 1500
#: A browser banner is two or three sentences; the element removed grows up to this size.
MAX_BANNER_CHARS = 600
# One walk for these notices and the buttons of call-to-action boxes (pipelines.cta_boxes),
# reading class and id in Python: the same elements in the same order as the attribute
# XPath ".//button | .//@class[contains(., 'wall') or ...]/.. | .//@id[...]/.." we had,
# which cost more (0.22 -> 0.19 s per 320 pages; that XPath had replaced a walk with
# a regex per attribute: 0.43 against 0.79 ms a page).
_HINT_CLASS = re.compile("wall|debug|btn|button|cta")
_HINT_ID = re.compile("wall|debug")


def _hinted(root: HtmlElement) -> list[HtmlElement]:
    found = []
    for el in root.iter(etree.Element):
        classes = el.get("class")
        if ((classes and _HINT_CLASS.search(classes)) or (el.tag == "button" and el is not root)
                or ((ids := el.get("id")) and _HINT_ID.search(ids))):
            found.append(el)
    return found


_BROWSER_XPATH = etree.XPath(".//p[contains(., 'rowser') or contains(., 'navigateur') or contains(., 'navegador')]")


def _small(el: HtmlElement, limit: int) -> bool:
    return len(el.text_content()) <= limit


# A banner speaks to the reader; a story quotes someone about browsers ("'Anyone
# still using an old browser should update your browser today,' said ...").
_QUOTE_MARKS = re.compile(r"[\"“”„«»]")


def _prose_beside(parent: HtmlElement, el: HtmlElement) -> bool:
    """``parent`` holds a paragraph of prose outside ``el``: a short story about a
    browser fix is not a banner however small it is (a 3-paragraph brief under
    MAX_BANNER_CHARS went whole before this guard)."""
    return prose_paragraphs(parent, skip=el) > 0


#: A wall's pitch is short lines; a paragraph this long is the (gated) story itself,
#: which some templates put inside the wall's container ("article-body--regwall").
STORY_PARAGRAPH_WORDS = 25


def _holds_story_paragraph(el: HtmlElement) -> bool:
    return any(len(p.text_content().split()) >= STORY_PARAGRAPH_WORDS for p in el.iter("p"))


def _banner(el: HtmlElement) -> HtmlElement:
    """The largest ancestor of ``el`` that is still only the banner."""
    while True:
        parent = el.getparent()
        if (parent is None or parent.tag in ("body", "html", "article", "main") or not _small(parent, MAX_BANNER_CHARS)
                or _prose_beside(parent, el)):
            return el
        el = parent


def drop_notices(root: HtmlElement) -> int:
    """Remove walls, debug dumps, browser banners and call-to-action boxes from ``root``
    in place; how many.  Runs before buttons are dropped (they mark the CTA boxes)."""
    removed = 0
    # One walk preselects by attribute substring: the regexes then see a handful of elements.
    for el in _hinted(root):
        if el.getparent() is None or el.tag in ("body", "html", "article", "main"):
            continue
        tokens = attr_tokens(el)
        if (_WALL_CLASS.search(tokens) or _DEBUG_CLASS.search(tokens)) and _small(el, MAX_NOTICE_CHARS) \
                and not _holds_story_paragraph(el):
            remove(el)
            removed += 1
        elif is_cta(el) and (box := cta_box(el)) is not None and box.getparent() is not None:
            remove(box)
            removed += 1
    for el in _BROWSER_XPATH(root):
        text = el.text_content()
        parent = el.getparent()
        # A paragraph among story paragraphs is story text, whatever it says of browsers.
        if (parent is not None and len(text) <= MAX_BANNER_CHARS and not _QUOTE_MARKS.search(text)
                and _BROWSER_NOTICE.search(" ".join(text.split())) and not _prose_beside(parent, el)):
            remove(_banner(el))
            removed += 1
    return removed

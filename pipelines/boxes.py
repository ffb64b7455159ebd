"""Boxes inside the story container that are not the story: photo galleries.

Run after media harvesting (gallery images and captions are already in
``images``) and before trafilatura, which keeps gallery legends as paragraphs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.dom_utils import Classed, HtmlElement, classed_elements, in_tree, remove, text_of

# Photo galleries, slideshows and carousels: numbered legends ("1/50 Star Wars
# boosts economy ...") of pictures, or teaser strips of other stories.  Measured on
# the dev corpus (outermost such elements below <body>, all sources): 10.7k of their
# 40k shingles are gold, and all but a handful of those are in page-wide wrappers
# that hold the headline (excluded below); 50-picture galleries were 82-84% of the
# predicted body of a readability and a utomo page (precision 0.16-0.18).
_GALLERY_CLASS = re.compile(r"(^|[\s_-])(gallery|slideshow|carousel|galerie|bildergalerie|fotogalerie)(?=$|[\s_-])", re.I)
_NEVER_GALLERY_TAGS = ("html", "body", "article", "main")


# schema.org properties that mark the main content (a recipe page's ingredients sat
# in a tab widget classed "recipe-carousel": must_include snippets of the snippet set).
_CONTENT_ITEMPROPS = ("articleBody", "recipeIngredient", "recipeInstructions", "reviewBody")


def _holds_story(el: HtmlElement) -> bool:
    return el.find(".//h1") is not None or any(
        el.find(f'.//*[@itemprop="{prop}"]') is not None for prop in _CONTENT_ITEMPROPS)


#: A gallery's text sits in its items (legends in <li> or <figure>); a box whose text
#: is mostly free-standing paragraphs is the story wrapped in a gallery-classed div
#: ("js-lightbox-gallery", "carousel content": story containers on three pages of
#: the snippet set, 95-98% of their text in free paragraphs; real galleries 0-14%).
MAX_FREE_PARAGRAPH_SHARE = 0.3


def _free_paragraph_share(el: HtmlElement) -> float:
    total = len(text_of(el))
    if not total:
        return 0.0
    free = sum(len(text_of(p)) for p in el.iter("p") if not _inside_item(p, el))
    return free / total


def _inside_item(p: HtmlElement, box: HtmlElement) -> bool:
    """``p`` sits in a list item or a figure below ``box``."""
    for ancestor in p.iterancestors():
        if ancestor is box:
            return False
        if ancestor.tag in ("li", "figure", "figcaption"):
            return True
    return False


@lru_cache(maxsize=4096)
def _gallery_attrs(classes: str | None, ids: str | None) -> bool:
    """Whether class and id (attr_tokens' string) name a gallery.  Cached per pair:
    pages repeat classes on dozens of items, and this search ran on every classed
    element (profiled: 1/3 of the pass)."""
    return _GALLERY_CLASS.search(f" {classes or ''} {ids or ''} ".lower()) is not None


def _galleries(root: HtmlElement, classed: list[Classed] | None = None) -> list[HtmlElement]:
    """Gallery boxes in ``root`` (itself included), document order.  One Python walk
    reading class and id once per element (the XPath "descendant-or-self::*[@class or
    @id]" plus a second read of both per classed element cost more: 0.17 s per 320
    pages for the XPath alone, 0.11 s for the walk), or none when an earlier pass
    read them (``classed``, see classed_elements)."""
    read_before = classed is not None  # then some of its elements may be gone from the tree
    if classed is None:
        classed = classed_elements(root)
    found = []
    for el, classes, ids in classed:
        if (el.tag not in _NEVER_GALLERY_TAGS and _gallery_attrs(classes, ids) and (not read_before or in_tree(el, root))
                and not _holds_story(el) and _free_paragraph_share(el) < MAX_FREE_PARAGRAPH_SHARE):
            found.append(el)
    return found


def drop_galleries(root: HtmlElement, classed: list[Classed] | None = None) -> int:
    """Remove gallery / slideshow / carousel boxes that do not hold the story; returns the count.
    ``classed``: classed_elements(root) read since the tree last gained elements."""
    found = _galleries(root, classed)
    removed = 0
    for el in found:
        if el.getparent() is not None and not any(a in found for a in el.iterancestors()):
            remove(el)
            removed += 1
    return removed

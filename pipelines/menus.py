"""Menus: blocks of short links (section navigation, "ARCHIVE / Today's headlines /
Back issues" columns, footer link rows).  Precision mode kept such columns once
2000s layout tables were unwrapped (l3s_gn1 bodies with 30+ one-word lines), and
the teaser pass leaves them alone on purpose: their links are not headlines."""

from __future__ import annotations

import re

from lxml import etree

from pipelines.dom_utils import HtmlElement, remove, text_of

_MENU_TAGS = ("p", "ul", "ol", "td", "div", "nav", "table", "tbody", "tr", "dl", "section")
#: At least this many links, making up this share of the block's text, each this
#: short on average (headline links are longer: teaser lists are the teaser pass's).
MENU_MIN_LINKS = 4
MENU_LINK_SHARE = 0.8
MENU_MAX_AVG_LINK_CHARS = 24
MENU_MAX_CHARS = 2500


_NOT_LETTERS = re.compile(r"[\W\d_]+")


def _letters(text: str) -> int:
    """Letters only: a footer of site links under a "-----" rule, with "|" between
    links and "&" in its group names, is still all links (l3s_gn1: a 25-link network
    footer at a 0.7 link share by characters, 0.8 by letters)."""
    return len(_NOT_LETTERS.sub("", text))


def _add_to_ancestors(root: HtmlElement, chars: dict[HtmlElement, int], letters: dict[HtmlElement, int],
                     count: dict[HtmlElement, int]) -> None:
    """Turn per-parent link sums into sums over every ancestor, in one bottom-up walk
    (reverse document order meets every element after all its descendants).  Adding
    each link to all its ancestors cost 1.1 million dict updates per 320 pages
    (profiled: 40% of this pass)."""
    for el in reversed(list(root.iter(etree.Element))):
        n = count.get(el)
        if n is None:
            continue
        parent = el.getparent()
        if parent is not None:
            chars[parent] = chars.get(parent, 0) + chars[el]
            letters[parent] = letters.get(parent, 0) + letters[el]
            count[parent] = count.get(parent, 0) + n
    if root in count:  # a subtree: its ancestors hold its links too
        for node in root.iterancestors():
            chars[node], letters[node], count[node] = chars[root], letters[root], count[root]


def drop_menus(root: HtmlElement, lengths: dict[HtmlElement, int]) -> int:
    """Remove link-menu blocks from ``root`` in place; returns how many.  ``lengths``
    are element text lengths from before earlier removals (too large at worst,
    which only makes the share test stricter)."""
    link_chars: dict[HtmlElement, int] = {}
    link_count: dict[HtmlElement, int] = {}
    link_letters: dict[HtmlElement, int] = {}
    for a in root.iter("a"):
        href = a.get("href") or ""
        if not href or href.startswith("#"):
            continue  # in-page tables of contents belong to the story
        text = text_of(a)
        chars, letters = len(text), _letters(text)
        if not chars:
            continue
        parent = a.getparent()
        if parent is not None:
            link_chars[parent] = link_chars.get(parent, 0) + chars
            link_letters[parent] = link_letters.get(parent, 0) + letters
            link_count[parent] = link_count.get(parent, 0) + 1
    _add_to_ancestors(root, link_chars, link_letters, link_count)
    doomed: list[HtmlElement] = []
    for el, n in link_count.items():
        if n < MENU_MIN_LINKS or el.tag not in _MENU_TAGS:
            continue
        size = lengths.get(el) or len(text_of(el))
        chars = link_chars[el]
        if size > MENU_MAX_CHARS or chars / n > MENU_MAX_AVG_LINK_CHARS:
            continue
        if chars < MENU_LINK_SHARE * size and link_letters[el] < MENU_LINK_SHARE * _letters(text_of(el)):
            continue
        if el.find(".//h1") is not None:
            continue
        doomed.append(el)
    doomed_set = set(doomed)
    count = 0
    for el in doomed:
        if any(a in doomed_set for a in el.iterancestors()):
            continue
        if el.getparent() is not None:
            remove(el)
            count += 1
    return count

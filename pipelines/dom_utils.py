"""Small lxml helpers used by the DOM passes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree, html

from pipelines.text import clean_line

HtmlElement = html.HtmlElement

_CLASS_SPLIT = re.compile(r"[\s_-]+")


def attr_tokens(el: HtmlElement) -> str:
    """class and id of an element, lower-cased, joined by spaces (for keyword tests)."""
    return f" {el.get('class') or ''} {el.get('id') or ''} ".lower()


#: Texts already read in a pass that does not change the tree (see remembered_texts).
_REMEMBERED: ContextVar[dict[HtmlElement, str] | None] = ContextVar("remembered_texts", default=None)


@contextmanager
def remembered_texts() -> Iterator[None]:
    """Within this block text_of reads each element once.  Only for code that does not
    change the tree: the teaser block tests read the same items from every container
    around them (measured: 57% of their text_of calls were repeats)."""
    token = _REMEMBERED.set({})
    try:
        yield
    finally:
        _REMEMBERED.reset(token)


def text_of(el: HtmlElement) -> str:
    """Visible text of an element, one line."""
    remembered = _REMEMBERED.get()
    if remembered is not None:
        text = remembered.get(el)
        if text is None:
            text = remembered[el] = _text_of(el)
        return text
    return _text_of(el)


def _text_of(el: HtmlElement) -> str:
    try:
        if isinstance(el.tag, str):
            if not len(el):
                # No child nodes at all: the text is the element's own (half of the calls;
                # checked equal on 188,013 leaf elements of the dev corpus).
                return clean_line(el.text)
            # The same string as text_content() (checked on every element of the dev
            # corpus), without an XPath evaluation per call: 40% faster, and this runs
            # 300,000 times per 320 pages (profiled).
            return clean_line(_serialised_text(el, method="text", encoding=str, with_tail=False))
        return clean_line(el.text_content())
    except ValueError:
        return ""


_serialised_text = etree.tostring

_ASCII_BLANK = " \t\n\r"


def has_parents_text(el: HtmlElement, parent: HtmlElement) -> bool:
    """``text_of(el) == text_of(parent)`` without reading either: ``el`` is the
    parent's only child node, with nothing but ASCII spaces and line breaks before
    and after it (which clean_line drops at the ends, and which neither compose
    under NFC nor change its space handling).  A text pass that has just read the
    parent can skip such wrapped children: 33% of strip_interface's text reads
    (<li><a>, <a><span>, measured on 320 dev pages)."""
    return (len(parent) == 1 and not (parent.text or "").strip(_ASCII_BLANK)
            and not (el.tail or "").strip(_ASCII_BLANK))


#: An element with its class and id attributes, as read once by classed_elements.
Classed = tuple[HtmlElement, "str | None", "str | None"]


def classed_elements(root: HtmlElement) -> list[Classed]:
    """Every element of ``root`` (itself included) that has a class or an id, with
    both, in document order.  Read once for the class passes that follow one another
    while the tree only loses elements (strip_interface, drop_chrome_text,
    drop_galleries): each walked the whole tree for it (0.1 s per 320 pages a walk,
    1% of extraction time).  They test :func:`in_tree` before using an element."""
    found = []
    for el in root.iter(etree.Element):
        classes, ids = el.get("class"), el.get("id")
        if classes or ids:
            found.append((el, classes, ids))
    return found


def in_tree(el: HtmlElement, root: HtmlElement) -> bool:
    """``el`` is still inside ``root``: the elements of a removed subtree keep their
    parents, only the subtree's top has none."""
    node: HtmlElement | None = el
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


def remove(el: HtmlElement) -> None:
    """Drop an element but keep its tail text in place (tails belong to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    el.drop_tree()


def first_child_element(el: HtmlElement) -> HtmlElement | None:
    """The first child that is an element (not a comment or processing instruction),
    filtered inside lxml: the label tests ask for it ~30,000 times per 320 pages."""
    return next(el.iterchildren(etree.Element), None)


def iter_elements(root: HtmlElement, tags: tuple[str, ...] | None = None) -> Iterator[HtmlElement]:
    """All element nodes (no comments / processing instructions)."""
    # etree.Element as the tag filter skips comments and PIs inside libxml2.  lxml's own
    # iterator is returned, not re-yielded: a generator cost a Python resume per element
    # (192,000 per 320 pages, profiled).
    return root.iter(*tags) if tags else root.iter(etree.Element)


@lru_cache(maxsize=8192)  # teaser and media passes resolve the same hrefs many times per page
def absolute_url(href: str | None, base: str) -> str | None:
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "#", "data:")):
        return None
    try:
        # Already absolute: urljoin would only cost time (profiled: 1/4 of the link pass).
        url = href if href.startswith(("http://", "https://")) else _join(base, href)
        if "[" in url or "]" in url:
            urlsplit(url).hostname  # noqa: B018 - raises ValueError for "http://[ccpa-preferences]"
    except ValueError:
        return None
    return url if url.startswith(("http://", "https://")) else None


#: A site-absolute path that urljoin would return unchanged after the base's origin:
#: no dot segments, ;params, query, fragment, whitespace or control characters.
_PLAIN_PATH = re.compile(r"/[^/\s?#;\x00-\x1f][^\s?#;\x00-\x1f]*\Z")


@lru_cache(maxsize=256)
def _origin(base: str) -> str | None:
    """"scheme://host" of an http(s) base URL, as urljoin reads it (None: use urljoin)."""
    try:
        parts = urlsplit(base)
    except ValueError:
        return None
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


def _join(base: str, href: str) -> str:
    """urljoin(base, href), with the common case done by concatenation: urljoin parses
    both URLs in Python (profiled: 40 us per call, 1/4 of the page's link pass)."""
    if "/." not in href and _PLAIN_PATH.match(href):
        origin = _origin(base)
        if origin is not None:
            return origin + href
    return urljoin(base, href)


#: The netloc of a plain http(s) URL: what urlsplit gives when the URL is printable ASCII.
_PLAIN_NETLOC = re.compile(r"https?://([^/?#]*)")


@lru_cache(maxsize=4096)  # same_site asks for the page's own host once per teaser
def registered_host(url: str) -> str:
    """Host without a leading www. (good enough to tell 'same site' apart)."""
    plain = _PLAIN_NETLOC.match(url) if url.isascii() and url.isprintable() else None
    if plain is not None and "[" not in plain[1] and "]" not in plain[1]:  # brackets: urlsplit's IPv6 checks
        # urlsplit(url).hostname, lower-cased, without parsing the whole URL in Python
        # (7,600 new teaser URLs per 320 pages): after any user info, before any port.
        host = plain[1].rpartition("@")[2].partition(":")[0].lower()
    else:
        host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def link_text_length(el: HtmlElement) -> int:
    return sum(len(text_of(a)) for a in el.iter("a"))


def text_lengths(root: HtmlElement) -> dict[HtmlElement, int]:
    """Approximate visible-text length of every element, in one bottom-up pass.

    Stripped pieces are summed, so the value never exceeds ``len(text_of(el))`` by
    more than a few separators: a cheap pre-filter before calling :func:`text_of`
    (which costs a subtree walk) on every element of a page.  Measured: calling
    ``text_of`` on every element made the DOM passes 3x slower than trafilatura.
    """
    lengths: dict[HtmlElement, int] = {}
    for el in reversed(list(root.iter(etree.Element))):
        n = len(el.text.strip()) if el.text else 0
        for child in el:
            tail = child.tail
            if tail:
                n += len(tail.strip())
            if child in lengths:
                n += lengths[child]
        lengths[el] = n
    return lengths

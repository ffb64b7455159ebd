"""Images with their captions and videos, collected before the DOM passes remove them.

Captions are story furniture, not story text: they go to `images[].caption`
and their elements are removed so trafilatura cannot put them in the body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.dom_utils import HtmlElement, absolute_url, attr_tokens, in_tree, iter_elements, remove, text_of
from pipelines.schema import Image, Video

_CAPTION_CLASS = re.compile(r"(^|[\s_-])(caption|figcaption|image-?caption|photo-?caption|img-?caption|chuthich|chu-thich|desc-?img|pic-?desc|credit)(?=$|[\s_-])", re.I)
_EMBED_HOST = re.compile(r"(youtube\.com|youtu\.be|vimeo\.com|dailymotion\.com|facebook\.com/plugins/video|player\.|/embed/)", re.I)
MAX_IMAGES = 40
# Site furniture, not story images: logos, avatars (the commenter's, the author's), icons, spacers.
_FURNITURE_URL = re.compile(r"(logo|avatar|icon|sprite|spacer|blank|pixel|badge|emoji|placeholder)[^/]*$", re.I)
_FURNITURE_CLASS = re.compile(r"(^|[\s_-])(logo|avatar|icon|comments?|binh-?luan|author|profile)(?=$|[\s_-])", re.I)
_FURNITURE_TAGS = {"header", "nav", "footer"}


# Class tests cached per class/id string: the furniture test runs on six ancestors of
# every image and the caption test on every element of each figure (the same few
# wrapper classes each time).
@lru_cache(maxsize=4096)
def _caption_class(tokens: str) -> bool:
    return _CAPTION_CLASS.search(tokens) is not None


@lru_cache(maxsize=4096)
def _furniture_class(tokens: str) -> bool:
    return _FURNITURE_CLASS.search(tokens) is not None


def _is_furniture(img: HtmlElement, url: str) -> bool:
    if _FURNITURE_URL.search(url.split("?", 1)[0]) or _furniture_class(attr_tokens(img)):
        return True
    for depth, ancestor in enumerate(img.iterancestors()):
        if ancestor.tag in _FURNITURE_TAGS or (depth < 6 and _furniture_class(attr_tokens(ancestor))):
            return True
    return False


def _img_url(img: HtmlElement, base: str) -> str | None:
    for attr in ("data-src", "data-original", "data-lazy-src", "src"):
        value = img.get(attr)
        if value and not value.startswith("data:"):
            return absolute_url(value, base)
    srcset = img.get("srcset") or img.get("data-srcset")
    if srcset:
        return absolute_url(srcset.split(",")[0].split()[0], base)
    return None


def _captions_in(container: HtmlElement, seen: dict[HtmlElement, list[HtmlElement]]) -> list[HtmlElement]:
    """The first caption element still in ``container``.  Its candidates are listed
    once per container (``seen``): a frame of 65 images was scanned whole for
    each of them (a dragnet page spent 0.075 s here).  Between two images only captions
    are removed, so the first candidate still inside is what a new scan would find."""
    candidates = seen.get(container)
    if candidates is None:
        candidates = seen[container] = [el for el in container.iter() if isinstance(el.tag, str) and (
            el.tag == "figcaption" or _caption_class(attr_tokens(el)))]
    return next(([el] for el in candidates if in_tree(el, container)), [])


def _caption_for(img: HtmlElement, seen: dict[HtmlElement, list[HtmlElement]]) -> list[HtmlElement]:
    """Caption elements that belong to ``img``: figcaption, a caption-classed sibling, a caption table row."""
    container = next(img.iterancestors("figure", "table"), None)
    # A big table is page layout, not a picture frame: searching it for captions per
    # image cost O(page) for every image on 2008-era pages.
    if container is not None and container.tag == "table" and len(container.findall(".//tr")) > 4:
        container = None
    if container is not None:
        found = _captions_in(container, seen)
        if found:
            return found
        # Vietnamese "picture" tables: image row, caption row.  Only small tables:
        # 2008-era sites lay out the whole page as a table, and its first text row
        # is the story (measured: a l3s page lost 480 of 488 words).
        if container.tag == "table" and len(text_of(container)) <= 500:
            rows = [tr for tr in container.iter("tr") if tr.find(".//img") is None and text_of(tr)]
            return rows[:1]
    parent = img.getparent()
    while parent is not None and parent.tag in ("a", "picture", "span"):
        parent = parent.getparent()
    if parent is not None:
        sibling = parent.getnext()
        if sibling is not None and _caption_class(attr_tokens(sibling)) and len(text_of(sibling)) < 400:
            return [sibling]
        for child in parent:
            if isinstance(child.tag, str) and child is not img and _caption_class(attr_tokens(child)):
                return [child]
        return _alt_repeated(img, parent)
    return []


#: An alt text this long is a sentence, not a name or "photo".
MIN_ALT_CAPTION_CHARS = 30


def _alt_repeated(img: HtmlElement, parent: HtmlElement) -> list[HtmlElement]:
    """A paragraph beside the image that repeats its alt text is its caption, whatever
    its class ("<img alt=X><p>X</p>" in a photo box: 2008 news templates kept one to
    five such captions in l3s_gn1 bodies, whose gold files them as supplemental)."""
    alt = " ".join((img.get("alt") or img.get("title") or "").split())
    if len(alt) < MIN_ALT_CAPTION_CHARS:
        return []
    # Inside the image's own box only: a repeated alt one box further down was kept
    # as story text by the gold of a Vietnamese and two dragnet pages.
    candidates = [c for c in parent if isinstance(c.tag, str) and c.tag in ("p", "div", "span")]
    return [c for c in candidates if c.find(".//img") is None and text_of(c) == alt][:1]


def harvest_media(root: HtmlElement, base: str) -> tuple[list[Image], list[Video], int]:
    """Collect images (with captions) and videos; remove caption elements. Returns (images, videos, captions_removed)."""
    images: list[Image] = []
    seen: set[str] = set()
    captions_removed = 0
    captions_seen: dict[HtmlElement, list[HtmlElement]] = {}
    for img in list(iter_elements(root, ("img",))):
        url = _img_url(img, base)
        caption_els = _caption_for(img, captions_seen)
        caption = " ".join(text_of(c) for c in caption_els).strip() or None
        for el in caption_els:
            if el.getparent() is not None:
                remove(el)
                captions_removed += 1
        if not url or url in seen or len(images) >= MAX_IMAGES:
            continue
        width = img.get("width") or ""
        if width.isdigit() and int(width) < 100 or _is_furniture(img, url):  # icons, avatars, tracking pixels
            continue
        seen.add(url)
        alt = (img.get("alt") or "").strip() or None
        images.append(Image(url=url, caption=caption, alt=alt if alt != caption else None))
    # Captions whose image is lazy-loaded by script (no <img> in the HTML) still must leave the body.
    for el in list(iter_elements(root, ("figcaption",))):
        if el.getparent() is not None:
            remove(el)
            captions_removed += 1
    videos: list[Video] = []
    for el in iter_elements(root, ("video", "iframe")):
        if el.tag == "video":
            src = el.get("src") or next((s.get("src") for s in el.iter("source") if s.get("src")), None)
            url = absolute_url(src, base)
            if url:
                videos.append(Video(url=url, poster=absolute_url(el.get("poster"), base), caption=el.get("title")))
        else:
            src = el.get("src") or el.get("data-src")
            url = absolute_url(src, base)
            if url and _EMBED_HOST.search(url):
                videos.append(Video(embed_url=url, caption=el.get("title")))
    return images, videos, captions_removed

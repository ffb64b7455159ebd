"""Is this page an article?  Hubs, section listings and error pages must not be written.

The decision weighs what publishers declare (JSON-LD type, og:type) against what
the page holds once teasers are cut out: a listing is mostly teasers and
leaves little or no story text behind.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pipelines.metadata import ARTICLE_TYPES, NON_ARTICLE_TYPES, Metadata

_ERROR_TITLE = re.compile(r"(^|\b)(404|page not found|not found|không tìm thấy|trang không tồn tại|seite nicht gefunden|error)(\b|$)", re.I)
_SECTION_PATH = re.compile(r"^/?([\w-]+/?){0,1}(index\.\w+|trang-\d+\.html|page/\d+/?|p\d+/?)?$", re.I)
#: Below this many words a page with no article markup is not a story.  The shortest
#: real articles in the dev corpus carry ~60 words; listings without teasers ~0-40.
MIN_WORDS = 50


def classify(md: Metadata, url: str, word_count: int, teaser_count: int) -> str:
    """One of the schema's page types: article, listing, hub, error, empty."""
    title = md.get("title") or ""
    if _ERROR_TITLE.search(title) and word_count < 150:
        return "error"
    declared_article = bool(md.jsonld_types & (ARTICLE_TYPES - {"webpage", "website"})) or md.get("og_type") == "article"
    declared_listing = bool(md.jsonld_types & NON_ARTICLE_TYPES) and not declared_article
    path = urlsplit(url).path
    if word_count == 0:
        return "hub" if teaser_count >= 5 else "empty"
    if path in ("", "/") or re.fullmatch(r"/(index|default|home)\.\w+", path or ""):
        if not declared_article or teaser_count >= 10:
            return "hub"
    if declared_listing and word_count < 300:
        return "listing"
    if teaser_count >= 8 and word_count < 120 and not declared_article:
        return "listing"
    if word_count < MIN_WORDS and not declared_article:
        return "listing" if teaser_count >= 3 or _SECTION_PATH.match(path) else "empty"
    return "article"

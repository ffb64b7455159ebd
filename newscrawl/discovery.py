"""Reading discovery sources: sitemaps (plain, index, Google News) and RSS/Atom feeds.

Pure functions over response bytes, so they are tested without a crawl.
Sitemaps are parsed incrementally (lxml iterparse) and capped: a 50,000-URL
sitemap must not be held in memory as a tree, and a runaway one must not
schedule a million requests.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass

import feedparser
from lxml import etree

#: Most entries taken from one sitemap file (the sitemaps.org limit is 50,000).
MAX_SITEMAP_ENTRIES = 50_000


@dataclass(frozen=True)
class Entry:
    """One discovered URL with whatever dates and title the source gave."""

    url: str
    lastmod: str | None = None
    published: str | None = None
    title: str | None = None
    is_sitemap: bool = False


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _maybe_gunzip(body: bytes) -> bytes:
    if body[:2] == b"\x1f\x8b":
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
            return fh.read(200 * 1024 * 1024)  # decompression-bomb guard
    return body


def parse_sitemap(body: bytes, limit: int = MAX_SITEMAP_ENTRIES) -> Iterator[Entry]:
    """Entries of a urlset or sitemapindex (``is_sitemap`` marks child sitemaps)."""
    data = _maybe_gunzip(body)
    count = 0
    context = etree.iterparse(io.BytesIO(data), events=("end",), recover=True, resolve_entities=False, no_network=True)
    try:
        for _, elem in context:
            name = _local(elem.tag)
            if name not in ("url", "sitemap"):
                continue
            fields: dict[str, str] = {}
            for child in elem.iter():
                key = _local(child.tag)
                if key in ("loc", "lastmod", "publication_date", "title") and child.text and key not in fields:
                    fields[key] = child.text.strip()
            elem.clear()
            # Cleared elements still hang in the tree: drop the processed siblings too, or a
            # 50,000-URL sitemap keeps 50,000 empty elements alive.
            parent = elem.getparent()
            if parent is not None:
                while elem.getprevious() is not None:
                    del parent[0]
            if fields.get("loc"):
                yield Entry(
                    url=fields["loc"],
                    lastmod=fields.get("lastmod"),
                    published=fields.get("publication_date"),
                    title=fields.get("title"),
                    is_sitemap=name == "sitemap",
                )
                count += 1
                if count >= limit:
                    return
    except etree.XMLSyntaxError:
        return


def parse_feed(body: bytes) -> list[Entry]:
    """Entries of an RSS or Atom feed, with their publication / update dates."""
    parsed = feedparser.parse(body)
    entries = []
    for item in parsed.entries:
        link = item.get("link")
        if not link:
            continue
        entries.append(
            # Membership tests, not .get(): feedparser maps a missing `updated` to
            # `published` with a DeprecationWarning.
            Entry(
                url=link,
                lastmod=item["updated"] if "updated" in item.keys() else None,  # noqa: SIM118
                published=item["published"] if "published" in item.keys() else None,  # noqa: SIM118
                title=item.get("title"),
            )
        )
    return entries

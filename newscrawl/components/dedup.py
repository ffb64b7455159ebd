"""Within one run, write each story once: by canonical URL and by body hash.

The same story reaches us under several URLs (tracking parameters, AMP and
mobile variants, syndication), so the URL check alone is not enough.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from pipelines.schema import Article

logger = logging.getLogger(__name__)


class DedupPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.urls: set[str] = set()
        self.hashes: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupPipeline:
        if not crawler.settings.getbool("NEWSCRAWL_DEDUP_ENABLED", True):
            raise NotConfigured("NEWSCRAWL_DEDUP_ENABLED is off")
        return cls(crawler)

    def process_item(self, item: Any, spider=None) -> Any:  # type: ignore[no-untyped-def]
        if not isinstance(item, Article):
            return item
        key = item.canonical_url or item.url
        if key in self.urls or (item.body_hash and item.body_hash in self.hashes):
            reason = "url" if key in self.urls else "body_hash"
            self.stats.inc_value(f"newscrawl/dedup/dropped/{reason}")
            logger.info("dropped duplicate (%s): %s", reason, item.url)
            raise DropItem(f"duplicate {reason}: {item.url}", log_level="INFO")
        self.urls.add(key)
        if item.body_hash:
            self.hashes.add(item.body_hash)
        return item

"""Drop what is not an article (hub, listing, error, empty page), with a counted, logged reason."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pipelines.schema import Article

logger = logging.getLogger(__name__)


class ValidatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        # Bodies shorter than this are dropped as empty shells (paywall stubs, video-only pages).
        self.min_words = crawler.settings.getint("NEWSCRAWL_VALIDATE_MIN_WORDS", 30)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def _drop(self, reason: str, item: Article) -> DropItem:
        self.stats.inc_value(f"newscrawl/validate/dropped/{reason}")
        logger.info("dropped %s: %s", reason, item.url)
        return DropItem(f"{reason}: {item.url}", log_level="INFO")

    def process_item(self, item: Any, spider=None) -> Any:  # type: ignore[no-untyped-def]
        if not isinstance(item, Article):
            return item
        page_type = item.extraction.page_type
        if page_type != "article":
            raise self._drop(f"not_article/{page_type}", item)
        if not item.body or item.word_count < self.min_words:
            raise self._drop("empty_body", item)
        if not item.title:
            raise self._drop("no_title", item)
        self.stats.inc_value("newscrawl/validate/passed")
        return item

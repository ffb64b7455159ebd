"""Per-run limits on what is written: ``NEWSCRAWL_SINCE`` and ``NEWSCRAWL_MAX_ARTICLES``.

A story dropped by a limit is not judged, only postponed: :class:`NotNow` tells
the state pipeline not to record the URL, so a later run without the limit
still fetches and writes it.  Reaching ``NEWSCRAWL_MAX_ARTICLES`` also closes
the spider (reason ``max_articles``), which is a normal finish.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from newscrawl.state.policy import parse_date
from pipelines.schema import Article

logger = logging.getLogger(__name__)


class NotNow(DropItem):
    """Dropped for this run only; the URL stays unrecorded."""


class LimitsPipeline:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        since = settings.get("NEWSCRAWL_SINCE")
        self.since = parse_date(since) if since else None
        if since and self.since is None:
            raise ValueError(f"NEWSCRAWL_SINCE: not a date: {since!r}")
        self.max_articles = settings.getint("NEWSCRAWL_MAX_ARTICLES", 0)
        self.passed = 0
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LimitsPipeline:
        settings = crawler.settings
        if not settings.get("NEWSCRAWL_SINCE") and not settings.getint("NEWSCRAWL_MAX_ARTICLES", 0):
            raise NotConfigured
        return cls(crawler)

    def _postpone(self, reason: str, item: Article) -> NotNow:
        self.stats.inc_value(f"newscrawl/limits/dropped/{reason}")
        logger.info("dropped %s: %s", reason, item.url)
        return NotNow(f"{reason}: {item.url}", log_level="DEBUG")

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if not isinstance(item, Article):
            return item
        published = parse_date(item.published)
        if self.since is not None and published is not None and published < self.since:
            raise self._postpone("before_since", item)
        if self.max_articles and self.passed >= self.max_articles:
            raise self._postpone("max_articles", item)
        self.passed += 1
        if self.max_articles and self.passed >= self.max_articles and not self.closing and self.crawler.engine:
            self.closing = True
            logger.info("reached NEWSCRAWL_MAX_ARTICLES=%d; closing", self.max_articles)
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="max_articles"))
        return item

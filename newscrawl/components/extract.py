"""FetchedPage -> Article, through the extraction core."""

from __future__ import annotations

import logging
import re

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from newscrawl.items import FetchedPage
from newscrawl.sites import load_registry
from pipelines import Profile, extract
from pipelines.html_input import NotHtmlError, decode_html
from pipelines.schema import Article

logger = logging.getLogger(__name__)
_CHARSET = re.compile(r"charset=([\w.:-]+)", re.I)


class ExtractPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.profiles: dict[str, Profile] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler)

    def open_spider(self, spider=None) -> None:  # type: ignore[no-untyped-def]
        site = getattr(self.crawler.spider, "site", None)
        if site is not None:
            self.profiles[site.name] = site.profile()

    def _profile(self, name: str) -> Profile:
        if name not in self.profiles:
            registry = load_registry()
            self.profiles[name] = registry[name].profile() if name in registry else Profile(site=name)
        return self.profiles[name]

    def process_item(self, item: object, spider=None) -> Article:  # type: ignore[no-untyped-def]
        if not isinstance(item, FetchedPage):
            return item  # type: ignore[return-value]
        match = _CHARSET.search(item.headers.get("content-type", ""))
        try:
            html = decode_html(item.body, match.group(1) if match else None)
        except NotHtmlError as exc:
            self.stats.inc_value(f"newscrawl/extract/skipped/{exc.reason}")
            raise DropItem(f"not an HTML page ({exc}): {item.url}") from None
        article = extract(html, item.url, self._profile(item.site), fetched_at=item.fetched_at)
        self.stats.inc_value("newscrawl/extract/pages")
        if article.site is None:
            article.site = item.site
        return article

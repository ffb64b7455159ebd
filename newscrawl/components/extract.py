"""FetchedPage -> Article, through the extraction core.

Extraction is CPU work (~50 ms a page): inline it would stall the reactor for
every other download.  With ``NEWSCRAWL_EXTRACT_WORKERS`` > 0 it runs in a
process pool and the reactor keeps fetching; 0 (the default) runs inline,
which is simplest and plenty for polite, delay-bound crawls.
"""

from __future__ import annotations

import asyncio
import logging
import re
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from newscrawl.components.limits import NotNow
from newscrawl.items import FetchedPage
from newscrawl.sites import load_registry
from pipelines import Profile, extract
from pipelines.html_input import NotHtmlError, decode_html
from pipelines.schema import Article

logger = logging.getLogger(__name__)
_CHARSET = re.compile(r"charset=([\w.:-]+)", re.I)


def extract_page(body: bytes, url: str, charset: str | None, profile: Profile, fetched_at: str | None) -> Article:
    """Decode and extract one page; module-level so a worker process can run it."""
    return extract(decode_html(body, charset), url, profile, fetched_at=fetched_at)


class ExtractPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.profiles: dict[str, Profile] = {}
        self.workers = crawler.settings.getint("NEWSCRAWL_EXTRACT_WORKERS", 0)
        self.pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler)

    def open_spider(self, spider=None) -> None:  # type: ignore[no-untyped-def]
        site = getattr(self.crawler.spider, "site", None)
        if site is not None:
            self.profiles[site.name] = site.profile()
        if self.workers > 0:
            self.pool = ProcessPoolExecutor(max_workers=self.workers)

    def close_spider(self, spider=None) -> None:  # type: ignore[no-untyped-def]
        if self.pool is not None:
            self.pool.shutdown(wait=True)
            self.pool = None

    def _profile(self, name: str) -> Profile:
        if name not in self.profiles:
            registry = load_registry()
            self.profiles[name] = registry[name].profile() if name in registry else Profile(site=name)
        return self.profiles[name]

    async def process_item(self, item: object, spider=None) -> Article:  # type: ignore[no-untyped-def]
        if not isinstance(item, FetchedPage):
            return item  # type: ignore[return-value]
        match = _CHARSET.search(item.headers.get("content-type", ""))
        args = (item.body, item.url, match.group(1) if match else None, self._profile(item.site), item.fetched_at)
        try:
            if self.pool is not None:
                try:
                    article = await asyncio.get_running_loop().run_in_executor(self.pool, extract_page, *args)
                except BrokenProcessPool:
                    # A worker died (out of memory, a crash in lxml): this page is lost for this
                    # run, but the pool is replaced so the pages after it are not.
                    self.pool.shutdown(wait=False)
                    self.pool = ProcessPoolExecutor(max_workers=self.workers)
                    self.stats.inc_value("newscrawl/extract/worker_died")
                    raise
            else:
                article = extract_page(*args)
        except NotHtmlError as exc:
            self.stats.inc_value(f"newscrawl/extract/skipped/{exc.reason}")
            raise DropItem(f"not an HTML page ({exc}): {item.url}", log_level="INFO") from None
        except Exception as exc:
            # A core bug (or a dead worker process) on one page: counted in the run report, and
            # NotNow leaves the URL unrecorded so that a later run, with the bug fixed, fetches it again.
            self.stats.inc_value("newscrawl/extract/skipped/error")
            logger.error("extraction failed on %s: %s: %s", item.url, type(exc).__name__, exc, exc_info=exc)
            raise NotNow(f"extraction_error: {item.url}", log_level="DEBUG") from None
        self.stats.inc_value("newscrawl/extract/pages")
        if article.site is None:
            article.site = item.site
        return article

"""Across runs: write a story only when it is new or changed, with its version; remember every outcome.

Before the writer: a story whose body hash equals the last one written under
its canonical URL is dropped as ``unchanged``; a story already written under
another URL with the same body is a duplicate; a changed one gets
``version = previous + 1`` and ``previous_hash``.

The URL's outcome and HTTP validators are committed once final: by the
writer right after it wrote the line (``committed``; if the commit fails the
writer takes the line back) or on ``item_dropped`` when the page was judged.
Recording only *after* the line is written means a kill between the two can
only leave a line the state does not know, which the next run's recovery
teaches it (:func:`newscrawl.components.run.reconcile`); never a recorded URL
whose line is missing.  What the response said (validators, discovery date)
is stashed by the incremental spider middleware in ``RunContext.pending``.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.http import Response

from newscrawl.components.jsonl import JsonlWriterPipeline
from newscrawl.components.limits import NotNow
from newscrawl.components.run import RunContext
from newscrawl.items import FetchedPage
from newscrawl.state import ArticleState, UrlState
from newscrawl.state.policy import discovery_date
from pipelines.schema import Article

logger = logging.getLogger(__name__)


class StatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.context: RunContext | None = None
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StatePipeline:
        if not crawler.settings.getbool("NEWSCRAWL_STATE_ENABLED", True):
            raise NotConfigured
        return cls(crawler)

    def open_spider(self, spider: Any = None) -> None:
        self.context = self.crawler.get_extension(RunContext)
        writer = self.crawler.get_item_pipeline(JsonlWriterPipeline)
        if writer is not None:
            writer.listeners.append(self.committed)

    def _drop(self, reason: str, item: Article) -> DropItem:
        self.stats.inc_value(f"newscrawl/state/dropped/{reason}")
        logger.info("dropped %s: %s", reason, item.url)
        return DropItem(f"{reason}: {item.url}", log_level="INFO")

    def process_item(self, item: Any, spider: Any = None) -> Any:
        state = self.context.state if self.context else None
        if not isinstance(item, Article) or state is None:
            return item
        key = item.canonical_url or item.url
        known = state.get_article(key)
        if known is not None and known.body_hash == item.body_hash:
            raise self._drop("unchanged", item)
        if known is None and item.body_hash:
            twin = state.find_hash(item.body_hash)
            if twin is not None and twin.key != key:
                raise self._drop("duplicate_of_known", item)
        if known is not None:
            item.version = known.version + 1
            item.previous_hash = known.body_hash
        return item

    # --- outcomes, once they are final ---------------------------------------
    def committed(self, item: Article) -> None:
        """Called by the writer right after the line is written; an error here makes it undo the line."""
        context = self.context
        if context is None or context.state is None:
            return
        url_state = context.pending.pop(item.url, None) or UrlState(url=item.url, site=context.site)
        _judged(url_state, item, "written")
        article = ArticleState(
            key=item.canonical_url or item.url, site=url_state.site, url=item.url, body_hash=item.body_hash or "",
            version=item.version, run_id=context.run_id, written_at=url_state.last_fetch,
            published=item.published, modified=item.modified,
        )
        context.state.record_written(url_state, article)
        self.stats.inc_value("newscrawl/articles/new" if item.version == 1 else "newscrawl/articles/updated")

    def item_dropped(self, item: Any, response: Response | None = None, exception: BaseException | None = None, spider: Any = None) -> None:
        context = self.context
        if context is None or context.state is None or not isinstance(item, (Article, FetchedPage)):
            return
        url_state = context.pending.pop(item.url, None)
        if isinstance(exception, NotNow) or url_state is None:
            return
        reason = str(exception).split(":", 1)[0] if exception else "dropped"
        _judged(url_state, item, "unchanged" if reason == "unchanged" else f"dropped:{reason}"[:80])
        context.state.record_fetch(url_state)
        if reason == "unchanged":
            self.stats.inc_value("newscrawl/articles/unchanged")


def _judged(url_state: UrlState, item: Any, outcome: str) -> None:
    url_state.outcome = outcome
    if isinstance(item, Article):
        url_state.canonical_url, url_state.body_hash = item.canonical_url, item.body_hash
        url_state.published, url_state.modified = item.published, item.modified


def fetched_state(context: RunContext, response: Response) -> UrlState | None:
    """The URL's state as this response leaves it (before the page is judged)."""
    if context.state is None:
        return None
    url = (response.meta.get("redirect_urls") or [response.url])[0]
    known = context.state.get_url(url) or UrlState(url=url, site=context.site)
    known.last_fetch = datetime.now(UTC).replace(microsecond=0).isoformat()
    known.last_status = response.status
    known.etag = _header(response, b"ETag")
    known.last_modified = _header(response, b"Last-Modified")
    # The request that fetched the page may be an undated link; a dated source that
    # listed the URL this run (or before) still speaks for it.
    dated = discovery_date(response.meta.get("discovery") or {}) or context.listed.get(url)
    known.source_date = dated.isoformat() if dated else known.source_date
    return known


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None

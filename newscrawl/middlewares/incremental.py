"""Fetch only what is new or changed: skip, revalidate or fetch each discovered article URL.

The spider middleware decides before a request is scheduled (so a skipped URL
costs nothing, not even a dupefilter entry); the downloader middleware turns a
``304 Not Modified`` answer to a revalidation into "unchanged" and drops it.
The rules are in :mod:`newscrawl.state.policy`.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response

from newscrawl.components.run import RunContext
from newscrawl.components.state import fetched_state
from newscrawl.items import FetchedPage
from newscrawl.state import UrlState, conditional_headers, decide, parse_date
from newscrawl.state.policy import discovery_date

logger = logging.getLogger(__name__)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _context(crawler: Crawler) -> RunContext:
    context = crawler.get_extension(RunContext)
    if context is None:
        raise NotConfigured
    return context


class IncrementalSpiderMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.context = _context(crawler)
        since = crawler.settings.get("NEWSCRAWL_SINCE")
        self.since = parse_date(since) if since else None
        if since and self.since is None:
            raise ValueError(f"NEWSCRAWL_SINCE: not a date: {since!r}")
        self.trust_dates = crawler.settings.getbool("NEWSCRAWL_TRUST_DISCOVERY_DATES", True)
        #: URLs a dated source called unchanged this run, so an undated link to one (a section page)
        #: does not revalidate it; a newer date from another source still counts.
        self.skipped: set[str] = set()
        #: URLs let through this run (to be fetched or revalidated).
        self.passed: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalSpiderMiddleware:
        if not crawler.settings.getbool("NEWSCRAWL_STATE_ENABLED", True):
            raise NotConfigured
        return cls(crawler)

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any], spider: Any = None) -> AsyncIterator[Any]:
        async for obj in result:
            if isinstance(obj, FetchedPage):
                draft = fetched_state(self.context, response)
                if draft is not None:
                    self.context.pending[obj.url] = draft
            elif isinstance(obj, Request) and obj.meta.get("discovery", {}).get("source") not in (None, "given"):
                obj = self._decide(obj)
                if obj is None:
                    continue
            yield obj

    def _decide(self, request: Request) -> Request | None:
        state = self.context.state
        if state is None:
            return request
        url = request.url
        state.mark_seen([url], _now())
        discovery = request.meta["discovery"]
        dated = discovery_date(discovery)
        if url in self.skipped and dated is None:
            return None  # an undated link to a URL a dated source already called unchanged
        if url in self.passed:
            # Already on its way this run (the dupefilter drops the repeat).  When an undated
            # link sent it, this dated listing is the date its state must keep; only these
            # URLs are remembered, not every sitemap entry.
            if dated is not None and (url not in self.context.listed or dated > self.context.listed[url]):
                self.context.listed[url] = dated
            return request
        known = state.get_url(url)
        decision = decide(known, discovery, self.since, self.trust_dates)
        self.stats.inc_value(f"newscrawl/incremental/{decision.action}/{decision.reason}")
        if decision.action == "skip":
            if url not in self.skipped:
                self.stats.inc_value(f"newscrawl/incremental/skipped_urls/{decision.reason}")
            self.skipped.add(url)
            logger.debug("skip %s (%s)", url, decision.reason)
            return None
        self.passed.add(url)
        if decision.action == "revalidate" and known is not None:
            request = request.replace(meta={**request.meta, "newscrawl_revalidate": True})
            for name, value in conditional_headers(known).items():
                request.headers[name] = value
        return request


class NotModifiedMiddleware:
    """A 304 to a conditional request: the page is unchanged; note it and go no further."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.context = _context(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NotModifiedMiddleware:
        if not crawler.settings.getbool("NEWSCRAWL_STATE_ENABLED", True):
            raise NotConfigured
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        if response.status != 304 or not request.meta.get("newscrawl_revalidate"):
            return response
        state = self.context.state
        if state is not None:
            url = (request.meta.get("redirect_urls") or [request.url])[0]
            known = state.get_url(url) or UrlState(url=url, site=self.context.site)
            known.last_fetch, known.last_status, known.outcome = _now(), 304, "not_modified"
            state.record_fetch(known)
        self.stats.inc_value("newscrawl/incremental/not_modified")
        raise IgnoreRequest(f"not modified: {request.url}")

"""Honour ``Retry-After`` on 429 and 503: wait that long before asking the host again.

The wait applies to the whole host (every request to it waits, not just the
retried one) and is capped by ``NEWSCRAWL_RETRY_AFTER_MAX`` seconds: a server
asking for more than that is left to the normal retry policy, which gives up,
and the next scheduled run tries again.  Placed before Scrapy's
RetryMiddleware (higher order number) so it sees the response first.
"""

from __future__ import annotations

import email.utils
import logging
from datetime import UTC, datetime
from time import monotonic
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.asyncio import sleep
from scrapy.utils.httpobj import urlparse_cached

logger = logging.getLogger(__name__)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a ``Retry-After`` value: delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.max_wait = crawler.settings.getfloat("NEWSCRAWL_RETRY_AFTER_MAX", 300.0)
        self.max_retry_times = crawler.settings.getint("RETRY_TIMES", 2)
        self.not_before: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        if not crawler.settings.getbool("RETRY_ENABLED", True):
            raise NotConfigured
        return cls(crawler)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        host = urlparse_cached(request).netloc
        wait = self.not_before.get(host, 0.0) - monotonic()
        if wait > 0:
            self.stats.inc_value("newscrawl/retry_after/waited_requests")
            await sleep(wait)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        if response.status not in (429, 503) or request.meta.get("dont_retry"):
            return response
        header = response.headers.get(b"Retry-After")
        seconds = retry_after_seconds(header.decode("latin-1") if header else None)
        if seconds is None:
            return response
        if seconds > self.max_wait:
            self.stats.inc_value("newscrawl/retry_after/too_long")
            logger.warning("%s asks to retry after %.0fs (> %.0fs): not waiting", request.url, seconds, self.max_wait)
            return response
        host = urlparse_cached(request).netloc
        self.not_before[host] = max(self.not_before.get(host, 0.0), monotonic() + seconds)
        self.stats.inc_value("newscrawl/retry_after/honoured")
        assert self.crawler.spider is not None
        retry = get_retry_request(request, spider=self.crawler.spider, reason=f"{response.status} Retry-After {seconds:.0f}s",
                                  max_retry_times=request.meta.get("max_retry_times", self.max_retry_times))
        return retry or response

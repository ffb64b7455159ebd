"""Count what finally came of each request, after retries: the run report's error figures.

Scrapy's own counters include every retried attempt; the report wants final
outcomes: ``newscrawl/http/final_status/<code>`` for each response that left
the retry logic and ``newscrawl/http/download_errors/<exception>`` for each
request that failed without one.  Placed after RetryMiddleware (lower number).
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response


class OutcomeStatsMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OutcomeStatsMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        # robots.txt answers are policy input (RFC 9309: 404 is normal), counted by the robots middleware.
        if not _is_robots(request):
            self.stats.inc_value(f"newscrawl/http/final_status/{response.status}")
        return response

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> None:
        if not isinstance(exception, IgnoreRequest) and not _is_robots(request):
            self.stats.inc_value(f"newscrawl/http/download_errors/{type(exception).__name__}")


def _is_robots(request: Request) -> bool:
    return bool(request.meta.get("dont_obey_robotstxt")) and request.url.endswith("/robots.txt")

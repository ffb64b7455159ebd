"""robots.txt as RFC 9309 says, where Scrapy's middleware is lenient.

Scrapy allows everything when robots.txt cannot be fetched.  RFC 9309 §2.3.1:
a 4xx answer ("unavailable") allows everything, but a 5xx answer or no answer
("unreachable": timeout, refused connection) means *complete disallow*, and the
crawler should try again later.  So a host whose robots.txt is unreachable is
closed until ``NEWSCRAWL_ROBOTS_RETRY_AFTER`` seconds have passed, then its
robots.txt is fetched again; its pages are not recorded in the crawl state, so
the next run tries them too.
"""

from __future__ import annotations

import logging
from time import monotonic

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)


class Unreachable(RobotParser):
    """Stands for a robots.txt that answered 5xx or not at all: nothing is allowed."""

    def __init__(self, reason: str, until: float) -> None:
        self.reason = reason
        self.until = until

    @classmethod
    def from_crawler(cls, crawler, robotstxt_body):  # type: ignore[no-untyped-def]
        raise NotImplementedError

    def allowed(self, url, user_agent):  # type: ignore[no-untyped-def]
        return False


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    def __init__(self, crawler) -> None:  # type: ignore[no-untyped-def]
        super().__init__(crawler)
        self.retry_after = crawler.settings.getfloat("NEWSCRAWL_ROBOTS_RETRY_AFTER", 600.0)

    async def robot_parser(self, request: Request) -> RobotParser | None:
        netloc = urlparse_cached(request).netloc
        parser = self._parsers.get(netloc)
        if isinstance(parser, Unreachable) and monotonic() >= parser.until:
            del self._parsers[netloc]  # time to ask again
        if isinstance(parser, Deferred):
            # Scrapy 2.19 awaits the shared Deferred through asFuture(), whose callback returns None:
            # the first waiter gets the parser, every later one None ("no robots.txt", allow all), so
            # the first requests to a host bypassed its rules.  Each waiter gets its own Deferred.
            mine: Deferred[RobotParser | None] = Deferred()

            def relay(result: RobotParser | None) -> RobotParser | None:
                mine.callback(result)
                return result

            parser.addCallback(relay)
            return await maybe_deferred_to_future(mine)
        return await super().robot_parser(request)

    def process_request_2(self, rp: RobotParser | None, request: Request) -> None:
        if isinstance(rp, Unreachable):
            self._stats.inc_value("newscrawl/robots/denied_unreachable")
            raise IgnoreRequest(f"robots.txt unreachable ({rp.reason}): complete disallow for now")
        super().process_request_2(rp, request)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self._unreachable(netloc, f"HTTP {response.status}")
            return
        if 400 <= response.status < 500:
            # "Unavailable": the site has no rules for us; parse nothing, allow everything.
            response = response.replace(body=b"")
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if isinstance(exc, IgnoreRequest):
            super()._robots_error(exc, netloc)
            return
        self._stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        self._unreachable(netloc, type(exc).__name__)

    def _unreachable(self, netloc: str, reason: str) -> None:
        self._stats.inc_value("newscrawl/robots/unreachable")
        logger.warning("robots.txt of %s unreachable (%s): not crawling it for %.0fs", netloc, reason, self.retry_after)
        waiting = self._parsers[netloc]
        parser = Unreachable(reason, monotonic() + self.retry_after)
        self._parsers[netloc] = parser
        if hasattr(waiting, "callback"):
            waiting.callback(parser)

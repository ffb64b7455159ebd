"""Crawl state: what earlier runs fetched and wrote, so a run does only what is new or changed.

``CrawlState`` is the backend interface (SQLite by default, see
:mod:`newscrawl.state.sqlite`); :mod:`newscrawl.state.policy` decides per URL
whether to fetch, revalidate or skip; ``SiteLock`` keeps one crawl per site.
"""

from newscrawl.state.base import ArticleState, CrawlState, LockHeld, SiteLock, UrlState, open_state
from newscrawl.state.policy import Decision, conditional_headers, decide, parse_date

__all__ = [
    "ArticleState",
    "CrawlState",
    "Decision",
    "LockHeld",
    "SiteLock",
    "UrlState",
    "conditional_headers",
    "decide",
    "open_state",
    "parse_date",
]

"""The run a crawler belongs to: run id, the site's lock, crawl state, recovery of killed runs.

One extension per crawler, so that every other component (the incremental
middlewares, the state pipeline, the JSONL writer, the report) agrees on the
run id and shares one state connection: they ask for it with
``crawler.get_extension(RunContext)``.  It does its work when the spider opens,
which is also how a crawl started by ``scrapy crawl`` or scrapyd (without the
``newscrawl`` runner) is locked and recovered.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider

from newscrawl.components.jsonl import Recovered, recover_orphans
from newscrawl.state import ArticleState, CrawlState, LockHeld, SiteLock, UrlState, open_state

logger = logging.getLogger(__name__)


def new_run_id(now: datetime | None = None) -> str:
    """Sortable by start time; the random tail keeps two runs started in one second apart."""
    now = now or datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def lock_dir(settings) -> Path | None:  # type: ignore[no-untyped-def]
    """Where site locks live: ``NEWSCRAWL_LOCK_DIR``, else the state folder; None without one."""
    directory = settings.get("NEWSCRAWL_LOCK_DIR") or settings.get("NEWSCRAWL_STATE_DIR", "data/state")
    return None if directory == ":memory:" else Path(directory)


class RunContext:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.settings = crawler.settings
        self.started = datetime.now(UTC)
        self.run_id: str = self.settings.get("NEWSCRAWL_RUN_ID") or new_run_id(self.started)
        self.day = self.started.strftime("%Y-%m-%d")
        self.site: str = getattr(crawler.spider, "site_name", None) or "unknown"
        self.state: CrawlState | None = None
        self.lock: SiteLock | None = None
        #: URL state drafts of fetched pages still in the item pipeline, by response URL.
        self.pending: dict[str, UrlState] = {}
        #: URLs an undated link sent this run that a dated source (sitemap, feed) then
        #: listed, with the newest date: the URL's state keeps it, so the next run leaves
        #: the URL to that source.
        self.listed: dict[str, datetime] = {}
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunContext:
        return cls(crawler)

    def spider_opened(self) -> None:
        stats = self.crawler.stats
        stats.set_value("newscrawl/run/id", self.run_id)
        directory = lock_dir(self.settings)
        if self.settings.getbool("NEWSCRAWL_LOCK", True) and directory is not None:
            try:
                self.lock = SiteLock(directory, self.site).acquire()
            except (LockHeld, OSError) as exc:
                stats.set_value("newscrawl/run/fatal", f"{self.site}: {exc}")
                logger.error("%s: %s", self.site, exc)
                raise CloseSpider("lock_held") from None
        root = Path(self.settings.get("NEWSCRAWL_OUTPUT_DIR", "data/articles"))
        try:
            if self.settings.getbool("NEWSCRAWL_STATE_ENABLED", True):
                self.state = open_state(self.settings, self.site)
            recovered = recover_orphans(root, self.site) if root.is_dir() else []
        except (OSError, sqlite3.Error) as exc:
            # Scrapy logs and swallows a signal handler's error: the crawl would then run without
            # state and write every story again, run after run.  Stop it instead.
            stats.set_value("newscrawl/run/fatal", f"{self.site}: cannot open the crawl state: {exc}")
            logger.error("%s: cannot open the crawl state: %s", self.site, exc)
            raise CloseSpider("state_error") from None
        if recovered:
            stats.set_value("newscrawl/recovery/files", len(recovered))
            stats.set_value("newscrawl/recovery/lines", sum(len(r.records) for r in recovered))
            stats.set_value("newscrawl/recovery/torn_bytes", sum(r.dropped_bytes for r in recovered))
            if self.state is not None:
                reconcile(self.state, recovered)

    def spider_closed(self) -> None:
        if self.state is not None:
            keep_listed_dates(self.state, self.listed)
            self.state.close()
        if self.lock is not None:
            self.lock.release()


def keep_listed_dates(state: CrawlState, listed: dict[str, datetime]) -> None:
    """Give a page fetched this run through an undated link, before a sitemap or feed
    entry for it was read, that entry's date (else the next run revalidates it)."""
    for url, dated in listed.items():
        known = state.get_url(url)
        if known is not None and known.last_fetch and not known.source_date:
            known.source_date = dated.isoformat()
            state.record_fetch(known)


def reconcile(state: CrawlState, recovered: list[Recovered]) -> None:
    """Teach the state the lines a killed run wrote but had not yet recorded.

    The JSONL is the truth: a line is recorded in state after it is written, so a
    kill between the two leaves a line the state does not know.  Without this,
    the next run would write that story again.
    """
    for file in recovered:
        run_id = file.path.name.removesuffix(".gz").removesuffix(".jsonl")
        for record in file.records:
            key = record.get("canonical_url") or record["url"]
            body_hash = record.get("body_hash") or ""
            known = state.get_article(key)
            if known is not None and (known.body_hash == body_hash or known.version > int(record.get("version") or 1)):
                continue
            url_state = state.get_url(record["url"]) or UrlState(url=record["url"], site=state_site(record))
            url_state.last_fetch = max(filter(None, [url_state.last_fetch, record.get("fetched_at")]), default=None)
            url_state.last_status = 200
            # The validators of the fetch that wrote this line are unknown; old ones would be wrong.
            url_state.etag = url_state.last_modified = None
            url_state.canonical_url = record.get("canonical_url")
            url_state.body_hash = body_hash
            url_state.published, url_state.modified = record.get("published"), record.get("modified")
            url_state.outcome = "written"
            article = ArticleState(
                key=key, site=state_site(record), url=record["url"], body_hash=body_hash,
                version=int(record.get("version") or 1), run_id=run_id, written_at=record.get("fetched_at"),
                published=record.get("published"), modified=record.get("modified"),
            )
            state.record_written(url_state, article)


def state_site(record: dict) -> str:  # type: ignore[type-arg]
    return str(record.get("site") or "unknown")

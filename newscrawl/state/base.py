"""The crawl-state interface: what a run remembers about every article URL.

A backend stores two kinds of record:

* :class:`UrlState`, one per URL discovery offered (the URL as discovered,
  before redirects): when it was first and last seen, when it was last fetched
  and with what HTTP validators, and what came of it;
* :class:`ArticleState`, one per story written, keyed by canonical URL: the
  body hash and version of the last line written for it.

The SQLite backend (:mod:`newscrawl.state.sqlite`) is the embedded default; a
shared backend (Redis, for crawls spread over machines) implements the same
few methods.  A backend is chosen with ``NEWSCRAWL_STATE_BACKEND`` and built
with ``from_settings(settings, site)``.
"""

from __future__ import annotations

import fcntl
import os
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.utils.misc import load_object


@dataclass
class UrlState:
    """What the crawl knows about one discovered URL."""

    url: str
    site: str
    first_seen: str | None = None
    last_seen: str | None = None
    #: When the URL was last fetched with a final outcome (ISO 8601 UTC); None: never.
    last_fetch: str | None = None
    last_status: int | None = None
    canonical_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    published: str | None = None
    modified: str | None = None
    #: The discovery date (sitemap lastmod, feed date) in force when the URL was last fetched.
    source_date: str | None = None
    #: written | unchanged | not_modified | dropped:<reason>
    outcome: str | None = None


@dataclass
class ArticleState:
    """The last line written for one story."""

    key: str
    site: str
    url: str
    body_hash: str
    version: int
    run_id: str | None = None
    written_at: str | None = None
    published: str | None = None
    modified: str | None = None


class CrawlState(ABC):
    """Storage of :class:`UrlState` and :class:`ArticleState` for one site.

    Writes that follow a durable outcome (a line written, a page judged) are
    committed before the method returns; ``mark_seen`` may be buffered.
    """

    @classmethod
    @abstractmethod
    def from_settings(cls, settings: Any, site: str) -> CrawlState: ...

    @abstractmethod
    def get_url(self, url: str) -> UrlState | None: ...

    @abstractmethod
    def mark_seen(self, urls: Iterable[str], when: str) -> None:
        """Note that discovery offered these URLs (first_seen / last_seen)."""

    @abstractmethod
    def record_fetch(self, state: UrlState) -> None:
        """Store the outcome of fetching a URL that led to no new line."""

    @abstractmethod
    def record_written(self, state: UrlState, article: ArticleState) -> None:
        """Store a URL and the story written from it, in one transaction."""

    @abstractmethod
    def get_article(self, key: str) -> ArticleState | None: ...

    @abstractmethod
    def find_hash(self, body_hash: str) -> ArticleState | None:
        """The story last written with this body hash, if any."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Figures for the run report: known URLs, stories."""

    @abstractmethod
    def close(self) -> None: ...


def open_state(settings: Any, site: str) -> CrawlState:
    """The backend named by ``NEWSCRAWL_STATE_BACKEND``, opened for ``site``."""
    backend = load_object(settings.get("NEWSCRAWL_STATE_BACKEND", "newscrawl.state.sqlite.SqliteState"))
    return backend.from_settings(settings, site)  # type: ignore[no-any-return]


class LockHeld(RuntimeError):
    """Another process is crawling the same site."""


class SiteLock:
    """An exclusive, non-blocking lock per site: ``<dir>/<site>.lock``.

    ``flock`` locks belong to the open file, so the kernel drops them when the
    holder dies, ``kill -9`` included: no stale lock file to clean up.
    """

    def __init__(self, directory: Path, site: str) -> None:
        self.path = Path(directory) / f"{site}.lock"
        self.fd: int | None = None

    def acquire(self) -> SiteLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            os.close(fd)
            raise LockHeld(f"another crawl of this site is running (pid {holder or '?'}; lock {self.path})") from None
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError:
            os.close(fd)
            raise
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> SiteLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()

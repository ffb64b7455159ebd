"""Incremental decisions: fetch a discovered URL, revalidate it, or skip it.

Pure functions over a :class:`UrlState` and what discovery said, so the policy
is tested without a crawl.  The rules:

* never fetched (or the last attempt had no final outcome) -> ``fetch``;
* discovery gives a date (sitemap ``lastmod``, ``news:publication_date``,
  feed ``updated`` / ``published``) -> ``fetch`` when it is newer than what we
  knew at the last fetch, else ``skip``;
  (``NEWSCRAWL_TRUST_DISCOVERY_DATES = False``: ``revalidate`` instead of ``skip``);
* no date, for a URL a dated source listed before -> ``skip``: the dated source decides;
* no date otherwise -> ``revalidate``: a conditional GET (``If-None-Match`` /
  ``If-Modified-Since``) that costs a 304 when nothing changed.
"""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from newscrawl.state.base import UrlState

Action = Literal["fetch", "revalidate", "skip"]


@dataclass(frozen=True)
class Decision:
    action: Action
    reason: str


def parse_date(value: str | None) -> datetime | None:
    """An ISO 8601 (sitemaps, JSON-LD) or RFC 822 (RSS, HTTP) date, aware; naive ones are taken as UTC."""
    if not value:
        return None
    text = value.strip()
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def discovery_date(discovery: dict[str, str | None]) -> datetime | None:
    """The newest date discovery gives for a URL (a modification implies the publication)."""
    dates = [d for d in (parse_date(discovery.get("lastmod")), parse_date(discovery.get("published"))) if d]
    return max(dates) if dates else None


def known_date(state: UrlState) -> datetime | None:
    """The newest date we had for the URL when it was last fetched."""
    dates = [parse_date(v) for v in (state.source_date, state.modified, state.published)]
    found = [d for d in dates if d]
    if found:
        return max(found)
    # Nothing dated the page: the fetch time is the best bound we have.
    return parse_date(state.last_fetch)


def decide(state: UrlState | None, discovery: dict[str, str | None], since: datetime | None = None,
           trust_dates: bool = True) -> Decision:
    """``trust_dates=False`` revalidates a known URL even when its discovery date says unchanged
    (for sites whose sitemap ``lastmod`` lags behind edits)."""
    dated = discovery_date(discovery)
    if since is not None and dated is not None and dated < since:
        return Decision("skip", "before_since")
    if state is None or state.last_fetch is None:
        return Decision("fetch", "new")
    if dated is not None:
        known = known_date(state)
        if known is None or dated > known:
            return Decision("fetch", "changed_by_date")
        if trust_dates or not (state.etag or state.last_modified):
            return Decision("skip", "unchanged_by_date")
        return Decision("revalidate", "dated_unchanged")
    if trust_dates and state.source_date:
        # An undated link (a section page) to a URL that a dated source (sitemap, feed) lists:
        # that source decides.  Otherwise whichever response arrives first would decide, and a
        # section page read before the sitemap turned every known article into a conditional GET.
        return Decision("skip", "listed_by_dated_source")
    if state.etag or state.last_modified:
        return Decision("revalidate", "undated")
    return Decision("fetch", "undated_no_validators")


def conditional_headers(state: UrlState) -> dict[str, str]:
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers

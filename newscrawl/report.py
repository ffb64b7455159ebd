"""The run report: ``<runs>/<run-id>.json``, a few human lines, and a live progress line.

Figures come from each crawler's stats (counters named by the components,
``newscrawl/...``, and Scrapy's own).  ``site_figures`` reads one crawler's
stats; ``run_report`` puts the sites of one run together.  The ``newscrawl
crawl`` runner writes the report of its whole run; a crawl started otherwise
(``scrapy crawl``, scrapyd) gets one from :class:`RunReportExtension`.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from time import monotonic
from typing import Any, TextIO

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawl.components.jsonl import safe_component, write_atomic

logger = logging.getLogger(__name__)

#: Where a dropped item's reason is counted, by the component that dropped it.
DROP_PREFIXES = {
    "extract": "newscrawl/extract/skipped/",
    "validate": "newscrawl/validate/dropped/",
    "dedup": "newscrawl/dedup/dropped/",
    "state": "newscrawl/state/dropped/",
    "limits": "newscrawl/limits/dropped/",
}
#: finish_reason values that are a normal end of a crawl.
NORMAL_FINISH = {"finished", "max_articles", "closespider_pagecount", "closespider_itemcount", "closespider_timeout"}


def _by_prefix(stats: Mapping[str, Any], prefix: str) -> dict[str, int]:
    return {k[len(prefix):]: int(v) for k, v in sorted(stats.items()) if k.startswith(prefix)}


def dropped_by_reason(stats: Mapping[str, Any]) -> dict[str, int]:
    """Dropped items as ``{"component:reason": count}``, for the report and the demo summary alike."""
    return {f"{component}:{reason}": n for component, prefix in DROP_PREFIXES.items() for reason, n in _by_prefix(stats, prefix).items()}


def _iso(value: Any) -> str | None:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).replace(microsecond=0).isoformat()
    return str(value) if value else None


def site_figures(stats: Mapping[str, Any]) -> dict[str, Any]:
    """One site's figures from its crawler's stats."""
    get = lambda key: int(stats.get(key, 0) or 0)  # noqa: E731
    start, finish = stats.get("start_time"), stats.get("finish_time")
    duration = (finish - start).total_seconds() if isinstance(start, datetime) and isinstance(finish, datetime) else 0.0
    statuses = _by_prefix(stats, "newscrawl/http/final_status/")
    http_errors = {code: n for code, n in statuses.items() if code.isdigit() and int(code) >= 400}
    download_errors = _by_prefix(stats, "newscrawl/http/download_errors/")
    requests = sum(statuses.values()) + sum(download_errors.values())
    errors = sum(http_errors.values()) + sum(download_errors.values())
    decisions = _by_prefix(stats, "newscrawl/incremental/")
    dropped = dropped_by_reason(stats)
    pages = get("downloader/response_status_count/200")
    return {
        "finish_reason": str(stats.get("finish_reason", "unknown")),
        "started": _iso(start),
        "finished": _iso(finish),
        "duration_s": round(duration, 3),
        "pages_fetched": pages,
        "requests": get("downloader/request_count"),
        "not_modified": get("newscrawl/incremental/not_modified"),
        # Distinct URLs not requested at all (a URL offered by three sources counts once).
        "skipped_unchanged": decisions.get("skipped_urls/unchanged_by_date", 0),
        "skipped_before_since": decisions.get("skipped_urls/before_since", 0),
        # Per discovery offer: the same URL from the news sitemap, the sitemap and the feed counts thrice.
        "decisions": {k: n for k, n in decisions.items() if k.split("/")[0] in ("fetch", "skip", "revalidate")},
        "articles": {
            "new": get("newscrawl/articles/new"),
            "updated": get("newscrawl/articles/updated"),
            "unchanged": get("newscrawl/articles/unchanged"),
            "written": get("newscrawl/jsonl/written"),
        },
        "dropped": dropped,
        "http_errors": http_errors,
        "download_errors": download_errors,
        "errors": errors,
        "error_rate": round(errors / requests, 4) if requests else 0.0,
        "retries": get("retry/count"),
        "retries_given_up": get("retry/max_reached"),
        "retry_after_honoured": get("newscrawl/retry_after/honoured"),
        "robots_denied": get("robotstxt/forbidden") + get("newscrawl/robots/denied_unreachable"),
        "robots_unreachable": get("newscrawl/robots/unreachable"),
        "recovered": {"files": get("newscrawl/recovery/files"), "lines": get("newscrawl/recovery/lines")},
        "pages_per_s": round(pages / duration, 2) if duration else 0.0,
        "output": list(stats.get("newscrawl/jsonl/paths", [])),
        "fatal": stats.get("newscrawl/jsonl/fatal") or stats.get("newscrawl/run/fatal"),
    }


def run_report(run_id: str, sites: dict[str, dict[str, Any]], started: datetime, finished: datetime, **extra: Any) -> dict[str, Any]:
    duration = (finished - started).total_seconds()
    totals: dict[str, Any] = {key: sum(s[key] for s in sites.values()) for key in
                              ("pages_fetched", "requests", "not_modified", "skipped_unchanged", "errors", "retries", "robots_denied")}
    totals["articles"] = {k: sum(s["articles"][k] for s in sites.values()) for k in ("new", "updated", "unchanged", "written")}
    totals["pages_per_s"] = round(totals["pages_fetched"] / duration, 2) if duration else 0.0
    return {"run_id": run_id, "started": _iso(started), "finished": _iso(finished), "duration_s": round(duration, 3),
            **extra, "totals": totals, "sites": sites}


def write_report(runs_dir: Path, report: dict[str, Any]) -> Path:
    runs_dir.mkdir(parents=True, exist_ok=True)
    path = runs_dir / f"{safe_component(report['run_id'])}.json"
    write_atomic(path, (json.dumps(report, indent=1, ensure_ascii=False, default=str) + "\n").encode("utf-8"))
    return path


def human_lines(report: dict[str, Any]) -> list[str]:
    t = report["totals"]
    a = t["articles"]
    lines = [f"run {report['run_id']}: {report.get('status', 'done')} in {report['duration_s']:.1f}s"
             f" (exit {report['exit_code']})" if "exit_code" in report else f"run {report['run_id']} in {report['duration_s']:.1f}s"]
    for name, s in report["sites"].items():
        sa = s["articles"]
        lines.append(
            f"  {name}: articles {sa['new']} new, {sa['updated']} updated, {sa['unchanged']} unchanged;"
            f" pages {s['pages_fetched']} fetched, {s['not_modified']} not modified (304),"
            f" {s['skipped_unchanged']} skipped as unchanged by date; {s['errors']} errors ({s['error_rate']:.0%}),"
            f" {s['retries']} retries, {s['robots_denied']} robots denials; {s['finish_reason']}"
        )
        if s.get("fatal"):
            lines.append(f"  {name}: ERROR {s['fatal']}")
    lines.append(f"  total: {a['written']} articles written, {t['pages_fetched']} pages, {t['pages_per_s']} pages/s")
    return lines


class ProgressLine:
    """``pages N | articles M | errors E | R pages/s`` rewritten in place on a terminal, silent otherwise."""

    def __init__(self, stats: Callable[[], list[Mapping[str, Any]]], stream: TextIO | None = None) -> None:
        self.stats = stats
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.started = monotonic()
        self.shown = False

    def line(self) -> str:
        all_stats = self.stats()
        pages = sum(int(s.get("downloader/response_status_count/200", 0)) for s in all_stats)
        articles = sum(int(s.get("newscrawl/jsonl/written", 0)) for s in all_stats)
        errors = sum(site_figures(s)["errors"] for s in all_stats)
        rate = pages / max(monotonic() - self.started, 1e-6)
        return f"pages {pages} | articles {articles} | errors {errors} | {rate:.1f} pages/s"

    def tick(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K" + self.line())
            self.stream.flush()
            self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


class RunReportExtension:
    """Writes the run report when a crawl closes, for crawls the newscrawl runner did not start."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.runs_dir = Path(crawler.settings.get("NEWSCRAWL_RUNS_DIR", "data/runs"))
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunReportExtension:
        if not crawler.settings.getbool("NEWSCRAWL_RUN_REPORT", True):
            raise NotConfigured
        return cls(crawler)

    def spider_closed(self, spider: Any = None, reason: str = "") -> None:
        from newscrawl.components.run import RunContext

        stats = dict(self.crawler.stats.get_stats()) if self.crawler.stats else {}
        stats.setdefault("finish_reason", reason)
        stats.setdefault("finish_time", datetime.now(UTC))
        context = self.crawler.get_extension(RunContext)
        run_id = context.run_id if context else str(stats.get("newscrawl/run/id", "run"))
        site = context.site if context else getattr(spider, "name", "unknown")
        start, finish = stats.get("start_time"), stats["finish_time"]
        started = start if isinstance(start, datetime) else datetime.now(UTC)
        finished = finish if isinstance(finish, datetime) else datetime.now(UTC)
        report = run_report(run_id, {site: site_figures(stats)}, started, finished, status=reason)
        try:
            path = write_report(self.runs_dir, report)
        except OSError as exc:
            logger.error("cannot write the run report to %s: %s", self.runs_dir, exc)
            return
        for line in human_lines(report):
            logger.warning(line) if reason not in NORMAL_FINISH else logger.info(line)
        logger.info("run report: %s", path)

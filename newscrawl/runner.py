"""Run one crawl (one or several sites) in this process, report it, and say how it went as an exit code.

Scrapy's reactor cannot be restarted, so a process runs one crawl; tests that
crawl start the CLI in a subprocess.  Exit codes (docs/operations.md):

====  =====================================================================
0     success
1     finished, but errors (final HTTP errors and download failures) were over
      ``--max-error-rate`` of requests
3     could not start: bad configuration, unknown site, output not writable,
      crawl state unreadable (not a database)
4     no articles where some were expected: a site yielded no article at all
      (none new, updated, known unchanged or older than ``--since``) and no
      limit stopped it
5     aborted: output could not be written (disk full, unwritable), or the
      crawl state could not be
75    could not start: another crawl of the site holds its lock (EX_TEMPFAIL)
130   interrupted (SIGINT / SIGTERM); what was written is complete
====  =====================================================================
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.utils.project import get_project_settings

from newscrawl.components.jsonl import check_writable
from newscrawl.components.run import lock_dir, new_run_id
from newscrawl.report import (
    NORMAL_FINISH,
    ProgressLine,
    dropped_by_reason,
    human_lines,
    run_report,
    site_figures,
    write_report,
)
from newscrawl.sites import SiteDeclaration
from newscrawl.spiders.news import NewsSpider
from newscrawl.state import LockHeld, SiteLock
from pipelines.dates import parse_date

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_CANNOT_START = 3
EXIT_NO_ARTICLES = 4
EXIT_OUTPUT = 5
EXIT_LOCKED = 75
EXIT_INTERRUPTED = 130
#: The report's ``status`` word for each exit code (the human line prints both).
STATUS = {EXIT_OK: "ok", EXIT_ERRORS: "errors", EXIT_CANNOT_START: "could not start", EXIT_NO_ARTICLES: "no articles",
          EXIT_OUTPUT: "output error", EXIT_LOCKED: "locked", EXIT_INTERRUPTED: "interrupted"}
#: Finish reasons of a run stopped by --max-articles / --max-pages (or another CLOSESPIDER_* limit).
STOPPED_BY_LIMIT = NORMAL_FINISH - {"finished"}


class CannotStart(Exception):
    """A run that must not begin; the message says why."""


@dataclass
class CrawlResult:
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def pages_fetched(self) -> int:
        return int(self.stats.get("downloader/response_count", 0))

    @property
    def written(self) -> int:
        return int(self.stats.get("newscrawl/jsonl/written", 0))

    @property
    def paths(self) -> list[str]:
        return list(self.stats.get("newscrawl/jsonl/paths", []))

    @property
    def dropped(self) -> dict[str, int]:
        return dict(sorted(dropped_by_reason(self.stats).items()))

    @property
    def finish_reason(self) -> str:
        return str(self.stats.get("finish_reason", "unknown"))

    def summary(self) -> str:
        lines = [
            f"pages fetched:    {self.pages_fetched}",
            f"articles written: {self.written}",
            f"dropped:          {sum(self.dropped.values())}" + "".join(f"\n  {k}: {v}" for k, v in self.dropped.items()),
            f"finish reason:    {self.finish_reason}",
        ]
        lines += [f"output:           {p}" for p in self.paths] or ["output:           (nothing written)"]
        return "\n".join(lines)


@dataclass
class RunOutcome:
    run_id: str
    exit_code: int
    results: dict[str, CrawlResult] = field(default_factory=dict)
    report: dict[str, Any] = field(default_factory=dict)
    report_path: Path | None = None
    messages: list[str] = field(default_factory=list)


def settings_for(site: SiteDeclaration | None, overrides: dict[str, Any] | None = None):  # type: ignore[no-untyped-def]
    """Project defaults, then the site's politeness, then per-run overrides."""
    settings = get_project_settings()
    if site is not None:
        p = site.politeness
        if p.download_delay is not None:
            settings.set("DOWNLOAD_DELAY", p.download_delay, priority="spider")
        if p.concurrency is not None:
            settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", p.concurrency, priority="spider")
        settings.set("ROBOTSTXT_OBEY", p.obey_robots, priority="spider")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def _check_writable(directory: Path, what: str) -> None:
    try:
        check_writable(directory)
    except OSError as exc:
        raise CannotStart(f"{what} {directory} is not writable: {exc.strerror or exc}") from None


def exit_code_for(report: dict[str, Any], max_error_rate: float) -> int:
    """The most severe outcome over the run's sites."""
    codes = [EXIT_OK]
    for figures in report["sites"].values():
        reason = figures["finish_reason"]
        if reason == "output_error":
            codes.append(EXIT_OUTPUT)
        elif reason == "lock_held":
            codes.append(EXIT_LOCKED)
        elif reason == "state_error":
            codes.append(EXIT_CANNOT_START)
        elif reason == "shutdown":
            codes.append(EXIT_INTERRUPTED)
        elif reason not in NORMAL_FINISH:
            codes.append(EXIT_ERRORS)
        if figures["error_rate"] > max_error_rate:
            codes.append(EXIT_ERRORS)
        if reason in STOPPED_BY_LIMIT:
            continue  # --max-pages can stop a run before its first article: a normal finish (exit 0)
        a = figures["articles"]
        # Stories older than --since were found, only not wanted: the site still yields articles.
        older = figures["skipped_before_since"] + figures["dropped"].get("limits:before_since", 0)
        if not (a["written"] or a["unchanged"] or figures["skipped_unchanged"] or figures["not_modified"] or older):
            codes.append(EXIT_NO_ARTICLES)
    severity = [EXIT_OUTPUT, EXIT_CANNOT_START, EXIT_INTERRUPTED, EXIT_ERRORS, EXIT_LOCKED, EXIT_NO_ARTICLES, EXIT_OK]
    return min(codes, key=severity.index)


def run_sites(
    sites: list[SiteDeclaration],
    overrides: dict[str, Any] | None = None,
    *,
    max_error_rate: float = 0.1,
    urls: list[str] | None = None,
    quiet: bool = False,
) -> RunOutcome:
    """Crawl ``sites`` together as one run: lock, crawl, write the report, pick the exit code."""
    started = datetime.now(UTC)
    base = settings_for(None, overrides)
    run_id = base.get("NEWSCRAWL_RUN_ID") or new_run_id(started)
    outcome = RunOutcome(run_id=run_id, exit_code=EXIT_OK)
    try:
        _check_writable(Path(base.get("NEWSCRAWL_OUTPUT_DIR")), "output folder")
        _check_writable(Path(base.get("NEWSCRAWL_RUNS_DIR")), "runs folder")
        if base.get("NEWSCRAWL_STATE_DIR") != ":memory:":
            _check_writable(Path(base.get("NEWSCRAWL_STATE_DIR")), "state folder")
        # Checked here too, not only by the CLI: `-s NEWSCRAWL_SINCE=...` bypasses the CLI's check,
        # and a bad value found inside Scrapy's start-up would end as a traceback.
        since = base.get("NEWSCRAWL_SINCE")
        if since and parse_date(str(since)) is None:
            raise CannotStart(f"could not start: NEWSCRAWL_SINCE: not a date: {since!r}")
    except CannotStart as exc:
        outcome.exit_code = EXIT_CANNOT_START
        outcome.messages.append(str(exc))
        return outcome

    locks: list[SiteLock] = []
    directory = lock_dir(base)
    runnable = []
    for site in sites:
        if directory is None or not base.getbool("NEWSCRAWL_LOCK", True):
            runnable.append(site)
            continue
        try:
            locks.append(SiteLock(directory, site.name).acquire())
            runnable.append(site)
        except LockHeld as exc:
            outcome.messages.append(f"{site.name}: not started: {exc}")
        except OSError as exc:  # NEWSCRAWL_LOCK_DIR missing or read-only: not checked above
            for lock in locks:
                lock.release()
            outcome.exit_code = EXIT_CANNOT_START
            outcome.messages.append(f"could not start: cannot take the lock of {site.name} in {directory}: {exc}")
            return outcome
    if sites and not runnable:
        outcome.exit_code = EXIT_LOCKED
        return outcome
    try:
        return _crawl(runnable, overrides or {}, run_id, started, outcome, max_error_rate, urls, quiet)
    finally:
        for lock in locks:
            lock.release()


def _crawl(
    sites: Sequence[SiteDeclaration | None], overrides: dict[str, Any], run_id: str, started: datetime,
    outcome: RunOutcome, max_error_rate: float, urls: list[str] | None, quiet: bool,
) -> RunOutcome:
    # Scrapy installs its own root log handler at LOG_LEVEL; one the CLI set up earlier would
    # print every record a second time, unfiltered.
    for handler in list(logging.root.handlers):
        logging.root.removeHandler(handler)
    per_run = {**overrides, "NEWSCRAWL_RUN_ID": run_id, "NEWSCRAWL_LOCK": False, "NEWSCRAWL_RUN_REPORT": False}
    process = CrawlerProcess(settings_for(sites[0] if sites else None, per_run))
    crawlers: list[tuple[str, Crawler]] = []
    for site in sites or [None]:
        # Per-site settings (politeness) need a Crawler each; the first one installs the reactor.
        crawler = Crawler(NewsSpider, settings_for(site, per_run), init_reactor=not crawlers)
        process.crawl(crawler, site=site, urls=",".join(urls or []))
        crawlers.append((site.name if site else "adhoc", crawler))
    progress = ProgressLine(lambda: [c.stats.get_stats() for _, c in crawlers if c.stats])
    if not quiet and progress.enabled:
        from scrapy.utils.asyncio import create_looping_call

        looping = create_looping_call(progress.tick)
        looping.start(1.0, now=False)
    process.start()
    progress.done()
    finished = datetime.now(UTC)
    figures = {}
    for name, crawler in crawlers:
        stats = dict(crawler.stats.get_stats()) if crawler.stats else {}
        outcome.results[name] = CrawlResult(stats)
        figures[name] = site_figures(stats)
    outcome.report = run_report(run_id, figures, started, finished, skipped_locked=[m.split(":")[0] for m in outcome.messages])
    outcome.exit_code = exit_code_for(outcome.report, max_error_rate)
    outcome.report["exit_code"] = outcome.exit_code
    outcome.report["status"] = STATUS.get(outcome.exit_code, "failed")
    runs_dir = Path(settings_for(None, overrides).get("NEWSCRAWL_RUNS_DIR"))
    try:
        outcome.report_path = write_report(runs_dir, outcome.report)
    except OSError as exc:
        outcome.messages.append(f"cannot write the run report to {runs_dir}: {exc}")
        if outcome.exit_code == EXIT_OK:
            outcome.exit_code = EXIT_OUTPUT
    return outcome


def print_outcome(outcome: RunOutcome, stream=None) -> None:  # type: ignore[no-untyped-def]
    stream = stream or sys.stderr
    for message in outcome.messages:
        print(f"newscrawl: {message}", file=stream)
    if outcome.report:
        for line in human_lines(outcome.report):
            print(line, file=stream)
    if outcome.report_path:
        print(f"  report: {outcome.report_path}", file=stream)


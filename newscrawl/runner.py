"""Run one crawl in this process and report what it did.

Scrapy's reactor cannot be restarted, so a process runs one crawl; tests that
crawl start the CLI in a subprocess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings

from newscrawl.sites import SiteDeclaration
from newscrawl.spiders.news import NewsSpider


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
        out = {}
        for key, value in self.stats.items():
            for prefix in ("newscrawl/validate/dropped/", "newscrawl/dedup/dropped/", "newscrawl/extract/skipped/"):
                if key.startswith(prefix):
                    kind = prefix.split("/")[1]
                    out[f"{kind}:{key[len(prefix):]}"] = int(value)
        return dict(sorted(out.items()))

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


def run_crawl(site: SiteDeclaration | None, urls: list[str] | None = None, overrides: dict[str, Any] | None = None) -> CrawlResult:
    process = CrawlerProcess(settings_for(site, overrides), install_root_handler=True)
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, site=site, urls=",".join(urls or []))
    process.start()
    return CrawlResult(stats=dict(crawler.stats.get_stats()) if crawler.stats else {})

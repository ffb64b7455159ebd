"""`newscrawl demo`: serve the bundled demo news site on 127.0.0.1 and crawl it.

The demo exercises the whole product offline: discovery from robots.txt,
sitemaps, the news sitemap, the RSS feed and paginated sections; extraction;
dropping of hub and section pages; JSONL output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newscrawl.sites import SiteDeclaration

DEMO_ROOT = Path(__file__).resolve().parents[2] / "data" / "demo_site"


def demo_site(base_url: str) -> SiteDeclaration:
    """The demo site's declaration, pointed at wherever the server listens."""
    return SiteDeclaration.model_validate(
        {
            "name": "demo",
            "domains": ["127.0.0.1"],
            "timezone": "Asia/Ho_Chi_Minh",
            "sitemaps": [f"{base_url}/sitemap.xml"],
            "news_sitemaps": [f"{base_url}/news-sitemap.xml"],
            "feeds": [f"{base_url}/rss.xml"],
            "start_urls": [f"{base_url}/"],
            "sections": {"urls": [f"{base_url}/thoi-su/", f"{base_url}/world/"], "max_pages": 5},
            # Everything on the site except the robots-disallowed area; the
            # validate step must tell articles from hubs and section pages.
            "article_url": r"^https?://[^/]+/(?!admin/).+\.html$",
        }
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("demo", help="serve the bundled demo site on 127.0.0.1 and crawl it into JSONL")
    p.add_argument("--output-dir", default="data/articles", help="JSONL root (default: data/articles)")
    p.add_argument("--root", default=str(DEMO_ROOT), help="folder of the demo site")
    p.add_argument("--log-level", default="WARNING", help="Scrapy log level (default: WARNING)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newscrawl.demo.server import DemoServer
    from newscrawl.runner import run_crawl

    root = Path(args.root)
    if not (root / "robots.txt").exists():
        print(f"newscrawl demo: no demo site at {root}", file=sys.stderr)
        return 3
    with DemoServer(root) as server:
        print(f"serving the demo site at {server.base_url}", file=sys.stderr)
        overrides = {
            "NEWSCRAWL_OUTPUT_DIR": args.output_dir,
            "LOG_LEVEL": args.log_level,
            # A local server needs no politeness delays.
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
        }
        result = run_crawl(demo_site(server.base_url), overrides=overrides)
    print(result.summary())
    if result.finish_reason != "finished":
        return 1
    return 0 if result.written else 4

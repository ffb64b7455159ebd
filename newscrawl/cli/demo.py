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
    p.add_argument("--port", type=int, default=0, help="serve on this port (default: a free one)")
    p.add_argument("--state-dir", default=":memory:",
                   help="crawl state; the default keeps none, so every demo run writes the whole site "
                        "(give a folder and a --port to see incremental runs)")
    p.add_argument("--runs-dir", help="run reports (default: runs/ beside the output folder, data/runs)")
    p.set_defaults(func=run)


def demo_overrides(output_dir: str, state_dir: str, runs_dir: str, log_level: str) -> dict[str, object]:
    return {
        "NEWSCRAWL_OUTPUT_DIR": output_dir,
        "NEWSCRAWL_STATE_DIR": state_dir,
        "NEWSCRAWL_RUNS_DIR": runs_dir,
        "LOG_LEVEL": log_level,
        # A local server needs no politeness delays.
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    }


def run(args: argparse.Namespace) -> int:
    from newscrawl.demo.server import DemoServer
    from newscrawl.runner import EXIT_CANNOT_START, print_outcome, run_sites

    root = Path(args.root)
    if not (root / "robots.txt").exists():
        print(f"newscrawl demo: no demo site at {root}", file=sys.stderr)
        return EXIT_CANNOT_START
    with DemoServer(root, port=args.port) as server:
        print(f"serving the demo site at {server.base_url}", file=sys.stderr)
        runs_dir = args.runs_dir or str(Path(args.output_dir).parent / "runs")
        overrides = demo_overrides(args.output_dir, args.state_dir, runs_dir, args.log_level)
        outcome = run_sites([demo_site(server.base_url)], overrides, quiet=True)
    print_outcome(outcome)
    for result in outcome.results.values():
        print(result.summary())
    return outcome.exit_code

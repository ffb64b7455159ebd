"""`newscrawl crawl SITE... | --all`: one incremental, crash-safe run, for people and for cron.

Each run fetches only what is new or changed since the last one (crawl state
under ``--state-dir``), writes ``<output>/<site>/<day>/<run-id>.jsonl``,
leaves ``<runs>/<run-id>.json`` and a few lines on stderr, and exits with a
code that says how it went (see ``newscrawl.runner`` and docs/operations.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from newscrawl.sites import SiteDeclaration, SiteError, load_registry, load_site


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("crawl", help="crawl sites incrementally into JSONL (for cron, systemd timers)",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sites", nargs="*", metavar="SITE", help="site names from the registry, or paths to site .toml files")
    p.add_argument("--all", action="store_true", help="every site in the registry")
    p.add_argument("--demo-base", metavar="URL", help="crawl the bundled demo site served at URL (see `newscrawl demo`)")
    p.add_argument("--output-dir", help="JSONL root (default: data/articles)")
    p.add_argument("--state-dir", help="crawl state and locks (default: data/state; ':memory:' for none kept)")
    p.add_argument("--runs-dir", help="run reports (default: data/runs)")
    p.add_argument("--since", metavar="DATE", help="only stories published on or after DATE (ISO 8601)")
    p.add_argument("--max-articles", type=int, metavar="N", help="stop after writing N articles per site")
    p.add_argument("--max-pages", type=int, metavar="N", help="stop after fetching N pages per site")
    p.add_argument("--gzip", action="store_true", help="write .jsonl.gz")
    p.add_argument("--revalidate-all", action="store_true",
                   help="revalidate known pages (conditional GET) even when sitemap/feed dates say unchanged")
    p.add_argument("--max-error-rate", type=float, default=0.1, metavar="R",
                   help="exit 1 when more than this share of requests failed (default 0.1)")
    p.add_argument("--user-agent", help="User-Agent header; include a contact URL or address")
    p.add_argument("--log-level", default="WARNING", help="Scrapy log level (default: WARNING)")
    p.add_argument("--quiet", action="store_true", help="no progress line")
    p.add_argument("--json", action="store_true", help="print the run report as JSON on stdout")
    p.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="any Scrapy / NEWSCRAWL_* setting")
    p.set_defaults(func=run)


def _sites(args: argparse.Namespace) -> list[SiteDeclaration]:
    if args.demo_base:
        from newscrawl.cli.demo import demo_site

        return [demo_site(args.demo_base.rstrip("/"))]
    registry = load_registry()
    if args.all:
        if not registry:
            raise SiteError("--all: the site registry is empty")
        return list(registry.values())
    if not args.sites:
        raise SiteError("name at least one SITE, or --all, or --demo-base URL")
    sites = []
    for name in args.sites:
        if name.endswith(".toml"):
            from pathlib import Path

            sites.append(load_site(Path(name)))
        elif name in registry:
            sites.append(registry[name])
        else:
            raise SiteError(f"unknown site {name!r}; known: {', '.join(sorted(registry)) or 'none'}")
    return sites


def overrides_from(args: argparse.Namespace) -> dict[str, Any]:
    from newscrawl.state.policy import parse_date

    overrides: dict[str, Any] = {"LOG_LEVEL": args.log_level.upper()}
    for option, setting in (("output_dir", "NEWSCRAWL_OUTPUT_DIR"), ("state_dir", "NEWSCRAWL_STATE_DIR"),
                            ("runs_dir", "NEWSCRAWL_RUNS_DIR"), ("user_agent", "USER_AGENT")):
        if getattr(args, option, None):
            overrides[setting] = getattr(args, option)
    if getattr(args, "since", None):
        if parse_date(args.since) is None:
            raise SiteError(f"--since: not a date: {args.since!r} (use ISO 8601, e.g. 2024-07-31)")
        overrides["NEWSCRAWL_SINCE"] = args.since
    if getattr(args, "max_articles", None):
        overrides["NEWSCRAWL_MAX_ARTICLES"] = args.max_articles
    if getattr(args, "max_pages", None):
        overrides["CLOSESPIDER_PAGECOUNT"] = args.max_pages
    if getattr(args, "revalidate_all", False):
        overrides["NEWSCRAWL_TRUST_DISCOVERY_DATES"] = False
    if getattr(args, "gzip", False):
        overrides["NEWSCRAWL_OUTPUT_GZIP"] = True
    for item in getattr(args, "set", []):
        name, sep, value = item.partition("=")
        if not sep:
            raise SiteError(f"-s {item!r}: expected NAME=VALUE")
        overrides[name] = value
    return overrides


def run(args: argparse.Namespace) -> int:
    from newscrawl.runner import EXIT_CANNOT_START, print_outcome, run_sites

    try:
        sites = _sites(args)
        overrides = overrides_from(args)
    except SiteError as exc:
        print(f"newscrawl crawl: could not start: {exc}", file=sys.stderr)
        return EXIT_CANNOT_START
    outcome = run_sites(sites, overrides, max_error_rate=args.max_error_rate, quiet=args.quiet)
    print_outcome(outcome)
    if args.json and outcome.report:
        print(json.dumps(outcome.report, ensure_ascii=False, default=str))
    return outcome.exit_code

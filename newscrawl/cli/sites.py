"""`newscrawl sites [NAME]`: the declared sites and where each one's articles are discovered."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newscrawl.fixtures import FIXTURES_DIR, find_fixtures
from newscrawl.sites.declaration import SITES_DIR, SiteDeclaration, load_all

# Discovery order of the spider: the freshest, cheapest sources first.
_SOURCES = (("news_sitemap", "news_sitemaps"), ("feed", "feeds"), ("sitemap", "sitemaps"), ("start", "start_urls"))


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("sites", help="list the declared sites with their discovery sources")
    p.add_argument("name", nargs="?", help="only this site")
    p.add_argument("--brief", action="store_true", help="one line per site, no source URLs")
    p.add_argument("--json", action="store_true", help="the declarations as JSON")
    p.add_argument("--sites-dir", type=Path, default=SITES_DIR, help=argparse.SUPPRESS)
    p.add_argument("--fixtures-dir", type=Path, default=FIXTURES_DIR, help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def _summary(site: SiteDeclaration, fixtures: int) -> str:
    counts = [f"{len(getattr(site, attr))} {label}" for label, attr in _SOURCES if getattr(site, attr)]
    if site.sections.urls:
        counts.append(f"{len(site.sections.urls)} section")
    hints = "hints" if site.extraction.model_dump(exclude_defaults=True) else "-"
    return (f"{site.name:<12} {site.language or '-':<3} {','.join(site.domains):<32} "
            f"{', '.join(counts):<44} {hints:<5} {fixtures} fixture{'s' if fixtures != 1 else ''}")


def run(args: argparse.Namespace) -> int:
    sites, errors = load_all(args.sites_dir)
    for error in errors:
        print(f"newscrawl sites: {error}", file=sys.stderr)
    if args.name:
        if args.name not in sites:
            print(f"newscrawl sites: unknown site {args.name!r}; known: {', '.join(sorted(sites))}", file=sys.stderr)
            return 1
        sites = {args.name: sites[args.name]}
    if args.json:
        json.dump([s.model_dump(mode="json") for s in sites.values()], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 1 if errors else 0
    for site in sites.values():
        print(_summary(site, len(find_fixtures(site.name, args.fixtures_dir))))
        if args.brief:
            continue
        for label, attr in _SOURCES:
            for url in getattr(site, attr):
                print(f"    {label:<13} {url}")
        for url in site.sections.urls:
            print(f"    {'section':<13} {url}  (up to {site.sections.max_pages} pages)")
        if site.article_url:
            print(f"    {'article_url':<13} {site.article_url}")
    return 1 if errors else 0

"""`newscrawl fixture FILE --site NAME [--url URL]`: write a fixture's expected output.

The file is written from the current extraction with the site's hints, for a
person to review: it pins what the core does today, right or wrong.  Read the
summary it prints; move anything wrong into the declaration's hints (or into
``body.excludes``) and run it again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newscrawl.fixtures import (
    EXPECTED_SUFFIX,
    FixtureError,
    compare,
    expected_from,
    extract_page,
    load_expected,
    url_problems,
    write_expected,
)
from newscrawl.sites.declaration import SITES_DIR, SiteError, load_registry


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("fixture", help="write FILE's expected output (.expected.json) for review")
    p.add_argument("file", type=Path, help="the saved article page, tests/sites/<site>/<name>.html")
    p.add_argument("--site", required=True, help="the site declaration whose hints to use")
    p.add_argument("--url", help="the page's URL (default: the one in the existing expected file, else the page's canonical URL)")
    p.add_argument("--sites-dir", type=Path, default=SITES_DIR, help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def _previous(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return load_expected(path)
    except FixtureError as exc:
        print(f"newscrawl fixture: ignoring the old file: {exc}", file=sys.stderr)
        return {}


def run(args: argparse.Namespace) -> int:
    page: Path = args.file
    if not page.name.endswith(".html") or not page.is_file():
        print(f"newscrawl fixture: {page}: not an .html file", file=sys.stderr)
        return 1
    try:
        registry = load_registry(args.sites_dir)
    except SiteError as exc:
        print(f"newscrawl fixture: {exc}", file=sys.stderr)
        return 1
    if args.site not in registry:
        print(f"newscrawl fixture: unknown site {args.site!r}; known: {', '.join(sorted(registry))}", file=sys.stderr)
        return 1
    site = registry[args.site]
    target = page.with_name(page.name.removesuffix(".html") + EXPECTED_SUFFIX)
    previous = _previous(target)
    if "REPLACE" in str(previous.get("url")):
        previous = {}  # the stub from `new-site`: a placeholder URL and a to-do note, nothing to keep
    url = args.url or previous.get("url")
    if not url:
        url = extract_page(page, page.resolve().as_uri(), site).canonical_url
    if not url:
        print("newscrawl fixture: the page names no canonical URL; give --url", file=sys.stderr)
        return 1
    problems = url_problems(url, site)
    if problems:
        for problem in problems:
            print(f"newscrawl fixture: {problem}", file=sys.stderr)
        print("newscrawl fixture: fix --url or the declaration; nothing written", file=sys.stderr)
        return 1
    article = extract_page(page, url, site)
    record = expected_from(article, url, previous)
    write_expected(target, record)
    print(f"wrote {target}; review it before committing:")
    for name in ("title", "published", "authors", "language"):
        print(f"  {name:<10} {record.get(name)!r}")
    print(f"  related    {len(record['related'])} teaser(s); body {article.word_count} words, "
          f"{len(record['body']['excludes'])} excludes")
    leaks = compare(article, record)
    for leak in leaks:
        print(f"  STILL FAILS: {leak}")
    if article.extraction.page_type != "article":
        print(f"  warning: the core sees a {article.extraction.page_type!r} page, not an article")
    return 1 if leaks else 0

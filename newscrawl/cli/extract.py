"""`newscrawl extract FILE_OR_URL`: preview the extraction of one page as JSON."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import urllib.request
from pathlib import Path

from pipelines import Profile, extract


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("extract", help="extract one saved page (.html / .html.gz) or URL and print JSON")
    p.add_argument("source", help="path to a .html or .html.gz file, or an http(s) URL")
    p.add_argument("--url", help="the page's URL (for a saved file; resolves links and same-site teasers)")
    p.add_argument("--site", help="use this site declaration's extraction hints")
    p.add_argument("--fields", help="comma-separated fields to print (default: all)")
    p.set_defaults(func=run)


def read_source(source: str) -> tuple[bytes, str]:
    """Bytes of a file or URL, and the URL to extract it as."""
    if source.startswith(("http://", "https://")):
        request = urllib.request.Request(source, headers={"User-Agent": "newscrawl-extract/0.1"})
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (user-given URL)
            return response.read(), response.geturl()
    path = Path(source)
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data, path.resolve().as_uri()


def _profile(site_name: str | None) -> Profile | None:
    if not site_name:
        return None
    from newscrawl.sites import SiteError, load_registry

    try:
        registry = load_registry()
    except SiteError as exc:
        raise SystemExit(f"newscrawl extract: {exc}") from None
    if site_name not in registry:
        raise SystemExit(f"newscrawl extract: unknown site {site_name!r}")
    return registry[site_name].profile()


def run(args: argparse.Namespace) -> int:
    try:
        data, default_url = read_source(args.source)
    except (OSError, ValueError) as exc:
        print(f"newscrawl extract: cannot read {args.source}: {exc}", file=sys.stderr)
        return 2
    article = extract(data, args.url or default_url, _profile(args.site))
    record = article.model_dump(mode="json")
    if args.fields:
        record = {k: record.get(k) for k in args.fields.split(",")}
    json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0

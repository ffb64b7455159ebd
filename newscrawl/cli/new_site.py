"""`newscrawl new-site NAME DOMAIN`: scaffold a site declaration and its fixture stub.

The declaration it writes is valid as it stands (its one source is the home
page), with the other fields commented out where the developer fills them in;
the stub expected-output file says what to do next.  See docs/adding-a-site.md.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from newscrawl.fixtures import EXPECTED_SUFFIX, FIXTURES_DIR, display_path, write_expected
from newscrawl.sites.declaration import SITES_DIR, SiteError, load_all, parse_site

TEMPLATE = """\
# {name}: site declaration. Data only; the behaviour is in the spider and the core.
# Step by step: docs/adding-a-site.md.  Check it with: newscrawl check {name}
name = "{name}"
domains = ["{domain}"]
{language_line}
{timezone_line}

# Discovery. Replace the home page with what the site really publishes: robots.txt
# names its sitemaps, the footer or /rss its feeds. At least one source is required.
start_urls = ["https://{domain}/"]
# news_sitemaps = ["https://{domain}/news-sitemap.xml"]
# sitemaps = ["https://{domain}/sitemap.xml"]
# feeds = ["https://{domain}/rss/home.rss"]

# What an article URL looks like (a regex, searched): take it from a few real URLs.
article_url = '^https?://(www\\.)?{domain_re}/.+'

# [sections]              # listing pages to read for links, and how deep to paginate
# urls = ["https://{domain}/thoi-su"]
# max_pages = 3

# Hints: only when `newscrawl extract PAGE --site {name}` shows the core needs them.
# [extraction]
# body = ["article.content"]   # story container; the first selector that matches wins
# drop = [".author-box"]       # elements removed before extraction
# teasers = [".related-news"]  # blocks of teasers of other articles
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("new-site", help="scaffold a site declaration and a fixture stub")
    p.add_argument("name", help="short name: lower-case letters, digits, '-' and '_'")
    p.add_argument("domain", help="the site's domain (a URL is accepted; 'www.' is dropped)")
    p.add_argument("--language", help="BCP 47 code the site publishes in, e.g. vi or en")
    p.add_argument("--timezone", help="IANA zone for dates without an offset, e.g. Asia/Ho_Chi_Minh")
    p.add_argument("--force", action="store_true", help="overwrite an existing declaration")
    p.add_argument("--sites-dir", type=Path, default=SITES_DIR, help=argparse.SUPPRESS)
    p.add_argument("--fixtures-dir", type=Path, default=FIXTURES_DIR, help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def normalise_domain(value: str) -> str:
    """'https://www.Example.com/x' -> 'example.com' (a domain covers its subdomains)."""
    host = urlsplit(value if "//" in value else "//" + value).hostname or ""
    return host.removeprefix("www.")


def render(name: str, domain: str, language: str | None, timezone: str | None) -> str:
    return TEMPLATE.format(
        name=name,
        domain=domain,
        domain_re=re.escape(domain).replace("/", ""),
        language_line=f'language = "{language}"' if language else '# language = "vi"            # BCP 47',
        timezone_line=f'timezone = "{timezone}"' if timezone else '# timezone = "Asia/Ho_Chi_Minh"  # IANA',
    )


def run(args: argparse.Namespace) -> int:
    domain = normalise_domain(args.domain)
    path = args.sites_dir / f"{args.name}.toml"
    text = render(args.name, domain, args.language, args.timezone)
    try:
        parse_site(text, path)  # a bad name, domain or zone is reported before anything is written
    except SiteError as exc:
        print(f"newscrawl new-site: {exc}", file=sys.stderr)
        return 1
    existing, _ = load_all(args.sites_dir)
    if path.exists() and not args.force:
        print(f"newscrawl new-site: {path} exists (use --force to overwrite)", file=sys.stderr)
        return 1
    if args.name in existing and not path.exists():
        print(f"newscrawl new-site: a site named {args.name!r} is already declared", file=sys.stderr)
        return 1
    path.write_text(text, encoding="utf-8")
    fixture_dir = args.fixtures_dir / args.name
    fixture_dir.mkdir(parents=True, exist_ok=True)
    page = display_path(fixture_dir / "article.html")
    stub = fixture_dir / ("article" + EXPECTED_SUFFIX)
    if not stub.exists():
        write_expected(stub, {
            "url": f"https://{domain}/REPLACE-with-the-article-url",
            "note": "Stub: save an article page as article.html beside this file, then run "
                    f"`newscrawl fixture {page} --site {args.name} --url URL` and review the result.",
        })
    print(f"wrote {display_path(path)}\nwrote {display_path(stub)}\nnext: fill in the sources and article_url, save an article page as {page},\n"
          f"      then: newscrawl fixture {page} --site {args.name} --url URL && newscrawl check {args.name}")
    return 0

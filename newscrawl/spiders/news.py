"""The generic news spider: discovery from a site declaration, then article pages.

All sites share this spider; a site is only its declaration.  Discovery
sources are read in order of how fresh and cheap they are: news sitemaps,
feeds, sitemaps, then section pages with pagination.  One-off fetches of given
URLs (``-a urls=a,b`` or ``-a urls_file=FILE``) skip discovery.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor

from newscrawl.discovery import MAX_SITEMAP_ENTRIES, parse_feed, parse_sitemap
from newscrawl.items import FetchedPage
from newscrawl.sites import SiteDeclaration, load_registry
from newscrawl.state.policy import parse_date

_NEXT_TEXT = re.compile(r"^\s*(next|tiếp|sau|trang sau|›|»|>|weiter|suivant|siguiente)\s*[›»>]?\s*$", re.I)


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(
        self,
        site: str | SiteDeclaration | None = None,
        urls: str | None = None,
        urls_file: str | None = None,
        demo_base: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if isinstance(site, SiteDeclaration):
            self.site = site
        elif demo_base:
            # The bundled demo site served at demo_base (scrapyd and tests point the spider at a running DemoServer).
            from newscrawl.cli.demo import demo_site

            self.site = demo_site(demo_base.rstrip("/"))
        elif site:
            registry = load_registry()
            if site not in registry:
                raise ValueError(f"unknown site {site!r}; known: {', '.join(sorted(registry)) or 'none'}")
            self.site = registry[site]
        else:
            self.site = None  # type: ignore[assignment]
        self.given_urls = [u.strip() for u in (urls or "").split(",") if u.strip()]
        if urls_file:
            lines = Path(urls_file).read_text(encoding="utf-8").splitlines()
            self.given_urls += [line.strip() for line in lines if line.strip() and not line.startswith("#")]
        if self.site is None and not self.given_urls:
            raise ValueError("give a site (-a site=NAME) or URLs (-a urls=... / -a urls_file=...)")
        # Host names only: the offsite filter compares host names, and a port would make it drop everything.
        domains = list(self.site.domains) if self.site else [urlsplit(u).netloc for u in self.given_urls]
        self.allowed_domains = sorted({d.split(":")[0] for d in domains if d})
        self.site_name = self.site.name if self.site else "adhoc"
        self.section_pages: dict[str, int] = {}
        # No allow_domains here: LinkExtractor compares netlocs, so a site on a non-default
        # port would yield no links; _on_site() compares host names instead.
        self.article_links = LinkExtractor(unique=True)

    async def start(self) -> AsyncIterator[Any]:
        for url in self.given_urls:
            yield scrapy.Request(url, callback=self.parse_article, meta={"discovery": {"source": "given"}})
        if self.site is None:
            return
        for url in [*self.site.news_sitemaps, *self.site.sitemaps]:
            yield scrapy.Request(url, callback=self.parse_sitemap, meta={"discovery_source": "sitemap"}, priority=10)
        for url in self.site.feeds:
            yield scrapy.Request(url, callback=self.parse_feed, priority=10)
        for url in [*self.site.sections.urls, *self.site.start_urls]:
            yield scrapy.Request(url, callback=self.parse_section, meta={"section_root": url, "section_page": 1})

    # --- discovery -----------------------------------------------------
    def _article_request(self, url: str, discovery: dict[str, str | None]) -> scrapy.Request | None:
        if self.site and not self.site.is_article_url(url):
            return None
        return scrapy.Request(url, callback=self.parse_article, meta={"discovery": discovery})

    def _since(self) -> datetime | None:
        since = self.settings.get("NEWSCRAWL_SINCE")
        return parse_date(since) if since else None

    def parse_sitemap(self, response: Response) -> Iterable[scrapy.Request]:
        limit = self.settings.getint("NEWSCRAWL_SITEMAP_MAX_ENTRIES", MAX_SITEMAP_ENTRIES)
        since = self._since()
        for entry in parse_sitemap(response.body, limit=limit):
            if entry.is_sitemap:
                # A child sitemap last modified before --since holds nothing newer.
                changed = parse_date(entry.lastmod)
                if since is not None and changed is not None and changed < since:
                    self.crawler.stats.inc_value("newscrawl/discovery/sitemaps_skipped_before_since")
                    continue
                yield scrapy.Request(entry.url, callback=self.parse_sitemap, priority=10)
                continue
            request = self._article_request(
                entry.url, {"source": "sitemap", "lastmod": entry.lastmod, "published": entry.published, "title": entry.title}
            )
            if request is not None:
                yield request

    def parse_feed(self, response: Response) -> Iterable[scrapy.Request]:
        for entry in parse_feed(response.body):
            request = self._article_request(entry.url, {"source": "feed", "lastmod": entry.lastmod, "published": entry.published, "title": entry.title})
            if request is not None:
                yield request

    def _on_site(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def parse_section(self, response: Response) -> Iterable[scrapy.Request]:
        if not isinstance(response, TextResponse):
            return
        # Without an article-URL pattern every menu and footer link would be fetched as an article.
        links = self.article_links.extract_links(response) if self.site and self.site.article_url else []
        for link in links:
            if self._on_site(link.url):
                request = self._article_request(link.url, {"source": "section", "section": response.url})
                if request is not None:
                    yield request
        page = response.meta.get("section_page", 1)
        max_pages = self.site.sections.max_pages if self.site else 1
        if page >= max_pages:
            return
        for url in self._pagination_links(response):
            yield response.follow(url, callback=self.parse_section, meta={"section_root": response.meta.get("section_root"), "section_page": page + 1})

    def _pagination_links(self, response: TextResponse) -> list[str]:
        links = response.css('link[rel="next"]::attr(href), a[rel="next"]::attr(href)').getall()
        pattern = self.site.sections.pagination if self.site else None
        for a in response.css("a[href]"):
            href = a.attrib["href"]
            text = " ".join(a.css("::text").getall())
            if (pattern and re.search(pattern, response.urljoin(href))) or _NEXT_TEXT.match(text):
                links.append(href)
        return list(dict.fromkeys(links))

    # --- articles --------------------------------------------------------
    def parse_article(self, response: Response) -> Iterable[FetchedPage]:
        headers = {k.decode("latin-1").lower(): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
        yield FetchedPage(
            url=response.url,
            body=response.body,
            site=self.site_name,
            status=response.status,
            encoding=response.encoding if isinstance(response, TextResponse) else None,
            fetched_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            discovery=dict(response.meta.get("discovery") or {}),
            headers=headers,
        )

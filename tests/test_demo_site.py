"""The bundled demo news site, page by page, against data/demo_site/expected.json.

Three groups:

* extraction targets: each article page run through ``pipelines.extract`` must
  give the expected title, language, date, authors, every story paragraph, none
  of the page's furniture (player, captions, widgets, comments, teasers), and
  exactly the expected related-news teasers; hub and listing pages must not be
  judged articles;
* the fixture's own integrity (the expected strings really are on the pages,
  every article is reachable from the sitemaps, the feed and a section page);
* the static server (placeholder substitution, conditional requests, 404).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html as lxml_html

from newscrawl.demo.server import DemoServer, render_page

ROOT = Path(__file__).resolve().parents[1] / "data" / "demo_site"
BASE = "http://demo.test"
PAGES = json.loads((ROOT / "expected.json").read_text(encoding="utf-8"))["pages"]
ARTICLES = sorted(rel for rel, spec in PAGES.items() if spec["kind"] == "article")
OTHERS = sorted(rel for rel, spec in PAGES.items() if spec["kind"] != "article")


def _ws(text: str | None) -> str:
    return " ".join((text or "").split())


def _datetime(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _extract(rel: str):
    from pipelines import extract  # imported here: the core is developed alongside these tests

    return extract(render_page(ROOT, rel, BASE), f"{BASE}/{rel}")


@pytest.fixture(scope="module")
def extracted():
    cache: dict = {}

    def get(rel: str):
        if rel not in cache:
            cache[rel] = _extract(rel)
        return cache[rel]

    return get


# ------------------------------------------------------------------ extraction targets


@pytest.mark.parametrize("rel", ARTICLES)
def test_article_metadata(rel, extracted):
    spec, article = PAGES[rel], extracted(rel)
    assert _ws(article.title) == _ws(spec["title"])
    assert article.language == spec["language"]
    assert article.published is not None, "no publication date"
    got, want = _datetime(article.published), _datetime(spec["published"])
    assert (got, got.utcoffset()) == (want, want.utcoffset()), (article.published, spec["published"])
    assert article.authors == spec["authors"]


@pytest.mark.parametrize("rel", ARTICLES)
def test_article_body_is_the_story_only(rel, extracted):
    spec, article = PAGES[rel], extracted(rel)
    body = _ws(article.body)
    missing = [p[:70] for p in spec["paragraphs"] if _ws(p) not in body]
    assert not missing, f"story paragraphs missing from body: {missing}"
    leaked = [junk for junk in spec["must_not_contain"] if _ws(junk) in body]
    assert not leaked, f"furniture in body: {leaked}"


@pytest.mark.parametrize("rel", ARTICLES)
def test_article_related_teasers(rel, extracted):
    spec, article = PAGES[rel], extracted(rel)
    want = {urljoin(BASE, r["url"]) for r in spec["related"]}
    got = {r.url for r in article.related}
    assert got == want, f"missing {sorted(want - got)}, unexpected {sorted(got - want)}"
    by_url = {r.url: r for r in article.related}
    for r in spec["related"]:
        link = by_url[urljoin(BASE, r["url"])]
        if r["title"] is not None:
            assert _ws(link.title) == _ws(r["title"]), r["url"]
        if r["summary"] is not None:
            assert _ws(link.summary) == _ws(r["summary"]), r["url"]


@pytest.mark.parametrize("rel", OTHERS)
def test_hubs_and_listings_are_not_articles(rel, extracted):
    assert extracted(rel).extraction.page_type != "article"


# ------------------------------------------------------------------ fixture integrity


def _page_text_and_links(rel: str) -> tuple[str, set[str]]:
    doc = lxml_html.fromstring(render_page(ROOT, rel, BASE))
    for node in doc.xpath("//script|//style"):
        node.drop_tree()
    links = {urljoin(f"{BASE}/{rel}", a.get("href")).split("#")[0] for a in doc.xpath("//a[@href]")}
    return _ws(doc.text_content()), links


def test_expected_covers_every_html_page():
    on_disk = {p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*.html")}
    assert on_disk == set(PAGES)
    assert len(ARTICLES) >= 15
    assert {PAGES[r]["language"] for r in ARTICLES} == {"vi", "en"}
    assert {PAGES[r]["kind"] for r in OTHERS} == {"hub", "listing"}


@pytest.mark.parametrize("rel", ARTICLES)
def test_expected_strings_are_on_the_page(rel):
    spec = PAGES[rel]
    text, links = _page_text_and_links(rel)
    assert _ws(spec["title"]) in text
    for paragraph in spec["paragraphs"]:
        assert _ws(paragraph) in text, paragraph[:60]
    story = [_ws(p) for p in spec["paragraphs"] + [spec["lead"]]]
    for junk in spec["must_not_contain"]:
        assert _ws(junk) in text, f"not on the page: {junk!r}"
        assert not any(_ws(junk) in p for p in story), f"{junk!r} is part of the story itself"
    urls = [urljoin(BASE, r["url"]) for r in spec["related"]]
    assert len(urls) == len(set(urls)), "a teaser URL is listed twice"
    assert f"{BASE}/{rel}" not in urls
    for r, url in zip(spec["related"], urls, strict=True):
        assert url in links, f"teaser not linked: {r['url']}"
        for field in ("title", "summary"):
            if r[field] is not None:
                assert _ws(r[field]) in text, (field, r[field][:60])
    datetime.fromisoformat(spec["published"])


def test_every_article_is_discoverable():
    def locs(name: str) -> set[str]:
        text = render_page(ROOT, name, BASE)
        return set(re.findall(r"<(?:loc|link)>([^<]+)</(?:loc|link)>", text))

    index = render_page(ROOT, "sitemap.xml", BASE)
    assert f"{BASE}/sitemap-articles.xml" in index and "<lastmod>" in index
    robots = render_page(ROOT, "robots.txt", BASE)
    assert "Disallow: /admin/" in robots and f"Sitemap: {BASE}/sitemap.xml" in robots
    sections = [r for r in OTHERS if r != "index.html"]
    section_links = set().union(*(_page_text_and_links(r)[1] for r in sections))
    for name in ("sitemap-articles.xml", "news-sitemap.xml", "rss.xml"):
        found = {urlsplit(u).path.lstrip("/") for u in locs(name)} - {""}
        assert set(ARTICLES) <= found, (name, set(ARTICLES) - found)
    for rel in ARTICLES:
        assert f"{BASE}/{rel}" in section_links, rel
    # Sitemaps and the feed link only to pages that exist.
    for name in ("sitemap.xml", "sitemap-articles.xml", "sitemap-sections.xml", "news-sitemap.xml", "rss.xml"):
        for url in locs(name):
            path = urlsplit(url).path.lstrip("/")
            target = ROOT / path / "index.html" if path.endswith("/") or not path else ROOT / path
            assert target.is_file(), (name, url)


def test_seed_page_reproduces_the_motivating_page():
    rel = "thoi-su/24-nghin-mo-hinh-dan-van-kheo.html"
    spec = PAGES[rel]
    assert spec["title"] == "Hơn 24 nghìn mô hình dân vận khéo được triển khai"
    assert spec["lead"].startswith("Sáng nay, 31/7,")
    for junk in ("Video Player is loading.", "Current Time 0:00", "Duration 0:00", "Loaded: 0%", "Stream Type LIVE",
                 "Remaining Time 0:00", "1x", "Bài viết hay? Hãy đánh giá bài viết", "User", "Ý KIẾN",
                 "Phó Bí thư Thường trực Thành ủy Nguyễn Thị Tuyến chủ trì hội nghị"):
        assert junk in spec["must_not_contain"]
    assert len(spec["related"]) == 6
    assert all(r["title"] is None and r["summary"] for r in spec["related"])


# ------------------------------------------------------------------ the server


def _get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def test_server_serves_the_site_with_validators():
    with DemoServer(ROOT) as server:
        base = server.base_url
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base)

        status, headers, body = _get(f"{base}/robots.txt")
        assert status == 200 and headers["Content-Type"] == "text/plain; charset=utf-8"
        assert f"Sitemap: {base}/sitemap.xml" in body.decode("utf-8")

        status, headers, body = _get(f"{base}/thoi-su/24-nghin-mo-hinh-dan-van-kheo.html")
        text = body.decode("utf-8")
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert "__BASE_URL__" not in text and f'href="{base}/thoi-su/24-nghin-mo-hinh-dan-van-kheo.html"' in text
        assert text == render_page(ROOT, "thoi-su/24-nghin-mo-hinh-dan-van-kheo.html", base)
        etag, last_modified = headers["ETag"], headers["Last-Modified"]

        status, headers, body = _get(f"{base}/thoi-su/24-nghin-mo-hinh-dan-van-kheo.html", {"If-None-Match": etag})
        assert status == 304 and body == b""
        status, _, _ = _get(f"{base}/thoi-su/24-nghin-mo-hinh-dan-van-kheo.html", {"If-Modified-Since": last_modified})
        assert status == 304
        status, _, _ = _get(f"{base}/thoi-su/24-nghin-mo-hinh-dan-van-kheo.html", {"If-None-Match": '"other"'})
        assert status == 200

        status, headers, body = _get(f"{base}/thoi-su/")
        assert status == 200 and b"<h1" in body and b"__BASE_URL__" not in body
        status, _, body = _get(f"{base}/")
        assert status == 200 and body.decode("utf-8") == render_page(ROOT, "index.html", base)
        status, headers, body = _get(f"{base}/sitemap.xml")
        assert status == 200 and headers["Content-Type"].endswith("charset=utf-8") and base.encode() in body

        assert _get(f"{base}/khong-co-trang-nay.html")[0] == 404
        assert _get(f"{base}/admin/")[0] == 404
        # Nothing outside the site's folder, and a NUL byte is a 404, not a dropped connection.
        for path in ("/%2e%2e/%2e%2e/pyproject.toml", "/..%2f..%2fpyproject.toml", "/a%00b.html"):
            assert _get(base + path)[0] == 404, path


def test_render_page_substitutes_the_placeholder():
    text = render_page(ROOT, "/rss.xml", "http://example.test/")
    assert "__BASE_URL__" not in text and "<link>http://example.test/</link>" in text

"""Sitemaps (plain, index, news, gzipped) and feeds to discovered entries."""

import gzip

from newscrawl.discovery import parse_feed, parse_sitemap

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://example.vn/thoi-su/a-b-c.html</loc>
    <news:news><news:publication><news:name>Example</news:name><news:language>vi</news:language></news:publication>
      <news:publication_date>2024-07-31T10:25:00+07:00</news:publication_date><news:title>Tin s\xe1\xbb\x91 m\xe1\xbb\x99t</news:title></news:news>
  </url>
  <url><loc>https://example.vn/kinh-te/d-e-f.html</loc><lastmod>2024-08-01</lastmod></url>
</urlset>"""

INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://example.vn/sitemap-1.xml</loc><lastmod>2024-08-01T00:00:00Z</lastmod></sitemap>
</sitemapindex>"""


def test_news_sitemap_keeps_publication_date_and_title():
    entries = list(parse_sitemap(NEWS_SITEMAP))
    assert [e.url for e in entries] == ["https://example.vn/thoi-su/a-b-c.html", "https://example.vn/kinh-te/d-e-f.html"]
    assert entries[0].published == "2024-07-31T10:25:00+07:00"
    assert entries[0].title == "Tin số một"
    assert entries[1].lastmod == "2024-08-01" and not entries[1].is_sitemap


def test_sitemap_index_and_gzip():
    entries = list(parse_sitemap(gzip.compress(INDEX)))
    assert len(entries) == 1 and entries[0].is_sitemap and entries[0].lastmod == "2024-08-01T00:00:00Z"


def test_sitemap_cap_and_garbage():
    many = b"<urlset>" + b"".join(b"<url><loc>https://e.vn/%d.html</loc></url>" % i for i in range(100)) + b"</urlset>"
    assert len(list(parse_sitemap(many, limit=10))) == 10
    assert list(parse_sitemap(b"this is not xml")) == []


def test_rss_and_atom_feeds():
    rss = b"""<rss version="2.0"><channel><title>T</title>
      <item><title>One</title><link>https://e.vn/one.html</link><pubDate>Wed, 31 Jul 2024 03:25:00 GMT</pubDate></item>
      <item><title>No link</title></item></channel></rss>"""
    entries = parse_feed(rss)
    assert [(e.url, e.title) for e in entries] == [("https://e.vn/one.html", "One")]
    assert entries[0].published == "Wed, 31 Jul 2024 03:25:00 GMT"
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><title>Two</title><link href="https://e.com/two"/><updated>2024-08-01T10:00:00Z</updated></entry></feed>"""
    assert [(e.url, e.lastmod) for e in parse_feed(atom)] == [("https://e.com/two", "2024-08-01T10:00:00Z")]

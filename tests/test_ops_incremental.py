"""Incremental runs against the demo site (a temp copy, served for all runs at one address).

1. a first run writes every demo article, version 1;
2. a second run writes nothing and fetches only robots.txt, sitemaps, the feed and section
   pages: articles are skipped on their sitemap dates or answered 304;
3. after one article's text and dateModified change (and its sitemap lastmod, as the site's
   CMS does), a third run writes exactly that article, version 2, with previous_hash;
4. with --revalidate-all, a change the sitemap does not announce (text and dateModified only)
   is found by conditional GETs: exactly that article again, version 2.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from ops_helpers import DEMO_SITE, copy_demo_site, crawl, read_outputs, report_of

pytestmark = pytest.mark.skipif(not (DEMO_SITE / "expected.json").exists(), reason="no demo site")


def _articles() -> dict[str, dict]:
    pages = json.loads((DEMO_SITE / "expected.json").read_text(encoding="utf-8"))["pages"]
    return {"/" + path: spec for path, spec in pages.items() if spec["kind"] == "article"}


class RequestLog:
    """(path, status) of every request the demo server answers."""

    def __init__(self, server) -> None:  # type: ignore[no-untyped-def]
        self.entries: list[tuple[str, int]] = []
        entries = self.entries

        def log_request(handler, code="-", size="-"):  # type: ignore[no-untyped-def]
            entries.append((urlsplit(handler.path).path, int(code)))

        server._httpd.RequestHandlerClass.log_request = log_request

    def take(self) -> list[tuple[str, int]]:
        taken = list(self.entries)
        self.entries.clear()
        return taken


def _edit_article(site: Path, path: str, spec: dict, new_modified: str, sitemap: bool) -> str:
    page = site / path.lstrip("/")
    html = page.read_text(encoding="utf-8")
    old = spec["paragraphs"][0].split()[:6]
    # The first words of the first paragraph, whatever whitespace the markup has between them.
    pattern = r"\s+".join(map(re.escape, old))
    added = "Cập nhật: thông tin mới được bổ sung vào bài viết"
    html, n = re.subn(pattern, added + " " + " ".join(old), html, count=1)
    assert n == 1, "first paragraph not found in the page"
    html, n = re.subn(r'("dateModified"\s*:\s*")[^"]+(")', rf"\g<1>{new_modified}\g<2>", html)
    assert n >= 1, "no dateModified in the page"
    page.write_text(html, encoding="utf-8")
    if sitemap:
        for name in ("sitemap-articles.xml",):
            xml_path = site / name
            xml = xml_path.read_text(encoding="utf-8")
            xml, n = re.subn(rf"(<loc>__BASE_URL__{re.escape(path)}</loc>\s*<lastmod>)[^<]+(</lastmod>)",
                             rf"\g<1>{new_modified}\g<2>", xml)
            assert n == 1, f"{path} not in {name}"
            xml_path.write_text(xml, encoding="utf-8")
    return added


def _new_lines(out: Path, seen: set[Path]) -> list[dict]:
    files = [f for f in read_outputs(out).files if f not in seen]
    seen.update(files)
    return [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines()]


def test_second_run_fetches_nothing_unchanged_and_a_changed_article_comes_back_as_version_2(tmp_path, capsys):
    from newscrawl.demo.server import DemoServer

    articles = _articles()
    site = copy_demo_site(tmp_path / "site")
    out, state, runs = tmp_path / "out", tmp_path / "state", tmp_path / "runs"
    seen: set[Path] = set()
    with DemoServer(site) as server:
        log = RequestLog(server)

        first = crawl(server.base_url, out, state, runs)
        assert first.returncode == 0, first.stderr[-3000:]
        run1 = _new_lines(out, seen)
        assert sorted(urlsplit(r["url"]).path for r in run1) == sorted(articles)
        assert {r["version"] for r in run1} == {1}
        hashes = {urlsplit(r["url"]).path: r["body_hash"] for r in run1}
        requests1 = log.take()

        second = crawl(server.base_url, out, state, runs)
        assert second.returncode == 0, second.stderr[-3000:]
        assert _new_lines(out, seen) == []
        report2 = report_of(runs)["sites"]["demo"]
        requests2 = log.take()
        fetched2 = sorted(p for p, status in requests2 if status == 200)
        assert not set(fetched2) & set(articles), "an unchanged article was fetched again"
        # Not even a conditional GET: the sitemap dates decide, whichever discovery response came first.
        assert not {p for p, _ in requests2} & set(articles), "an unchanged article was requested again"
        assert report2["articles"]["written"] == 0 and report2["articles"]["new"] == 0
        assert all(status in (200, 304) for _, status in requests2)

        changed = "/world/central-vietnam-braces-for-heavy-rain.html"
        added = _edit_article(site, changed, articles[changed], "2024-08-01T09:00:00+07:00", sitemap=True)
        third = crawl(server.base_url, out, state, runs)
        assert third.returncode == 0, third.stderr[-3000:]
        run3 = _new_lines(out, seen)
        requests3 = log.take()
        assert [urlsplit(r["url"]).path for r in run3] == [changed]
        assert run3[0]["version"] == 2 and run3[0]["previous_hash"] == hashes[changed]
        assert added in run3[0]["body"] and run3[0]["modified"].startswith("2024-08-01T09:00")
        assert sorted(p for p, s in requests3 if s == 200 and p in articles) == [changed]

        quiet_change = "/thoi-su/ha-noi-mo-them-5-tuyen-buyt-dien.html"
        added = _edit_article(site, quiet_change, articles[quiet_change], "2024-08-02T08:00:00+07:00", sitemap=False)
        fourth = crawl(server.base_url, out, state, runs, "--revalidate-all")
        assert fourth.returncode == 0, fourth.stderr[-3000:]
        run4 = _new_lines(out, seen)
        requests4 = log.take()
        assert [urlsplit(r["url"]).path for r in run4] == [quiet_change]
        assert run4[0]["version"] == 2 and run4[0]["previous_hash"] == hashes[quiet_change] and added in run4[0]["body"]
        assert sorted(p for p, s in requests4 if s == 200 and p in articles) == [quiet_change]
        not_modified4 = sum(1 for p, s in requests4 if s == 304 and p in articles)
        assert not_modified4 == len(articles) - 1

    with capsys.disabled():
        print(f"\nincremental: run 1 wrote {len(run1)} articles with {len(requests1)} requests;"
              f" run 2 wrote 0 with {len(requests2)} requests ({len(fetched2)} x 200, all discovery pages:"
              f" {', '.join(fetched2)}; {sum(1 for _, s in requests2 if s == 304)} x 304;"
              f" {report2['skipped_unchanged']} articles skipped on sitemap dates);"
              f" run 3 wrote 1 (version 2) with {len(requests3)} requests;"
              f" run 4 (--revalidate-all) wrote 1 (version 2), {not_modified4} articles answered 304")

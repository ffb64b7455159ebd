"""The state layer without a crawl: SQLite backend, decisions, locks, recovery of killed runs."""

from __future__ import annotations

import fcntl
import json
import os

import pytest

from newscrawl.components.jsonl import output_path, recover_orphans
from newscrawl.components.run import reconcile
from newscrawl.state import ArticleState, LockHeld, SiteLock, UrlState, decide
from newscrawl.state.sqlite import SqliteState


def _line(url: str, body_hash: str, version: int = 1) -> bytes:
    return (json.dumps({"url": url, "site": "demo", "body_hash": body_hash, "version": version,
                        "fetched_at": "2024-07-31T00:00:00+00:00"}) + "\n").encode()


def test_sqlite_state_round_trip(tmp_path):
    state = SqliteState(tmp_path / "demo.sqlite", "demo")
    state.mark_seen(["https://e.vn/a.html"], "2024-07-31T00:00:00+00:00")
    url = UrlState(url="https://e.vn/a.html", site="demo", last_fetch="2024-07-31T01:00:00+00:00", etag='"x"', outcome="written")
    state.record_written(url, ArticleState(key="https://e.vn/a.html", site="demo", url=url.url, body_hash="h1", version=1))
    state.close()
    again = SqliteState(tmp_path / "demo.sqlite", "demo")
    got = again.get_url("https://e.vn/a.html")
    assert got and got.first_seen == "2024-07-31T00:00:00+00:00" and got.etag == '"x"'
    assert again.find_hash("h1").key == "https://e.vn/a.html"  # type: ignore[union-attr]
    assert again.counts() == {"urls_known": 1, "urls_fetched": 1, "articles_known": 1}
    again.close()


def test_decisions():
    fetched = UrlState(url="u", site="s", last_fetch="2024-07-31T05:00:00+00:00", source_date="2024-07-31T10:00:00+07:00", etag='"e"')
    assert decide(None, {"lastmod": "2024-07-31"}).action == "fetch"
    assert decide(fetched, {"lastmod": "2024-07-31T10:00:00+07:00"}).reason == "unchanged_by_date"
    assert decide(fetched, {"lastmod": "2024-07-31T11:00:00+07:00"}).reason == "changed_by_date"
    assert decide(fetched, {"published": "Wed, 31 Jul 2024 12:00:00 +0700"}).reason == "changed_by_date"
    # An undated link to a URL a sitemap/feed listed: the dated source decides (arrival order must not).
    assert decide(fetched, {}).reason == "listed_by_dated_source"
    assert decide(fetched, {}, trust_dates=False).action == "revalidate"
    only_section = UrlState(url="u", site="s", last_fetch="2024-07-31T05:00:00+00:00", etag='"e"')
    assert decide(only_section, {}).action == "revalidate"
    assert decide(fetched, {"lastmod": "2024-07-31T10:00:00+07:00"}, trust_dates=False).action == "revalidate"
    from newscrawl.state import parse_date
    assert decide(None, {"lastmod": "2020-01-01"}, since=parse_date("2024-01-01")).reason == "before_since"


def test_site_lock_is_exclusive_and_released(tmp_path):
    with SiteLock(tmp_path, "demo"), pytest.raises(LockHeld, match="another crawl of this site is running"):
        SiteLock(tmp_path, "demo").acquire()
    SiteLock(tmp_path, "demo").acquire().release()


def test_recovery_keeps_whole_lines_teaches_the_state_and_skips_live_files(tmp_path):
    root = tmp_path / "out"
    day = root / "demo" / "2024-07-31"
    day.mkdir(parents=True)
    orphan = day / "20240731T000000Z-aaaaaa.jsonl.part"
    orphan.write_bytes(_line("https://e.vn/1.html", "h1") + _line("https://e.vn/2.html", "h2") + b'{"url": "https://e.vn/3.h')
    live = day / "20240731T000100Z-bbbbbb.jsonl.part"
    live.write_bytes(_line("https://e.vn/4.html", "h4"))
    fd = os.open(live, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        recovered = recover_orphans(root, "demo")
    finally:
        os.close(fd)
    assert [r.path.name for r in recovered] == ["20240731T000000Z-aaaaaa.jsonl"]
    final = day / "20240731T000000Z-aaaaaa.jsonl"
    assert final.read_bytes() == _line("https://e.vn/1.html", "h1") + _line("https://e.vn/2.html", "h2")
    assert live.exists() and not orphan.exists()
    assert json.loads((root / "demo" / "latest.json").read_text())["path"] == "2024-07-31/20240731T000000Z-aaaaaa.jsonl"

    state = SqliteState(":memory:", "demo")
    reconcile(state, recovered)
    assert state.get_article("https://e.vn/2.html").body_hash == "h2"  # type: ignore[union-attr]
    assert state.get_url("https://e.vn/1.html").outcome == "written"  # type: ignore[union-attr]


def test_output_paths_stay_under_the_root(tmp_path):
    for site, run in (("../../etc", "x"), ("demo", "../../../tmp/evil"), ("/abs", "..")):
        path = output_path(tmp_path, site, run, "2024-07-31", gzip_output=True)
        assert path.is_relative_to(tmp_path.resolve()) and path.name.endswith(".jsonl.gz")


def test_a_page_reached_by_an_undated_link_keeps_its_sitemap_date(tmp_path):
    # Run 1 followed a section link to the article before the sitemap listing it was
    # read: the fetch carried no date.  The sitemap's date must still reach the state,
    # or run 2 revalidates the article when the section link comes first again.
    from datetime import datetime

    from newscrawl.components.run import keep_listed_dates

    state = SqliteState(tmp_path / "demo.sqlite", "demo")
    url = "https://e.vn/a.html"
    state.record_fetch(UrlState(url=url, site="demo", last_fetch="2024-07-31T05:00:00+00:00", etag='"e"'))
    assert decide(state.get_url(url), {"source": "section"}).action == "revalidate"
    keep_listed_dates(state, {url: datetime.fromisoformat("2024-07-31T10:00:00+07:00"),
                              "https://e.vn/never-fetched.html": datetime.fromisoformat("2024-07-31T10:00:00+07:00")})
    assert state.get_url(url).source_date == "2024-07-31T10:00:00+07:00"  # type: ignore[union-attr]
    assert decide(state.get_url(url), {"source": "section"}).reason == "listed_by_dated_source"
    assert state.get_url("https://e.vn/never-fetched.html") is None
    state.close()

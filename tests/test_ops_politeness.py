"""Politeness against a scripted local server: robots.txt per RFC 9309, Retry-After on 429/503.

* robots.txt answering 503 -> the host is disallowed (nothing fetched but robots.txt), nothing recorded,
  so the next run tries again; robots.txt answering 404 -> everything allowed;
* an article answering ``429 Retry-After: 1`` is asked again no sooner than a second later, then written.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from ops_helpers import DEMO_SITE, ROOT, env, read_outputs, report_of

from newscrawl.middlewares.retry_after import retry_after_seconds
from newscrawl.state.policy import decide

pytestmark = pytest.mark.skipif(not (DEMO_SITE / "expected.json").exists(), reason="no demo site")
ARTICLE = "world/central-vietnam-braces-for-heavy-rain.html"


class Scripted(BaseHTTPRequestHandler):
    robots_status = 200
    robots_body = b"User-agent: *\nAllow: /\n"
    throttled: set[str] = set()
    log: list[tuple[str, int, float]] = []

    def log_message(self, *args) -> None:  # noqa: D401 - silent
        pass

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        base = f"http://{self.headers['Host']}"
        if path == "/robots.txt":
            status, body = self.robots_status, self.robots_body
        elif path == "/sitemap.xml":
            status = 200
            body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<url><loc>{base}/{ARTICLE}</loc></url></urlset>").encode()
        elif path == f"/{ARTICLE}":
            status, body = 200, (DEMO_SITE / ARTICLE).read_text(encoding="utf-8").replace("__BASE_URL__", base).encode()
            if path in self.throttled:
                self.throttled.discard(path)
                status, body = 429, b"slow down"
        else:
            status, body = 404, b"not here"
        self.log.append((path, status, time.monotonic()))
        self.send_response(status)
        if status == 429:
            self.send_header("Retry-After", "1")
        self.send_header("Content-Type", "text/html; charset=utf-8" if path.endswith(".html") else "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server():
    handler = type("Handler", (Scripted,), {"log": [], "throttled": set(), "robots_status": 200})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _crawl(tmp_path: Path, base: str, sources: str = ""):  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    site = tmp_path / "scripted.toml"
    site.write_text(f'name = "scripted"\ndomains = ["127.0.0.1", "{urlsplit(base).netloc}"]\n'
                    f'sitemaps = ["{base}/sitemap.xml"]\n{sources}')
    cmd = [sys.executable, "-m", "newscrawl", "crawl", str(site), "--output-dir", str(tmp_path / "out"),
           "--state-dir", str(tmp_path / "state"), "--runs-dir", str(tmp_path / "runs"), "--quiet",
           "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=1"]
    proc = subprocess.run(cmd, cwd=ROOT, env=env(), capture_output=True, text=True, timeout=300)
    return proc, report_of(tmp_path / "runs")["sites"]["scripted"]


def test_robots_5xx_disallows_the_host_and_the_next_run_tries_again(tmp_path, server):
    handler, base = server
    handler.robots_status = 503
    proc, report = _crawl(tmp_path, base)
    assert {p for p, _, _ in handler.log} == {"/robots.txt"}, proc.stderr[-3000:]  # retried, then nothing else
    assert report["robots_unreachable"] == 1 and report["robots_denied"] >= 1
    assert proc.returncode != 0 and not read_outputs(tmp_path / "out").records

    handler.robots_status = 404  # "unavailable": no rules, everything allowed
    handler.log.clear()
    proc, report = _crawl(tmp_path, base)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"/{ARTICLE}" in {p for p, _, _ in handler.log}
    assert len(read_outputs(tmp_path / "out").records) == 1


@pytest.mark.parametrize("robots", ["503", "disallow all"])
def test_robots_holds_back_every_request_that_waited_for_it(tmp_path, server, robots):
    # Several start requests wait for the one robots.txt fetch; each of them must get its answer
    # (Scrapy 2.19 hands the parser to the first waiter only, and None, "allow all", to the rest).
    handler, base = server
    if robots == "503":
        handler.robots_status = 503
    else:
        handler.robots_body = b"User-agent: *\nDisallow: /\n"
    sources = (f'feeds = ["{base}/rss.xml", "{base}/news/rss.xml"]\n'
               f'start_urls = ["{base}/", "{base}/news/", "{base}/world/"]\n')
    proc, report = _crawl(tmp_path, base, sources)
    assert {p for p, _, _ in handler.log} == {"/robots.txt"}, proc.stderr[-3000:]
    assert report["robots_denied"] == 6


def test_retry_after_is_honoured_before_asking_again(tmp_path, server):
    handler, base = server
    handler.throttled.add(f"/{ARTICLE}")
    proc, report = _crawl(tmp_path, base)
    assert proc.returncode == 0, proc.stderr[-3000:]
    tries = [(status, at) for path, status, at in handler.log if path == f"/{ARTICLE}"]
    assert [s for s, _ in tries] == [429, 200]
    assert tries[1][1] - tries[0][1] >= 1.0  # a lower bound only: a slow machine waits longer, never shorter
    assert report["retry_after_honoured"] == 1 and len(read_outputs(tmp_path / "out").records) == 1


def test_retry_after_values():
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds("nonsense") is None
    from datetime import datetime
    now = datetime(2024, 7, 31, 10, 0, tzinfo=UTC)
    assert retry_after_seconds("Wed, 31 Jul 2024 10:00:30 GMT", now) == 30
    assert decide(None, {}).action == "fetch"

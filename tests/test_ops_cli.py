"""`newscrawl crawl` as cron runs it: exit codes, lock, limits, gzip output, full disk, unwritable output."""

from __future__ import annotations

import gzip
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ops_helpers import DEMO_SITE, ROOT, copy_demo_site, crawl, env, read_outputs, report_of

from newscrawl.settings import ITEM_PIPELINES
from newscrawl.state import SiteLock

pytestmark = pytest.mark.skipif(not (DEMO_SITE / "expected.json").exists(), reason="no demo site")
N_ARTICLES = sum(1 for s in json.loads((DEMO_SITE / "expected.json").read_text(encoding="utf-8"))["pages"].values()
                 if s["kind"] == "article") if (DEMO_SITE / "expected.json").exists() else 0


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from newscrawl.demo.server import DemoServer

    with DemoServer(copy_demo_site(tmp_path_factory.mktemp("demo") / "site")) as server:
        yield server.base_url


@pytest.fixture
def dirs(tmp_path):
    return tmp_path / "out", tmp_path / "state", tmp_path / "runs"


def _state_urls(state: Path) -> int:
    with sqlite3.connect(state / "demo.sqlite") as db:
        return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def test_full_disk_stops_the_run_keeps_whole_lines_and_the_rerun_completes(demo, dirs):
    out, state, runs = dirs
    pipelines = {**ITEM_PIPELINES}
    pipelines.pop("newscrawl.components.jsonl.JsonlWriterPipeline")
    pipelines["ops_helpers.FullDiskWriter"] = 900
    proc = crawl(demo, out, state, runs, "-s", f"ITEM_PIPELINES={json.dumps(pipelines)}", "-s", "NEWSCRAWL_TEST_DISK_LINES=4")
    assert proc.returncode == 5, proc.stderr[-3000:]
    assert "No space left on device" in proc.stderr
    got = read_outputs(out)
    assert got.invalid == 0 and len(got.records) == 4 and not got.parts  # finished in place, whole lines only
    assert report_of(runs)["sites"]["demo"]["finish_reason"] == "output_error"
    assert _state_urls(state) == 4  # the state knows exactly what the file holds

    again = crawl(demo, out, state, runs)
    assert again.returncode == 0, again.stderr[-3000:]
    union = read_outputs(out)
    assert union.invalid == 0 and len(union.records) == N_ARTICLES
    assert len({r["url"] for r in union.records}) == N_ARTICLES


def test_unwritable_output_folder_cannot_start_and_leaves_earlier_files_alone(demo, dirs, tmp_path):
    out, state, runs = dirs
    assert crawl(demo, out, state, runs, "--max-articles", "2").returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    proc = crawl(demo, blocker / "articles", state, runs)
    assert proc.returncode == 3, proc.stderr[-3000:]
    assert "could not start" in proc.stderr or "not writable" in proc.stderr
    assert "output folder" in proc.stderr and "Not a directory" in proc.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_a_second_run_of_a_site_exits_at_once_while_the_first_holds_the_lock(demo, dirs):
    out, state, runs = dirs
    with SiteLock(state, "demo"):
        started = time.monotonic()
        proc = crawl(demo, out, state, runs)
        took = time.monotonic() - started
    assert proc.returncode == 75, proc.stderr[-3000:]
    assert "another crawl of this site is running" in proc.stderr
    assert not out.exists() or not any(out.rglob("*.jsonl"))
    print(f"lock held: exit 75 after {took:.1f}s")


def test_an_unreadable_state_stops_the_run_instead_of_crawling_without_it(demo, dirs):
    out, state, runs = dirs
    state.mkdir()
    (state / "demo.sqlite").write_bytes(b"not a database " * 100)
    proc = crawl(demo, out, state, runs)
    assert proc.returncode == 3, proc.stderr[-3000:]
    assert "cannot open the crawl state" in proc.stderr
    assert not read_outputs(out).records  # without its state the run would write every story again


def test_bad_configuration_cannot_start(dirs, tmp_path):
    out, state, runs = dirs
    (tmp_path / "a-file").write_text("not a folder")
    unusable_locks = ["--demo-base", "http://127.0.0.1:9", "--state-dir", str(state), "--runs-dir", str(runs),
                      "-s", f"NEWSCRAWL_LOCK_DIR={tmp_path / 'a-file' / 'locks'}"]
    since_setting = ["--demo-base", "http://127.0.0.1:9", "-s", "NEWSCRAWL_SINCE=garbage"]
    for args in (["no-such-site"], ["--demo-base", "http://127.0.0.1:9", "--since", "last tuesday"], [], unusable_locks, since_setting):
        proc = subprocess.run([sys.executable, "-m", "newscrawl", "crawl", *args, "--output-dir", str(out)],
                              cwd=ROOT, env=env(), capture_output=True, text=True, timeout=120)
        assert proc.returncode == 3, (args, proc.stderr[-2000:])
        assert "could not start" in proc.stderr


def test_max_articles_stops_early_and_the_next_run_writes_the_rest_once(demo, dirs):
    out, state, runs = dirs
    proc = crawl(demo, out, state, runs, "--max-articles", "3", "--gzip")
    assert proc.returncode == 0, proc.stderr[-3000:]
    first = read_outputs(out)
    assert len(first.records) == 3 and all(f.name.endswith(".jsonl.gz") for f in first.files)
    latest = json.loads((out / "demo" / "latest.json").read_text())
    assert (out / "demo" / latest["path"]).exists() and latest["articles"] == 3
    assert report_of(runs)["sites"]["demo"]["finish_reason"] == "max_articles"
    gzip.decompress((out / "demo" / latest["path"]).read_bytes())

    assert crawl(demo, out, state, runs).returncode == 0
    union = read_outputs(out)
    assert len(union.records) == N_ARTICLES == len({r["url"] for r in union.records})


def _serve(tmp_path: Path, files: dict[str, str]):  # type: ignore[no-untyped-def]
    from newscrawl.demo.server import DemoServer

    root = tmp_path / "site"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return DemoServer(root)


EMPTY_URLSET = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>'
EMPTY_SITE = {
    "robots.txt": "User-agent: *\nAllow: /\n",
    "sitemap.xml": EMPTY_URLSET.format(""),
    "news-sitemap.xml": EMPTY_URLSET.format(""),
    "rss.xml": '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
    "index.html": "<html><body><p>Nothing here yet.</p></body></html>",
    "thoi-su/index.html": "<html><body></body></html>",
    "world/index.html": "<html><body></body></html>",
}


def test_no_articles_where_some_were_expected_exits_4(tmp_path, dirs):
    out, state, runs = dirs
    with _serve(tmp_path, EMPTY_SITE) as server:
        proc = crawl(server.base_url, out, state, runs)
    assert proc.returncode == 4, proc.stderr[-3000:]
    assert report_of(runs)["exit_code"] == 4


def test_errors_over_the_threshold_exit_1(tmp_path, dirs):
    out, state, runs = dirs
    missing = "".join(f"<url><loc>__BASE_URL__/gone/story-{i}.html</loc></url>" for i in range(6))
    with _serve(tmp_path, {**EMPTY_SITE, "sitemap.xml": EMPTY_URLSET.format(missing)}) as server:
        proc = crawl(server.base_url, out, state, runs)
        lenient = crawl(server.base_url, out, state, runs, "--max-error-rate", "0.9")
    assert proc.returncode == 1, proc.stderr[-3000:]
    report = report_of(runs)["sites"]["demo"]
    assert report["http_errors"] == {"404": 6}
    assert lenient.returncode == 4, lenient.stderr[-3000:]  # under the threshold: then nothing was found


def _exit_code(**stats: object) -> int:
    from newscrawl.report import site_figures
    from newscrawl.runner import exit_code_for

    return exit_code_for({"sites": {"demo": site_figures({"finish_reason": "finished", **stats})}}, 0.1)


def test_exit_code_rules_for_a_run_without_new_articles():
    assert _exit_code() == 4  # nothing at all: the site is broken or its declaration is
    assert _exit_code(**{"newscrawl/articles/unchanged": 2}) == 0
    assert _exit_code(**{"newscrawl/incremental/skipped_urls/unchanged_by_date": 5}) == 0
    # found, but older than --since (in discovery, or by the page's own date)
    assert _exit_code(**{"newscrawl/incremental/skipped_urls/before_since": 5}) == 0
    assert _exit_code(**{"newscrawl/limits/dropped/before_since": 1}) == 0
    # --max-pages stopped the run before its first article: a normal finish, as documented
    assert _exit_code(finish_reason="closespider_pagecount") == 0
    assert _exit_code(finish_reason="output_error", **{"newscrawl/jsonl/written": 3}) == 5
    assert _exit_code(finish_reason="state_error") == 3

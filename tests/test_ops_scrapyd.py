"""Deployment to scrapyd: a real scrapyd on 127.0.0.1, the project deployed with scrapyd-deploy,
the demo crawl scheduled through scrapyd's HTTP API, its JSONL and run report checked.

The spider argument ``demo_base`` points the generic spider at the demo site
served by this test; output, state and report folders are passed as
``setting=`` parameters, as an operator would pass them.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from ops_helpers import DEMO_SITE, ROOT, copy_demo_site, read_outputs

pytestmark = pytest.mark.skipif(not (DEMO_SITE / "robots.txt").exists(), reason="no demo site")
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _api(base: str, endpoint: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{endpoint}", data=body, timeout=30) as response:
        return json.loads(response.read())


def _wait_until_up(base: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"scrapyd exited: {log.read_text()[-3000:]}")
        try:
            if _api(base, "daemonstatus.json")["status"] == "ok":
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"scrapyd did not answer: {log.read_text()[-3000:]}")


@pytest.fixture
def scrapyd(tmp_path):
    home = tmp_path / "scrapyd"
    home.mkdir()
    port = _free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\n"
        f"eggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\ndbs_dir = {home / 'dbs'}\nitems_dir =\n"
        "max_proc = 1\npoll_interval = 0.2\n"
    )
    log = home / "scrapyd.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([str(BIN / "scrapyd"), "--nodaemon", "--pidfile=", f"--logfile={log}"], cwd=home,
                                stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, proc, log)
        yield base, home
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _deploy(tmp_path: Path, scrapyd_url: str) -> str:
    """scrapyd-deploy from a clean copy of the project (the working tree stays untouched)."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    for package in ("newscrawl", "pipelines"):
        shutil.copytree(ROOT / package, project / package, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "scrapy.cfg").write_text(
        "[settings]\ndefault = newscrawl.settings\n\n"
        f"[deploy:test]\nurl = {scrapyd_url}/\nproject = newscrawl\n"
    )
    proc = subprocess.run([str(BIN / "scrapyd-deploy"), "test", "--version", "r1"], cwd=project,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    return proc.stdout + proc.stderr


def test_demo_crawl_deployed_and_scheduled_on_scrapyd(tmp_path, scrapyd):
    from newscrawl.demo.server import DemoServer

    base, home = scrapyd
    deploy_log = _deploy(tmp_path, base)
    assert '"status": "ok"' in deploy_log or "'status': 'ok'" in deploy_log, deploy_log
    assert _api(base, "listspiders.json?project=newscrawl")["spiders"] == ["news"]

    out, state, runs = tmp_path / "out", tmp_path / "state", tmp_path / "runs"
    with DemoServer(copy_demo_site(tmp_path / "site")) as server:
        job = _api(base, "schedule.json", [
            ("project", "newscrawl"), ("spider", "news"), ("demo_base", server.base_url),
            ("setting", f"NEWSCRAWL_OUTPUT_DIR={out}"), ("setting", f"NEWSCRAWL_STATE_DIR={state}"),
            ("setting", f"NEWSCRAWL_RUNS_DIR={runs}"), ("setting", "DOWNLOAD_DELAY=0"),
            ("setting", "AUTOTHROTTLE_ENABLED=False"), ("setting", "LOG_LEVEL=INFO"),
        ])
        assert job["status"] == "ok", job
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            jobs = _api(base, "listjobs.json?project=newscrawl")
            if any(j["id"] == job["jobid"] for j in jobs["finished"]):
                break
            time.sleep(0.5)
        else:
            raise AssertionError(f"job did not finish: {jobs}")

    logs = list((home / "logs").rglob("*.log"))
    log_text = logs[0].read_text() if logs else "(no job log)"
    written = read_outputs(out)
    assert written.records and written.invalid == 0 and not written.parts, log_text[-4000:]
    assert {r["site"] for r in written.records} == {"demo"}
    assert len({r["url"] for r in written.records}) == len(written.records)
    reports = list(runs.glob("*.json"))
    assert len(reports) == 1, log_text[-4000:]
    report = json.loads(reports[0].read_text())
    assert report["sites"]["demo"]["finish_reason"] == "finished"
    assert report["sites"]["demo"]["articles"]["written"] == len(written.records)
    assert (state / "demo.sqlite").exists()
    assert "output_error" not in log_text

"""Crash safety: `kill -9` a real crawl of the demo site at random moments, then rerun.

Over all runs of a sequence (killed ones and the final one that finishes),
every article the demo site holds must be written exactly once, and every
line in every output file must be a complete JSON record.  Kills are drawn
from a seeded RNG; most land while the crawl is writing (after its ``.part``
file appears), some at any moment of the process's life (start-up included).
"""

from __future__ import annotations

import json
import random
import subprocess
import time
from pathlib import Path

import pytest
from ops_helpers import DEMO_SITE, ROOT, copy_demo_site, crawl_cmd, env, read_outputs

pytestmark = pytest.mark.skipif(not (DEMO_SITE / "robots.txt").exists(), reason="no demo site")

SEED = 20240731
KILLS = 20


def _wait_for_part(out: Path, proc: subprocess.Popen[bytes], limit: float) -> bool:
    """Poll until the run has a .part file open (it is writing); False if it ended first."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if any(out.rglob("*.part")):
            return True
        time.sleep(0.005)
    return proc.poll() is None


def test_kill_9_at_random_moments_loses_and_duplicates_nothing(tmp_path, capsys):
    from newscrawl.demo.server import DemoServer

    site = copy_demo_site(tmp_path / "site")
    rng = random.Random(SEED)
    with DemoServer(site) as server:
        base = tmp_path / "baseline"
        started = time.monotonic()
        log = tmp_path / "baseline.log"
        with log.open("wb") as stderr:
            baseline = subprocess.Popen(crawl_cmd(server.base_url, base / "out", base / "state", base / "runs"), cwd=ROOT,
                                        env=env(), stdout=subprocess.DEVNULL, stderr=stderr)
            wrote = _wait_for_part(base / "out", baseline, limit=300)
            writing_from = time.monotonic()
            assert baseline.wait(timeout=300) == 0 and wrote, log.read_text()[-3000:]
        # How long a run spends writing: kills are drawn mostly inside this window.
        window = time.monotonic() - writing_from
        whole_run = time.monotonic() - started
        expected = read_outputs(base / "out")
        expected_hashes = set(expected.count_by("body_hash"))
        assert expected.records and len(expected_hashes) == len(expected.records)

        kills = mid_write = sequences = recovered_lines = 0
        while kills < KILLS:
            sequences += 1
            seq = tmp_path / f"seq{sequences}"
            out, state, runs = seq / "out", seq / "state", seq / "runs"
            while True:
                proc_ = subprocess.Popen(crawl_cmd(server.base_url, out, state, runs), cwd=ROOT, env=env(),
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                if kills < KILLS and rng.random() < 0.25:
                    time.sleep(rng.uniform(0, whole_run))  # any moment, start-up included
                    writing = any(out.rglob("*.part"))
                else:
                    writing = _wait_for_part(out, proc_, limit=whole_run * 5)
                    if writing:
                        time.sleep(rng.uniform(0, window * 1.2))
                if kills >= KILLS or proc_.poll() is not None:
                    assert proc_.wait(timeout=300) in (0, 4)  # 4: nothing left to do after earlier runs
                    break
                proc_.kill()
                proc_.wait()
                kills += 1
                left = read_outputs(out)
                mid_write += bool(left.parts and any(p.stat().st_size for p in left.parts))
            got = read_outputs(out)
            hashes = got.count_by("body_hash")
            assert got.invalid == 0, f"sequence {sequences}: {got.invalid} invalid lines"
            assert not got.parts, f"sequence {sequences}: .part left after a finished run: {got.parts}"
            assert not [h for h, n in hashes.items() if n > 1], f"sequence {sequences}: duplicated"
            assert set(hashes) == expected_hashes, f"sequence {sequences}: lost {expected_hashes - set(hashes)}"
            assert max(got.count_by("canonical_url").values()) == 1 or all(r.get("canonical_url") is None for r in got.records)
            assert {r["version"] for r in got.records} == {1}
            recovered_lines += sum(json.loads(p.read_text())["sites"]["demo"]["recovered"]["lines"] for p in runs.glob("*.json"))
    with capsys.disabled():
        print(f"\nkill -9 test: {kills} kills ({mid_write} left a partly written .part) over {sequences} sequences;"
              f" {len(expected_hashes)} articles expected per sequence; lost 0, duplicated 0, invalid lines 0;"
              f" {recovered_lines} lines recovered from killed runs' .part files")

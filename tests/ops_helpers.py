"""Helpers for the operations tests: demo-site copies, CLI crawls in a subprocess, output readers, faults."""

from __future__ import annotations

import errno
import gzip
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscrawl.components.jsonl import JsonlWriterPipeline

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
DEMO_SITE = Path(os.environ.get("NEWSCRAWL_TEST_DEMO_SITE", ROOT / "data" / "demo_site"))


def copy_demo_site(dest: Path) -> Path:
    shutil.copytree(DEMO_SITE, dest)
    return dest


def crawl_cmd(base_url: str, out: Path, state: Path, runs: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "newscrawl", "crawl", "--demo-base", base_url, "--output-dir", str(out),
            "--state-dir", str(state), "--runs-dir", str(runs), "--quiet", "--log-level", "WARNING",
            # A local server needs no politeness delays: keep the demo crawl fast.
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
            *extra]


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(TESTS), e.get("PYTHONPATH", "")])
    return e


def crawl(base_url: str, out: Path, state: Path, runs: Path, *extra: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(crawl_cmd(base_url, out, state, runs, *extra), cwd=ROOT, env=env(),
                          capture_output=True, text=True, timeout=timeout)


def report_of(runs: Path, proc: subprocess.CompletedProcess[str] | None = None) -> dict[str, Any]:
    """The newest run report in ``runs``."""
    reports = sorted(runs.glob("*.json"))
    assert reports, f"no run report in {runs}" + (f"\n{proc.stderr[-3000:]}" if proc else "")
    return json.loads(reports[-1].read_text(encoding="utf-8"))


@dataclass
class Outputs:
    records: list[dict[str, Any]] = field(default_factory=list)
    invalid: int = 0
    files: list[Path] = field(default_factory=list)
    parts: list[Path] = field(default_factory=list)

    def count_by(self, key: str) -> Counter[str]:
        return Counter(str(r.get(key)) for r in self.records)


def read_outputs(root: Path) -> Outputs:
    """Every line of every output file (finished, gzipped, or a leftover .part), checked line by line."""
    out = Outputs()
    for path in sorted(root.rglob("*")):
        if not path.is_file() or not (path.name.endswith((".jsonl", ".jsonl.gz", ".part"))):
            continue
        (out.parts if path.name.endswith(".part") else out.files).append(path)
        data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
        for line in data.splitlines(keepends=True):
            try:
                record = json.loads(line)
                ok = line.endswith(b"\n") and isinstance(record, dict) and bool(record.get("url"))
            except ValueError:
                ok = False
            if ok:
                out.records.append(record)
            else:
                out.invalid += 1
    return out


class FullDiskWriter(JsonlWriterPipeline):
    """The JSONL writer on a disk that fills up after ``NEWSCRAWL_TEST_DISK_LINES`` lines.

    The failing write is a short one (half the line reaches the file), then
    ENOSPC, as a real full disk does it.
    """

    def _write(self, fd: int, data: bytes) -> int:
        allowed = self.crawler.settings.getint("NEWSCRAWL_TEST_DISK_LINES", 3)
        if self.stats.get_value("newscrawl/jsonl/written", 0) >= allowed:
            os.write(fd, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return os.write(fd, data)

"""End to end: `newscrawl demo` serves the bundled site on 127.0.0.1, crawls it, writes JSONL.

The JSONL must hold exactly one line per demo article (none for hubs and
section pages), each with the full story and the page's teasers in `related`.
"""

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = json.loads((ROOT / "data" / "demo_site" / "expected.json").read_text(encoding="utf-8"))["pages"]
ARTICLES = {path: spec for path, spec in EXPECTED.items() if spec["kind"] == "article"}


def _path(url: str) -> str:
    path = urlsplit(url).path.lstrip("/")
    return path + "index.html" if path.endswith("/") or not path else path


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo-out")
    proc = subprocess.run(
        [sys.executable, "-m", "newscrawl", "demo", "--output-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    files = sorted(out.rglob("*.jsonl"))
    records = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    return proc, files, records


def test_demo_exits_zero_and_prints_a_summary(demo_run):
    proc, files, _ = demo_run
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "articles written:" in proc.stdout and "pages fetched:" in proc.stdout
    assert len(files) == 1 and str(files[0]) in proc.stdout
    assert not list(files[0].parent.glob("*.part"))


def test_one_line_per_article_and_none_for_other_pages(demo_run):
    _, _, records = demo_run
    paths = [_path(r["url"]) for r in records]
    assert len(paths) == len(set(paths)), "an article was written twice"
    assert sorted(paths) == sorted(ARTICLES)
    written = f"articles written: {len(ARTICLES)}"
    assert written in demo_run[0].stdout


def test_each_article_carries_its_story_and_teasers(demo_run):
    _, _, records = demo_run
    base = "{0.scheme}://{0.netloc}".format(urlsplit(records[0]["url"]))
    for record in records:
        spec = ARTICLES[_path(record["url"])]
        body = record["body"]
        for paragraph in spec["paragraphs"]:
            assert " ".join(paragraph.split()) in " ".join(body.split()), (record["url"], paragraph[:60])
        for junk in spec["must_not_contain"]:
            assert junk not in body, (record["url"], junk)
        assert {r["url"] for r in record["related"]} == {base + r["url"] for r in spec["related"]}, record["url"]
        assert record["title"] == spec["title"]
        assert record["language"] == spec["language"]
        # Same instant and same offset as the page states (string forms may differ: "+07:00" vs "+0700").
        got, want = datetime.fromisoformat(record["published"]), datetime.fromisoformat(spec["published"])
        assert (got, got.utcoffset()) == (want, want.utcoffset()), record["url"]
        assert record["site"] == "demo"

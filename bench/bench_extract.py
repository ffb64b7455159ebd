"""Benchmark: extraction speed and memory of newscrawl's core against plain trafilatura.

Both extractors run side by side in one process over the same pages, in
alternating order (page by page), so machine noise hits both alike; the result
that matters is the *ratio*, not the absolute numbers.

    .venv/bin/python bench/bench_extract.py [CORPUS_DIR] [--limit N] [--rounds R]

CORPUS_DIR defaults to ../shared/corpus/dev, and to the bundled demo site's
pages when that is absent.  Memory is the peak of Python allocations
(tracemalloc) while extracting one page, max over pages.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from pipelines import extract  # noqa: E402


def load_pages(corpus: Path | None, limit: int) -> list[tuple[str, str]]:
    pages: list[tuple[str, str]] = []
    if corpus and corpus.is_dir():
        files = sorted(corpus.rglob("*.html.gz")) + sorted(corpus.rglob("*.html"))
        # Spread the sample over sources: every k-th file.
        step = max(1, len(files) // limit) if limit else 1
        for path in files[::step][: limit or None]:
            data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            pages.append((f"https://example.com/{path.stem}", data.decode("utf-8", "replace")))
    else:
        from newscrawl.demo.server import render_page

        demo = ROOT / "data" / "demo_site"
        for path in sorted(demo.rglob("*.html")):
            rel = path.relative_to(demo).as_posix()
            pages.append((f"http://demo.test/{rel}", render_page(demo, rel, "http://demo.test")))
    return pages


EXTRACTORS = {
    "newscrawl": lambda html, url: extract(html, url),
    "trafilatura": lambda html, url: trafilatura.extract(html, url=url),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "dev"))
    parser.add_argument("--limit", type=int, default=200, help="pages to sample (0 = all)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--memory", action="store_true", help="also measure peak allocation per page (slower)")
    args = parser.parse_args()
    pages = load_pages(Path(args.corpus), args.limit)
    print(f"{len(pages)} pages, {args.rounds} rounds, extractors alternate page by page")
    seconds = {name: 0.0 for name in EXTRACTORS}
    per_round: dict[str, list[float]] = {name: [] for name in EXTRACTORS}
    peaks = {name: 0 for name in EXTRACTORS}
    for r in range(args.rounds):
        round_time = {name: 0.0 for name in EXTRACTORS}
        for i, (url, html) in enumerate(pages):
            order = list(EXTRACTORS) if (i + r) % 2 == 0 else list(reversed(EXTRACTORS))
            for name in order:
                started = time.perf_counter()
                EXTRACTORS[name](html, url)
                round_time[name] += time.perf_counter() - started
        for name, t in round_time.items():
            seconds[name] += t
            per_round[name].append(len(pages) / t)
    if args.memory:
        for url, html in pages:
            for name, fn in EXTRACTORS.items():
                tracemalloc.start()
                fn(html, url)
                peaks[name] = max(peaks[name], tracemalloc.get_traced_memory()[1])
                tracemalloc.stop()
    print(f"{'extractor':12} {'pages/s':>9} {'(min..max over rounds)':>24}" + ("  peak MiB/page" if args.memory else ""))
    for name in EXTRACTORS:
        rate = len(pages) * args.rounds / seconds[name]
        spread = f"{min(per_round[name]):.1f}..{max(per_round[name]):.1f}"
        mem = f"  {peaks[name] / 2**20:13.1f}" if args.memory else ""
        print(f"{name:12} {rate:9.1f} {spread:>24}{mem}")
    ratio = seconds["trafilatura"] / seconds["newscrawl"]
    print(f"speed ratio newscrawl/trafilatura: {ratio:.2f}x (target >= 0.8)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

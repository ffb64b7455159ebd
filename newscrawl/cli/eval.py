"""`newscrawl eval`: measure extraction quality on a saved corpus, and the CI quality gate.

    newscrawl eval ../shared/corpus/dev --compare trafilatura,trafilatura-precision --workers 2
    newscrawl eval ../shared/corpus/dev --workers 2 --gate eval/baseline.json
    newscrawl eval ../shared/corpus/dev --workers 2 --write-baseline eval/baseline.json
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from pipelines.evaluation.corpus import Corpus, load_corpus
from pipelines.evaluation.gate import MARGIN, check_gate, load_baseline, save_baseline, tighten
from pipelines.evaluation.report import build_report, format_table, write_json, write_predictions
from pipelines.evaluation.runner import EXTRACTORS, get_extractor
from pipelines.evaluation.side_by_side import run_side_by_side

PRIMARY = "newscrawl"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval", help="score extraction on a saved corpus (and gate on pinned floors)",
        description="Extract every page of CORPUS_DIR and score it against its gold answer.")
    parser.add_argument("corpus", metavar="CORPUS_DIR",
                        help="<source>/<id>.html[.gz] + <id>.json (+ manifest.jsonl), or one source folder")
    parser.add_argument("--json", metavar="REPORT", help="write the full report (every page) as JSON")
    parser.add_argument("--predictions", metavar="PRED.jsonl", help="write one JSON line per page (primary extractor)")
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (default 1: in-process)")
    parser.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconds per page (default 10)")
    parser.add_argument("--extractor", default=PRIMARY, choices=sorted(EXTRACTORS),
                        help=f"the extractor to score and gate (default {PRIMARY})")
    parser.add_argument("--compare", default="", metavar="NAMES",
                        help=f"comma-separated extractors to measure side by side ({', '.join(EXTRACTORS)})")
    parser.add_argument("--gate", metavar="BASELINE", help="fail (exit 1) when a pinned floor is not met")
    parser.add_argument("--write-baseline", metavar="BASELINE",
                        help=f"pin floors from this run minus {MARGIN} (only ever raises existing floors)")
    parser.add_argument("--limit", type=int, metavar="N", help="only N pages, taken round-robin over sources")
    parser.add_argument("--source", metavar="NAME", help="only this source")
    parser.add_argument("--worst", type=int, default=20, metavar="N", help="list the N worst pages (default 20)")
    parser.set_defaults(func=run)


def _limit(corpus: Corpus, limit: int) -> Corpus:
    """The first ``limit`` pages taken in turn from each source, so a quick run still sees them all."""
    seen: dict[str, int] = {}
    rank = {}
    for page in corpus.pages:
        rank[page.key] = seen[page.source] = seen.get(page.source, -1) + 1
    ranked = sorted(corpus.pages, key=lambda p: (rank[p.key], p.source))
    return Corpus(root=corpus.root, pages=sorted(ranked[:limit], key=lambda p: p.key), excluded=corpus.excluded)


def run(args: argparse.Namespace) -> int:
    if not getattr(args, "verbose", 0):
        # trafilatura warns "discarding data" for every page it finds nothing in: noise in a table run
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
    names = [args.extractor] + [n.strip() for n in args.compare.split(",") if n.strip() and n.strip() != args.extractor]
    names = list(dict.fromkeys(names))
    try:
        extractors = {name: get_extractor(name) for name in names}
    except (KeyError, ImportError) as exc:
        print(f"eval: cannot use extractor: {exc}", file=sys.stderr)
        return 2
    if (args.gate or args.write_baseline) and args.limit:
        print("eval: --gate / --write-baseline need the whole corpus; drop --limit", file=sys.stderr)
        return 2
    if args.write_baseline and args.source:
        print("eval: --write-baseline needs the whole corpus; drop --source", file=sys.stderr)
        return 2
    try:
        corpus = load_corpus(args.corpus, source=args.source)
    except FileNotFoundError as exc:
        print(f"eval: {exc}", file=sys.stderr)
        return 2
    if not corpus.pages:
        print(f"eval: no pages found in {args.corpus}" + (f" for source {args.source!r}" if args.source else ""),
              file=sys.stderr)
        return 2
    if args.limit:
        corpus = _limit(corpus, args.limit)

    # Side by side, batch by batch (see pipelines.evaluation.side_by_side): the speeds compare.
    results = run_side_by_side(corpus.pages, extractors, workers=args.workers, timeout=args.timeout,
                               progress=_progress())
    for result in results:
        print(f"eval: {result.extractor}: {len(result.outcomes)} pages in {result.wall_seconds:.1f} s "
              f"({result.pages_per_second:.1f} pages/s, {result.workers} worker(s))", file=sys.stderr)
    report = build_report(corpus, results, worst=args.worst)
    print(format_table(report, worst_of=args.extractor))
    if args.json:
        write_json(args.json, report)
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as stream:
            write_predictions(stream, results[0])

    status = 0
    if args.gate:
        status = _gate(args, report)
    if args.write_baseline:
        status = max(status, _write_baseline(args, report))
    return status


def _progress():  # type: ignore[no-untyped-def]
    if not sys.stderr.isatty():
        return None
    def show(name: str, done: int, total: int) -> None:
        print(f"\r{name}: {done}/{total}   ", end="\n" if done == total else "", file=sys.stderr, flush=True)
    return show


def _gate(args: argparse.Namespace, report: dict) -> int:
    try:
        baseline = load_baseline(args.gate)
    except (OSError, ValueError) as exc:
        print(f"quality gate: cannot read baseline {args.gate}: {exc}", file=sys.stderr)
        return 2
    violations = check_gate(baseline, report, extractor=args.extractor,
                            only_sources=[args.source] if args.source else None)
    scope = f" (source {args.source} only)" if args.source else ""
    if violations:
        print(f"\nquality gate FAILED{scope} against {args.gate}:")
        for violation in violations:
            print(f"  - {violation}")
        return 1
    print(f"\nquality gate passed{scope} ({args.gate})")
    return 0


def _write_baseline(args: argparse.Namespace, report: dict) -> int:
    path = Path(args.write_baseline)
    old = load_baseline(path) if path.is_file() else None
    try:
        baseline, changes = tighten(old, report, extractor=args.extractor)
    except ValueError as exc:
        print(f"eval: {path}: {exc}", file=sys.stderr)
        return 2
    save_baseline(path, baseline)
    print(f"\nbaseline {path}: " + ("unchanged" if not changes else f"{len(changes)} change(s)"))
    for change in changes:
        print(f"  {change}")
    return 0

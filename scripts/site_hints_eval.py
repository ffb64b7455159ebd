#!/usr/bin/env python3
"""Do the site declarations' extraction hints help?  Body F1 with and without them.

For every page of the evaluation corpus that belongs to a declared site (its gold
``site`` or its URL's host is one of the site's domains), the page is extracted
twice, with the site's profile and with none, and scored with the reference
metric (``shared/eval/metrics.py``: token 4-shingles; corpus F1 is the harmonic
mean of the mean precision and mean recall).  Teaser leak (the share of gold
teasers whose text ends up in the body) is shown beside it when the gold has
teasers.

    .venv/bin/python scripts/site_hints_eval.py                  # table
    .venv/bin/python scripts/site_hints_eval.py --pages --json out.json

Exit 1 when a site's F1 with hints is below its F1 without (hints must only help).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newscrawl.sites.declaration import SiteDeclaration, load_registry  # noqa: E402 (after the sys.path set-up)
from pipelines import Profile, extract  # noqa: E402 (after the sys.path set-up)
from pipelines.evaluation.corpus import load_corpus  # noqa: E402 (after the sys.path set-up)

#: Differences below this are rounding noise, not a hint doing harm.
TOLERANCE = 1e-6


def load_metrics(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_metrics", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the reference metric from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def site_of(gold: dict[str, Any], sites: dict[str, SiteDeclaration]) -> SiteDeclaration | None:
    for host in (gold.get("site"), urlsplit(gold.get("url") or "").hostname):
        for site in sites.values():
            if host and site.in_domains(f"https://{host}/"):
                return site
    return None


def related_of(gold: dict[str, Any]) -> list[Any]:
    related = gold.get("related") or []
    # Some sources store the list as a JSON string.
    return json.loads(related) if isinstance(related, str) and related.startswith("[") else related


def score(metrics: ModuleType, gold: dict[str, Any], html: str, url: str, profile: Profile | None) -> dict[str, Any]:
    article = extract(html, url, profile, fetched_at="2000-01-01T00:00:00+00:00")
    precision, recall, f1 = metrics.shingle_prf(gold.get("body"), article.body)
    related = [r.model_dump() for r in article.related]
    teasers = metrics.teaser_scores(related_of(gold), related, article.body)
    return {"p": precision, "r": recall, "f1": f1, "leak": teasers["leak"], "related": len(related)}


def corpus_f1(metrics: ModuleType, rows: list[dict[str, Any]]) -> float:
    return metrics.aggregate([(r["p"], r["r"], r["f1"]) for r in rows], n_bootstrap=0)["f1"]


def mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--metrics", type=Path, default=REPO.parent / "shared" / "eval" / "metrics.py")
    parser.add_argument("--pages", action="store_true", help="also print one line per page")
    parser.add_argument("--json", type=Path, help="write every page's scores here")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}; nothing to measure")
        return 0
    metrics = load_metrics(args.metrics)
    sites = load_registry()
    by_site: dict[str, list[dict[str, Any]]] = {}
    skipped = []
    for page in load_corpus(args.corpus):
        site = site_of(page.gold, sites)
        if site is None:
            continue
        if not (page.gold.get("body") or "").strip():
            skipped.append(f"{page.key} (no gold body: {page.gold.get('page_type') or 'not an article'})")
            continue
        html, url = page.read_html(), page.url or ""
        row = {"page": page.key, "without": score(metrics, page.gold, html, url, None),
               "with": score(metrics, page.gold, html, url, site.profile())}
        by_site.setdefault(site.name, []).append(row)

    print("| site | pages | body F1 without hints | body F1 with hints | change | teaser leak without | with |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    worse = []
    for name, rows in sorted(by_site.items()):
        without = corpus_f1(metrics, [r["without"] for r in rows])
        with_ = corpus_f1(metrics, [r["with"] for r in rows])
        if with_ < without - TOLERANCE:
            worse.append(name)
        leak_without = mean([r["without"]["leak"] for r in rows])
        leak_with = mean([r["with"]["leak"] for r in rows])
        print(f"| {name} | {len(rows)} | {without:.3f} | {with_:.3f} | {with_ - without:+.3f} | {fmt(leak_without)} | {fmt(leak_with)} |")
    if args.pages:
        print()
        for name, rows in sorted(by_site.items()):
            for r in rows:
                print(f"{name:<10} {r['page']:<34} F1 {fmt(r['without']['f1'])} -> {fmt(r['with']['f1'])}"
                      f"   P {fmt(r['without']['p'])} -> {fmt(r['with']['p'])}   R {fmt(r['without']['r'])} -> {fmt(r['with']['r'])}")
    hurt = [f"{r['page']} ({fmt(r['without']['f1'])} -> {fmt(r['with']['f1'])})" for rows in by_site.values() for r in rows
            if (r["with"]["f1"] or 0) < (r["without"]["f1"] or 0) - 0.01]
    print(f"pages scoring lower with hints (by more than 0.01): {', '.join(hurt) or 'none'}")
    for key in skipped:
        print(f"skipped {key}")
    declared_without_pages = sorted(set(sites) - set(by_site))
    print(f"sites with no corpus page: {', '.join(declared_without_pages) or 'none'}")
    if args.json:
        args.json.write_text(json.dumps(by_site, indent=2), encoding="utf-8")
    if worse:
        print(f"HINTS HURT: {', '.join(worse)} score lower with their hints than without", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

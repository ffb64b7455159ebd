"""`newscrawl check [NAME]`: validate the site declarations and run their fixtures.

One line per site (``ok`` / ``FAIL`` and the first problem), one per invalid
declaration and per fixture folder without a site; exit 0 when all pass, else 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newscrawl.fixtures import FIXTURES_DIR, check_site, orphan_dirs
from newscrawl.sites.declaration import SITES_DIR, load_all


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("check", help="validate site declarations and run their fixtures (exit 0/1)")
    p.add_argument("name", nargs="?", help="only this site")
    p.add_argument("--all", dest="show_all", action="store_true", help="every problem, not only the first per site")
    p.add_argument("--sites-dir", type=Path, default=SITES_DIR, help=argparse.SUPPRESS)
    p.add_argument("--fixtures-dir", type=Path, default=FIXTURES_DIR, help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    sites, errors = load_all(args.sites_dir)
    failed = False
    for error in errors:
        # Only the named site's file matters when a name is given, but a broken file
        # could be that site (its name unreadable), so errors are always shown.
        print(f"FAIL  {error}")
        failed = True
    if args.name:
        if args.name not in sites:
            if not any(f"{args.name}.toml: " in str(error) for error in errors):  # else already said why
                print(f"FAIL  {args.name}: no such site (declared: {', '.join(sorted(sites)) or 'none'})")
            return 1
        names = [args.name]
    else:
        names = sorted(sites)
        for orphan in orphan_dirs(set(sites), args.fixtures_dir):
            print(f"FAIL  {orphan}: fixture folder {args.fixtures_dir / orphan} has no site declaration")
            failed = True
    for name in names:
        report = check_site(sites[name], args.fixtures_dir)
        count = f"{report.fixtures} fixture{'s' if report.fixtures != 1 else ''}"
        if report.ok:
            print(f"ok    {name:<12} {count}")
            continue
        failed = True
        more = f" (+{len(report.problems) - 1} more, --all shows them)" if len(report.problems) > 1 and not args.show_all else ""
        print(f"FAIL  {name:<12} {count}: {report.problems[0]}{more}")
        if args.show_all:
            for problem in report.problems[1:]:
                print(f"      {'':<12} {problem}")
    sys.stdout.flush()
    return 1 if failed else 0

"""`newscrawl schema [--write]`: print or (re)write the output JSON Schema file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipelines.schema import json_schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "article.schema.json"


def render() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("schema", help="print the output JSON Schema (--write updates schema/article.schema.json)")
    p.add_argument("--write", action="store_true", help=f"write it to {SCHEMA_FILE.relative_to(SCHEMA_FILE.parents[1])}")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    text = render()
    if args.write:
        SCHEMA_FILE.parent.mkdir(exist_ok=True)
        SCHEMA_FILE.write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA_FILE}")
    else:
        print(text, end="")
    return 0

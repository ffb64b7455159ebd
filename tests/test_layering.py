"""Dependencies point one way: the core (`pipelines`) never imports Scrapy, Twisted or `newscrawl`."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "pipelines"
FORBIDDEN = ("scrapy", "twisted", "newscrawl")


def test_core_imports_no_crawler_code():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.relative_to(CORE.parent)}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert not offenders, offenders

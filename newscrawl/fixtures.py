"""Golden fixtures of the site declarations: find them, check them, write them.

Each site has ``tests/sites/<site>/<name>.html`` (a saved article page) and
``<name>.expected.json`` beside it.  The expected file pins the structured
fields exactly and the body only by snippets it must contain / must not contain,
so that a trafilatura upgrade that moves a line break does not rewrite every
golden file, while a leaked teaser or a lost paragraph still fails.

Used by ``newscrawl check``, ``newscrawl fixture`` and ``tests/test_site_fixtures.py``.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscrawl.sites.declaration import SiteDeclaration, display_path
from pipelines import Article, extract

FIXTURES_DIR = Path(__file__).resolve().parents[1] / "tests" / "sites"
EXPECTED_SUFFIX = ".expected.json"
#: Fields compared exactly when the expected file names them.
EXACT_FIELDS = ("title", "lead", "published", "modified", "authors", "language", "section", "tags")
#: What `newscrawl fixture` pins by default (the issue's list); add the others by hand when useful.
DEFAULT_FIELDS = ("title", "published", "authors", "language")
_KNOWN_KEYS = {"url", "related", "body", "note", *EXACT_FIELDS}
# Pinned at a fixed value so that extraction output does not depend on the clock.
_FETCHED_AT = "2000-01-01T00:00:00+00:00"


class FixtureError(ValueError):
    """An unreadable or malformed expected-output file."""


@dataclass(frozen=True)
class Fixture:
    site: str
    page: Path

    @property
    def name(self) -> str:
        return self.page.name.removesuffix(".html")

    @property
    def expected_path(self) -> Path:
        return self.page.with_name(self.name + EXPECTED_SUFFIX)


@dataclass
class SiteReport:
    """The outcome of checking one site's fixtures."""

    site: str
    fixtures: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.fixtures > 0 and not self.problems


def fold(text: str | None) -> str:
    """NFC with whitespace collapsed: the form snippets are compared in."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def find_fixtures(site: str, root: Path = FIXTURES_DIR) -> list[Fixture]:
    return [Fixture(site, page) for page in sorted((root / site).glob("*.html"))]


def orphan_dirs(known: set[str], root: Path = FIXTURES_DIR) -> list[str]:
    """Fixture folders that belong to no declared site (a renamed or deleted site)."""
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")) and p.name not in known)


def load_expected(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FixtureError(f"{path.name}: cannot read: {exc}") from None
    if not isinstance(data, dict):
        raise FixtureError(f"{path.name}: must hold a JSON object")
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise FixtureError(f"{path.name}: unknown key(s) {unknown}; known: {sorted(_KNOWN_KEYS)}")
    body = data.get("body", {})
    if not isinstance(body, dict) or set(body) - {"contains", "excludes"}:
        raise FixtureError(f"{path.name}: body must be {{\"contains\": [...], \"excludes\": [...]}}")
    if not isinstance(data.get("url"), str):
        raise FixtureError(f"{path.name}: url: the page's URL is required")
    return data


def extract_page(page: Path, url: str, site: SiteDeclaration) -> Article:
    return extract(page.read_bytes(), url, site.profile(), fetched_at=_FETCHED_AT)


def url_problems(url: str, site: SiteDeclaration) -> list[str]:
    """Why ``url`` could not be an article of ``site`` (empty when it could)."""
    problems = []
    if not site.in_domains(url):
        problems.append(f"url {url!r} is outside the site's domains {site.domains}")
    if not site.is_article_url(url):
        problems.append(f"url {url!r} does not match article_url {site.article_url!r}")
    return problems


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 90 else text[:87] + "..."


def compare(article: Article, expected: dict[str, Any]) -> list[str]:
    """Differences between one extraction and its expected output."""
    problems = []
    if article.extraction.page_type != "article":
        problems.append(f"page_type is {article.extraction.page_type!r}, not 'article'")
    for name in EXACT_FIELDS:
        if name in expected and getattr(article, name) != expected[name]:
            problems.append(f"{name}: expected {_short(expected[name])}, got {_short(getattr(article, name))}")
    if "related" in expected:
        want = [(r.get("url"), r.get("title")) for r in expected["related"]]
        got = [(r.url, r.title) for r in article.related]
        for url, title in want:
            if (url, title) not in got:
                problems.append(f"related: missing {_short({'url': url, 'title': title})}")
        for url, title in got:
            if (url, title) not in want:
                problems.append(f"related: unexpected {_short({'url': url, 'title': title})}")
    body = fold(article.body)
    if not body:
        problems.append("body is empty")
    for snippet in expected.get("body", {}).get("contains", []):
        if fold(snippet) not in body:
            problems.append(f"body: lacks {_short(snippet)}")
    for snippet in expected.get("body", {}).get("excludes", []):
        if fold(snippet) in body:
            problems.append(f"body: must not contain {_short(snippet)}")
    return problems


def check_fixture(fixture: Fixture, site: SiteDeclaration) -> list[str]:
    """Problems of one fixture, each prefixed with the page's file name."""
    if not fixture.expected_path.exists():
        how = f"`newscrawl fixture {display_path(fixture.page)} --site {site.name} --url URL`"
        return [f"{fixture.page.name}: no {fixture.expected_path.name}; write it with {how}"]
    try:
        expected = load_expected(fixture.expected_path)
    except FixtureError as exc:
        return [str(exc)]
    problems = url_problems(expected["url"], site)
    problems += compare(extract_page(fixture.page, expected["url"], site), expected)
    return [f"{fixture.page.name}: {p}" for p in problems]


def check_site(site: SiteDeclaration, root: Path = FIXTURES_DIR) -> SiteReport:
    fixtures = find_fixtures(site.name, root)
    report = SiteReport(site.name, fixtures=len(fixtures))
    if not fixtures:
        report.problems.append(f"no fixture: save an article page as {display_path(root / site.name / 'article.html')} "
                               "(see docs/adding-a-site.md)")
    for fixture in fixtures:
        report.problems += check_fixture(fixture, site)
    pages = {f.expected_path.name for f in fixtures}
    for stray in sorted((root / site.name).glob("*" + EXPECTED_SUFFIX)):
        if stray.name not in pages:
            report.problems.append(f"{stray.name}: no page {stray.name.removesuffix(EXPECTED_SUFFIX)}.html beside it")
    return report


def _snippet(block: str, words: int = 10) -> str:
    """The first words of a block: long enough to be unique, short enough to survive re-wrapping."""
    return " ".join(block.split()[:words])


def expected_from(article: Article, url: str, previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """An expected-output record from the current extraction, for a person to review.

    Hand-written additions in ``previous`` are kept: extra exact fields, a note,
    and every ``excludes`` snippet (they record what must never leak, even if the
    extraction now lets it through; the check will say so).
    """
    previous = previous or {}
    record: dict[str, Any] = {"url": url}
    if previous.get("note"):
        record["note"] = previous["note"]
    for name in EXACT_FIELDS:
        if name in DEFAULT_FIELDS or name in previous:
            record[name] = getattr(article, name)
    record["related"] = [{"url": r.url, "title": r.title} for r in article.related]
    blocks = [b for b in (article.body or "").split("\n\n") if b.strip()]
    picks = sorted({0, len(blocks) // 2, len(blocks) - 1}) if blocks else []
    contains = [_snippet(blocks[i]) for i in picks]
    # Teaser titles and captions are removed from the body on purpose; pin that.
    leaks = [r.title for r in article.related if r.title] + [i.caption for i in article.images if i.caption]
    excludes = list(dict.fromkeys([*previous.get("body", {}).get("excludes", []), *leaks]))
    record["body"] = {"contains": contains, "excludes": excludes}
    return record


def write_expected(path: Path, record: dict[str, Any]) -> None:
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

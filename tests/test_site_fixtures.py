"""Every declared site has a golden fixture, and it passes.

Parametrised over the registry, so a new site without a fixture fails here (and
in `newscrawl check`, which runs the same code: newscrawl.fixtures).
"""

from __future__ import annotations

import pytest

from newscrawl.fixtures import FIXTURES_DIR, check_site, find_fixtures, load_expected, orphan_dirs
from newscrawl.sites import load_registry

REGISTRY = load_registry()


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_site_fixture(name: str) -> None:
    report = check_site(REGISTRY[name])
    assert report.fixtures, f"{name} has no fixture: add tests/sites/{name}/<page>.html (docs/adding-a-site.md)"
    assert not report.problems, f"{name}:\n  " + "\n  ".join(report.problems)


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_fixture_url_belongs_to_the_site(name: str) -> None:
    # Checked inside check_site too; kept apart so the failure says what it is.
    site = REGISTRY[name]
    for fixture in find_fixtures(name):
        url = load_expected(fixture.expected_path)["url"]
        assert site.in_domains(url), f"{fixture.expected_path}: {url} is outside {site.domains}"
        assert site.is_article_url(url), f"{fixture.expected_path}: {url} does not match {site.article_url}"


def test_no_fixture_folder_without_a_site() -> None:
    assert orphan_dirs(set(REGISTRY)) == [], f"fixture folders in {FIXTURES_DIR} with no declaration"


def test_shipped_sites() -> None:
    vietnamese = {n for n, s in REGISTRY.items() if s.language == "vi"}
    assert "hanoionline" in vietnamese  # the seed's site comes first
    assert len(vietnamese) >= 8
    assert len(set(REGISTRY) - vietnamese) >= 4

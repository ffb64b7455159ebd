"""Site declarations: broken ones fail with one line naming the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.cli import main
from newscrawl.sites.declaration import SITES_DIR, SiteError, load_all, load_registry, load_site

VALID = """\
name = "example"
domains = ["example.com"]
language = "vi"
timezone = "Asia/Ho_Chi_Minh"
feeds = ["https://example.com/rss/home.rss"]
article_url = '^https://example\\.com/[a-z0-9-]+-\\d+\\.html$'

[extraction]
body = ["div.content"]
"""


def write(tmp_path: Path, text: str, name: str = "example.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(SiteError) as info:
        load_site(path)
    message = str(info.value)
    assert "\n" not in message, "an error is one line"
    assert message.startswith(f"{path}: "), "an error starts with the file"
    return message.removeprefix(f"{path}: ")


# (what is broken, how the file is changed, the field the error must name, words it must say)
BROKEN = [
    ("unknown field", lambda t: 'homepage = "https://example.com/"\n' + t, "homepage", "unknown field"),
    ("unknown nested field", lambda t: t + 'bodyy = ["main"]\n', "extraction.bodyy", "unknown field"),
    ("bad regex", lambda t: t.replace("'^https", "'^(https"), "article_url", "invalid regex"),
    ("missing domain", lambda t: t.replace('domains = ["example.com"]\n', ""), "domains", "required field is missing"),
    ("empty domains", lambda t: t.replace('["example.com"]', "[]"), "domains", "at least one domain"),
    ("domain with a scheme", lambda t: t.replace('["example.com"]', '["https://example.com"]'), "domains", "not a host name"),
    ("bad TOML", lambda t: t.replace('feeds = ["https://example.com/rss/home.rss"]', 'feeds = ["https://example.com/rss/home.rss"'), "feeds", "not valid TOML"),
    ("unknown timezone", lambda t: t.replace("Asia/Ho_Chi_Minh", "Asia/Hanoi"), "timezone", "unknown time zone 'Asia/Hanoi'"),
    ("bad CSS selector", lambda t: t.replace('"div.content"', '"div[class="'), "extraction.body", "invalid CSS selector"),
    ("XPath for CSS", lambda t: t.replace('"div.content"', "\"//div[@id='main']\""), "extraction.body", "looks like XPath"),
    ("feed on another host", lambda t: t.replace("https://example.com/rss", "https://feeds.other.org/rss"), "feeds", "not in domains"),
    ("relative feed URL", lambda t: t.replace("https://example.com/rss/home.rss", "/rss/home.rss"), "feeds", "not an absolute http(s) URL"),
    ("section off the site", lambda t: t + '[sections]\nurls = ["https://other.org/news"]\n', "sections.urls", "is not an http(s) URL on"),
    ("no source", lambda t: t.replace('feeds = ["https://example.com/rss/home.rss"]\n', ""), "(file)", "no discovery source"),
    ("bad name", lambda t: t.replace('"example"', '"Example Site"'), "name", "lower-case"),
    ("bad language", lambda t: t.replace('language = "vi"', 'language = "Vietnamese"'), "language", "BCP 47"),
    ("bad favor", lambda t: t + 'favor = "speed"\n', "extraction.favor", "'precision' or 'recall'"),
]


@pytest.mark.parametrize(("what", "change", "field", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_declaration_names_file_and_field(tmp_path: Path, what: str, change, field: str, words: str) -> None:  # type: ignore[no-untyped-def]
    message = error_for(tmp_path, change(VALID))
    assert message.startswith(f"{field}: "), message
    assert words in message, message


def test_duplicate_name(tmp_path: Path) -> None:
    write(tmp_path, VALID, "a.toml")
    write(tmp_path, VALID, "b.toml")
    with pytest.raises(SiteError, match=r"b\.toml: name: duplicate site name 'example' \(also in a\.toml\)"):
        load_registry(tmp_path)


def test_valid_declaration_and_its_profile(tmp_path: Path) -> None:
    site = load_site(write(tmp_path, VALID + 'favor = "recall"\n'))
    profile = site.profile()
    assert profile.body_selectors == ("div.content",)
    assert profile.trafilatura_options == {"favor_precision": False, "favor_recall": True}
    assert site.in_domains("https://www.example.com/x") and not site.in_domains("https://example.org/x")
    assert site.is_article_url("https://example.com/a-story-123.html")
    assert not site.is_article_url("https://example.com/section/")


def test_check_reports_every_broken_file_on_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, VALID.replace("Asia/Ho_Chi_Minh", "Mars/Olympus"), "a.toml")
    write(tmp_path, "name = [", "b.toml")
    write(tmp_path, VALID.replace('"example"', '"fine"'), "c.toml")
    assert main(["check", "--sites-dir", str(tmp_path), "--fixtures-dir", str(tmp_path / "none")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("FAIL  ") and "a.toml: timezone: unknown time zone" in lines[0]
    assert lines[1].startswith("FAIL  ") and "b.toml: name: not valid TOML" in lines[1]
    assert lines[2].startswith("FAIL  fine") and "no fixture" in lines[2]
    assert len(lines) == 3


def test_all_shipped_declarations_are_valid() -> None:
    sites, errors = load_all(SITES_DIR)
    assert errors == []
    for site in sites.values():
        assert site.article_url, f"{site.name}: give article_url, or sections and sitemaps pull in every page"
        assert site.language and site.timezone


def test_demo_declaration_still_valid() -> None:
    from newscrawl.cli.demo import demo_site

    site = demo_site("http://127.0.0.1:8765")
    assert site.in_domains("http://127.0.0.1:8765/thoi-su/a.html")

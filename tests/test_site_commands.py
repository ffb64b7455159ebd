"""The developer commands: sites, new-site, fixture, check (offline, in temporary folders)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawl.cli import main

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Thành phố mở thêm ba thư viện cộng đồng</title>
<link rel="canonical" href="https://baomau.vn/thanh-pho-mo-them-ba-thu-vien-cong-dong-102345.html">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Thành phố mở thêm ba thư viện cộng đồng","datePublished":"2024-05-02T08:00:00+07:00",
"author":{"@type":"Person","name":"Lan Anh"}}</script></head>
<body><nav><a href="/">Trang chủ</a> <a href="/xa-hoi">Xã hội</a></nav>
<h1>Thành phố mở thêm ba thư viện cộng đồng</h1>
<div class="noi-dung">
<p>Ba thư viện cộng đồng mới được mở tại các phường đông dân, mỗi nơi có khoảng hai nghìn đầu sách cho thiếu nhi và người cao tuổi.</p>
<p>Các thư viện mở cửa cả ngày cuối tuần và có góc đọc riêng cho học sinh, được tình nguyện viên trông coi vào buổi tối.</p>
<p>Thành phố dự kiến mở thêm năm thư viện tương tự trong năm tới nếu số người đến đọc tiếp tục tăng như hiện nay.</p>
<div class="quang-cao">Quảng cáo: mua sách giảm giá hôm nay</div>
</div>
<div class="tin-lien-quan"><h3>Tin liên quan</h3>
<div class="item"><h4><a href="/sach-moi-cho-truong-vung-cao-102300.html">Sách mới cho các trường vùng cao trong năm học tới</a></h4></div>
<div class="item"><h4><a href="/ngay-hoi-doc-sach-thu-hut-nghin-nguoi-102288.html">Ngày hội đọc sách thu hút hàng nghìn người tham gia</a></h4></div>
</div></body></html>
"""


@pytest.fixture()
def dirs(tmp_path: Path) -> list[str]:
    (tmp_path / "sites").mkdir()
    return ["--sites-dir", str(tmp_path / "sites"), "--fixtures-dir", str(tmp_path / "fixtures")]


def new_site(dirs: list[str], *extra: str) -> int:
    return main(["new-site", "baomau", "https://www.baomau.vn/", "--language", "vi", "--timezone", "Asia/Ho_Chi_Minh", *extra, *dirs])


def test_new_site_scaffolds_a_valid_declaration_and_a_stub(tmp_path: Path, dirs: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert new_site(dirs) == 0
    toml = (tmp_path / "sites" / "baomau.toml").read_text(encoding="utf-8")
    assert 'domains = ["baomau.vn"]' in toml and 'timezone = "Asia/Ho_Chi_Minh"' in toml
    stub = json.loads((tmp_path / "fixtures" / "baomau" / "article.expected.json").read_text(encoding="utf-8"))
    assert "article.html" in stub["note"]
    capsys.readouterr()
    assert main(["sites", "--brief", *dirs[:2]]) == 0
    assert capsys.readouterr().out.startswith("baomau")
    # Until a page is saved the site fails its check, saying what to do.
    assert main(["check", "baomau", *dirs]) == 1
    assert "no fixture" in capsys.readouterr().out


def test_new_site_refuses_overwrite_and_bad_input(dirs: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert new_site(dirs) == 0
    assert new_site(dirs) == 1
    assert "exists" in capsys.readouterr().err
    assert main(["new-site", "Bad Name", "x.vn", *dirs]) == 1
    assert "name: must be lower-case" in capsys.readouterr().err
    assert main(["new-site", "other", "x.vn", "--timezone", "Asia/Hanoi", *dirs]) == 1
    assert "timezone: unknown time zone" in capsys.readouterr().err


def test_the_documented_workflow(tmp_path: Path, dirs: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """docs/adding-a-site.md in miniature: scaffold, hint, save a page, write its fixture, check."""
    assert new_site(dirs) == 0
    toml = tmp_path / "sites" / "baomau.toml"
    text = toml.read_text(encoding="utf-8").replace(
        "article_url = '^https?://(www\\.)?baomau\\.vn/.+'", "article_url = '^https://baomau\\.vn/[a-z0-9-]+-\\d+\\.html$'"
    )
    toml.write_text(text + '\n[extraction]\ndrop = ["div.quang-cao"]\n', encoding="utf-8")
    page = tmp_path / "fixtures" / "baomau" / "article.html"
    page.write_text(PAGE, encoding="utf-8")
    # No --url: the page's canonical URL is used.
    assert main(["fixture", str(page), "--site", "baomau", dirs[0], dirs[1]]) == 0
    expected = json.loads(page.with_name("article.expected.json").read_text(encoding="utf-8"))
    assert expected["url"] == "https://baomau.vn/thanh-pho-mo-them-ba-thu-vien-cong-dong-102345.html"
    assert expected["authors"] == ["Lan Anh"] and expected["published"] == "2024-05-02T08:00:00+07:00"
    assert [r["title"] for r in expected["related"]] == [
        "Sách mới cho các trường vùng cao trong năm học tới", "Ngày hội đọc sách thu hút hàng nghìn người tham gia"]
    assert "Sách mới cho các trường vùng cao trong năm học tới" in expected["body"]["excludes"]
    # A person adds what must never leak; rewriting the fixture keeps it.
    expected["body"]["excludes"].append("Quảng cáo")
    page.with_name("article.expected.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    assert main(["fixture", str(page), "--site", "baomau", dirs[0], dirs[1]]) == 0
    assert "Quảng cáo" in json.loads(page.with_name("article.expected.json").read_text(encoding="utf-8"))["body"]["excludes"]
    capsys.readouterr()
    assert main(["check", *dirs]) == 0
    assert capsys.readouterr().out.strip() == "ok    baomau       1 fixture"


def test_check_fails_when_the_extraction_changes(tmp_path: Path, dirs: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    test_the_documented_workflow(tmp_path, dirs, capsys)
    expected_path = tmp_path / "fixtures" / "baomau" / "article.expected.json"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    expected["title"] = "Another title"
    expected["body"]["excludes"].append("hai nghìn đầu sách")
    expected_path.write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    assert main(["check", "--all", *dirs]) == 1
    out = capsys.readouterr().out
    assert out.startswith("FAIL  baomau") and "title: expected" in out and "must not contain" in out


def test_fixture_refuses_a_url_the_site_would_not_crawl(tmp_path: Path, dirs: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert new_site(dirs) == 0
    page = tmp_path / "fixtures" / "baomau" / "article.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["fixture", str(page), "--site", "baomau", "--url", "https://elsewhere.org/a-1.html", dirs[0], dirs[1]]) == 1
    assert "outside the site's domains" in capsys.readouterr().err
    assert "REPLACE" in page.with_name("article.expected.json").read_text(encoding="utf-8"), "nothing written"


def test_check_flags_fixture_folders_without_a_site(tmp_path: Path, dirs: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "fixtures" / "gone").mkdir(parents=True)
    assert main(["check", *dirs]) == 1
    assert "gone: fixture folder" in capsys.readouterr().out


def test_sites_lists_the_shipped_sites_with_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sites"]) == 0
    out = capsys.readouterr().out
    assert "hanoionline" in out and "feed          https://hanoionline.vn/rss/" in out
    assert "news_sitemap  https://www.bbc.com/sitemaps/https-index-com-news.xml" in out
    assert main(["sites", "nosuchsite"]) == 1
    assert main(["sites", "vnexpress", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["domains"] == ["vnexpress.net"]

"""`newscrawl extract` previews a saved page (plain or gzipped) as JSON."""

import gzip
import json

from newscrawl.cli import main
from newscrawl.cli.demo import DEMO_ROOT
from newscrawl.demo.server import render_page

SEED = "thoi-su/24-nghin-mo-hinh-dan-van-kheo.html"


def test_extract_saved_gzip_page_with_url(tmp_path, capsys):
    page = tmp_path / "seed.html.gz"
    page.write_bytes(gzip.compress(render_page(DEMO_ROOT, SEED, "https://demo.test").encode("utf-8")))
    assert main(["extract", str(page), "--url", f"https://demo.test/{SEED}"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == "Hơn 24 nghìn mô hình dân vận khéo được triển khai"
    assert record["url"] == f"https://demo.test/{SEED}"
    assert "Video Player is loading" not in record["body"]
    assert "24.254 mô hình" in record["body"]


def test_extract_fields_filter(tmp_path, capsys):
    page = tmp_path / "seed.html"
    page.write_text(render_page(DEMO_ROOT, SEED, "https://demo.test"), encoding="utf-8")
    assert main(["extract", str(page), "--fields", "title,language"]) == 0
    assert json.loads(capsys.readouterr().out) == {"title": "Hơn 24 nghìn mô hình dân vận khéo được triển khai", "language": "vi"}


def test_extract_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.html")]) == 2
    assert "cannot read" in capsys.readouterr().err

"""The Scrapy components, built from a crawler as Scrapy builds them."""

import asyncio
import json
import os
import unicodedata

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newscrawl.components.dedup import DedupPipeline
from newscrawl.components.extract import ExtractPipeline, extract_page
from newscrawl.components.jsonl import JsonlWriterPipeline, output_path
from newscrawl.components.limits import NotNow
from newscrawl.components.validate import ValidatePipeline
from newscrawl.items import FetchedPage
from newscrawl.spiders.news import NewsSpider
from pipelines.schema import Article, Extraction

STORY = " ".join(f"Câu chuyện số {i} kể về người dân thủ đô và cuộc sống hằng ngày của họ." for i in range(12))
PAGE = f"""<html lang="vi"><head><title>Tin mẫu - Báo</title></head><body><article><h1>Tin mẫu về Hà Nội</h1>
<p>{STORY}</p><p>{STORY}</p></article></body></html>"""


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """windows-1258 as Vietnamese sites wrote it: precomposed base letters plus combining tone marks."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in decomposed if c in TONE_MARKS)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
            out += base.encode("cp1258") + tones.encode("cp1258")
    return out


def _crawler(**settings):
    crawler = get_crawler(NewsSpider, settings_dict=settings)
    crawler.spider = None
    return crawler


def _article(url="https://e.vn/a-b-c.html", body="x " * 50, page_type="article", title="T", **kw):
    return Article(url=url, title=title, body=body, word_count=len(body.split()), body_hash=str(hash(body)),
                   extraction=Extraction(page_type=page_type), **kw)


def test_extract_decodes_with_header_charset_and_extracts():
    crawler = _crawler()
    pipe = build_from_crawler(ExtractPipeline, crawler)
    page = FetchedPage(url="https://e.vn/thoi-su/tin-mau.html", body=to_cp1258(PAGE), site="adhoc",
                       headers={"content-type": "text/html; charset=windows-1258"})
    article = asyncio.run(pipe.process_item(page))
    assert article.title == "Tin mẫu về Hà Nội"
    assert "người dân thủ đô" in article.body
    assert article.site == "adhoc"


def test_extract_in_a_worker_process_gives_the_same_article():
    page = FetchedPage(url="https://e.vn/thoi-su/tin-mau.html", body=PAGE.encode(), site="adhoc", fetched_at="2024-01-01T00:00:00+00:00")
    inline = build_from_crawler(ExtractPipeline, _crawler())
    pooled = build_from_crawler(ExtractPipeline, _crawler(NEWSCRAWL_EXTRACT_WORKERS=1))
    pooled.open_spider()
    try:
        assert pooled.pool is not None
        assert asyncio.run(pooled.process_item(page)) == asyncio.run(inline.process_item(page))
    finally:
        pooled.close_spider()


def test_an_extraction_error_is_a_counted_skip_that_leaves_the_url_for_the_next_run(monkeypatch, caplog):
    from newscrawl.components import extract as extract_module
    from newscrawl.components.limits import NotNow

    def broken(*args, **kwargs):
        raise RuntimeError("core bug")

    monkeypatch.setattr(extract_module, "extract_page", broken)
    crawler = _crawler()
    pipe = build_from_crawler(ExtractPipeline, crawler)
    page = FetchedPage(url="https://e.vn/thoi-su/tin-mau.html", body=PAGE.encode(), site="adhoc")
    with pytest.raises(NotNow):
        asyncio.run(pipe.process_item(page))
    assert crawler.stats.get_value("newscrawl/extract/skipped/error") == 1
    assert "extraction failed on https://e.vn/thoi-su/tin-mau.html: RuntimeError: core bug" in caplog.text


def _worker_dies(*args):
    os._exit(1)


def test_dead_extraction_worker_is_replaced(monkeypatch):
    import newscrawl.components.extract as component

    page = FetchedPage(url="https://e.vn/thoi-su/tin-mau.html", body=PAGE.encode(), site="adhoc")
    crawler = _crawler(NEWSCRAWL_EXTRACT_WORKERS=1)
    pooled = build_from_crawler(ExtractPipeline, crawler)
    pooled.open_spider()
    try:
        monkeypatch.setattr(component, "extract_page", _worker_dies)
        with pytest.raises(NotNow):  # counted, and fetched again next run
            asyncio.run(pooled.process_item(page))
        assert crawler.stats.get_value("newscrawl/extract/worker_died") == 1
        monkeypatch.setattr(component, "extract_page", extract_page)
        assert asyncio.run(pooled.process_item(page)).title == "Tin mẫu về Hà Nội"
    finally:
        pooled.close_spider()


def test_extract_skips_binary_with_counted_reason():
    crawler = _crawler()
    pipe = build_from_crawler(ExtractPipeline, crawler)
    with pytest.raises(DropItem):
        asyncio.run(pipe.process_item(FetchedPage(url="https://e.vn/x.pdf", body=b"%PDF-1.4 binary", site="adhoc")))
    assert crawler.stats.get_value("newscrawl/extract/skipped/binary") == 1


def test_validate_drops_non_articles_and_empty_bodies():
    crawler = _crawler()
    pipe = build_from_crawler(ValidatePipeline, crawler)
    assert pipe.process_item(_article()).url
    with pytest.raises(DropItem):
        pipe.process_item(_article(page_type="hub"))
    with pytest.raises(DropItem):
        pipe.process_item(_article(body="too short"))
    assert crawler.stats.get_value("newscrawl/validate/dropped/not_article/hub") == 1
    assert crawler.stats.get_value("newscrawl/validate/dropped/empty_body") == 1


def test_dedup_by_canonical_url_and_body_hash():
    crawler = _crawler()
    pipe = build_from_crawler(DedupPipeline, crawler)
    pipe.process_item(_article(url="https://e.vn/a.html?utm_source=x", canonical_url="https://e.vn/a.html"))
    with pytest.raises(DropItem):
        pipe.process_item(_article(url="https://e.vn/a.html", canonical_url="https://e.vn/a.html", body="y " * 50))
    with pytest.raises(DropItem):
        pipe.process_item(_article(url="https://e.vn/amp/a.html"))  # same body, other URL
    assert crawler.stats.get_value("newscrawl/dedup/dropped/url") == 1
    assert crawler.stats.get_value("newscrawl/dedup/dropped/body_hash") == 1


def test_jsonl_writes_whole_lines_then_moves_into_place(tmp_path):
    crawler = _crawler(NEWSCRAWL_OUTPUT_DIR=str(tmp_path), NEWSCRAWL_RUN_ID="run1")
    pipe = build_from_crawler(JsonlWriterPipeline, crawler)
    pipe.process_item(_article(url="https://e.vn/1.html", site="demo", title="Một"))
    pipe.process_item(_article(url="https://e.vn/2.html", site="demo"))
    parts = list(tmp_path.rglob("*.jsonl.part"))
    assert len(parts) == 1 and parts[0].read_bytes().count(b"\n") == 2  # written as it goes
    pipe.close_spider()
    files = list(tmp_path.rglob("*.jsonl"))
    assert [f.name for f in files] == ["run1.jsonl"] and not list(tmp_path.rglob("*.part"))
    lines = [json.loads(line) for line in files[0].read_text(encoding="utf-8").splitlines()]
    assert [r["url"] for r in lines] == ["https://e.vn/1.html", "https://e.vn/2.html"]
    assert lines[0]["title"] == "Một"  # UTF-8, not \\u escapes
    assert "Một" in files[0].read_text(encoding="utf-8")


def test_output_path_cannot_escape_root(tmp_path):
    path = output_path(tmp_path, "../../etc", "../x", "2024-01-01")
    assert path.is_relative_to(tmp_path.resolve())
    assert ".." not in path.relative_to(tmp_path.resolve()).parts

"""Bad input gives an article or a clear, counted skip: never a crash, an empty article or mojibake."""

import asyncio
import time

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newscrawl.components.extract import ExtractPipeline
from newscrawl.components.validate import ValidatePipeline
from newscrawl.items import FetchedPage
from newscrawl.spiders.news import NewsSpider
from pipelines import extract
from pipelines.html_input import NotHtmlError, decode_html

VI_PARAGRAPHS = [
    "Sáng nay, Ủy ban nhân dân thành phố Hà Nội tổ chức hội nghị sơ kết công tác sáu tháng đầu năm với sự tham gia của nhiều sở ngành.",
    "Theo báo cáo, các quận huyện đã hoàn thành phần lớn chỉ tiêu đề ra, trong đó lĩnh vực giáo dục và y tế có nhiều chuyển biến tích cực.",
    "Phát biểu kết luận, lãnh đạo thành phố đề nghị các đơn vị tiếp tục đẩy mạnh cải cách hành chính, tạo thuận lợi cho người dân và doanh nghiệp.",
]
URL = "https://example.vn/thoi-su/hoi-nghi-so-ket-6-thang.html"


def page(head: str = '<meta charset="utf-8">', paragraphs=VI_PARAGRAPHS) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<!DOCTYPE html><html lang='vi'><head>{head}<title>Hội nghị sơ kết</title></head><body><article><h1>Hội nghị sơ kết sáu tháng</h1>{body}</article></body></html>"


def run_pipeline(body: bytes, content_type: str = "text/html"):
    crawler = get_crawler(NewsSpider)
    crawler.spider = None
    extract_pipe = build_from_crawler(ExtractPipeline, crawler)
    validate = build_from_crawler(ValidatePipeline, crawler)
    item = FetchedPage(url=URL, body=body, site="adhoc", headers={"content-type": content_type})
    try:
        return validate.process_item(asyncio.run(extract_pipe.process_item(item))), crawler.stats.get_stats()
    except DropItem:
        return None, crawler.stats.get_stats()


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty"), (b"   \n\t ", "empty"), (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "binary"),
     (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"), (bytes(range(256)) * 40, "binary")],
)
def test_empty_and_binary_input_is_a_counted_skip(data, reason):
    with pytest.raises(NotHtmlError) as err:
        decode_html(data)
    assert err.value.reason == reason
    article, stats = run_pipeline(data)
    assert article is None
    assert stats.get(f"newscrawl/extract/skipped/{reason}") == 1


def test_plain_text_is_not_an_article():
    article = extract("just some words, no markup at all", URL)
    assert article.extraction.page_type != "article" and not article.body


def test_page_without_body_element_still_extracts():
    html = "<html><head><title>Hội nghị</title></head>" + "".join(f"<p>{p}</p>" for p in VI_PARAGRAPHS) + "</html>"
    article = extract(html, URL)
    for p in VI_PARAGRAPHS:
        assert p in article.body


def test_broken_markup_still_extracts():
    html = page().replace("</p>", "", 2).replace("</article>", "").replace("</body></html>", "<div><span><b>")
    html = html.replace("<article>", "<article><table><tr><td>")
    article = extract(html, URL)
    for p in VI_PARAGRAPHS:
        assert p in article.body


def test_twenty_megabyte_page_is_bounded(capsys):
    junk = "<div class='x'>" + ("<span>lorem ipsum dolor sit amet</span>" * 550_000) + "</div>"
    html = page().replace("</article>", "</article>" + junk)
    assert len(html) > 20_000_000
    started = time.perf_counter()
    article = extract(html, URL)
    elapsed = time.perf_counter() - started
    # Not a timing assertion on speed: a guard that the size cap works at all (uncapped, this is minutes).
    assert elapsed < 120
    assert article.title
    assert "page_truncated" in article.extraction.warnings


def test_utf8_declared_as_latin1_has_no_mojibake():
    data = page(head='<meta charset="iso-8859-1">').encode("utf-8")
    article, _ = run_pipeline(data, "text/html; charset=ISO-8859-1")
    assert article is not None
    assert VI_PARAGRAPHS[0] in article.body
    assert "Ã" not in article.body and "áº" not in article.body


def test_windows_1258_page_decodes_to_nfc():
    from tests.test_components import to_cp1258

    data = to_cp1258(page(head='<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'))
    article, _ = run_pipeline(data, "text/html")
    assert article is not None
    for p in VI_PARAGRAPHS:
        assert p in article.body


def test_undeclared_legacy_charset_is_detected():
    text = "Der Bürgermeister äußerte sich über die Größe des Straßenfestes und die Öffnungszeiten der Geschäfte."
    html = f"<html><head><title>Straßenfest</title></head><body><article><h1>Straßenfest</h1><p>{text}</p><p>{text}</p><p>{text}</p></article></body></html>"
    article = extract(html.encode("cp1252"), "https://example.de/a/b-c-d.html")
    assert text in article.body

"""The speed paths must give exactly what the library calls they replace give."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html

from pipelines.dom_utils import _join, text_of
from pipelines.teaser_links import _host_path_query
from pipelines.text import clean_line

_BASES = ["http://a.com", "HTTP://A.com/x/y?q#f", "https://u:p@h:8080/a;p", "http://[::1]/", "ftp://x/y", "", "/rel"]
_HREFS = ["/a", "/a/b/", "/a//b", "/a/./b", "/a/../b", "/.x", "/a?", "/a?q=1", "/a#", "/a#f", "/a;p", "/ a",
          "/a b", "/a\tb", "/é/ü", "/", "//h/p", "a/b", "../a", "?q", "#f", "/a:b", "/%2e%2e/a"]


@pytest.mark.parametrize("base", _BASES)
def test_join_is_urljoin(base: str) -> None:
    for href in _HREFS:
        try:
            expected = urljoin(base, href)
        except ValueError:
            expected = "ValueError"
        try:
            got = _join(base, href)
        except ValueError:
            got = "ValueError"
        assert got == expected, (base, href)


def test_host_path_query_is_urlsplit() -> None:
    urls = ["http://a/b?c#d", "https://a#x?y", "http://a?x/y#z", "http://a/b#c?d", "http://a/b?c?d#e#f",
            "https://u:p@h:80/p;x?q", "http://", "HTTP://A/b", "http://é.com/x", "http://a/é?ü", "http://a/b c",
            "http://a/\tb", "http://a/\x7fb", "http://a\x01/b", "http://[::1]/x", "http://a]/", " http://a/b", "mailto:x@y"]
    for url in urls:
        try:
            parts = urlsplit(url)
            expected: object = (parts.netloc, parts.path, parts.query)
        except ValueError:
            expected = "ValueError"
        try:
            got: object = _host_path_query(url)
        except ValueError:
            got = "ValueError"
        assert got == expected, url


def test_text_of_is_text_content() -> None:
    root = html.fromstring("<div> A <b>bold\n word</b> tail &amp; <i>more<br/>text</i> end <!-- c --> x<?pi y?></div>")
    for el in root.iter():
        try:
            expected = clean_line(el.text_content())
        except ValueError:  # comments and processing instructions
            expected = ""
        assert text_of(el) == expected


def test_legal_line_keywords_keep_every_notice() -> None:
    from pipelines.body import _legal_line

    assert _legal_line("copyright 2008 the daily example. all rights reserved.")
    assert _legal_line("this material may not be published, broadcast, rewritten or redistributed.")
    assert _legal_line("use of this website is subject to our terms")
    # A dotless i matches "i" in the pattern (IGNORECASE): the keyword test must not skip it.
    assert _legal_line("read our terms and condıtıons and prıvacy polıcy")
    assert not _legal_line("the minister spoke for an hour about the budget.")


def test_clean_line_folds_like_the_pattern() -> None:
    import random
    import re
    import unicodedata

    from pipelines.text import clean_line

    pattern = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")

    def reference(text: str) -> str:  # the definition before the split() fast path
        return pattern.sub(" ", unicodedata.normalize("NFC", text).replace("\n", " ")).strip()

    pool = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u1680", "\u2003", "\u200b",
            "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "a", "é", "e\u0301", "đ", "\u0300"]
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 10)))
        if not text.isascii():
            assert clean_line(text) == reference(text), repr(text)


def test_control_characters_found_in_the_utf8_bytes() -> None:
    import random

    from pipelines.html_input import _CONTROL_CHARS, _has_control_chars, parse_html

    rng = random.Random(3)
    pool = ["a", "é", "\x00", "\x08", "\t", "\n", "\r", "\x0b", "\x1f", "\x7f", "\ufffe", "\uffff", "\ufffd", "\U0001f600"]
    for _ in range(5000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 6)))
        assert _has_control_chars(text.encode("utf-8", "surrogatepass")) == bool(_CONTROL_CHARS.search(text))
    tree, _ = parse_html("<html><body><p>One\x00 two\ufffe three\x1f</p></body></html>")
    assert tree.findtext(".//p") == "One two three"


def test_menu_link_sums_reach_every_ancestor() -> None:
    from pipelines.menus import drop_menus

    links = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(6))
    page = html.fromstring(f"<html><body><div id='w'><div><ul>{links}</ul></div>"
                           "<p>A story paragraph that is long enough to be kept in the body.</p></div></body></html>")
    # Called on a subtree: the list's sums must still reach the <ul> above its <li>s.
    assert drop_menus(page.get_element_by_id("w"), {}) == 1
    assert "Section" not in page.text_content() and "story paragraph" in page.text_content()


def test_widget_tries_find_the_same_words() -> None:
    import random
    import re

    from pipelines.dom_clean import _WIDGET_CLASS_WORDS, _WIDGET_WORDS, _any_of

    rng = random.Random(5)
    for vocabulary in (_WIDGET_CLASS_WORDS, _WIDGET_WORDS):
        flat, trie = re.compile("|".join(map(re.escape, vocabulary))), re.compile(_any_of(vocabulary))
        for _ in range(20000):
            text = "".join(rng.choice("abcdeiklmnoprstuvyý -_") for _ in range(rng.randint(0, 10)))
            word = rng.choice(vocabulary)
            cut = rng.randint(0, len(text))
            text = text[:cut] + word[:rng.randint(1, len(word))] + text[cut:]
            assert bool(flat.search(text)) == bool(trie.search(text)), text


def test_every_paragraph_div_beside_a_paragraph_is_retagged() -> None:
    from pipelines.layout import divs_among_paragraphs

    line = "A paragraph of the story that is long enough to count as one on its own. " * 2
    page = html.fromstring(f"<html><body><div id='s'><p>{line}</p><div>{line}</div><div>{line}</div></div></body></html>")
    assert divs_among_paragraphs(page) == 2
    assert [c.tag for c in page.get_element_by_id("s")] == ["p", "p", "p"]


def _cards(n: int, uniform: bool) -> str:
    cards = []
    for i in range(n):
        img = '<img src="/i.jpg">' if uniform or i == 0 else ""
        cards.append(f'<div class="card"><a href="/news/story-number-{i}-here.html">{img}</a>'
                     f'<a href="/news/story-number-{i}-here.html">Headline of the other story number {i}</a></div>')
    return "".join(cards)


def test_two_teaser_cards_need_a_uniform_shape() -> None:
    from pipelines.teasers import extract_teasers

    story = "<p>" + "Story text of the page itself, long and unlinked. " * 8 + "</p>"
    for uniform, expected in ((True, 2), (False, 0)):
        page = html.fromstring(f"<html><body><article>{story}</article><div>{_cards(2, uniform)}</div></body></html>")
        related = extract_teasers(page, "https://example.com/news/this-story.html").related
        assert len(related) == expected, uniform
    page = html.fromstring(f"<html><body><article>{story}</article><div>{_cards(3, False)}</div></body></html>")
    assert len(extract_teasers(page, "https://example.com/news/this-story.html").related) == 3


def test_lead_markers_cache_keeps_each_page_text() -> None:
    from pipelines.lead import find_lead

    for lead in ("The first standfirst sentence of this page, long enough to count.",
                 "Another page, same class names, with its own standfirst sentence here."):
        page = html.fromstring(f'<html><body><article><h1>The headline of the story</h1><p class="lead">{lead}</p>'
                               "<p>Body text.</p></article></body></html>")
        assert find_lead(page, "The headline of the story") == lead


def test_remembered_texts_only_inside_the_block() -> None:
    from pipelines.dom_utils import remembered_texts

    page = html.fromstring("<div><p>one <b>two</b></p></div>")
    p = page.find(".//p")
    with remembered_texts():
        assert text_of(p) == "one two"
        p.find("b").text = "three"  # never done inside: the remembered text stays
        assert text_of(p) == "one two"
    assert text_of(p) == "one three"


def test_widget_kinds_keyword_gates_keep_every_match() -> None:
    from pipelines.dom_clean import _widget_kinds

    kinds = _widget_kinds.__wrapped__
    assert kinds(" fb-like ")[1:] == (False, False, True, False, False, False)
    assert kinds(" about-the-author ")[1:] == (False, False, False, False, False, True)
    assert kinds(" bc-player ")[1:] == (True, False, False, False, False, False)
    # U+017F (long s) and U+0131 (dotless i) match "s" and "i" under IGNORECASE.
    assert kinds(" \u017fhare ad ")[3] is True
    assert kinds(" ad b\u0131o-box ")[6] is True
    assert kinds(" header main ")[1:] == (False,) * 6


def test_serialised_text_lengths_match_text_content() -> None:
    from pipelines.body import _longest_paragraph
    from pipelines.layout import _shown_text

    page = html.fromstring("<html><body><p>short</p><p>a <b>much</b> longer &amp; fuller line</p><p>mid line</p></body></html>")
    for el in page.iter():
        assert _shown_text(el) == el.text_content()
    assert _longest_paragraph(page).text_content() == "a much longer & fuller line"


def test_text_of_leaf_elements() -> None:
    root = html.fromstring("<div><span> a\n b </span><br/><i></i><b>x<!-- c --></b></div>")
    assert [text_of(el) for el in root.iter("span", "br", "i", "b")] == ["a b", "", "", "x"]


_CLASSED_PAGE = """<html class="x-label"><body class="page"><div class="field-label-above">Tags:</div>
<p class="Kicker">K</p><!-- c --><span class="eyebrow">E</span><div class="">x</div><p id="label">i</p>
<section class="surtitre occhiello"><b class="dachzeile">D</b><i class="supertitle-x">S</i></section>
<div class="ntetitulo overline"><em class="label">L</em></div><p class="labelled icker">T</p></body></html>"""


def test_chrome_text_candidates_equal_the_attribute_xpath() -> None:
    from lxml import etree

    from pipelines.chrome_text import _candidates

    root = html.fromstring(_CLASSED_PAGE)
    xpath = etree.XPath(
        "//@class[contains(., 'label') or contains(., 'icker') or contains(., 'verline') or contains(., 'ntetitulo')"
        " or contains(., 'achzeile') or contains(., 'upertitle') or contains(., 'urtitre') or contains(., 'cchiello')"
        " or contains(., 'yebrow')]/..")
    assert _candidates(root) == xpath(root)
    assert len(_candidates(root)) == 10


def test_subtree_lengths_equal_the_child_loop() -> None:
    from lxml import etree

    from pipelines.dom_utils import text_lengths
    from pipelines.teaser_links import LinkIndex, subtree_lengths

    parser = etree.HTMLParser(remove_comments=False)
    root = html.fromstring("""<html><body> <div> a <!-- c --> tail of comment <p>x<b> y </b> z </p>
        <?pi x?> pi tail <a href="/news/a-b-c">Link text</a> after</div><ul><li><a href="/x/y-z-w">L</a></li></ul>
        </body></html>""", parser=parser)
    elements = list(root.iter(etree.Element))
    assert subtree_lengths(root, elements) == text_lengths(root)
    inner = root.find(".//div")
    assert subtree_lengths(inner, list(inner.iter(etree.Element))) == text_lengths(inner)
    index = LinkIndex(root, "http://site.example/page")
    assert index.links_below == {root: 2, root.find("body"): 2, inner: 1, inner.find("a"): 1,
                                 root.find(".//ul"): 1, root.find(".//li"): 1, root.find(".//li/a"): 1}


def test_notice_hints_equal_the_attribute_xpath() -> None:
    from lxml import etree

    from pipelines.notices import _hinted

    root = html.fromstring("""<html class="debug"><body><div class="regwall">w</div><button>b</button>
        <p id="paywall">x</p><p id="btn">not by id</p><span class="Btn">case</span><a class="cta-box">c</a>
        <div class="">e</div><div class="x" id="debug-info"><button class="button">b</button></div></body></html>""")
    xpath = etree.XPath(".//button | .//@class[contains(., 'wall') or contains(., 'debug') or contains(., 'btn')"
                        " or contains(., 'button') or contains(., 'cta')]/.. | .//@id[contains(., 'wall')"
                        " or contains(., 'debug')]/..")
    assert _hinted(root) == xpath(root)
    assert [el.tag for el in _hinted(root)] == ["html", "div", "button", "p", "a", "div", "button"]
    button = root.find(".//button")
    assert _hinted(button) == xpath(button) == []


def test_gallery_walk_equals_the_classed_xpath() -> None:
    from pipelines import boxes
    from pipelines.dom_utils import attr_tokens

    root = html.fromstring("""<html><body class="gallery"><div class="Photo-Gallery"><ul><li>1/2 a</li></ul></div>
        <div id="slideshow_1" class=""><figure>x</figure></div><article class="carousel">a</article>
        <div class="galleryx">no</div><section class="x" id="fotogalerie"><h1>Story</h1></section>
        <div class="carousel"><p>free paragraph text</p></div><span class="bildergalerie">legend</span></body></html>""")

    def slow(el):  # the test the walk replaced, on the elements the XPath picked
        return (el.tag not in boxes._NEVER_GALLERY_TAGS and bool(el.get("class") or el.get("id"))
                and boxes._GALLERY_CLASS.search(attr_tokens(el)) is not None and not boxes._holds_story(el)
                and boxes._free_paragraph_share(el) < boxes.MAX_FREE_PARAGRAPH_SHARE)

    expected = [el for el in root.xpath("descendant-or-self::*[@class or @id]") if slow(el)]
    assert boxes._galleries(root) == expected
    assert [el.get("class") or el.get("id") for el in expected] == ["Photo-Gallery", "slideshow_1", "bildergalerie"]


def test_widget_kinds_from_class_and_id_equal_the_token_string() -> None:
    from pipelines.dom_clean import _attr_widget_kinds, _widget_kinds
    from pipelines.dom_utils import attr_tokens

    root = html.fromstring("""<html><body><div class="Video-Player">v</div><p id="comments">c</p>
        <span class="share" id="AD-1">s</span><b class="">x</b><i id="">y</i><div class="tag-video x">t</div>
        <p class="author-bio" id="Bio">a</p><p>plain</p></body></html>""")
    for el in root.iter():
        assert _attr_widget_kinds(el.get("class"), el.get("id")) == _widget_kinds(attr_tokens(el))


def test_registered_host_is_urlsplit_hostname() -> None:
    from pipelines.dom_utils import registered_host

    urls = ["http://www.A.com/x", "https://u:p@WWW.h.org:8080/p?q#f", "http://h.com?x/y", "http://h.com#a/b",
            "http://", "http://:80/x", "http://u@/x", "http://h%25Zone/x", "http://[::1]:80/x", "http://a]b/",
            "HTTP://Www.X.com/", "http://é.com/", "http://h.com/a b", "http://h\tx.com/", "ftp://www.f.com/x",
            "//www.n.com/p", "www.p.com/x", "", "http://www./", "https://www/x"]
    for url in urls:
        try:
            host = (urlsplit(url).hostname or "").lower()
            expected = host[4:] if host.startswith("www.") else host
        except ValueError:
            expected = "ValueError"
        try:
            got = registered_host(url)
        except ValueError:
            got = "ValueError"
        assert got == expected, url


def test_keyword_patterns_find_what_the_substring_tests_find() -> None:
    from pipelines.legal import _KEYWORDS
    from pipelines.promo import _CONSENT_HINTS, _PAYWALL_HINTS, _PROMO_HINTS, _READER_CHROME_HINTS
    from pipelines.text import keyword_pattern

    texts = ["all rights reserved", "(c) 2008", "© x", "price (c", "get the app", "whatsapp", "don't",
             "e-mail user", "gerät", "réservée", "plain story text", "", "a.b*c", "weiterlesen?", "sıte"]
    for words in (_KEYWORDS, _PROMO_HINTS, _PAYWALL_HINTS, _READER_CHROME_HINTS, _CONSENT_HINTS, ("a.b", "*c", "(")):
        pattern = keyword_pattern(words)
        for text in texts:
            assert (pattern.search(text) is not None) == any(w in text for w in words), (words, text)


def test_extract_restores_the_garbage_collector_state() -> None:
    import gc

    from pipelines.extract import extract

    page = "<html><head><title>T</title></head><body><article><h1>T</h1><p>" + "Story text here. " * 30 + "</p></article></body></html>"
    assert gc.isenabled()
    first = extract(page, "https://news.example/a/b-c-d")
    assert gc.isenabled()
    gc.disable()
    try:
        second = extract(page, "https://news.example/a/b-c-d")
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert first.body == second.body and "Story text here." in (first.body or "")


def test_leaf_text_div_equals_the_generator_over_iter() -> None:
    from pipelines.layout import (
        _BLOCKS,
        TEXT_DIV_CHARS,
        TEXT_DIV_MAX_CHARS,
        _leaf_text_div,
        _shown_text,
        _trailing_break,
    )

    text = "A paragraph of story text that is long enough to count as one. " * 2
    root = html.fromstring(f"""<html><body><div id="a">{text}<br></div><div id="b">{text}<br>more</div>
        <div id="c">{text}<span><br></span></div><div id="d">{text}<img src="x.jpg"></div><div id="e"><div>{text}</div></div>
        <div id="f">{text}<br> </div><div id="g">short</div><div id="h">{text}<b>bold</b></div></body></html>""")

    def slow(div):
        if next((b for b in div.iter("br", "img", "picture", "figure", *_BLOCKS)
                 if b is not div and not _trailing_break(div, b)), None) is not None:
            return False
        return TEXT_DIV_CHARS <= len(_shown_text(div).strip()) <= TEXT_DIV_MAX_CHARS

    divs = list(root.iter("div"))
    assert [_leaf_text_div(d) for d in divs] == [slow(d) for d in divs]
    assert [d.get("id") for d in divs if _leaf_text_div(d)] == ["a", None, "f", "h"]


def test_lxml_filtered_iteration_equals_the_python_filters() -> None:
    from lxml import etree

    from pipelines.dom_utils import first_child_element

    parser = etree.HTMLParser(remove_comments=False)
    root = html.fromstring("""<html><body><div id="a"><!-- c --><?pi x?>text<b>first</b><i>2</i></div>
        <div id="b"><!-- only a comment --></div><figure><table><tr><td><div><img src="x.jpg"></div></td></tr></table>
        </figure><ul><li><h3>Head</h3></li><li><p>no heading</p></li></ul></body></html>""", parser=parser)
    for el in root.iter(etree.Element):
        assert first_child_element(el) is next((c for c in el if isinstance(c.tag, str)), None)
        assert (next(el.iter("h2", "h3"), None) is not None) == any(True for _ in el.iter("h2", "h3"))
    img = root.find(".//img")
    assert next(img.iterancestors("figure", "table"), None) is next(
        a for a in img.iterancestors() if a.tag in ("figure", "table"))
    assert first_child_element(root.find(".//div")).tag == "b"


def test_iter_elements_skips_comments_and_filters_tags() -> None:
    from lxml import etree

    from pipelines.dom_utils import iter_elements

    root = html.fromstring("<html><body><!-- c --><p>a<b>b</b></p><?pi x?><div><p>c</p></div></body></html>",
                           parser=etree.HTMLParser(remove_comments=False))
    assert [el.tag for el in iter_elements(root)] == ["html", "body", "p", "b", "div", "p"]
    assert [el.tag for el in iter_elements(root, ("p", "div"))] == ["p", "div", "p"]


def test_compiled_xpaths_equal_the_string_calls() -> None:
    from pipelines.layout import _ROWS
    from pipelines.story_box import _TEXT_WITH

    root = html.fromstring("""<html><head><title>key</title></head><body><p>a key line<b>key</b> tail key</p>
        <table><tr><td>1</td></tr><tbody><tr><td>2</td></tr><tr><td>key</td></tr></tbody></table></body></html>""")
    assert _TEXT_WITH(root, key="key") == root.xpath("//body//text()[contains(., $key)]", key="key")
    assert len(_TEXT_WITH(root, key="key")) == 4
    table = root.find(".//table")
    assert _ROWS(table) == table.xpath("./tr|./tbody/tr")

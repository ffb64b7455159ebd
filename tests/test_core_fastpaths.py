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
        assert _has_control_chars(text, text.encode("utf-8", "surrogatepass")) == bool(_CONTROL_CHARS.search(text))
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

"""Speed paths for text reads, paragraph tests and lead markers must give exactly what
the code they replaced gives (the slow expression is spelled out in each test)."""

from __future__ import annotations

from lxml import etree, html

#: Wrappers around one child with and without text of their own: ASCII blanks,
#: a no-break space, a separator character, decomposed accents, a comment sibling.
_WRAPPED_PAGE = """<html><body><ul><li> <a href="/a"> Play  video </a>
</li><li>&#160;<a href="/b">Menu</a></li><li>x<a href="/c">Home</a></li><li><a href="/d">Tail</a> y</li>
<li><a href="/e"><span>\u2028Bi\u0300nh\tlua\u0323n\u2028</span></a></li><li><!-- c --><a href="/f">F</a></li>
<li>\x1c<b>sep</b></li><li>\r\n<b>Caf\u00e9 <i>x</i></b>\n</li></ul></body></html>"""


def test_has_parents_text_only_when_the_texts_are_equal() -> None:
    from pipelines.dom_utils import has_parents_text, text_of

    root = html.fromstring(_WRAPPED_PAGE, parser=html.HTMLParser(remove_comments=False))
    pairs = [(el, el.getparent()) for el in root.iter(etree.Element) if el.getparent() is not None]
    shared = [(el, parent) for el, parent in pairs if has_parents_text(el, parent)]
    assert all(text_of(el) == text_of(parent) for el, parent in shared)
    # <body> and <ul> (only children), the blank-wrapped <a>, <a><span> inside <li>, the \r\n-wrapped <b>;
    # not the children after a no-break space, a separator or a comment, nor those beside text.
    assert [el.tag for el, _ in shared] == ["body", "ul", "a", "a", "span", "b"]
    assert not any(has_parents_text(el, parent) for el, parent in pairs if text_of(el) != text_of(parent))


def test_wrapped_widget_text_is_still_removed() -> None:
    from pipelines.dom_clean import strip_interface

    root = html.fromstring("""<html><body><article><h1>Title</h1><p>Story text that stays in the body.</p>
        <ul><li><a href="/x"><span>Menu item</span></a></li><li><span><b>Play Video</b></span></li></ul>
        </article></body></html>""")
    strip_interface(root)
    text = root.text_content()
    assert "Play Video" not in text
    assert "Menu item" in text and "Story text" in text


def _divs_among_paragraphs_slow(root) -> int:
    """divs_among_paragraphs before the <p>-child pre-test, spelled out."""
    from pipelines.layout import TEXT_DIV_CHARS, _leaf_text_div, _shown_text

    count, holds = 0, {}
    for div in list(root.iter("div")):
        parent = div.getparent()
        if parent is None or not _leaf_text_div(div):
            continue
        if parent not in holds:
            holds[parent] = any(c.tag == "p" and len(_shown_text(c).strip()) >= TEXT_DIV_CHARS for c in parent)
        if holds[parent]:
            div.tag = "p"
            count += 1
    return count


def test_divs_among_paragraphs_equals_the_loop_without_the_p_pretest() -> None:
    from pipelines.layout import divs_among_paragraphs

    sentence = "A sentence of story text long enough to count as a paragraph of its own, and then some more."
    page = f"""<html><body><div id="story"><p>{sentence}</p><div>{sentence}</div><div>{sentence}<br></div>
        <div><div>{sentence}</div></div></div><div id="side"><div>{sentence}</div><div>{sentence}</div></div>
        <section><div>{sentence}</div><p>short</p></section><article><div>{sentence}</div><p>{sentence}</p></article>
        </body></html>"""
    fast, slow = html.fromstring(page), html.fromstring(page)
    assert divs_among_paragraphs(fast) == _divs_among_paragraphs_slow(slow) == 3
    assert etree.tostring(fast) == etree.tostring(slow)
    assert [el.tag for el in fast.find(".//div[@id='side']")] == ["div", "div"]  # no <p> beside them


def test_clean_line_ascii_separator_test_equals_the_pattern() -> None:
    import random
    import re
    import unicodedata

    from pipelines.text import _NOT_BOTH_SPACE, _WS, clean_line

    def slow(text: str) -> str:  # clean_line with the former [\x1c-\x1f] pattern search
        if text.isascii() and not re.search(r"[\x1c-\x1f]", text):
            return " ".join(text.split())
        text = unicodedata.normalize("NFC", text)
        if not _NOT_BOTH_SPACE.search(text):
            return " ".join(text.split())
        return _WS.sub(" ", text.replace("\n", " ")).strip()

    rng = random.Random(5)
    pool = ["a", "b", " ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1b", "\x1c", "\x1d", "\x1e", "\x1f", "\x20", "\xa0", "é"]
    for _ in range(5000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
        assert clean_line(text) == slow(text), repr(text)
    assert clean_line(" a\x1fb ") == "a\x1fb"  # a separator is no space to the pattern pass


def test_has_markers_equals_the_attribute_generator() -> None:
    from pipelines.lead_markers import has_markers

    root = html.fromstring("""<html><body><p>a</p><p class="x">b</p><div id="">c</div><span data-role="lead">d</span>
        <h2 type="t">e</h2><div itemprop="description">f</div><p title="t" lang="en">g</p><div datax="1">h</div>
        <strong style="s" data-="">i</strong></body></html>""")
    for el in root.iter(etree.Element):
        slow = any(name in ("class", "id", "type", "itemprop") or name.startswith("data-") for name in el.attrib)
        assert has_markers(el) == slow
    assert [el.text for el in root.iter(etree.Element) if has_markers(el)] == ["b", "c", "d", "e", "f", "i"]

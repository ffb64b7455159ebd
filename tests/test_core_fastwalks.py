"""The speed paths of the fourth speed round must give exactly what the code they
replaced gives (the old expression is spelled out in each test)."""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import html

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


_HEADED_PAGE = """<html><head><title>T</title><meta charset="utf-8"><meta name="description" content="d">
<link rel="stylesheet" href="/s.css"><!-- build 42 --><style>p{}</style><script>var x = 1;</script>
<link rel="preload" href="/f.woff"></head><body><article><h1>A headline for the story</h1>
<p>The council voted on Tuesday to close the old bridge for repairs that will last most of the year.</p>
<p>Drivers will be sent through the town centre, where the council expects long queues at peak hours.</p>
<p>Shops along the detour said they hoped the extra traffic would bring them more customers.</p>
</article></body></html>"""


def test_drop_head_metadata_keeps_title_text_and_unknown_elements() -> None:
    from pipelines.body import drop_head_metadata

    root = html.fromstring(_HEADED_PAGE)
    drop_head_metadata(root)
    assert [el.tag for el in root.find("head")] == ["title"]
    # An element whose tail holds text (built by hand: the parser moves such text to <body>).
    head = root.find("head")
    head.append(html.Element("meta"))
    head[-1].tail = "kept tail"
    drop_head_metadata(root)
    assert [el.tag for el in head] == ["title", "meta"] and "kept tail" in head.text_content()
    # A page without <body> (a 2007 site): lxml puts the story in <head>, where it stays.
    bodiless = html.fromstring("<html><head><title>T</title><meta name=a><mbox><p>Story text.</p></mbox></head></html>")
    drop_head_metadata(bodiless)
    assert [el.tag for el in bodiless.find("head")] == ["title", "mbox"]


def test_drop_head_metadata_leaves_trafilatura_output_unchanged() -> None:
    from pipelines.body import drop_head_metadata, extract_body

    before = extract_body(html.fromstring(_HEADED_PAGE), "https://example.com/a")
    root = html.fromstring(_HEADED_PAGE)
    drop_head_metadata(root)
    after = extract_body(root, "https://example.com/a")
    assert after.blocks == before.blocks
    assert any("old bridge" in block for block in after.blocks)


def test_extractor_settings_equal_what_bare_extraction_builds() -> None:
    from trafilatura.settings import Extractor

    from pipelines.body import _EXTRACTOR_ARGS, BASE_OPTIONS, _extractor, recall_options

    for options in (BASE_OPTIONS, {**BASE_OPTIONS, **recall_options(None)}, {**BASE_OPTIONS, "favor_recall": True}):
        for url in ("https://example.com/a", ""):
            got = _extractor(tuple(sorted(options.items())), url)
            assert got is not None
            # What bare_extraction(tree, url=url, **options) builds for itself.
            expected = Extractor(output_format="python", url=url,
                                 **{_EXTRACTOR_ARGS[k]: v for k, v in options.items()})  # type: ignore[arg-type]
            for slot in Extractor.__slots__:
                if slot not in ("url", "source"):
                    assert getattr(got, slot) == getattr(expected, slot), slot
            assert (got.url or "") == url and (got.source or "") == url
    # Each call gets its own copy: setting one page's URL leaves the other's alone.
    first = _extractor(tuple(sorted(BASE_OPTIONS.items())), "https://a.example/1")
    second = _extractor(tuple(sorted(BASE_OPTIONS.items())), "https://b.example/2")
    assert first is not None and second is not None and first.url == "https://a.example/1"
    # An option trafilatura's settings do not take leaves the building to bare_extraction.
    assert _extractor((("prune_xpath", "//aside"),), "https://example.com/a") is None


_REMOVALS_PAGE = """<html class="doc"><body><article><h1>Headline</h1><p class="kicker">Kicker</p>
<p>Story text of the page that stays where it is, long enough to be a paragraph.</p>
<div class="share-bar"><span class="label">Share</span><a class="btn" href="/s">Facebook</a></div>
<div class="comments"><div class="gallery"><p class="field-label">Tags:</p></div></div>
<div id="photo-gallery"><ul><li><figure>1/3 A picture legend</figure></li></ul></div>
<div class="carousel"><p>A free paragraph of story text inside a carousel-classed wrapper, kept.</p></div>
<span class="eyebrow">Eyebrow</span></article></body></html>"""


def test_class_passes_on_the_shared_list_equal_their_own_walks() -> None:
    from pipelines.boxes import _galleries
    from pipelines.chrome_text import _candidates
    from pipelines.dom_clean import strip_interface
    from pipelines.dom_utils import Classed, in_tree

    root = html.fromstring(_REMOVALS_PAGE)
    classed: list[Classed] = []
    strip_interface(root, classed=classed)
    # The list still holds what strip_interface removed (share bar, comment box and the
    # elements inside them); the passes must skip those, as their own walks do.
    removed = [el for el, _, _ in classed if not in_tree(el, root)]
    assert {el.get("class") or el.get("id") for el in removed} >= {"share-bar", "comments", "gallery", "field-label"}
    assert _candidates(root, classed) == _candidates(root)
    assert [el.get("class") for el in _candidates(root)] == ["kicker", "eyebrow"]
    assert _galleries(root, classed) == _galleries(root)
    assert [el.get("id") for el in _galleries(root)] == ["photo-gallery"]


def test_in_tree() -> None:
    from pipelines.dom_utils import in_tree, remove

    root = html.fromstring("<html><body><div><p><b>x</b></p></div></body></html>")
    b, div = root.find(".//b"), root.find(".//div")
    assert in_tree(b, root) and in_tree(root, root)
    remove(div)
    assert not in_tree(b, root) and not in_tree(div, root)


def test_lead_word_gate_lets_every_lead_marker_through() -> None:
    from pipelines.lead import _markers_of, _may_name_lead

    page = html.fromstring("""<html><body>
        <p class="Article_elementLead__N3pGr">a</p><div data-testid="article-intro">b</div><p type="lead">c</p>
        <p itemprop="description">d</p><div class="sapo">e</div><div id="STANDFIRST">f</div><p class="dek">g</p>
        <p class="c-deck">h</p><div class="perex">i</div><div class="entradilla">j</div><p class="chapeau">k</p>
        <p class="field-summary">l</p><p class="ArticleTeaser">m</p><p data-test-tag="lead-text">n</p>
        <p class="byline">o</p><div class="sc-e17c7982-2">p</div><p id="main">q</p></body></html>""")
    marked = [el for el in page.iter("p", "div")]
    leads = [el for el in marked if _markers_of(el)[1] or el.get("itemprop") == "description"]
    assert len(leads) == 14
    assert all(_may_name_lead(el) for el in leads)
    assert [el.text for el in marked if not _may_name_lead(el)] == ["o", "p", "q"]


def test_body_reuses_the_text_trafilatura_rendered() -> None:
    import trafilatura

    from pipelines.body import BASE_OPTIONS, _render

    page = _HEADED_PAGE.replace("</article>", "<h2>A sub-heading</h2><ul><li>First point of a list</li>"
                                "<li>Second point</li></ul><table><tr><td>Cell one</td><td>Cell two</td></tr></table>"
                                "<p>A closing paragraph with <b>bold</b> and <i>italic</i> words in it.</p></article>")
    document = trafilatura.bare_extraction(html.fromstring(page), url="https://example.com/a", **BASE_OPTIONS)
    assert document is not None
    fresh = _render(document.body)
    assert _render(document.body, document.text) == fresh
    assert "A sub-heading" in fresh[1] and any("Second point" in block for block in fresh[0])


def test_captions_of_many_images_in_one_frame_come_in_order() -> None:
    from pipelines.media import harvest_media

    cells = "".join(f'<td><img src="/p{i}.jpg" width="300"><span class="caption">Caption number {i}</span></td>'
                    for i in range(1, 6))
    root = html.fromstring(f"<html><body><table><tr>{cells}</tr></table><p>Story.</p></body></html>")
    images, _, removed = harvest_media(root, "https://example.com/a")
    # Each image takes the first caption still in the frame, as a fresh scan per image did.
    assert [(img.url.rsplit("/", 1)[1], img.caption) for img in images] == [
        (f"p{i}.jpg", f"Caption number {i}") for i in range(1, 6)]
    assert removed == 5 and "Caption number" not in root.text_content()

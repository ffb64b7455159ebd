"""2000s-era page structures (the l3s_gn1 Google News 2008 set): loose-text stories,
bylines and tool lines, comment threads without class names.  Each test is a small
hand-written page modelled on a structure measured on the dev corpus."""

from pipelines import extract

STORY = [
    "A delivery driver was arrested on Tuesday after the lorry he was driving overturned on the ring road ramp.",
    "The lorry struck a divider shortly before noon as it left the motorway, and the ramp stayed closed for ten hours.",
    "Police said the driver left the scene on foot but was found an hour later in a nearby petrol station.",
    "Nobody was hurt in the crash, and officials said the spilled cargo posed no danger to nearby homes.",
]
PROMOS = "".join(
    f"<p>Promo {i}: enter our weekly draw for a chance to win two tickets to a show of your choice, or take "
    f"the news with you on your phone through our mobile edition at no extra cost.</p>" for i in range(3)
)


def test_story_as_loose_text_between_double_breaks_is_found():
    # The story sits in a layout cell as loose text separated by <br><br>; precision
    # mode skipped it and returned the promo paragraphs of the next row (F1 0).
    story = "<br>\n<br>".join(STORY)
    html = f"""<html><body><table><tr><td width="140"><img src="/a.jpg"></td>
      <td><font size="4"><b>Driver arrested after lorry overturns</b></font></td></tr>
      <tr><td colspan="2"><font size="-1"></font><br><br>{story}<br></td></tr>
      <tr><td colspan="2"><table><tr><td>{PROMOS}</td></tr></table></td></tr></table></body></html>"""
    article = extract(html, "http://news.example/story/index.jsp?aid=77456")
    for sentence in STORY:
        assert sentence in article.body


def test_story_as_loose_text_between_empty_paragraphs_is_found():
    # Another template: <div class="StoryBody">text<p></p>text<p></p>...: the body
    # came out as two sidebar ad paragraphs.
    story = "<p></p>".join(STORY)
    html = f"""<html><body><div class="side">{PROMOS}</div><h1>Driver arrested</h1>
      <div class="StoryBody">{story}</div></body></html>"""
    article = extract(html, "http://news.example/news/15112527/detail.html")
    for sentence in STORY:
        assert sentence in article.body


def _story_paragraphs() -> str:
    return "".join(f"<p>{sentence} More detail on the crash followed in the council's statement.</p>" for sentence in STORY)


def test_comment_thread_after_a_closed_label_is_cut():
    # Reader comments as loose text right after the story, in the same container,
    # under "Comments are now closed for this story" (l3s_gn1: 2,800 comment
    # shingles kept, precision 0.16).
    thread = "".join(
        f"<br><b>Reader {n}</b><br>I think the council should have closed that ramp years ago, "
        f"everyone who drives there every day knows how dangerous it is.<br><br><hr>" for n in range(8)
    )
    html = f"""<html><body><h1>Driver arrested after lorry overturns</h1><div>{_story_paragraphs()}<hr>
      <a name="commentSection"></a><b>Comments are now closed for this story</b><br>{thread}</div></body></html>"""
    article = extract(html, "http://news.example/story/lorry-overturns-080114.html")
    assert STORY[2] in article.body
    assert "closed that ramp" not in article.body and "Comments are now closed" not in article.body


def test_your_say_section_beside_the_story_is_cut():
    # A "YOUR SAY" box of reader quotes under an <h2>, no comment class names.
    quotes = "".join(
        f"<p class='blockQuote'>Reader quote {n}: the state should fund public schools before anything else, "
        f"and I have said so at every election since I can remember. <span>A reader, Springfield</span></p>"
        for n in range(5)
    )
    html = f"""<html><body><div class="main"><h1>Driver arrested after lorry overturns</h1>{_story_paragraphs()}
      </div><div class="section"><h2 class="secHdn">YOUR SAY</h2><div class="module">{quotes}</div></div></body></html>"""
    article = extract(html, "http://news.example/story/lorry-overturns-080114.html")
    assert STORY[1] in article.body
    assert "public schools" not in article.body


def test_legal_notices_as_blocks_and_in_cells_are_cut():
    # A copyright notice wrapped over several source lines left its second and third
    # lines in the body; a notice in a layout cell came out as "| Disclaimer: ... |";
    # agency notices ("may not be published, broadcast, rewritten or redistributed",
    # "The full article contains N words") sat under 2008 stories.
    html = f"""<html><body><table><tr><td><h1>Driver arrested after lorry overturns</h1>{_story_paragraphs()}
      <p><i>Distributed by a news service. This material may not be published, broadcast, rewritten or redistributed.</i></p>
      <p>The full article contains 412 words and appears in The Daily Example newspaper.</p></td></tr>
      <tr><td>Disclaimer: This news article is copyrighted by a news agency and published by a portal.
      If you have any questions regarding information in this article please contact the agency.</td></tr>
      <tr><td><p><font size="-1"><font color="red">Copyright</font> © 2008, The Example Times.
      Republication or redissemination of the contents of<br>
      this screen are expressly prohibited without the written consent of<br>
      The Example Times</font></p></td></tr></table></body></html>"""
    article = extract(html, "http://news.example/2008/01/14/stories/lorry.htm")
    assert STORY[3] in article.body
    for notice in ("rewritten or redistributed", "full article contains", "Disclaimer", "expressly prohibited"):
        assert notice not in article.body


def test_headline_repeated_in_the_story_header_is_not_body():
    # 2008 templates print the headline inside the story cell, after a date or a
    # photo caption, and the <title> adds the site name ("Site.ca | Headline"):
    # the headline stayed in 17 l3s_gn1 bodies (gold leaves it out, as the public
    # article benchmark does).
    html = f"""<html><head><title>Example.ca | Driver arrested after lorry overturns</title></head><body>
      <div class="story"><p>Updated Mon. Jan. 14 2008 10:56 PM ET</p>
      <p><b>Driver arrested after lorry overturns</b></p>{_story_paragraphs()}</div></body></html>"""
    article = extract(html, "http://news.example/servlet/an/local/20080114/lorry_080114/")
    assert STORY[0] in article.body
    assert "Driver arrested after lorry overturns" not in article.body


def test_article_tool_lines_are_not_body():
    # Tool links written as plain text and links in the story cell, no share/tool
    # class names (40 l3s_gn1 bodies kept one to six such lines).
    tools = """<p>| <a href="/print?id=1">Print article</a> | <a href="/refer?id=1">Refer to a friend</a> |</p>
      <p><a href="/email">Email this story to a friend</a></p><p><a href="#c">Have your say on this story</a></p>
      <ul><li><a href="#">Increase font size</a></li><li><a href="#">Decrease font size</a></li></ul>
      <p>Mail to a friend Print story Read later</p>
      <p><a href="/a">Go to earlier story</a> | <a href="/n">Go to the News Index</a> | <a href="/b">Go to next story</a></p>"""
    html = f"""<html><body><div class="story"><h1>Driver arrested after lorry overturns</h1>{tools}
      {_story_paragraphs()}<p>Send this article to Friends by E-Mail</p></div></body></html>"""
    article = extract(html, "http://news.example/2008/01/14/lorry.html")
    assert STORY[1] in article.body
    for tool in ("Print article", "Refer to a friend", "Email this story", "Have your say", "font size",
                 "Read later", "News Index", "Send this article"):
        assert tool not in article.body


def test_card_split_into_image_item_and_headline_br_summary_item_is_a_teaser():
    # A 2008 box: <span><a><img></a></span><p><a>Headline</a><br>Summary</p> pairs.
    # Each summary is most of its <p>, so the <p> read as story text with a link,
    # and the headline sat on the image item's URL, already seen: the box (2,000
    # characters) stayed in the body (precision 0.32).
    cards = "".join(
        f"""<span class="img"><a href="/articles/sport/football.html?in_article_id=5084{n}0"><img src="/{n}.jpg" alt="Player {n}"></a></span>
        <p><a href="/articles/sport/football.html?in_article_id=5084{n}0">Striker number {n} raring to go for his return at the weekend</a><br>
        The striker is expected to make his long-awaited first-team return for the league clash with his former club, the manager said on Friday {n}.</p>"""
        for n in range(5)
    )
    html = f"""<html><body><div id="AdColList"><span id="title">Must Read</span>{cards}</div>
      <div class="story"><h1>Driver arrested after lorry overturns</h1>{_story_paragraphs()}</div></body></html>"""
    article = extract(html, "http://www.news.example/articles/news/news.html?in_article_id=508400")
    assert STORY[2] in article.body
    assert "first-team return" not in article.body
    titles = [r.title for r in article.related]
    assert "Striker number 3 raring to go for his return at the weekend" in titles


def test_paragraph_repeating_the_image_alt_in_its_box_is_a_caption():
    # "<div class='topPhoto'><img alt=X><p>X</p></div>": no caption class, the
    # paragraph repeats the alt text (l3s_gn1 gold files these as supplemental).
    caption = "Rescue crews search the lake shore for the missing fisherman on Monday afternoon."
    html = f"""<html><body><div class="story"><h1>Driver arrested after lorry overturns</h1>
      <div class="topPhoto"><a href="/photo.html?p=1"><img src="/img/search_080107.jpg" width="160" alt="{caption}"></a>
      <p>{caption}</p></div>{_story_paragraphs()}</div></body></html>"""
    article = extract(html, "http://news.example/servlet/an/local/20080114/lorry_080114/")
    assert STORY[0] in article.body
    assert "Rescue crews" not in article.body
    assert any(img.caption == caption for img in article.images)


def test_date_lines_in_the_story_header_are_not_body():
    # "Associated Press - January 10, 2008 3:23 PM ET", "Posted 11 January 2008 at
    # 18:14 GMT": metadata printed as plain lines above the story (about 60 l3s_gn1
    # pages); bylines ("By ...") and lines of a story without a long line stay.
    html = f"""<html><body><div class="story"><h1>Driver arrested after lorry overturns</h1>
      <p>Associated Press - January 10, 2008 3:23 PM ET</p><p>| Last updated at 8:37 AM on 18/01/08 |</p>
      <p>By JANE DOE, Staff Writer</p>
      <p>{" ".join(STORY)}</p>{_story_paragraphs()}</div></body></html>"""
    article = extract(html, "http://news.example/2008/01/10/lorry.html")
    assert STORY[1] in article.body
    assert "January 10, 2008" not in article.body and "Last updated" not in article.body
    assert "By JANE DOE" in article.body


def test_labelled_box_of_short_titles_with_summaries_is_teasers():
    # "<h3>Related Whitepapers</h3><ul><li><a>Two words</a><br><small>summary</small>":
    # the label was not in the vocabulary ("Related" + any word now is) and two- or
    # three-word titles failed the headline-length test (their summaries count now).
    items = "".join(
        f'<li><a href="http://go.partner.example/wp/related/{n}/paper-{n}?td=related">Secure Client {n}</a><br>'
        f"<small>A practical guide number {n} to keeping mobile workers safe</small></li>" for n in range(4)
    )
    html = f"""<html><body><div class="story"><h1>Driver arrested after lorry overturns</h1>{_story_paragraphs()}</div>
      <div class="RelatedWhitepapers"><h3>Related Whitepapers</h3><ul>{items}</ul></div></body></html>"""
    article = extract(html, "http://www.news.example/2008/01/04/lorry_overturns/")
    assert STORY[0] in article.body
    assert "practical guide" not in article.body
    assert any(r.title == "Secure Client 2" and "guide number 2" in (r.summary or "") for r in article.related)


def test_classified_ads_box_is_not_body():
    # A "classifieds" box (cars, jobs, holidays with prices) beside the story: four
    # l3s_gn1 bodies kept its offers (0.1-0.15 precision each).
    offers = "".join(
        f"<div><a href='/classifieds/travel/advert-{n}.html'>Holiday offer {n}</a><p class='small'>Fly to the coast "
        f"from £{400 + n} with three nights in an award winning resort hotel and a free prize draw entry.</p></div>"
        for n in range(6)
    )
    html = f"""<html><body><div class="story"><h1>Driver arrested after lorry overturns</h1>{_story_paragraphs()}
      <div class="classifieds-long-container float-left"><h3>Holidays</h3>{offers}</div></div></body></html>"""
    article = extract(html, "http://www.news.example/news/article2864810.ece")
    assert STORY[3] in article.body
    assert "award winning resort" not in article.body


def test_title_end_tag_with_glued_attribute_does_not_swallow_the_page():
    # "<title>Headline</titlevalue="true" -->": the parser read the whole page as the
    # title's text and the story came out as "not an article".
    html = f"""<html><head><title>Driver arrested - News</titlevalue="true" -->
      </head><body><h1>Driver arrested after lorry overturns</h1>{_story_paragraphs()}</body></html>"""
    article = extract(html, "http://www.news.example/news/304380.aspx")
    assert article.extraction.page_type == "article"
    assert STORY[2] in article.body


def test_must_read_and_dont_miss_boxes_are_labelled_teaser_boxes():
    # Two-item boxes under "Don't Miss . . ." / "Must Read" / "Editor's choice": with
    # the label known one item is enough; unlabelled, two plain links are not.
    def box(label: str, n: int) -> str:
        items = "".join(f'<li><a href="/tv/article33{n}{i}.ece">Feature number {n}{i} about the theatre season</a></li>'
                        for i in range(2))
        return f"<div class='box'><h4>{label}</h4><ul>{items}</ul></div>"
    html = f"""<html><body><div class="story"><h1>Driver arrested after lorry overturns</h1>{_story_paragraphs()}
      {box("Don't Miss . . .", 1)}{box("Must Read", 2)}{box("EDITOR'S CHOICE", 3)}</div></body></html>"""
    article = extract(html, "http://www.news.example/sport/soccer/article3340000.ece")
    assert STORY[3] in article.body
    assert "theatre season" not in article.body
    assert {"Feature number 10 about the theatre season", "Feature number 31 about the theatre season"} <= {
        r.title for r in article.related}


def test_labelled_panel_of_mixed_cells_is_teasers():
    # An "EDITOR'S CHOICE" box: one-item lists under section rows and a promoted story
    # as a plain cell (bold title, summary, "Click here" link).  No part was a teaser
    # block, and the promo cell stayed in the body (both gold teasers of a page leaked).
    panel = """<table><tr><td><b>EDITOR'S CHOICE</b></td></tr></table>
      <table><tr><td><b>NEWS</b></td></tr>
      <tr><td><ul><li><a href="/redir.php?to=1966414&l=hospital_radio_launches_funding_drive">Hospital radio launches funding drive</a></li></ul></td></tr>
      <tr><td><b>COMPETITIONS</b></td></tr>
      <tr><td><ul><li><a href="/redir.php?to=1959630&l=win_tickets">Win tickets to the launch party at the pier</a></li></ul></td></tr>
      <tr><td><b>Confronting the clampers</b><br><br><img src="/clampers_tiny.jpg">
      A reporter went to a car compound to collect a car which had been towed away by a clamping company.
      <a href="http://www.sister.example/news/picturegalleries/clampers/">Click here for the audio slideshow</a></td></tr></table>"""
    html = f"""<html><body><table><tr><td><div class="bread">Local Sport</div>
      <div style="float: right" id="choicepanel">{panel}</div>
      <h1>Driver arrested after lorry overturns</h1>{_story_paragraphs()}</td></tr></table></body></html>"""
    article = extract(html, "http://www.news.example/sport/localsport/display.var.1935730.0.html")
    assert STORY[1] in article.body
    assert "clamping company" not in article.body and "audio slideshow" not in article.body
    promo = next(r for r in article.related if r.title == "Confronting the clampers")
    assert "clamping company" in (promo.summary or "")


def test_latest_related_coverage_box_with_one_item_is_a_teaser():
    # "<h4>Latest related coverage</h4><ul><li><a>...</a></li></ul>": one item, so
    # only the label makes it a teaser box.
    html = f"""<html><body><div class="story"><h1>Driver arrested after lorry overturns</h1>{_story_paragraphs()}
      <div class="article-links"><h4>Latest related coverage</h4><ul><li><a href="/news/2008/01/17/ring-road-ramp-reopens-after-ten-hours/1200419971646.html">Ring road ramp reopens after ten hours of clean-up work</a></li></ul></div>
      </div></body></html>"""
    article = extract(html, "http://www.news.example/news/2008/01/17/lorry-overturns/1200419971000.html")
    assert STORY[0] in article.body
    assert "ramp reopens" not in article.body
    assert [r.title for r in article.related] == ["Ring road ramp reopens after ten hours of clean-up work"]


def test_narrow_side_column_of_a_layout_table_is_not_body():
    # <td width=239> beside the story cell: publisher box, "Want to submit a story?",
    # "contact us" lines (half a dozen l3s_gn1 pages, 0.15-0.3 precision each).
    side = "".join(f"<tr><td width='211'><font size='2'>{line}</font></td></tr>" for line in (
        "A publication by the Harbour Publishing Group.", "Our online news publishes a local story regularly.",
        "Come see us again.", "For complete area coverage pick up a newspaper copy at a store near you.",
        "<b>Want to submit a story?</b>", "If you have any news tips that you would like us to follow up on, contact us."))
    html = f"""<html><body><table><tr><td width="664" valign="top"><h2>Driver arrested after lorry overturns</h2>
      <p>{" ".join(STORY)}</p>{_story_paragraphs()}</td>
      <td width="239" valign="top"><table width="219">{side}</table></td></tr></table></body></html>"""
    article = extract(html, "http://www.localnews.example/story/lorry-overturns.html")
    assert STORY[2] in article.body
    assert "submit a story" not in article.body and "Come see us again" not in article.body


def test_network_footer_of_site_links_with_rules_and_bars_is_a_menu():
    # "The X Group Network / ------ / Sports News & Entertainment / a | b | c ...":
    # 0.7 of its characters are link text (rules, bars, "&" in group names), 0.8 of
    # its letters; it followed three l3s_gn1 stories.
    groups = []
    for g, label in enumerate(("Sports News & Entertainment", "Betting & Gaming", "Shopping, Mobile & Fun")):
        links = "\n| ".join(f'<a class="footer" href="http://www.site{g}{i}.example">Site{g}{i}.example</a>' for i in range(8))
        groups.append(f"<b>{label}</b><br>\n{links}<br>")
    footer = ("<div class='small'><p>The <a href='http://www.group.example/'>Harbour Media Group</a> Network<br>"
              + "-" * 64 + "<br>" + "".join(groups) + "-" * 59 + "</p></div>")
    html = f"""<html><body><div class="story"><h1>Driver arrested after lorry overturns</h1>{_story_paragraphs()}
      {footer}</div></body></html>"""
    article = extract(html, "http://www.news.example/story/0,1,2,00.html")
    assert STORY[2] in article.body
    assert "Site11.example" not in article.body and "Betting & Gaming" not in article.body


def test_one_or_two_date_lines_after_the_story_are_not_body_but_a_dated_list_is():
    # "Created: 1/10/2008 4:09:14 PM Updated: 1/10/2008 4:11:27 PM" under the story
    # is metadata; a list of dated entries ending a story (references) is content.
    tail = "<p>Created: 1/10/2008 4:09:14 PM Updated: 1/10/2008 4:11:27 PM</p>"
    refs = "".join(f"<p>Doe, Jane ({d} January 2008). Lorry report.</p>" for d in (3, 9, 14))
    story = f"<p>{' '.join(STORY)}</p>{_story_paragraphs()}"
    first = extract(f"<html><body><div class='story'><h1>Driver arrested</h1>{story}{tail}</div></body></html>",
                    "http://news.example/2008/01/10/lorry.html")
    assert STORY[3] in first.body and "Created:" not in first.body
    second = extract(f"<html><body><div class='story'><h1>Driver arrested</h1>{story}{refs}</div></body></html>",
                     "http://news.example/2008/01/10/lorry.html")
    assert "(9 January 2008)" in second.body


def test_more_articles_in_section_labels_a_teaser_box():
    items = "".join(f'<li class="bullet"><a href="/breaking-news/sport/soccer/article33401{i}.ece">Club unveils '
                    f"qualification schedule number {i}</a></li>" for i in range(2))
    html = f"""<html><body><div class="story"><h1>Driver arrested after lorry overturns</h1>{_story_paragraphs()}</div>
      <div class="genericBox"><h5>More articles in Soccer</h5><ul>{items}</ul></div></body></html>"""
    article = extract(html, "http://www.news.example/sport/soccer/article3340100.ece")
    assert STORY[3] in article.body
    assert "More articles in Soccer" not in article.body and "qualification schedule" not in article.body
    assert len(article.related) == 2

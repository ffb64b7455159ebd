"""Every link of a box labelled as related (pipelines.teaser_blocks): hand-made pages
modelled on 2008-era sidebars whose related boxes hold section, column and forum
links besides (or instead of) article links."""

from pipelines import extract

URL = "https://paper.example/sport/2008/01/09/keeper-holds-on-for-third-win-5512.html"

STORY = """
<h1>Keeper holds on for a third straight win</h1>
<p>The veteran goalkeeper made seventeen saves on Tuesday night and his side won six to one at home,
extending a run that has surprised even the most loyal supporters of the club this winter.</p>
<p>His bid for a third consecutive shutout ended early in the third period, when the visitors scored
on a tap-in at the left post after a long pass from along the right wing boards.</p>
<p>"It is a credit to the defence and the way they have played all season," he said after the game,
adding that the crowd had been a great help during the difficult opening weeks of the season.</p>
"""


def _page(box: str, after: bool = True) -> str:
    story = f"<div class='story'>{STORY}</div>"
    parts = (story, box) if after else (box, story)
    return f"<html><head><title>t</title></head><body>{parts[0]}{parts[1]}</body></html>"


def test_related_box_of_short_section_links_is_related():
    # A "Related:" box of section, picks and forum links: titles of two or three words,
    # which the teaser-list test rejects as a menu.
    box = """<div id="actions"><div><span>Related:</span></div>
      <a href="/Hockey+Betting+Articles.aspx">Hockey Betting Articles</a><br>
      <a href="/Hockey+Free+Picks.aspx">Hockey Picks<br></a>
      <a href="http://forum.paper.example/hockey-handicapping/">Hockey Forum</a><br></div>"""
    article = extract(_page(box), URL)
    titles = [r.title for r in article.related]
    assert titles == ["Hockey Betting Articles", "Hockey Picks", "Hockey Forum"]
    assert "Hockey Forum" not in (article.body or "")
    assert "third straight win" not in " ".join(titles)


def test_labelled_box_without_article_links_is_related_but_not_the_page_itself():
    # "More <columnist>" leads to the page's own URL here; "Sport pictures" to a section.
    box = f"""<div class="rc"><h2>Related Articles</h2><ul>
      <li><a href="{URL}">More Jim Writer</a></li>
      <li><a href="https://paper.example/sport/pix">Sport pictures</a></li></ul></div>"""
    article = extract(_page(box), URL)
    assert [r.title for r in article.related] == ["Sport pictures"]
    assert "Sport pictures" not in (article.body or "")


def test_article_teasers_keep_the_section_links_of_their_box():
    box = """<div class="rc"><h2>Related Articles</h2><ul>
      <li><a href="/sport/2008/01/08/coach-praises-young-defence-5501.html">Coach praises young defence</a></li>
      <li><a href="/sport/2008/01/05/winger-signs-two-year-deal-5477.html">Winger signs a two-year deal</a></li>
      <li><a href="http://forums.paper.example/viewforum.php?f=3">Have your say in our forum</a></li>
      <li><a href="/sport/pix">Sport pictures</a></li></ul></div>"""
    titles = [r.title for r in extract(_page(box), URL).related]
    assert titles == ["Coach praises young defence", "Winger signs a two-year deal",
                      "Have your say in our forum", "Sport pictures"]


def test_site_menu_under_a_general_label_is_not_related():
    # "Top Stories" over section fronts is the site's menu, not a box about this story.
    box = """<div class="nav"><h3>Top Stories</h3><ul>
      <li><a href="/news/pictures/">Latest Pictures</a></li><li><a href="/news/columnists/">Columnists</a></li>
      <li><a href="/news/weather/">Weather</a></li><li><a href="/news/travel/">Travel</a></li></ul></div>"""
    assert extract(_page(box), URL).related == []


def test_interface_tag_and_social_links_in_a_related_box_are_not_items():
    box = """<div class="rc"><h3>Related links</h3><ul>
      <li><a href="/sport/pix">Sport pictures</a></li>
      <li><a href="/print/5512">Print</a></li>
      <li><a href="/sport/related/">View all</a></li>
      <li><a href="https://twitter.com/paper">Paper on Twitter</a></li>
      <li><a href="/tag/hockey/">Hockey</a></li>
      <li><a href="/subscribe/">Subscribe to the Paper</a></li>
      <li><a href="/sport/2008/01/09/keeper-holds-on-for-third-win-5512.html?page=2">2</a></li></ul></div>"""
    assert [r.title for r in extract(_page(box), URL).related] == ["Sport pictures"]


def test_byline_links_inside_related_cards_are_not_items():
    box = """<div class="rc"><h3>Related Posts</h3>
      <div class="card"><h4><a href="/sport/2008/01/08/coach-praises-young-defence-5501.html">Coach praises
      the young defence after the derby</a></h4><span>By <a href="/sport/columnists/jim/">Jim Writer</a></span></div>
      <div class="card"><h4><a href="/sport/2008/01/05/winger-signs-two-year-deal-5477.html">Winger signs a
      two-year deal with the club</a></h4><span>By <a href="/sport/columnists/ann/">Ann Writer</a></span></div></div>"""
    titles = [r.title for r in extract(_page(box), URL).related]
    assert "Jim Writer" not in titles and "Ann Writer" not in titles
    assert len(titles) == 2


def test_promo_box_is_a_related_item_titled_by_its_heading():
    # A sidebar box: heading, one sentence about a special report, an "Enter <name>" button.
    box = """<div class="side"><div class="block"><h2>Harbour Lives: A Year on the Night Ferries</h2>
      <div class="content"><p>Our reporters rode every night crossing for a year and tell the stories of the
      crew and passengers, with photos, maps and video.</p>
      <ul><li><a href="/harbour-lives">Enter Harbour Lives</a></li></ul></div></div></div>"""
    article = extract(_page(box), URL)
    assert [(r.title, r.url) for r in article.related] == [
        ("Harbour Lives: A Year on the Night Ferries", "https://paper.example/harbour-lives")]
    assert article.related[0].summary.startswith("Our reporters rode every night crossing")
    assert "Enter Harbour Lives" not in article.related[0].summary
    assert "night crossing" not in (article.body or "")


def test_promo_box_link_inside_its_sentence():
    box = """<div class="menu"><h3>Weekend Films</h3><div class="item">
      <a href="/guide/films/weekend/"><img src="/f.jpg" alt="Weekend Films"></a>
      <p><b>Opening this week:</b> two old friends go on a road trip in "<b>Long Road</b>"; a family comedy
      in "<b>Big House</b>"; all in <a href="/guide/films/weekend/">Weekend Films</a>.</p></div></div>"""
    article = extract(_page(box), URL)
    assert [r.title for r in article.related] == ["Weekend Films"]
    assert "two old friends go on a road trip" in article.related[0].summary


def test_author_contact_and_licence_boxes_are_not_promos():
    boxes = """<div class="a"><h3>About Jim Writer</h3><p>Jim has covered hockey for the paper since the
      early nineties and writes a weekly column.</p><a href="/author/jim/">More about Jim Writer</a></div>
      <div class="c"><h3>Ask the Newsroom</h3><p>Do you have a question or a story idea for our reporters?
      Write to us.</p><a href="/contact/">Ask the Newsroom</a></div>
      <div class="l"><h3>Licence Terms</h3><p>All text on this weblog may be reused under the terms of the
      licence.</p><a href="https://licences.example.org/by/2.0/">Licence Terms</a></div>"""
    assert extract(_page(boxes), URL).related == []

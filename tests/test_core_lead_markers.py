"""Standfirsts named outside class/id (``type``, ``data-*``, camelCase CSS-module
classes, custom elements) and story headers whose headline is an <h2>.  Hand-written
pages modelled on the structures measured on fundus."""

from pipelines import extract

PARAS = "".join(
    f"<p>Paragraph {i} of the report explains how the city council voted on the new tram line "
    f"through the old town, which streets will close and what the works will finally cost.</p>"
    for i in range(1, 6)
)
LEAD = "The council approved the tram line after a long night. Shops along the route fear two years of building works."
URL = "https://city.example/news/2024/tram-line-approved"
HEAD = "<html><head><title>Tram line approved by the council</title></head><body>"


def test_lead_marked_by_type_attribute_in_an_h2_header_opens_the_body():
    # Hashed class names; the role is in type="lead"; the header's headline is an
    # <h2> and an author link beside the lead does not make the header a teaser card.
    html = f"""{HEAD}<section><h1 class="sc-1 xYz">Tram line approved by the council</h1></section>
      <article><header class="sc-2 aBc"><div type="title"><h2>Old town: Tram line approved by the council tonight</h2></div>
      <div type="lead" class="sc-3 dEf"><p>{LEAD}</p></div>
      <div type="authors"><a href="/authors/1/anna-maria-berger">Anna Maria Berger</a></div></header>
      <section class="sc-4">{PARAS}</section></article></body></html>"""
    article = extract(html, URL)
    assert article.lead == LEAD
    assert article.body.startswith("The council approved the tram line")


def test_lead_marked_by_a_camel_case_data_attribute_opens_the_body():
    # <p data-manual="teaserText"> after a header whose headline is an <h2>, no <h1> at all.
    html = f"""{HEAD}<article><header class="css-17z"><h2><span data-manual="title">Tram line approved by the
      council</span></h2><time datetime="2024-09-29">29 September 2024</time></header>
      <div class="css-19a"><p data-manual="teaserText" class="css-148">{LEAD}</p></div>
      <div class="css-88">{PARAS}</div></article></body></html>"""
    article = extract(html, URL)
    assert article.lead == LEAD
    assert article.body.startswith("The council approved the tram line")


def test_lead_in_a_css_module_class_and_in_a_custom_element_is_found():
    for holder in (f'<div class="Article_elementLead__N3pGr"><p>{LEAD}</p></div>',
                   f'<storefront-html class="excerpt"><div>{LEAD}</div></storefront-html>'):
        html = f"""{HEAD}<article><div class="article-header"><h1>Tram line approved by the council</h1>
          {holder}</div><div class="content">{PARAS}</div></article></body></html>"""
        article = extract(html, URL)
        assert article.lead == LEAD, holder
        assert article.body.startswith("The council approved the tram line"), holder


def test_data_summary_box_far_below_the_headline_is_not_the_lead():
    # A marked "summary" box after several story paragraphs is not a standfirst.
    box = "In short: the tram line will run from the station to the harbour and open in the spring of 2027."
    html = f"""{HEAD}<article><h1>Tram line approved by the council</h1>{PARAS}{PARAS}
      <div type="typeInfoboxSummary"><p>{box}</p></div></article></body></html>"""
    article = extract(html, URL)
    assert article.lead is None or "In short" not in article.lead


def test_teaser_module_title_is_not_the_lead_and_the_real_lead_is():
    # The story's own teaser module repeats the headline in a "Teaser_title" class;
    # split from camelCase, "teaser" looks like a lead class: a heading is no lead.
    html = f"""{HEAD}<div class="Crumbs_row"><h1 class="Crumbs_headline__9o">Tram line approved by the council</h1></div>
      <h2 class="ArticleModuleTeaser_title__A9">Tram line approved by the council</h2>
      <h2 class="ArticleModuleTeaser_title__B7">Old town tram: what the vote of the council means for shops</h2>
      <p class="ArticleModuleTeaser_teaserText__C1">{LEAD}</p>
      <div class="content">{PARAS}</div></body></html>"""
    article = extract(html, URL)
    assert article.lead == LEAD
    assert "what the vote" not in (article.lead or "")


def test_block_after_the_hgroup_with_the_headline_is_the_lead():
    # The <h1> is a breadcrumb copy of a longer SEO title; the story headline is an <h2>
    # in an <hgroup>, and the unclassed "Place. Standfirst" block follows the group.
    html = f"""<html><head><title>Tram line: council says yes after a night of debate - City News</title>
      <meta property="og:title" content="Tram line approved by the council"></head><body>
      <ul class="crumbs"><li><a href="/news/">News</a></li><li><h1>Tram line: council says yes after a night of debate</h1></li></ul>
      <div><hgroup><div><span>Old town</span></div><h2>Tram line approved by the council</h2></hgroup>
      <div class="copy-lg"><span>Cityville.</span> <span>{LEAD}</span></div>
      <div class="content">{PARAS}</div></div></body></html>"""
    article = extract(html, URL)
    assert article.body.startswith("Cityville. The council approved the tram line")


def test_hgroup_of_another_heading_gives_no_lead():
    # A site header's hgroup (name and tagline) is not the story's headline group.
    html = f"""<html><head><title>Tram line approved by the council</title></head><body>
      <hgroup><h1>City News</h1><h2>Every day, all about the city</h2></hgroup>
      <div>We report on the city and its people since 1898, from the town hall to the harbour.</div>
      <article><h1>Tram line approved by the council</h1>{PARAS}</article></body></html>"""
    article = extract(html, URL)
    assert "since 1898" not in (article.lead or "")
    assert "since 1898" not in article.body


def test_date_line_after_the_hgroup_is_not_the_lead():
    html = f"""<html><head><title>Tram line: council says yes - City News</title>
      <meta property="og:title" content="Tram line approved by the council"></head><body>
      <div><hgroup><h2>Tram line approved by the council</h2></hgroup>
      <div class="meta">08.03.2024, 18:59 • Reading time: 1 minute, all about the tram line vote</div>
      <div class="copy-lg">{LEAD}</div><div class="content">{PARAS}</div></div></body></html>"""
    article = extract(html, URL)
    assert "Reading time" not in (article.lead or "")
    assert "Reading time" not in article.body


def test_standfirst_in_several_paragraphs_of_the_same_class_is_kept_whole():
    parts = ["The council approved the tram line after a long night.",
             "Shops along the route fear two years of building works.",
             "\u201cWe will survive it\u201d, says the baker on the corner."]
    lead = "".join(f'<p class="x_lead_5 body-large">{p}</p>' for p in parts)
    html = f"""{HEAD}<article><h1>Tram line approved by the council</h1>{lead}
      <p class="x_byline">By Anna Berg</p><div class="content">{PARAS}</div></article></body></html>"""
    article = extract(html, URL)
    assert article.lead == " ".join(parts)
    assert "Shops along the route fear" in article.body and "says the baker" in article.body


def test_slogan_in_a_site_header_with_an_h2_site_name_is_not_the_lead():
    # A site header outside the story: a long <h2> site name and an "intro" slogan.
    html = f"""{HEAD}<header class="masthead"><h2>The Cityville Evening Chronicle and Gazette</h2>
      <div data-role="intro">Reporting from the town hall, the harbour and the old town streets since 1898.</div></header>
      <article><h1>Tram line approved by the council</h1>{PARAS}</article></body></html>"""
    article = extract(html, URL)
    assert "since 1898" not in (article.lead or "")
    assert "since 1898" not in article.body


def test_bare_text_header_at_the_top_of_the_article_body_is_the_lead():
    html = f"""{HEAD}<article><h1>Tram line approved by the council</h1><div class="byline">By Anna Berg</div>
      <div itemprop="articleBody"><header>{LEAD}</header>{PARAS}</div></article></body></html>"""
    article = extract(html, URL)
    assert article.lead == LEAD
    assert article.body.startswith("The council approved the tram line")


def test_header_with_a_heading_or_links_in_the_body_is_no_standfirst():
    box = "Read all our reports on the tram line, the council and the old town works in one place."
    html = f"""{HEAD}<article><h1>Tram line approved by the council</h1><div itemprop="articleBody">{PARAS}
      <header><a href="/dossier/tram">{box}</a></header></div></article></body></html>"""
    article = extract(html, URL)
    assert "Read all our reports" not in (article.lead or "")

"""Boxes inside the story container that are not the story (galleries, promos, ...):
classes of failure measured on the dev corpus, reproduced with small hand-written pages."""

import json

from pipelines import extract

PARAS = "".join(
    f"<p>Paragraph {i} of the story explains how the city council voted to rebuild the old harbour bridge "
    f"after engineers found that the piers had been weakened by decades of salt water and heavy traffic.</p>"
    for i in range(1, 6)
)
URL = "https://news.example/2024/05/harbour-bridge-vote-123456"


def test_photo_gallery_legends_are_not_story_text():
    # A 50-picture gallery inside a short article: its numbered legends were 82% of the body.
    tips = [f"<p>Tip {i}: the receptionist will not tell you that the towels are changed only every {i + 2} days.</p>"
            for i in range(1, 7)]
    legends = "".join(
        f"<li><h2><span class='counter'>{i}/20</span> Harbour scene number {i}</h2><p>Legend {i}: workers inspect "
        f"the rusty piers of the old bridge at dawn while ferries wait offshore for the tide to turn in the narrow "
        f"channel. The crews have been there since March, and the harbour master said the work would take another "
        f"two seasons at least.</p><p class='credits'>PHOTO AGENCY</p></li>"
        for i in range(1, 21)
    )
    html = f"""<html><body><article><h1>Seven secrets of hotel rooms</h1>
      <div class="text-wrapper">{"".join(tips[:4])}
        <div class="widget-wrapper type-gallery"><div class="full-gallery"><h3>Business in pictures</h3>
          <ul class="photos">{legends}</ul></div></div>
        {"".join(tips[4:])}</div></article></body></html>"""
    article = extract(html, "https://news.example/2024/05/hotel-secrets-123456")
    assert "Tip 1:" in article.body and "Tip 6:" in article.body
    assert "Legend 3" not in article.body and "Harbour scene" not in article.body


def test_story_in_a_gallery_classed_wrapper_is_kept():
    # Lightbox scripts hook on the story container ("js-lightbox-gallery"): its text is
    # free-standing paragraphs, not item legends.
    html = f"""<html><body><h1>Council votes to rebuild the bridge</h1>
      <div class="media js-lightbox-gallery"><figure><img src="/pier.jpg"></figure>{PARAS}</div></body></html>"""
    article = extract(html, URL)
    assert "Paragraph 3 of the story" in article.body


def test_own_channel_promo_lines_are_not_story_text():
    # Newsletter / messenger / news-aggregator / donation appeals written as plain
    # paragraphs inside the story (fundus pages, several languages).
    promos = (
        "<p>Der Hafen-Newsletter informiert Sie jeden Freitag über das Wichtigste aus der Stadt.</p>"
        "<p>Abonniere jetzt den Whatsapp-Kanal der Hafenzeitung und verpasse keine Meldung mehr.</p>"
        "<p>Follow Harbour News on Google News to get our stories in your feed.</p>"
        "<p>Hat Ihnen der Artikel gefallen? Dann unterstützen Sie uns bitte mit einer Spende.</p>"
    )
    html = f"<html><body><article><h1>Council votes to rebuild the bridge</h1>{PARAS}{promos}</article></body></html>"
    article = extract(html, URL)
    assert "Paragraph 5 of the story" in article.body
    for text in ("Hafen-Newsletter", "Whatsapp-Kanal", "Google News", "Spende"):
        assert text not in article.body


def test_story_sentences_about_newsletters_stay():
    # A long paragraph that reports on a newsletter is story text.
    report = ("<p>The council said it would subscribe every household to a weekly newsletter about the works, "
              "and residents who do not read e-mail can ask for a printed copy at the town hall, where the "
              "engineers will also present the timetable for the closure of the bridge, the diversions for "
              "buses and lorries, and the compensation for shops on the harbour front during the two years "
              "that the rebuilding is expected to take.</p>")
    html = f"<html><body><article><h1>Council votes to rebuild the bridge</h1>{PARAS}{report}</article></body></html>"
    article = extract(html, URL)
    assert "weekly newsletter about the works" in article.body


def test_headline_copies_at_the_top_of_the_body_go():
    # The headline rendered again below the <h1> (a video teaser "Title | Site", a
    # second header): fundus and l3s gold bodies never start with it.
    html = f"""<html><head><title>Council votes to rebuild the harbour bridge</title></head><body><article>
      <h1>Council votes to rebuild the harbour bridge</h1>
      <div class="story"><p>Council votes to rebuild the harbour bridge | Harbour TV</p>
      <p>Council votes to rebuild the harbour bridge</p>{PARAS}</div></article></body></html>"""
    article = extract(html, URL)
    assert "Paragraph 1 of the story" in article.body
    assert "Harbour TV" not in article.body
    assert "Council votes" not in article.body


def test_byline_copyright_and_timestamp_lines_are_not_story_text():
    credits = ("<p>Von Anna Schmidt, Hafenstadt</p><p>Stand: 22.04.2024, 06:00 Uhr</p>"
               "<p>By HARRY JONES and Mary Smith</p><p>© Harbour Press Agency 2024</p>")
    opener = "<p>By the time the council met, Engineers had already closed two lanes.</p>"
    html = f"<html><body><article><h1>Council votes to rebuild the bridge</h1>{credits}{opener}{PARAS}</article></body></html>"
    article = extract(html, URL)
    for text in ("Anna Schmidt", "Stand:", "HARRY JONES", "Harbour Press Agency"):
        assert text not in article.body
    assert "By the time the council met" in article.body


def test_consent_placeholders_of_blocked_embeds_are_not_story_text():
    placeholder = ("<div><p>Empfohlener redaktioneller Inhalt</p><p>An dieser Stelle finden Sie einen von unseren "
                   "Redakteuren ausgewählten, externen Inhalt, der den Artikel ergänzt.</p><p>Ich bin damit "
                   "einverstanden, dass mir der externe Inhalt angezeigt wird.</p></div>")
    html = f"<html><body><article><h1>Council votes to rebuild the bridge</h1>{PARAS}{placeholder}</article></body></html>"
    article = extract(html, URL)
    assert "Paragraph 5 of the story" in article.body
    assert "redaktioneller Inhalt" not in article.body and "einverstanden" not in article.body


def test_paragraphs_classed_paywall_are_story_text():
    # <p class="paywall"> marks story text behind the wall; the wall's message is a box.
    walled = ("<p class='paywall'>Behind the wall the engineers explained that the new piers would stand on "
              "steel piles driven forty metres into the rock below the harbour mud.</p>")
    wall = "<div class='paywall'>Subscribe now to keep reading. Already a subscriber? Log in.</div>"
    html = f"<html><body><article><h1>Council votes to rebuild the bridge</h1>{PARAS}{walled}{wall}</article></body></html>"
    article = extract(html, URL)
    assert "steel piles driven forty metres" in article.body
    assert "Subscribe now" not in article.body


def test_standfirst_equal_to_the_description_is_the_lead_wherever_the_headline_is():
    # The standfirst sits in a custom element far from an <h1> that only holds the
    # breadcrumb; the page's description is its text verbatim.
    standfirst = ("Engineers found the piers weakened by salt water, and the council now wants a new bridge "
                  "before the winter storms.")
    html = f"""<html><head><meta name="description" content="{standfirst}">
      <title>Harbour bridge: council votes for a rebuild</title></head><body>
      <div class="breadcrumb"><h1>Harbour</h1></div><nav><a href="/a">Home</a> <a href="/b">City</a></nav>
      <article><h2>Harbour bridge: council votes for a rebuild</h2>
      <story-block class="excerpt"><div>{standfirst}</div></story-block>
      <div class="story-body">{PARAS}</div></article></body></html>"""
    article = extract(html, URL)
    assert article.body.startswith("Engineers found the piers weakened")
    assert "Paragraph 5 of the story" in article.body


def test_standfirst_under_its_other_newsroom_names_is_the_lead():
    # "perex" (Czech/Slovak), "ingress"/"preamble" (Scandinavian), "bajada" (Spanish):
    # the standfirst sits outside the story container and was lost.
    for name in ("article__perex", "article-ingress", "nota-bajada"):
        html = f"""<html><body><div class="article"><h1>Council votes to rebuild the harbour bridge</h1>
          <div class="{name}">Zázrak jedné sezony? The council surprised everyone by voting for a complete rebuild.</div>
          <div class="share"><a href="https://social.example/share">Share</a></div></div>
          <div class="content"><div class="text">{PARAS}</div></div></body></html>"""
        article = extract(html, URL)
        assert article.body.startswith("Zázrak jedné sezony?"), name


def test_html_in_json_ld_article_body_is_rendered_as_text_without_captions():
    # The visible story is a stub; JSON-LD articleBody carries the story as HTML.
    story = ("<p>The council voted on Monday to rebuild the old harbour bridge, after engineers found the piers "
             "weakened by decades of salt water.</p><figure class='image'><img src='/pier.jpg'>"
             "<figcaption>The old piers at low tide.</figcaption></figure><h4>Two years of works</h4>"
             "<p>The works will take two years and cost the city forty million euros, the mayor said.</p>") * 3
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge vote",
                     "articleBody": story})
    html = f"""<html><head><script type="application/ld+json">{ld}</script></head><body>
      <article><h1>Bridge vote</h1><p>Subscribe to read the story.</p></article></body></html>"""
    article = extract(html, URL)
    assert "The council voted on Monday" in article.body and "Two years of works" in article.body
    assert "<p>" not in article.body and "<figure" not in article.body
    assert "old piers at low tide" not in article.body


def test_loose_paragraph_text_after_a_figure_is_kept():
    # A story paragraph written as bare text right after a figure <div> (no <p>).
    loose = ("The federal code has guidelines for the proper treatment of the bridge but there are no rules for "
             "punishment related to violations, and the courts have found that owners are protected.")
    html = f"""<html><body><article><h1>Council votes to rebuild the bridge</h1><div class="story">{PARAS}
      <div class="fig-frame"><figure><img src="/pier.jpg"></figure><p class="legend">The piers</p></div>{loose}
      <p>Hicks said she was surprised when messages started to pop up on her page criticising the council plan.</p>
      </div></article></body></html>"""
    article = extract(html, URL)
    assert "no rules for punishment related to violations" in article.body
    assert "Paragraph 5 of the story" in article.body


def test_paywall_teaser_lines_are_not_story_text():
    teasers = ("<p>Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.</p>"
               "<p>2 Wochen kostenlos testen</p>")
    html = f"<html><body><article><h1>Council votes to rebuild the bridge</h1>{PARAS}{teasers}</article></body></html>"
    article = extract(html, URL)
    assert "Paragraph 5 of the story" in article.body
    assert "Il vous reste" not in article.body and "kostenlos testen" not in article.body


def test_subtitle_h2_right_under_the_headline_is_the_lead():
    subtitle = "HARBOUR WORKS: Engineers found the piers weakened by salt water and the council voted for a rebuild"
    html = f"""<html><head><title>Council votes to rebuild the harbour bridge - Harbour Times</title></head><body>
      <ul class="menu"><li><a href="/">Home</a></li></ul>
      <div class="archives"><h1>Council votes to rebuild the harbour bridge</h1><h2>{subtitle}</h2>
      <ul class="share"><li><a href="https://social.example/share">Share</a></li></ul>
      <div class="archives-text">{PARAS}</div></div></body></html>"""
    article = extract(html, URL)
    assert article.body.startswith("HARBOUR WORKS: Engineers found")


def test_tagline_under_a_site_name_heading_is_not_the_lead():
    # A blog whose <title> is its name: the first <h1> (the name) is the headline fallback.
    html = f"""<html><head><title>Pier Blog</title></head><body>
      <h1>Pier Blog</h1><h2>The blog of endless maintenance troubles and their many fixes</h2>
      <div class="post"><h2>Fixing the harbour bridge, one pier at a time</h2>{PARAS}</div></body></html>"""
    article = extract(html, URL)
    assert "endless maintenance troubles" not in article.body


def test_ad_slot_labels_are_not_story_text():
    paras = PARAS.split("</p>")
    html = (f"<html><body><article><h1>Council votes to rebuild the bridge</h1>{paras[0]}</p><p>Advertisement</p>"
            f"{'</p>'.join(paras[1:3])}</p><div>Story continues below advertisement</div>{'</p>'.join(paras[3:])}"
            "</article></body></html>")
    article = extract(html, URL)
    assert "Paragraph 5 of the story" in article.body
    assert "Advertisement" not in article.body and "continues below" not in article.body


def test_standfirst_ending_with_an_emptied_video_frame_is_still_the_lead():
    # The description names the two-paragraph standfirst; the player inside it is
    # removed before the lead is searched, leaving an empty <figure>.
    description = "The council voted for a full rebuild of the harbour bridge. Engineers had found the piers weakened."
    html = f"""<html><head><meta name="description" content="{description}"></head><body><div class="article"><h1>Council votes to rebuild the harbour bridge</h1>
      <div class="article__preamble"><p>The council voted for a full rebuild of the harbour bridge.</p>
        <p>Engineers had found the piers weakened.</p>
        <figure class="rich-video"><div class="video-player"></div></figure></div>
      <div class="share"><a href="https://social.example/share">Share</a></div></div>
      <div class="content"><div class="text">{PARAS}</div></div></body></html>"""
    article = extract(html, URL)
    assert article.body.startswith("The council voted for a full rebuild")

"""Teaser shapes whose items are not wrapped one per element (pipelines.teaser_pairs):
headline + summary sibling pairs, and <br>-separated lists of short titles whose URLs
spell them.  Hand-written pages modelled on 2008-era sidebars."""

from pipelines import extract

URL = "https://paper.example/news/2008/01/harbour-plan-approved-4411.html"

STORY = """
<h1>Harbour plan approved after long debate</h1>
<p>The council approved the new harbour plan on Tuesday evening after a debate that lasted well into the night and drew a full public gallery.</p>
<p>Supporters said the plan would bring jobs to the waterfront, while opponents warned about traffic on the narrow roads leading to the quay.</p>
<p>Work on the first stage is expected to start in the spring, once the final drawings have been checked by the planning office.</p>
"""


def _page(side: str) -> str:
    return (f"<html><head><title>t</title></head><body><table><tr><td>{STORY}</td>"
            f"<td>{side}</td></tr></table></body></html>")


def test_headline_and_summary_siblings_are_teasers():
    side = """<img src="/opinion.gif" alt="Opinion"><br>
      <span class="headline"><a href="/Opinion-Ferry-Timetables-Need-Rethink.aspx">Ferry Timetables Need a Rethink</a></span>
      <div>Commuters on the island routes lose an hour a day to connections that were drawn up decades ago and never revised.</div>
      <br><br>
      <span class="headline"><a href="/Opinion-Quiet-Return-Of-Fishing-Fleet.aspx">The Quiet Return of the Fishing Fleet</a></span>
      <div>After years of decline, small boats are again landing catches at the old pier, and buyers are coming back to the market.</div>"""
    article = extract(_page(side), URL)
    titles = {r.title: r.summary for r in article.related}
    assert "Ferry Timetables Need a Rethink" in titles
    assert titles["The Quiet Return of the Fishing Fleet"].startswith("After years of decline")
    assert "Commuters on the island routes" not in (article.body or "")
    assert "harbour plan" in article.body


def test_promotions_linking_to_category_pages_are_not_headline_pairs():
    # A product name linked to a category front is no headline of a story.
    side = """<span><a href="/cards/best-travel-reward-cards/">Silver Voyager Card from Example Bank</a></span>
      <div>Earn a welcome bonus of points after your first three months of spending on the card.</div>
      <span><a href="/cards/best-student-cash-cards/">Campus Plus Card from Example Bank</a></span>
      <div>Enjoy an introductory rate on purchases for the first nine months after you open the account.</div>"""
    article = extract(_page(side), URL)
    assert not any(r.title and "Voyager" in r.title for r in article.related)


def test_short_titles_whose_urls_spell_them_are_teasers():
    films = ["Winter Harbour", "The Long Tide", "Saltmarsh", "North of the Quay", "Lanterns at Dusk"]
    links = "".join(
        f'<img src="/dot.gif"> <a href="/films/{t.lower().replace(" ", "-")}_0108.htm">{t}</a><br>' for t in films)
    side = f'<div class="nav"><b>out this week:</b><br>{links}</div>'
    article = extract(_page(side), URL)
    titles = [r.title for r in article.related]
    assert titles == films
    assert "Lanterns at Dusk" not in (article.body or "")


def test_menus_of_named_pages_are_not_short_title_teasers():
    # Section fronts and tool pages spell their names too, but carry no id or date.
    tools = ["Odds Converter", "Parlay Calculator", "Kelly Calculator", "Round Robin Calculator", "Streak Calculator"]
    links = "".join(f'<a href="/Tools/{t.replace(" ", "+")}.aspx">{t}</a><br>' for t in tools)
    footer = "".join(f'<a href="/info/article/{800 + i}/1/{t}">{t} |</a> ' for i, t in enumerate(["About", "Contact", "Distribution", "Privacy"]))
    article = extract(_page(f"<div>{links}</div><div>{footer} <a href='/info/article/900/1/Terms'>Terms</a></div>"), URL)
    assert not any(r.title and ("Calculator" in r.title or "About" in r.title) for r in article.related)


def _video_row(label: str) -> str:
    cards = "".join(
        f'<td><div><a href="https://videos.example/watch?v=Ab{i}x_Z9kQ7pL"><img src="/t{i}.jpg"><br>'
        f'<span>0{i} March 2008</span><br><span><b>{t}</b></span></a></div></td>'
        for i, t in enumerate(["Harbour Crane Arrives", "Storm Over the Pier", "Old Ferry Final Trip"], 1))
    return f'<div>{label}<table><tr>{cards}</tr></table></div>'


def test_labelled_row_of_video_cards_with_query_ids_is_teasers():
    # The article-link test takes only numeric query ids; "?v=<opaque id>" cards under
    # a "Related videos" label are teasers, titled without their dates.
    article = extract(_page(_video_row('<span class="t">Related videos</span>')), URL)
    titles = [r.title for r in article.related]
    assert titles == ["Harbour Crane Arrives", "Storm Over the Pier", "Old Ferry Final Trip"]
    assert "Storm Over the Pier" not in (article.body or "")


def test_unlabelled_video_cards_are_not_query_card_teasers():
    article = extract(_page(_video_row("")), URL)
    assert not any(r.title == "Storm Over the Pier" for r in article.related)

"""Story lists between story paragraphs: trafilatura's paragraph-by-paragraph
recovery (no known container class) leaves lists out (dragnet: recall 0.47)."""

from pipelines import extract

PARAS = "".join(
    f"<p>Paragraph {i} of the story explains how used-car prices rose after the flood, as dealers "
    f"bought up stock from the dry regions and buyers from the coast came looking for cheap cars.</p>"
    for i in range(1, 5)
)
TIPS = """<ul><li>If possible, <strong>buy from a dealer you know</strong>: private sellers may not say where the car stood.</li>
  <li>Look <strong>under the seats</strong> for rusted bolts and springs, which are hard to explain away.</li>
  <li>Ask a mechanic for an inspection; most garages offer one for a modest fee.</li></ul>"""


def _page(middle: str) -> str:
    # No article/entry/post class anywhere: trafilatura falls back to loose paragraphs.
    return f"""<html><body><div id="wrap"><div class="c1"><h1>Flooded cars on the market</h1>
      {PARAS}<p>So be careful if you are looking for a used car in the next few months, the trade group says.</p>
      {middle}<p>Have you been offered a flooded car? Tell us what tipped you off about it.</p></div>
      <div class="c2"><ul><li><a href="/a">Home</a></li><li><a href="/b">News</a></li></ul></div></div></body></html>"""


def test_list_between_story_paragraphs_is_kept_in_place():
    body = extract(_page(TIPS), "https://cars.example/news/1080313_flooded-cars").body
    blocks = body.split("\n\n")
    first = next(i for i, b in enumerate(blocks) if "buy from a dealer you know" in b)
    assert "looking for a used car in the next few months" in blocks[first - 1]
    assert "under the seats for rusted bolts" in body and "Ask a mechanic for an inspection" in body
    assert "Home" not in blocks


def test_menu_like_list_after_a_paragraph_is_not_story():
    menu = "<ul><li><a href='/x'>Prices</a></li><li><a href='/y'>Dealers near you</a></li></ul>"
    body = extract(_page(menu), "https://cars.example/news/1080313_flooded-cars").body
    assert "Dealers near you" not in body

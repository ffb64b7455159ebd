"""Empty formatting elements made trafilatura drop the text after them (dragnet:
a list article lost every paragraph opened by an editor's stray <strong></strong>)."""

from pipelines import extract

PARAS = "".join(
    f"<p>Paragraph {i} of the story explains how the city council voted to rebuild the old harbour bridge "
    f"after engineers found that the piers had been weakened by decades of salt water.</p>"
    for i in range(1, 5)
)


def test_paragraph_opened_by_an_empty_strong_is_kept():
    html = f"""<html><body><div class="single"><h1>Ten rules for bridges</h1>{PARAS}
      <h2><strong>2. Do not paint over rust</strong></h2>
      <p><strong></strong>Rust under fresh paint keeps eating the steel where nobody can see it, so the old coat comes off first.</p>
      <p>Closing words<i></i> of the story: the council meets again in May to pick the contractor.</p>
      {PARAS}</div></body></html>"""
    body = extract(html, "https://news.example/2012/08/ten-rules-for-bridges/").body
    assert "Rust under fresh paint keeps eating the steel" in body
    assert "Closing words of the story: the council meets again in May" in body


def test_whitespace_only_inline_element_still_separates_words():
    html = f"""<html><body><article><h1>Bridge vote</h1>{PARAS}
      <p>The engineers<strong> </strong>signed the report on Friday after a long week of tests.</p></article></body></html>"""
    body = extract(html, "https://news.example/2012/08/bridge-vote/").body
    assert "The engineers signed the report on Friday" in body

"""A pitch box with a subscribe / order button inside or after the story is not story
text (pipelines.cta_boxes).  Hand-written pages."""

from pipelines import extract

PARAS = "".join(
    f"<p>Paragraph {i} of the report explains how the river authority rebuilt the old lock gates "
    f"upstream of the town and why the barges had to wait for three weeks in spring.</p>"
    for i in range(1, 8)
)
URL = "https://daily.example/artikel/2024/lock-gates-rebuilt"


def _body(after: str) -> str:
    html = f"""<html><head><title>Lock gates rebuilt</title></head><body><article><h1>Lock gates rebuilt</h1>
      {PARAS}<div class="row"><div class="box light">{after}</div></div></article></body></html>"""
    return extract(html, URL).body


def test_pitch_box_with_an_order_button_leaves_the_body():
    box = ("<p>Two weeks free</p><p>For thirty years this paper has reported on rivers, canals and the people "
           "who work on them. Read it on paper: we send it for two weeks to your letterbox, and the offer ends "
           "by itself.</p><div class='btn btn-primary'><a href='/abo/trial.php'>Jetzt bestellen</a></div>")
    body = _body(box)
    assert "Paragraph 7 of the report" in body
    assert "thirty years this paper" not in body and "Two weeks free" not in body


def test_pitch_box_with_a_subscribe_button_tag_leaves_the_body():
    box = ("<p>Solidarity now! A court ruled against the paper last week, and an appeal will follow. Support "
           "independent reporting on the rivers of the region.</p><button><a href='/abo/'>Subscribe now</a></button>")
    body = _body(box)
    assert "Solidarity now" not in body and "Paragraph 7 of the report" in body


def test_a_short_story_next_to_a_subscribe_button_stays():
    html = """<html><head><title>Lock closed</title></head><body><div class="page"><div class="story">
      <p>The lock at the old mill is closed until Friday because a gate was damaged by a barge on Monday night,
      the river authority said.</p><a class="btn" href="/subscribe">Subscribe</a></div>
      <div class="footer"><p>Contact the newsroom</p></div></div></body></html>"""
    assert "The lock at the old mill is closed" in extract(html, URL).body

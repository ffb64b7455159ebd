"""Blog post signatures, signed comment threads and Movable Type's "| Main |" post
navigation (dragnet: a body that was 97% comments, 14 bodies opening with the nav)."""

from pipelines import extract
from pipelines.body import Body
from pipelines.signatures import cut_signature_tail

STORY = "".join(
    f"<p>Paragraph {i}: the nights stayed warm all month, so the wool stayed in the basket and the cotton "
    f"arm warmers got finished first, with a few rows of seed stitch at the top.</p>" for i in range(1, 6)
)
COMMENTS = "".join(
    f"<div id='c{n}'><p>Comment {n}: here the nights are cool already and the sweaters are out of the cupboard, "
    f"lucky me, but I feel for you in that heat.</p></div><p class='posted'>Posted by: Reader{n} at September 10, 2012 "
    f"11:{n:02d} AM</p>" for n in range(10, 16)
)


def _page(after_story: str) -> str:
    return f"""<html><head><title>Knit Notes: Warm nights</title></head><body><div id="container">
      <p class="content-nav">&laquo; <a href="/older.html">A year from now</a> | <a href="/">Main</a> |
        <a href="/newer.html">Next week's pattern</a> &raquo;</p>
      <h2 class="date-header">September 10, 2012</h2>
      <div class="entry"><h3 class="entry-header">Warm nights</h3><div class="entry-body">{STORY}</div>
      <p class="posted">Posted by laurie at September 10, 2012 9:01 AM</p></div>
      {after_story}</div></body></html>"""


def test_signed_comment_thread_after_the_post_is_not_body():
    body = extract(_page(f"<h2 id='comments'>Comments</h2>{COMMENTS}"), "https://knit.example/2012/09/warm-nights.html").body
    assert "Paragraph 5: the nights stayed warm" in body
    assert "Comment 12" not in body and "Posted by" not in body


def test_post_navigation_line_is_not_body():
    # Tested on the line pass: whether the extractor keeps the nav depends on the page.
    story = ["Paragraph 1: the nights stayed warm all month.", "Paragraph 2: the cotton came first."]
    body = Body(blocks=["« A year from now you will wish you had started | Main | Next week's pattern »", *story])
    assert cut_signature_tail(body).blocks == story
    assert cut_signature_tail(Body(blocks=["« Older post | Main", *story])).blocks == story


def test_opening_byline_stays():
    html = f"""<html><body><article><h1>Warm nights</h1><p>Posted by laurie on September 10, 2012 at 9:01 AM</p>
      {STORY}</article></body></html>"""
    body = extract(html, "https://knit.example/2012/09/warm-nights.html").body
    assert "Paragraph 5: the nights stayed warm" in body


def test_gallery_navigation_lines_are_not_body():
    story = ["Paragraph 1: the nights stayed warm all month.", "Next year we will knit in spring."]
    body = Body(blocks=[*story, "Previous", "1 / 6", "Next", "‹ Back to Story"])
    assert cut_signature_tail(body).blocks == story

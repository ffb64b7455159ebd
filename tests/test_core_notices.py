"""Registration walls, browser banners and template debug output inside the story
container are not story text (pipelines.notices).  Hand-written page."""

import lxml.html

from pipelines import extract
from pipelines.notices import drop_notices

PARAS = "".join(
    f"<p>Paragraph {i} of the report explains how the survey ship mapped the sea floor off the coast "
    f"and what the new charts show about the old shipping lanes.</p>"
    for i in range(1, 7)
)
URL = "https://journal.example/news/2025/sea-floor-mapped"


def _body(inside: str, outside: str = "") -> str:
    html = f"""<html><head><title>Sea floor mapped</title></head><body>{outside}<article><h1>Sea floor mapped</h1>
      {PARAS[:600]}{inside}{PARAS[600:]}</article></body></html>"""
    return extract(html, URL).body


def test_registration_wall_and_debug_dump_leave_the_body():
    wall = ("<div class='app-access-wall' id='registration-wall'><h2>Enjoying our latest content?</h2>"
            "<p>Log in or create an account to continue reading the journal's news pages.</p></div>")
    debug = "<dl class='debug-flags'><dt>showPaywall:</dt><dd>false</dd><dt>isSubscriber:</dt><dd>false</dd></dl>"
    body = _body(wall + debug)
    assert "Paragraph 6 of the report" in body
    for line in ("Enjoying our latest", "Log in or create", "showPaywall", "isSubscriber"):
        assert line not in body, line


def test_browser_banner_leaves_the_tree():
    # Checked on the tree: on a page this small the extractor skips the banner anyway
    # (on the science journal's page it kept it, five lines).
    page = lxml.html.fromstring(
        f"""<html><body><div class='grade-c'><div class='box'><p>Thank you for visiting. You are using a browser
        version with limited support for CSS.<br>To obtain the best experience, we recommend a more up to date
        browser.</p></div></div><article>{PARAS}<p>The charts can be read in any web browser, the team said.</p>
        </article></body></html>""")
    assert drop_notices(page) == 1
    text = page.text_content()
    assert "limited support" not in text and "up to date" not in text
    assert "any web browser" in text and "Paragraph 6 of the report" in text


def test_a_story_paragraph_about_browsers_stays():
    story = ("<p>The charts can be read in any web browser, the survey team said, and the data will be "
             "published for free next spring.</p>")
    assert "any web browser" in _body(story)

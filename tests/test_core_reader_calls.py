"""Calls for readers' tips, breaking-story notices, screen-reader labels, author boxes
and display headlines above the lead are not story text.  Hand-written pages."""

from pipelines import extract

PARAS = "".join(
    f"<p>Paragraph {i} of the report explains how the harbour board voted on the new ferry pier "
    f"near the fish market, which quays will close and what the works will finally cost.</p>"
    for i in range(1, 7)
)
URL = "https://harbour.example/news/2024/ferry-pier-approved"


def _body(extra_top: str = "", extra_end: str = "", title: str = "Ferry pier approved by the harbour board",
          head: str = "") -> str:
    html = f"""<html><head><title>{title}</title>{head}</head><body><article>
      <h1>{title}</h1>{extra_top}{PARAS}{extra_end}</article></body></html>"""
    return extract(html, URL).body


def test_tip_calls_with_an_address_and_breaking_notices_leave_the_body():
    body = _body(extra_top="<p>This is a breaking news story - more to follow</p>",
                 extra_end="<p>Do you have a story to tell? Email: desk@harbour.example</p>"
                           "<p>Are ferries late in your area? Get in touch at tips@harbour.example</p>")
    assert "Paragraph 6 of the report" in body
    for line in ("breaking news story", "story to tell", "Get in touch"):
        assert line not in body, line


def test_a_story_sentence_with_an_address_stays():
    body = _body(extra_end="<p>The harbour master, who can be reached at office@harbour.example, said the pier "
                           "will open in May.</p>")
    assert "office@harbour.example" in body


def test_screen_reader_labels_and_swipe_hints_leave_the_body():
    body = _body(extra_end="<p>Article content</p><p>“swipe left below to view more authors”Swipe →</p>"
                           "<p>Thema folgen</p><p>Most read</p>")
    for line in ("Article content", "swipe left", "Thema folgen", "Most read"):
        assert line not in body, line


def test_author_box_after_the_story_is_cut():
    bio = ("Erika Beispiel (*1961) leitete das Hafenamt der Stadt und lehrt heute Verkehrsplanung an der "
           "Universität. Sie schreibt regelmässig über Häfen, Fähren und die Küstenschifffahrt in Europa.")
    # the box names the byline author (a book review's "The author" section does not)
    body = _body(extra_end=f"<h2>Die Autorin</h2><p>{bio}</p>", head="<meta name='author' content='Erika Beispiel'>")
    assert "Paragraph 6 of the report" in body
    assert "Die Autorin" not in body and "Erika Beispiel" not in body


def test_display_headline_above_the_lead_is_not_body_text():
    html = f"""<html><head><title>Ferry pier approved</title>
      <meta name="description" content="The board voted eleven to two for the pier at the fish market after a long debate."></head>
      <body><article><h2>Harbour plans: Board says yes to the pier at the fish market</h2>
      <p class="lead">The board voted eleven to two for the pier at the fish market after a long debate.</p>
      {PARAS}</article></body></html>"""
    body = extract(html, URL).body
    assert body.startswith("The board voted eleven to two")
    assert "Board says yes" not in body


def test_a_sub_heading_after_the_lead_stays():
    html = f"""<html><head><title>Ferry pier approved</title>
      <meta name="description" content="The board voted eleven to two for the pier at the fish market after a long debate."></head>
      <body><article><p class="lead">The board voted eleven to two for the pier at the fish market after a long debate.</p>
      {PARAS[:300]}<h2>What the pier will cost</h2>{PARAS}</article></body></html>"""
    assert "What the pier will cost" in extract(html, URL).body


def test_byline_made_of_the_metadata_authors_leaves_the_body():
    html = f"""<html><head><title>Ferry pier approved</title><meta name="author" content="Erika Beispiel"></head>
      <body><article><h1>Ferry pier approved</h1><p>ERIKA BEISPIEL</p>{PARAS}<p>Erika Beispiel</p></article></body></html>"""
    body = extract(html, URL).body
    assert body.startswith("Paragraph 1") and "Beispiel" not in body


def test_a_sentence_naming_the_author_stays():
    html = f"""<html><head><title>Ferry pier approved</title><meta name="author" content="Erika Beispiel"></head>
      <body><article><h1>Ferry pier approved</h1>{PARAS}<p>Erika Beispiel reported from the harbour.</p>
      </article></body></html>"""
    assert "Erika Beispiel reported" in extract(html, URL).body


def test_media_availability_lines_leave_the_body():
    body = _body(extra_top="<p>02:57 Min.. Verfügbar bis 06.05.2024.</p>", extra_end="<p>Video verfügbar bis:</p>")
    assert "Verfügbar bis" not in body and "verfügbar bis" not in body
    assert "Paragraph 6 of the report" in body

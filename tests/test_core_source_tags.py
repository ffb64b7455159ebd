"""Source tags and translator credits closing a story (pipelines.credit_lines):
agency names with an editor's initials, a broadcaster's initials with its editors,
"Copyright: ..." labels.  Hand-written page."""

from pipelines import extract

PARAS = "".join(
    f"<p>Paragraph {i} of the report explains how the city council voted on the new tram line "
    f"through the old town, which streets will close and what the works will finally cost.</p>"
    for i in range(1, 6)
)


def _body(tail: str) -> str:
    html = f"""<html><head><title>Tram line approved by the council</title></head><body><article>
      <h1>Tram line approved by the council</h1>{PARAS}{tail}</article></body></html>"""
    return extract(html, "https://city.example/news/2024/tram-line-approved").body


def test_source_tags_and_translator_credits_leave_the_body():
    body = _body("<p>KNA/sep</p><p>mit dpa</p><p>CTV (mk)</p><p>CTV (Anna Berg, Jan Ott)</p>"
                 "<p>Aus dem Französischen von Lea Roth</p><p>Copyright: City Syndicate, 2024</p>")
    assert "Paragraph 5 of the report" in body
    for line in ("KNA/sep", "mit dpa", "CTV (mk)", "Anna Berg", "Lea Roth", "City Syndicate"):
        assert line not in body, line


def test_list_items_with_a_parenthesis_stay():
    body = _body("<p>What the city buys for the line:</p><ul><li>DVD (official tram videos)</li>"
                 "<li>TRAM (forty new cars)</li><li>iPad (1024x768)</li></ul>")
    for line in ("DVD (official tram videos)", "TRAM (forty new cars)", "iPad (1024x768)"):
        assert line in body, line

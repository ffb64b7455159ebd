"""2000s-era page structures (the l3s_gn1 Google News 2008 set): loose-text stories,
bylines and tool lines, comment threads without class names.  Each test is a small
hand-written page modelled on a structure measured on the dev corpus."""

from pipelines import extract

STORY = [
    "A delivery driver was arrested on Tuesday after the lorry he was driving overturned on the ring road ramp.",
    "The lorry struck a divider shortly before noon as it left the motorway, and the ramp stayed closed for ten hours.",
    "Police said the driver left the scene on foot but was found an hour later in a nearby petrol station.",
    "Nobody was hurt in the crash, and officials said the spilled cargo posed no danger to nearby homes.",
]
PROMOS = "".join(
    f"<p>Promo {i}: enter our weekly draw for a chance to win two tickets to a show of your choice, or take "
    f"the news with you on your phone through our mobile edition at no extra cost.</p>" for i in range(3)
)


def test_story_as_loose_text_between_double_breaks_is_found():
    # The story sits in a layout cell as loose text separated by <br><br>; precision
    # mode skipped it and returned the promo paragraphs of the next row (F1 0).
    story = "<br>\n<br>".join(STORY)
    html = f"""<html><body><table><tr><td width="140"><img src="/a.jpg"></td>
      <td><font size="4"><b>Driver arrested after lorry overturns</b></font></td></tr>
      <tr><td colspan="2"><font size="-1"></font><br><br>{story}<br></td></tr>
      <tr><td colspan="2"><table><tr><td>{PROMOS}</td></tr></table></td></tr></table></body></html>"""
    article = extract(html, "http://news.example/story/index.jsp?aid=77456")
    for sentence in STORY:
        assert sentence in article.body


def test_story_as_loose_text_between_empty_paragraphs_is_found():
    # Another template: <div class="StoryBody">text<p></p>text<p></p>...: the body
    # came out as two sidebar ad paragraphs.
    story = "<p></p>".join(STORY)
    html = f"""<html><body><div class="side">{PROMOS}</div><h1>Driver arrested</h1>
      <div class="StoryBody">{story}</div></body></html>"""
    article = extract(html, "http://news.example/news/15112527/detail.html")
    for sentence in STORY:
        assert sentence in article.body

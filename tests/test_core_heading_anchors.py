"""Named jump-target anchors inside sub-headings are no links (pipelines.heading_anchors)."""

from lxml import html

from pipelines.body import extract_body
from pipelines.heading_anchors import unwrap_heading_anchors

PARA = ("The council spent the evening on the tram line, the streets it will close and the "
        "shops that fear two years of building works along the old town route. ")


def _page() -> html.HtmlElement:
    # Each section in its own box, as a CMS's paragraph modules render them.
    return html.fromstring(f"""<html><body><article><h1>Tram line approved</h1>
      <div class="mod"><div class="box"><div class="paragraph"><p>{PARA * 3}</p></div></div></div>
      <div class="mod"><div class="box"><h3 class="subtitle">
      <a name="part1" class="jump">What the <strong>works cost the city</strong></a></h3>
      <div class="paragraph"><p>{PARA * 3}</p></div><div class="paragraph"><p>{PARA * 2}</p></div></div></div>
      </article></body></html>""")


def test_named_anchor_in_a_subheading_is_unwrapped_and_the_heading_kept():
    tree = _page()
    assert unwrap_heading_anchors(tree) == 1
    assert tree.find(".//h3/a") is None
    assert "What the works cost the city" in " ".join(extract_body(tree, "https://city.example/a", {}).text.split())


def test_without_the_unwrap_the_extractor_drops_the_heading():
    # Documents why the pass exists: trafilatura drops a heading that is all "link".
    assert "What the works cost the city" not in " ".join(extract_body(_page(), "https://city.example/a", {}).text.split())


def test_linked_heading_is_left_alone():
    tree = html.fromstring('<div><h3><a href="/other-story">Other story of the day</a></h3></div>')
    assert unwrap_heading_anchors(tree) == 0
    assert tree.find(".//h3/a") is not None

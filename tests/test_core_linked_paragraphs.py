"""A story paragraph with long inline links, between story paragraphs, is body text
(pipelines.linked_paragraphs).  Hand-written page.  The extractor's drop depends on
the whole page around the paragraph (a news site lost the first paragraph of every
story section after its in-story ad slots), so the pass is tested on the body the
extractor returned without it."""

import lxml.html

from pipelines.body import Body
from pipelines.linked_paragraphs import restore_linked_paragraphs

PARAS = [f"Paragraph {i} of the report explains how the coalition talks in the capital went on for a third "
         f"week, which ministries are still open and what the smaller parties asked for in return." for i in range(1, 5)]
LINKED = ("She faced questions at a rally after she <a href='https://other.example/a'>compared the defence "
          "budget plans of the government with the arms race of the nineteen thirties</a>. But she has stood firm "
          "in her opposition to <a href='https://other.example/b'>the joint procurement plans of the union</a> "
          "to raise spending by billions over four years.")
LINK_LIST = " ".join(f"<a href='https://other.example/{i}'>Coalition news story number {i} of the week</a>"
                     for i in range(8))


def _tree(section_opening: str):
    return lxml.html.fromstring(
        f"""<html><body><article><div class="content"><p>{PARAS[0]}</p><p>{PARAS[1]}</p></div>
        <div class="ad">Advertisement</div><div class="content"><p>{section_opening}</p><p>{PARAS[2]}</p>
        <p>{PARAS[3]}</p></div></article></body></html>""")


def test_link_rich_story_paragraph_is_put_back_in_place():
    body = restore_linked_paragraphs(_tree(LINKED), Body(blocks=list(PARAS)))
    assert body.blocks[2].startswith("She faced questions at a rally")
    assert body.blocks[3] == PARAS[2] and len(body.blocks) == 5


def test_a_link_list_and_a_short_linked_line_stay_out():
    for opening in (LINK_LIST, "Read more: <a href='/x'>Coalition talks, day one</a>"):
        assert restore_linked_paragraphs(_tree(opening), Body(blocks=list(PARAS))).blocks == PARAS

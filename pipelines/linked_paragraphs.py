"""Story paragraphs that trafilatura dropped for their links.

A paragraph whose sentences carry two or three long inline links ("after she
<a>compared Germany's plans with the 1930s</a>. But she stood firm against <a>the
EU's ReArm plans</a>") has a link share of 40-60%, and the extractor's link-density
test takes it for a link list: a news site lost the first paragraph of every story
section that way (fundus: recall 0.89).  A paragraph put back here is long, reads
as prose between its links, and sits right before or after a paragraph that is in
the body, in the same container.
"""

from __future__ import annotations

from pipelines.body import Body
from pipelines.dom_utils import HtmlElement, text_of
from pipelines.text import words

#: A story paragraph is long: teaser blurbs and "read more" lines are shorter.
MIN_WORDS = 30
#: Above this share of link text it is a link list, whatever its length.
MAX_LINK_SHARE = 0.7
#: Below this share the extractor had another reason to leave the paragraph out.
MIN_LINK_SHARE = 0.2
_NOT_STORY = ("nav", "aside", "footer", "header", "form", "li", "blockquote", "figure", "table")


def _key(text: str) -> str:
    return " ".join(words(text)[:8])


def _candidate(p: HtmlElement) -> str | None:
    text = text_of(p)
    if len(words(text)) < MIN_WORDS:
        return None
    link_chars = sum(len(text_of(a)) for a in p.iter("a"))
    if not MIN_LINK_SHARE * len(text) <= link_chars <= MAX_LINK_SHARE * len(text):
        return None
    if any(a.tag in _NOT_STORY for a in p.iterancestors()):
        return None
    return text


def _neighbour_index(p: HtmlElement, starts: dict[str, int]) -> tuple[int, int] | None:
    """(index of the neighbouring body block, 0 to insert before it or 1 after it)."""
    nxt = p.getnext()
    if nxt is not None and nxt.tag == "p" and (k := _key(text_of(nxt))) in starts:
        return starts[k], 0
    prev = p.getprevious()
    if prev is not None and prev.tag == "p" and (k := _key(text_of(prev))) in starts:
        return starts[k], 1
    return None


def restore_linked_paragraphs(tree: HtmlElement, body: Body) -> Body:
    """``body`` with the link-rich story paragraphs next to its own paragraphs put back."""
    if not body.blocks:
        return body
    found: list[tuple[int, int, str]] = []
    starts: dict[str, int] | None = None
    joined = ""
    for p in tree.iter("p"):
        if p.find(".//a") is None:
            continue  # most paragraphs: no text read
        text = _candidate(p)
        if text is None:
            continue
        if starts is None:
            starts = {_key(b): i for i, b in enumerate(body.blocks) if len(words(b)) >= 5}
            joined = " ".join(" ".join(words(b)) for b in body.blocks)
        if _key(text) in joined:
            continue
        at = _neighbour_index(p, starts)
        if at is not None:
            found.append((at[0], at[1], text))
    if not found:
        return body
    blocks = list(body.blocks)
    # insert from the end so that earlier indices stay valid
    for index, after, text in sorted(found, key=lambda f: (f[0], f[1]), reverse=True):
        blocks.insert(index + after, text)
    return Body(blocks=blocks, headings=body.headings, lines_filtered=body.lines_filtered)

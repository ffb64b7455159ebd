"""Reader comments that follow a section label in the story's own container.

Older templates write the comment thread as loose text or plain <div>s right
after the story, under a label line ("Comments are now closed for this story",
"Thanks for your comments - this feedback is now closed", "YOUR SAY"), with no
class name to tell them apart.  The class-based pass (:mod:`pipelines.dom_clean`)
cannot see them; the label can: everything after it in its container is the
thread.  Measured on l3s_gn1: one page kept 2,800 comment shingles (precision
0.16), two more 70-180.
"""

from __future__ import annotations

import re

from pipelines.dom_utils import HtmlElement, text_of

__all__ = ["drop_comment_threads"]

# Labels that only ever open a comment thread (a bare "Comments" also names a link
# in tool bars: the class pass handles it with a narrower rule).
_THREAD_LABEL = re.compile(
    r"^\W*(comments are (now )?closed( for this (story|article|post|entry))?|comments (now )?closed"
    r"|(thanks for your comments\W+)?(this )?(feedback|discussion) is (now )?closed|(have )?your say"
    r"|readers?'? comments|reader reactions?|post a comment|add (a|your) comment|leave a comment"
    r"|kommentare sind geschlossen|leserkommentare|ihre meinung|commentaires fermés|réactions des lecteurs"
    r"|comentarios cerrados|comentarios de los lectores)\W*$",
    re.IGNORECASE,
)
_LABEL_TAGS = ("b", "strong", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "font", "td")
MAX_LABEL_CHARS = 80


def _label_row(label: HtmlElement) -> HtmlElement:
    """The label's own line: climb while the parent holds nothing else (<p><b>label</b></p>)."""
    row = label
    text = text_of(label)
    parent = row.getparent()
    while parent is not None and parent.tag not in ("body", "html") and text_of(parent) == text:
        row, parent = parent, parent.getparent()
    return row


#: A thread follows a story: a label with little text before it ("Have your say" at
#: the top of an article, a "Reader reactions" heading opening a piece) is not cut.
MIN_STORY_BEFORE_CHARS = 200


def _text_before(row: HtmlElement) -> int:
    """Characters of text before ``row`` in its container and the container's own one."""
    total = 0
    node = row
    for _ in range(2):
        parent = node.getparent()
        if parent is None:
            break
        total += len((parent.text or "").strip())
        total += sum(len(text_of(s)) for s in node.itersiblings(preceding=True) if isinstance(s.tag, str))
        if total >= MIN_STORY_BEFORE_CHARS:
            break
        node = parent
    return total


def _holds_story(nodes: list[HtmlElement]) -> bool:
    return any(n.tag == "h1" or n.find(".//h1") is not None or n.find('.//*[@itemprop="articleBody"]') is not None
               for n in nodes)


def drop_comment_threads(root: HtmlElement, lengths: dict[HtmlElement, int]) -> int:
    """Remove each comment-thread label and everything after it in its container."""
    removed = 0
    for el in list(root.iter(*_LABEL_TAGS)):
        size = lengths.get(el, 0)
        if not size or size > MAX_LABEL_CHARS or el.getparent() is None:
            continue
        # The label text first: it rules out nearly every element, and cheaper than the
        # link tests (a path search below, a walk above); all three only read the tree.
        if not _THREAD_LABEL.match(text_of(el)):
            continue
        if el.find(".//a[@href]") is not None or any(a.tag == "a" for a in el.iterancestors()):
            continue  # a link to the comments, not their heading
        row = _label_row(el)
        parent = row.getparent()
        if parent is None:
            continue  # inside a thread removed already
        following = [n for n in row.itersiblings() if isinstance(n.tag, str)]
        if _holds_story(following) or _text_before(row) < MIN_STORY_BEFORE_CHARS:
            continue
        # lxml's remove() takes each node's tail with it: the loose text after the
        # label and between the removed nodes is the thread too.
        for node in [row, *following]:
            parent.remove(node)
        removed += 1
    return removed

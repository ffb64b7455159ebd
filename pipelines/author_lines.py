"""Byline lines: the author's name alone on a line at the top or the foot of the body.

Pages print the byline inside the story container ("MTHOBISI SITHOLE" above the
first paragraph, "Lê Phương" under the last one, three reporters' names after a
long read), and the extractor keeps it as a block.  The names are known from the
page's metadata (JSON-LD / meta author), so a short line made only of those names,
optionally after a "by" word, is the byline in any language.  Measured on the dev
corpus: 5 fundus pages ended or opened with such a line (none in gold).
"""

from __future__ import annotations

import re

from pipelines.body import Body

#: Only the opening and closing blocks are searched: a name inside the story is story text.
EDGE_BLOCKS = 3
#: A byline is a few names; a sentence that only contains names is rare and longer.
MAX_BYLINE_WORDS = 12
_WORD = re.compile(r"\w+")
# "By", "Von", "Por", "Par", "Di", "Av", "Door", "Text", "Autor", "and"/"und"/"y"/"et"/"e"/"og"/"i"
_BY_WORDS = frozenset(("by", "von", "por", "par", "di", "da", "av", "door", "text", "texto", "texte", "autor", "autorin",
                       "author", "and", "und", "y", "et", "e", "og", "i", "och", "en", "reporter", "reporting"))


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def is_author_line(block: str, names: list[list[str]]) -> bool:
    """``block`` is made of the author names (each a word list), at least one of them whole."""
    words = _words(block)
    if not words or len(words) > MAX_BYLINE_WORDS:
        return False
    known = {w for name in names for w in name}
    if not all(w in known or w in _BY_WORDS for w in words):
        return False
    # a whole name of two words or more ("F. Kooman" under an RFC draft, with the
    # metadata's authors split into "Kooman" and "F.", is an address block: readability gold)
    present = set(words)
    return any(len(name) >= 2 and all(w in present for w in name) for name in names)


def drop_author_lines(body: Body, authors: list[str]) -> Body:
    names = [_words(a) for a in authors if a]
    names = [n for n in names if n]
    if not names or not body.blocks:
        return body
    n = len(body.blocks)
    edge = set(range(min(EDGE_BLOCKS, n))) | set(range(max(0, n - EDGE_BLOCKS), n))
    kept = [b for i, b in enumerate(body.blocks) if i not in edge or not is_author_line(b, names)]
    if len(kept) == n or not kept:
        return body
    return Body(blocks=kept, headings=[h for h in body.headings if h in kept],
                lines_filtered=body.lines_filtered + n - len(kept))

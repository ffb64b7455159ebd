"""Short layout-table rows above the story.

Once 2000s layout tables are unwrapped, the rows above the story come out as
"| Sport | |", "| FREE Tech Newsletters |", "| Fri, December 28, 2007 | | |",
"| Ask a question |": section labels, promos, dates, print links, the headline
again.  Measured on the dev corpus: 24 such leading rows in bodies (l3s_gn1 18,
dragnet 4, cleaneval 2) against 3 kept by a gold body (a title and a date line,
which our bodies leave out by convention anyway).  Data tables inside a story
come after its first paragraph and are left alone.
"""

from __future__ import annotations

from pipelines.body import Body
from pipelines.text import words

#: A row longer than this is table content, not a label.
MAX_ROW_WORDS = 8


def _short_row(block: str) -> bool:
    return block.startswith("|") and 0 < len(words(block)) <= MAX_ROW_WORDS


def drop_leading_rows(body: Body) -> Body:
    """``body`` without the short table rows that open it (the story must follow)."""
    start = 0
    while start < len(body.blocks) and _short_row(body.blocks[start]):
        start += 1
    if start == 0 or start == len(body.blocks):
        return body
    blocks = body.blocks[start:]
    return Body(blocks=blocks, headings=[h for h in body.headings if h in blocks],
                lines_filtered=body.lines_filtered + start)

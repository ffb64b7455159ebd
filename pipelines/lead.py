"""The lead (sapo, standfirst) as the page shows it above the story.

Vietnamese sites put the sapo in its own element (`h2.sapo`, `p.description`)
outside the container trafilatura picks, so it is found here and put back at
the head of the body: the lead is part of the story.
"""

from __future__ import annotations

import re

from pipelines.dom_utils import HtmlElement, attr_tokens, iter_elements, text_of

_LEAD_CLASS = re.compile(
    r"(^|[\s_-])(sapo|lead|lede|standfirst|summary|description|chapeau|intro|excerpt|article-?lead|article-?summary"
    r"|article-?sapo|subtitle|dek|deck)(?=$|[\s_-])",
    re.IGNORECASE,
)


def find_lead(tree: HtmlElement) -> str | None:
    """Text of the first lead-classed element of sentence length, or None."""
    for el in iter_elements(tree, ("p", "h2", "div", "span", "strong", "h3")):
        if not _LEAD_CLASS.search(attr_tokens(el)):
            continue
        if any(a.tag in ("nav", "header", "footer", "aside", "a") for a in el.iterancestors()):
            continue
        text = text_of(el)
        if 40 <= len(text) <= 800 and len(el.findall(".//p")) <= 1:
            return text
    return None

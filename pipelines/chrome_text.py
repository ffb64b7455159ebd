"""Short labels inside the story container that are page chrome, not story text:

* CMS field labels (Drupal's "field-label": "Episode Description:", "Tags:");
* headline kickers above or beside the <h1> ("antetitulo", "kicker", "overline",
  "dachzeile", "surtitre", "occhiello", "eyebrow").

Measured on the dev corpus: a radio show page opened its body with two field labels
before the story (goose3 prefix gold); kickers opened fundus bodies (two pages,
F1 +0.014 and +0.032) and a dragnet page.  Only short elements go: a label, not a
paragraph.  Screen-reader-only labels ("element-invisible", "sr-only") were tried
too and dropped: the trafilatura snippet set expects "(link is external)" labels.
"""

from __future__ import annotations

import re

from lxml import etree

from pipelines.dom_utils import HtmlElement, remove, text_of

_FIELD_LABEL = re.compile(r"(^|\s)(field-label|field--label|field-label-above|label-above)(?=\s|$)")
_KICKER = re.compile(r"(^|[\s_-])(antetitulo|kicker|overline|dachzeile|supertitle|surtitre|occhiello|eyebrow)(?=$|[\s_-])")
#: A label, not a paragraph.
MAX_CHARS = 100


def _chrome(el: HtmlElement) -> bool:
    classes = f" {el.get('class') or ''} ".lower()
    return bool(classes.strip()) and bool(_FIELD_LABEL.search(classes) or _KICKER.search(classes))


# Cheap pre-selection on the class string (a regex over every element's class cost 4%
# of the extraction time): a substring search, then the patterns above decide.  A walk
# reading each class in Python costs half the XPath "//@class[contains(...)]/.." we
# had (0.30 -> 0.15 s per 320 pages, same elements in the same order).
_HINT = re.compile("label|icker|verline|ntetitulo|achzeile|upertitle|urtitre|cchiello|yebrow")


def _candidates(root: HtmlElement) -> list[HtmlElement]:
    return [el for el in root.iter(etree.Element) if (classes := el.get("class")) and _HINT.search(classes)]


def drop_chrome_text(root: HtmlElement) -> int:
    """Remove short field labels and kickers from ``root`` in place; returns how many."""
    count = 0
    for el in _candidates(root):
        if el.getparent() is None or el.tag in ("html", "body", "main", "article") or not _chrome(el):
            continue
        if len(text_of(el)) <= MAX_CHARS and el.find(".//h1") is None:
            remove(el)
            count += 1
    return count

"""Whole lines about the page rather than the story: a table-of-contents label whose
list is gone, a bare date line, a "Last modified: <date>" stamp, a media item's
"available until" line.

Extractors keep them because they sit in the story's container.  Measured on the dev
corpus: all three were must_exclude snippets of the trafilatura set ("Inhaltsverzeichnis"
above a German guide, "23.10.2018" under a test report's headline, "Created ... - Last
Modified: 03-10-2004" under a how-to); on l3s_gn1 the rule removed date stamps that the
gold leaves out (3 pages, F1 +0.007 to +0.014) and it changed no other source's score.
"""

from __future__ import annotations

import re

from pipelines.body import Body

_DATE = r"(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/-]\d{1,2}[/-]\d{2,4})"
# The label alone: the list it heads was a menu and went with the menus.
_TOC_LABEL = re.compile(r"^\W*(inhaltsverzeichnis|table of contents|contents|inhalt|índice|sommaire|indice)\W*$", re.I)
_DATE_ONLY = re.compile(rf"^\W*{_DATE}(\s*[,|-]?\s*\d{{1,2}}[:.]\d{{2}}(\s*uhr)?)?\W*$", re.I)
_MODIFIED = re.compile(
    rf"\b(last modified|last updated|zuletzt (geändert|aktualisiert)|aktualisiert am|updated on|modified on|geändert am)"
    rf"\b.{{0,20}}{_DATE}(\s*\d{{1,2}}[:.]\d{{2}}\s*(am|pm|uhr)?)?\W*$",
    re.I,
)
# A media item's running time and availability ("02:57 Min.. Verfügbar bis 06.05.2024.",
# "Video verfügbar bis:"): the player's caption, left when the player went.  Dev line
# audit: 2 lines (a fundus page, a trafilatura-set page), no gold line.
_AVAILABLE = re.compile(
    r"^\W*(\d{1,2}:\d{2}(:\d{2})?\s*(min\w*|mins?|sek\w*)?[.\s]*)?((video|audio|podcast|sendung)\s+)?"
    r"(verfügbar bis|available until|disponible jusqu'?(au|à)|disponible hasta|disponibile fino al?)\b.{0,30}$",
    re.I,
)
_SEPARATOR_END = re.compile(r"[-|•·:,(]\s*$")
#: A stamp is a short line ending with its date; a sentence that mentions an update is story text.
MAX_META_CHARS = 120


def is_meta_line(block: str) -> bool:
    line = block.strip()
    return len(line) <= MAX_META_CHARS and bool(
        _TOC_LABEL.match(line) or _DATE_ONLY.match(line) or _stamp(line) or _AVAILABLE.match(line))


def _stamp(line: str) -> bool:
    """"Last modified: <date>" opening the line or after a separator ("file.html - Created
    ... - Last Modified: ..."); "The guidance was last updated on 03/12/2020." is a sentence."""
    found = _MODIFIED.search(line)
    return found is not None and (not line[:found.start()].strip() or _SEPARATOR_END.search(line[:found.start()]) is not None)


def drop_meta_lines(body: Body) -> Body:
    return body.without(is_meta_line)

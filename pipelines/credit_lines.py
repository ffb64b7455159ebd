"""Whole lines that credit the story instead of telling it: bylines ("Von Anna
Schmidt, Frankfurt", "By KAREN SMITH"), copyright / agency lines ("© dpa-infocom,
dpa:230428-99-...", "© The Financial Times Ltd. 2024", "© AP") and time stamps
("Stand: 22.04.2024, 06:00 Uhr", "Uppdaterad 15.59 | Publicerad 14.14").

Gold bodies keep none of them (fundus: bylines and credits excluded by its
parsers; l3s_gn1: bylines and credits are `supplemental`).  Measured on the dev
corpus (all predicted body lines): bylines 19 hits, 1 in gold (a byline that runs
on into the writer's title); copyright and time-stamp lines 23 hits, 1 in gold (an
RFC's copyright notice, broken mid-sentence).
"""

from __future__ import annotations

import re

from pipelines.body import Body

_NAME = r"[A-ZÀ-Þ][\w.'’-]+"
# "Von/By/Par/Por/Di/Door/Av Name Name[, Place]" (names capitalised, at most six), or
# a labelled credit ("Text: Name", "Autor: Name").
_BYLINE = re.compile(
    rf"^((?i:von|by|par|por|di|door|av|af)\s+|(?i:text|autor|autorin|author|fotos?|reportage)\s*:\s*)"
    rf"{_NAME}(\s+((?i:und|and|et|y|e|en|og|och)\s+|&\s+|,\s*)?{_NAME}){{0,5}}(,\s*{_NAME})?\s*$"
)
# "Copyright" must be followed by its sign, a year or "by": "Copyright law is changing
# fast." is a sentence.
_COPYRIGHT = re.compile(r"^(©|\(c\)\s|copyright\s*(©|\(c\)|\d{4}|by\b|:))", re.IGNORECASE)
# Source tags closing a story: a news agency alone or with the editor's initials
# ("SDA/sep", "mit dpa", "AFP, AP", "Reuters/…"), a broadcaster's or paper's initials
# with its editors ("MDR (dst)", "MDR (Anna Berg, Jan Ott)"), and translator credits
# ("Aus dem Englischen von …", "Translated from the French by …").  Dev line audit:
# 8 lines on 5 fundus and 2 l3s_gn1 pages, none in gold; an all-caps word before any
# parenthesis also hit gold list items ("DVD (official music videos)").
_AGENCY = (r"(dpa|afp|ap|reuters|kna|epd|sda|apa|ansa|efe|dpa-afx|ddp|sid|ats|ntb|anp|belga|ria|tass|xinhua"
           r"|upi|aap|pti|ians|yonhap|kyodo)")
_SOURCE_TAG = re.compile(
    rf"^((?i:mit|with|avec|con)\s+)?(?i:{_AGENCY})([/,]\s*[\w-]{{1,12}})*\s*$"
    rf"|^[A-ZÄÖÜ]{{2,6}}\s+\(([a-z]{{2,4}}(/[a-z]{{2,4}})*|{_NAME}(\s+{_NAME})+(,\s*{_NAME}(\s+{_NAME})+)*)\)\s*$"
    r"|^(?i:aus dem \w+ (übersetzt )?von|translated (from (the )?\w+ )?by|traduit de l.\w+ par"
    r"|traducido del \w+ por)\s+\w"
)
_TIMESTAMP = re.compile(
    r"^(stand|aktualisiert|updated|update|publicerad|uppdaterad|veröffentlicht( am)?|published|publié le|mis à jour"
    r"|publicado|actualizado|oppdatert|publisert)\s*:?\s*(am\s+)?[\d.:/, -]+(uhr|h|am|pm)?\s*(\||$)",
    re.IGNORECASE,
)
#: Credit lines are short; a longer line starting "By ..." or "©" is a sentence.
BYLINE_MAX_CHARS = 80
COPYRIGHT_MAX_CHARS = 120


def _byline(text: str) -> bool:
    """A byline names someone: two names, or one in capitals (an agency: "By AP"); "By
    Train" / "By Air" sub-headings of a travel story are one capitalised word."""
    if not _BYLINE.match(text):
        return False
    names = text.split(None, 1)[1].replace(",", " ").split() if " " in text else []
    return ":" in text.split(None, 1)[0] or len(names) >= 2 or (len(names) == 1 and names[0].isupper())


def is_credit_line(line: str) -> bool:
    text = " ".join(line.split())
    if len(text) <= BYLINE_MAX_CHARS and (_byline(text) or _TIMESTAMP.match(text) or _SOURCE_TAG.match(text)):
        return True
    return len(text) <= COPYRIGHT_MAX_CHARS and _COPYRIGHT.match(text) is not None


def drop_credit_lines(body: Body) -> Body:
    return body.without(is_credit_line)

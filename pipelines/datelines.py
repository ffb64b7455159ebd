"""Date and byline lines of a story's header or footer: "Associated Press -
January 10, 2008 3:23 PM ET", "Posted 11 January 2008 at 18:14 GMT", "| Last
updated at 8:37 AM on 18/01/08 |", "By JANE DOE, Associated Press Writer 42
minutes ago".

They are metadata (``published``, ``authors``), not story text; the l3s_gn1 gold
files them as supplemental, and 2008 templates print them as plain lines inside
the story cell (one or two per page on some 60 pages).  A line is a date line when
it holds a date or a time and, once dates, times and dateline words are taken
out, at most a few words are left (an agency or author name).
"""

from __future__ import annotations

import re

__all__ = ["is_date_line"]

_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DAY = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
# A calendar date or a clock time must be there.
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?[ .-]+(?:{_MONTH})\b|(?:{_MONTH})\.?[ .-]+\d{{1,2}}\b|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}"
    # a clock time only with its am/pm (race splits "35km - 1:59:29" are story text)
    r"|\d{1,2}:\d{2}(?::\d{2})?\s*[ap]\.?m\b|\d+\s+(?:minutes?|hours?|days?)\s+ago)",
    re.IGNORECASE,
)
# What a date line is made of besides the date itself.
_FILLER = re.compile(
    rf"\b(?:{_MONTH}|{_DAY}|\d+(?:st|nd|rd|th)?|[ap]\.?m\.?|noon|midnight|ago|minutes?|hours?|days?"
    r"|gmt|utc|bst|cet|cest|[ecmp][sd]t|et|ct|pt|sast|aest|aedt|ist"
    r"|posted|updated?|last|created|published|modified|first|date|time|on|at|by|in|the|and|of|from"
    r"|staff|writer|reporter|correspondent|editor|news|wire|report|press|associated|agency|agencies)\b",
    re.IGNORECASE,
)
MAX_DATE_LINE_CHARS = 110
#: Words left once the date and filler are gone: an agency or author name.
MAX_NAME_WORDS = 4


def is_date_line(line: str) -> bool:
    # A line opening with "By <author>" is a byline, which some gold keeps as story
    # text (dragnet: four short posts lost 30-100% recall when bylines went).
    if len(line) > MAX_DATE_LINE_CHARS or line[:3].lower() == "by " or not _DATE.search(line):
        return False
    rest = _FILLER.sub(" ", _DATE.sub(" ", line))
    names = re.findall(r"[^\W\d_]{2,}", rest)
    # What is left must be a name (capitalised): "A magnitude 6.1 earthquake struck at
    # 4:12 a.m. Sunday." or "The trial resumes on Monday, June 8." leave lower-case words
    # and are story sentences (review of unseen-site risks).
    return len(names) <= MAX_NAME_WORDS and all(w[0].isupper() for w in names)

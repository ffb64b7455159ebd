"""Copies of the headline among the first body blocks.

The body is the story without its headline (the headline is ``Article.title``);
``filter_lines`` drops a first block equal to the title.  Pages also render the
headline twice (a mobile and a desktop header) or with the site name after it
("... | wdr aktuell"), and a copy then survived as the second or third block.
Measured on the dev corpus: fundus 0.9580 -> 0.9585 (P +0.001; 6 pages better, none
worse), l3s_gn1 +0.0001, dragnet -0.0001 (its gold keeps the headline).  Tried and
dropped: headline prefixes of a suffixed title and kicker + headline blocks that go on
after the title, which hit gold openers ("Xinhua, Beijing, 24 April -- title: ...") on
two fundus pages; a short kicker that the whole title ends is a copy (``is_kicker_headline``).
"""

from __future__ import annotations

import re

from pipelines.body import Body

#: Only the opening of the body is searched: further down, a line equal to the
#: title is a story sentence or a sub-heading that happens to repeat it.
HEAD_BLOCKS = 3
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def is_headline_copy(block: str, title_words: list[str]) -> bool:
    """``block`` is the headline, alone or before a site-name suffix."""
    words = _words(block)
    n = len(title_words)
    if n < 3 or not words:
        return False
    if words == title_words:
        return True
    # headline + " | site name": only with a separator, so that "title + date" and
    # "title + more words" lines (story openers on blogs) stay
    return (len(words) > n and words[:n] == title_words and re.search(r"\s[|–—»«]\s", block) is not None
            and len(words) - n <= 4)


#: A kicker ("Premier League", "Umbau des Weissen Hauses") is a few words.
KICKER_MAX_WORDS = 4
KICKER_MIN_TITLE_WORDS = 5


def is_kicker_headline(block: str, title_words: list[str]) -> bool:
    """The first block is a short kicker glued to the headline ("Premier League
    Rückschlag im Titelkampf - Liverpool verliert bei Everton"), or the headline with
    its kicker run together ("...zur MigrationChiesa ruft..."): compared as one string
    of word characters, the block ends with the whole title and nothing follows it.
    Measured on fundus: two pages opened with such a block (not in gold).  The earlier
    dropped try also took blocks that continue after the title (gold openers "Xinhua,
    Beijing -- title: ..."); here the title must end the block."""
    if len(title_words) < KICKER_MIN_TITLE_WORDS:
        return False
    words = _words(block)
    joined, title = "".join(words), "".join(title_words)
    if joined == title:
        return True
    if not joined.endswith(title):
        return False
    kicker = joined[: len(joined) - len(title)]
    # the kicker must be whole words of the block (not a glued fragment of one)
    prefix, count = "", 0
    for word in words:
        if prefix == kicker:
            break
        prefix += word
        count += 1
    # a date in front is a dateline ("Xinhua, Beijing, 24 April -- ..."): story text
    return prefix == kicker and 0 < count <= KICKER_MAX_WORDS and not any(c.isdigit() for c in kicker)


def drop_headline_copies(body: Body, title: str | None) -> Body:
    """Drop headline copies and repeated blocks among the first HEAD_BLOCKS blocks."""
    title_words = _words(title or "")
    if len(title_words) < 3:
        return body
    head = body.blocks[:HEAD_BLOCKS]
    kept_head = [b for i, b in enumerate(head) if not is_headline_copy(b, title_words) and b not in head[:i]
                 and not (i == 0 and is_kicker_headline(b, title_words))]
    if len(kept_head) == len(head):
        return body
    kept = kept_head + body.blocks[HEAD_BLOCKS:]
    return Body(blocks=kept, headings=[h for h in body.headings if h in kept],
                lines_filtered=body.lines_filtered + len(head) - len(kept_head))


#: A display headline is one line: a block longer than this is a paragraph.
DISPLAY_HEADLINE_MAX_WORDS = 30
#: How much of the lead's opening the second block must repeat (characters of word text).
LEAD_OPENING_CHARS = 40


#: Share of the title's words a heading above the lead must repeat to be the headline.
HEADING_TITLE_SHARE = 0.3
#: A headline written without spaces (CJK) is at least this long.
UNSPACED_HEADLINE_CHARS = 10
_SENTENCE_BREAK = re.compile(r"[.!?…]\s+\S")


def _opening(text: str) -> str:
    return "".join(_words(text))[:LEAD_OPENING_CHARS]


def is_display_headline(first: str, second: str, title_words: list[str], lead: str | None,
                        headings: list[str]) -> bool:
    """``first`` is the headline as the page displays it, when the SEO title differs
    ("Umbau des Weissen Hauses Trump plant ..." under the title "Trump plant ..."):
    a heading-like line directly above the standfirst.  A story's sub-headings come
    after its lead, never before it, so a heading that opens the body and is followed
    by the lead is the page's headline (in any language: a Japanese page's headline
    shares no "word" with its title).  Measured on fundus: 4 pages opened with such a
    line, none in gold."""
    opening = _opening(lead or "")
    if len(opening) < LEAD_OPENING_CHARS or not _opening(second).startswith(opening):
        return False
    words = _words(first)
    if (not words or len(words) > DISPLAY_HEADLINE_MAX_WORDS or first.rstrip().endswith(".")
            or _SENTENCE_BREAK.search(first)):
        return False  # two sentences are a standfirst, not a headline
    shared = set(words) & set(title_words)
    if first in headings:
        # The display headline retells the title; an opening sub-heading ("What was
        # decided") shares none of it.  Text written without spaces (a Japanese
        # headline) has no words to compare: its length has to do.
        if " " not in first.strip():
            return len(first.strip()) >= UNSPACED_HEADLINE_CHARS
        return len(shared) >= HEADING_TITLE_SHARE * len(set(title_words))
    # not marked as a heading (a kicker glued on): most of it repeats the title
    return len(title_words) >= 3 and len(shared) >= 0.5 * len(set(title_words))


def drop_display_headline(body: Body, title: str | None, lead: str | None) -> Body:
    """Drop a display headline that opens the body above the lead (see ``is_display_headline``)."""
    if len(body.blocks) < 2 or not lead:
        return body
    if not is_display_headline(body.blocks[0], body.blocks[1], _words(title or ""), lead, body.headings):
        return body
    return Body(blocks=body.blocks[1:], headings=[h for h in body.headings if h != body.blocks[0]],
                lines_filtered=body.lines_filtered + 1)

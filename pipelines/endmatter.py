"""End matter: the boxes a story's page appends after the story ("Weitere Informationen:",
"Kontakt:", "Quellenangaben:", "Über diese Reihe", "Topics") and their content.

Extractors keep them because they sit in the story's container.  A label line of
this vocabulary near the end of the body starts the end matter: the label and
everything after it go.  Measured on the dev corpus (trafilatura snippet set): the
labels were must_exclude snippets on 5 pages (sources lists, "further information"
link lists, contact boxes, series descriptions, "more on this topic" lines); in the
sources with full gold bodies the rule fires on 1 page (a fundus "Quellen:" list,
not in the gold), and no F1 falls.

Bibliographies ("Literatur", "References") and "Further reading" are left alone:
the gold keeps them (an economics essay's literature list in the snippet set, a
dragnet page's "Further information" paragraph).
"""

from __future__ import annotations

import re

from pipelines.body import Body
from pipelines.text import words

_END_LABEL = re.compile(
    r"^\W*("
    # German
    r"weitere informationen( zu[mr]?\b.{0,40})?|mehr informationen|weiterführende (links|informationen)"
    r"|zusatzinformationen|quellen(angaben)?|kontakt|ansprechpartner(in)?( zum thema)?|mehr zum thema\b.{0,30}"
    r"|weitere artikel\b.{0,30}|über diese reihe|über den autor|themen|schlagw(ö|o)rter"
    # English, Spanish, French, Italian
    r"|more information|sources|related links|about the author|topics|fuentes|referencias|contacto"
    r"|références|fonti|contatti"
    r")\W*$",
    re.IGNORECASE,
)
# The author's box after an opinion piece ("Die Autorin", "Zum Autor", "The author"):
# its content is one biography paragraph, longer than the lines of the boxes above.
# Dev corpus: 1 fundus page (a 45-word bio, not in gold); no gold line of any source
# is such a label.
_AUTHOR_LABEL = re.compile(
    r"^\W*(die autorin|der autor|die autoren|die autorinnen|zur autorin|zum autor|zu den autoren|the authors?"
    r"|l'auteure?|l'autrice|el autor|la autora|sobre (el|la) autora?|à propos de l'auteure?|l'autore|sull'autore)\W*$",
    re.IGNORECASE,
)
#: A biography is a paragraph or two.
BIO_MAX_BLOCKS = 2
BIO_MAX_WORDS = 90
#: A label line is short.
MAX_LABEL_CHARS = 80
#: The end matter is at most this share of the body's words, and the label comes
#: after at least half of them: a label in the middle heads a section of the story.
MAX_TAIL_SHARE = 0.25


# Contact data, addresses and links: the content of a contact or sources box.
_CONTACT = re.compile(r"@|https?://|www\.|\+?\d[\d /().-]{6,}\d|\.(com|org|de|net)\b", re.IGNORECASE)
#: Lines of end matter are short (a source, a link title, a name); a paragraph of
#: prose after "Sources" or "Topics" is a section of the story (review of unseen-site risks).
END_MATTER_LINE_WORDS = 25


def _end_matter_like(block: str) -> bool:
    return len(words(block)) <= END_MATTER_LINE_WORDS or bool(_CONTACT.search(block))


def _is_label(block: str) -> bool:
    return len(block) <= MAX_LABEL_CHARS and bool(_END_LABEL.match(block.strip()) or _AUTHOR_LABEL.match(block.strip()))


def _names_an_author(rest: list[str], authors: list[str]) -> bool:
    """The bio names one of the page's byline authors: a book review's closing "The
    author" section is about the book's author, who is not the byline."""
    text = " ".join(rest)
    return any(name.strip() and name.strip() in text for name in authors)


def _end_label(block: str, rest: list[str], authors: list[str]) -> bool:
    """``block`` is a label that starts the end matter ``rest``."""
    if _END_LABEL.match(block) and all(map(_end_matter_like, rest)):
        return True
    return (_AUTHOR_LABEL.match(block) is not None and len(rest) <= BIO_MAX_BLOCKS
            and all(len(words(b)) <= BIO_MAX_WORDS for b in rest) and _names_an_author(rest, authors))


def cut_end_matter(body: Body, authors: list[str] | None = None) -> Body:
    """The body without its end matter (unchanged when there is none).  ``authors``
    (the page's byline names) let an author box after the story go."""
    if not any(map(_is_label, body.blocks)):
        return body  # most pages: no word counting
    counts = [len(words(b)) for b in body.blocks]
    total = sum(counts)
    before = 0
    for i, block in enumerate(body.blocks):
        tail = total - before
        if before >= 0.5 * total and tail <= MAX_TAIL_SHARE * total and len(block) <= MAX_LABEL_CHARS \
                and _end_label(block.strip(), body.blocks[i + 1:], authors or []):
            kept = body.blocks[:i]
            return Body(blocks=kept, headings=[h for h in body.headings if h in kept],
                        lines_filtered=body.lines_filtered + len(body.blocks) - i)
        before += counts[i]
    return body

"""Every link of a labelled related box, not only its links to articles.

Once a small box is known to be a related block by its label ("Related:",
"Related Articles", "See also"), its links are what the site relates to the
story, whatever they lead to: a section front ("<Sport> pictures"), a columnist's
page ("More <columnist>"), a forum, a picks page.  The item tests of the teaser
pass keep only links that look like articles, with headline-length titles (to
keep menus out of unlabelled boxes), so such boxes lost their short or section
links, or were not found at all when none of their links looked like an article
(l3s_gn1: 4 pages, gold teasers such as "<League> Betting Articles", "<League>
Picks", "<League> Forum", "News pictures" missed; teaser recall 0.536).

The label is the evidence, so the box must be a box of links: small, its text
(past the label) mostly link text.  Interface links ("Print", "Share", "Login")
are not related items, and neither is a link to the page itself.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pipelines.dom_utils import HtmlElement, absolute_url, text_of
from pipelines.schema import RelatedLink
from pipelines.teaser_labels import label_of
from pipelines.teaser_links import LinkIndex, same_site

__all__ = ["labelled_box_without_articles", "labelled_links", "more_labelled_links", "more_panel_links", "not_an_item"]

#: What the teaser pass collects: (block to cut, extra nodes to cut, teasers).
Entry = tuple[HtmlElement, list[HtmlElement], list[RelatedLink]]

#: A related box in a sidebar or under a story; a labelled story container is larger.
BOX_MAX_CHARS = 1500
#: Link text share of the box's text past its label: a list of links, not prose
#: that happens to follow a label (a story paragraph with one link in it).
MIN_LINK_SHARE = 0.7
#: Link texts are titles: a sentence-long anchor is prose.
MAX_TITLE_WORDS = 25

# The label says the box is about this story ("Related", "See also", "More on ..."),
# not a site-wide list ("Top Stories", "Latest News", "Most read", "More from <site>"):
# under those, boxes of section links are the site's menu (l3s_gn1: a "Top Stories"
# menu of 15 section fronts, "Weather", "Jobs", "Travel", none a gold teaser; a
# goose3 and a fundus page: "More on <network>" and "More from <section>" footers of
# 20-36 section links).
RELATED_LABEL = re.compile(
    r"relat|see also|\bzum thema|lesen sie auch|lire aussi|même sujet|liên quan|relacionad"
    r"|correlat|gerelateerd|relatert|relatera|relaterede|související|lees ook|leia também|lea también",
    re.IGNORECASE,
)
# Sign-up calls in a related box ("Subscribe to <paper>", "Get <site> news alerts to
# your mobile": 2 of 17 new items on l3s_gn1) are the site's promotion, not a related item.
_SIGNUP = re.compile(r"\b(subscribe|sign up|newsletters?|alerts?|abonnieren|abonnez|suscr[ií]b)", re.IGNORECASE)
# Share and follow widgets ("Facebook Like", "Tweet Widget", "<Site> on Twitter"): 12
# dragnet pages had them in a "More from <author>" or "Related Articles" box.
_SOCIAL = re.compile(r"\b(facebook|twitter|tweet|google plus|plus one|youtube|instagram|linkedin|pinterest"
                     r"|follow us|widget)\b", re.IGNORECASE)
# Tag, topic and author pages belong to the story's tags and byline, not to `related`
# (fundus and goose3 boxes labelled "Related Tags", "Sur le même sujet": 14 tag links;
# author links inside related cards: 7; "Related Searches" query links: 8 utomo pages).
_TAXONOMY = re.compile(r"/(tags?|topics?|thema|themen|themes?|category|categories|authors?|users?|profiles?|people"
                       r"|reviewers?|contributors?|writers?|search"
                       r"|schlagw\w+|chu-de|tu-khoa|tac-gia)(/|$)", re.IGNORECASE)
#: Pagination and arrows ("2", "...", "»"): links without a letter are not items.
_NO_LETTER = re.compile(r"^[\W\d_]*$")

# Interface links (tools, account, paging) in a few languages: never a related item.
_TOOL = re.compile(
    r"^\W*(print|e-?mail|share|send|save|tweet|comments?|\d+ comments?|login|log ?in|log ?out|sign ?(in|up|out)"
    r"|register|subscribe|rss|feeds?|home|top|back( to top)?|next|previous|prev|more|close|search|help|contact( us)?"
    r"|advertise|terms|privacy|cookies?|drucken|teilen|versenden|anmelden|abonnieren|imprimer|partager|imprimir"
    r"|compartir|in|play video|watch video|read more|view all|see all|show all|weiterlesen|mehr|lire la suite"
    r"|leer más|bình luận|chia sẻ|đăng nhập|in bài|gửi bài|xem thêm|xem tất cả)\W*$",
    re.IGNORECASE,
)


def not_an_item(text: str, url: str) -> bool:
    """A link that is never a related item, wherever it stands: pagination, a tool,
    a share or follow widget, a sign-up call, a tag, topic, author or search page."""
    return bool(_NO_LETTER.match(text) or _TOOL.match(text) or _SIGNUP.search(text) or _SOCIAL.search(text)
                or _TAXONOMY.search(urlsplit(url).path))


def _page_key(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    return parts.netloc.lower(), parts.path.rstrip("/"), parts.query


_BLOCKS = frozenset(("li", "p", "div", "td", "dd", "dt", "tr", "h2", "h3", "h4", "h5", "h6", "section", "article"))


def _line_of(a: HtmlElement, el: HtmlElement) -> HtmlElement | None:
    """The block holding link ``a`` inside box ``el`` (its list item or line), None
    when the link sits loose in the box."""
    for anc in a.iterancestors():
        if anc is el:
            return None
        if anc.tag in _BLOCKS:
            return anc
    return None


def _box_links(el: HtmlElement, index: LinkIndex, label_el: HtmlElement | None,
               known: frozenset[str] | None = None) -> list[tuple[HtmlElement, RelatedLink]] | None:
    """(line, item) for each distinct link of ``el`` outside its label, or None when
    ``el`` is not a small box of links.  With ``known`` (the box's teasers found by
    the other passes), only the links standing alone on their line, as list items
    do: a byline or kicker link inside a teaser card is not an item of its own."""
    size = index.length(el)
    if not size or size > BOX_MAX_CHARS:
        return None
    inside = label_el is not None and any(anc is el for anc in label_el.iterancestors())
    label_chars = len(text_of(label_el)) if inside else 0
    label_links = set(label_el.iter("a")) if inside else set()
    page = _page_key(index.page_url)
    # A saved page without its URL gets a reserved .invalid origin: its site is unknown.
    site_known = not (urlsplit(index.page_url).hostname or "").endswith(".invalid")
    links: dict[str, tuple[HtmlElement, RelatedLink]] = {}
    link_chars = 0
    for a in el.iter("a"):
        if a in label_links:
            continue
        text = text_of(a)
        link_chars += len(text)
        url = index.link_url.get(a) or absolute_url(a.get("href"), index.page_url)
        if not url or len(text.split()) > MAX_TITLE_WORDS or not_an_item(text, url):
            continue
        if _page_key(url) == page or (known is not None and url in known):
            continue  # the page itself ("More <column>" on the column's own page)
        if not urlsplit(url).path.strip("/") or (site_known and not same_site(url, index.page_url)):
            continue  # a "See also" reference to another site or a front page is not a related story
        line = _line_of(a, el)
        if known is not None and line is not None and index.length(line) > len(text) + 3:
            continue
        if url not in links:
            links[url] = (line if line is not None else a, RelatedLink(url=url, title=text))
    rest = len(text_of(el)) - label_chars
    if not links or rest <= 0 or link_chars < MIN_LINK_SHARE * rest:
        return None
    return list(links.values())


def labelled_links(el: HtmlElement, index: LinkIndex, label: str,
                   label_el: HtmlElement | None) -> list[RelatedLink] | None:
    """Every distinct link of a small box of links labelled as related to the story,
    as a related item (title: the link text); None when ``el`` is not such a box."""
    if not RELATED_LABEL.search(label):
        return None
    found = _box_links(el, index, label_el)
    # Headline links are the other passes' to judge (their titles are cleaner: a date
    # inside the link is left out); this pass is for the short links they reject as a
    # menu (the same bar: four words a title).  On 2 readability pages it took such
    # boxes first and dropped or dated their items.
    headlines = [len(text_of(a).split()) for a in el.iter("a") if a in index.link_url]
    if found is None or (headlines and sum(headlines) / len(headlines) >= 4):
        return None
    return [teaser for _, teaser in found]


def more_labelled_links(el: HtmlElement, index: LinkIndex, label: str, label_el: HtmlElement | None,
                        teasers: list[RelatedLink]) -> list[RelatedLink]:
    """``teasers`` found in a box labelled as related, plus its other links (section,
    column and forum links after the article links: "More <section>", "<Section> pictures")."""
    known = frozenset(t.url for t in teasers)
    extra = (_box_links(el, index, label_el, known) or []) if RELATED_LABEL.search(label) else []
    return teasers + [t for _, t in extra]


def more_panel_links(el: HtmlElement, index: LinkIndex, label: str, label_el: HtmlElement | None,
                     panel: list[Entry], claimed: set[HtmlElement]) -> list[Entry]:
    """The other links of a labelled panel whose cells ``panel`` were found as teasers,
    each as an entry of its own line (claimed: the line is cut with the teasers)."""
    if not RELATED_LABEL.search(label):
        return []
    known = frozenset(t.url for _, _, teasers in panel for t in teasers)
    entries = []
    for line, teaser in _box_links(el, index, label_el, known) or []:
        if line in claimed:
            continue
        teaser.label = label
        claimed.update(line.iter())
        entries.append((line, [], [teaser]))
    return entries


def labelled_box_without_articles(el: HtmlElement, index: LinkIndex, claimed: set[HtmlElement]) -> Entry | None:
    """(box, [label], items) for a small labelled box none of whose links looks like
    an article ("Related Articles": "More <columnist>", "<Section> pictures"), else None.
    Size and a link are checked before the label (most such elements are neither)."""
    size = index.length(el)
    if not size or size > BOX_MAX_CHARS or el.find(".//a") is None:
        return None
    label, label_el = label_of(el, index)
    if label is None or any(d in claimed for d in el.iter()):
        return None  # a box holding a block already found (query-id video cards) is that block's
    teasers = labelled_links(el, index, label, label_el)
    if teasers is None:
        return None
    for t in teasers:
        t.label = label
    extras = [label_el] if label_el is not None and label_el.getparent() is not el else []
    return el, extras, teasers

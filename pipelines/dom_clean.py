"""Remove page furniture that extractors mistake for story text.

Each rule exists because its text reached extracted bodies on real pages:
video.js renders its control bar ("Current Time 0:00", "Stream Type LIVE") as
ordinary DOM text; rating, share and comment widgets sit inside the article
container on Vietnamese sites, where trafilatura keeps them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from pipelines.dom_utils import (
    Classed,
    HtmlElement,
    classed_elements,
    has_parents_text,
    iter_elements,
    remove,
    text_lengths,
    text_of,
)

# Class/id fragments of media players (video.js, JW Player, Plyr, MediaElement,
# Flowplayer, Brightcove, and the generic names sites give their wrappers).
_PLAYER_CLASS = re.compile(
    r"(^|[\s_-])(video-js|vjs-[\w-]+|vjs|jwplayer|jw-[\w-]+|plyr[\w-]*|mejs[\w-]*|flowplayer|bc-player|brightcove"
    r"|video-?player|player-?(container|wrapper|controls)|media-?player|audio-?player)(?=$|[\s_])",
    re.IGNORECASE,
)
# Whole lines of player chrome and widget text (the reference metric's list, plus Vietnamese player labels).
UI_LINE = re.compile(
    r"^(video player is loading\.?|play video|(current time|duration|remaining time)\s*-?\d+:\d\d"
    r"|loaded:\s*\d+(\.\d+)?%|stream type live|seek to live, currently (behind|playing) live|\d(\.\d+)?x(, selected)?"
    r"|(captions|descriptions|subtitles|chapters|audio track) (off|settings)(, selected|, opens .* dialog)?"
    r"|this is a modal window\.?|beginning of dialog window\..*|end of dialog window\.?|close modal dialog"
    r"|playback rate|picture-in-picture|fullscreen|non-fullscreen|(un)?mute|play|pause|replay|progress: \d+%"
    r"|bài viết hay\?.*|hãy đánh giá bài viết|trình phát video đang tải.*|(hiện tại|thời lượng)\s*\d+:\d\d"
    r"|đã tải:\s*\d+%|(text|background|window) (color|opacity).*|font (size|family).*|text edge style.*"
    r"|reset restore all settings to the default values|done|captions settings)$",
    re.IGNORECASE,
)
# Text that marks a rating / reaction widget.
_RATING_TEXT = re.compile(
    r"(bài viết hay\?|hãy đánh giá bài viết|đánh giá bài viết|bạn thấy bài viết (này )?thế nào|rate this (article|story)"
    r"|was this (article|story) (helpful|useful)|how (useful|helpful) was this|wie hat ihnen (der|dieser) artikel)",
    re.IGNORECASE,
)
_SHARE_CLASS = re.compile(
    r"(^|[\s_-])(share|shares|sharing|social|socials|addthis|sharethis|share-?buttons?|share-?bar|social-?share"
    r"|zalo-?share|fb-?like|print-?btn|toolbar-?share|article-?tools|bookmark)(?=$|[\s_-])",
    re.IGNORECASE,
)
_COMMENT_CLASS = re.compile(
    r"(^|[\s_-])(comments?|comment-?(box|list|form|section|area|wrapper)|binh-?luan|binhluan|y-?kien|ykien|disqus"
    r"|fb-?comments?|discussion|respond|reply-?form)(?=$|[\s_-])",
    re.IGNORECASE,
)
_COMMENT_HEADING = re.compile(
    r"^\W*(ý kiến( bạn đọc| của bạn)?|bình luận( \(\d+\))?|gửi bình luận|viết bình luận|comments?( \(\d+\))?"
    r"|leave a (reply|comment)|join the (conversation|discussion)|kommentare?|commentaires?|comentarios)\W*$",
    re.IGNORECASE,
)
_PROMO_CLASS = re.compile(
    r"(^|[\s_-])(newsletter|subscribe|subscription|signup|cookie|consent|gdpr|paywall|promo|advert|advertisement"
    r"|ads|ad-?slot|ad-?container|banner-?ads?|sponsor(ed)?|outbrain|taboola)(?=$|[\s_-])",
    re.IGNORECASE,
)
# Classified-ads boxes (cars, jobs, property, holidays with prices): a sidebar of
# 2,000-4,000 characters whose offers reached four l3s_gn1 bodies (0.1-0.15 precision each).
_CLASSIFIEDS_CLASS = re.compile(r"(^|[\s_-])(classifieds?|kleinanzeigen|petites-?annonces|clasificados)(?=$|[\s_-])", re.I)
# Author bio boxes ("X ist Head of Social...", "Zu seinen Tätigkeitsfeldern zählen"):
# must_exclude snippets of the trafilatura set.  Bylines stay: they are short.
_AUTHOR_BOX_CLASS = re.compile(
    r"(^|[\s_-])(author-?(box|bio|info|card|profile|details|description)|about-?(the-?)?author|autorenbox|autor-?(box|info)"
    r"|bio-?box|writer-?bio|contributor-?bio)(?=$|[\s_-])",
    re.IGNORECASE,
)
# WordPress writes a post's tags and categories into its wrapper's class ("post-512
# tag-classified-documents category-comment"): they say what the story is about, not
# what the box is (a story tagged "classified documents" was removed whole).
_TAXONOMY_TOKEN = re.compile(r"(?<=\s)(tag|category|categories|topic|post_tag)-\S+|(?<=\s)post-\d+")
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "canvas", "button", "select", "textarea", "input")


def _ui_share(node: HtmlElement) -> float:
    """Share of ``node``'s text that is player / widget interface lines."""
    text = text_of(node)
    if not text:
        return 0.0
    leaves = (text_of(d) for d in node.iter() if isinstance(d.tag, str) and not len(d))
    return sum(len(t) for t in leaves if UI_LINE.match(t)) / len(text)


def _biggest_ui_ancestor(el: HtmlElement) -> HtmlElement:
    """Climb from a UI-text element while the parent is mostly that UI text."""
    best = el
    node = el.getparent()
    while node is not None and node.tag not in ("body", "html", "article", "main"):
        if _ui_share(node) < 0.7:
            break
        best, node = node, node.getparent()
    return best


def _paywalled_text(el: HtmlElement, tokens: str) -> bool:
    """A paragraph or inline run classed "paywall" is story text behind the wall (the
    wall's own message is a div/section).  Measured (fundus): two <p class="paywall">
    and two <span class="paywall"> were all gold text; removing them cost a page
    16% of its recall."""
    return el.tag in ("p", "span") and "paywall" in tokens


def _holds_story(el: HtmlElement) -> bool:
    """The element wraps the story itself (its headline or its declared body).

    Measured: wrappers classed "video-player__stuck-container" (a Swedish site's
    <main>) or "comments-enabled" hold the whole article; removing them by class
    emptied the body."""
    return el.find(".//h1") is not None or el.find('.//*[@itemprop="articleBody"]') is not None


# Cheap tests before the specific ones (profiled: five regex searches on every
# classed element and three on every short text were most of this pass).  Each
# keyword list must cover every alternative of the patterns it guards.
def _any_of(words: Iterable[str]) -> str:
    """A pattern that occurs in a text exactly when one of ``words`` does, as a trie
    ("a(?:d|u(?:dio|thor))|..."): the plain alternation tries every word at every
    position; the trie halves the search time on our class and text strings (measured).
    A word that another one starts with ends the branch: for search() the shorter
    occurrence is enough."""
    branches: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        branches.setdefault(word[0], []).append(word[1:])
    alternatives = [re.escape(first) + ("" if "" in rests else _any_of(rests)) for first, rests in branches.items()]
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


_WIDGET_CLASS_WORDS = (
    "vjs", "video", "player", "jw", "plyr", "mejs", "flowplayer", "brightcove", "media", "audio", "comment", "binh",
    "luan", "kien", "disqus", "discussion", "respond", "reply", "share", "social", "addthis", "zalo", "fb", "print",
    "bookmark", "newsletter", "subscri", "signup", "cookie", "consent", "gdpr", "paywall", "promo", "ad", "sponsor",
    "outbrain", "taboola", "banner", "author", "autor", "bio", "writer", "contributor", "tool", "classif", "kleinanz",
    "annonce", "clasific",
)
_WIDGET_CLASS_HINT = re.compile(_any_of(_WIDGET_CLASS_WORDS))
_WIDGET_WORDS = (
    "video", "play", "time", "duration", "loaded", "stream", "seek", "caption", "description", "subtitle", "chapter",
    "audio", "modal", "dialog", "rate", "picture", "screen", "mute", "pause", "progress", "bài", "đánh", "trình",
    "hiện", "thời", "tải", "color", "opacity", "font", "edge", "reset", "done", "helpful", "useful", "artikel",
    "ý kiến", "bình luận", "comment", "reply", "conversation", "discussion", "kommentar", "commentaire", "comentario",
)


_WIDGET_WORD = re.compile(_any_of(_WIDGET_WORDS))


def _may_be_widget_text(text: str) -> bool:
    low = text.lower()
    return low.endswith(("x", "x, selected")) or _WIDGET_WORD.search(low) is not None


_WidgetKinds = tuple[str, bool, bool, bool, bool, bool, bool]
#: Each kind's pattern with one word of each of its alternatives, in _widget_kinds' order.
_KIND_WORDS = (
    (_PLAYER_CLASS, ("player", "video", "vjs", "jw", "plyr", "mejs", "brightcove")),
    (_COMMENT_CLASS, ("comment", "binh", "kien", "disqus", "discussion", "respond", "reply")),
    (_SHARE_CLASS, ("shar", "social", "addthis", "like", "print", "tools", "bookmark")),
    (_PROMO_CLASS, ("ad", "newsletter", "subscri", "signup", "cookie", "consent", "gdpr", "paywall", "promo", "sponsor",
                    "outbrain", "taboola")),
    (_CLASSIFIEDS_CLASS, ("classified", "kleinanzeigen", "annonces", "clasificados")),
    (_AUTHOR_BOX_CLASS, ("author", "autor", "bio")),
)
#: The same word lists as trie patterns (one C search instead of a generator of `in` tests).
_KIND_GATES = tuple((pattern, re.compile(_any_of(words))) for pattern, words in _KIND_WORDS)


@lru_cache(maxsize=4096)
def _widget_kinds(tokens: str) -> _WidgetKinds | None:
    """What the class/id ``tokens`` name (None: no widget word at all), with the
    tokens minus taxonomy classes.  A function of the string alone, so cached: pages
    repeat a class on dozens of items (menu and list entries), and these seven
    pattern searches on every classed element were 1/3 of this pass (profiled)."""
    if not _WIDGET_CLASS_HINT.search(tokens):
        return None
    if "-" in tokens:
        tokens = _TAXONOMY_TOKEN.sub(" ", tokens)
    # A pattern runs only when the tokens hold a word each of its alternatives needs
    # (most classed elements pass the hint on "ad" or "media" and match no kind).  In
    # lower-cased text only U+0131 and U+017F still match ASCII letters under
    # IGNORECASE (checked over all of Unicode): with either, every pattern runs.
    odd = "\u0131" in tokens or "\u017f" in tokens
    return (tokens, *((odd or gate.search(tokens) is not None) and pattern.search(tokens) is not None
                      for pattern, gate in _KIND_GATES))


@lru_cache(maxsize=4096)
def _attr_widget_kinds(classes: str | None, ids: str | None) -> _WidgetKinds | None:
    """``_widget_kinds(attr_tokens(el))`` from the class and id already read: cached per
    pair, a repeated class costs no second read, formatting or lower-casing (the class
    pass over 96,000 classed elements per 320 pages)."""
    return _widget_kinds(f" {classes or ''} {ids or ''} ".lower())


#: Never text of the page; removed before any other pass so that no length or
#: link count includes them (inline scripts inflated container lengths) and every
#: later walk is shorter.  <noscript> stays until media is harvested (lazy images).
_NEVER_TEXT_TAGS = ("script", "style", "template", "svg", "canvas", "button", "select", "textarea", "input")


def drop_non_content(root: HtmlElement) -> None:
    for el in list(iter_elements(root, _NEVER_TEXT_TAGS)):
        if el.getparent() is not None:
            remove(el)


def strip_interface(root: HtmlElement, drop_selectors: tuple[str, ...] = (),
                    lengths: dict[HtmlElement, int] | None = None, classed: list[Classed] | None = None) -> Counter:
    """Remove players, widgets, comments and promos from ``root`` in place; counts by kind.

    ``lengths`` (from :func:`text_lengths`, possibly computed before earlier passes
    removed elements: values can only be too large, which only makes the size
    guards more careful) saves a pass over the tree.  ``classed``, when given, is
    filled with the classed elements the class pass reads (see classed_elements),
    for the class passes after this one."""
    removed: Counter = Counter()
    for selector in drop_selectors:
        for el in root.cssselect(selector):
            remove(el)
            removed["hint"] += 1
    for el in list(iter_elements(root, _DROP_TAGS)):
        if el.getparent() is not None:
            remove(el)
    if lengths is None:
        lengths = text_lengths(root)
    # Comment and newsletter forms go; ASP.NET sites wrap the whole page in one <form>, which stays.
    for el in list(iter_elements(root, ("form",))):
        if el.getparent() is not None and lengths.get(el, 0) <= 1000:
            remove(el)
            removed["form"] += 1
    for el in list(iter_elements(root, ("video", "audio"))):
        remove(el)
        removed["player"] += 1
    if classed is None:
        classed = []
    classed[:] = classed_elements(root)
    for el, classes, ids in classed:
        if el.tag in ("html", "body") or el.getparent() is None:
            continue
        kinds = _attr_widget_kinds(classes, ids)
        if kinds is None:
            continue
        tokens, player, comment, share, promo, classifieds, author = kinds
        size = lengths.get(el, 0)
        if player:
            # Players carry a few hundred characters of chrome at most; a bigger
            # "player" element is a page wrapper, left to the line pass below.
            if size <= 400 or (not _holds_story(el) and _ui_share(el) > 0.5):
                remove(el)
                removed["player"] += 1
        elif comment and el.tag not in ("article", "main") and not _holds_story(el):
            remove(el)
            removed["comments"] += 1
        elif share and size <= 300:
            remove(el)
            removed["share"] += 1
        elif (promo and size <= 600 and not _paywalled_text(el, tokens)) or (
                classifieds and size <= 5000 and not _holds_story(el)):
            remove(el)
            removed["promo"] += 1
        elif author and size <= 1500 and not _holds_story(el):
            remove(el)
            removed["author_box"] += 1
    # Text-based passes: class names on many sites say nothing ("c-8").  The lengths
    # from before the class pass are reused: they can only be too large, which makes
    # the pre-filter skip, never remove, and a second pass cost 1/6 of our DOM time.
    quiet = None  # the last element whose text failed the gate, while nothing was removed since
    for el in list(iter_elements(root)):
        size = lengths.get(el, 0)
        if not size or size > 120 or len(el) > 3 or el.tag in ("html", "body") or el.getparent() is None:
            continue
        if quiet is not None and el.getparent() is quiet and has_parents_text(el, quiet):
            quiet = el  # the same text fails the same gate
            continue
        text = text_of(el)
        if not text or len(text) > 120 or not _may_be_widget_text(text):
            quiet = el
            continue
        quiet = None
        if UI_LINE.match(text):
            remove(_biggest_ui_ancestor(el))
            removed["player"] += 1
        elif _RATING_TEXT.search(text):
            target = el
            parent = el.getparent()
            if parent is not None and parent.tag not in ("body", "article", "main") and lengths.get(parent, 0) <= 200:
                target = parent
            remove(target)
            removed["rating"] += 1
        elif _COMMENT_HEADING.match(text) and el.tag in ("h2", "h3", "h4", "h5", "h6", "div", "span", "p", "strong", "b"):
            # The heading and the comment list that follows it.
            sibling = el.getnext()
            remove(el)
            if sibling is not None and sibling.tag not in ("p", "h2", "h3") and lengths.get(sibling, 0) <= 3000:
                remove(sibling)
            removed["comments"] += 1
    return removed

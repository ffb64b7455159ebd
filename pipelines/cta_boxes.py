"""Call-to-action boxes: a few sentences of pitch and a button ("2 Wochen kostenlos
testen ... [Jetzt bestellen]", "Solidarität jetzt! ... [Jetzt abonnieren]",
"Get our newsletter ... [Sign up]") placed inside or right after the story.

The pitch is ordinary prose (nothing in its wording says "promo"), so the box is
recognised by its button: a button-like element (``<button>``, class ``btn`` /
``button`` / ``cta``) whose text is a subscribe, order or trial call, or whose link
goes to a subscription page.  The box is the largest ancestor of the button that is
still small.  The walk over the page is shared with pipelines.notices, which runs first,
before buttons are dropped as never-text tags.
Measured on the dev corpus: 2 fundus pages carried such a box after the story
(promos of 500-700 characters, not in gold).
"""

from __future__ import annotations

import re

from pipelines.dom_utils import HtmlElement

_CTA_TEXT = re.compile(
    r"^\W*(jetzt |now |gratis |kostenlos )?(abonnieren|abonniere|bestellen|testen|subscribe|subscribe now|sign up"
    r"|get (the )?(offer|access|started)|start (your )?(free )?trial|try (it )?(for )?free|abonnez-vous|s'abonner"
    r"|suscr[íi]bete|abbonati|prenumerera|abonner|abonneer|assine|zum angebot|angebot sichern|mitglied werden"
    r"|become a (member|subscriber)|unterst[üu]tzen|support us|donate|spenden)( now| jetzt| here| hier)?\W*$",
    re.IGNORECASE,
)
_CTA_HREF = re.compile(r"/(abo|abos|probeabo\w*|subscribe|subscription|subscriptions|abonnement|suscripcion|newsletter"
                       r"|checkout|premium|plus|membership|donate|spenden)([/._?#-]|$)", re.IGNORECASE)
#: A pitch is a headline and two or three sentences.
MAX_BOX_CHARS = 1000
#: ... and at least a sentence besides the button.
MIN_PITCH_CHARS = 80
#: The box must be a small part of what surrounds it: a short story whose container
#: holds a subscribe button is not a promo box.
MAX_SHARE_OF_PARENT = 0.3
_STOP_TAGS = ("body", "html", "article", "main")


def _text_len(el: HtmlElement) -> int:
    return len(" ".join(el.text_content().split()))


def is_cta(el: HtmlElement) -> bool:
    """``el`` is a button whose text or link is a subscribe / order call."""
    text = " ".join(el.text_content().split())
    if not text or len(text) > 60:
        return False
    if _CTA_TEXT.match(text):
        return True
    links = [el] if el.tag == "a" else el.findall(".//a")
    return any(_CTA_HREF.search(a.get("href") or "") for a in links)


#: A paragraph of this many words is prose.
PROSE_WORDS = 8
#: A pitch is at most three paragraphs (a donation pitch measured three): a container
#: adding more is a (short) story.
MAX_PITCH_PARAGRAPHS = 3


def prose_paragraphs(el: HtmlElement, skip: HtmlElement | None = None) -> int:
    """How many <p>s of prose ``el`` holds, not counting those inside ``skip``."""
    return sum(1 for p in el.iter("p")
               if (skip is None or (p is not skip and skip not in p.iterancestors()))
               and len(p.text_content().split()) >= PROSE_WORDS)


def cta_box(button: HtmlElement) -> HtmlElement | None:
    """The largest small ancestor of ``button`` that holds a pitch besides the button.
    The climb stops below a container that adds more prose paragraphs than a pitch
    has, or, once the box holds its pitch, two more: a short story (under
    MAX_BOX_CHARS) with a subscribe link or a newsletter box inside went whole before."""
    box = None
    el = button
    button_len = _text_len(button)
    while True:
        parent = el.getparent()
        if parent is None or parent.tag in _STOP_TAGS or _text_len(parent) > MAX_BOX_CHARS:
            break
        has_pitch = box is not None and _text_len(box) - button_len >= MIN_PITCH_CHARS
        if prose_paragraphs(parent, skip=el) >= (2 if has_pitch else MAX_PITCH_PARAGRAPHS + 1):
            break
        el = parent
        box = el
    if box is None or box.find(".//h1") is not None:
        return None
    outer = box.getparent()
    size = _text_len(box)
    if size - button_len < MIN_PITCH_CHARS or outer is None or size > MAX_SHARE_OF_PARENT * _text_len(outer):
        return None
    # A pitch comes with a story: when no prose paragraph is left outside the box, the
    # box is the story (a three-paragraph brief with a subscribe button under it, in a
    # page whose sidebars made it a small part of its container, went whole).
    if prose_paragraphs(box.getroottree().getroot(), skip=box) == 0:
        return None
    return box

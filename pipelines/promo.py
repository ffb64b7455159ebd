"""Whole lines that advertise the publisher's own channels: newsletter and messenger
sign-ups, "follow us on Google News", app downloads, donation appeals.

They sit as ordinary paragraphs inside the story container (no class to tell them
apart: "Abonniere den Whatsapp-Kanal von ...", "Der ... Newsletter informiert Sie
...", "Follow ... on Google News", "unterstützen Sie uns bitte mit einer Spende"),
so they are recognised by wording: a sign-up verb next to a channel noun, in
several languages (and consent placeholders of blocked embeds, below).  Measured on the dev corpus (all predicted body lines): 10 hits
on fundus pages, none in gold; 2 of 12 hits elsewhere were gold (a blogger's "sign
up for my newsletter" on dragnet pages); snippet must_include lines never hit.
"""

from __future__ import annotations

import re

from pipelines.body import Body
from pipelines.text import keyword_pattern

_SIGNUP = (r"(abonnier\w*|abonniere|subscribe|sign(ing)? up|anmelden|anmeldung|registrier\w*|inscr[íi]b\w*|inscrivez"
           r"|iscriviti|meld je aan|prenumerera|assine|suscr[íi]b\w*)")
_CHANNEL = r"(newsletter|whats\s?app|telegram|-kanal|kanal\b|channel|daily briefing|push-?(nachrichten|mitteilungen|notifications))"
_PROMO = re.compile(
    # sign-up verb and channel noun within a few words, either order
    rf"{_SIGNUP}\W+(\w+\W+){{0,8}}?(\w*-)?{_CHANNEL}|{_CHANNEL}\W+(\w+\W+){{0,10}}?{_SIGNUP}"
    # a newsletter describing itself or pointing to its form
    r"|\bnewsletter\b.{0,80}\b(hier entlang|hier geht|informiert sie|bringt ihnen|delivers|brings you)"
    # follow the site on a news aggregator or messenger
    r"|\b(follow|folg\w*|ikuti|suivez|s[ií]guenos|seguici|siga)\b\W+(\w+\W+){0,6}?(on |auf |di |en |sur |no )?"
    r"(google news|whats\s?app|telegram)"
    # donation appeals and the site's own app
    r"|\b(unterst[üu]tzen sie uns|unterst[üu]tze uns|support us|soutenez|apoya)\b.{0,80}\b(spende|donat|don\b|donaci)"
    r"|\b(news-?app|unsere app|our app)\b.{0,60}\b(android|ios|herunterladen|download)",
    re.IGNORECASE,
)
# Consent placeholders of blocked embeds ("Empfohlener redaktioneller Inhalt", "An
# dieser Stelle finden Sie ... externen Inhalt", "Ich bin damit einverstanden, dass
# mir der externe Inhalt angezeigt wird", "Link zum YouTube-Inhalt"): the text a
# saved page shows instead of the tweet or video.  Dev corpus: 4 lines on 2 fundus
# pages, no gold line hit; the looser "external ... accept" pairing also hit story
# lines ("allowing third-party apps").
_CONSENT_PLACEHOLDER = re.compile(
    r"\bich bin (damit )?einverstanden\b|\bexterne[nr]? inhalte?\b|\bexternal content\b|\bcontenu externe\b"
    r"|\bcontenido externo\b|leider haben sie uns hierf[üu]r keine zustimmung"
    r"|^(empfohlener (redaktioneller )?inhalt|link zum [\w-]+-inhalt|recommended (editorial )?content)$",
    re.IGNORECASE,
)
# Paywall teasers left in the page ("Il vous reste 57% de cet article à lire. La
# suite est réservée aux abonnés.", "2 Wochen kostenlos testen", "Subscribe to continue
# reading").  Dev corpus: 2 hits on fundus pages, none in gold; labels such as
# "Exklusiv für Abonnenten" are left alone (one sat in a lead line a snippet needs).
_PAYWALL_TEASER = re.compile(
    r"il vous reste \d+([.,]\d+)?\s?% de cet article|la suite est réservée à (nos|ses) abonnés"
    r"|la suite est réservée aux abonnés|jetzt weiterlesen mit|\b\d+ wochen (kostenlos|gratis) testen"
    r"|(subscribe|sign in|log in) to (continue|keep) reading|continue reading with|you('ve| have) reached your"
    r" (free )?(article )?limit|s[óo]lo para suscriptores|riservato agli abbonati",
    re.IGNORECASE,
)
# Ad-slot labels left when the ad itself is gone ("Advertisement", "Anzeige",
# "Story continues below advertisement").  Dev line audit: 5 hits (fundus, l3s_gn1),
# none in gold.
_AD_LABEL = re.compile(
    r"^(advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|annonse|annons|reklame|reklama"
    r"|sponsored|gesponsert|story continues below( this)? advertisement|article continues below( advertisement)?"
    r"|continue reading below|weiterlesen nach der anzeige|artikel wird unter der anzeige fortgesetzt"
    # the skip button of a video ad ("Passer la publicité": a French daily, dev)
    r"|passer la publicit[ée]|skip (this )?ad(vertisement)?|werbung [üu]berspringen|saltar (la )?publicidad)\W*$",
    re.IGNORECASE,
)
# The publisher talking to its reader about the page itself: error-report prompts
# ("Fehler gefunden? Jetzt melden."), appeals for independent journalism, the
# one-device dialog of a subscription ("Tu suscripción se está usando en otro
# dispositivo").  Dev line audit: 9 lines on 4 fundus pages, none in gold, no other
# hit; an affiliate-disclosure pattern was tried and dropped (newspaper4k gold keeps one).
_READER_CHROME = re.compile(
    r"^\W*(fehler gefunden|(found|spotted|see) an? (error|mistake|typo)|signaler une erreur|(has|ha) (visto|detectado)"
    r" (un|algún) error)\b"
    r"|\b(unabh[äa]ngiger? journalismus|independent journalism) (braucht|needs)\b"
    r"|\b(tu suscripci[óo]n|your subscription|ihr abo\w*|votre abonnement) (se est[áa] usando|is (being )?used"
    r"|wird (bereits )?(auf|von)|est (d[ée]j[àa] )?utilis[ée])"
    r"|\b(a[ñn]adir otro usuario|add another user|ajouter un autre utilisateur)\b"
    r"|\b(contin[úu]as leyendo|continue reading|weiterlesen|continuez [àa] lire)\b.{0,20}"
    r"\b(en este dispositivo|on this device|auf diesem ger[äa]t|sur cet appareil)\b",
    re.IGNORECASE,
)
# Calls for readers' tips with the newsroom's address ("Do you have a story to tell?
# Email: ...", "Are protests breaking out in your area? Get in touch at ...") and the
# notice on a story still being written ("This is a breaking news story - more to
# follow").  Dev line audit: 3 lines on 3 fundus pages, none in gold; the e-mail
# address is required for the tip call (an author's "contact me" paragraph in dragnet
# gold has none), and no gold line of any source matches either pattern.
_TIP_CALL = re.compile(
    r"(\b(story to tell|get in touch|tell us|contact us|email us|e-mail us|send (us )?your (tips?|stories|story|photos?)"
    r"|write to us|schreiben sie uns|kontaktieren sie uns|melden sie sich|escr[íi]benos|[ée]crivez-nous"
    r"|scrivici)\b"
    # or a short question to the reader opening the block ("Got a tip? tips@...")
    r"|^[^.!?]{0,60}\?).{0,80}\b[\w.+-]+@[\w-]+\.[\w.]+",
    re.IGNORECASE,
)
# A story sentence that gives an address is reported speech or attribution ("A
# spokesman, reachable at press@..., said" - see _REPORTED below; a quoted "Tell us
# at ..."; "according to"): never a call.
_QUOTED_OR_ATTRIBUTED = re.compile(r"[\"“”„«»]|\baccording to\b", re.IGNORECASE)
TIP_CALL_MAX_CHARS = 200
_UPDATE_NOTICE = re.compile(
    r"^\W*this (is a|story is) (breaking|developing)( news)?( story)?\b.{0,60}"
    r"(more to follow|will be updated|check back|updates? to follow)\W*$",
    re.IGNORECASE,
)
_READER_CHROME_HINTS = ("fehler", "error", "mistake", "typo", "erreur", "journalis", "suscrip", "subscription", "abo",
                        "usuario", "user", "utilisateur", "dispositivo", "device", "gerät", "appareil")

# Interface labels left as lines: skip links for screen readers ("Hauptinhalt", "Zum
# Inhalt springen", "Skip to main content") and a copy-link button.  Dev line audit:
# 6 lines (fundus, goose3, trafilatura-set pages), none in gold.  Quotes are stripped
# with the other marks: a carousel hint came as "“swipe left ...”Swipe →".
_INTERFACE_LABEL = re.compile(
    r"^(hauptinhalt|zum (haupt)?inhalt( springen)?|skip to (the )?(main )?content|skip to main|main content"
    r"|aller au contenu|ir al contenido|copy link|link kopieren|lien copi[ée]|link copied|कॉपी लिंक"
    # a screen-reader label repeated between paragraphs ("Article content": 1 fundus
    # page, 0 gold lines) and carousel hints ("swipe left below to view more authors")
    r"|article content|swipe (left|right)\b.{0,60}"
    # follow-topic buttons and the label of a most-read box whose links are gone
    # ("カテゴリーをフォローする", "Popular": 1 fundus page each, no line of any gold)
    r"|(un)?follow( this)? (topic|category|author|tag)s?|(thema|autor|autorin|kategorie) folgen"
    r"|suivre (ce sujet|cet auteur)|seguir (este )?(tema|autor)|\w{1,12}をフォローする"
    r"|popular|most popular|most read|meistgelesen|am meisten gelesen|les plus lus|lo más leído)\W*$",
    re.IGNORECASE,
)

#: Promo lines are one or two sentences; a longer paragraph that happens to match
#: is story text about newsletters or apps.
PROMO_LINE_MAX_CHARS = 320
#: Consent notices run to three sentences (the longest seen: 330 characters).
CONSENT_LINE_MAX_CHARS = 400


# Words every alternative of the pattern beside it needs, tested first on the folded
# line: the full patterns (lazy word gaps after a sign-up verb) cost 40 microseconds a
# line, 4% of all extraction time (profiled on 300 dev pages).
_PROMO_HINTS = ("newsletter", "whats", "telegram", "kanal", "channel", "briefing", "push", "google news", "spende",
                "donat", "don", "app")
_PAYWALL_HINTS = ("reste", "réservée", "weiterlesen", "wochen", "reading", "reached", "suscriptores", "abbonati")
_CONSENT_HINTS = ("einverstanden", "extern", "zustimmung", "inhalt", "content")


# A quotation or reported speech ("'Our app was downloaded 2 million times,' the
# founder said") is the story quoting someone, not the publisher's own promo.
# (Quotation marks alone do not tell: a newsletter promo quotes its own name.)
_REPORTED = re.compile(r"\b(said|says|told|sagte|sagt|erklärte|a déclaré|dijo|ha detto|disse)\b", re.IGNORECASE)


# The hint tuples as patterns (see keyword_pattern): the same answer in one C search.
_PROMO_HINT, _PAYWALL_HINT, _READER_CHROME_HINT, _CONSENT_HINT = (
    keyword_pattern(hints) for hints in (_PROMO_HINTS, _PAYWALL_HINTS, _READER_CHROME_HINTS, _CONSENT_HINTS))


def _hinted(folded: str, hints: re.Pattern[str]) -> bool:
    return hints.search(folded) is not None


def is_promo_line(line: str) -> bool:
    text = " ".join(line.split())
    if _AD_LABEL.match(text.strip(" -•|()")) or _INTERFACE_LABEL.match(text.strip(" -•|()\"“”„")):
        return True
    folded = text.casefold()
    if len(text) <= PROMO_LINE_MAX_CHARS and (
            (_hinted(folded, _PROMO_HINT) and not _REPORTED.search(text) and _PROMO.search(text))
            or (_hinted(folded, _PAYWALL_HINT) and _PAYWALL_TEASER.search(text))
            or (_hinted(folded, _READER_CHROME_HINT) and _READER_CHROME.search(text))):
        return True
    if len(text) <= TIP_CALL_MAX_CHARS and (("@" in text and _TIP_CALL.search(text) and not _REPORTED.search(text)
                                             and not _QUOTED_OR_ATTRIBUTED.search(text))
                                            or _UPDATE_NOTICE.match(text)):
        return True
    return (len(text) <= CONSENT_LINE_MAX_CHARS and _hinted(folded, _CONSENT_HINT)
            and _CONSENT_PLACEHOLDER.search(text) is not None)


def drop_promo_lines(body: Body) -> Body:
    return body.without(is_promo_line)

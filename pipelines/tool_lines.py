"""Article tool lines: "Print article | Refer to a friend", "Email this story to a
friend", "Increase font size", "Printer friendly page", "Go to earlier story | Go
to the News Index", "Digg | del.icio.us | reddit".

2000s templates write these as plain links or text in the story cell, without the
share/tool class names the DOM pass knows; 40 l3s_gn1 bodies kept one to six such
lines.  A line is a tool line when *every* segment of it (split at "|", "•", "·")
is a tool phrase, so a sentence that mentions printing or e-mail never matches.
"""

from __future__ import annotations

import re

__all__ = ["is_tool_line"]

# Optional object after a verb: " this", " article", " this story".
_OBJECT = r"(?: (?:this|the|our))?(?: (?:article|story|page|post|entry|item|news|link|site|blog))?"
_PHRASES = (
    # print / e-mail / send / share / save
    rf"print(?:er)?(?:[- ]?friendly)?(?: version| format| page)?{_OBJECT}|printable version"
    rf"|e-?mail{_OBJECT}(?: to (?:a )?friends?)?|mail to (?:a )?friend|send{_OBJECT}(?: to (?:a )?friends?)?(?: by)?(?: e-?mail)?"
    rf"|refer to a friend|tell a friend|recommend{_OBJECT}|share{_OBJECT}(?: on| with| via)?"
    rf"|save{_OBJECT}|read later|bookmark{_OBJECT}|permalink|reprints?(?: & permissions)?|rss(?: feeds?)?"
    # text size
    r"|(?:increase|decrease|reduce|enlarge) (?:font|text)(?: size)?|(?:font|text) size|(?:larger|smaller) (?:font|text)"
    # comments and feedback
    rf"|(?:post|add|write|leave) a comment|comments?|have your say(?: on{_OBJECT})?|discuss{_OBJECT}"
    r"|report this(?: post| comment)?|quote|feedback"
    # story navigation
    r"|go to (?:the )?(?:earlier|previous|next|news index|index|top)(?: story)?|back to (?:the )?(?:top|index|home)"
    rf"|(?:previous|next){_OBJECT}|what'?s this\??|related(?: articles| stories| links| news)?"
    # social bookmarking services of the time
    r"|digg(?: this)?|del\.icio\.us|reddit|furl|facebook|yahoo!?(?: buzz)?|stumbleupon|newsvine|technorati|twitter"
    r"|myspace|linkedin|slashdot|fark"
    # German, French, Spanish, Portuguese, Italian, Vietnamese
    r"|drucken|artikel (?:drucken|versenden|empfehlen)|versenden|empfehlen|schriftgröße|imprimer|envoyer(?: à un ami)?"
    r"|partager|imprimir|enviar|compartir|compartilhar|stampa|invia|condividi|in bài(?: viết)?|gửi bài(?: viết)?|chia sẻ"
)
# One or more tool phrases in a row ("Mail to a friend Print story Read later").
_TOOL = re.compile(rf"^(?:{_PHRASES})(?:\s+(?:{_PHRASES}))*$", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*[|•·]\s*|\s+-\s+|:\s*$")
MAX_TOOL_LINE_CHARS = 120


def is_tool_line(line: str) -> bool:
    """Every segment of ``line`` is a tool phrase (see module docstring)."""
    if len(line) > MAX_TOOL_LINE_CHARS:
        return False
    segments = [s.strip(" -–:»«<>()[]") for s in _SEPARATORS.split(line.replace("\\|", "|"))]
    segments = [s for s in segments if s]
    # A lone word ("Facebook", "Comments", "Quote", "Related") may be a list item or a
    # sub-heading of the story; tool bars have two or more phrases or a phrase of words.
    if len(segments) == 1 and len(segments[0].split()) == 1:
        return False
    return bool(segments) and all(_TOOL.match(s) for s in segments)

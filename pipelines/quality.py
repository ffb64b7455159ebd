"""Confidence and warnings for one extraction, so consumers can weigh or review it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.metadata import Metadata
from pipelines.schema import RelatedLink
from pipelines.text import words

#: Shorter bodies are suspect: the dev corpus's real stories have >= ~80 words.
SHORT_BODY_WORDS = 80
_TEASER_LINE = re.compile(r"^\s*(>>|xem thêm|đọc thêm|read more|related|tin liên quan)\b", re.I)


@dataclass
class Quality:
    confidence: float = 0.0
    warnings: list[str] = field(default_factory=list)


def assess(body, md: Metadata, page_type: str, related: list[RelatedLink]) -> Quality:
    warnings: list[str] = []
    confidence = 0.9
    count = body.word_count
    if page_type != "article":
        return Quality(0.0, [f"not_article:{page_type}"])
    if count < SHORT_BODY_WORDS:
        warnings.append("short_body")
        confidence -= 0.3
    if md.jsonld_body:
        expected = len(words(md.jsonld_body))
        if expected and count < 0.8 * expected:
            warnings.append("body_shorter_than_jsonld")
            confidence -= 0.2
    if any(_TEASER_LINE.match(b) for b in body.blocks):
        warnings.append("teaser_like_text_in_body")
        confidence -= 0.2
    if not md.get("title"):
        warnings.append("no_title")
        confidence -= 0.1
    if not md.get("published_raw"):
        warnings.append("no_date")
        confidence -= 0.05
    return Quality(round(max(0.0, min(1.0, confidence)), 2), warnings)

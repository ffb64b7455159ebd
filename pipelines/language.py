"""A last-resort language guess for pages that declare none.

Declared languages (html lang, og:locale, JSON-LD) win; this only tells apart the
scripts and the few Latin-script languages we crawl most, by their telltale
letters and function words.  It returns None rather than guess on thin evidence.
"""

from __future__ import annotations

import re

_VI = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
_SCRIPTS = (
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
)
_FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auf", "für"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "dans", "pour", "que"},
    "es": {"el", "la", "los", "y", "que", "del", "las", "por", "una", "con"},
}


def guess_language(text: str | None) -> str | None:
    if not text or len(text) < 40:
        return None
    sample = text[:5000]
    letters = sum(ch.isalpha() for ch in sample) or 1
    if len(_VI.findall(sample)) / letters > 0.03:
        return "vi"
    # Japanese mixes kana with Han: test kana before Han.
    for code, pattern in sorted(_SCRIPTS, key=lambda s: s[0] != "ja"):
        if len(pattern.findall(sample)) / letters > 0.2:
            return code
    tokens = re.findall(r"[a-zäöüßéèàç]+", sample.lower())
    if len(tokens) < 10:
        return None
    scores = {code: sum(t in fw for t in tokens) for code, fw in _FUNCTION_WORDS.items()}
    code, score = max(scores.items(), key=lambda kv: kv[1])
    return code if score / len(tokens) > 0.08 else None

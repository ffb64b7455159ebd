"""Body, teaser and interface-leak metrics for extraction quality.

Our own implementation of the corpus' reference metric (``shared/eval/metrics.py``), which itself
reproduces the Scrapinghub/Zyte article-extraction benchmark; ``tests/test_eval_metrics.py`` checks
that both give identical numbers.  In short:

* tokens are ``\\w+`` runs (case kept); shingles are the multiset of 4-token windows, a text with
  1..3 tokens gives one shorter shingle;
* per page P = |true ∩ pred| / |pred| and R = |true ∩ pred| / |true| over shingle multisets;
  P is undefined (None) for an empty prediction, R for an empty truth;
* corpus P and R are the unweighted means of the defined per-page values, and corpus F1 is the
  harmonic mean of those two means (not the mean of per-page F1).
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["PRF", "tokenize", "shingles", "shingle_prf", "aggregate", "teaser_scores", "ui_leaks", "coverage"]

PRF = tuple[float | None, float | None, float | None]

_WORD_RE = re.compile(r"\w+")
# Scripts written without spaces; ``\w+`` glues them into clause-long tokens, so an analysis of
# Chinese/Japanese may split them per character (off by default: the benchmark does not).
_CJK_RE = re.compile(r"([\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff])")

SHINGLE_SIZE = 4
#: Share of a teaser's shingles that must be found for the teaser to count as present.
TEASER_THRESHOLD = 0.5


def tokenize(text: str | None, split_cjk: bool = False) -> list[str]:
    """The ``\\w+`` tokens of ``text``; with ``split_cjk`` each CJK character is its own token."""
    if not text:
        return []
    words = _WORD_RE.findall(text)
    if not split_cjk:
        return words
    tokens: list[str] = []
    for word in words:
        tokens.extend(part for part in _CJK_RE.split(word) if part)
    return tokens


def shingles(text: str | None, n: int = SHINGLE_SIZE, split_cjk: bool = False) -> Counter:
    """Multiset of ``n``-token windows; a text shorter than ``n`` tokens is one short shingle."""
    tokens = tokenize(text, split_cjk)
    if len(tokens) >= n:
        return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return Counter([tuple(tokens)]) if tokens else Counter()


def shingle_prf(true_text: str | None, pred_text: str | None, n: int = SHINGLE_SIZE, split_cjk: bool = False) -> PRF:
    """Per-page ``(precision, recall, f1)``; f1 is 0.0 when one side is empty, None when both are."""
    truth = shingles(true_text, n, split_cjk)
    pred = shingles(pred_text, n, split_cjk)
    common = sum((truth & pred).values())
    n_pred = sum(pred.values())
    n_true = sum(truth.values())
    precision = common / n_pred if n_pred else None
    recall = common / n_true if n_true else None
    if precision is None and recall is None:
        return None, None, None
    if precision is None or recall is None or precision + recall == 0:
        return precision, recall, 0.0
    return precision, recall, 2 * precision * recall / (precision + recall)


def _harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _corpus_prf(pages: Sequence[PRF]) -> tuple[float, float, float]:
    """(f1, precision, recall) of a set of pages: means of the defined per-page P and R."""
    precisions = [p for p, _, _ in pages if p is not None]
    recalls = [r for _, r, _ in pages if r is not None]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    return _harmonic(precision, recall), precision, recall


def aggregate(pages: Iterable[PRF], exact: Iterable[bool] | None = None, n_bootstrap: int = 1000,
              seed: int = 0) -> dict:
    """Corpus ``f1``/``precision``/``recall`` (+ ``*_std`` from a page bootstrap, ``n``, ``exact``).

    The bootstrap draws pages exactly as the reference does (``random.Random(seed).randrange``),
    so the standard deviations match it too; ``n_bootstrap`` <= 1 skips it (stds 0.0).
    """
    pages = list(pages)
    f1, precision, recall = _corpus_prf(pages)
    out: dict[str, Any] = {"n": len(pages), "f1": f1, "precision": precision, "recall": recall}
    if exact is not None:
        flags = list(exact)
        out["exact"] = statistics.fmean(flags) if flags else 0.0
    samples: list[tuple[float, float, float]] = []
    if pages and n_bootstrap > 1:
        rng = random.Random(seed)
        size = len(pages)
        samples = [_corpus_prf([pages[rng.randrange(size)] for _ in range(size)]) for _ in range(n_bootstrap)]
    for i, key in enumerate(("f1", "precision", "recall")):
        out[key + "_std"] = statistics.stdev(s[i] for s in samples) if samples else 0.0
    return out


# --- related-news teasers ---------------------------------------------------------------------


def teaser_text(item: Any) -> str:
    """Text of a gold teaser (a string) or of a related item (mapping or object with title/summary)."""
    if isinstance(item, str):
        return item
    if isinstance(item, Mapping):
        parts = [item.get("title"), item.get("summary")]
    else:
        parts = [getattr(item, "title", None), getattr(item, "summary", None)]
    return " ".join(str(part or "") for part in parts)


def coverage(text: str, haystack: Counter, n: int = SHINGLE_SIZE) -> float:
    """Share of ``text``'s shingles (as a multiset) that occur in ``haystack``; 0.0 for no shingles."""
    own = shingles(text, n)
    total = sum(own.values())
    return sum((own & haystack).values()) / total if total else 0.0


def teaser_scores(gold_related: Iterable[Any] | None, pred_related: Iterable[Any] | None, pred_body: str | None,
                  threshold: float = TEASER_THRESHOLD) -> dict:
    """Per-page teaser metrics: ``recall`` (gold teasers found among the predicted related items,
    all items' shingles pooled) and ``leak`` (gold teasers whose text stands in the predicted body),
    both as shares of the gold teasers; None when the page has no gold teaser."""
    gold = [text for text in map(teaser_text, gold_related or []) if text.strip()]
    if not gold:
        return {"recall": None, "leak": None, "n": 0}
    related_bag: Counter = Counter()
    for item in pred_related or []:
        related_bag.update(shingles(teaser_text(item)))
    body_bag = shingles(pred_body)
    found = sum(1 for text in gold if coverage(text, related_bag) >= threshold)
    leaked = sum(1 for text in gold if coverage(text, body_bag) >= threshold)
    return {"recall": found / len(gold), "leak": leaked / len(gold), "n": len(gold)}


# --- interface text that must never reach a body ----------------------------------------------

#: Lines of player chrome and widgets as they read once the markup is flattened to text
#: (video.js control bar, rating widgets of Vietnamese news sites).  A body line that is exactly
#: one of these (whitespace folded, case-insensitive) is a leak.
UI_LINE_PATTERNS = (
    r"video player is loading\.?",
    r"play video",
    r"(current time|duration|remaining time)\s*-?\d+:\d\d",
    r"loaded:\s*\d+(\.\d+)?%",
    r"stream type live",
    r"seek to live, currently (behind|playing) live",
    r"\d(\.\d+)?x(, selected)?",
    r"(captions|descriptions|subtitles) (off|settings)(, selected|, opens .* dialog)?",
    r"this is a modal window\.?",
    r"beginning of dialog window\..*",
    r"end of dialog window\.?",
    r"close modal dialog",
    r"playback rate",
    r"picture-in-picture",
    r"fullscreen",
    r"(un)?mute",
    r"bài viết hay\?.*",
    r"hãy đánh giá bài viết",
    r"trình phát video đang tải.*",
    r"(hiện tại|thời lượng)\s*\d+:\d\d",
    r"đã tải:\s*\d+%",
)
_UI_LINE_RE = re.compile("^(?:" + "|".join(UI_LINE_PATTERNS) + ")$", re.IGNORECASE)


def ui_leaks(body: str | None) -> list[str]:
    """The body's lines that are pure player or widget interface text (folded)."""
    leaks = []
    for line in (body or "").splitlines():
        folded = " ".join(line.split()).strip(" -•·")
        if folded and _UI_LINE_RE.match(folded):
            leaks.append(folded)
    return leaks

"""Our eval metrics: hand-computed values, and equality with the corpus' reference implementation
(``../shared/eval/metrics.py`` beside the checkout, when it is there)."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from pipelines.evaluation import metrics

REFERENCE_PATH = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "metrics.py"


@pytest.fixture(scope="module")
def reference():
    if not REFERENCE_PATH.is_file():
        pytest.skip(f"reference metric not found at {REFERENCE_PATH}")
    spec = importlib.util.spec_from_file_location("reference_eval_metrics", REFERENCE_PATH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- hand-computed ----------------------------------------------------------------------------


def test_tokenize_drops_punctuation_and_keeps_case():
    assert metrics.tokenize("Hà Nội, 31/7 — Sáng nay!") == ["Hà", "Nội", "31", "7", "Sáng", "nay"]
    assert metrics.tokenize(None) == []
    assert metrics.tokenize("東京は晴れ。大阪", split_cjk=True) == list("東京は晴れ大阪")
    assert metrics.tokenize("東京は晴れ。大阪") == ["東京は晴れ", "大阪"]


def test_shingles_short_text_is_one_shingle():
    assert metrics.shingles("a b") == {("a", "b"): 1}
    assert metrics.shingles("") == {}
    assert metrics.shingles("a b c d a b c d") == {("a", "b", "c", "d"): 2, ("b", "c", "d", "a"): 1,
                                                 ("c", "d", "a", "b"): 1, ("d", "a", "b", "c"): 1}


def test_shingle_prf_hand_computed():
    # truth: (a b c d) (b c d e); prediction: (a b c d) (b c d x) → 1 of 2 on each side
    assert metrics.shingle_prf("a b c d e", "a b c d x") == (0.5, 0.5, 0.5)
    # prediction has 4 shingles, 2 in the truth of 2: P 0.5, R 1, F1 2/3
    p, r, f1 = metrics.shingle_prf("a b c d e", "a b c d e f g")
    assert (p, r) == (0.5, 1.0) and f1 == pytest.approx(2 / 3)
    assert metrics.shingle_prf("a b c d", "") == (None, 0.0, 0.0)
    assert metrics.shingle_prf("", "a b c d") == (0.0, None, 0.0)
    assert metrics.shingle_prf(None, None) == (None, None, None)
    assert metrics.shingle_prf("x y z w", "a b c d") == (0.0, 0.0, 0.0)
    # multisets: the truth's one (a b c d) matches one of the prediction's two; 5 predicted shingles
    assert metrics.shingle_prf("a b c d", "a b c d. a b c d")[:2] == (1 / 5, 1.0)


def test_aggregate_means_pages_then_harmonic_mean():
    pages = [(1.0, 0.5, 2 / 3), (None, 0.0, 0.0), (0.5, None, 0.0)]
    out = metrics.aggregate(pages, n_bootstrap=0)
    assert out["precision"] == 0.75  # mean of 1.0 and 0.5; the undefined one is left out
    assert out["recall"] == 0.25
    assert out["f1"] == pytest.approx(2 * 0.75 * 0.25 / 1.0)
    assert out["n"] == 3 and out["f1_std"] == 0.0
    assert metrics.aggregate([], n_bootstrap=10)["f1"] == 0.0


def test_teaser_scores_hand_computed():
    gold = ["alpha beta gamma delta epsilon", "zeta eta theta iota", "   "]
    related = [{"url": "https://x/1", "title": "alpha beta gamma delta", "summary": None}]
    body = "Story text. Zeta eta theta iota."  # case kept: "Zeta" is not "zeta"
    out = metrics.teaser_scores(gold, related, body)
    assert out == {"recall": 0.5, "leak": 0.0, "n": 2}
    out = metrics.teaser_scores(gold, [], "so zeta eta theta iota")
    assert out == {"recall": 0.0, "leak": 0.5, "n": 2}
    assert metrics.teaser_scores([], related, body) == {"recall": None, "leak": None, "n": 0}


def test_teaser_scores_accepts_objects():
    class Item:
        title = "alpha beta gamma delta"
        summary = "epsilon"

    assert metrics.teaser_scores(["alpha beta gamma delta epsilon"], [Item()], None)["recall"] == 1.0


def test_ui_leaks_matches_whole_lines_only():
    body = ("Video Player is loading.\nThe story says play video games.\n  - 1x  \nCurrent Time 0:00\n"
            "Bài viết hay? Hãy đánh giá\nFullscreen mode is great")
    assert metrics.ui_leaks(body) == ["Video Player is loading.", "1x", "Current Time 0:00",
                                      "Bài viết hay? Hãy đánh giá"]
    assert metrics.ui_leaks(None) == []


# --- equal to the reference -------------------------------------------------------------------

WORDS = ["the", "news", "Hà", "Nội", "sáng", "nay", "31", "7", "東京", "は", "晴れ", "Zeit", "über", "a", "b"]
PUNCT = [" ", " ", " ", ", ", ". ", "\n", " — ", "\n\n", "!"]
UI_LINES = ["Video Player is loading.", "Play Video", "Current Time 0:00", "Duration -1:23", "Loaded: 0%",
            "Loaded: 12.5%", "Stream Type LIVE", "1.5x, selected", "2x", "Captions off, selected",
            "subtitles settings, opens subtitles settings dialog", "This is a modal window.", "Unmute",
            "Bài viết hay? Hãy đánh giá bài viết", "Thời lượng 0:00", "Đã tải: 0%", "- Fullscreen -",
            "Picture-in-Picture", "Close Modal Dialog", "End of dialog window."]


def _text(rng: random.Random, max_tokens: int = 40) -> str:
    n = rng.choice([0, 1, 2, 3, 4, 5, rng.randint(0, max_tokens)])
    return "".join(rng.choice(WORDS) + rng.choice(PUNCT) for _ in range(n))


def test_shingle_prf_equals_reference(reference):
    rng = random.Random(1)
    for _ in range(1500):
        truth, pred = _text(rng), _text(rng)
        if rng.random() < 0.3:  # overlapping texts, the common case
            pred = truth[: rng.randint(0, len(truth))] + _text(rng, 10)
        n = rng.choice([1, 2, 3, 4, 4, 4])
        split = rng.random() < 0.2
        assert metrics.shingle_prf(truth, pred, n, split) == reference.shingle_prf(truth, pred, n, split)
        assert metrics.tokenize(truth, split) == reference.tokenize(truth, split)


def test_aggregate_equals_reference(reference):
    rng = random.Random(2)
    for _ in range(30):
        pages = [metrics.shingle_prf(_text(rng), _text(rng)) for _ in range(rng.randint(0, 30))]
        pages = [p for p in pages if p[2] is not None]
        exact = [rng.random() < 0.5 for _ in pages]
        assert metrics.aggregate(pages, exact, n_bootstrap=50, seed=3) == reference.aggregate(
            pages, exact, n_bootstrap=50, seed=3)


def test_teaser_scores_equal_reference(reference):
    rng = random.Random(3)
    for _ in range(400):
        gold = [_text(rng, 12) for _ in range(rng.randint(0, 5))]
        if gold and rng.random() < 0.5:
            gold = [{"title": g, "summary": rng.choice([None, _text(rng, 8)])} for g in gold]
        related = [{"url": "https://example.org/x", "title": rng.choice([None, _text(rng, 12)]),
                    "summary": rng.choice([None, _text(rng, 12)])} for _ in range(rng.randint(0, 4))]
        if gold and rng.random() < 0.5:  # reuse gold teaser text so coverage crosses the threshold
            related.append({"title": metrics.teaser_text(rng.choice(gold)), "summary": None})
        body = " ".join(metrics.teaser_text(g) for g in gold if rng.random() < 0.4) + _text(rng)
        assert metrics.teaser_scores(gold, related, body) == reference.teaser_scores(gold, related, body)


def test_ui_leaks_equal_reference(reference):
    rng = random.Random(4)
    for _ in range(300):
        lines = [rng.choice(UI_LINES) if rng.random() < 0.4 else _text(rng, 8) for _ in range(rng.randint(0, 8))]
        lines = [rng.choice(["", "  ", " - ", "• "]) + line + rng.choice(["", " ", " ·"]) for line in lines]
        body = rng.choice(["\n", "\r\n"]).join(lines)
        assert metrics.ui_leaks(body) == reference.ui_leaks(body)

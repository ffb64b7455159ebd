"""`newscrawl eval` machinery: corpus loading, the worker runner (crashes and hangs are counted,
never fatal), the report, the predictions file and the quality gate, all on a tiny corpus written
here."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import time
from pathlib import Path

import pytest

from pipelines.evaluation import gate
from pipelines.evaluation.corpus import corpus_fingerprint, load_corpus
from pipelines.evaluation.report import build_report, format_table, write_predictions
from pipelines.evaluation.runner import EXTRACTORS, Prediction, run_extractor

STORY = "The council approved the new budget on Monday after a long debate about schools and roads."
TEASER = "Mayor opens the new bridge across the river"

PAGES = {
    # source, id: (gold, manifest flags or None, gzip?)
    ("alpha", "a1"): ({"url": "https://alpha.example/a1", "gold_kind": "human", "body": STORY,
                       "related": [TEASER]}, {"gold_in_page": 1.0}, False),
    ("alpha", "a2"): ({"url": "https://alpha.example/a2", "gold_kind": "human", "body": STORY,
                       "flags": {"gold_in_page": 0.2}}, None, True),
    ("alpha", "a3"): ({"url": None, "gold_kind": "human", "body": STORY}, {"gold_in_page": 0.3}, True),
    ("beta", "b1"): ({"url": "https://beta.example/b1", "gold_kind": "segments", "body": None,
                      "must_include": ["new budget"], "must_exclude": ["Share this"]}, {}, True),
    ("beta", "b2"): ({"url": "https://beta.example/b2", "gold_kind": "prefix", "body": None,
                      "body_prefix": "The  council\napproved"}, None, False),
    ("beta", "home"): ({"url": "https://beta.example/", "gold_kind": "none", "body": None}, None, False),
}


def _html(text: str) -> str:
    return f"<html><body><article><p>{text}</p></article></body></html>"


@pytest.fixture()
def corpus_dir(tmp_path: Path) -> Path:
    root = tmp_path / "dev"
    manifest = []
    for (source, page_id), (gold, flags, gz) in PAGES.items():
        folder = root / source
        folder.mkdir(parents=True, exist_ok=True)
        html = _html(f"{STORY} Share this. {page_id}").encode("utf-8")
        if gz:
            (folder / f"{page_id}.html.gz").write_bytes(gzip.compress(html))
        else:
            (folder / f"{page_id}.html").write_bytes(html + b"\xff")  # invalid UTF-8 is replaced, not fatal
        (folder / f"{page_id}.json").write_text(json.dumps({"id": page_id, "source": source, **gold}))
        if flags is not None:
            manifest.append({"id": page_id, "source": source, "flags": flags})
    (root / "manifest.jsonl").write_text("".join(json.dumps(m) + "\n" for m in manifest))
    return root


def test_load_corpus_both_layouts(corpus_dir: Path):
    corpus = load_corpus(corpus_dir)
    assert [p.key for p in corpus] == ["alpha/a1", "beta/b1", "beta/b2", "beta/home"]
    # a2 is excluded by its JSON flags, a3 by the manifest
    assert corpus.excluded == ["alpha/a2", "alpha/a3"]
    assert corpus.sources == ["alpha", "beta"]
    assert corpus.all_keys() == sorted(f"{s}/{i}" for s, i in PAGES)
    pages = {p.key: p for p in corpus}
    assert pages["alpha/a1"].read_html().endswith("</html>\ufffd")
    assert "Share this. b1" in pages["beta/b1"].read_html()

    single = load_corpus(corpus_dir / "alpha")  # one source folder; the manifest beside it still applies
    assert [p.key for p in single] == ["alpha/a1"] and single.excluded == ["alpha/a2", "alpha/a3"]
    assert [p.key for p in load_corpus(corpus_dir, source="beta")] == ["beta/b1", "beta/b2", "beta/home"]


def test_fingerprint_changes_with_ids():
    assert corpus_fingerprint(["a/1", "b/2"]) == corpus_fingerprint(["b/2", "a/1"])
    assert corpus_fingerprint(["a/1", "b/2"]) != corpus_fingerprint(["a/1", "b/3"])


def good_extractor(html: str, url: str | None) -> Prediction:
    if url == "https://beta.example/":
        return Prediction(is_article=False, page_type="listing")
    return Prediction(body=STORY, title="Budget", related=[{"url": "https://alpha.example/t", "title": TEASER}])


def flaky_extractor(html: str, url: str | None) -> str:
    if url and url.endswith("/b1"):
        raise ValueError("boom")
    if url and url.endswith("/b2"):
        time.sleep(30)
    return STORY


def dying_extractor(html: str, url: str | None) -> str:
    if url and url.endswith("/a1"):
        os._exit(3)
    return STORY


@pytest.mark.parametrize("workers", [1, 2])
def test_errors_and_hangs_are_counted_not_fatal(corpus_dir: Path, workers: int):
    corpus = load_corpus(corpus_dir)
    start = time.perf_counter()
    # 2 s, not less: a fresh worker on a loaded 2-core machine may take a while to answer an instant page.
    result = run_extractor(corpus.pages, flaky_extractor, workers=workers, timeout=2.0)
    assert time.perf_counter() - start < 20  # the hanging page sleeps 30 s: it was cut off
    statuses = {o.key: o.status for o in result.outcomes}
    assert statuses == {"alpha/a1": "ok", "beta/b1": "error", "beta/b2": "timeout", "beta/home": "ok"}
    assert "boom" in next(o.error for o in result.outcomes if o.key == "beta/b1")
    assert result.pages_per_second > 0


def test_dead_worker_is_replaced(corpus_dir: Path):
    corpus = load_corpus(corpus_dir)
    result = run_extractor(corpus.pages, dying_extractor, workers=2, timeout=5)
    assert [o.status for o in result.outcomes] == ["crashed", "ok", "ok", "ok"]
    assert result.outcomes[1].prediction and result.outcomes[1].prediction.body == STORY


def test_report_scores_each_kind_of_gold(corpus_dir: Path):
    corpus = load_corpus(corpus_dir)
    good = run_extractor(corpus.pages, good_extractor, name="good")
    flaky = run_extractor(corpus.pages, flaky_extractor, name="flaky", timeout=0.5)
    report = build_report(corpus, [good, flaky])
    run = report["extractors"]["good"]
    assert run["overall"]["f1"] == 1.0 and run["overall"]["f1_pages"] == 1
    assert run["sources"]["beta"]["snippet"] == {"passed": 1, "total": 1, "rate": 1.0}
    assert run["sources"]["beta"]["prefix"]["rate"] == 1.0
    assert run["sources"]["alpha"]["teaser_recall"] == 1.0 and run["sources"]["alpha"]["teaser_leakage"] == 0.0
    assert (run["overall"]["non_article_rejected"], run["overall"]["non_article_pages"]) == (1, 1)
    bad = report["extractors"]["flaky"]["overall"]
    assert bad["failures"] == {"error": 1, "timeout": 1, "crashed": 0}
    assert bad["non_article_rejected"] == 0 and bad["snippet"]["rate"] == 0.0
    assert report["corpus"]["pages"] == 6 and report["corpus"]["excluded"] == ["alpha/a2", "alpha/a3"]
    table = format_table(report)
    assert "good" in table and "flaky" in table and "snippet pass beta" in table


def test_predictions_file(corpus_dir: Path, tmp_path: Path):
    corpus = load_corpus(corpus_dir)
    result = run_extractor(corpus.pages, good_extractor)
    out = tmp_path / "pred.jsonl"
    with out.open("w", encoding="utf-8") as stream:
        write_predictions(stream, result)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["alpha/a1", "beta/b1", "beta/b2", "beta/home"]
    assert {"id", "body", "related", "title", "published", "is_article"} <= set(lines[0])
    assert lines[0]["body"] == STORY and lines[0]["related"][0]["title"] == TEASER
    assert lines[-1]["is_article"] is False


def _cli(argv: list[str]) -> int:
    from newscrawl.cli import eval as eval_cli

    parser = argparse.ArgumentParser()
    eval_cli.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.func(args)


def test_gate_pass_fail_and_ratchet(corpus_dir: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setitem(EXTRACTORS, "newscrawl", good_extractor)
    baseline = tmp_path / "baseline.json"
    assert _cli(["eval", str(corpus_dir), "--write-baseline", str(baseline)]) == 0
    pinned = json.loads(baseline.read_text())
    assert pinned["corpus"]["pages"] == 6
    assert pinned["floors"]["overall_f1"] == 0.995 and pinned["floors"]["f1"] == {"alpha": 0.995}
    assert pinned["floors"]["non_article_rejected"] == 1 and pinned["ceilings"]["ui_leaks"] == 0
    assert _cli(["eval", str(corpus_dir), "--gate", str(baseline)]) == 0
    assert "quality gate passed" in capsys.readouterr().out

    # a worse extractor fails, one message per violated floor
    monkeypatch.setitem(EXTRACTORS, "newscrawl", flaky_extractor)
    assert _cli(["eval", str(corpus_dir), "--gate", str(baseline), "--timeout", "0.3"]) == 1
    out = capsys.readouterr().out
    assert "quality gate FAILED" in out
    assert "non-article pages rejected 0 is below the floor 1" in out
    assert "snippet pass rate [beta] 0 is below the floor 0.995" in out
    assert "teaser recall [alpha] 0 is below the floor 0.995" in out

    # writing the baseline from the worse run lowers nothing
    assert _cli(["eval", str(corpus_dir), "--write-baseline", str(baseline), "--timeout", "0.3"]) == 0
    assert json.loads(baseline.read_text()) == pinned
    assert "unchanged" in capsys.readouterr().out


def test_gate_notices_a_changed_corpus(corpus_dir: Path):
    corpus = load_corpus(corpus_dir)
    report = build_report(corpus, [run_extractor(corpus.pages, good_extractor, name="newscrawl")])
    baseline, changes = gate.tighten(None, report)
    assert changes and gate.check_gate(baseline, report) == []
    (corpus_dir / "beta" / "b3.html").write_text(_html(STORY))
    (corpus_dir / "beta" / "b3.json").write_text(json.dumps({"gold_kind": "human", "body": STORY}))
    grown = load_corpus(corpus_dir)
    report = build_report(grown, [run_extractor(grown.pages, good_extractor, name="newscrawl")])
    [violation] = gate.check_gate(baseline, report)
    assert violation.startswith("corpus changed: 7 pages")
    with pytest.raises(ValueError):
        gate.tighten(baseline, report)


def test_decomposed_gold_is_scored_as_is_and_named_in_the_diagnosis(tmp_path: Path):
    # Some gold files keep combining accents ("Cafe\u0301"); the reference metric splits
    # such words, so an NFC prediction scores low.  The score stays the reference one,
    # the diagnosis says so and what NFC gold would give.
    import unicodedata

    from pipelines.evaluation.corpus import Page
    from pipelines.evaluation.report import score_page
    from pipelines.evaluation.runner import Outcome

    story = "Quán cà phê ở phố cổ mở cửa lại sau ba tháng sửa chữa và đón khách từ sáng sớm."
    gold = {"gold_kind": "silver", "body": unicodedata.normalize("NFD", story)}
    page = Page(source="vi", id="p1", html_path=tmp_path / "p1.html", gold=gold)
    record = score_page(page, Outcome(key="vi/p1", status="ok", prediction=Prediction(body=story)))
    assert record["f1"] < 0.5
    assert record["gold_f1_nfc"] == 1.0
    assert "not NFC" in record["diagnosis"]
    nfc = {"gold_kind": "silver", "body": story}
    record = score_page(Page(source="vi", id="p2", html_path=tmp_path / "p2.html", gold=nfc),
                        Outcome(key="vi/p2", status="ok", prediction=Prediction(body=story)))
    assert record["f1"] == 1.0 and "gold_f1_nfc" not in record


_CALLS: list[tuple[str, str | None]] = []


def _recording(name: str):  # type: ignore[no-untyped-def]
    def extractor(html: str, url: str | None) -> str:
        _CALLS.append((name, url))
        return STORY
    return extractor


def test_side_by_side_takes_batches_in_turn(tmp_path: Path):
    from pipelines.evaluation.corpus import Page
    from pipelines.evaluation.side_by_side import run_side_by_side

    (tmp_path / "p.html").write_text(_html(STORY))
    pages = [Page(source="s", id=str(i), html_path=tmp_path / "p.html", gold={"url": f"u{i}"}) for i in range(5)]
    _CALLS.clear()
    results = run_side_by_side(pages, {"a": _recording("a"), "b": _recording("b")}, workers=1, batch=2)
    # Every batch is done by both before the next starts, in alternating order (a b, b a, a b).
    assert _CALLS == [("a", "u0"), ("a", "u1"), ("b", "u0"), ("b", "u1"), ("b", "u2"), ("b", "u3"),
                      ("a", "u2"), ("a", "u3"), ("a", "u4"), ("b", "u4")]
    assert [r.extractor for r in results] == ["a", "b"]
    assert all([o.key for o in r.outcomes] == [p.key for p in pages] for r in results)
    assert all(o.status == "ok" and o.prediction and o.prediction.body == STORY for r in results for o in r.outcomes)


def test_side_by_side_in_workers_keeps_page_order_and_failures(corpus_dir: Path):
    from pipelines.evaluation.side_by_side import run_side_by_side

    corpus = load_corpus(corpus_dir)
    good, flaky = run_side_by_side(corpus.pages, {"good": good_extractor, "flaky": flaky_extractor}, workers=2,
                                   timeout=2.0, batch=3)
    keys = [p.key for p in corpus.pages]
    assert [o.key for o in good.outcomes] == keys and [o.key for o in flaky.outcomes] == keys
    assert [o.status for o in good.outcomes] == ["ok"] * 4
    assert {o.key: o.status for o in flaky.outcomes} == {"alpha/a1": "ok", "beta/b1": "error", "beta/b2": "timeout",
                                                         "beta/home": "ok"}
    assert good.workers == 2 and good.wall_seconds > 0 and flaky.wall_seconds >= 2.0  # the timeout is its own

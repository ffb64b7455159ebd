"""Scoring extractor runs against the gold answers, and the report (plain-text table and JSON).

Which check applies to a page (``shared/corpus/README.md``):

* gold ``body`` present → body precision/recall/F1 (reference shingle metric);
* ``must_include`` / ``must_exclude`` → snippet check: every must_include is a substring of the
  body and no must_exclude is;
* ``body_prefix`` → the body starts with it (whitespace folded on both sides);
* gold ``related`` → teaser recall (found among predicted ``related``) and leakage (found in body);
* ``gold_kind`` "none" (listings, a forum thread) → only: was the page rejected as non-article.

A page the extractor rejects as non-article outputs nothing (body None, no related).  Corpus
numbers are per source, and "overall" pools every scored page with the same aggregation (the
means of per-page P and R over all pages, F1 their harmonic mean), as the corpus' reference
figures are computed; ``macro_f1`` is the plain mean of the per-source F1.
"""

from __future__ import annotations

import json
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from pipelines.evaluation.corpus import Corpus, Page, corpus_fingerprint
from pipelines.evaluation.metrics import aggregate, shingle_prf, teaser_scores, ui_leaks
from pipelines.evaluation.runner import Outcome, RunResult

__all__ = ["score_page", "summarize", "build_report", "format_table", "write_predictions", "diagnose"]

OVERALL = "overall"
#: Bootstrap resamples for the F1 standard deviation (cheap enough; tells whether a change is noise).
BOOTSTRAP = 200
#: Below this, precision / recall is named in a page's diagnosis.
WEAK = 0.8


def _fold(text: str | None) -> str:
    return " ".join((text or "").split())


def score_page(page: Page, outcome: Outcome) -> dict[str, Any]:
    """Every check that applies to one page, with a one-line diagnosis."""
    gold = page.gold
    pred = outcome.prediction
    is_article = bool(pred and pred.is_article)
    body = pred.body if pred and is_article else None
    related = pred.related if pred and is_article else []
    record: dict[str, Any] = {
        "id": page.key, "source": page.source, "gold_kind": page.gold_kind, "status": outcome.status,
        "error": outcome.error, "seconds": round(outcome.seconds, 4), "is_article": is_article,
        "page_type": pred.page_type if pred else None,
    }
    if page.gold_kind == "none":
        record["non_article"] = True
        record["rejected"] = not is_article
        record["diagnosis"] = "" if not is_article else "non-article page output as an article"
        return record
    record["non_article"] = False
    record["wrongly_rejected"] = outcome.status == "ok" and not is_article
    if (gold.get("body") or "").strip():
        precision, recall, f1 = shingle_prf(gold["body"], body)
        if f1 is not None:
            record.update(precision=precision, recall=recall, f1=f1)
        if not unicodedata.is_normalized("NFC", gold["body"]):
            # Gold written with combining accents (Vietnamese, German pages typed that way):
            # the metric's \w+ splits words at each mark, our NFC output cannot match them.
            # The score stays the reference one; the diagnosis says what NFC gold would give.
            record["gold_f1_nfc"] = shingle_prf(unicodedata.normalize("NFC", gold["body"]), body)[2]
    must_include = gold.get("must_include") or []
    must_exclude = gold.get("must_exclude") or []
    if must_include or must_exclude:
        text = body or ""
        record["snippet_missing"] = [s for s in must_include if s not in text]
        record["snippet_unwanted"] = [s for s in must_exclude if s in text]
        record["snippet_pass"] = not record["snippet_missing"] and not record["snippet_unwanted"]
    if gold.get("body_prefix"):
        record["prefix_pass"] = _fold(body).startswith(_fold(gold["body_prefix"]))
    teasers = teaser_scores(gold.get("related"), related, body)
    if teasers["n"]:
        record.update(teaser_recall=teasers["recall"], teaser_leak=teasers["leak"], teaser_n=teasers["n"])
    record["ui_leaks"] = ui_leaks(body)
    record["diagnosis"] = diagnose(record, body)
    return record


def diagnose(record: dict[str, Any], body: str | None) -> str:
    """Why a page scores badly, in one line ("" when nothing is wrong)."""
    if record["status"] != "ok":
        return f"{record['status']}: {record['error'] or ''}".strip()
    problems = []
    if not record["is_article"]:
        problems.append(f"rejected as non-article (page_type={record['page_type']})")
    elif not _fold(body):
        problems.append("empty body")
    elif record.get("precision") == 0 and record.get("recall") == 0:
        problems.append(f"wrong text: nothing in common with the gold (predicted {_fold(body)[:50]!r})")
    else:
        if record.get("precision") is not None and record["precision"] < WEAK:
            problems.append(f"low precision: {1 - record['precision']:.0%} of predicted shingles not in gold "
                            "(extra text)")
        if record.get("recall") is not None and record["recall"] < WEAK:
            problems.append(f"low recall: missed {1 - record['recall']:.0%}")
    if record.get("snippet_missing"):
        problems.append(f"snippet missing: {_fold(record['snippet_missing'][0])[:60]!r}")
    if record.get("snippet_unwanted"):
        problems.append(f"unwanted snippet in body: {_fold(record['snippet_unwanted'][0])[:60]!r}")
    if record.get("prefix_pass") is False:
        problems.append(f"body does not start with the gold prefix (starts {_fold(body)[:40]!r})")
    if record.get("teaser_leak"):
        problems.append(f"teaser leak: {round(record['teaser_leak'] * record['teaser_n'])}/{record['teaser_n']} "
                        "teasers in body")
    if record.get("gold_f1_nfc") is not None:
        problems.append(f"gold is decomposed Unicode, not NFC (F1 against NFC gold: {record['gold_f1_nfc']:.3f})")
    if record.get("ui_leaks"):
        problems.append(f"ui leak: {len(record['ui_leaks'])} lines ({record['ui_leaks'][0]!r})")
    return "; ".join(problems)


def _rate(flags: list[bool]) -> dict[str, Any]:
    return {"passed": sum(flags), "total": len(flags), "rate": sum(flags) / len(flags) if flags else None}


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def summarize(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Corpus numbers over a set of scored pages (one source, or all of them)."""
    scored = [r for r in records if "f1" in r]
    body = aggregate([(r["precision"], r["recall"], r["f1"]) for r in scored], n_bootstrap=BOOTSTRAP)
    teased = [r for r in records if r.get("teaser_n")]
    non_articles = [r for r in records if r["non_article"]]
    return {
        "pages": len(records),
        "f1_pages": body["n"],
        "f1": body["f1"] if scored else None,
        "precision": body["precision"] if scored else None,
        "recall": body["recall"] if scored else None,
        "f1_std": body["f1_std"] if scored else None,
        "snippet": _rate([r["snippet_pass"] for r in records if "snippet_pass" in r]),
        "prefix": _rate([r["prefix_pass"] for r in records if "prefix_pass" in r]),
        "teaser_pages": len(teased),
        "teaser_recall": _mean([r["teaser_recall"] for r in teased]),
        "teaser_leakage": _mean([r["teaser_leak"] for r in teased]),
        "ui_leaks": sum(len(r.get("ui_leaks", [])) for r in records),
        "ui_leak_pages": sum(1 for r in records if r.get("ui_leaks")),
        "non_article_rejected": sum(1 for r in non_articles if r["rejected"]),
        "non_article_pages": len(non_articles),
        "wrongly_rejected": sum(1 for r in records if r.get("wrongly_rejected")),
        "failures": {status: sum(1 for r in records if r["status"] == status)
                     for status in ("error", "timeout", "crashed")},
    }


def _report_for(corpus: Corpus, result: RunResult, worst: int) -> dict[str, Any]:
    by_key = {page.key: page for page in corpus.pages}
    records = [score_page(by_key[outcome.key], outcome) for outcome in result.outcomes]
    sources = sorted({r["source"] for r in records})
    per_source = {source: summarize([r for r in records if r["source"] == source]) for source in sources}
    f1s = [s["f1"] for s in per_source.values() if s["f1"] is not None]
    overall = summarize(records)
    overall["macro_f1"] = statistics.fmean(f1s) if f1s else None
    ranked = sorted((r for r in records if "f1" in r), key=lambda r: (r["f1"], r["id"]))
    return {
        "extractor": result.extractor, "workers": result.workers,
        "seconds": round(result.wall_seconds, 2), "pages_per_second": round(result.pages_per_second, 2),
        OVERALL: overall, "sources": per_source,
        "worst": [{k: r[k] for k in ("id", "f1", "precision", "recall", "diagnosis")} for r in ranked[:worst]],
        "pages": records,
    }


def build_report(corpus: Corpus, results: Iterable[RunResult], worst: int = 20) -> dict[str, Any]:
    """The full report: corpus identity, then per extractor overall / per-source numbers and pages."""
    keys = corpus.all_keys()
    return {
        "corpus": {"path": str(corpus.root), "pages": len(keys), "scored_pages": len(corpus.pages),
                   "excluded": corpus.excluded, "sha256": corpus_fingerprint(keys)},
        "extractors": {result.extractor: _report_for(corpus, result, worst) for result in results},
    }


# --- plain-text output ------------------------------------------------------------------------


def _num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _rate_cell(rate: dict[str, Any]) -> str:
    return f"{_num(rate['rate'])} ({rate['passed']}/{rate['total']})"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    def line(row: list[str]) -> str:
        return "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
    return [line(header), "  ".join("-" * w for w in widths), *(line(row) for row in rows)]


def format_table(report: dict[str, Any], worst_of: str | None = None) -> str:
    """Extractors side by side: body F1 per source, then the other checks, then the worst pages."""
    runs = report["extractors"]
    names = list(runs)
    corpus = report["corpus"]
    out = [f"corpus {corpus['path']}: {corpus['scored_pages']} pages scored, {len(corpus['excluded'])} excluded "
           f"(gold text not in the HTML), id hash {corpus['sha256'][:12]}", ""]
    sources = sorted({s for run in runs.values() for s in run["sources"]})
    first = runs[names[0]]
    f1_sources = [s for s in sources if first["sources"][s]["f1_pages"]]

    def f1_cells(summary: dict[str, Any]) -> list[str]:
        return [f"{_num(summary['f1'])} {_num(summary['precision'])} {_num(summary['recall'])}"]
    rows = [[s, str(first["sources"][s]["f1_pages"]), *(c for n in names for c in f1_cells(runs[n]["sources"][s]))]
            for s in f1_sources]
    rows.append([OVERALL, str(first[OVERALL]["f1_pages"]), *(c for n in names for c in f1_cells(runs[n][OVERALL]))])
    rows.append(["macro mean of sources", "", *(_num(runs[n][OVERALL]["macro_f1"]) for n in names)])
    out += ["Body F1 P R (reference shingle metric)"]
    out += _table(["source", "F1 pages", *names], rows) + [""]

    checks: list[list[str]] = []
    for kind, label in (("snippet", "snippet pass"), ("prefix", "prefix pass")):
        for s in sources:
            if first["sources"][s][kind]["total"]:
                checks.append([f"{label} {s}", *(_rate_cell(runs[n]["sources"][s][kind]) for n in names)])
    for s in sources:
        if first["sources"][s]["teaser_pages"]:
            pages = first["sources"][s]["teaser_pages"]
            checks.append([f"teaser recall {s} ({pages} pages)",
                           *(_num(runs[n]["sources"][s]["teaser_recall"]) for n in names)])
            checks.append([f"teaser leakage {s}", *(_num(runs[n]["sources"][s]["teaser_leakage"]) for n in names)])
    total = {n: runs[n][OVERALL] for n in names}
    checks += [
        ["ui-line leaks (lines / pages)", *(f"{total[n]['ui_leaks']} / {total[n]['ui_leak_pages']}" for n in names)],
        ["non-articles rejected", *(f"{total[n]['non_article_rejected']}/{total[n]['non_article_pages']}"
                                    for n in names)],
        ["articles wrongly rejected", *(str(total[n]["wrongly_rejected"]) for n in names)],
        ["failed pages (error/timeout/crashed)", *("/".join(str(v) for v in total[n]["failures"].values())
                                                    for n in names)],
        ["pages/s", *(f"{runs[n]['pages_per_second']:.1f} ({runs[n]['seconds']:.0f} s, {runs[n]['workers']} w)"
                      for n in names)],
    ]
    out += _table(["check", *names], checks)
    worst_name = worst_of if worst_of in runs else names[0]
    worst = runs[worst_name]["worst"]
    if worst:
        out += ["", f"Worst {len(worst)} pages by F1 ({worst_name})"]
        width = max(len(w["id"]) for w in worst)
        out += [f"{w['id'].ljust(width)}  {w['f1']:.3f}  {w['diagnosis'] or _minor(w)}" for w in worst]
    pages = runs[worst_name]["pages"]
    failed = [f"{r['id']} ({r['status']})" for r in pages if r["status"] != "ok"]
    if failed:
        out += ["", f"Failed pages ({worst_name}): " + ", ".join(failed)]
    kept = [r["id"] for r in pages if r["non_article"] and not r["rejected"]]
    if kept:
        out += ["", f"Non-articles output as articles ({worst_name}): " + ", ".join(kept)]
    return "\n".join(out)


def _minor(worst: dict[str, Any]) -> str:
    return f"P {worst['precision']:.2f} R {worst['recall']:.2f}"


def write_predictions(stream: TextIO, result: RunResult) -> None:
    """One JSON line per page: the prediction as the product would output it."""
    for outcome in result.outcomes:
        pred = outcome.prediction
        line = {
            "id": outcome.key,
            "body": pred.body if pred else None,
            "related": pred.related if pred else [],
            "title": pred.title if pred else None,
            "published": pred.published if pred else None,
            "is_article": bool(pred and pred.is_article),
            "status": outcome.status,
        }
        stream.write(json.dumps(line, ensure_ascii=False) + "\n")


def write_json(path: str | Path, report: dict[str, Any]) -> None:
    Path(path).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

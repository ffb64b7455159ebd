"""The quality gate: pinned floors (and ceilings) that our extractor's numbers must not cross.

``eval/baseline.json`` pins, for the ``newscrawl`` extractor on the dev corpus:

* ``corpus``: number of pages and the SHA-256 of the sorted page ids; a different corpus makes the
  floors meaningless, so it fails the gate with a message saying so;
* ``floors`` (the measured value may not fall below): overall F1, F1 per source, snippet / prefix
  pass rate per source, teaser recall per source, count of non-article pages rejected;
* ``ceilings`` (may not rise above): ui-line leaks (count of lines), teaser leakage per source.

Floors are set from a run minus ``margin`` and ceilings from a run plus ``margin`` (counts exactly);
:func:`tighten` only ever raises floors and lowers ceilings, so quality can only ratchet up.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

__all__ = ["MARGIN", "check_gate", "measure", "tighten", "load_baseline", "save_baseline"]

MARGIN = 0.005
#: Comparisons tolerate float noise (numbers are stored rounded to 4 decimals).
_EPS = 1e-9

# (key, per source?): the pinned quantities; see _value for where each lives in a summary.
_FLOORS = (("f1", True), ("snippet_pass", True), ("prefix_pass", True), ("teaser_recall", True),
           ("overall_f1", False), ("non_article_rejected", False))
_CEILINGS = (("teaser_leakage", True), ("ui_leaks", False))
_COUNTS = {"non_article_rejected", "ui_leaks"}


def _value(summary: dict[str, Any], key: str) -> float | None:
    if key in ("f1", "overall_f1"):
        return summary["f1"]
    if key == "snippet_pass":
        return summary["snippet"]["rate"]
    if key == "prefix_pass":
        return summary["prefix"]["rate"]
    return summary.get(key)


def measure(extractor_report: dict[str, Any]) -> dict[str, Any]:
    """The gated quantities of one extractor's report, shaped like a baseline's floors/ceilings."""
    out: dict[str, dict[str, Any]] = {"floors": {}, "ceilings": {}}
    for section, keys in (("floors", _FLOORS), ("ceilings", _CEILINGS)):
        for key, per_source in keys:
            if per_source:
                values = {s: _value(summary, key) for s, summary in extractor_report["sources"].items()}
                out[section][key] = {s: v for s, v in sorted(values.items()) if v is not None}
            else:
                out[section][key] = _value(extractor_report["overall"], key)
    return out


_LABELS = {"f1": "body F1", "overall_f1": "overall body F1", "snippet_pass": "snippet pass rate",
           "prefix_pass": "prefix pass rate", "teaser_recall": "teaser recall", "teaser_leakage": "teaser leakage",
           "non_article_rejected": "non-article pages rejected", "ui_leaks": "ui-line leaks"}


def _label(key: str, source: str | None) -> str:
    name = _LABELS.get(key, key.replace("_", " "))
    return f"{name} [{source}]" if source else name


def _compare(section: str, key: str, pinned: Any, measured: Any, source: str | None) -> str | None:
    label = _label(key, source)
    if measured is None:
        return f"{label}: not measured (pinned {pinned})"
    if section == "floors" and measured < pinned - _EPS:
        return f"{label} {measured:.4g} is below the floor {pinned:.4g}"
    if section == "ceilings" and measured > pinned + _EPS:
        return f"{label} {measured:.4g} is above the ceiling {pinned:.4g}"
    return None


def check_gate(baseline: dict[str, Any], report: dict[str, Any], extractor: str = "newscrawl",
               only_sources: list[str] | None = None) -> list[str]:
    """Violations (empty list = pass).  ``only_sources``: a partial run, check those sources only."""
    run = report["extractors"].get(extractor)
    if run is None:
        return [f"extractor {extractor!r} was not run"]
    violations = []
    pinned_corpus = baseline.get("corpus", {})
    if only_sources is None and pinned_corpus.get("sha256") not in (None, report["corpus"]["sha256"]):
        violations.append(
            f"corpus changed: {report['corpus']['pages']} pages (hash {report['corpus']['sha256'][:12]}) but the "
            f"baseline was pinned on {pinned_corpus.get('pages')} pages (hash {pinned_corpus['sha256'][:12]}); "
            "floors are not comparable, re-pin eval/baseline.json on the new corpus")
        return violations
    measured = measure(run)
    for section in ("floors", "ceilings"):
        for key, pinned in baseline.get(section, {}).items():
            if isinstance(pinned, dict):
                for source, value in sorted(pinned.items()):
                    if only_sources is not None and source not in only_sources:
                        continue
                    if source not in run["sources"]:
                        violations.append(f"{_label(key, source)}: source missing from the corpus")
                        continue
                    problem = _compare(section, key, value, measured[section].get(key, {}).get(source), source)
                    if problem:
                        violations.append(problem)
            elif only_sources is None:
                problem = _compare(section, key, pinned, measured[section].get(key), None)
                if problem:
                    violations.append(problem)
    return violations


def _floor(value: float, key: str, margin: float) -> float:
    if key in _COUNTS:
        return value
    return max(0.0, math.floor((value - margin) * 10_000) / 10_000)


def _ceiling(value: float, key: str, margin: float) -> float:
    if key in _COUNTS:
        return value
    return min(1.0, math.ceil((value + margin) * 10_000) / 10_000)


def tighten(old: dict[str, Any] | None, report: dict[str, Any], extractor: str = "newscrawl",
            margin: float = MARGIN) -> tuple[dict[str, Any], list[str]]:
    """A new baseline from ``report``: floors only rise and ceilings only fall relative to ``old``.

    Returns ``(baseline, changes)``.  Raises ValueError when ``old`` was pinned on another corpus.
    """
    corpus = {"pages": report["corpus"]["pages"], "sha256": report["corpus"]["sha256"]}
    if old and old.get("corpus", {}).get("sha256") not in (None, corpus["sha256"]):
        raise ValueError("the baseline was pinned on another corpus; delete it to pin afresh on this one")
    measured = measure(report["extractors"][extractor])
    new: dict[str, Any] = {"extractor": extractor, "margin": margin, "corpus": corpus, "floors": {}, "ceilings": {}}
    changes: list[str] = []
    for section, bound, better in (("floors", _floor, max), ("ceilings", _ceiling, min)):
        previous = (old or {}).get(section, {})
        for key, value in measured[section].items():
            if isinstance(value, dict):
                merged = {}
                for source, v in value.items():
                    before = previous.get(key, {}).get(source)
                    pinned = bound(v, key, margin)
                    merged[source] = pinned if before is None else better(before, pinned)
                    if merged[source] != before:
                        changes.append(f"{section}.{key}[{source}]: {before} -> {merged[source]}")
                # a pinned source that this run did not measure stays pinned
                merged.update({s: v for s, v in previous.get(key, {}).items() if s not in merged})
                new[section][key] = dict(sorted(merged.items()))
            elif value is not None:
                before = previous.get(key)
                pinned = bound(value, key, margin)
                new[section][key] = pinned if before is None else better(before, pinned)
                if new[section][key] != before:
                    changes.append(f"{section}.{key}: {before} -> {new[section][key]}")
    return new, changes


def load_baseline(path: str | Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def save_baseline(path: str | Path, baseline: dict[str, Any]) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(baseline, indent=2, sort_keys=False) + "\n", encoding="utf-8")

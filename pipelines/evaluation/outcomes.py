"""What an extractor run gives back: a page's prediction, its outcome (ok, error, timeout,
crashed) and a whole run's result, plus the normalisation of whatever an extractor returns."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.evaluation.corpus import read_html

__all__ = ["Extractor", "Outcome", "Prediction", "RunResult", "extract_one", "to_prediction"]

Extractor = Callable[[str, "str | None"], Any]


@dataclass
class Prediction:
    body: str | None = None
    title: str | None = None
    published: str | None = None
    #: Related items as dicts with ``url``, ``title``, ``summary``, ``label``.
    related: list[dict[str, Any]] = field(default_factory=list)
    #: False when the extractor judged the page not to be an article (its body is then not output).
    is_article: bool = True
    page_type: str | None = None


@dataclass
class Outcome:
    key: str
    #: ``ok``, ``error`` (the extractor raised), ``timeout`` or ``crashed`` (the worker died).
    status: str
    prediction: Prediction | None = None
    error: str | None = None
    seconds: float = 0.0


@dataclass
class RunResult:
    extractor: str
    outcomes: list[Outcome]
    wall_seconds: float
    workers: int

    @property
    def pages_per_second(self) -> float:
        return len(self.outcomes) / self.wall_seconds if self.wall_seconds > 0 else 0.0


def _related_dict(item: Any) -> dict[str, Any]:
    if isinstance(item, str):
        return {"url": None, "title": item, "summary": None, "label": None}
    if isinstance(item, Mapping):
        return {k: item.get(k) for k in ("url", "title", "summary", "label")}
    return {k: getattr(item, k, None) for k in ("url", "title", "summary", "label")}


def to_prediction(result: Any) -> Prediction:
    """Normalise whatever an extractor returned into a :class:`Prediction`."""
    if isinstance(result, Prediction):
        return result
    if result is None:
        return Prediction(body=None, is_article=False)
    if isinstance(result, str):
        return Prediction(body=result)
    if isinstance(result, Mapping):
        values = {k: result[k] for k in ("body", "title", "published", "is_article", "page_type") if k in result}
        return Prediction(**values, related=[_related_dict(r) for r in result.get("related") or []])
    # an Article-like object (pipelines.schema.Article)
    extraction = getattr(result, "extraction", None)
    page_type = getattr(extraction, "page_type", None)
    return Prediction(
        body=getattr(result, "body", None),
        title=getattr(result, "title", None),
        published=getattr(result, "published", None),
        related=[_related_dict(r) for r in getattr(result, "related", None) or []],
        is_article=page_type in (None, "article"),
        page_type=page_type,
    )


def extract_one(extractor: Extractor, html_path: Path, url: str | None) -> tuple[str, Prediction | None, str | None]:
    try:
        return "ok", to_prediction(extractor(read_html(html_path), url)), None
    except Exception as exc:  # an extractor bug is a counted page failure, not the end of the run
        return "error", None, f"{type(exc).__name__}: {exc}"[:500]

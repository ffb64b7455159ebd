"""Running an extractor over corpus pages, in worker processes, with a per-page time limit.

An *extractor* is a plain function ``(html, url) -> Prediction`` (it may also return a dict, a body
string, ``None`` or an object with ``body``/``related``/``extraction`` such as
:class:`pipelines.schema.Article`).  Named extractors: ``newscrawl`` (our core), ``trafilatura``
(``trafilatura.extract(html, url=url)``) and ``trafilatura-precision`` (``favor_precision=True,
include_comments=False``).

With ``workers=1`` pages are extracted in this process (the time limit then relies on SIGALRM, which
interrupts Python code but not a long C call).  With more workers each page goes to a child process;
a child that exceeds the limit is killed and replaced, a child that dies is replaced, and the page is
recorded as ``timeout`` / ``crashed``.  A failing page never stops the run.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from pipelines.evaluation.corpus import Page
from pipelines.evaluation.outcomes import Extractor, Outcome, Prediction, RunResult, extract_one, to_prediction
from pipelines.evaluation.workers import WorkerPool

# The run's types live in pipelines.evaluation.outcomes; they are named here too, where
# callers of run_extractor look for them.
__all__ = ["Prediction", "Outcome", "RunResult", "Extractor", "EXTRACTORS", "WorkerPool", "get_extractor",
           "run_extractor", "to_prediction"]

Progress = Callable[[int, int], None]


# --- named extractors ---------------------------------------------------------------------


def newscrawl_extractor(html: str, url: str | None) -> Prediction:
    from pipelines import extract

    # Some corpus pages have no known URL; the core requires one, an empty string says "unknown".
    return to_prediction(extract(html, url or ""))


def trafilatura_extractor(html: str, url: str | None) -> Prediction:
    import trafilatura

    body = trafilatura.extract(html, url=url)
    return Prediction(body=body, is_article=body is not None)


def trafilatura_precision_extractor(html: str, url: str | None) -> Prediction:
    import trafilatura

    body = trafilatura.extract(html, url=url, favor_precision=True, include_comments=False)
    return Prediction(body=body, is_article=body is not None)


EXTRACTORS: dict[str, Extractor] = {
    "newscrawl": newscrawl_extractor,
    "trafilatura": trafilatura_extractor,
    "trafilatura-precision": trafilatura_precision_extractor,
}


def get_extractor(name: str) -> Extractor:
    """The named extractor, its library imported now so that a missing one fails before the run."""
    if name not in EXTRACTORS:
        raise KeyError(f"unknown extractor {name!r} (known: {', '.join(EXTRACTORS)})")
    if name == "newscrawl":
        from pipelines import extract  # noqa: F401
    else:
        import trafilatura  # noqa: F401
    return EXTRACTORS[name]


# --- running ------------------------------------------------------------------------------------


class _PageTimeout(BaseException):
    """Raised by SIGALRM in the in-process runner (BaseException: extractor code catching Exception
    must not swallow it)."""


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def _raise(signum: int, frame: Any) -> None:
        raise _PageTimeout()

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run_in_process(pages: Sequence[Page], extractor: Extractor, timeout: float | None,
                    progress: Progress | None) -> list[Outcome]:
    outcomes = []
    for done, page in enumerate(pages, 1):
        start = time.perf_counter()
        try:
            with _alarm(timeout):
                status, prediction, error = extract_one(extractor, page.html_path, page.url)
        except _PageTimeout:
            status, prediction, error = "timeout", None, f"no result within {timeout:g} s"
        outcomes.append(Outcome(page.key, status, prediction, error, time.perf_counter() - start))
        if progress:
            progress(done, len(pages))
    return outcomes


def _run_in_workers(pages: Sequence[Page], extractor: Extractor, workers: int, timeout: float | None,
                    progress: Progress | None, start_method: str | None) -> list[Outcome]:
    pool = WorkerPool(extractor, min(workers, len(pages)), timeout, start_method)
    try:
        return pool.run(pages, progress)
    finally:
        pool.close()


def run_extractor(pages: Sequence[Page], extractor: Extractor, *, name: str = "extractor", workers: int = 1,
                  timeout: float | None = 10.0, progress: Progress | None = None,
                  start_method: str | None = None) -> RunResult:
    """Extract every page; outcomes come back in page order, whatever happened to each page."""
    start = time.perf_counter()
    if workers <= 1 or len(pages) <= 1:
        outcomes = _run_in_process(pages, extractor, timeout, progress)
        workers = 1
    else:
        outcomes = _run_in_workers(pages, extractor, workers, timeout, progress, start_method)
    return RunResult(extractor=name, outcomes=outcomes, wall_seconds=time.perf_counter() - start, workers=workers)

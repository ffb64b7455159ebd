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

import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from pipelines.evaluation.corpus import Page, read_html

__all__ = ["Prediction", "Outcome", "RunResult", "Extractor", "EXTRACTORS", "WorkerPool", "get_extractor",
           "run_extractor", "to_prediction"]

Extractor = Callable[[str, "str | None"], Any]
Progress = Callable[[int, int], None]


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


def _extract_one(extractor: Extractor, html_path: Path, url: str | None) -> tuple[str, Prediction | None, str | None]:
    try:
        return "ok", to_prediction(extractor(read_html(html_path), url)), None
    except Exception as exc:  # an extractor bug is a counted page failure, not the end of the run
        return "error", None, f"{type(exc).__name__}: {exc}"[:500]


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
                status, prediction, error = _extract_one(extractor, page.html_path, page.url)
        except _PageTimeout:
            status, prediction, error = "timeout", None, f"no result within {timeout:g} s"
        outcomes.append(Outcome(page.key, status, prediction, error, time.perf_counter() - start))
        if progress:
            progress(done, len(pages))
    return outcomes


def _worker_main(conn: Connection, extractor: Extractor) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        task = conn.recv()
        if task is None:
            return
        index, html_path, url = task
        start = time.perf_counter()
        status, prediction, error = _extract_one(extractor, html_path, url)
        conn.send((index, status, asdict(prediction) if prediction else None, error, time.perf_counter() - start))


class _Worker:
    def __init__(self, ctx: Any, extractor: Extractor) -> None:
        self.conn, child_conn = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child_conn, extractor), daemon=True)
        self.process.start()
        child_conn.close()  # so that the child's death reads as EOF here
        self.task: int | None = None
        self.started = 0.0

    def submit(self, index: int, page: Page) -> None:
        self.task, self.started = index, time.perf_counter()
        self.conn.send((index, page.html_path, page.url))

    def stop(self, kill: bool = False) -> None:
        if not kill and self.process.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                kill = True
            self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class WorkerPool:
    """Worker processes running one extractor, kept across batches of pages (see
    :mod:`pipelines.evaluation.side_by_side`).  A worker past the time limit is killed
    and replaced, a dead one is replaced: the page is recorded as ``timeout`` / ``crashed``."""

    def __init__(self, extractor: Extractor, workers: int, timeout: float | None,
                 start_method: str | None = None) -> None:
        if start_method is None:
            start_method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self.ctx = multiprocessing.get_context(start_method)
        self.extractor, self.timeout = extractor, timeout
        self.pool = [_Worker(self.ctx, extractor) for _ in range(workers)]

    def run(self, pages: Sequence[Page], progress: Progress | None = None) -> list[Outcome]:
        """Outcomes of ``pages``, in their order."""
        timeout, pool = self.timeout, self.pool
        outcomes: list[Outcome | None] = [None] * len(pages)
        queue = deque(range(len(pages)))
        done = 0

        def record(worker: _Worker, outcome: Outcome) -> None:
            nonlocal done
            assert worker.task is not None
            outcomes[worker.task] = outcome
            worker.task = None
            done += 1
            if progress:
                progress(done, len(pages))

        while done < len(pages):
            for worker in pool:
                if worker.task is None and queue:
                    index = queue.popleft()
                    worker.submit(index, pages[index])
            busy = [worker for worker in pool if worker.task is not None]
            wait_for = None
            if timeout:
                wait_for = max(0.0, min(worker.started + timeout for worker in busy) - time.perf_counter())
            ready = wait([worker.conn for worker in busy], wait_for)
            now = time.perf_counter()
            for slot, worker in enumerate(pool):
                if worker.task is None:
                    continue
                key = pages[worker.task].key
                if worker.conn in ready:
                    try:
                        index, status, prediction, error, seconds = worker.conn.recv()
                    except (EOFError, OSError):
                        exitcode = worker.process.exitcode
                        record(worker, Outcome(key, "crashed", None, f"worker died (exit code {exitcode})",
                                               now - worker.started))
                        worker.stop(kill=True)
                        pool[slot] = _Worker(self.ctx, self.extractor)
                        continue
                    record(worker, Outcome(key, status, Prediction(**prediction) if prediction else None,
                                           error, seconds))
                elif timeout and now - worker.started >= timeout:
                    record(worker, Outcome(key, "timeout", None, f"no result within {timeout:g} s",
                                           now - worker.started))
                    worker.stop(kill=True)
                    pool[slot] = _Worker(self.ctx, self.extractor)
        return [outcome for outcome in outcomes if outcome is not None]

    def close(self) -> None:
        for worker in self.pool:
            worker.stop(kill=worker.task is not None)


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

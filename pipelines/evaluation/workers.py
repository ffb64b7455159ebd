"""Worker processes for one extractor: each page goes to a child process; a child past the time
limit is killed and replaced, a child that dies is replaced, and the page is recorded as
``timeout`` / ``crashed``.  A pool is kept across batches of pages (see
:mod:`pipelines.evaluation.side_by_side`)."""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import asdict
from multiprocessing.connection import Connection, wait
from typing import Any

from pipelines.evaluation.corpus import Page
from pipelines.evaluation.outcomes import Extractor, Outcome, Prediction, extract_one

__all__ = ["WorkerPool"]

Progress = Callable[[int, int], None]


def _worker_main(conn: Connection, extractor: Extractor) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        task = conn.recv()
        if task is None:
            return
        index, html_path, url = task
        start = time.perf_counter()
        status, prediction, error = extract_one(extractor, html_path, url)
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

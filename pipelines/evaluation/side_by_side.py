"""Several extractors over the same pages, batch by batch in turn, so that their speeds compare.

Run one after the other, extractors meet different machines: on a shared 2-core host the
speed drifts by several percent within a minute, and whichever ran in the slower minute
lost (the same code measured 0.79x and 0.82x of trafilatura in two consecutive evals).  Here
each extractor keeps its own worker processes (no extractor runs in another's process,
whose caches and heap it would inherit), and the pages go in batches: every extractor
does a batch before the next batch starts, in alternating order (A B C, then C B A), so
slow and fast minutes are shared out alike.  An extractor's wall time is the sum of its
batches' times; per-page times are as before.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

from pipelines.evaluation.corpus import Page
from pipelines.evaluation.outcomes import Extractor, Outcome, RunResult
from pipelines.evaluation.runner import run_extractor
from pipelines.evaluation.workers import WorkerPool

__all__ = ["BATCH_PAGES", "run_side_by_side"]

#: Pages per batch: small enough that each extractor sees every few seconds of the
#: machine, large enough that a batch keeps all workers busy (the last pages of a batch
#: leave workers idle, as at the end of any run).
BATCH_PAGES = 64

Progress = Callable[[str, int, int], None]


def run_side_by_side(pages: Sequence[Page], extractors: Mapping[str, Extractor], *, workers: int = 1,
                     timeout: float | None = 10.0, batch: int = BATCH_PAGES,
                     progress: Progress | None = None) -> list[RunResult]:
    """One RunResult per extractor (in ``extractors`` order), outcomes in page order."""
    names = list(extractors)
    outcomes: dict[str, list[Outcome]] = {name: [] for name in names}
    seconds = dict.fromkeys(names, 0.0)
    in_process = workers <= 1 or len(pages) <= 1
    pools = {} if in_process else {name: WorkerPool(extractors[name], min(workers, len(pages)), timeout)
                                   for name in names}
    try:
        for number, start in enumerate(range(0, len(pages), max(1, batch))):
            chunk = pages[start:start + batch]
            for name in names if number % 2 == 0 else reversed(names):
                began = time.perf_counter()
                if in_process:
                    done = run_extractor(chunk, extractors[name], name=name, workers=1, timeout=timeout).outcomes
                else:
                    done = pools[name].run(chunk)
                seconds[name] += time.perf_counter() - began
                outcomes[name].extend(done)
                if progress:
                    progress(name, len(outcomes[name]), len(pages))
    finally:
        for pool in pools.values():
            pool.close()
    used = 1 if in_process else min(workers, len(pages))
    return [RunResult(extractor=name, outcomes=outcomes[name], wall_seconds=seconds[name], workers=used)
            for name in names]

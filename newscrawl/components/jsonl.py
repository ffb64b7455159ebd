"""Write articles as JSONL: one complete UTF-8 line per article, never a torn one.

Lines go to ``<final>.part`` with one ``os.write`` per line (a line is in the file
whole or not at all, even after ``kill -9``); on close the file is fsynced and
renamed into place, so a finished file is always complete.  A crashed run
leaves its ``.part`` file, whose complete lines are kept (see ``recover_part``).
"""

from __future__ import annotations

import json
import logging
import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro

from pipelines.schema import Article

logger = logging.getLogger(__name__)
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_component(name: str) -> str:
    """A path component that cannot climb out of the output root ('..', '/', NUL)."""
    cleaned = _SAFE.sub("_", name).strip("._") or "_"
    return cleaned[:100]


def output_path(root: Path, site: str, run_id: str, day: str) -> Path:
    path = (root / safe_component(site) / safe_component(day) / f"{safe_component(run_id)}.jsonl").resolve()
    if not path.is_relative_to(root.resolve()):
        raise ValueError(f"output path {path} escapes {root}")
    return path


class JsonlWriterPipeline:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.root = Path(settings.get("NEWSCRAWL_OUTPUT_DIR", "data/articles"))
        self.run_id = settings.get("NEWSCRAWL_RUN_ID") or datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        self.files: dict[str, tuple[int, Path]] = {}
        self.paths: list[Path] = []
        self.stopping = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JsonlWriterPipeline:
        return cls(crawler)

    def _fd(self, site: str) -> int:
        if site not in self.files:
            day = datetime.now(timezone.utc).strftime("%Y-%m-%d")
            final = output_path(self.root, site, self.run_id, day)
            final.parent.mkdir(parents=True, exist_ok=True)
            part = final.with_name(final.name + ".part")
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            self.files[site] = (fd, final)
        return self.files[site][0]

    def process_item(self, item: Any, spider=None) -> Any:  # type: ignore[no-untyped-def]
        if not isinstance(item, Article):
            return item
        line = (json.dumps(item.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        try:
            fd = self._fd(item.site or "unknown")
            written = os.write(fd, line)
            if written != len(line):
                raise OSError(f"short write ({written} of {len(line)} bytes)")
        except OSError as exc:
            self.stats.inc_value("newscrawl/jsonl/write_errors")
            self.stats.set_value("newscrawl/jsonl/fatal", str(exc))
            logger.error("cannot write output: %s; stopping the crawl", exc)
            if self.crawler.engine is not None and not self.stopping:
                self.stopping = True
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="output_error"))
            raise
        self.stats.inc_value("newscrawl/jsonl/written")
        return item

    def close_spider(self, spider=None) -> None:  # type: ignore[no-untyped-def]
        for fd, final in self.files.values():
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(final.with_name(final.name + ".part"), final)
            self.paths.append(final)
            logger.info("wrote %s", final)
        self.stats.set_value("newscrawl/jsonl/paths", [str(p) for p in self.paths])
        self.files.clear()

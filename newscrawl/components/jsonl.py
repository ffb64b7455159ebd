"""Write articles as JSONL: one complete UTF-8 line per article, never a torn one.

Layout: ``<root>/<site>/<YYYY-MM-DD>/<run-id>.jsonl`` (``.jsonl.gz`` with
``NEWSCRAWL_OUTPUT_GZIP``) plus ``<root>/<site>/latest.json`` naming the newest
file.  Site names, days and run ids are reduced to safe path components and the
result is checked to stay under the root.

Lines go to ``<final>.part`` with one ``os.write`` per line; a failed or short
write is cut back off, so the file holds whole lines only.  On close the file is
fsynced and moved into place (renamed, or gzipped then renamed), so a finished
file is always complete.  The writer holds an ``flock`` on its ``.part`` file:
a ``.part`` nobody holds is an orphan of a killed run, and :func:`recover_orphans`
finalises it (keeping its complete lines) before the next run writes.
"""

from __future__ import annotations

import errno
import fcntl
import gzip
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider
from scrapy.utils.defer import deferred_from_coro

from newscrawl.components.limits import NotNow
from pipelines.schema import Article

logger = logging.getLogger(__name__)
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_component(name: str) -> str:
    """A path component that cannot climb out of the output root ('..', '/', NUL)."""
    cleaned = _SAFE.sub("_", name).strip("._") or "_"
    return cleaned[:100]


def output_path(root: Path, site: str, run_id: str, day: str, gzip_output: bool = False) -> Path:
    suffix = ".jsonl.gz" if gzip_output else ".jsonl"
    path = (root / safe_component(site) / safe_component(day) / f"{safe_component(run_id)}{suffix}").resolve()
    if not path.is_relative_to(root.resolve()):
        raise ValueError(f"output path {path} escapes {root}")
    return path


def check_writable(directory: Path) -> None:
    """Create ``directory`` if needed and prove a file can be made in it (raises OSError)."""
    directory.mkdir(parents=True, exist_ok=True)
    probe = directory / f".probe-{os.getpid()}"
    os.close(os.open(probe, os.O_WRONLY | os.O_CREAT, 0o644))
    probe.unlink()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so a reader sees the old or the new content, never a mix."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def finalise(part: Path, final: Path) -> None:
    """Move a finished ``.part`` into place as ``final`` (gzipping when ``final`` ends in .gz)."""
    if final.suffix == ".gz":
        tmp = final.with_name(final.name + ".tmp")
        with open(part, "rb") as src, open(tmp, "wb") as raw:
            with gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as gz:
                while chunk := src.read(1 << 20):
                    gz.write(chunk)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, final)
        _fsync_dir(final.parent)
        part.unlink()  # a crash before this leaves a .part beside a complete final: recovery drops it
    else:
        os.replace(part, final)
        _fsync_dir(final.parent)


def update_latest(site_dir: Path, final: Path, run_id: str, lines: int) -> None:
    """Point ``<site>/latest.json`` at ``final`` unless it already names a newer run."""
    latest = site_dir / "latest.json"
    try:
        current = json.loads(latest.read_text(encoding="utf-8"))
        if str(current.get("run_id", "")) > run_id:
            return
    except (OSError, ValueError):
        pass
    record = {"run_id": run_id, "path": str(final.relative_to(site_dir)), "articles": lines,
              "updated_at": datetime.now(UTC).replace(microsecond=0).isoformat()}
    write_atomic(latest, (json.dumps(record, indent=1) + "\n").encode())


@dataclass
class Recovered:
    """An orphan ``.part`` file that was finalised, with its complete lines."""

    path: Path
    records: list[dict[str, Any]] = field(default_factory=list)
    dropped_bytes: int = 0


def complete_lines(data: bytes) -> tuple[list[dict[str, Any]], bytes]:
    """The records of the whole, valid JSON lines in ``data`` and those lines' bytes."""
    records, kept = [], []
    for line in data.splitlines(keepends=True):
        if not line.endswith(b"\n"):
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and record.get("url"):
            records.append(record)
            kept.append(line)
    return records, b"".join(kept)


def recover_orphans(root: Path, site: str) -> list[Recovered]:
    """Finalise the ``.part`` files of killed runs of ``site``, oldest run first."""
    site_dir = root / safe_component(site)
    recovered = []
    for part in sorted(site_dir.glob("*/*.part"), key=lambda p: p.name):
        fd = os.open(part, os.O_RDWR)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a live writer (another site process sharing the folder)
            final = part.with_name(part.name.removesuffix(".part"))
            if final.exists():
                part.unlink()  # the run had finished moving it into place
                continue
            data = os.pread(fd, os.fstat(fd).st_size, 0)
            records, kept = complete_lines(data)
            if len(kept) != len(data):
                os.ftruncate(fd, 0)
                os.pwrite(fd, kept, 0)
            os.fsync(fd)
            if not records:
                part.unlink()
                continue
            finalise(part, final)
            update_latest(site_dir, final, final.name.removesuffix(".gz").removesuffix(".jsonl"), len(records))
            recovered.append(Recovered(final, records, len(data) - len(kept)))
            logger.warning("recovered %d complete lines of a killed run into %s", len(records), final)
        finally:
            os.close(fd)
    return recovered


class JsonlWriterPipeline:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.root = Path(settings.get("NEWSCRAWL_OUTPUT_DIR", "data/articles"))
        self.gzip = settings.getbool("NEWSCRAWL_OUTPUT_GZIP", False)
        started = datetime.now(UTC)
        self.run_id = settings.get("NEWSCRAWL_RUN_ID") or started.strftime("%Y%m%dT%H%M%SZ")
        # The run's start day, so that one run writes one file per site even across midnight.
        self.day = started.strftime("%Y-%m-%d")
        self.files: dict[str, tuple[int, Path, int]] = {}
        self.paths: list[Path] = []
        self.stopping = False
        #: Called with each article right after its line is written (the state commit);
        #: when one raises, the line is taken back and the crawl stops.
        self.listeners: list[Callable[[Article], None]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JsonlWriterPipeline:
        return cls(crawler)

    def open_spider(self, spider=None) -> None:  # type: ignore[no-untyped-def]
        from newscrawl.components.run import RunContext

        context = self.crawler.get_extension(RunContext)
        if context is not None:
            self.run_id, self.day = context.run_id, context.day
        site = getattr(self.crawler.spider, "site_name", None) or "unknown"
        try:
            check_writable(self.root / safe_component(site))
        except OSError as exc:
            self.stats.set_value("newscrawl/jsonl/fatal", f"output folder not writable: {exc}")
            logger.error("output folder %s is not writable: %s", self.root, exc)
            raise CloseSpider("output_error") from None

    def _open(self, site: str) -> tuple[int, Path, int]:
        if site not in self.files:
            final = output_path(self.root, site, self.run_id, self.day, self.gzip)
            final.parent.mkdir(parents=True, exist_ok=True)
            part = final.with_name(final.name + ".part")
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)  # another writer holds this .part: the crawl stops (see process_item)
                raise
            self.files[site] = (fd, final, 0)
        return self.files[site]

    def process_item(self, item: Any, spider=None) -> Any:  # type: ignore[no-untyped-def]
        if not isinstance(item, Article):
            return item
        if self.stopping:
            raise NotNow(f"output_stopped: {item.url}", log_level="DEBUG")
        line = (json.dumps(item.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        site = item.site or "unknown"
        final: Path | None = None
        try:
            fd, final, count = self._open(site)
            size = os.fstat(fd).st_size
            try:
                written = self._write(fd, line)
                if written != len(line):
                    raise OSError(errno.EIO, f"short write ({written} of {len(line)} bytes)")
                for listener in self.listeners:
                    listener(item)
            except Exception:
                os.ftruncate(fd, size)  # no torn line, and no line the state does not know
                raise
        except Exception as exc:
            self._fatal(exc, final or self.root)
            # Not a judgement on the page: the URL stays unrecorded and is fetched again next run.
            raise NotNow(f"output_error: {item.url}", log_level="DEBUG") from None
        self.files[site] = (fd, final, count + 1)
        self.stats.inc_value("newscrawl/jsonl/written")
        return item

    def _write(self, fd: int, data: bytes) -> int:
        """One ``os.write``: the unit a kill cannot split (tests override it to simulate a full disk)."""
        return os.write(fd, data)

    def _fatal(self, exc: Exception, where: Path) -> None:
        message = f"cannot write {where}: {exc}"
        self.stats.inc_value("newscrawl/jsonl/write_errors")
        self.stats.set_value("newscrawl/jsonl/fatal", f"{message}; the lines written before are kept")
        logger.error("%s; stopping the crawl (the lines written before are kept)", message)
        if self.crawler.engine is not None and not self.stopping:
            self.stopping = True
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="output_error"))

    def close_spider(self, spider=None) -> None:  # type: ignore[no-untyped-def]
        for site, (fd, final, count) in self.files.items():
            part = final.with_name(final.name + ".part")
            try:
                os.fsync(fd)
                finalise(part, final)
                update_latest(final.parents[1], final, self.run_id, count)
            except OSError as exc:
                # The .part keeps every complete line; the next run recovers it.
                self.stats.set_value("newscrawl/jsonl/fatal", f"cannot finish {final}: {exc}")
                logger.error("cannot finish %s (%s); its lines stay in %s", final, exc, part)
                continue
            finally:
                os.close(fd)
            self.paths.append(final)
            logger.info("wrote %d articles of %s to %s", count, site, final)
        self.stats.set_value("newscrawl/jsonl/paths", [str(p) for p in self.paths])
        self.files.clear()

"""The embedded state backend: one SQLite file per site under ``NEWSCRAWL_STATE_DIR``.

WAL journal: a transaction committed before ``kill -9`` survives it (only a
power cut can lose the last ones with ``synchronous=NORMAL``, and the JSONL
recovery covers that too).  ``NEWSCRAWL_STATE_DIR = ":memory:"`` keeps state
for one process only (the demo command uses it so each demo run is complete).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import astuple, fields
from pathlib import Path
from typing import Any

from newscrawl.state.base import ArticleState, CrawlState, UrlState

_URL_COLUMNS = [f.name for f in fields(UrlState)]
_ARTICLE_COLUMNS = [f.name for f in fields(ArticleState)]

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS urls ({", ".join(c + (" TEXT PRIMARY KEY" if c == "url" else "") for c in _URL_COLUMNS)});
CREATE TABLE IF NOT EXISTS articles ({", ".join(c + (" TEXT PRIMARY KEY" if c == "key" else "") for c in _ARTICLE_COLUMNS)});
CREATE INDEX IF NOT EXISTS articles_hash ON articles(body_hash);
"""

#: Seen-marks are buffered and written in batches: they are hints, not outcomes.
_SEEN_BATCH = 500


class SqliteState(CrawlState):
    def __init__(self, path: str | Path, site: str) -> None:
        self.site = site
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
        except sqlite3.Error:
            self.db.close()  # "file is not a database" and the like
            raise
        self.seen: dict[str, str] = {}

    @classmethod
    def from_settings(cls, settings: Any, site: str) -> SqliteState:
        directory = settings.get("NEWSCRAWL_STATE_DIR", "data/state")
        return cls(":memory:" if directory == ":memory:" else Path(directory) / f"{site}.sqlite", site)

    def get_url(self, url: str) -> UrlState | None:
        row = self.db.execute(f"SELECT {', '.join(_URL_COLUMNS)} FROM urls WHERE url = ?", (url,)).fetchone()
        return UrlState(*row) if row else None

    def mark_seen(self, urls: Iterable[str], when: str) -> None:
        for url in urls:
            self.seen[url] = when
        if len(self.seen) >= _SEEN_BATCH:
            self._flush_seen()

    def _flush_seen(self) -> None:
        if not self.seen:
            return
        with self._transaction():
            self.db.executemany(
                "INSERT INTO urls (url, site, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET last_seen = excluded.last_seen",
                [(url, self.site, when, when) for url, when in self.seen.items()],
            )
        self.seen.clear()

    def _upsert_url(self, state: UrlState) -> None:
        seen = self.seen.pop(state.url, None) or state.last_fetch
        state.last_seen = max(filter(None, [state.last_seen, seen]), default=None)
        columns = [c for c in _URL_COLUMNS if c != "first_seen"]
        values = {c: getattr(state, c) for c in columns}
        self.db.execute(
            f"INSERT INTO urls ({', '.join(columns)}, first_seen) VALUES ({', '.join('?' * len(columns))}, ?) "
            f"ON CONFLICT(url) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in columns if c != 'url')}",
            [*values.values(), state.first_seen or state.last_seen],
        )

    def record_fetch(self, state: UrlState) -> None:
        with self._transaction():
            self._upsert_url(state)

    def record_written(self, state: UrlState, article: ArticleState) -> None:
        with self._transaction():
            self._upsert_url(state)
            self.db.execute(
                f"INSERT OR REPLACE INTO articles ({', '.join(_ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})",
                astuple(article),
            )

    def get_article(self, key: str) -> ArticleState | None:
        row = self.db.execute(f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE key = ?", (key,)).fetchone()
        return ArticleState(*row) if row else None

    def find_hash(self, body_hash: str) -> ArticleState | None:
        row = self.db.execute(
            f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE body_hash = ? LIMIT 1", (body_hash,)
        ).fetchone()
        return ArticleState(*row) if row else None

    def counts(self) -> dict[str, int]:
        urls = self.db.execute("SELECT COUNT(*), COUNT(last_fetch) FROM urls").fetchone()
        stories = self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        return {"urls_known": urls[0], "urls_fetched": urls[1], "articles_known": stories}

    def close(self) -> None:
        try:
            self._flush_seen()
        finally:
            self.db.close()

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")

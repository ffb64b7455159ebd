"""Loading an evaluation corpus: saved pages with their gold answers.

Two layouts are accepted:

* a corpus: ``<dir>/<source>/<id>.html[.gz]`` + ``<id>.json``, optionally ``<dir>/manifest.jsonl``
  (one JSON line per page with ``id``, ``source``, ``flags``...), like ``shared/corpus/dev``;
* a single source folder: ``<dir>/<id>.html[.gz]`` + ``<id>.json``; the folder name is the source.

Pages whose gold text is mostly not in the HTML (``flags.gold_in_page`` < 0.5: the text is rendered
by JavaScript, no HTML extractor can find it) are left out and counted as excluded; the flag is read
from the manifest and from the page's JSON, and either one can exclude the page.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Page", "Corpus", "load_corpus", "corpus_fingerprint", "GOLD_IN_PAGE_MIN"]

#: Below this share of gold lines present in the page's visible text, the page is not scorable.
GOLD_IN_PAGE_MIN = 0.5
_HTML_SUFFIXES = (".html.gz", ".html")


@dataclass(frozen=True)
class Page:
    """One corpus page: where its HTML is, and its gold answer (the ``<id>.json`` content)."""

    source: str
    id: str
    html_path: Path
    gold: dict[str, Any] = field(repr=False, compare=False)

    @property
    def key(self) -> str:
        return f"{self.source}/{self.id}"

    @property
    def url(self) -> str | None:
        return self.gold.get("url")

    @property
    def gold_kind(self) -> str | None:
        return self.gold.get("gold_kind")

    def read_html(self) -> str:
        return read_html(self.html_path)


@dataclass
class Corpus:
    root: Path
    pages: list[Page]
    #: Keys (``source/id``) left out because their gold text is not in the HTML.
    excluded: list[str]

    @property
    def sources(self) -> list[str]:
        return sorted({page.source for page in self.pages})

    def __iter__(self) -> Iterator[Page]:
        return iter(self.pages)

    def __len__(self) -> int:
        return len(self.pages)

    def all_keys(self) -> list[str]:
        """Every page of the corpus, excluded ones included (what the fingerprint is taken over)."""
        return sorted([page.key for page in self.pages] + self.excluded)


def read_html(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
    return data.decode("utf-8", errors="replace")


def corpus_fingerprint(keys: list[str]) -> str:
    """SHA-256 of the sorted page keys, one per line: changes when a page is added, removed or renamed."""
    return hashlib.sha256("\n".join(sorted(keys)).encode("utf-8")).hexdigest()


def _gold_in_page(flags: Any) -> float | None:
    if not isinstance(flags, dict):
        return None
    value = flags.get("gold_in_page")
    return float(value) if isinstance(value, (int, float)) else None


def _is_excluded(manifest_entry: dict[str, Any] | None, gold: dict[str, Any]) -> bool:
    shares = [_gold_in_page((manifest_entry or {}).get("flags")), _gold_in_page(gold.get("flags"))]
    return any(share is not None and share < GOLD_IN_PAGE_MIN for share in shares)


def _read_manifest(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    entries: dict[tuple[str, str], dict[str, Any]] = {}
    if not path.is_file():
        return entries
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                entry = json.loads(line)
                entries[(str(entry.get("source")), str(entry.get("id")))] = entry
    return entries


def _pages_in(folder: Path) -> Iterator[tuple[str, Path, Path]]:
    """(id, html path, json path) of the pages directly inside ``folder``; .html wins over .html.gz."""
    found: dict[str, Path] = {}
    for suffix in reversed(_HTML_SUFFIXES):
        for html_path in folder.glob("*" + suffix):
            found[html_path.name[: -len(suffix)]] = html_path
    for page_id in sorted(found):
        json_path = folder / f"{page_id}.json"
        if json_path.is_file():
            yield page_id, found[page_id], json_path


def _has_pages(folder: Path) -> bool:
    return any(True for _ in _pages_in(folder))


def load_corpus(root: str | Path, source: str | None = None) -> Corpus:
    """Load the corpus at ``root`` (either layout), optionally one ``source`` only; pages are sorted."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"corpus directory not found: {root}")
    manifest = _read_manifest(root / "manifest.jsonl")
    if _has_pages(root):
        folders = [(root.resolve().name, root)]
        # a source folder taken out of a corpus still finds the corpus manifest beside it
        manifest = manifest or _read_manifest(root.parent / "manifest.jsonl")
    else:
        folders = [(sub.name, sub) for sub in sorted(root.iterdir()) if sub.is_dir() and _has_pages(sub)]
    if source is not None:
        folders = [(name, folder) for name, folder in folders if name == source]
    pages: list[Page] = []
    excluded: list[str] = []
    for source_name, folder in folders:
        for page_id, html_path, json_path in _pages_in(folder):
            gold = json.loads(json_path.read_text(encoding="utf-8"))
            page = Page(source=source_name, id=page_id, html_path=html_path, gold=gold)
            if _is_excluded(manifest.get((source_name, page_id)), gold):
                excluded.append(page.key)
            else:
                pages.append(page)
    return Corpus(root=root, pages=pages, excluded=sorted(excluded))

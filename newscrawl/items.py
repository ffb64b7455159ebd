"""Items that travel through the Scrapy side.

The spider yields a :class:`FetchedPage` (raw HTML and fetch facts); the
extract component turns it into the output :class:`~pipelines.schema.Article`
(a pydantic model, which Scrapy handles through itemadapter).  The output
schema itself lives in the core (``pipelines/schema.py``) so that `extract`,
`eval` and tests use the very same type.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.schema import Article, Image, RelatedLink, Video

__all__ = ["Article", "Image", "RelatedLink", "Video", "FetchedPage"]


@dataclass
class FetchedPage:
    url: str
    body: bytes
    site: str
    status: int = 200
    encoding: str | None = None
    fetched_at: str | None = None
    #: What discovery said about the URL (sitemap lastmod, news title, feed date).
    discovery: dict[str, str | None] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

"""Last normalisation before validation: NFC everywhere, even in fields a site hint filled."""

from __future__ import annotations

import unicodedata
from typing import Any

from scrapy.crawler import Crawler

from pipelines.schema import Article


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    return value


class NormalisePipeline:
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalisePipeline:
        return cls()

    def process_item(self, item: Any, spider=None) -> Any:  # type: ignore[no-untyped-def]
        if not isinstance(item, Article):
            return item
        return Article.model_validate(_nfc(item.model_dump()))

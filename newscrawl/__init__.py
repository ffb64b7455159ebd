"""newscrawl: Scrapy project that crawls news sites into clean JSONL."""

__version__ = "0.1.0"

"""Scrapy middlewares for operations: incremental crawling, RFC 9309 robots.txt, Retry-After, outcome counts."""

"""Scrapy item pipelines: thin adapters over the extraction core (``pipelines``).

Order (see ``ITEM_PIPELINES`` in settings): extract -> normalise -> validate ->
dedup -> jsonl.  Each one is built ``from_crawler``, reads its ``NEWSCRAWL_*``
settings once and counts what it does under ``newscrawl/<component>/...`` stats.
"""

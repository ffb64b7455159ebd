"""Measuring extraction quality on a saved corpus: ``newscrawl eval`` and the CI quality gate.

Pure Python (no Scrapy): :mod:`.corpus` loads pages and gold answers, :mod:`.runner` runs an
extractor over them in worker processes, :mod:`.metrics` scores (same numbers as the corpus'
reference metric), :mod:`.report` summarises and :mod:`.gate` compares against pinned floors.
"""

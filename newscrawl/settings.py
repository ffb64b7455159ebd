"""Scrapy settings for newscrawl: the defaults layer.

Per-site overrides come from the site declaration (politeness), per-run ones
from the command line (``-s NAME=VALUE`` or the CLI's options).
"""

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"

# --- politeness -------------------------------------------------------------
# Identify ourselves with a contact URL; operators override it per deployment.
USER_AGENT = "newscrawl/0.1 (+https://github.com/newscrawl/newscrawl; news research crawler)"
ROBOTSTXT_OBEY = True
ROBOTSTXT_PARSER = "scrapy.robotstxt.ProtegoRobotParser"
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = 30
# Pages over 20 MB are not news articles; stop downloading them.
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# --- pipeline ---------------------------------------------------------------
ITEM_PIPELINES = {
    "newscrawl.components.extract.ExtractPipeline": 100,
    "newscrawl.components.normalise.NormalisePipeline": 200,
    "newscrawl.components.validate.ValidatePipeline": 300,
    "newscrawl.components.dedup.DedupPipeline": 400,
    "newscrawl.components.state.StatePipeline": 450,
    "newscrawl.components.limits.LimitsPipeline": 800,
    "newscrawl.components.jsonl.JsonlWriterPipeline": 900,
}
NEWSCRAWL_OUTPUT_DIR = "data/articles"
NEWSCRAWL_VALIDATE_MIN_WORDS = 30
NEWSCRAWL_DEDUP_ENABLED = True

NEWSCRAWL_OUTPUT_GZIP = False

# --- operations: state, limits, run report (docs/operations.md) --------------
EXTENSIONS = {
    "newscrawl.components.run.RunContext": 0,
    "newscrawl.report.RunReportExtension": 900,
}
SPIDER_MIDDLEWARES = {
    "newscrawl.middlewares.incremental.IncrementalSpiderMiddleware": 950,
}
DOWNLOADER_MIDDLEWARES = {
    # RFC 9309: an unreachable robots.txt (5xx, timeout) disallows the host for now.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawl.middlewares.robots.RobotsTxtMiddleware": 100,
    "newscrawl.middlewares.outcomes.OutcomeStatsMiddleware": 500,
    "newscrawl.middlewares.incremental.NotModifiedMiddleware": 520,
    "newscrawl.middlewares.retry_after.RetryAfterMiddleware": 560,
}
# Crawl state (newscrawl.state): one SQLite file per site; ":memory:" keeps it for one process.
NEWSCRAWL_STATE_ENABLED = True
NEWSCRAWL_STATE_BACKEND = "newscrawl.state.sqlite.SqliteState"
NEWSCRAWL_STATE_DIR = "data/state"
# One crawl per site at a time (a lock file in the state folder); the newscrawl runner takes it itself.
NEWSCRAWL_LOCK = True
# Skip a known URL whose sitemap lastmod / feed date is not newer than at its last fetch.
# False: revalidate it with a conditional GET instead (sites whose lastmod lags behind edits).
NEWSCRAWL_TRUST_DISCOVERY_DATES = True
NEWSCRAWL_RUN_ID = None
# Limits: write only stories published since this date; stop after this many written (0: no limit).
NEWSCRAWL_SINCE = None
NEWSCRAWL_MAX_ARTICLES = 0
# Most entries read from one sitemap file (streamed; the sitemaps.org limit is 50,000).
NEWSCRAWL_SITEMAP_MAX_ENTRIES = 50_000
# Run report: data/runs/<run-id>.json written when a crawl closes.
NEWSCRAWL_RUNS_DIR = "data/runs"
NEWSCRAWL_RUN_REPORT = True
# A robots.txt that answered 5xx or nothing is asked again after this many seconds.
NEWSCRAWL_ROBOTS_RETRY_AFTER = 600
# Longest Retry-After (seconds) honoured within a run; longer ones give up until the next run.
NEWSCRAWL_RETRY_AFTER_MAX = 300

# --- framework --------------------------------------------------------------
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

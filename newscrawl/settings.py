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
    "newscrawl.components.jsonl.JsonlWriterPipeline": 900,
}
NEWSCRAWL_OUTPUT_DIR = "data/articles"
NEWSCRAWL_VALIDATE_MIN_WORDS = 30
NEWSCRAWL_DEDUP_ENABLED = True

# --- framework --------------------------------------------------------------
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

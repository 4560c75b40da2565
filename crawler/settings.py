"""Scrapy settings for the `portal` spider: polite, bounded, resumable.

Every value here can be overridden per run from the CLI (``--concurrency``, ``--timeout``,
``--ignore-robots``); the ``GOVAUDIT_*`` settings are this project's own.
"""

from crawler import USER_AGENT as _USER_AGENT

BOT_NAME = "govaudit"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = _USER_AGENT
ROBOTSTXT_OBEY = True
TELNETCONSOLE_ENABLED = False
COOKIES_ENABLED = False
LOG_LEVEL = "WARNING"
LOG_FORMATTER = "crawler.extensions.QuietLogFormatter"

# Concurrency: per-host politeness. Each agency gets its own download slot per host (see the
# spider), so agencies sharing a host (集约化 platform) are crawled side by side.
CONCURRENT_REQUESTS = 64
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Scrapy starts this many asyncio tasks for every callback's output; a callback yields one item
# (the page's rows) and a few requests, so a handful is plenty (the default 100 costs ~25 % CPU).
CONCURRENT_ITEMS = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_MAX_DELAY = 10.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
DOWNLOAD_DELAY = 0

# Timeouts and retries: 15 s per request (指标2019), one retry for timeouts, 5xx and connection errors.
DOWNLOAD_TIMEOUT = 15
RETRY_ENABLED = True
RETRY_TIMES = 1
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408]
RETRY_GIVE_UP_LOG_LEVEL = "INFO"
HTTPERROR_ALLOW_ALL = True
REDIRECT_ENABLED = True
REDIRECT_MAX_TIMES = 10
METAREFRESH_ENABLED = True

# Scrapy's UrlLengthMiddleware would drop long URLs without a trace; here a URL over 2048 characters
# is never crawled (crawler.urls.trap_reason "url-too-long") but still checked once, so every link
# on a page has an outcome.
URLLENGTH_LIMIT = 0

# Certificates are verified like a browser would: a self-signed, expired or wrong-host certificate
# is a link a citizen cannot open (error class "tls", verdict broken), not a silent success.
DOWNLOAD_VERIFY_CERTIFICATES = True

# Never download big bodies: pages are capped; attachments/external links stop at the headers.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
# A body cut short of its Content-Length (connection reset mid-page) is a failed fetch ("reset",
# retried once), not a silently truncated page whose missing half would read as missing metadata.
DOWNLOAD_FAIL_ON_DATALOSS = True

# Breadth-first, so budgets cut the deep end of a portal, not a whole branch.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
DUPEFILTER_CLASS = "scrapy.dupefilters.BaseDupeFilter"

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.PrivateAddressGuard": 60,
    "crawler.middlewares.RetryAfterMiddleware": 540,
    "crawler.middlewares.ConditionalRequestMiddleware": 560,
    "crawler.archive_mw.WarcArchiveMiddleware": 950,
}
ITEM_PIPELINES = {"crawler.pipelines.StorePipeline": 300}
EXTENSIONS = {
    "crawler.extensions.CrawlProgress": 500,
    "scrapy.extensions.logstats.LogStats": None,
    "scrapy.extensions.throttle.AutoThrottle": None,
    "crawler.extensions.AutoThrottle": 0,
}

# This project's own settings.
GOVAUDIT_DB = ""
GOVAUDIT_RUN_ID = 0
GOVAUDIT_PROGRESS_INTERVAL = 5.0
GOVAUDIT_FLUSH_ROWS = 1000
GOVAUDIT_FLUSH_SECONDS = 2.0
GOVAUDIT_ALLOW_PRIVATE = False
GOVAUDIT_RETRY_AFTER_MAX = 60
GOVAUDIT_RETRY_BACKOFF = 1.0
GOVAUDIT_CONDITIONAL = True
# The WARC archive beside the store (<db>.warc/, crawler/archive_mw.py); --no-archive turns it off.
GOVAUDIT_ARCHIVE = True
GOVAUDIT_ARCHIVE_MAX_BYTES = 100 * 1024 * 1024

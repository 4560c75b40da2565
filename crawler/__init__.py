"""Crawl side of the audit: Scrapy spider, pipelines, store and page understanding."""

__version__ = "0.1.0"
TOOL_NAME = "govaudit"
USER_AGENT = f"{TOOL_NAME}/{__version__} (gov portal compliance checker; polite crawler)"

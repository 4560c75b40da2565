"""链接可用性: broken links on the home page and on every other crawled page."""

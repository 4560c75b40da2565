"""抓取覆盖: whether the crawl saw the whole portal (coverage facts from :mod:`crawler.coverage`)."""

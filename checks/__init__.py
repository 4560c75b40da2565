"""Rules that judge a stored crawl. Each family is one module; all register in ``checks.registry``."""

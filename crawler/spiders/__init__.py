"""Scrapy spiders: one ``portal`` spider crawls every agency of a run."""

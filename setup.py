"""Egg for Scrapyd: ``scrapyd-deploy`` builds it from here (see scrapy.cfg and README "Scrapyd")."""

from setuptools import find_packages, setup

setup(
    name="govaudit",
    version="0.1.0",
    packages=find_packages(include=["crawler", "crawler.*", "checks", "checks.*", "reports", "reports.*"]),
    package_data={"": ["*.yml", "*.yaml", "*.json", "*.html", "*.j2", "*.txt"]},
    entry_points={"scrapy": ["settings = crawler.settings"]},
)

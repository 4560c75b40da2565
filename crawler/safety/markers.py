"""Parked, gambling and porn page markers (外链变异), and registrable domains.

The markers are a data file, ``crawler/safety/data/hijack_markers.yml`` (versioned, with its
sources); :func:`judge` applies them to an external page's title and text. Registrable domains
come from the Public Suffix List snapshot bundled with ``tldextract`` (never fetched), so
``a.example.com.cn`` and ``b.example.com.cn`` are one site and ``example.org`` another.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

DATA_FILE = Path(__file__).resolve().parent / "data" / "hijack_markers.yml"
STRONG = "parked"


@lru_cache(maxsize=1)
def marker_list() -> dict:
    """The shipped marker file: ``version``, ``min_distinct``, ``categories``."""
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _extractor():
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registrable_domain(url_or_host: str) -> str:
    """``www.example.gov.cn`` → ``example.gov.cn``; an IP address or ``localhost`` stays itself."""
    host = url_or_host
    if "://" in url_or_host:
        host = urlsplit(url_or_host).hostname or ""
    host = host.lower().strip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    parts = _extractor()(host)
    if hasattr(parts, "top_domain_under_public_suffix"):
        return parts.top_domain_under_public_suffix or host
    return parts.registered_domain or host


@dataclass
class Verdict:
    """Why an external page counts as hijacked (``hijacked`` False: it does not)."""

    hijacked: bool
    category: str = ""
    label: str = ""
    markers: list[str] = field(default_factory=list)
    cross_domain: bool = False
    version: str = ""


def judge(title: str, text: str, link_domain: str, final_domain: str,
          markers: dict | None = None) -> Verdict:
    """Whether a page with this title and visible text is a parked / gambling / porn page.

    parked: one marker. gambling, porn: ``min_distinct`` different markers of the category, or
    one when the final host's registrable domain differs from the link's.
    """
    markers = markers or marker_list()
    haystack = f"{title}\n{text}".lower()
    cross = bool(link_domain and final_domain and link_domain != final_domain)
    need = int(markers.get("min_distinct") or 3)
    for category, spec in (markers.get("categories") or {}).items():
        seen = [m for m in spec.get("markers") or [] if str(m).lower() in haystack]
        if not seen:
            continue
        if category == STRONG or len(seen) >= need or cross:
            return Verdict(True, category, spec.get("label") or category, seen[:10], cross,
                           str(markers.get("version") or ""))
    return Verdict(False, version=str(markers.get("version") or ""))

"""URL facts the crawler needs: scope, attachments, special links, dedup keys and trap guards."""

from __future__ import annotations

import ipaddress
import posixpath
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

from crawler.agencies import origin_of
from crawler.vocabulary import ATTACHMENT_EXTENSIONS, RESOURCE_EXTENSIONS

SPECIAL_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "about:", "sms:", "weixin:")
FOLLOW_TAGS = frozenset({"a", "area", "iframe", "frame", "pagination", "redirect"})
SESSION_PARAMS = frozenset({"jsessionid", "sessionid", "sid", "phpsessid", "aspsessionid", "token"})
MAX_URL_LENGTH = 2048


def extension(url: str) -> str:
    """Lower-case file extension of the URL path ('' when none)."""
    path = urlsplit(url).path
    base = posixpath.basename(path)
    if "." not in base:
        return ""
    return base.rsplit(".", 1)[1].lower()


def is_special(url: str) -> bool:
    """Links that are never broken: javascript:, mailto:, tel:, pure #fragments, empty."""
    low = url.strip().lower()
    return not low or low.startswith("#") or low.startswith(SPECIAL_SCHEMES) or not (
        low.startswith("http://") or low.startswith("https://"))


def is_attachment(url: str) -> bool:
    return extension(url) in ATTACHMENT_EXTENSIONS


class Scope:
    """Whether a URL belongs to an agency: its origins (scheme, host and port) plus a path prefix."""

    def __init__(self, origins: list[str], path_prefix: str = ""):
        self.origins = frozenset(origins)
        self.path_prefix = path_prefix

    def contains(self, url: str) -> bool:
        try:
            origin = origin_of(url)
        except ValueError:
            return False
        if origin not in self.origins:
            return False
        return not self.path_prefix or urlsplit(url).path.startswith(self.path_prefix)

    def classify(self, url: str, tag: str) -> str:
        """``special`` | ``attachment`` | ``internal`` | ``external`` for a link target."""
        if is_special(url):
            return "special"
        if is_attachment(url):
            return "attachment"
        return "internal" if self.contains(url) else "external"


def should_follow(url: str, tag: str, scope_kind: str) -> bool:
    """Crawl (download and parse) only in-scope navigable HTML links; everything else is checked."""
    return (scope_kind == "internal" and tag in FOLLOW_TAGS
            and extension(url) not in RESOURCE_EXTENSIONS)


def dedup_key(url: str) -> str:
    """Key under which a URL is fetched once per agency: w3lib's ``canonicalize_url`` (percent-
    encoded as Scrapy sends it, sorted query, no fragment) without session ids, host lower-cased.

    So ``/中文/a.html`` and ``/%E4%B8%AD%E6%96%87/a.html``, ``a b`` and ``a%20b``, ``?b=1&a=2`` and
    ``?a=2&b=1`` are one fetch. Column keys (``checks.freshness.columns.column_key``) build on it.
    """
    try:
        url = canonicalize_url(url, keep_fragments=False)
    except (ValueError, UnicodeError):
        pass
    parts = urlsplit(url)
    path = re.sub(r";jsessionid=[^/?#]*", "", parts.path, flags=re.I)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in SESSION_PARAMS]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path or "/", urlencode(query), ""))


def trap_reason(url: str, depth: int, max_depth: int) -> str:
    """Why following ``url`` looks like a crawler trap ('' when it does not)."""
    if len(url) > MAX_URL_LENGTH:
        return "url-too-long"
    if depth > max_depth:
        return "too-deep"
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if len(segments) > 20:
        return "path-too-deep"
    if segments and max(segments.count(s) for s in segments) > 3:
        return "repeated-path-segment"
    return ""


def pattern_key(url: str) -> str:
    """The URL with digits in path and all query values blanked: counts URL families (?page=N …)."""
    parts = urlsplit(url)
    path = re.sub(r"\d+", "N", parts.path)
    keys = sorted(k for k, _ in parse_qsl(parts.query, keep_blank_values=True))
    return f"{parts.netloc}{path}?{'&'.join(keys)}"


PRIVATE_NETWORKS = [ipaddress.ip_network(n) for n in (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16",
    "100.64.0.0/10", "0.0.0.0/8", "::1/128", "fc00::/7", "fe80::/10", "::/128",
)]


def is_private_address(address: str) -> bool:
    """True for private, loopback, link-local, CGNAT and metadata addresses (IPv4 and IPv6)."""
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return any(ip in net for net in PRIVATE_NETWORKS)

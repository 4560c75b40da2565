"""Turn a fetch result (status, redirects, soft-404, or a download error) into a link verdict.

Verdicts: ``ok``; ``broken`` (counts against the agency); ``review`` (needs a person: 401, 403,
429, robots.txt, a page too large to read); ``skipped`` (not requested: a private address).
"""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from twisted.internet import defer, error
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

REVIEW_STATUSES = {401, 403, 429}


def error_class(failure) -> str:
    """A stable error class name for a Twisted failure from the downloader."""
    exc = failure.value
    name = type(exc).__name__
    text = str(exc)
    if name == "BlockedAddress":
        return "blocked-private"
    if isinstance(exc, IgnoreRequest):
        return "robots" if "robots" in text.lower() else "ignored"
    if isinstance(exc, (error.TimeoutError, defer.TimeoutError, TimeoutError)):
        return "timeout"
    if isinstance(exc, error.ConnectionRefusedError):
        return "refused"
    if isinstance(exc, error.DNSLookupError):
        return "dns"
    if isinstance(exc, defer.CancelledError) or "maxsize" in text.lower() or "max size" in text.lower():
        return "too-large"
    if isinstance(exc, (ResponseNeverReceived, ResponseFailed)):
        reasons = " ".join(repr(r.value) for r in getattr(exc, "reasons", []) or [])
        if "SSL" in reasons or "certificate" in reasons.lower() or "tls" in reasons.lower():
            return "tls"
        if isinstance(exc, ResponseNeverReceived):
            return "no-response"
        return "reset"
    if isinstance(exc, (error.ConnectionLost, error.ConnectionDone, ConnectionResetError)):
        return "reset"
    if "SSL" in name or "SSL" in text or "certificate" in text.lower():
        return "tls"
    if isinstance(exc, error.ConnectError):
        return "refused"
    return name.lower()


def http_verdict(status: int, redirected: bool, soft404: str = "") -> tuple[str, str]:
    """(verdict, reason) for an HTTP answer after redirects and retries."""
    if status in REVIEW_STATUSES:
        return "review", f"http-{status}"
    if status >= 400:
        kind = "4xx" if status < 500 else "5xx"
        return "broken", ("redirect-to-error" if redirected else kind)
    if soft404:
        return "broken", "soft-404"
    return "ok", ""


def failure_verdict(err: str) -> tuple[str, str]:
    """(verdict, reason) for a request that got no usable HTTP answer."""
    if err == "blocked-private":
        return "skipped", err
    if err in ("robots", "too-large", "ignored"):
        return "review", err
    return "broken", err

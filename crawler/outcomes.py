"""Turn a fetch result (status, redirects, soft-404, or a download error) into a link verdict.

Verdicts: ``ok``; ``broken`` (counts against the agency); ``review`` (needs a person: 401, 403,
429, robots.txt, a page too large to read); ``skipped`` (not requested: a private address).
Too many redirects (a loop, or a chain longer than ``REDIRECT_MAX_TIMES``) is ``broken``.
"""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from twisted.internet import defer, error
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from crawler.vocabulary import http_error

REVIEW_STATUSES = {401, 403, 429}


def _chain(exc: BaseException | None) -> list[BaseException]:
    """The exception and its causes: Scrapy ≥ 2.14 wraps Twisted errors (``raise … from e``)."""
    found: list[BaseException] = []
    while exc is not None and exc not in found and len(found) < 10:
        found.append(exc)
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    return found


def _classify_one(exc: BaseException) -> str:
    """Error class of one exception in a chain ('' when it says nothing specific)."""
    name = type(exc).__name__
    text = str(exc).lower()
    if name == "BlockedAddress":
        return "blocked-private"
    if "max size" in text or "maxsize" in text or "download_maxsize" in text:
        return "too-large"
    if "max redirections" in text:
        return "too-many-redirects"
    if isinstance(exc, IgnoreRequest):
        return "robots" if "robots" in text else ""
    if isinstance(exc, (DownloadTimeoutError, error.TimeoutError, defer.TimeoutError, TimeoutError)):
        return "timeout"
    if isinstance(exc, (DownloadConnectionRefusedError, error.ConnectionRefusedError)):
        return "refused"
    if isinstance(exc, (CannotResolveHostError, error.DNSLookupError)):
        return "dns"
    if isinstance(exc, (ResponseNeverReceived, ResponseFailed)):
        reasons = " ".join(repr(r.value) for r in getattr(exc, "reasons", []) or [])
        if "SSL" in reasons or "certificate" in reasons.lower() or "tls" in reasons.lower():
            return "tls"
        if isinstance(exc, ResponseNeverReceived):
            return "no-response"
        return "reset"
    if "SSL" in name or "ssl routines" in text or "certificate" in text:
        return "tls"
    if isinstance(exc, (error.ConnectionLost, error.ConnectionDone, ConnectionResetError)):
        return "reset"
    if isinstance(exc, error.ConnectError):
        return "refused"
    return ""


def error_class(failure) -> str:
    """A stable error class name for a Twisted failure from the downloader.

    Classes: ``blocked-private``, ``robots``, ``too-large`` (DOWNLOAD_MAXSIZE, also after gzip
    decompression), ``too-many-redirects`` (REDIRECT_MAX_TIMES, loops), ``timeout``, ``refused``,
    ``dns``, ``tls``, ``no-response`` (closed before any answer), ``reset`` (lost mid-answer),
    ``ignored`` (another IgnoreRequest); otherwise the exception's class name in lower case.
    Scrapy wraps Twisted's errors in its own (``DownloadFailedError`` from ``ResponseFailed`` …),
    so the whole ``__cause__`` chain is read, outermost first.
    """
    exc = failure.value if hasattr(failure, "value") else failure
    chain = _chain(exc)
    for item in chain:
        found = _classify_one(item)
        if found:
            return found
    if any(isinstance(item, DownloadCancelledError | defer.CancelledError) for item in chain):
        return "too-large"
    if isinstance(exc, IgnoreRequest):
        return "ignored"
    if isinstance(exc, (DownloadFailedError, ResponseDataLossError)):
        return "reset"
    return type(exc).__name__.lower()


def http_verdict(status: int, redirected: bool, soft404: str = "") -> tuple[str, str]:
    """(verdict, reason) for an HTTP answer after redirects and retries."""
    if status in REVIEW_STATUSES:
        return "review", http_error(status)
    if status >= 400:
        return "broken", ("redirect-to-error" if redirected else http_error(status))
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

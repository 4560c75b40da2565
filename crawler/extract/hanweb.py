"""Hanweb JCMS lists: inline ``<script type="text/xml">`` records and ``dataproxy.jsp`` paging POSTs.

Part of the list-page understanding described in :mod:`crawler.extract.lists`."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable
from urllib.parse import unquote, urlencode, urljoin

from lxml import etree

from crawler.extract.list_items import (
    HANWEB_GROUP_PAGES,
    MAX_PAGES,
    _datastore_texts,
    _record_items,
    _records_of,
)
from crawler.extract.pagination import _scripts, canonical_column_url

_HANWEB_KEYS = (
    "totalRecord",
    "totalrecord",
    "perPage",
    "perpage",
    "columnid",
    "unitid",
    "webid",
    "webname",
    "path",
    "sourceContentType",
    "permissiontype",
    "col",
    "appid",
    "proxyUrl",
    "url",
    "groupSize",
)

_HANWEB_PARAM = re.compile(
    r"""(?<![\w.])(""" + "|".join(_HANWEB_KEYS) + r""")\s*[:=]\s*(?:"([^"]*)"|'([^']*)'|([^\s,;&}'"<>)]+))"""
)

_DATAPROXY = re.compile(r"""[\w/.-]*dataproxy\.jsp""", re.IGNORECASE)

_POST_FIELDS = (
    "col",
    "appid",
    "webid",
    "path",
    "columnid",
    "sourceContentType",
    "unitid",
    "webname",
    "permissiontype",
)


def _hanweb_params(texts: Iterable[str]) -> dict[str, str]:
    """Paging parameters from nextgroup URLs and jpage set-up objects (first value of each key wins)."""
    params: dict[str, str] = {}
    for text in texts:
        for key, dq, sq, bare in _HANWEB_PARAM.findall(html_lib.unescape(text)):
            value = dq if dq else sq if sq else bare
            if key == "url" and "dataproxy" not in value:
                continue
            key = key.lower() if key.lower() in ("totalrecord", "perpage") else key
            params.setdefault(key, unquote(value))
        if (proxy := _DATAPROXY.search(text)) is not None:
            params.setdefault("proxyUrl", proxy.group(0))
    return params

def dataproxy_requests(tree: etree._Element, url: str, html: str) -> tuple[list[dict], list[dict]]:
    """Hanweb JCMS: (items inlined in ``<script type="text/xml">``, POSTs for the remaining records).

    Each request: ``{"url": …/dataproxy.jsp?startrecord=&endrecord=&perpage=, "method": "POST",
    "body": "col=1&appid=1&webid=…&path=/&columnid=…&sourceContentType=1&unitid=…&webname=…&permissiontype=0",
    "headers": {...}, "column_url": canonical column URL}``; three pages per request.
    """
    try:
        return _dataproxy_requests(tree, url, html or "")
    except Exception:  # noqa: BLE001 - contract: never raise on a crawled page
        return [], []

def _dataproxy_requests(tree: etree._Element, url: str, html: str) -> tuple[list[dict], list[dict]]:
    stores = _datastore_texts(tree) if tree is not None else []
    if not stores and "datastore" in html:
        stores = re.findall(r"<datastore.*?</datastore>", html, re.DOTALL | re.IGNORECASE)
    if not stores:
        return [], []
    records = [r for text in stores for r in _records_of(text)]
    items = _record_items(records, url, None)
    params = _hanweb_params(stores)
    params |= _hanweb_params(t for t in _scripts(tree, html) if "<datastore" not in t.lower())
    total = _int(params.get("totalrecord"))
    per_page = _int(params.get("perpage")) or 15
    column_id = params.get("columnid")
    if not total or not column_id or total <= len(records):
        return items, []
    proxy = params.get("proxyUrl") or "/module/web/jpage/dataproxy.jsp"
    proxy_url = urljoin(url, proxy.split("?", 1)[0])
    fields = {
        "col": "1",
        "appid": "1",
        "webid": "1",
        "path": "/",
        "sourceContentType": "1",
        "permissiontype": "0",
    }
    fields |= {key: params[key] for key in _POST_FIELDS if params.get(key)}
    fields["columnid"] = column_id
    body = urlencode([(key, fields[key]) for key in _POST_FIELDS if key in fields], safe="/")
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Requested-With": "XMLHttpRequest",
        "Referer": url,
    }
    column = canonical_column_url(url)
    step = per_page * HANWEB_GROUP_PAGES
    start = (len(records) or per_page) + 1
    requests = []
    while start <= total and len(requests) * HANWEB_GROUP_PAGES < MAX_PAGES:
        end = min(start + step - 1, total)
        query = urlencode({"startrecord": start, "endrecord": end, "perpage": per_page})
        requests.append(
            {
                "url": f"{proxy_url}?{query}",
                "method": "POST",
                "body": body,
                "headers": dict(headers),
                "column_url": column,
            }
        )
        start = end + 1
    return items, requests

def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0

def parse_dataproxy(text: str, url: str) -> dict:
    """A ``dataproxy.jsp`` answer → ``{"items": [...], "requests": []}`` (tolerant of broken XML)."""
    try:
        return {"items": _record_items(_records_of(text or ""), url, None), "requests": []}
    except Exception:  # noqa: BLE001 - contract: never raise on a crawled answer
        return {"items": [], "requests": []}

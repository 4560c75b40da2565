"""``cli.py inspect``: what page understanding sees on one page, as JSON.

Examples::

    cli.py inspect saved/detail.html --url http://www.example.gov.cn/art/2024/3/5/art_1_2.html
    cli.py inspect http://www.example.gov.cn/col/col12/index.html
    cli.py inspect home.html --home

A saved file is decoded like a crawled body (declared charset, else detection: GBK pages saved
without a charset still read right). Its URL, for resolving links, is ``--url``, else the
``<!-- saved from url=(NNNN)… -->`` mark browsers write, else the file's own ``file://`` URL.
An ``http(s)://`` argument is fetched once (the probes' HTTP client, 15 s, our User-Agent).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from commands.cliutil import InputError
from crawler.extract import analyze, decode_html
from crawler.probe import fetch
from crawler.safety.inspect import inspect_safety
from crawler.safety.privacy import mask_numbers

FETCH_TIMEOUT = 15
MAX_FETCH_BYTES = 20 * 1024 * 1024
_SAVED_FROM = re.compile(rb"saved from url=\(\d+\)\s*(https?://[^\s>]+?)\s*(?:--|>)", re.I)


def _fetch(url: str) -> tuple[bytes, str | None, str, int]:
    """(body, Content-Type, final URL, status) of one GET, through the probes' HTTP client; an
    error page is still a page to inspect."""
    result = fetch(url, FETCH_TIMEOUT, max_body=MAX_FETCH_BYTES, keep_body=True)
    if result["status"] is None:
        raise InputError(f"cannot fetch {url}: {result['error']}")
    return result["body"], result["content_type"], result["final_url"], result["status"]


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"is a directory, not a page: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None


def inspect_page(target: str, url: str | None = None, is_home: bool = False) -> dict:
    """PageFacts of a saved file or a fetched URL, plus where it came from and how it decoded."""
    status = None
    if re.match(r"https?://", target, re.I):
        body, content_type, final_url, status = _fetch(target)
        page_url = url or final_url
    else:
        body, content_type = _read(target), None
        saved = _SAVED_FROM.search(body[:4096])
        page_url = url or (saved.group(1).decode("ascii", "replace") if saved
                           else Path(target).resolve().as_uri())
    text, encoding = decode_html(body, content_type)
    facts = analyze(text, page_url, is_home=is_home, explain=True)
    column = facts.get("column") or {}
    head = {"url": page_url, "encoding": encoding, "bytes": len(body)}
    if status is not None:
        head["status"] = status
    head.update(column_type=column.get("column_type"), type_source=column.get("type_source"))
    return {**head, **facts, "safety": inspect_safety(text, page_url)}


@click.command("inspect")
@click.argument("target", metavar="PATH_OR_URL")
@click.option("--url", "url", default=None, metavar="URL",
              help="The page's own URL, to resolve its links (default: the browser's 'saved from' "
                   "mark, else the file's file:// URL).")
@click.option("--home", "is_home", is_flag=True, default=False,
              help="Treat the page as an agency's home page (kind 'home').")
def inspect(target: str, url: str | None, is_home: bool) -> None:
    """Show what page understanding sees on one page: title, kind, soft-404, meta tags, footer
    ids, document metadata, column and its type, list items, pagination, links — as JSON; and
    under "explain", for every document field and footer id, each candidate value seen, which one
    was chosen and why (label, header-row table, title line, signature, byline, meta fallback);
    under "safety", what the content-safety detectors see (personal numbers, masked; wording
    errors; hidden links; parked/gambling markers). Full ID and mobile numbers are never printed.

    Example: cli.py inspect saved/page.html --url http://www.example.gov.cn/col/col1/index.html
    """
    # never print a full ID or mobile number, whatever part of the page it sits in
    click.echo(mask_numbers(json.dumps(inspect_page(target, url, is_home), ensure_ascii=False, indent=2)))


COMMANDS = [inspect]

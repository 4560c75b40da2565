"""What each content-safety detector sees on one page (the ``safety`` part of ``cli.py inspect``)."""

from __future__ import annotations

from dataclasses import asdict

from crawler.agencies import origin_of
from crawler.extract.page import parse_html
from crawler.safety.hidden import hidden_links
from crawler.safety.markers import judge, registrable_domain
from crawler.safety.privacy import summarize
from crawler.safety.text import visible_blocks
from crawler.safety.wording import builtin_list, find_wording


def _origin(url: str) -> str:
    try:
        return origin_of(url)
    except ValueError:
        return ""


def inspect_safety(html: str, page_url: str) -> dict:
    """Privacy hits (masked), wording errors (shipped list), hidden links to other origins, and the
    parked/gambling/porn markers the page itself carries (as if it were an external link target)."""
    root = parse_html(html or "")
    if root is None:
        return {"privacy": {}, "wording": [], "hidden_links": [], "markers": None, "text_chars": 0}
    blocks = visible_blocks(root)
    own = _origin(page_url)
    hidden = hidden_links(root, page_url, lambda url: _origin(url) != own)
    version, pairs = builtin_list()
    wording = [asdict(hit) for block in blocks for hit in find_wording(block.text, pairs, block.where)]
    title = next((b.text for b in blocks if b.where == "标题"), "")
    domain = registrable_domain(page_url) if "://" in page_url else ""
    verdict = judge(title, "\n".join(b.text for b in blocks), domain, domain)
    return {"privacy": summarize(blocks), "wording": wording, "wording_list_version": version,
            "hidden_links": hidden, "markers": asdict(verdict),
            "text_chars": sum(len(b.text) for b in blocks)}

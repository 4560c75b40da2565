"""An independent oracle for the realistic portal: which pages can a visitor reach, from the files alone?

A plain breadth-first walk from each agency's home page over the generated files, answering URLs the
way ``portal_server.py`` does (``_server.json``: redirects, the directory index file, Hanweb
``dataproxy.jsp`` records). It follows ``href``/``src`` attributes, TRS ``createPageHTML(n, i, name,
ext)`` series and Hanweb datastores, and stays on the agency's origin. It imports **no project code**
(only the standard library), so it cannot share the crawler's mistakes; the truth file's page list
must equal what it finds.

Usage: python bench/oracle.py [bench/work/realistic]   (exit 1 when it disagrees with truth.json)
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

HREF = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"'#]+)["']""", re.I)
CREATE_PAGE = re.compile(r"""createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["'](\w+)["']\s*,\s*["'](\w+)["']""")
COLUMN_ID = re.compile(r"columnid\s*:\s*'(\d+)'")
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S | re.I)
PAGE_EXTENSIONS = ("", "html", "htm", "shtml")
ERROR_PAGE = "您访问的页面不存在"


def extension(path: str) -> str:
    leaf = path.rsplit("/", 1)[-1]
    return leaf.rsplit(".", 1)[1].lower() if "." in leaf else ""


def resolve(root: Path, config: dict, path: str) -> str | None:
    """The file (as ``/path``) that answers ``path`` with 200 after redirects, or None."""
    for _ in range(10):
        if path in config.get("redirects", {}):
            path = urlsplit(config["redirects"][path]).path
            continue
        break
    leaf = path + config.get("index", "index.html") if path.endswith("/") else path
    return leaf if (root / leaf.lstrip("/")).is_file() else None


def read(root: Path, config: dict, leaf: str) -> str:
    return (root / leaf.lstrip("/")).read_bytes().decode(config.get("encoding", "utf-8"), "replace")


def links_of(text: str, url: str, config: dict) -> list[str]:
    """Every URL a visitor's browser would offer on the page (links, JS pager, Hanweb records)."""
    found = [urljoin(url, html.unescape(h)) for h in HREF.findall(SCRIPT.sub(" ", text))]
    for count, _current, name, ext in CREATE_PAGE.findall(text):
        found += [urljoin(url, f"{name}.{ext}" if k == 0 else f"{name}_{k}.{ext}")
                  for k in range(int(count))]
    for column in COLUMN_ID.findall(text):
        for record in config.get("dataproxy", {}).get(column, []):
            found += [urljoin(url, html.unescape(h)) for h in HREF.findall(record)]
    return found


def reachable(root: Path, home: str) -> set[str]:
    """Files of every HTML page reachable from ``home`` (error pages left out)."""
    config = json.loads((root / "_server.json").read_text(encoding="utf-8"))
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(home))
    seen_urls = {home}
    pages: set[str] = set()
    queue = deque([home])
    while queue:
        url = queue.popleft()
        leaf = resolve(root, config, urlsplit(url).path)
        if leaf is None or extension(leaf) not in PAGE_EXTENSIONS:
            continue
        text = read(root, config, leaf)
        if ERROR_PAGE in text:
            continue
        if leaf in pages:
            continue
        pages.add(leaf)
        for target in links_of(text, url, config):
            target = target.split("#", 1)[0]
            parts = urlsplit(target)
            if f"{parts.scheme}://{parts.netloc}" != origin or target in seen_urls:
                continue
            if extension(parts.path) not in PAGE_EXTENSIONS:
                continue
            seen_urls.add(target)
            queue.append(target)
    return pages


def check(work: Path) -> dict[str, dict]:
    """Per agency: pages in the truth, pages the oracle reaches, and the differences."""
    truth = json.loads((work / "truth.json").read_text(encoding="utf-8"))
    result = {}
    for agency in truth["agencies"]:
        found = reachable(work / "sites" / agency["id"], agency["url"])
        expected = set(agency["pages"])
        result[agency["id"]] = {"truth": len(expected), "oracle": len(found),
                                "only_truth": sorted(expected - found)[:20],
                                "only_oracle": sorted(found - expected)[:20]}
    return result


def main(argv: list[str]) -> int:
    work = Path(argv[0]) if argv else Path(__file__).resolve().parent / "work" / "realistic"
    result = check(work)
    agree = True
    for agency, row in result.items():
        same = not row["only_truth"] and not row["only_oracle"]
        agree &= same
        print(f"{agency}: truth {row['truth']} pages, oracle {row['oracle']} — "
              f"{'agree' if same else 'DISAGREE ' + json.dumps(row, ensure_ascii=False)}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

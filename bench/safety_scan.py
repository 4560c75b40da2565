"""Cost of the content-safety scan: attachments (seconds and MB per 1,000) and pages (ms each).

    .venv/bin/python bench/safety_scan.py              # 1,000 attachments, corpus pages × 20
    .venv/bin/python bench/safety_scan.py --count 200  # quicker
    .venv/bin/python bench/safety_scan.py --crawl 1000 # also: a real crawl of 1,000 attachments, scan on/off

Attachments are made here (the generators the tests use): a mix of xlsx 名单 (200 rows), csv
(200 rows, GBK), docx (30 paragraphs and a 50-row table), a 5-page text PDF, a Word 97 .doc, a
3-page OFD — each carrying ID and mobile numbers — in equal shares. Each is read exactly as the
crawler reads a downloaded attachment (signature → reader → privacy summary), in this process,
one after another; the figures are CPU-bound work on one core. Pages: the real pages of
``../shared/corpus`` and ``tests/corpus/pages`` through the crawler's per-page safety pass (parse,
visible blocks, privacy, hidden links, masked compressed text). ``--crawl N``: a local portal
(tests/faultserver.py, 127.0.0.1) with N of those attachments linked from pages of 50 links,
crawled by ``cli.py crawl`` twice — with the scan (default cap) and with ``--attachment-max-mb 0``
(headers-only checks) — wall and CPU of the crawl process tree, and the bytes the server sent.
Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.extract import decode_html  # noqa: E402
from crawler.extract.page import parse_html  # noqa: E402
from crawler.safety.attachments import extract_blocks  # noqa: E402
from crawler.safety.fetch import compress  # noqa: E402
from crawler.safety.hidden import hidden_links  # noqa: E402
from crawler.safety.privacy import summarize  # noqa: E402
from crawler.safety.text import visible_blocks  # noqa: E402
from tests.safetyfiles import (docx_bytes, make_id, ofd_bytes, pdf_bytes, word97_bytes,  # noqa: E402
                               xlsx_bytes)

CORPORA = (ROOT / ".." / "shared" / "corpus", ROOT / "tests" / "corpus" / "pages")


def person(n: int) -> tuple[str, str]:
    first17 = f"340103{1960 + n % 40}{1 + n % 12:02d}{1 + n % 28:02d}{n % 1000:03d}"
    return make_id(first17), f"139{n % 100000000:08d}"


def samples() -> dict[str, bytes]:
    rows = [person(n) for n in range(200)]
    return {
        "xlsx": xlsx_bytes([["序号", "姓名", "身份证号", "手机"]]
                           + [[n, f"姓名{n}", i, int(m)] for n, (i, m) in enumerate(rows)]),
        "csv": ("序号,姓名,身份证号,手机\n"
                + "".join(f"{n},姓名{n},{i},{m}\n" for n, (i, m) in enumerate(rows))).encode("gbk"),
        "docx": docx_bytes([f"第{n}段 公示内容 申请人身份证号 {rows[n][0]}" for n in range(30)],
                           [["姓名", "身份证号"]] + [[f"姓名{n}", rows[n][0]] for n in range(50)]),
        "pdf": pdf_bytes([[f"No {p * 40 + k} ID {rows[(p * 40 + k) % 200][0]} Tel {rows[k][1]}"
                           for k in range(40)] for p in range(5)]),
        "doc": word97_bytes("\r".join(f"第{n}行 身份证 {rows[n][0]}" for n in range(100))),
        "ofd": ofd_bytes([[f"身份证号 {rows[p * 30 + k][0]}" for k in range(30)] for p in range(3)]),
    }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_attachments(count: int) -> list[list]:
    files = samples()
    kinds = list(files)
    per_kind = {k: [0, 0.0, 0] for k in kinds}  # files, seconds, numbers found
    total_bytes = 0
    started = time.perf_counter()
    cpu_started = time.process_time()
    for n in range(count):
        ext = kinds[n % len(kinds)]
        body = files[ext]
        t0 = time.perf_counter()
        status, _, blocks = extract_blocks(body, ext)
        found = summarize(blocks)
        per_kind[ext][1] += time.perf_counter() - t0
        per_kind[ext][0] += 1
        per_kind[ext][2] += sum(f["numbers"] for f in found.values())
        assert status == "scanned", (ext, status)
        total_bytes += len(body)
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    rows = [[ext, per_kind[ext][0], round(len(files[ext]) / 1024, 1),
             round(per_kind[ext][1] / per_kind[ext][0] * 1000, 1),
             round(per_kind[ext][1] / per_kind[ext][0] * 1000, 1) * 1, per_kind[ext][2] // per_kind[ext][0]]
            for ext in kinds]
    rows.append(["all (mix)", count, round(total_bytes / count / 1024, 1), round(wall / count * 1000, 1),
                 f"{wall / count * 1000:.1f} s / 1,000 · {total_bytes / count:.0f} B → "
                 f"{total_bytes / count * 1000 / 1e6:.1f} MB / 1,000 · CPU {cpu:.1f} s", ""])
    return rows


def bench_pages(repeat: int) -> dict[str, float]:
    """CPU seconds of the safety pass and, for scale, of the crawler's own page analysis."""
    from crawler.extract import analyze

    pages = []
    for path in sorted(p for corpus in CORPORA for p in corpus.glob("*.htm*")):
        text, _ = decode_html(path.read_bytes(), None)
        pages.append(text)
    started = time.process_time()
    for _ in range(repeat):
        for html in pages:
            root = parse_html(html)
            if root is None:
                continue
            hidden_links(root, "http://www.example.org/", lambda url: "example.org" not in url)
            blocks = visible_blocks(root)
            masked: list[str] = []
            summarize(blocks, masked=masked)
            compress("\n".join(masked))
    safety = time.process_time() - started
    started = time.process_time()
    for _ in range(repeat):
        for html in pages:
            analyze(html, "http://www.example.org/a.html")
    return {"pages": len(pages) * repeat, "distinct": len(pages), "safety": safety,
            "analyze": time.process_time() - started}


def bench_crawl(count: int) -> list[list]:
    """Wall/CPU seconds and MB sent for crawling ``count`` attachments with and without the scan."""
    import subprocess
    import tempfile

    from tests.faultserver import serve
    from tests.safetyportal import FilesHandler

    files = samples()
    kinds = list(files)
    site: dict[str, tuple[str, bytes]] = {}
    pages = []
    for start in range(0, count, 50):
        links = "".join(f'<li><a href="/f/{n}.{kinds[n % len(kinds)]}">附件{n}</a></li>'
                        for n in range(start, min(count, start + 50)))
        path = f"/list{start // 50}.html"
        pages.append(path)
        site[path] = ("text/html; charset=utf-8", f"<html><body><ul>{links}</ul></body></html>".encode())
    for n in range(count):
        ext = kinds[n % len(kinds)]
        site[f"/f/{n}.{ext}"] = ("application/octet-stream", files[ext])
    index = "".join(f'<a href="{p}">列表</a>' for p in pages)
    site["/"] = ("text/html; charset=utf-8", f"<html><body>{index}</body></html>".encode())
    handler = type("BenchSite", (FilesHandler,), {"FILES": site, "REDIRECTS": {}})
    rows = []
    with serve(handler) as served, tempfile.TemporaryDirectory() as tmp:
        agencies = Path(tmp) / "agencies.yml"
        agencies.write_text(f"- id: b\n  name: 基准\n  url: {served.base_url}/\n", encoding="utf-8")
        modes = (("scan on (20 MB cap)", []),
                 ("scan off (--attachment-max-mb 0)", ["--attachment-max-mb", "0"]))
        for label, extra in modes:
            sent_before = served.total_bytes()
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "cli.py"), "crawl", "--agencies", str(agencies),
                            "--db", str(Path(tmp) / f"{len(rows)}.db"), "--workers", "1", "--quiet",
                            "--concurrency", "8", *extra], check=True, cwd=ROOT, capture_output=True)
            wall = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
            sent = (served.total_bytes() - sent_before) / 1e6
            rows.append([label, count, round(wall, 1), round(cpu, 1), round(sent, 1),
                         round(wall / count * 1000, 1), round(sent / count * 1000, 1)])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="attachments to scan (default 1000)")
    parser.add_argument("--page-repeat", type=int, default=20, help="passes over the corpus pages")
    parser.add_argument("--crawl", type=int, default=0, metavar="N",
                        help="also crawl N attachments from a local portal, scan on and off")
    args = parser.parse_args()
    rows = bench_attachments(args.count)
    print("| type | files | size KB | ms per file | | numbers per file |")
    print("| --- | ---: | ---: | ---: | --- | ---: |")
    for row in rows:
        print("| " + " | ".join(str(v) for v in row) + " |")
    pages = bench_pages(args.page_repeat)
    n = pages["pages"]
    print(f"\npages: {pages['distinct']} real pages × {args.page_repeat}; "
          f"safety pass {pages['safety'] / n * 1000:.2f} ms CPU per page "
          f"(page analysis for comparison: {pages['analyze'] / n * 1000:.2f} ms)")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    if args.crawl:
        print("\n| crawl | attachments | wall s | CPU s | MB sent | s per 1,000 | MB per 1,000 |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for row in bench_crawl(args.crawl):
            print("| " + " | ".join(str(v) for v in row) + " |")


if __name__ == "__main__":
    main()

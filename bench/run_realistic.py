"""Audit the realistic portal end to end and score the audit against the truth file.

Generates the portal (:mod:`realistic`) on free loopback ports, checks it with the independent oracle,
serves it (:mod:`portal_server`), runs ``cli.py run`` under ``/usr/bin/time -v`` and compares:

* **coverage** — pages the crawl recorded (as the files that answer them) against every page of the
  truth; pages it reached that the truth does not know are reported too;
* **findings** — ``(rule, url, source)`` of every finding against the planted ones: precision and recall.

Usage: python bench/run_realistic.py [--pages 5100] [--agencies 4] [--work DIR] [--workers N]
Prints one JSON object (also written to ``DIR/result.json``).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import oracle  # noqa: E402
import portal_server  # noqa: E402
import realistic  # noqa: E402

AS_OF = "2026-11-27"


def free_ports(n: int) -> list[int]:
    """``n`` distinct free loopback ports (bound once to learn them, then released)."""
    socks = []
    try:
        for _ in range(n):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            socks.append(sock)
        return [s.getsockname()[1] for s in socks]
    finally:
        for sock in socks:
            sock.close()


def crawled_files(db: Path, truth: dict) -> dict[str, set[str]]:
    """Per agency, the files (``/path``) of the pages the crawl recorded as real pages."""
    conn = sqlite3.connect(db)
    try:
        out: dict[str, set[str]] = {}
        for agency in truth["agencies"]:
            files = set()
            for (final_url,) in conn.execute(
                    "select final_url from pages where agency = ? and status = 200 and soft404 = 0 "
                    "and error = '' and kind not in ('alias', 'binary')", [agency["id"]]):
                path = urlsplit(final_url).path
                files.add(path + agency["index"] if path.endswith("/") else path)
            out[agency["id"]] = files
        return out
    finally:
        conn.close()


def found_findings(db: Path, unmodelled: tuple[str, ...] = ()) -> tuple[set[tuple], dict[str, int]]:
    """(agency, rule, url, source) of every finding of a modelled family; counts of the others."""
    conn = sqlite3.connect(db)
    try:
        found, other = set(), {}
        for agency, rule, url, source, family in conn.execute(
                "select agency, rule, url, source, family from findings"):
            if family in unmodelled:
                other[rule] = other.get(rule, 0) + 1
            else:
                found.add((agency, rule, url, source))
        return found, other
    finally:
        conn.close()


def evaluate(db: Path, truth: dict) -> dict:
    """Coverage and findings precision/recall of a checked run against the truth."""
    crawled = crawled_files(db, truth)
    expected = {(a["id"], e["rule"], e["url"], e["source"]) for a in truth["agencies"] for e in a["expected"]}
    found, unmodelled = found_findings(db, tuple(truth.get("unmodelled_families") or ()))
    per_agency = {}
    for agency in truth["agencies"]:
        pages = set(agency["pages"])
        got = crawled[agency["id"]]
        per_agency[agency["id"]] = {
            "style": agency["style"], "pages": len(pages), "fetched": len(pages & got),
            "coverage": round(100 * len(pages & got) / max(1, len(pages)), 2),
            "missed": sorted(pages - got)[:10], "unknown": sorted(got - pages)[:10]}
    hits = expected & found
    return {
        "pages": sum(a["pages"] for a in per_agency.values()),
        "fetched": sum(a["fetched"] for a in per_agency.values()),
        "coverage": round(100 * sum(a["fetched"] for a in per_agency.values())
                          / max(1, sum(a["pages"] for a in per_agency.values())), 2),
        "agencies": per_agency,
        "planted": len(expected), "findings": len(found), "true_positives": len(hits),
        "precision": round(100 * len(hits) / max(1, len(found)), 2),
        "recall": round(100 * len(hits) / max(1, len(expected)), 2),
        "missed_findings": sorted(expected - found)[:20],
        "unexpected_findings": sorted(found - expected)[:20],
        "unmodelled_findings": unmodelled,
    }


def time_v(stderr: str) -> dict:
    """Wall, CPU and peak RSS from ``/usr/bin/time -v`` output."""
    def grab(label: str) -> str:
        m = re.search(rf"{re.escape(label)}:\s*(.+)", stderr)
        return m.group(1).strip() if m else ""
    wall = grab("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")] if wall else [0.0]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    user, system = float(grab("User time (seconds)") or 0), float(grab("System time (seconds)") or 0)
    return {"wall_s": round(seconds, 1), "cpu_s": round(user + system, 1),
            "peak_rss_mb": round(int(grab("Maximum resident set size (kbytes)") or 0) / 1024, 1)}


def run(work: Path, pages: int, agencies: int, workers: int, extra: list[str] | None = None) -> dict:
    """Generate, verify with the oracle, serve, audit, evaluate."""
    ports = free_ports(agencies + 2)
    truth = realistic.generate(work, pages, ports[:agencies], ports[agencies], ports[agencies + 1])
    agreement = oracle.check(work)
    db = work / "audit.db"
    for stale in work.glob("audit.db*"):
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    names = {a["id"]: a["port"] for a in truth["agencies"]} | {"external": truth["external_port"]}
    command = [sys.executable, "cli.py", "run", "--agencies", str(work / "agencies.yml"), "--db", str(db),
               "--as-of", AS_OF, "--out", str(work / "report"), "--quiet", "--workers", str(workers),
               *(extra or [])]
    timer = ["/usr/bin/time", "-v"] if Path("/usr/bin/time").exists() else []
    with portal_server.serve_portals(work / "sites", names):
        started = time.perf_counter()
        proc = subprocess.run(timer + command, cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - started
    result = {"command": " ".join(["python", *command[1:]]), "rc": proc.returncode,
              "oracle_agrees": all(not r["only_truth"] and not r["only_oracle"] for r in agreement.values()),
              "oracle": {k: {"truth": v["truth"], "oracle": v["oracle"]} for k, v in agreement.items()},
              "wall_s": round(wall, 1), **(time_v(proc.stderr) if timer else {}),
              **evaluate(db, truth)}
    if proc.returncode not in (0, 1):
        result["stderr"] = proc.stderr[-3000:]
    result["stdout_tail"] = proc.stdout.splitlines()[-8:]
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5100, help="HTML pages per agency (about)")
    parser.add_argument("--agencies", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", default=str(BENCH / "work" / "realistic"))
    args = parser.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    result = run(work, args.pages, args.agencies, args.workers)
    (work / "result.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return result


if __name__ == "__main__":
    main()

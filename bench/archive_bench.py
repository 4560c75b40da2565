"""What the WARC archive costs: size on disk and crawl overhead, with and without ``--no-archive``.

Two portals: the bundled demo (``demo/``, served by ``demo.server``) and a generated bench portal
(``bench/generate.py`` as it is, served by nginx on 127.0.0.1). For each: a crawl with
``--no-archive``, a crawl with the archive (fresh store), and a conditional re-crawl into the same
store (304 answers and identical payloads become revisit records), then ``report`` (which writes a
snapshot per finding). Wall time with ``time.perf_counter``, CPU (user+sys) and peak RSS of the
crawl's process tree from ``getrusage(RUSAGE_CHILDREN)``.

Usage: python bench/archive_bench.py [--agencies 2] [--pages 2500] [--repeat 2]
Writes bench/work/archive/results.json and prints a Markdown table for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "work" / "archive"
BASE_PORT = 18581


def cli(*args: str) -> dict:
    """Run ``cli.py`` and measure it (wall, CPU of the whole process tree, peak RSS)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=3600)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"cli {args[0]} exited {proc.returncode}: {proc.stderr[-2000:]}")
    return {"wall_s": round(wall, 2),
            "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
            "peak_rss_mb": round(after.ru_maxrss / 1024, 1)}


def reset(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    for suffix in (".jobs", ".warc"):
        shutil.rmtree(str(db) + suffix, ignore_errors=True)


def archive_stats(db: Path, run_id: int) -> dict:
    folder = Path(str(db) + ".warc")
    files = sorted(folder.glob("*.warc.gz")) if folder.exists() else []
    conn = sqlite3.connect(db)
    try:
        rows = dict(conn.execute("select record_type, count(*) from archive_records where run_id = ? "
                                 "group by record_type", [run_id]).fetchall())
        fetched = conn.execute("select coalesce(sum(bytes), 0) from pages where run_id = ?",
                               [run_id]).fetchone()[0]
        payload = conn.execute("select coalesce(sum(bytes), 0) from archive_payloads").fetchone()[0]
        pages = conn.execute("select count(*) from pages where run_id = ?", [run_id]).fetchone()[0]
    finally:
        conn.close()
    return {"files": len(files), "archive_bytes": sum(f.stat().st_size for f in files),
            "responses": rows.get("response", 0), "revisits": rows.get("revisit", 0),
            "page_bytes_fetched": fetched, "payload_bytes_archived": payload, "pages": pages,
            "db_bytes": db.stat().st_size}


def best(runs: list[dict]) -> dict:
    """The fastest of repeated runs (least disturbed by the other work on a shared machine)."""
    return min(runs, key=lambda r: r["wall_s"])


def measure_portal(name: str, agencies: Path, as_of: str, repeat: int, timeout: str) -> dict:
    db = WORK / f"{name}.db"
    common = ["--agencies", str(agencies), "--db", str(db), "--as-of", as_of, "--quiet", "--timeout", timeout]
    plain, archived = [], []
    for _ in range(repeat):
        reset(db)
        plain.append(cli("crawl", *common, "--no-archive"))
        reset(db)
        archived.append(cli("crawl", *common))
    first = archive_stats(db, 1)
    recrawl = cli("crawl", *common)
    second = archive_stats(db, 2)
    cli("check", "--db", str(db), "--run", "1")
    report = cli("report", "--db", str(db), "--run", "1", "--out", str(WORK / f"{name}-report"))
    snapshots = len(list((WORK / f"{name}-report" / "evidence").glob("*.html")))
    plain_best, archived_best = best(plain), best(archived)
    return {"plain": plain_best, "archived": archived_best, "recrawl": recrawl, "report": report,
            "snapshots": snapshots, "archive_run1": first, "archive_after_recrawl": second,
            "all_plain": plain, "all_archived": archived,
            "cpu_overhead_pct": round(100 * (archived_best["cpu_s"] / plain_best["cpu_s"] - 1), 1),
            "wall_overhead_pct": round(100 * (archived_best["wall_s"] / plain_best["wall_s"] - 1), 1)}


def nginx_config(truth: dict, sites: Path, folder: Path) -> Path:
    servers = [(a["port"], sites / a["id"]) for a in truth["agencies"]]
    servers.append((truth["external_port"], sites / "external"))
    blocks = "\n".join(f"  server {{ listen 127.0.0.1:{port}; root {root}; "
                       f"index index.html index.shtml index.htm home.htm; }}" for port, root in servers)
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / "tmp" / sub).mkdir(parents=True, exist_ok=True)
    tmp = folder / "tmp"
    conf = folder / "nginx.conf"
    conf.write_text(f"""worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log error;
events {{ worker_connections 1024; }}
http {{
  include /etc/nginx/mime.types; default_type application/octet-stream; charset utf-8;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  access_log off; sendfile on; keepalive_timeout 65; etag on;
{blocks}
}}
""", encoding="utf-8")
    return conf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agencies", type=int, default=2)
    parser.add_argument("--pages", type=int, default=2500, help="HTML pages per agency")
    parser.add_argument("--repeat", type=int, default=2, help="crawls per setting (the fastest counts)")
    parser.add_argument("--skip-demo", action="store_true")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": {"nproc": os.cpu_count(), "python": sys.version.split()[0]}, "portals": {}}
    sys.path.insert(0, str(ROOT))
    if not args.skip_demo:
        from demo.server import DEMO_AS_OF, serve_demo
        with serve_demo() as portal:
            results["portals"]["demo"] = measure_portal("demo", Path(portal.agencies_file), DEMO_AS_OF,
                                                        args.repeat, "2")
    sys.path.insert(0, str(BENCH))
    import generate  # noqa: E402  (bench/generate.py, used as it is)
    # generate.py writes into bench/work (its --out does not move every file yet)
    truth = generate.main(["--agencies", str(args.agencies), "--pages", str(args.pages),
                           "--base-port", str(BASE_PORT)])
    portal = BENCH / "work"
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    folder = WORK / "nginx"
    folder.mkdir(parents=True, exist_ok=True)
    conf = nginx_config(truth, portal / "sites", folder)
    server = subprocess.Popen([nginx, "-p", str(folder), "-c", str(conf), "-g", "daemon off;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        html_pages = sum(a["html_pages"] for a in truth["agencies"])
        results["portals"]["bench"] = measure_portal("bench", portal / "agencies.yml", "2026-11-27",
                                                     args.repeat, "5")
        results["portals"]["bench"]["html_pages"] = html_pages
    finally:
        server.terminate()
        server.wait(timeout=10)
    (WORK / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(results))
    return 0


def table(results: dict) -> str:
    lines = ["| portal | pages | crawl --no-archive wall / CPU s | crawl with archive wall / CPU s "
             "| CPU overhead | archive MB (run 1) | HTML fetched MB | responses / revisits (run 1) "
             "| re-crawl: archive grows by MB (revisits) | report with snapshots s (snapshots) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in results["portals"].items():
        a1, a2 = r["archive_run1"], r["archive_after_recrawl"]
        lines.append(
            f"| {name} | {a1['pages']:,} | {r['plain']['wall_s']} / {r['plain']['cpu_s']} | "
            f"{r['archived']['wall_s']} / {r['archived']['cpu_s']} | {r['cpu_overhead_pct']:+.1f} % | "
            f"{a1['archive_bytes'] / 1e6:.2f} | {a1['page_bytes_fetched'] / 1e6:.2f} | "
            f"{a1['responses']:,} / {a1['revisits']:,} | "
            f"{(a2['archive_bytes'] - a1['archive_bytes']) / 1e6:.2f} ({a2['revisits']:,}) | "
            f"{r['report']['wall_s']} ({r['snapshots']}) |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())

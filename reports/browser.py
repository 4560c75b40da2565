"""Headless Chromium (Debian's ``chromium``) for PNG snapshots and report screenshots.

Always started with a fresh profile folder and every background service off, so it makes no
network requests of its own; the pages it opens are local files.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
         "--hide-scrollbars"]


def find_chromium() -> str | None:
    """The Chromium binary, or None when no browser is installed."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def run_chromium(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run headless Chromium with ``args`` in a new temporary profile."""
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    with tempfile.TemporaryDirectory(prefix="govaudit-chromium-") as profile:
        return subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout, check=False)


def screenshot(page: Path, png: Path, width: int = 1280, height: int = 1600) -> Path:
    """Render ``page`` (a local HTML file) to ``png``; raises RuntimeError when Chromium fails."""
    result = run_chromium(f"--window-size={width},{height}", f"--screenshot={png}", page.resolve().as_uri())
    if result.returncode != 0 or not png.exists():
        raise RuntimeError(f"chromium failed ({result.returncode}): {result.stderr.strip()[-300:]}")
    return png

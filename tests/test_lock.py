"""RunLock: two runs on one database never overlap; a lock held for us by flock(1) is ours."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.lock import LockBusy, RunLock, holder_pid, lock_path_for

pytestmark = pytest.mark.timeout(60)
ROOT = Path(__file__).resolve().parents[1]
HOLD = ("import sys, time\nfrom crawler.lock import RunLock\n"
        "with RunLock(sys.argv[1]) as lock:\n"
        "    print('inherited' if lock.inherited else 'locked', flush=True)\n"
        "    time.sleep(float(sys.argv[2]))\n")
needs_flock = pytest.mark.skipif(shutil.which("flock") is None, reason="flock(1) not installed")


def holder(db: Path, seconds: float = 30) -> subprocess.Popen:
    """A child process holding the lock; returns once it has it."""
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    return child


def test_lock_file_is_next_to_the_database(tmp_path) -> None:
    assert lock_path_for(tmp_path / "audit.db") == tmp_path / "audit.db.lock"


def test_two_runlocks_exclude_each_other_and_release(tmp_path) -> None:
    db = tmp_path / "audit.db"
    with RunLock(db) as first:
        assert not first.inherited
        with pytest.raises(LockBusy) as busy:
            RunLock(db).acquire()
        assert busy.value.pid == os.getpid()
        assert f"in use by pid {os.getpid()}" in str(busy.value)
    with RunLock(db):                                   # released: free again
        pass


def test_another_process_holding_the_lock_is_named(tmp_path) -> None:
    db = tmp_path / "audit.db"
    child = holder(db)
    try:
        with pytest.raises(LockBusy) as busy:
            RunLock(db).acquire()
        assert busy.value.pid == child.pid
        assert holder_pid(lock_path_for(db)) == child.pid
    finally:
        child.kill()
        child.wait()
    with RunLock(db):                                   # a killed holder leaves no stale lock
        pass


def test_two_processes_at_once_only_one_runs(tmp_path) -> None:
    db = tmp_path / "audit.db"
    children = [subprocess.Popen([sys.executable, "-c", HOLD, str(db), "2"], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
    results = [child.communicate(timeout=30) for child in children]
    codes = sorted(child.returncode for child in children)
    assert codes == [0, 1]
    assert sum("LockBusy" in err for _out, err in results) == 1


@needs_flock
def test_lock_held_by_a_flock_wrapper_around_us_is_ours(tmp_path) -> None:
    db = tmp_path / "audit.db"
    out = subprocess.run(["flock", "-n", str(lock_path_for(db)), sys.executable, "-c", HOLD,
                          str(db), "0"], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "inherited"


@needs_flock
def test_flock_wrapper_of_someone_else_blocks_us_and_is_named(tmp_path) -> None:
    db = tmp_path / "audit.db"
    lock = lock_path_for(db)
    wrapper = subprocess.Popen(["flock", "-n", str(lock), "sleep", "30"])
    try:
        deadline = time.monotonic() + 10
        while holder_pid(lock) != wrapper.pid and time.monotonic() < deadline:
            time.sleep(0.05)
        with pytest.raises(LockBusy) as busy:
            RunLock(db).acquire()
        if Path("/proc/locks").exists():
            assert busy.value.pid == wrapper.pid
    finally:
        wrapper.kill()
        wrapper.wait()


@needs_flock
def test_scheduled_flock_skips_while_a_run_holds_the_lock(tmp_path) -> None:
    db = tmp_path / "audit.db"
    with RunLock(db):
        out = subprocess.run(["flock", "-n", "-E", "75", str(lock_path_for(db)), "true"],
                             timeout=30)
    assert out.returncode == 75

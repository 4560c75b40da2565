"""One run per database at a time: an advisory ``flock`` on ``<db>.lock``.

``cli.py run``/``crawl`` hold :class:`RunLock` for their whole duration, so two runs on one
database never overlap (a cron job that starts while last month's round is still crawling fails
fast instead of interleaving two runs). The lock is the same kind ``flock(1)`` takes, on the same
file, so the scheduled commands printed by ``cli.py schedule`` (``flock -n <db>.lock …``) and the
in-process lock exclude each other.

A lock held by one of our *ancestor* processes counts as ours: ``flock -n db.lock python cli.py
run`` (the wrapper holds the lock, its child runs) and a ``run`` that spawns crawler worker
processes both work. On Linux the holder is read from ``/proc/locks``; elsewhere from the pid
the holder wrote into the lock file. The lock dies with its process: no stale lock after a crash
or ``kill -9``.

Example::

    with RunLock("audit.db"):
        ...            # crawl; LockBusy("… in use by pid 4242 …") if another run holds it
"""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path
from typing import Self


class LockBusy(RuntimeError):
    """Another process holds the database's run lock; ``pid`` is that process, if known."""

    def __init__(self, lock_path: Path, pid: int | None):
        self.lock_path = lock_path
        self.pid = pid
        holder = f"pid {pid}" if pid else "another process (pid unknown)"
        super().__init__(f"database is in use by {holder}: lock {lock_path} is held; "
                         f"wait for that run to finish or stop it")


def lock_path_for(db_path: str | Path) -> Path:
    """The lock file of a database: ``<db>.lock`` next to it (absolute)."""
    return Path(os.path.abspath(db_path) + ".lock")


class RunLock:
    """Context manager: exclusive, non-blocking ``flock`` on ``<db>.lock``.

    ``inherited`` is true when an ancestor process (e.g. ``flock(1)``) already holds the lock on
    our behalf; then nothing is taken and nothing is released.
    """

    def __init__(self, db_path: str | Path):
        self.path = lock_path_for(db_path)
        self.inherited = False
        self._fd: int | None = None

    def acquire(self) -> Self:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                raise
            pid = holder_pid(self.path)
            if pid is not None and pid in _ancestors():
                self.inherited = True
                return self
            raise LockBusy(self.path, pid) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> Self:
        return self.acquire()

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def holder_pid(lock_path: str | Path) -> int | None:
    """The pid holding the flock on ``lock_path``: from ``/proc/locks``, else the file's pid."""
    try:
        st = os.stat(lock_path)
    except OSError:
        return None
    try:
        with open("/proc/locks") as locks:
            for line in locks:
                parts = line.split()
                # "1: FLOCK  ADVISORY  WRITE 4242 08:01:1234 0 EOF" (blocked waiters have "->")
                if len(parts) < 6 or parts[1] != "FLOCK" or parts[2] == "->":
                    continue
                ident = parts[5].split(":")
                if len(ident) == 3 and int(ident[2]) == st.st_ino \
                        and int(ident[0], 16) == os.major(st.st_dev) \
                        and int(ident[1], 16) == os.minor(st.st_dev):
                    return int(parts[4])
    except (OSError, ValueError):
        pass
    try:
        text = Path(lock_path).read_text().strip()
        return int(text) if text.isdigit() else None
    except OSError:
        return None


def _ancestors() -> set[int]:
    """Pids of this process's parent, grandparent, … (Linux ``/proc``; else just the parent)."""
    found: set[int] = set()
    pid = os.getppid()
    while pid > 1 and pid not in found:
        found.add(pid)
        try:
            with open(f"/proc/{pid}/stat") as stat:
                # pid (comm) state ppid …; comm may contain spaces and parentheses
                pid = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
    return found

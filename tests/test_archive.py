"""The WARC archive (crawler/archive.py): records readable with plain warcio, revisits by payload
digest across runs, rotation, and a half-written record cut off when the archive is next opened."""

from __future__ import annotations

import fcntl
import os

from warcio.archiveiterator import ArchiveIterator

from crawler.archive import Exchange, WarcArchive, archive_dir, complete_length, payload_digest, read_record
from crawler.store import Store

PAGE = "<html><head><meta charset='utf-8'><title>通知公告</title></head><body>示例</body></html>".encode()


def exchange(uri: str, body: bytes = PAGE, status: int = 200, method: str = "GET") -> Exchange:
    return Exchange(uri=uri, method=method, request_headers=[("User-Agent", "govaudit-test")],
                    request_body=b"", status=status,
                    response_headers=[("Content-Type", "text/html; charset=utf-8"),
                                      ("Transfer-Encoding", "chunked")],
                    body=body)


def records_at(path, offset):
    with open(path, "rb") as handle:
        handle.seek(offset)
        record = next(iter(ArchiveIterator(handle)))
        return (record.rec_type, record.rec_headers.get_header("WARC-Target-URI"),
                record.http_headers.get_statuscode() if record.http_headers else None,
                record.rec_headers.get_header("WARC-Payload-Digest"), record.content_stream().read())


def every_record(path):
    with open(path, "rb") as handle:
        return [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(handle)]


def test_records_open_with_plain_warcio_at_their_offset(tmp_path):
    store = Store(tmp_path / "a.db")
    archive = WarcArchive(archive_dir(tmp_path / "a.db"), store)
    first = archive.write(exchange("https://www.example.org/tzgg/index.html"))
    missing = archive.write(exchange("https://www.example.org/old.htm", b"not found", 404))
    head = archive.write(exchange("https://www.example.org/a.pdf", b"", 200, "HEAD"))
    archive.close()
    folder = tmp_path / "a.db.warc"
    assert first.file.endswith(".warc.gz") and (folder / first.file).exists()
    kind, uri, status, digest, body = records_at(folder / first.file, first.offset)
    assert (kind, uri, status, body) == ("response", "https://www.example.org/tzgg/index.html", "200", PAGE)
    assert digest == payload_digest(PAGE) == first.digest
    assert records_at(folder / missing.file, missing.offset)[:3] == ("response", "https://www.example.org/old.htm",
                                                                     "404")
    assert records_at(folder / head.file, head.offset)[4] == b""
    # request records follow their responses; the file starts with a warcinfo record
    kinds = every_record(folder / first.file)
    assert kinds[0][0] == "warcinfo" and kinds.count(("request", "https://www.example.org/old.htm")) == 1
    # the client already removed chunked framing, so the header is kept under another name
    with open(folder / first.file, "rb") as handle:
        handle.seek(first.offset)
        headers = next(iter(ArchiveIterator(handle))).http_headers
        assert headers.get_header("Transfer-Encoding") is None
        assert headers.get_header("X-Archive-Orig-Transfer-Encoding") == "chunked"


def test_same_payload_is_a_revisit_in_this_and_later_runs(tmp_path):
    db = tmp_path / "a.db"
    store = Store(db)
    archive = WarcArchive(archive_dir(db), store)
    original = archive.write(exchange("https://www.example.org/a.html"))
    again = archive.write(exchange("https://www.example.org/a.html?from=nav"))
    archive.close()
    later = WarcArchive(archive_dir(db), store)      # next month's crawl, same store
    next_run = later.write(exchange("https://www.example.org/a.html"))
    changed = later.write(exchange("https://www.example.org/a.html", PAGE + b"<!-- new -->"))
    later.close()
    folder = archive_dir(db)
    assert (original.record_type, again.record_type, next_run.record_type, changed.record_type) == (
        "response", "revisit", "revisit", "response")
    assert next_run.file != original.file and (next_run.payload_file, next_run.payload_offset) == (
        original.file, original.offset)
    kind, uri, status, _, _ = records_at(folder / next_run.file, next_run.offset)
    assert (kind, uri, status) == ("revisit", "https://www.example.org/a.html", "200")
    read = read_record(folder / next_run.file, next_run.offset, folder / next_run.payload_file,
                       next_run.payload_offset)
    assert read.record_type == "revisit" and read.body == PAGE
    assert store.db["archive_payloads"].count == 2


def test_files_rotate(tmp_path):
    store = Store(tmp_path / "a.db")
    archive = WarcArchive(tmp_path / "a.db.warc", store, max_bytes=2000)
    written = [archive.write(exchange(f"https://www.example.org/{i}.html", os.urandom(900)))
               for i in range(6)]
    archive.close()
    assert len({r.file for r in written}) >= 3
    for record in written:
        assert records_at(tmp_path / "a.db.warc" / record.file, record.offset)[0] == "response"


def test_partial_record_left_by_a_kill_is_truncated_on_open(tmp_path):
    db = tmp_path / "a.db"
    store = Store(db)
    archive = WarcArchive(archive_dir(db), store)
    kept = archive.write(exchange("https://www.example.org/kept.html"))
    path = archive.directory / archive.name
    good_size = path.stat().st_size
    # what kill -9 in the middle of the one write() of the next pair would leave: its first bytes
    scratch = WarcArchive(tmp_path / "scratch", Store(tmp_path / "scratch.db"))
    lost = scratch.write(exchange("https://www.example.org/lost.html", os.urandom(5000)))
    whole = (scratch.directory / scratch.name).read_bytes()[lost.offset:]
    os.close(archive.fd)          # the killed writer: no clean close, no registry entry
    archive.fd = None
    with path.open("ab") as handle:
        handle.write(whole[: len(whole) // 2])
    assert complete_length(path) == good_size < path.stat().st_size

    reopened = WarcArchive(archive_dir(db), store)   # the next crawl
    assert reopened.repaired == [(path.name, len(whole) // 2)]
    assert path.stat().st_size == good_size
    assert ("response", "https://www.example.org/kept.html") in every_record(path)
    assert records_at(path, kept.offset)[4] == PAGE
    reopened.close()


def test_a_file_another_writer_holds_is_never_repaired(tmp_path):
    db = tmp_path / "a.db"
    store = Store(db)
    live = WarcArchive(archive_dir(db), store)
    live.write(exchange("https://www.example.org/x.html"))
    path = live.directory / live.name
    with path.open("ab") as handle:     # looks like a partial tail, but its writer is alive
        handle.write(b"\x1f\x8b\x08\x00")
    size = path.stat().st_size
    other = WarcArchive(archive_dir(db), store)
    assert other.repaired == [] and path.stat().st_size == size
    fd = os.open(path, os.O_RDONLY)
    try:                                   # the live writer's lock is still there
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            locked = False
        except BlockingIOError:
            locked = True
    finally:
        os.close(fd)
    assert locked
    live.close()
    other.close()

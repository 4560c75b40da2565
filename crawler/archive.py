"""The WARC archive beside the store: what every server answered, readable with plain ``warcio``.

Layout: ``<db>.warc/`` holds rotating files ``govaudit-<utc time>-<pid>-<n>.warc.gz`` (a writer
never appends to a file it did not create); each
request/response pair is written as two WARC records, each its own gzip member, so any record can
be read by seeking to its offset (``warcio`` ``ArchiveIterator`` from there). The store indexes
them: ``archive_records`` (run, agency, URI, method → file and offset of the response or revisit
record) and ``archive_payloads`` (payload digest → the response record that holds those bytes).

De-duplication: a non-empty payload whose digest is already archived (this run or any earlier
one) is written as a ``revisit`` record (profile *identical-payload-digest*) that keeps this
fetch's status line and headers and refers to the original record.

Crash safety: every pair is serialised into a memory buffer first and appended with one
``write()`` on an ``O_APPEND`` descriptor, so a Ctrl-C or ``kill -9`` can leave at most one
partial record at the end of a file; the next :class:`WarcArchive` to open the folder scans files
that were never closed cleanly and truncates such a tail (:func:`repair_file`). Each writer holds
an exclusive ``flock`` on its current file, so one process never repairs another's live file.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import io
import os
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from http import HTTPStatus
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.store import Store, register_table, utcnow

#: The archive's index in the store: ``archive_records`` (run, agency, URI, method → the response or
#: revisit record's file and offset), ``archive_payloads`` (payload digest → the response record
#: holding those bytes, for revisits across runs), ``archive_files`` (files closed or repaired).
register_table("archive_records", {
    "run_id": int, "agency": str, "uri": str, "method": str, "target": str, "role": str,
    "status": int, "file": str, "offset": int, "length": int, "record_type": str,
    "digest": str, "payload_file": str, "payload_offset": int, "warc_date": str,
}, pk=("run_id", "agency", "uri", "method"), indexes=[["run_id", "agency", "target"]])
register_table("archive_payloads", {
    "digest": str, "file": str, "offset": int, "uri": str, "warc_date": str, "bytes": int,
}, pk="digest")
register_table("archive_files", {"file": str, "bytes": int, "closed_at": str}, pk="file")

ARCHIVE_SUFFIX = ".warc"
FILE_GLOB = "*.warc.gz"
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
GZIP_LEVEL = 6
#: Hop-by-hop framing the HTTP client already removed from the body; kept under another name.
REWRITTEN_HEADERS = {"transfer-encoding"}


def archive_dir(db_path: str | Path) -> Path:
    """The archive folder of a store: ``<db>.warc`` beside the database file."""
    return Path(str(db_path) + ARCHIVE_SUFFIX)


def payload_digest(body: bytes) -> str:
    """The WARC payload digest: ``sha1:`` and the base32 SHA-1 (as warcio and Heritrix write it)."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


def warc_date(when: datetime | None = None) -> str:
    """A WARC-Date (UTC, seconds)."""
    when = when or datetime.now(timezone.utc)
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Exchange:
    """One HTTP request and the answer to it, as the crawler saw them."""

    uri: str
    method: str
    request_headers: list[tuple[str, str]]
    request_body: bytes
    status: int
    response_headers: list[tuple[str, str]]
    body: bytes
    protocol: str = "HTTP/1.1"


@dataclass
class ArchivedRecord:
    """Where an exchange's response (or revisit) record landed."""

    file: str
    offset: int
    length: int
    record_type: str
    digest: str
    warc_date: str
    payload_file: str
    payload_offset: int


def gzip_member(record: bytes) -> bytes:
    """One record as its own gzip member (level 6: the size of warcio's level 9, a quarter less CPU)."""
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)
    return compressor.compress(record) + compressor.flush()


def _status_line(status: int) -> str:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Unknown"
    return f"{status} {phrase}"


def _request_target(uri: str) -> tuple[str, str]:
    from urllib.parse import urlsplit
    parts = urlsplit(uri)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return path, parts.netloc


def _response_headers(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(f"X-Archive-Orig-{name}" if name.lower() in REWRITTEN_HEADERS else name, value)
            for name, value in headers]


class WarcArchive:
    """Append request/response pairs to rotating gzip WARC files and index them in the store.

    ``store`` is used for the digest index (``archive_payloads``) and the closed-file registry
    (``archive_files``); the caller writes ``archive_records`` rows (it knows run and agency).
    """

    def __init__(self, directory: str | Path, store: Store, max_bytes: int = DEFAULT_MAX_BYTES):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.store = store
        self.max_bytes = max_bytes
        self.fd: int | None = None
        self.name = ""
        self.size = 0
        self.sequence = 0
        self.stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S%f")
        self.digests: dict[str, tuple[str, int, str, str]] = {}
        self.pending_payloads: list[dict] = []
        self.repaired = self.repair_unclosed()

    # --- files ------------------------------------------------------------------------------
    def repair_unclosed(self) -> list[tuple[str, int]]:
        """Truncate partial tails of files no writer closed (a killed crawl). Returns (file, bytes cut)."""
        closed = {r["file"]: r["bytes"] for r in self.store.query("select file, bytes from archive_files")}
        cut = []
        for path in sorted(self.directory.glob(FILE_GLOB)):
            if closed.get(path.name) == path.stat().st_size:
                continue
            removed = repair_file(path)
            if removed is None:
                continue  # another process is writing it
            if removed:
                cut.append((path.name, removed))
            self.register_closed(path.name, path.stat().st_size)
        return cut

    def register_closed(self, name: str, size: int) -> None:
        self.store.insert_many("archive_files", [{"file": name, "bytes": size, "closed_at": utcnow()}])

    def _open_next(self) -> None:
        self.close_file()
        self.sequence += 1
        self.name = f"govaudit-{self.stamp}-{os.getpid()}-{self.sequence:05d}.warc.gz"
        while (self.directory / self.name).exists():
            self.sequence += 1
            self.name = f"govaudit-{self.stamp}-{os.getpid()}-{self.sequence:05d}.warc.gz"
        self.fd = os.open(self.directory / self.name, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.size = os.fstat(self.fd).st_size
        self._append(self._warcinfo())

    def _warcinfo(self) -> bytes:
        from crawler import __version__
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        writer.write_record(writer.create_warcinfo_record(self.name, {
            "software": f"govaudit/{__version__} (warcio)", "format": "WARC File Format 1.1",
            "description": "政务公开网站检查: responses the crawl recorded facts from"}))
        return buffer.getvalue()

    def _append(self, data: bytes) -> int:
        """Append ``data`` whole; returns the offset it starts at."""
        offset = self.size
        view = memoryview(data)
        while view:
            written = os.write(self.fd, view)
            view = view[written:]
        self.size += len(data)
        return offset

    def close_file(self) -> None:
        """Close the current file and record it as complete."""
        if self.fd is None:
            return
        os.close(self.fd)
        self.fd = None
        self.flush()
        self.register_closed(self.name, self.size)

    def close(self) -> None:
        self.close_file()
        self.flush()

    # --- records ----------------------------------------------------------------------------
    def known_payload(self, digest: str) -> tuple[str, int, str, str] | None:
        """(file, offset, uri, date) of the response record holding a payload, if archived."""
        if digest in self.digests:
            return self.digests[digest]
        rows = list(self.store.query("select file, offset, uri, warc_date from archive_payloads "
                                     "where digest = ?", [digest]))
        if rows:
            row = rows[0]
            self.digests[digest] = (row["file"], row["offset"], row["uri"], row["warc_date"])
            return self.digests[digest]
        return None

    def write(self, exchange: Exchange, when: datetime | None = None) -> ArchivedRecord:
        """Archive one exchange (request record, then response or revisit record)."""
        if self.fd is None or self.size >= self.max_bytes:
            self._open_next()
        date = warc_date(when)
        digest = payload_digest(exchange.body)
        earlier = self.known_payload(digest) if exchange.body else None
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=False)
        path, host = _request_target(exchange.uri)
        request_headers = StatusAndHeaders(f"{exchange.method} {path} {exchange.protocol}",
                                           [("Host", host), *exchange.request_headers],
                                           is_http_request=True)
        request = writer.create_warc_record(
            exchange.uri, "request", payload=io.BytesIO(exchange.request_body),
            length=len(exchange.request_body), http_headers=request_headers,
            warc_headers_dict={"WARC-Date": date})
        response_headers = StatusAndHeaders(_status_line(exchange.status),
                                            _response_headers(exchange.response_headers),
                                            protocol=exchange.protocol)
        if earlier:
            response = writer.create_revisit_record(exchange.uri, digest, earlier[2], earlier[3],
                                                    http_headers=response_headers,
                                                    warc_headers_dict={"WARC-Date": date})
        else:
            response = writer.create_warc_record(
                exchange.uri, "response", payload=io.BytesIO(exchange.body), length=len(exchange.body),
                http_headers=response_headers,
                warc_headers_dict={"WARC-Date": date, "WARC-Payload-Digest": digest})
        response_id = response.rec_headers.get_header("WARC-Record-ID")
        request.rec_headers.replace_header("WARC-Concurrent-To", response_id)
        writer.write_record(response)
        response_member = gzip_member(buffer.getvalue())
        buffer.seek(0)
        buffer.truncate()
        writer.write_record(request)
        response_length = len(response_member)
        offset = self._append(response_member + gzip_member(buffer.getvalue()))
        record = ArchivedRecord(self.name, offset, response_length, "revisit" if earlier else "response",
                                digest, date, earlier[0] if earlier else self.name,
                                earlier[1] if earlier else offset)
        if not earlier and exchange.body:
            self.digests[digest] = (self.name, offset, exchange.uri, date)
            self.pending_payloads.append({"digest": digest, "file": self.name, "offset": offset,
                                          "uri": exchange.uri, "warc_date": date,
                                          "bytes": len(exchange.body)})
        return record

    def flush(self) -> None:
        """Write the new digests to the store (after their records are in the file)."""
        if self.pending_payloads:
            rows, self.pending_payloads = self.pending_payloads, []
            with self.store.db.conn:
                self.store.db["archive_payloads"].insert_all(rows, ignore=True)


# --- repair and reading -------------------------------------------------------------------------

def complete_length(path: Path) -> int:
    """Bytes at the start of ``path`` made of complete gzip members, each holding a WARC record."""
    import mmap
    size = path.stat().st_size
    if not size:
        return 0
    good = 0
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        position = 0
        while position < size:
            inflater = zlib.decompressobj(31)
            head = b""
            cursor = position
            try:
                while not inflater.eof and cursor < size:
                    chunk = data[cursor:cursor + 65536]
                    out = inflater.decompress(chunk)
                    if len(head) < 5:
                        head += out[:5]
                    cursor += len(chunk)
            except zlib.error:
                break
            if not inflater.eof or not head.startswith(b"WARC/"):
                break
            position = cursor - len(inflater.unused_data)
            good = position
    return good


def repair_file(path: Path) -> int | None:
    """Truncate a partial record at the end of ``path``; bytes removed, or None if it is in use."""
    fd = os.open(path, os.O_RDWR)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return None
        size = os.fstat(fd).st_size
        good = complete_length(path)
        if good < size:
            os.ftruncate(fd, good)
        return size - good
    finally:
        os.close(fd)


@dataclass
class ReadRecord:
    """A record read back: its WARC headers, HTTP status and headers, and the (decoded) payload."""

    record_type: str
    uri: str
    date: str
    status: int | None
    headers: list[tuple[str, str]]
    body: bytes
    warc_headers: dict[str, str]


def read_record(path: str | Path, offset: int, payload_path: str | Path | None = None,
                payload_offset: int | None = None) -> ReadRecord:
    """Read the record at ``offset``; for a revisit, the body comes from the referred record."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        record = next(iter(ArchiveIterator(handle)))
        status = None
        headers: list[tuple[str, str]] = []
        if record.http_headers is not None:
            code = record.http_headers.get_statuscode()
            status = int(code) if code and code.isdigit() else None
            headers = list(record.http_headers.headers)
        body = record.content_stream().read()
        result = ReadRecord(record.rec_type, record.rec_headers.get_header("WARC-Target-URI") or "",
                            record.rec_headers.get_header("WARC-Date") or "", status, headers, body,
                            dict(record.rec_headers.headers))
    if result.record_type == "revisit" and payload_path is not None and payload_offset is not None:
        original = read_record(payload_path, payload_offset)
        result.body = original.body
    return result


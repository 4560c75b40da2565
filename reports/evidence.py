"""A finding's evidence in the WARC archive: which record shows the page it was seen on.

``archive`` is the response (or revisit) record of the page the finding was seen on — the source
page for link rules, else the page the finding names (document page, column page, home page);
``target_archive`` (link rules) is the record of the broken target's own check, when the server
answered at all (a refused or timed-out link has none: the store's ``link_checks`` row is the
evidence). References are ``{"file": path relative to the db's folder, "offset": N}``, readable with
plain ``warcio`` (``ArchiveIterator`` after a seek to the offset).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checks.ids import assign_ids
from crawler.archive import ARCHIVE_SUFFIX, ReadRecord, read_record
from crawler.store import Store, loads

LINK_FAMILY = "links"


def finding_page(finding: dict) -> str:
    """The page a finding was seen on: its source page, else the page it names."""
    return finding.get("source") or finding.get("url") or ""


def page_candidates(finding: dict) -> list[str]:
    """URIs that show the finding's page, best first: the page itself, then where the evidence
    says it was seen (a column's canonical URL ``/tzgg/`` is seen as ``/tzgg/index.htm``)."""
    evidence = evidence_of(finding)
    found = [finding_page(finding), evidence.get("seen_on"), evidence.get("page")]
    return [uri for uri in dict.fromkeys(found) if isinstance(uri, str) and uri]


def _record_rows(store: Store, run_id: int, agency: str, uri: str) -> list[dict]:
    """Index rows for ``uri`` in this run (else the newest earlier run), GET before HEAD."""
    if not uri or "archive_records" not in store.db.table_names():
        return []
    for sql in ("select * from archive_records where run_id = ? and agency = ? and uri = ?",
                "select * from archive_records where run_id < ? and agency = ? and uri = ? "
                "order by run_id desc"):
        rows = list(store.query(sql, [run_id, agency, uri]))
        if rows:
            rows.sort(key=lambda r: (r["method"] != "GET",))
            return rows
    rows = list(store.query("select * from archive_records where run_id <= ? and agency = ? and target = ? "
                            "and role = 'page' order by run_id desc, status", [run_id, agency, uri]))
    return [r for r in rows if 200 <= (r["status"] or 0) < 300][:1]


def record_row(store: Store, run_id: int, agency: str, uri: str) -> dict | None:
    rows = _record_rows(store, run_id, agency, uri)
    return rows[0] if rows else None


def reference(store: Store, row: dict | None) -> dict | None:
    """The public reference of an index row: file relative to the db's folder, offset."""
    if row is None:
        return None
    folder = store.path.name + ARCHIVE_SUFFIX
    return {"file": f"{folder}/{row['file']}", "offset": row["offset"], "type": row["record_type"],
            "uri": row["uri"], "status": row["status"], "warc_date": row["warc_date"]}


def archive_refs(store: Store, finding: dict) -> dict:
    """``archive`` and (link rules) ``target_archive`` of a findings row."""
    run_id, agency = finding["run_id"], finding["agency"]
    row = next(filter(None, (record_row(store, run_id, agency, uri) for uri in page_candidates(finding))),
               None)
    refs = {"archive": reference(store, row)}
    if finding.get("family") == LINK_FAMILY:
        refs["target_archive"] = reference(store, record_row(store, run_id, agency, finding.get("url") or ""))
    return refs


def ensure_ids(rows: list[dict]) -> list[dict]:
    """Findings stored before ids existed get them computed (same rule as at check time)."""
    if rows and not all(row.get("id") for row in rows):
        by_run: dict[int, list[dict]] = {}
        for row in rows:
            by_run.setdefault(row["run_id"], []).append(row)
        for run_rows in by_run.values():
            assign_ids(sorted(run_rows, key=lambda r: r.get("rowid") or 0))
    return rows


def find_finding(store: Store, finding_id: str) -> dict | None:
    """The findings row with this id."""
    rows = list(store.query("select rowid, * from findings where id = ?", [finding_id]))
    if rows:
        return rows[0]
    run_part = finding_id.split("-", 1)[0]
    if run_part.isdigit():  # a database checked before ids were stored
        rows = ensure_ids(list(store.query("select rowid, * from findings where run_id = ? order by rowid",
                                           [int(run_part)])))
        for row in rows:
            if row["id"] == finding_id:
                return row
    return None


@dataclass
class ArchivedPage:
    """A page as the archive holds it, with where it came from."""

    row: dict
    record: ReadRecord
    file: Path

    @property
    def status(self) -> int | None:
        return self.record.status

    @property
    def content_type(self) -> str:
        for name, value in self.record.headers:
            if name.lower() == "content-type":
                return value
        return ""


def load_archived(store: Store, row: dict | None) -> ArchivedPage | None:
    """Read the record an index row points at (a revisit's body from the record it refers to).

    A ``304 Not Modified`` answer of a re-crawl has no body: the newest earlier record of the same
    URI with a body is read instead (the page as it was then, unchanged since).
    """
    if row is None:
        return None
    folder = Path(str(store.path) + ARCHIVE_SUFFIX)
    if row["status"] == 304:
        earlier = list(store.query(
            "select * from archive_records where run_id < ? and agency = ? and uri = ? and status = 200 "
            "order by run_id desc limit 1", [row["run_id"], row["agency"], row["uri"]]))
        if earlier:
            page = load_archived(store, earlier[0])
            if page is not None:
                page.row = {**earlier[0], "not_modified_in": row["run_id"]}
            return page
    path = folder / row["file"]
    if not path.exists():
        return None
    record = read_record(path, row["offset"], folder / (row["payload_file"] or row["file"]),
                         row["payload_offset"] if row["payload_offset"] is not None else row["offset"])
    return ArchivedPage(row, record, path)


def evidence_of(finding: dict) -> dict:
    """The finding's evidence JSON as a dict."""
    value = finding.get("evidence")
    if isinstance(value, dict):
        return value
    return loads(value, {}) or {}


def _archived(store: Store, run_id: int, agency: str, uris: tuple[str, ...]):
    """``(index row, ArchivedPage)`` of the first of ``uris`` archived."""
    row = next(filter(None, (record_row(store, run_id, agency, uri) for uri in uris)), None)
    return row, load_archived(store, row)


def snapshot_html(store: Store, finding: dict, rule_title: str, pages: dict | None = None) -> str:
    """The finding's snapshot (see :mod:`reports.snapshot`) from its archived page."""
    from reports.snapshot import build_snapshot

    key = (finding["run_id"], finding["agency"], tuple(page_candidates(finding)))
    pages = {} if pages is None else pages  # a report's cache: it writes a page's findings together
    if key not in pages:
        pages.clear()
        pages[key] = _archived(store, *key)
    row, page = pages[key]
    ref = reference(store, page.row if page else None)
    info = {"rule_title": f"{rule_title}（{finding.get('rule')}）",
            "page_url": page.record.uri if page else finding_page(finding),
            "observed": page.record.date if page else "",
            "status": page.status if page else None,
            "archive": (f"{ref['file']} 偏移 {ref['offset']}（{ref['type']} 记录，WARC-Record-ID "
                        f"{page.record.warc_headers.get('WARC-Record-ID', '')}）") if page else ""}
    return build_snapshot(finding, evidence_of(finding), info, page.record.body if page else None,
                          page.content_type if page else "")

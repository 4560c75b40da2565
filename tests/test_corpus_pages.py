"""Page understanding on the real-page corpus of tests/corpus/pages: every field of every page.

The truth (tests/corpus/truth.py) was written by reading each page; INDEX.tsv says where each page
comes from and README.md which traps it holds. Nothing is fetched: URLs only resolve links.
"""

import csv
import re
from pathlib import Path

import pytest

from crawler.extract import analyze, decode_html
from tests.corpus.truth import PAGES, compare

PAGES_DIR = Path(__file__).resolve().parent / "corpus" / "pages"
INDEX = Path(__file__).resolve().parent / "corpus" / "INDEX.tsv"


GB_DECLARED = re.compile(rb"""charset\s*=\s*["']?\s*(?:gb2312|gbk|gb18030)""", re.I)


def index_rows() -> dict[str, dict]:
    with INDEX.open(encoding="utf-8") as handle:
        return {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}


def facts_of(name: str, body: bytes | None = None) -> dict:
    truth = PAGES[name]
    text, encoding = decode_html((PAGES_DIR / name).read_bytes() if body is None else body)
    facts = analyze(text, truth["url"], is_home=truth.get("is_home", False), ref_date=truth.get("ref_date"))
    return {**facts, "encoding": encoding}


def test_every_page_has_truth_and_provenance():
    files = sorted(p.name for p in PAGES_DIR.iterdir() if p.is_file())
    assert files == sorted(PAGES)
    rows = index_rows()
    assert sorted(rows) == files
    for row in rows.values():
        assert row["source_repo"] and row["path_in_repo"] and len(row["commit"]) == 40


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_fields(name):
    wrong = [(field, expected, got) for field, expected, got in compare(PAGES[name], facts_of(name))
             if expected != got]
    assert wrong == []


WHOLE = sorted(name for name, row in index_rows().items() if row["derivation"].startswith("WHOLE FILE"))


@pytest.mark.parametrize("name", WHOLE)
def test_whole_page_is_the_stored_file(name):
    """A page saved whole has exactly the stored file's length (``stored_chars``, read_file's total_chars):
    nothing dropped, doubled or added (no final newline) while it was put together."""
    row = index_rows()[name]
    body = (PAGES_DIR / name).read_bytes()
    encoding = "gb18030" if "saved as GB18030" in row["encoding_as_stored"] else "utf-8"
    text = body.decode(encoding)  # strict: a stray byte fails here
    assert len(text) == int(row["stored_chars"])
    assert "govaudit corpus excerpt" not in text


GB_PAGES = sorted(name for name in PAGES if GB_DECLARED.search((PAGES_DIR / name).read_bytes()[:4096]))


@pytest.mark.parametrize("name", GB_PAGES)
def test_page_declared_gbk_read_from_gbk_bytes(name):
    """A page that declares gb2312/GBK is read the same from the bytes its server sent (GB18030, which
    GBK is a subset of) as from the UTF-8 text the archive holds: the decoder follows the bytes, not
    the label, both ways."""
    text = (PAGES_DIR / name).read_bytes().decode("utf-8")
    facts = facts_of(name, text.encode("gb18030"))
    assert facts["encoding"] == "gb18030"
    wrong = [(field, expected, got) for field, expected, got in compare(PAGES[name], facts)
             if expected != got and field != "encoding"]
    assert wrong == []


STATES = ("WHOLE FILE", "WHOLE TEXT as served", "EXCERPT")


def test_every_page_says_how_whole_it_is():
    """Each row starts with its state: the stored file (byte-exact), the whole text as the index
    serves it (CRs of CRLF endings not placed), or an excerpt (kept for its traps)."""
    for name, row in index_rows().items():
        assert row["derivation"].startswith(STATES), name


@pytest.mark.parametrize("name", sorted(n for n, r in index_rows().items()
                                        if r["derivation"].startswith("WHOLE TEXT as served")))
def test_whole_text_lacks_only_carriage_returns(name):
    """Whole text whose CRs could not all be placed: every character but the CRs, so the stored
    length exceeds it by no more than its newlines (each CR stood before one)."""
    text = (PAGES_DIR / name).read_bytes().decode("utf-8")
    stored = int(index_rows()[name]["stored_chars"])
    assert "\r" not in text and len(text) < stored <= len(text) + text.count("\n")


def test_byte_exact_pages_number_sixty_from_twenty_sites():
    """Issue 13's floor, counted on byte-exact pages only: this corpus's WHOLE FILE pages and the
    18 of ../shared/corpus (saved with their bytes and sha256)."""
    rows = [r for r in index_rows().values() if r["derivation"].startswith("WHOLE FILE")]
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    with (shared / "INDEX.tsv").open(encoding="utf-8") as handle:
        shared_rows = list(csv.DictReader(handle, delimiter="\t"))
    sites = {r["site"].split(" ")[0] for r in rows}
    assert len(rows) + len(shared_rows) >= 60
    assert len(sites) >= 20

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

"""Page understanding on the real-page corpus of tests/corpus/pages: every field of every page.

The truth (tests/corpus/truth.py) was written by reading each page; INDEX.tsv says where each page
comes from and README.md which traps it holds. Nothing is fetched: URLs only resolve links.
"""

import csv
from pathlib import Path

import pytest

from crawler.extract import analyze, decode_html
from tests.corpus.truth import PAGES, compare

PAGES_DIR = Path(__file__).resolve().parent / "corpus" / "pages"
INDEX = Path(__file__).resolve().parent / "corpus" / "INDEX.tsv"


def facts_of(name: str) -> dict:
    truth = PAGES[name]
    text, encoding = decode_html((PAGES_DIR / name).read_bytes())
    facts = analyze(text, truth["url"], is_home=truth.get("is_home", False), ref_date=truth.get("ref_date"))
    return {**facts, "encoding": encoding}


def test_every_page_has_truth_and_provenance():
    files = sorted(p.name for p in PAGES_DIR.iterdir() if p.is_file())
    assert files == sorted(PAGES)
    with INDEX.open(encoding="utf-8") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}
    assert sorted(rows) == files
    for row in rows.values():
        assert row["source_repo"] and row["path_in_repo"] and len(row["commit"]) == 40


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_fields(name):
    wrong = [(field, expected, got) for field, expected, got in compare(PAGES[name], facts_of(name))
             if expected != got]
    assert wrong == []

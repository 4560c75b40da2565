"""Field accuracy of page understanding on the real-page corpus (tests/corpus): fields right / total.

    python bench/corpus_accuracy.py            # the checkout's extractors
    python bench/corpus_accuracy.py --verbose  # and every wrong field
    python bench/corpus_accuracy.py doc_       # only the pages whose file name starts with doc_

To measure another version of the extractors, put its ``crawler`` package first on PYTHONPATH
(``git archive <rev> crawler | tar -x -C /tmp/old && PYTHONPATH=/tmp/old python bench/corpus_accuracy.py``):
the truth and the comparison come from this checkout's tests/corpus/truth.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # after PYTHONPATH, so an older crawler package put there wins

from crawler.extract import analyze, decode_html  # noqa: E402
from tests.corpus.truth import PAGES, compare  # noqa: E402

PAGES_DIR = ROOT / "tests" / "corpus" / "pages"


def main(verbose: bool = False, prefix: str = "") -> tuple[int, int]:
    right = total = 0
    pages = {name: truth for name, truth in PAGES.items() if name.startswith(prefix)}
    for name, truth in sorted(pages.items()):
        text, encoding = decode_html((PAGES_DIR / name).read_bytes())
        home, ref = truth.get("is_home", False), truth.get("ref_date")
        facts = analyze(text, truth["url"], is_home=home, ref_date=ref)
        facts = {**facts, "encoding": encoding}
        for field, expected, got in compare(truth, facts):
            if field.startswith("how."):
                continue  # where a value came from: a test constraint, not a field users see
            total += 1
            right += expected == got
            if expected != got and verbose:
                print(f"  WRONG {name} {field}: expected {expected!r}, got {got!r}")
    print(f"{len(pages)} pages, {right}/{total} fields right ({100 * right / max(total, 1):.1f} %)")
    return right, total


if __name__ == "__main__":
    main("--verbose" in sys.argv, next((a for a in sys.argv[1:] if not a.startswith("--")), ""))

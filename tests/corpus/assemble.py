"""Assemble a corpus page, whole and unaltered, from the pieces the search tool's ``read_file`` returns.

``read_file`` gives a stored file's text as a JSON string, 16,000 characters a call (``offset`` pages
on), with the file's ``total_chars``. Save each answer's ``text`` value *as it appears in the JSON*
— quotes, backslash escapes (``\\n``, ``\\t``, ``\\r``, ``\\"``, ``\\uXXXX``) and all — in a file
``NN.json`` (NN = 00, 01, … in offset order) of one folder, then::

    python -m tests.corpus.assemble PARTS_DIR tests/corpus/pages/NAME.html --total TOTAL_CHARS

Each piece is decoded with :func:`json.loads` (so ``\\r`` and other control characters come back
exactly, which a text editor would not give), checked to be exactly 16,000 characters (the last:
the remainder), joined, checked against ``--total``, and written as UTF-8 with no newline
translation and nothing added. A piece of the wrong length — a line dropped or doubled while
copying — stops it with the piece's number, so no partial page is ever written.

``--encoding gb18030`` writes the page in that encoding instead (for a page whose repository
stores GBK bytes; see README.md, "Encodings").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

PIECE = 16_000


def assemble(parts_dir: Path, total: int) -> str:
    """The whole stored text from ``parts_dir/NN.json``; ``ValueError`` on any length mismatch."""
    pieces = sorted(parts_dir.glob("*.json"))
    if not pieces:
        raise ValueError(f"no NN.json pieces in {parts_dir}")
    expected_count = -(-total // PIECE)
    if len(pieces) != expected_count:
        raise ValueError(f"{len(pieces)} pieces in {parts_dir}, {expected_count} expected for {total} characters")
    texts = []
    for number, piece in enumerate(pieces):
        raw = piece.read_text(encoding="utf-8").strip()
        text = json.loads(raw)
        if not isinstance(text, str):
            raise ValueError(f"{piece.name}: not a JSON string")
        want = min(PIECE, total - number * PIECE)
        if len(text) != want:
            raise ValueError(f"{piece.name}: {len(text)} characters, {want} expected (offset {number * PIECE})")
        texts.append(text)
    return "".join(texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("parts_dir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--total", type=int, required=True, help="read_file's total_chars")
    parser.add_argument("--encoding", default="utf-8")
    args = parser.parse_args(argv)
    try:
        text = assemble(args.parts_dir, args.total)
    except ValueError as error:
        print(f"assemble: {error}", file=sys.stderr)
        return 1
    args.out.write_bytes(text.encode(args.encoding))
    print(f"{args.out}: {len(text)} characters, {args.out.stat().st_size} bytes ({args.encoding})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

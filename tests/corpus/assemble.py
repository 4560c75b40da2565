"""Assemble a corpus page, whole and unaltered, from the pieces the search tool's ``read_file`` returns.

``read_file`` gives a stored file's text as a JSON string, 16,000 characters a call (``offset`` pages
on), with the file's ``total_chars``. Save each answer's ``text`` value *as it appears in the JSON*
— quotes, backslash escapes (``\\n``, ``\\t``, ``\\"``, ``\\uXXXX``) and all — in a file ``NN.json``
(NN = 00, 01, … in offset order) of one folder, then::

    python -m tests.corpus.assemble PARTS_DIR tests/corpus/pages/NAME.html --total TOTAL_CHARS

**Line endings.** The index serves text with the CR of every CRLF line ending removed, while
``total_chars`` and ``offset`` count the stored file's characters, CRs included. So a piece of a
CRLF file shows fewer than 16,000 characters, and the shortfall is the number of CRs it holds.
Each piece start is a point where the stored offset and the served position are both known; between
two such points, the shortfall says how many of the newlines there had a CR: none, all (restored
exactly), or some — then which ones is not known yet, and the tool names an offset to read
(``read_file(..., offset=N)``); save the beginning of that answer (its first 300 characters or more,
as JSON like a piece) as ``probe_N.json`` in the same folder and run again.
Each probe splits the undecided stretch, until every newline's ending is known.

Before anything is written, the rebuilt file is checked against every answer: each piece and probe
must be exactly the rebuilt file's characters from its offset with CRs removed. A piece that was
copied wrong (a line dropped, doubled or changed) fails that check, with its name, and nothing is
written. The page is written as UTF-8 with no newline translation and nothing added
(``--encoding`` to write another encoding).
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from pathlib import Path

PIECE = 16_000
PROBE = re.compile(r"probe_(\d+)\.json$")
MATCH = 200  # characters of an answer used to find where it starts in the served text (probe: at least)


class Undecided(ValueError):
    """Some newlines' endings are not known yet; ``offset`` is the one to read next."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset


def _load(path: Path) -> str:
    text = json.loads(path.read_text(encoding="utf-8").strip())
    if not isinstance(text, str):
        raise ValueError(f"{path.name}: not a JSON string")
    return text


def _points(parts_dir: Path, total: int) -> tuple[str, list[tuple[int, int, str, str]]]:
    """The served text and its known points ``(stored offset, served position, answer, file name)``."""
    pieces = sorted(p for p in parts_dir.glob("*.json") if re.fullmatch(r"\d+\.json", p.name))
    expected = -(-total // PIECE)
    if len(pieces) != expected:
        raise ValueError(f"{len(pieces)} pieces NN.json in {parts_dir}, {expected} expected for {total} characters")
    texts = [_load(p) for p in pieces]
    served = "".join(texts)
    points, position = [], 0
    for number, (piece, text) in enumerate(zip(pieces, texts, strict=True)):
        points.append((number * PIECE, position, text, piece.name))
        position += len(text)
    for probe in parts_dir.glob("probe_*.json"):
        offset, text = int(PROBE.search(probe.name).group(1)), _load(probe)
        if len(text) < min(MATCH, total - offset - served[:offset].count("\n")):
            raise ValueError(f"{probe.name}: save at least the first {MATCH} characters of the answer")
        starts = [m.start() for m in re.finditer(f"(?={re.escape(text)})", served)
                  if m.start() <= offset <= m.start() + served[:m.start() + 1].count("\n")]  # CRs lengthen
        if len(starts) != 1:
            raise ValueError(f"{probe.name}: its text fits {len(starts)} places in the pieces (save more of it)")
        points.append((offset, starts[0], text, probe.name))
    points.append((total, len(served), "", "end"))
    return served, sorted(points)


def _carriage_returns(served: str, points: list[tuple[int, int, str, str]], total: int) -> set[int]:
    """Served positions of the newlines that had a CR.

    Let ``P(m)`` be the number of CRs among the first ``m`` newlines. An answer read at stored
    offset ``o`` that starts at served position ``s`` says ``P(b) <= o - s <= P(a)``, where ``b`` and
    ``a`` count the newlines before ``s`` and up to ``s`` (equal unless the answer starts at a
    newline, whose CR may lie just before ``o``); the file's length fixes ``P(N)``; each newline adds
    0 or 1. Propagating these bounds along the newlines gives each newline's ending, or the
    :class:`Undecided` offset to read next.
    """
    newlines = [i for i, ch in enumerate(served) if ch == "\n"]
    count = len(newlines)
    lo, hi = [0] * (count + 1), list(range(count + 1))
    lo[count] = hi[count] = total - len(served)
    for offset, s, _, name in points:
        if name == "end":
            continue
        before = bisect.bisect_left(newlines, s)
        upto = bisect.bisect_right(newlines, s)
        hi[before] = min(hi[before], offset - s)
        lo[upto] = max(lo[upto], offset - s)
    for m in range(1, count + 1):
        lo[m], hi[m] = max(lo[m], lo[m - 1]), min(hi[m], hi[m - 1] + 1)
    for m in range(count - 1, -1, -1):
        lo[m], hi[m] = max(lo[m], lo[m + 1] - 1), min(hi[m], hi[m + 1])
    if any(lo[m] > hi[m] for m in range(count + 1)):
        raise ValueError("the answers' lengths fit no placement of CRs: a piece was copied wrong or is "
                         "from another commit")
    crlf, open_ = set(), []
    for m in range(count):
        can_lf = max(lo[m], lo[m + 1]) <= min(hi[m], hi[m + 1])
        can_crlf = max(lo[m], lo[m + 1] - 1) <= min(hi[m], hi[m + 1] - 1)
        if can_crlf and not can_lf:
            crlf.add(newlines[m])
        elif can_crlf:
            open_.append(m)
    if not open_:
        return crlf
    # Read where P is least known, at a character that is no newline: the answer pins P there
    # (a bisection of the CRs still to place).
    def spread(m: int) -> tuple[int, int]:
        plain = m > 0 and newlines[m - 1] + 1 < len(served) and served[newlines[m - 1] + 1] != "\n"
        return hi[m] - lo[m], plain

    widest = max(spread(m) for m in range(1, count + 1))
    candidates = [m for m in range(1, count + 1) if spread(m) == widest]
    m = candidates[len(candidates) // 2]
    j = newlines[m - 1] + 1
    asked = {offset for offset, _, _, _ in points}
    guess = j + (lo[m] + hi[m]) // 2
    while guess in asked:
        guess += 1
    raise Undecided(f"{len(open_)} line endings not yet known; read offset={guess} and save its first "
                    f"300 characters as probe_{guess}.json", guess)


def assemble(parts_dir: Path, total: int) -> str:
    """The whole stored text, CRs restored and every answer checked; ``ValueError`` when unsure."""
    served, points = _points(parts_dir, total)
    crlf = _carriage_returns(served, points, total)
    stored = "".join("\r\n" if i in crlf else ch for i, ch in enumerate(served))
    if len(stored) != total:
        raise ValueError(f"rebuilt {len(stored)} characters, {total} stored")
    for offset, _, text, name in points:
        shown = stored[offset:offset + PIECE].replace("\r", "")
        if name != "end" and (shown != text if name[0].isdigit() else not shown.startswith(text)):
            raise ValueError(f"{name}: not the rebuilt file's text at offset {offset} (copied wrong?)")
    return stored


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("parts_dir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--total", type=int, required=True, help="read_file's total_chars")
    parser.add_argument("--encoding", default="utf-8")
    args = parser.parse_args(argv)
    try:
        text = assemble(args.parts_dir, args.total)
    except Undecided as undecided:
        print(f"assemble: undecided: {undecided}", file=sys.stderr)
        return 3
    except ValueError as error:
        print(f"assemble: {error}", file=sys.stderr)
        return 1
    args.out.write_bytes(text.encode(args.encoding))
    crs = text.count("\r\n")
    print(f"{args.out}: {len(text)} characters ({crs} CRLF line endings restored), "
          f"{args.out.stat().st_size} bytes ({args.encoding})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

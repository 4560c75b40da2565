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


def _carriage_returns(served: str, points: list[tuple[int, int, str, str]]) -> set[int]:
    """Served positions of the newlines that had a CR, decided stretch by stretch between points.

    At a point ``(r, s)`` the CRs stored before ``r`` are ``r - s``. When the answer starts with a
    newline, ``r`` may be its CR or, the CR lying just before ``r``, the newline itself: both
    readings are tried, and only an answer every consistent reading agrees on is taken.
    """
    newlines = [i for i, ch in enumerate(served) if ch == "\n"]
    points = [p for i, p in enumerate(points) if i == 0 or p[0] != points[i - 1][0]]
    split = [i for i, (_, s, _, _) in enumerate(points) if s < len(served) and served[s] == "\n"]
    if len(split) > 12:
        raise ValueError(f"{len(split)} answers start at a newline; read a few characters later instead")
    outcomes: list[tuple[set[int], tuple[int, int, int, int] | None]] = []
    for mask in range(1 << len(split)):
        before = {i: (mask >> n) & 1 for n, i in enumerate(split)}  # 1: that newline's CR is before r
        crlf: set[int] = set()
        undecided, feasible = None, True
        for i in range(len(points) - 1):
            (r0, s0, _, _), (r1, s1, _, _) = points[i], points[i + 1]
            need = (r1 - r0) - (s1 - s0) - before.get(i + 1, 0)
            free = [k for k in newlines if s0 + before.get(i, 0) <= k < s1]
            if before.get(i + 1):
                crlf.add(s1)
            if before.get(i) and s0 not in crlf:
                feasible = False
            if not 0 <= need <= len(free):
                feasible = False
                break
            if need == len(free):
                crlf.update(free)
            elif need and undecided is None:
                undecided = (r0, s0, need, free[len(free) // 2])
        if feasible:
            outcomes.append((crlf, undecided))
    if not outcomes:
        raise ValueError("the answers' lengths fit no placement of CRs: a piece was copied wrong or is "
                         "from another commit")
    if len(outcomes) == 1 and outcomes[0][1] is None:
        return outcomes[0][0]
    known, undecided = outcomes[0]
    if undecided:
        r0, s0, need, middle = undecided
        later = [k for k in newlines if k >= s0]
        crossed = sum(1 for k in later if k < middle)
        estimate = r0 - s0 + crossed * need // max(1, len(later))
    else:  # consistent readings differ: look just after the first newline they disagree on
        middle = min(set.union(*(c for c, _ in outcomes)) - set.intersection(*(c for c, _ in outcomes)))
        estimate = sum(1 for k in known if k <= middle)
    target = middle + 1 if middle + 1 < len(served) and served[middle + 1] != "\n" else middle + 2
    guess = target + estimate
    raise Undecided(f"not yet known which newlines near stored offset {guess} had a CR; read "
                    f"offset={guess} and save its first 300 characters as probe_{guess}.json", guess)


def assemble(parts_dir: Path, total: int) -> str:
    """The whole stored text, CRs restored and every answer checked; ``ValueError`` when unsure."""
    served, points = _points(parts_dir, total)
    crlf = _carriage_returns(served, points)
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

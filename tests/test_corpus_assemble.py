"""tests/corpus/assemble.py: a page rebuilt from read_file answers is the stored file, or nothing is written.

The answers are simulated the way the index serves them: the stored text cut at 16,000-character
offsets, with every CR of a CRLF line ending removed from what is shown.
"""

import json
import random

import pytest

from tests.corpus.assemble import PIECE, Undecided, assemble, main


def serve(stored: str, offset: int) -> str:
    return stored[offset:offset + PIECE].replace("\r", "")


def save_pieces(folder, stored: str) -> None:
    for number, offset in enumerate(range(0, len(stored), PIECE)):
        (folder / f"{number:02d}.json").write_text(json.dumps(serve(stored, offset), ensure_ascii=False),
                                                  encoding="utf-8")


def lines(count: int, ending: str, width: int = 57) -> str:
    """HTML lines; every seventh is empty (a blank line right after a line: two newlines in a row)."""
    return "".join(("" if i % 7 == 3 else f"<p>第{i}行 {'政' * (i % width)}</p>") + ending
                   for i in range(count))


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_uniform_line_endings_are_rebuilt_exactly(tmp_path, ending):
    stored = lines(900, ending)  # several pieces; CRLF pairs split by piece boundaries too
    save_pieces(tmp_path, stored)
    assert assemble(tmp_path, len(stored)) == stored


def test_mixed_line_endings_ask_for_probes_until_decided(tmp_path):
    stored = lines(40, "\r\n") + lines(3, "\n") + lines(40, "\r\n")  # a CMS-inserted LF stretch
    save_pieces(tmp_path, stored)
    for _ in range(20):
        try:
            rebuilt = assemble(tmp_path, len(stored))
            break
        except Undecided as undecided:
            offset = undecided.offset
            (tmp_path / f"probe_{offset}.json").write_text(
                json.dumps(serve(stored, offset)[:300], ensure_ascii=False), encoding="utf-8")
    else:
        pytest.fail("never decided")
    assert rebuilt == stored


def test_a_changed_character_is_caught_where_a_probe_overlaps(tmp_path, capsys):
    """Lengths catch dropped or doubled text; a same-length change shows only against a second
    answer for the same stretch — the probes the CRLF search reads are such answers."""
    stored = lines(900, "\n")
    save_pieces(tmp_path, stored)
    offset = stored.index("第300行") - 50
    probe = json.dumps(serve(stored, offset)[:400], ensure_ascii=False)
    (tmp_path / f"probe_{offset}.json").write_text(probe, encoding="utf-8")
    assert assemble(tmp_path, len(stored)) == stored
    number = offset // PIECE
    piece = tmp_path / f"{number:02d}.json"
    text = json.loads(piece.read_text(encoding="utf-8"))
    piece.write_text(json.dumps(text.replace("第300行", "第301行", 1), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "page.html"
    assert main([str(tmp_path), str(out), "--total", str(len(stored))]) == 1
    assert not out.exists()
    assert "probe_" in capsys.readouterr().err


def test_a_dropped_line_is_caught(tmp_path):
    stored = lines(900, "\n")
    save_pieces(tmp_path, stored)
    piece = tmp_path / "00.json"
    text = json.loads(piece.read_text(encoding="utf-8"))
    first = text.index("\n") + 1
    piece.write_text(json.dumps(text[first:], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError):
        assemble(tmp_path, len(stored))


@pytest.mark.parametrize("seed", range(12))
def test_random_mixed_files_over_several_pieces(tmp_path, seed):
    """Stretches of CRLF and LF lines (a template and the CMS content pasted into it), over piece
    boundaries, some pieces starting right at a newline: rebuilt exactly, in a bounded number of probes."""
    rng = random.Random(seed)
    blocks = [lines(rng.randint(1, 120), rng.choice(["\n", "\r\n"]), width=rng.randint(5, 90))
              for _ in range(8)]
    stored = "".join(blocks)
    save_pieces(tmp_path, stored)
    for probes in range(80):  # noqa: B007 - the count is asserted below
        try:
            rebuilt = assemble(tmp_path, len(stored))
            break
        except Undecided as undecided:
            offset = undecided.offset
            assert not (tmp_path / f"probe_{offset}.json").exists(), "asked for the same offset twice"
            (tmp_path / f"probe_{offset}.json").write_text(
                json.dumps(serve(stored, offset)[:300], ensure_ascii=False), encoding="utf-8")
    else:
        pytest.fail("never decided")
    assert rebuilt == stored
    assert probes <= 8 * 2 * 8  # about log2(lines) per stretch boundary

"""Serious expression errors (严重表述错误): wrong→right pairs found in visible text and titles.

The pairs come from the versioned data file ``crawler/safety/data/wording.yml`` shipped with the
project, plus a team's own list (leaders' names, local organ names) given as
``thresholds: {wording_pairs: [{wrong, right, source}, …]}`` in a scoring profile or on an agency
in the agencies file — never from code. Matching is on the text only: scripts, styles, comments
and attribute values never reach it (:mod:`crawler.safety.text`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from crawler.safety.privacy import mask_numbers

DATA_FILE = Path(__file__).resolve().parent / "data" / "wording.yml"
CONTEXT_WIDTH = 25


@dataclass(frozen=True)
class WordingPair:
    wrong: str
    right: str
    source: str
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    origin: str = "builtin"


class WordingListError(ValueError):
    """A wording entry without its wrong/right/source (names the entry)."""


def parse_pairs(entries: Any, origin: str) -> list[WordingPair]:
    """Pairs from a list of mappings; every entry needs ``wrong``, ``right`` and ``source``."""
    if not entries:
        return []
    if not isinstance(entries, list):
        raise WordingListError(f"{origin}: wording pairs must be a list")
    pairs = []
    for index, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) and entry.get(k).strip() for k in ("wrong", "right", "source")):
            raise WordingListError(f"{origin}: entry {index} needs non-empty wrong, right and source")
        if entry["wrong"] == entry["right"]:
            raise WordingListError(f"{origin}: entry {index}: wrong and right are the same")
        pairs.append(WordingPair(entry["wrong"].strip(), entry["right"].strip(), entry["source"].strip(),
                                 tuple(entry.get("not_before") or ()), tuple(entry.get("not_after") or ()),
                                 origin))
    return pairs


@lru_cache(maxsize=1)
def builtin_list() -> tuple[str, tuple[WordingPair, ...]]:
    """(version, pairs) of the shipped list."""
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    return str(data["version"]), tuple(parse_pairs(data["entries"], "builtin"))


@dataclass(frozen=True)
class WordingHit:
    wrong: str
    right: str
    source: str
    origin: str
    where: str
    context: str


def find_wording(text: str, pairs: list[WordingPair] | tuple[WordingPair, ...],
                 where: str = "正文") -> list[WordingHit]:
    """Every occurrence of a wrong form in ``text`` (the longest pair wins where two overlap)."""
    hits: list[WordingHit] = []
    taken: list[tuple[int, int]] = []
    for pair in sorted(pairs, key=lambda p: -len(p.wrong)):
        start = text.find(pair.wrong)
        while start >= 0:
            end = start + len(pair.wrong)
            before, after = text[:start], text[end:]
            excluded = any(before.endswith(s) for s in pair.not_before) or any(
                after.startswith(s) for s in pair.not_after)
            if not excluded and not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                left, right = max(0, start - CONTEXT_WIDTH), min(len(text), end + CONTEXT_WIDTH)
                snippet = text[left:right].replace("\n", " ")
                hits.append(WordingHit(pair.wrong, pair.right, pair.source, pair.origin, where,
                                       ("…" if left else "") + mask_numbers(snippet)
                                       + ("…" if right < len(text) else "")))
            start = text.find(pair.wrong, end)
    return hits

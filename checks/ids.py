"""Stable finding ids: ``<run>-<key>``, the key a hash of what the finding is about.

The key is the first 10 hex digits of SHA-1 over ``agency | rule | url | field`` — the same identity
``cli.py diff`` matches findings by — so re-running ``check`` on a run gives every finding the same
id, and the same problem keeps the same key in every run (only the run prefix changes). Two findings
of one run with the same key (a rule reporting one page twice, e.g. per page type) get ``-2``, ``-3``
in the order the rule yielded them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

FINDING_ID_RE = re.compile(r"^[0-9]+-[0-9a-f]{10}(-[0-9]+)?$")


def finding_key(agency: str, rule: str, url: str, field: str) -> str:
    """The run-independent part of a finding id."""
    text = "|".join(part or "" for part in (agency, rule, url, field))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def assign_ids(rows: Iterable[dict]) -> None:
    """Set ``row["id"]`` on finding rows of one run (dicts with run_id, agency, rule, url, field)."""
    seen: dict[str, int] = {}
    for row in rows:
        key = finding_key(row["agency"], row["rule"], row.get("url") or "", row.get("field") or "")
        base = f"{row['run_id']}-{key}"
        seen[base] = seen.get(base, 0) + 1
        row["id"] = base if seen[base] == 1 else f"{base}-{seen[base]}"

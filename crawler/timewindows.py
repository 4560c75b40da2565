"""Time windows in 北京时间: an agency's 报备 filings and the evaluation task's window.

Parsed and validated here (the agencies file and the CLI use them); applied to findings by
``checks/filings.py``. A date alone means the whole day; naive times are 北京时间.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

BEIJING = timezone(timedelta(hours=8))


class FilingError(ValueError):
    """A filing or window is malformed (the message names the bad value)."""


@dataclass(frozen=True)
class Window:
    """A span of time [start, end) in UTC, with why it was filed."""

    start: datetime
    end: datetime
    reason: str = ""

    def contains(self, when: datetime) -> bool:
        return self.start <= when < self.end

    def text(self) -> str:
        fmt = "%Y-%m-%d %H:%M"
        start = self.start.astimezone(BEIJING).strftime(fmt)
        end = self.end.astimezone(BEIJING).strftime(fmt)
        return f"{start} 至 {end}" + (f"（{self.reason}）" if self.reason else "")


def parse_moment(value, end: bool = False) -> datetime:
    """``2026-11-20`` (the day's start, or with ``end`` the next day's start) or
    ``2026-11-20 08:00`` / ISO with offset; naive values are 北京时间."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value + timedelta(days=1) if end else value, time())
    else:
        text = str(value or "").strip()
        try:
            if len(text) == 10:
                day = date.fromisoformat(text)
                moment = datetime.combine(day + timedelta(days=1) if end else day, time())
            else:
                moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise FilingError(f"{text!r} is not a date (YYYY-MM-DD) or time (YYYY-MM-DD HH:MM)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BEIJING)
    return moment.astimezone(timezone.utc)


def parse_filings(raw) -> list[dict]:
    """Validate an agency's ``filings`` list; returns it normalised to text values."""
    if raw in (None, ""):
        return []
    if not isinstance(raw, list):
        raise FilingError("must be a list of {from, to, reason}")
    result = []
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or "from" not in item or "to" not in item:
            raise FilingError(f"entry {index} needs 'from' and 'to'")
        unknown = set(item) - {"from", "to", "reason"}
        if unknown:
            raise FilingError(f"entry {index}: unknown key {sorted(unknown)[0]!r}")
        window = Window(parse_moment(item["from"]), parse_moment(item["to"], end=True))
        if window.end <= window.start:
            raise FilingError(f"entry {index}: 'to' is before 'from'")
        result.append({"from": str(item["from"]), "to": str(item["to"]),
                       "reason": str(item.get("reason") or "")})
    return result


def windows_of(filings: list[dict]) -> list[Window]:
    return [Window(parse_moment(f["from"]), parse_moment(f["to"], end=True), f.get("reason") or "")
            for f in filings or []]


def parse_task_window(text: str) -> dict:
    """``FROM..TO`` (dates or times, 北京时间) → ``{"from": …, "to": …}``; FilingError if malformed."""
    if not text or ".." not in text:
        raise FilingError(f"{text!r} is not FROM..TO (e.g. 2026-11-01..2026-11-30)")
    start, end = (part.strip() for part in text.split("..", 1))
    window = Window(parse_moment(start), parse_moment(end, end=True))
    if window.end <= window.start:
        raise FilingError(f"{text!r}: TO is before FROM")
    return {"from": start, "to": end}

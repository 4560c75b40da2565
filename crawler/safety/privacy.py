"""Unmasked personal numbers in text: resident ID numbers and mobile numbers.

**ID number** (GB 11643—1999): 6-digit region code, 8-digit birth date, 3-digit sequence, and a
MOD 11-2 check character (``0``–``9`` or ``X``). A candidate counts only when all three hold: the
check character is right, the birth date is a real date between 1900 and today, and the first two
digits are a province-level code. Written contiguously, or in the usual spaced groups
(6-8-4, 6-4-4-4, 4-4-4-4-2), with full-width digits folded first.

**Mobile number**: ``1[3-9]`` + 9 digits, optionally ``+86``/``86``, written whole or 3-4-4 with
spaces or hyphens, and not part of a longer run of digits, letters, ``/``, ``_`` or ``.``.

A mobile number right after a contact label (联系电话, 咨询电话, 监督电话, 热线, 手机 …) in the
same text block is an office's published contact line, not a citizen's number, and is not
reported; a number in a table cell under a 联系电话 column header is (the header is another block).

Not leaks: masked forms (``3401**********1234``, ``138****1234``), wrong check digits, numbers
inside URLs, and numbers labelled as codes — 索引号, 文号/发文字号, 网站标识码, 公安备案/公网安备,
ICP, 统一社会信用代码, 组织机构代码, 注册号, 账号/卡号, 订单/流水号 — and landlines (area code
``0…``; a mobile pattern never starts with 0).

Every value leaves this module masked (:func:`mask_id`, :func:`mask_mobile`); contexts are masked
with :func:`mask_numbers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from crawler.safety.text import fold

PROVINCE_CODES = frozenset({
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
    50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
})
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
_SEP = r"[ \-]"
_BEFORE = r"(?<![\dA-Za-z_/.\-+])"
_AFTER = r"(?![\dA-Za-z_/])(?!-\d)"
_SPACED_BEFORE = r"(?<!\d )(?<!\d-)"
_SPACED_AFTER = r"(?! \d)"
ID_PATTERNS = (
    re.compile(_BEFORE + r"(\d{17}[\dXx])" + _AFTER),
    re.compile(_BEFORE + _SPACED_BEFORE + "("
               rf"\d{{6}}{_SEP}\d{{8}}{_SEP}\d{{3}}[\dXx]"
               rf"|\d{{6}}{_SEP}\d{{4}}{_SEP}\d{{4}}{_SEP}\d{{3}}[\dXx]"
               rf"|\d{{4}}{_SEP}\d{{4}}{_SEP}\d{{4}}{_SEP}\d{{4}}{_SEP}\d[\dXx]"
               ")" + _AFTER + _SPACED_AFTER),
)
_COUNTRY = r"(?:(?:\+86|86)[ \-]?)?"
MOBILE_PATTERNS = (
    re.compile(_BEFORE + _COUNTRY + r"(1[3-9]\d{9})" + _AFTER),
    re.compile(_BEFORE + _SPACED_BEFORE + _COUNTRY + rf"(1[3-9]\d{_SEP}\d{{4}}{_SEP}\d{{4}})"
               + _AFTER + _SPACED_AFTER),
)
URL_PATTERN = re.compile(r"(?:https?://|www\.)[^\s\u3000<>\"'，。；）)]+", re.I)
# Labels of codes that look like personal numbers; a number this close after one is not a leak.
CODE_LABELS = re.compile(
    r"(索\s*引\s*号|文\s*号|发文字号|标识码|公网安备|公安备案|备案号|ICP|信用代码|组织机构代码|"
    r"注册号|纳税人识别号|税号|账号|帐号|卡号|订单号|流水号|文件编号|证书编号|项目编号|合同编号|证书号|"
    r"许可证号|条码|批准文号)"
    r"[^\n\d]{0,12}$", re.I)
LABEL_WINDOW = 24
# Every ID and mobile form above (and the fallback masks) holds 11 digits with at most one separator
# between any two: text without such a run holds no number to report or mask.
LONG_RUN = re.compile(r"\d(?:[ \-]?\d){10}")


def may_hold_number(text: str | None) -> bool:
    """Whether ``text`` has a run of digits long enough to be an ID or mobile number (cheap gate)."""
    return bool(text) and bool(LONG_RUN.search(fold(text)))
# A mobile number right after one of these is an office's published contact line, not a leak.
CONTACT_LABELS = re.compile(
    r"(联系电话|联系方式|联系人|咨询电话|监督电话|举报电话|投诉电话|服务电话|服务热线|热线|值班电话|"
    r"办公电话|受理电话|报名电话|手机号码|电话|手机|Tel|TEL)[^\n\d]{0,8}$")


def id_check_char(first17: str) -> str:
    """The GB 11643 MOD 11-2 check character of the first 17 digits."""
    return CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def valid_id_number(digits: str, today: date | None = None) -> bool:
    """Whether 18 characters are a plausible resident ID: province, birth date, check character."""
    digits = digits.upper()
    if len(digits) != 18 or not digits[:17].isdigit():
        return False
    if int(digits[:2]) not in PROVINCE_CODES:
        return False
    try:
        born = date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
    except ValueError:
        return False
    if not (date(1900, 1, 1) <= born <= (today or date.today())):
        return False
    return id_check_char(digits[:17]) == digits[17]


def mask_id(digits: str) -> str:
    """``340103199001011234`` → ``3401**********1234`` (the form disclosure rules publish)."""
    return digits[:4] + "*" * 10 + digits[-4:].upper()


def mask_mobile(digits: str) -> str:
    """``13812345678`` → ``138****5678``."""
    return digits[:3] + "****" + digits[-4:]


@dataclass(frozen=True)
class Hit:
    """One unmasked number found in a text: field, masked value, offsets in the text."""

    field: str  # "id_number" | "mobile"
    masked: str
    start: int
    end: int
    key: str  # the masked value plus a digit-sum tag: distinct numbers, nothing reversible


def _url_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in URL_PATTERN.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _labelled(text: str, start: int) -> bool:
    return bool(CODE_LABELS.search(text[max(0, start - LABEL_WINDOW):start]))


def _distinct_key(masked: str, digits: str) -> str:
    """Tells apart two numbers with the same mask without storing anything reversible."""
    return f"{masked}/{sum(map(int, digits[:17])) % 97}"


def find_numbers(text: str, today: date | None = None) -> list[Hit]:
    """Unmasked ID and mobile numbers in ``text`` (see the module docstring for what counts)."""
    if not text:
        return []
    folded = fold(text)
    if not LONG_RUN.search(folded):  # every form has a run of 11 digits
        return []
    urls = _url_spans(folded)
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for match in (m for pattern in ID_PATTERNS for m in pattern.finditer(folded)):
        start, end = match.span(1)
        digits = re.sub(r"[ \-]", "", match.group(1)).upper()
        if _inside(start, urls) or _labelled(folded, start) or not valid_id_number(digits, today):
            continue
        masked = mask_id(digits)
        hits.append(Hit("id_number", masked, start, end, _distinct_key(masked, digits)))
        taken.append((start, end))
    for match in (m for pattern in MOBILE_PATTERNS for m in pattern.finditer(folded)):
        start, end = match.span(1)
        if _inside(start, urls) or _inside(start, taken) or _labelled(folded, start) \
                or CONTACT_LABELS.search(folded[max(0, start - LABEL_WINDOW):start]):
            continue
        digits = re.sub(r"[ \-]", "", match.group(1))
        masked = mask_mobile(digits)
        hits.append(Hit("mobile", masked, start, end, _distinct_key(masked, digits + "000000")))
    return sorted(hits, key=lambda h: h.start)


def mask_numbers(text: str, today: date | None = None, hits: list[Hit] | None = None) -> str:
    """``text`` with every number :func:`find_numbers` reports replaced by its masked form.

    ``hits``: the result of :func:`find_numbers` on this text, when the caller has it already.
    Also masks any remaining 17-digit-plus-check run or 11-digit ``1[3-9]`` run, valid or not, so a
    stored context never carries a full number even where the detector declined to report one.
    """
    if not text:
        return text
    folded = fold(text)
    if hits is None and not LONG_RUN.search(folded):
        return folded
    out = list(folded)
    for hit in find_numbers(text, today) if hits is None else hits:
        out[hit.start:hit.end] = [""] * (hit.end - hit.start)
        out[hit.start] = hit.masked
    masked = "".join(out)
    masked = re.sub(r"(?<!\d)(\d{4})\d{10}(\d{3}[\dXx])(?![\dXx])", r"\1**********\2", masked)
    return re.sub(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)", r"\1****\2", masked)


def context(text: str, start: int, end: int, width: int = 30) -> str:
    """The masked text around ``text[start:end]`` (the sentence an evaluator quotes)."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    snippet = text[left:right].replace("\n", " ")
    return ("…" if left else "") + mask_numbers(snippet) + ("…" if right < len(text) else "")


MAX_SAMPLES = 20


def summarize(blocks, today: date | None = None, masked: list[str] | None = None) -> dict[str, dict]:
    """Per field, over located text blocks (:class:`crawler.safety.text.Block`): distinct numbers,
    occurrences, and up to ``MAX_SAMPLES`` samples ``{masked, where, context}`` — all masked.

    ``masked``: when a list is given, each block's text with its numbers masked is appended to it
    (one detector pass serves both the findings and the stored text).
    """
    found: dict[str, dict] = {}
    for block in blocks:
        hits = find_numbers(block.text, today)
        if masked is not None:
            masked.append(mask_numbers(block.text, today, hits))
        for hit in hits:
            entry = found.setdefault(hit.field, {"keys": set(), "occurrences": 0, "samples": []})
            entry["occurrences"] += 1
            if hit.key not in entry["keys"] and len(entry["samples"]) < MAX_SAMPLES:
                entry["samples"].append({"masked": hit.masked, "where": block.where,
                                         "context": context(block.text, hit.start, hit.end)})
            entry["keys"].add(hit.key)
    return {name: {"numbers": len(e["keys"]), "occurrences": e["occurrences"], "samples": e["samples"]}
            for name, e in found.items()}

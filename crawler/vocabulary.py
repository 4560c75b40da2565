"""The shared words of the store: verdicts, error classes, scopes, column types, file extensions
and durations. Every layer uses these names; none defines its own.

Durations come in two kinds with distinct units, so no letter means two things:

* **calendar windows** (profiles: ``freshness_windows``, ``home_window``): ``14d``, ``2w``,
  ``6m`` (calendar months), ``1y`` — see :func:`parse_window`;
* **clock durations** (``probe --every/--for``): ``90s``, ``30min``, ``1h``, ``7d`` — see
  :func:`clock_seconds`. ``m`` is refused there with a hint, because in a profile it means months.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

# --- link-check verdicts and error classes ----------------------------------------------------
VERDICTS = ("ok", "broken", "review", "skipped")
#: Error classes of a request without a usable HTTP answer (link checks, probes, home fetch).
NETWORK_ERRORS = {
    "timeout": "访问超时", "refused": "连接被拒绝", "reset": "连接被重置", "dns": "域名无法解析",
    "tls": "HTTPS 证书/加密错误", "no-response": "服务器未响应", "unreachable": "网络不可达",
    "too-many-redirects": "重定向次数过多或循环跳转",
}
#: Error classes of an HTTP answer that is not the page.
PAGE_ERRORS = {
    "soft-404": "页面显示“页面不存在”等错误内容（状态码 200）", "redirect-to-error": "跳转后指向错误页面",
    "empty": "页面内容为空（状态码 200）",
    "not-a-document": "附件无效（返回网页或文件类型不符）",  # content safety: attachment-invalid
}
HTTP_ERROR_RE = re.compile(r"^http-(\d{3})$")
#: Names stores written before the vocabulary was unified still carry (read, never written).
LEGACY_HTTP_CLASSES = {"4xx": 404, "http-4xx": 404, "5xx": 500, "http-5xx": 500}


def http_error(status: int) -> str:
    """The one name of an HTTP error answer: ``http-404``, ``http-503``."""
    return f"http-{int(status)}"


def error_text(error_class: str) -> str:
    """The 中文 explanation of an error class (unknown classes are shown as they are)."""
    if error_class in NETWORK_ERRORS:
        return NETWORK_ERRORS[error_class]
    if error_class in PAGE_ERRORS:
        return PAGE_ERRORS[error_class]
    match = HTTP_ERROR_RE.match(error_class or "")
    status = int(match.group(1)) if match else LEGACY_HTTP_CLASSES.get(error_class)
    if status is None:
        return error_class
    return "服务器错误" if status >= 500 else "返回错误状态码"


# --- link scopes, page kinds, column types ----------------------------------------------------
SCOPES = {"internal": "站内链接", "external": "外部链接", "attachment": "附件/图片", "special": "特殊链接"}
COLUMN_TYPES = {"news": "动态/要闻", "notice": "通知公告", "policy": "政策文件", "personnel": "人事",
                "planning": "规划计划", "other": "其他"}
#: Column types with an update window (every one but ``other``).
DATED_COLUMN_TYPES = tuple(t for t in COLUMN_TYPES if t != "other")

# --- file extensions --------------------------------------------------------------------------
#: Files a policy document's text is offered in (提供文本下载).
DOCUMENT_EXTENSIONS = frozenset("pdf doc docx wps ofd xls xlsx et zip rar 7z txt".split())
#: Extensions that make a link an attachment/image rather than a page.
ATTACHMENT_EXTENSIONS = frozenset(
    "pdf doc docx xls xlsx ppt pptx wps et dps ofd zip rar 7z gz tar txt csv "
    "jpg jpeg png gif bmp webp svg ico tif tiff mp3 mp4 avi wmv flv mov swf apk exe".split())
#: Files a 下载 link on a document page may point to (a text download, not a plain .txt).
DOWNLOAD_EXTENSIONS = DOCUMENT_EXTENSIONS - {"txt"}
#: Page resources that are not links a visitor follows.
RESOURCE_EXTENSIONS = frozenset("css js json xml woff woff2 ttf eot map".split())

# --- the index page of a folder ---------------------------------------------------------------
#: ``/index.html``, ``/index_0.shtml``, ``/default.aspx`` … — the page a folder URL serves.
INDEX_PAGE_RE = re.compile(r"/(?:index(?:_0)?|default)\.(?:s?html?|jsp|aspx?|php)$", re.IGNORECASE)

# --- durations --------------------------------------------------------------------------------
WINDOW_RE = re.compile(r"^\s*(\d+)\s*([dwmy])\s*$", re.IGNORECASE)
WINDOW_UNITS = {"d": "天", "w": "周", "m": "个月", "y": "年"}
CLOCK_RE = re.compile(r"^\s*(\d+)\s*(s|min|h|d)\s*$")
CLOCK_SECONDS = {"s": 1, "min": 60, "h": 3600, "d": 86400}


class DurationError(ValueError):
    """A duration that cannot be read; the message names the setting/option and the value."""


def parse_window(text: str, setting: str = "window") -> tuple[int, str]:
    """A calendar window: ``"14d"`` → ``(14, "d")``; units d(ays), w(eeks), m(onths), y(ears)."""
    match = WINDOW_RE.match(str(text))
    if not match:
        raise DurationError(f"{setting}: 无法解析的时间窗口 {text!r}（应写作 14d、2w、6m 或 1y）")
    return int(match.group(1)), match.group(2).lower()


def clock_seconds(value: str, option: str) -> int:
    """A clock duration in seconds: ``90s``, ``30min``, ``1h``, ``7d``."""
    match = CLOCK_RE.match(value or "")
    if match and int(match.group(1)) > 0:
        return int(match.group(1)) * CLOCK_SECONDS[match.group(2)]
    if re.match(r"^\s*\d+\s*m\s*$", value or ""):
        raise DurationError(f"{option}: {value!r} is ambiguous (m means months in profiles); "
                            f"write minutes as {value.strip()[:-1].strip()}min")
    raise DurationError(f"{option}: {value!r} is not a duration like 30min, 1h or 7d")


def window_start(as_of: dt.date, window: str, setting: str = "window") -> dt.date:
    """The oldest date still inside ``window`` before ``as_of`` (an item dated on it is fresh)."""
    count, unit = parse_window(window, setting)
    if unit == "d":
        return as_of - dt.timedelta(days=count)
    if unit == "w":
        return as_of - dt.timedelta(weeks=count)
    months = count * (12 if unit == "y" else 1)
    year, month = divmod(as_of.year * 12 + as_of.month - 1 - months, 12)
    month += 1
    day = min(as_of.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def window_text(window: str) -> str:
    """``"6m"`` → ``"6个月"`` for details users read."""
    count, unit = parse_window(window)
    return f"{count}{WINDOW_UNITS[unit]}"

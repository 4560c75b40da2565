"""File signatures (magic bytes) against the extension an attachment link names (附件失效).

A visitor clicking 下载 on ``a.pdf`` and getting the CMS's HTML error page, or a file of another
type, gets no document. :func:`signature` names what the first bytes are; :func:`mismatch` says
whether that is wrong for the extension. Legacy Office extensions accept both the OLE container
and ZIP (Office and WPS open a ``.doc`` that is really ``.docx``), and OOXML extensions accept OLE
(how a password-protected ``.docx`` is stored); ``.xls``/``.doc``/``.et`` also
accept an HTML or XML table export that carries content (Excel and Word open those), but not an
HTML page without a table or one that says it is an error page.
"""

from __future__ import annotations

import re

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SIGNATURES = (
    ("pdf", lambda b: b"%PDF-" in b[:1024]),
    ("ole", lambda b: b.startswith(OLE)),
    ("zip", lambda b: b.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"))),
    ("rar", lambda b: b.startswith(b"Rar!\x1a\x07")),
    ("7z", lambda b: b.startswith(b"7z\xbc\xaf\x27\x1c")),
    ("gzip", lambda b: b.startswith(b"\x1f\x8b")),
    ("rtf", lambda b: b.startswith(b"{\\rtf")),
    ("png", lambda b: b.startswith(b"\x89PNG")),
    ("jpeg", lambda b: b.startswith(b"\xff\xd8\xff")),
    ("gif", lambda b: b.startswith((b"GIF87a", b"GIF89a"))),
)
_HTML_START = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*"
                         rb"<(?:!doctype\s+html|html|head|body|meta|title|script|div|table|\?xml)",
                         re.I | re.S)
EXPECTED: dict[str, frozenset[str]] = {
    "pdf": frozenset({"pdf"}),
    "doc": frozenset({"ole", "zip", "rtf", "html-table"}),
    "wps": frozenset({"ole", "zip"}),
    "xls": frozenset({"ole", "zip", "html-table"}),
    "et": frozenset({"ole", "zip", "html-table"}),
    "ppt": frozenset({"ole", "zip"}),
    "dps": frozenset({"ole", "zip"}),
    # a password-protected .docx/.xlsx/.pptx is an OLE container (EncryptedPackage)
    "docx": frozenset({"zip", "ole"}),
    "xlsx": frozenset({"zip", "ole"}),
    "pptx": frozenset({"zip", "ole"}),
    "ofd": frozenset({"zip"}),
    "zip": frozenset({"zip"}),
    "rar": frozenset({"rar"}),
    "7z": frozenset({"7z"}),
    "csv": frozenset({"text"}),
    "txt": frozenset({"text"}),
}
ERROR_WORDS = ("页面不存在", "您访问的页面", "找不到", "已被删除", "404", "not found", "error", "错误")


def looks_like_html(body: bytes) -> bool:
    return bool(_HTML_START.match(body[:2048]))


def signature(body: bytes) -> str:
    """``pdf`` | ``ole`` | ``zip`` | … | ``html`` | ``html-table`` | ``text`` | ``empty`` | ``binary``."""
    if not body:
        return "empty"
    for name, test in SIGNATURES:
        if test(body):
            return name
    if looks_like_html(body):
        head = body[:65536].lower()
        has_table = b"<table" in head or b"urn:schemas-microsoft-com:office" in head \
            or b"<workbook" in head
        title = re.search(rb"<title[^>]*>(.*?)</title>", head, re.S)
        erroneous = title and any(w.encode("utf-8") in title.group(1) or w.encode("gbk") in title.group(1)
                                  for w in ERROR_WORDS)
        return "html-table" if has_table and not erroneous else "html"
    sample = body[:4096]
    if b"\x00" not in sample:
        return "text"
    return "binary"


def mismatch(ext: str, detected: str) -> bool:
    """True when ``detected`` is not a valid form of a file named ``.ext`` (unknown ext: False)."""
    expected = EXPECTED.get(ext.lower())
    if expected is None:
        return False
    return detected not in expected

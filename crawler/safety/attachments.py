"""Text of attachments as located blocks, for the privacy scan (only the facts are kept).

Readers, chosen by the file's signature (not only its extension: an ``.et`` or ``.xls`` may be a
ZIP workbook, a ``.doc`` a ``.docx``):

==========================  =====================================  ============================
extension                   library                                where a block is
==========================  =====================================  ============================
xls, et (OLE)               xlrd                                   表 S 第r行 第C列
xlsx, et (ZIP)              openpyxl (read-only)                   表 S 第r行 第C列
csv, txt                    csv / text, UTF-8 or GB18030           第r行 第c列 / 第n行
docx, doc/wps (ZIP)         python-docx                            段落 n / 表格 t 第r行第c列
doc, wps (OLE)              olefile + the Word 97 piece table      段落 n
pdf                         pdfminer.six (text layer)              第 n 页
ofd                         zipfile + lxml (TextCode of each page)  第 n 页
==========================  =====================================  ============================

A file over the size cap (``GOVAUDIT_ATTACHMENT_MAX_BYTES``, default 20 MB) is ``too-large``; one
no reader can open (encrypted, corrupt, a PDF without a text layer, an old format) is
``unreadable`` with the reason; a type we have no reader for (zip, rar, images) is
``unsupported``. None of these is ever reported as clean.
"""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile

from crawler.safety.signatures import signature
from crawler.safety.text import Block, blocks_of_html

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 2000
MAX_CELLS = 2_000_000
SCANNED_EXTENSIONS = frozenset("xls xlsx et csv txt doc docx wps pdf ofd".split())


class Unreadable(Exception):
    """The file could not be read; the message is the reason shown to users."""


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sheet_blocks(sheet_name: str, rows) -> list[Block]:
    blocks, cells = [], 0
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row):
            text = _cell_text(value).strip()
            cells += 1
            if text:
                blocks.append(Block(text, f"表「{sheet_name}」第{r}行 第{column_letter(c)}列"))
            if cells > MAX_CELLS:
                raise Unreadable("表格单元格过多")
    return blocks


def read_xls(body: bytes) -> list[Block]:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=body, on_demand=True)
    except Exception as exc:  # xlrd raises many types for corrupt or encrypted books
        raise Unreadable(f"xls: {type(exc).__name__}") from None
    blocks = []
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        blocks += _sheet_blocks(sheet.name, (sheet.row_values(r) for r in range(sheet.nrows)))
    return blocks


def read_xlsx(body: bytes) -> list[Block]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    except Exception as exc:
        raise Unreadable(f"xlsx: {type(exc).__name__}") from None
    try:
        return [b for sheet in book.worksheets
                for b in _sheet_blocks(sheet.title, sheet.iter_rows(values_only=True))]
    finally:
        book.close()


def decode_text(body: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            continue
    return body.decode("utf-8", "replace")


def read_csv(body: bytes) -> list[Block]:
    text = decode_text(body)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    blocks = []
    for r, row in enumerate(csv.reader(io.StringIO(text), dialect), 1):
        for c, value in enumerate(row):
            if value.strip():
                blocks.append(Block(value.strip(), f"第{r}行 第{column_letter(c)}列"))
    return blocks


def read_txt(body: bytes) -> list[Block]:
    return [Block(line.strip(), f"第{n}行") for n, line in enumerate(decode_text(body).splitlines(), 1)
            if line.strip()]


def read_docx(body: bytes) -> list[Block]:
    import docx

    try:
        document = docx.Document(io.BytesIO(body))
    except Exception as exc:
        raise Unreadable(f"docx: {type(exc).__name__}") from None
    blocks = [Block(p.text.strip(), f"段落 {n}") for n, p in enumerate(document.paragraphs, 1)
              if p.text.strip()]
    for t, table in enumerate(document.tables, 1):
        for r, row in enumerate(table.rows, 1):
            for c, cell in enumerate(row.cells, 1):
                if cell.text.strip():
                    blocks.append(Block(cell.text.strip(), f"表格 {t} 第{r}行第{c}列"))
    return blocks


def word97_text(body: bytes) -> str:
    """The main text of a Word 97–2003 (or WPS) binary file, from its piece table (MS-DOC §2.8)."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(body))
    except Exception as exc:
        raise Unreadable(f"doc: {type(exc).__name__}") from None
    try:
        if not ole.exists("WordDocument"):
            raise Unreadable("doc: 无 WordDocument 数据流")
        word = ole.openstream("WordDocument").read()
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        if flags & 0x0100:
            raise Unreadable("doc: 文件已加密")
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            raise Unreadable("doc: 无表数据流")
        table = ole.openstream(table_name).read()
        fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x1A2)
        clx = table[fc_clx:fc_clx + lcb_clx]
        pos = 0
        while pos < len(clx) and clx[pos] == 1:  # Prc entries before the piece table
            pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
        if pos >= len(clx) or clx[pos] != 2:
            raise Unreadable("doc: 无法解析文本片段表")
        lcb = struct.unpack_from("<I", clx, pos + 1)[0]
        plc = clx[pos + 5:pos + 5 + lcb]
        count = (lcb - 4) // 12
        cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
        parts = []
        for i in range(count):
            fc = struct.unpack_from("<I", plc, (count + 1) * 4 + i * 8 + 2)[0]
            length = cps[i + 1] - cps[i]
            if fc & 0x40000000:
                start = (fc & ~0x40000000) // 2
                parts.append(word[start:start + length].decode("cp1252", "replace"))
            else:
                parts.append(word[fc:fc + 2 * length].decode("utf-16-le", "replace"))
        return "".join(parts)
    except (struct.error, IndexError, ValueError) as exc:
        raise Unreadable(f"doc: {type(exc).__name__}") from None
    finally:
        ole.close()


def read_word97(body: bytes) -> list[Block]:
    text = word97_text(body)
    paragraphs = re.split(r"[\r\x07\x0b\x0c]+", text)
    return [Block(p.strip(), f"段落 {n}") for n, p in enumerate(
        (re.sub(r"[\x00-\x08\x13-\x15]", "", p) for p in paragraphs), 1) if p.strip()]


def read_pdf(body: bytes) -> list[Block]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException

    blocks = []
    try:
        for n, page in enumerate(extract_pages(io.BytesIO(body), maxpages=MAX_PDF_PAGES), 1):
            lines = [el.get_text() for el in page if isinstance(el, LTTextContainer)]
            for line in "".join(lines).splitlines():
                if line.strip():
                    blocks.append(Block(line.strip(), f"第 {n} 页"))
    except (PDFEncryptionError, PDFPasswordIncorrect):
        raise Unreadable("pdf: 文件已加密") from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, struct.error) as exc:
        raise Unreadable(f"pdf: {type(exc).__name__}") from None
    if not blocks:
        raise Unreadable("pdf: 无文字层（扫描件，需人工复核）")
    return blocks


def read_ofd(body: bytes) -> list[Block]:
    from lxml import etree

    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
    except zipfile.BadZipFile:
        raise Unreadable("ofd: 不是有效的 OFD 包") from None

    def page_number(name: str) -> int:
        match = re.search(r"Page_(\d+)/Content\.xml$", name, re.I)
        return int(match.group(1)) if match else 10**9

    pages = sorted((n for n in archive.namelist() if re.search(r"Page_\d+/Content\.xml$", n, re.I)),
                   key=page_number)
    if not pages:
        raise Unreadable("ofd: 未找到页面内容")
    blocks = []
    for n, name in enumerate(pages, 1):
        try:
            root = etree.fromstring(archive.read(name))
        except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile):
            raise Unreadable("ofd: 页面内容无法解析") from None
        for obj in root.iter("{*}TextObject"):
            text = "".join("".join(code.itertext()) for code in obj.iter("{*}TextCode")).strip()
            if text:
                blocks.append(Block(text, f"第 {n} 页"))
    return blocks


def read_html_table(body: bytes) -> list[Block]:
    """An HTML/XML table saved under an office extension (Excel and Word open it)."""
    from crawler.extract import decode_html

    return blocks_of_html(decode_html(body, None)[0])


def reader_for(ext: str, detected: str):
    """The reader for a file (None: no reader for this type)."""
    ext = ext.lower()
    if detected == "html-table" and ext in ("xls", "et", "doc"):
        return read_html_table
    if ext in ("xls", "et"):
        return {"ole": read_xls, "zip": read_xlsx}.get(detected)
    if ext == "xlsx":
        return read_xlsx if detected == "zip" else None
    if ext in ("doc", "wps"):
        return {"ole": read_word97, "zip": read_docx}.get(detected)
    if ext == "docx":
        return read_docx if detected == "zip" else None
    if ext == "pdf":
        return read_pdf if detected == "pdf" else None
    if ext == "ofd":
        return read_ofd if detected == "zip" else None
    if ext == "csv":
        return read_csv if detected == "text" else None
    if ext == "txt":
        return read_txt if detected == "text" else None
    return None


def extract_blocks(body: bytes, ext: str, truncated: bool = False) -> tuple[str, str, list[Block]]:
    """``(status, reason, blocks)`` of an attachment body.

    ``status``: ``scanned`` | ``too-large`` (``truncated``: the body was cut at the cap) |
    ``unreadable`` | ``unsupported``. Never raises on what a server sends.
    """
    if truncated:
        return "too-large", "超过附件大小上限，未扫描", []
    detected = signature(body)
    if ext.lower() not in SCANNED_EXTENSIONS:
        return "unsupported", f"不扫描 .{ext} 文件", []
    reader = reader_for(ext, detected)
    if reader is None:
        return "unreadable", f".{ext} 文件内容为 {detected}，无法读取", []
    try:
        return "scanned", "", reader(body)
    except Unreadable as exc:
        return "unreadable", str(exc), []
    except Exception as exc:  # a reader library failing on a hostile file must not stop the crawl
        return "unreadable", f"{ext}: {type(exc).__name__}", []

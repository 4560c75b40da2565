"""Attachments carrying personal numbers, made in the test (openpyxl, python-docx, a hand-written PDF).

Also valid ID numbers: :func:`make_id` completes 17 digits with their GB 11643 check character, so
no real person's number appears anywhere in the tests.
"""

from __future__ import annotations

import io

from crawler.safety.privacy import id_check_char


def make_id(first17: str) -> str:
    """A valid-looking (fictional) ID number: 17 digits plus their check character."""
    return first17 + id_check_char(first17)


def xlsx_bytes(rows: list[list], sheet: str = "名单") -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A minimal PDF 1.4 with a text layer (Helvetica, ASCII lines), one list of lines per page."""
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font_ref = 3 + 2 * len(pages)
    for i, lines in enumerate(pages):
        content_ref = 4 + 2 * i
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content_ref} 0 R "
                       f"/Resources << /Font << /F1 {font_ref} 0 R >> >> >>".encode())
        ops = ["BT", "/F1 12 Tf", "14 TL", "50 800 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def ofd_bytes(pages: list[list[str]]) -> bytes:
    """A minimal OFD package: one Content.xml per page with TextObject/TextCode elements."""
    import zipfile

    out = io.BytesIO()
    ns = "http://www.ofdspec.org/2016"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{ns}" Version="1.0"><ofd:DocBody>'
                         "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        for n, lines in enumerate(pages):
            objs = "".join(f'<ofd:TextObject ID="{i}"><ofd:TextCode X="0" Y="{i * 10}">{line}'
                           "</ofd:TextCode></ofd:TextObject>" for i, line in enumerate(lines))
            archive.writestr(f"Doc_0/Pages/Page_{n}/Content.xml",
                             f'<ofd:Page xmlns:ofd="{ns}"><ofd:Content><ofd:Layer>{objs}</ofd:Layer>'
                             "</ofd:Content></ofd:Page>")
    return out.getvalue()


def _cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (version 3, 512-byte sectors) holding ``streams`` (each padded
    to ≥ 4096 bytes, so all live in regular sectors and no mini stream is needed)."""
    import struct

    sector = 512
    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    padded = {name: data.ljust(max(4096, -(-len(data) // sector) * sector), b"\0")
              for name, data in streams.items()}
    fat = [fat_sect, end]  # sector 0: the FAT, sector 1: the directory
    starts = {}
    for name, data in padded.items():
        first = len(fat)
        count = len(data) // sector
        starts[name] = first
        fat += [first + i + 1 for i in range(count - 1)] + [end]
    assert len(fat) <= 128
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB3I", len(encoded), kind, 1, left, right, child)
                + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", start, size))

    names = list(padded)  # sorted by (length, upper) for the directory tree: a chain of right siblings
    names.sort(key=lambda n: (len(n), n.upper()))
    directory = entry("Root Entry", 5, free, free, 1, end, 0)
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else free
        directory += entry(name, 2, free, right, free, starts[name], len(padded[name]))
    directory = directory.ljust(sector, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    body = struct.pack("<128I", *fat) + directory
    for name in padded:
        body += padded[name]
    return header + body


def word97_bytes(text: str) -> bytes:
    """A Word 97–2003 binary document whose main text is ``text`` (one uncompressed piece)."""
    import struct

    encoded = text.encode("utf-16-le")
    fib = bytearray(0x800)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", fib, 0x0A, 0x0200)  # fWhichTblStm: the 1Table stream
    clx = b"\x02" + struct.pack("<I", 16) + struct.pack("<II", 0, len(text)) + \
        struct.pack("<HIH", 0, 0x800, 0)
    struct.pack_into("<II", fib, 0x1A2, 0, len(clx))
    return _cfb({"WordDocument": bytes(fib) + encoded, "1Table": clx})

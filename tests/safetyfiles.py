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

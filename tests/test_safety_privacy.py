"""Privacy detector: every form of issue 15, positive and negative, table-driven."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.extract import decode_html
from crawler.safety.privacy import find_numbers, mask_numbers, summarize, valid_id_number
from crawler.safety.text import blocks_of_html
from tests.safetyfiles import make_id

ID = make_id("34010319900101123")
ID_X = next(make_id(f"34010319900101{n:03d}") for n in range(200)
            if make_id(f"34010319900101{n:03d}").endswith("X"))
WRONG = ID[:17] + ("0" if ID[17] != "0" else "1")
TODAY = date(2026, 11, 27)


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


POSITIVE = [
    ("plain id", f"申请人身份证号：{ID}", "id_number"),
    ("id with X", f"身份证：{ID_X}", "id_number"),
    ("lower-case x", f"身份证：{ID_X[:17]}x", "id_number"),
    ("full-width id", f"身份证号码：{fullwidth(ID)}", "id_number"),
    ("full-width X", f"证件：{fullwidth(ID_X[:17])}Ｘ", "id_number"),
    ("split 6-8-4", f"证件号 {ID[:6]} {ID[6:14]} {ID[14:]}", "id_number"),
    ("split 6-4-4-4", f"证件号 {ID[:6]} {ID[6:10]} {ID[10:14]} {ID[14:]}", "id_number"),
    ("split 4-4-4-4-2", "证件号 " + " ".join([ID[0:4], ID[4:8], ID[8:12], ID[12:16], ID[16:]]), "id_number"),
    ("ideographic spaces", f"证件号\u3000{ID[:6]}\u3000{ID[6:14]}\u3000{ID[14:]}", "id_number"),
    ("hyphens", f"证件号 {ID[:6]}-{ID[6:14]}-{ID[14:]}", "id_number"),
    ("chinese right before", f"张三{ID}男", "id_number"),
    ("mobile", "张三 13912345678 已审核", "mobile"),
    ("mobile +86", "+86 13912345678", "mobile"),
    ("mobile 86-", "86-13912345678", "mobile"),
    ("mobile split", "139 1234 5678", "mobile"),
    ("mobile hyphens", "139-1234-5678", "mobile"),
    ("full-width mobile", fullwidth("18655501234"), "mobile"),
    ("mobile in a sentence", "经核实，申请人王五（13712345678）符合条件", "mobile"),
]

NEGATIVE = [
    ("masked id", "3401**********1234"),
    ("masked id 35", "35**************123"),
    ("partly masked", f"{ID[:6]}********{ID[14:]}"),
    ("masked mobile", "138****1234"),
    ("full-width masked", "１３８＊＊＊＊１２３４"),
    ("wrong check digit", f"身份证号：{WRONG}"),
    ("bad birth date", "身份证号：" + make_id("34010319901301123")),
    ("future birth date", "身份证号：" + make_id("34010320301301123")),
    ("no such province", "身份证号：" + make_id("99010319900101123")),
    ("索引号", f"索引号：{ID}"),
    ("索 引 号 spaced", f"索 引 号：{ID}"),
    ("文号", f"文号：{ID}"),
    ("网站标识码", "网站标识码：3401000001"),
    ("公安备案", "皖公网安备 34010202000123号"),
    ("公安备案 id-like", f"公网安备{ID}号"),
    ("credit code", f"统一社会信用代码：{ID}"),
    ("bank account", f"开户行账号：{ID}"),
    ("landline", "电话：0551-65123456"),
    ("landline no hyphen", "055165123456"),
    ("hotline 12345", "12345"),
    ("id in url", f"http://www.example.org/a/{ID}.html"),
    ("id in www url", f"见www.example.org/x?id={ID}"),
    ("mobile in url", "http://www.example.org/u/13912345678/"),
    ("longer digit run", f"9{ID}"),
    ("longer run after", f"{ID}9"),
    ("mobile in a longer run", "139123456789"),
    ("mobile after digits", "0139123456781"),
    ("after a letter", f"NO{ID}"),
    ("decimal", "3.13912345678"),
    ("path", f"/files/{ID}"),
    ("contact line", "咨询电话：13912345678"),
    ("contact person", "联系人：张科长，手机 13912345678"),
    ("supervision line", "监督电话 13912345678"),
    ("order number", "订单号：13912345678"),
    ("TRS attachment id", "P020260301385712345678.pdf"),
    ("article id", "t20240315_1444325.html"),
    ("date time", "2024-03-15 13:12:45"),
    ("digits 19", "1391234567812345678"),
]


@pytest.mark.parametrize("name,text,field", POSITIVE, ids=[p[0] for p in POSITIVE])
def test_found(name, text, field):
    hits = find_numbers(text, TODAY)
    assert [h.field for h in hits] == [field], hits
    assert "*" in hits[0].masked
    digits = "".join(c for c in hits[0].masked if c.isdigit() or c in "Xx")
    assert len(digits) == (8 if field == "id_number" else 7)


@pytest.mark.parametrize("name,text", NEGATIVE, ids=[n[0] for n in NEGATIVE])
def test_not_found(name, text):
    assert find_numbers(text, TODAY) == []


def test_check_digit_and_date():
    assert valid_id_number(ID, TODAY)
    assert not valid_id_number(WRONG, TODAY)
    assert valid_id_number("11010519491231002X", TODAY)  # the GB 11643 standard's own example


def test_masking_never_leaves_a_full_number():
    text = f"张三 {ID}，手机 13912345678；李四 {WRONG}（校验位错误）"
    masked = mask_numbers(text)
    assert ID not in masked and "13912345678" not in masked and WRONG not in masked
    assert ID[:4] + "*" * 10 + ID[-4:] in masked


def test_gbk_page_with_fullwidth_digits_in_a_table():
    html = ("<html><head><meta charset='gbk'><title>公示</title></head><body><table>"
            f"<tr><th>姓名</th><th>身份证</th></tr><tr><td>张三</td><td>{fullwidth(ID)}</td></tr>"
            "</table></body></html>").encode("gbk")
    text, encoding = decode_html(html, "text/html")
    assert encoding == "gb18030"
    found = summarize(blocks_of_html(text), TODAY)
    assert found["id_number"]["numbers"] == 1
    assert found["id_number"]["samples"][0]["where"] == "表格 第2行第2列"


def test_number_split_over_inline_elements_is_one_number():
    blocks = blocks_of_html(f"<p>身份证：<span>{ID[:6]}</span><b>{ID[6:]}</b></p>")
    assert summarize(blocks, TODAY)["id_number"]["numbers"] == 1


def test_comments_scripts_and_attributes_are_not_text():
    html = (f"<p title='{ID}'>无</p><!-- {ID} --><script>var id='{ID}';</script>"
            f"<a href='/x/{ID}.html'>附件</a><input value='{ID}'>")
    assert summarize(blocks_of_html(html), TODAY) == {}


def test_distinct_numbers_and_occurrences():
    other = make_id("11010519851231002")
    blocks = blocks_of_html(f"<p>{ID}</p><p>{ID}</p><p>{other}</p>")
    found = summarize(blocks, TODAY)["id_number"]
    assert (found["numbers"], found["occurrences"], len(found["samples"])) == (2, 3, 2)

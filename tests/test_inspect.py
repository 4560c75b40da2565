"""``cli.py inspect``: JSON of what page understanding sees, on files and on a local server."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from commands.inspect_cmd import inspect

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DOC_URL = "http://www.example.org/zwgk/zcwj/202403/t20240315_1234567.html"  # made up, never fetched


def run(*args: str):
    return CliRunner().invoke(inspect, list(args))


def test_saved_file_with_url():
    result = run(str(PAGES / "doc_trs_table.html"), "--url", DOC_URL)
    assert result.exit_code == 0, result.output
    facts = json.loads(result.output)
    assert facts["url"] == DOC_URL and facts["encoding"] == "utf-8"
    assert facts["kind"] == "document"
    assert facts["document"]["fields"]["doc_number"]["value"] == "示政办发〔2024〕5号"
    assert "column_type" in facts and "type_source" in facts
    assert "示政办发〔2024〕5号" in result.output  # ensure_ascii=False
    assert result.output.startswith("{\n  ")  # indent 2


def test_gbk_file_without_declared_charset():
    result = run(str(PAGES / "doc_xxgk_div_nodecl.html"))
    facts = json.loads(result.output)
    assert facts["encoding"] == "gb18030"
    assert facts["title"] == "示例市发展改革委关于印发价格监督检查实施细则的通知"
    assert facts["url"].startswith("file://")


def test_home_flag():
    facts = json.loads(run(str(PAGES / "home_portal.html"), "--home").output)
    assert facts["kind"] == "home"


@pytest.mark.skipif(not CORPUS.exists(), reason=f"real-page corpus not found at {CORPUS}")
def test_saved_from_mark_gives_the_url():
    facts = json.loads(run(str(CORPUS / "wanzai_tjgb_2015_jyh.html")).output)
    assert facts["url"] == ("http://www.wanzai.gov.cn/wzxrmzf/tjgb/201705/"
                            "9c059bf058ef4db8b3c8f920e22186fe.shtml")
    assert facts["document"]["fields"]["pub_date"]["date"] == "2017-05-15"


@pytest.mark.skipif(not CORPUS.exists(), reason=f"real-page corpus not found at {CORPUS}")
def test_column_type_decision_is_shown():
    facts = json.loads(run(str(CORPUS / "hd_xxgk_list_saved.jsp"),
                           "--url", "http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/").output)
    assert facts["kind"] == "list"
    assert facts["column_type"] == facts["column"]["column_type"]
    assert facts["type_source"] == facts["column"]["type_source"]


def test_binary_junk_is_still_json(tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 40 + b"\x00\xff\xfe<html\x00>")
    result = run(str(junk))
    assert result.exit_code == 0
    facts = json.loads(result.output)
    assert facts["kind"] == "other" and facts["bytes"] == 256 * 40 + 10


def test_missing_file_is_an_input_error(tmp_path):
    result = run(str(tmp_path / "nope.html"))
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "nope.html" in result.output


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server API
        if self.path == "/gbk.html":
            body = (PAGES / "doc_trs_gbk.html").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=GBK")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/gbk.html")
            self.end_headers()
            return
        else:
            body = "<html><head><title>404 Not Found</title></head><body>页面不存在</body></html>".encode()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_from_a_local_server(server):
    facts = json.loads(run(f"{server}/moved").output)
    assert facts["url"] == f"{server}/gbk.html" and facts["status"] == 200
    assert facts["encoding"] == "gb18030"
    assert facts["document"]["fields"]["doc_number"]["value"] == "示政办〔2020〕12号"
    assert f"{server}/attach/2020/0121/shequzhili.wps" in facts["document"]["downloads"]


def test_error_page_from_a_local_server(server):
    facts = json.loads(run(f"{server}/missing").output)
    assert facts["status"] == 404 and facts["soft404"].startswith("title:")


def test_unreachable_url_is_an_input_error():
    result = run("http://127.0.0.1:9/nothing-listens-here")
    assert result.exit_code == 2 and "cannot fetch" in result.output


def test_explain_shows_candidates_and_reasons():
    """inspect says, for every document field and footer id, what it saw and why it chose one."""
    page = Path(__file__).resolve().parent / "corpus" / "pages" / "moe_trs_policy_table_signature.html"
    result = CliRunner().invoke(inspect, [str(page), "--url",
                                      "http://www.moe.gov.cn/srcsite/A12/moe_1407/s3008/202406/t20240613_1135415.html"])
    assert result.exit_code == 0, result.output
    explain = json.loads(result.output)["explain"]
    written = {c["how"]: c for c in explain["document"]["written_date"]}
    assert written["signature"]["chosen"] and "落款单位：教育部办公厅" in written["signature"]["reason"]
    assert not written["label"]["chosen"] and "生成日期" in written["label"]["reason"]
    pub = explain["document"]["pub_date"]
    assert [c["how"] for c in pub] == ["label", "meta"] and pub[0]["chosen"] and not pub[1]["chosen"]
    assert [c["chosen"] for c in explain["footer"]["icp"]] == [True]
    assert all(set(c) >= {"value", "chosen", "reason"} for cands in explain["document"].values() for c in cands)

"""Agencies file loading: YAML and CSV, and every validation error names file, entry and field."""

import pytest

from crawler.agencies import AgencyConfigError, load_agencies, parse_agencies

GOOD_YAML = """
- id: jyj
  name: 示例市教育局
  url: http://127.0.0.1:8000/jyj/index.html
  path_prefix: /jyj/
  hosts: [xxgk.example.org]
  columns: {"http://127.0.0.1:8000/jyj/gzdt/": news}
- id: wsj
  name: 示例市卫生健康委员会
  url: https://wsj.example.org/
  level: government
  max_pages: 50
"""


def test_yaml_loads_with_overrides():
    agencies = parse_agencies(GOOD_YAML, "a.yml")
    assert [a.id for a in agencies] == ["jyj", "wsj"]
    assert agencies[0].origins == ["http://127.0.0.1:8000", "http://xxgk.example.org:80"]
    assert agencies[0].columns == {"http://127.0.0.1:8000/jyj/gzdt/": "news"}
    assert agencies[1].origins == ["https://wsj.example.org:443"]
    assert agencies[1].max_pages == 50 and agencies[1].level == "government"


def test_csv_loads():
    agencies = parse_agencies("id,name,url\njyj,教育局,http://127.0.0.1:8000/\n", "a.csv")
    assert agencies[0].name == "教育局" and agencies[0].max_pages == 20000


def test_mapping_with_agencies_key():
    assert len(parse_agencies("agencies:\n- {id: a, name: A, url: 'http://h/'}\n", "x.yml")) == 1


@pytest.mark.parametrize("text, path, message", [
    ("- id: a\n  name: [unclosed\n", "a.yml", "a.yml: line"),
    ("just a string", "a.yml", "expected a list"),
    ("{id: a}", "a.yml", "expected a list"),
    ("[]", "a.yml", "empty"),
    ("- 42\n", "a.yml", "entry 1: must be a mapping"),
    ("- {name: A, url: 'http://h/'}\n", "a.yml", "entry 1: field 'id' is missing"),
    ("- {id: a, url: 'http://h/'}\n", "a.yml", "entry 1 (id=a): field 'name'"),
    ("- {id: a, name: A}\n", "a.yml", "entry 1 (id=a): field 'url' is missing"),
    ("- {id: a, name: A, url: 'ftp://h/'}\n", "a.yml", "field 'url' must be an http(s) URL"),
    ("- {id: a, name: A, url: 'javascript:alert(1)'}\n", "a.yml", "field 'url' must be an http(s) URL"),
    ("- {id: a, name: A, url: 'http://'}\n", "a.yml", "has no host"),
    ("- {id: a, name: A, url: 'http://h:99999/'}\n", "a.yml", "bad port"),
    ("- {id: ../etc, name: A, url: 'http://h/'}\n", "a.yml", "field 'id' must be letters"),
    ("- {id: a, name: A, url: 'http://h/'}\n- {id: a, name: B, url: 'http://g/'}\n", "a.yml",
     "entry 2 (id=a): duplicate id"),
    ("- {id: a, name: A, url: 'http://h/', colour: red}\n", "a.yml", "unknown field 'colour'"),
    ("- {id: a, name: A, url: 'http://h/', max_pages: -1}\n", "a.yml", "field 'max_pages'"),
    ("- {id: a, name: A, url: 'http://h/', level: city}\n", "a.yml", "field 'level'"),
    ("- {id: a, name: A, url: 'http://h/', columns: {'http://h/x/': gossip}}\n", "a.yml", "field 'columns'"),
    ("- {id: a, name: A, url: 'http://h/', path_prefix: jyj}\n", "a.yml", "field 'path_prefix'"),
    ("name,url\nA,http://h/\n", "a.csv", "header must start with id,name,url"),
    ("id,name,url\n", "a.csv", "no agencies"),
    ("id,name,url\na,A,http://h/,extra\n", "a.csv", "entry 1 (line 2): more values"),
    ("id,name,url\na,A,notaurl\n", "a.csv", "entry 1 (id=a): field 'url'"),
])
def test_validation_errors_name_the_fault(text, path, message):
    with pytest.raises(AgencyConfigError) as info:
        parse_agencies(text, path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_binary_and_missing_files(tmp_path):
    junk = tmp_path / "junk.yml"
    junk.write_bytes(b"\x00\xff\xfe binary")
    with pytest.raises(AgencyConfigError, match="binary file"):
        load_agencies(junk)
    with pytest.raises(AgencyConfigError, match="file not found"):
        load_agencies(tmp_path / "nope.yml")
    gbk = tmp_path / "gbk.yml"
    gbk.write_bytes("- {id: a, name: 教育局, url: 'http://h/'}".encode("gbk"))
    with pytest.raises(AgencyConfigError, match="not UTF-8"):
        load_agencies(gbk)

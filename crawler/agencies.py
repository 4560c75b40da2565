"""Load and validate the agencies file (YAML or CSV).

YAML: a list of mappings (or a mapping with an ``agencies:`` list)::

    - id: jiaoyu                 # stable id: letters, digits, - and _ only
      name: 市教育局
      url: https://jyj.example.gov.cn/
      hosts: [xxgk.example.gov.cn]        # optional extra in-scope hosts (or full origins)
      path_prefix: /jyj/                  # optional: agencies sharing one host (集约化平台)
      max_pages: 20000                    # optional crawl budgets
      max_depth: 12
      level: department                   # or government: annual-report deadline 31 Jan / 31 Mar
      annual_report_deadline: 03-31       # optional explicit MM-DD
      columns: {https://…/tzgg/: notice}  # optional column-type overrides by column URL
      allow_private: false                # allow links to private addresses (see README "Safety")
      reply_limit_workdays: 5             # optional: this agency's own 留言答复 limit (working days)

CSV: header ``id,name,url``; further columns ``hosts`` (space separated), ``path_prefix``.
Every error names the file, the entry and the field.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from crawler.vocabulary import COLUMN_TYPES as VOCABULARY_COLUMN_TYPES

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
COLUMN_TYPES = set(VOCABULARY_COLUMN_TYPES)
KNOWN_KEYS = {
    "id", "name", "url", "hosts", "path_prefix", "max_pages", "max_depth", "level",
    "annual_report_deadline", "columns", "allow_private", "key_pages", "thresholds",
    "reply_limit_workdays",
}
MAX_REPLY_LIMIT = 60


class AgencyConfigError(ValueError):
    """The agencies file is unusable; the message names file, entry and field."""


@dataclass
class Agency:
    id: str
    name: str
    url: str
    hosts: list[str] = field(default_factory=list)
    path_prefix: str = ""
    max_pages: int = 20000
    max_depth: int = 15
    level: str = "department"
    annual_report_deadline: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    allow_private: bool = False
    key_pages: list[str] = field(default_factory=list)
    thresholds: dict[str, Any] = field(default_factory=dict)
    reply_limit_workdays: int = 0   # 0: the scoring profile's limit

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def origins(self) -> list[str]:
        """In-scope origins ``scheme://host:port`` (the home URL's and any extra hosts)."""
        result = [origin_of(self.url)]
        for host in self.hosts:
            if "://" in host:
                result.append(origin_of(host))
            else:
                scheme = urlsplit(self.url).scheme
                result.append(origin_of(f"{scheme}://{host}/"))
        return list(dict.fromkeys(result))


def origin_of(url: str) -> str:
    """``scheme://host:port`` with the default port made explicit, lower-cased."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or (443 if scheme == "https" else 80)
    return f"{scheme}://{(parts.hostname or '').lower()}:{port}"


def one_line(text: str) -> str:
    """Collapse any line breaks so an error stays one line whatever the input held."""
    return " ".join(str(text).split())


def _fail(path: str, where: str, msg: str) -> AgencyConfigError:
    return AgencyConfigError(one_line(f"{path}: {where}: {msg}"))


def _check_url(path: str, where: str, value: Any, fieldname: str = "url") -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, where, f"field '{fieldname}' is missing or empty")
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise _fail(path, where, f"field '{fieldname}' must be an http(s) URL, got {value!r}")
    if not parts.hostname:
        raise _fail(path, where, f"field '{fieldname}' has no host: {value!r}")
    try:
        _ = parts.port
    except ValueError:
        raise _fail(path, where, f"field '{fieldname}' has a bad port: {value!r}") from None
    return value


def _agency(path: str, index: int, raw: Any) -> Agency:
    where = f"entry {index}"
    if not isinstance(raw, dict):
        raise _fail(path, where, f"must be a mapping with id, name, url, got {type(raw).__name__}")
    if raw.get("id") is not None:
        where = f"entry {index} (id={one_line(raw.get('id'))[:40]})"
    unknown = set(raw) - KNOWN_KEYS
    if unknown:
        raise _fail(path, where, f"unknown field '{sorted(map(str, unknown))[0]}'")
    agency_id = raw.get("id")
    if agency_id is None or str(agency_id).strip() == "":
        raise _fail(path, where, "field 'id' is missing")
    agency_id = str(agency_id).strip()
    if not ID_RE.match(agency_id):
        raise _fail(path, where, f"field 'id' must be letters, digits, - or _ (got {agency_id!r})")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(path, where, "field 'name' is missing or empty")
    if any(ord(ch) < 32 for ch in name):
        raise _fail(path, where, "field 'name' contains control characters")
    url = _check_url(path, where, raw.get("url"))
    hosts = raw.get("hosts") or []
    if isinstance(hosts, str):
        hosts = hosts.split()
    if not isinstance(hosts, list) or not all(isinstance(h, str) and h for h in hosts):
        raise _fail(path, where, "field 'hosts' must be a list of host names")
    prefix = raw.get("path_prefix") or ""
    if not isinstance(prefix, str) or (prefix and not prefix.startswith("/")):
        raise _fail(path, where, "field 'path_prefix' must start with /")
    ints = {}
    for key in ("max_pages", "max_depth"):
        if key in raw and raw[key] is not None:
            value = raw[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise _fail(path, where, f"field '{key}' must be a positive whole number")
            ints[key] = value
    level = raw.get("level") or "department"
    if level not in ("department", "government"):
        raise _fail(path, where, "field 'level' must be department or government")
    deadline = str(raw.get("annual_report_deadline") or "")
    if deadline and not re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", deadline):
        raise _fail(path, where, "field 'annual_report_deadline' must be MM-DD")
    columns = raw.get("columns") or {}
    if not isinstance(columns, dict):
        raise _fail(path, where, "field 'columns' must map column URLs to types")
    for col_url, col_type in columns.items():
        if col_type not in COLUMN_TYPES:
            raise _fail(path, where, f"field 'columns': type {col_type!r} for {col_url} is not one "
                        f"of {', '.join(sorted(COLUMN_TYPES))}")
    key_pages = raw.get("key_pages") or []
    if not isinstance(key_pages, list):
        raise _fail(path, where, "field 'key_pages' must be a list of URLs")
    key_pages = [_check_url(path, where, u, "key_pages") for u in key_pages]
    thresholds = raw.get("thresholds") or {}
    if not isinstance(thresholds, dict):
        raise _fail(path, where, "field 'thresholds' must be a mapping")
    allow_private = raw.get("allow_private", False)
    if not isinstance(allow_private, bool):
        raise _fail(path, where, "field 'allow_private' must be true or false")
    reply_limit = _reply_limit(path, where, raw.get("reply_limit_workdays"))
    return Agency(id=agency_id, name=name.strip(), url=url, hosts=hosts, path_prefix=prefix,
                  level=level, annual_report_deadline=deadline,
                  columns={str(k): v for k, v in columns.items()}, allow_private=allow_private,
                  key_pages=key_pages, thresholds=thresholds, reply_limit_workdays=reply_limit, **ints)


def _reply_limit(path: str, where: str, value: Any) -> int:
    """The agency's own 留言答复 limit in working days (local rules: 1–15); 0 when not given."""
    if value is None or value == "":
        return 0
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_REPLY_LIMIT:
        raise _fail(path, where, f"field 'reply_limit_workdays' must be a whole number of working days "
                    f"from 1 to {MAX_REPLY_LIMIT}, got {one_line(value)[:40]!r}")
    return value


def parse_agencies(text: str, path: str = "<agencies>") -> list[Agency]:
    """Parse agencies from the text of a YAML or CSV file (by extension, else by sniffing)."""
    if path.lower().endswith(".csv") or (not path.lower().endswith((".yml", ".yaml"))
                                         and text.lstrip().lower().startswith("id,")):
        return _from_csv(text, path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "YAML"
        raise AgencyConfigError(one_line(
            f"{path}: {line}: not valid YAML ({getattr(exc, 'problem', None) or exc})")) from None
    except RecursionError:
        raise AgencyConfigError(f"{path}: YAML nested too deeply") from None
    except (ValueError, TypeError, IndexError, OverflowError) as exc:
        raise AgencyConfigError(one_line(f"{path}: YAML value cannot be read ({exc})")) from None
    if isinstance(data, dict) and "agencies" in data:
        data = data["agencies"]
    if not isinstance(data, list):
        raise AgencyConfigError(f"{path}: expected a list of agencies (id, name, url), "
                                f"got {type(data).__name__}")
    if not data:
        raise AgencyConfigError(f"{path}: the list of agencies is empty")
    agencies = [_agency(path, i, raw) for i, raw in enumerate(data, 1)]
    return _unique(path, agencies)


def _from_csv(text: str, path: str) -> list[Agency]:
    try:
        return _read_csv(text, path)
    except csv.Error as exc:
        raise AgencyConfigError(one_line(f"{path}: not valid CSV ({exc})")) from None


def _read_csv(text: str, path: str) -> list[Agency]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if header[:3] != ["id", "name", "url"]:
        raise AgencyConfigError(f"{path}: line 1: CSV header must start with id,name,url "
                                f"(got {','.join(header) or 'nothing'})")
    agencies = []
    for i, row in enumerate(reader, 1):
        if None in row:
            raise AgencyConfigError(f"{path}: entry {i} (line {i + 1}): more values than header columns")
        raw = {k.strip(): (v or "").strip() for k, v in row.items() if k and (v or "").strip()}
        agencies.append(_agency(path, i, raw))
    if not agencies:
        raise AgencyConfigError(f"{path}: no agencies below the header")
    return _unique(path, agencies)


def _unique(path: str, agencies: list[Agency]) -> list[Agency]:
    seen: dict[str, int] = {}
    for i, agency in enumerate(agencies, 1):
        if agency.id in seen:
            raise AgencyConfigError(f"{path}: entry {i} (id={agency.id}): duplicate id, "
                                    f"already used by entry {seen[agency.id]}")
        seen[agency.id] = i
    return agencies


def load_agencies(path: str | Path) -> list[Agency]:
    """Read and validate an agencies file; raises :class:`AgencyConfigError` with one line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AgencyConfigError(f"{path}: file not found") from None
    except OSError as exc:
        raise AgencyConfigError(f"{path}: cannot read ({exc.strerror})") from None
    if b"\x00" in raw:
        raise AgencyConfigError(f"{path}: binary file, expected YAML or CSV text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AgencyConfigError(f"{path}: not UTF-8 text") from None
    return parse_agencies(text, str(path))

"""Which value a document field takes, among the candidates the page shows — and why.

:func:`choose` gets the labelled values of every field (ranked by :mod:`crawler.extract.metadata`:
a value beats an empty label, a metadata block beats a stray label, a specific label beats 时间/日期)
and the results of the passes outside a block (:mod:`crawler.extract.docpasses`, the byline and
the ``PubDate`` meta). The order of trust, field by field:

* 发文字号: a labelled value (``无`` included) → the 文号 line under the title.
* 成文日期: a labelled date → the signature date. A ``生成日期`` is the CMS's record date on many
  templates: when the signature says otherwise, the signature date is the 成文日期.
* 发布日期: a labelled date → the date in the byline → the date printed in the title →
  ``更新时间`` → the ``PubDate`` meta (often the page regeneration time).
* other fields: the best-ranked labelled value.

Every candidate is kept with ``chosen`` and a ``reason`` in Chinese, which ``cli.py inspect``
shows so a user sees at once why a field was read as it was.
"""

from __future__ import annotations

GENERATION_LABEL = "生成日期"
WHERE_NAMES = {"table": "表格", "dl": "dl 列表", "li": "列表项", "inline": "正文行内", "meta": "meta 标签"}


def _why(entry: dict, extra: dict | None = None) -> str:
    how, label = entry.get("how") or "label", entry.get("label") or ""
    if how == "table-header":
        return f"表头行「{label}」所在列的值" + ("，为空" if not entry.get("value") else "")
    if how == "title-line":
        return "标题下单独一行的文号"
    if how == "signature":
        signer = (extra or {}).get("signer") or ""
        return f"正文末尾的落款日期（落款单位：{signer}）" if signer else "正文末尾的落款日期"
    if how == "byline":
        return "标题下信息栏（来源/作者旁）的日期"
    if how == "title-date":
        return "标题中显示的日期"
    if how == "update-label":
        return f"「{label}」：页面没有发布日期，以更新时间代替"
    if how == "meta":
        return f"<meta name=\"{label}\">：仅在页面未显示发布日期时采用（常为页面生成时间）"
    if how == "body-text":
        return "正文中的施行日期表述"
    where = WHERE_NAMES.get(entry.get("where") or "", entry.get("where") or "")
    return f"标签「{label}」（{where}）" + ("，标注为空" if not entry.get("value") else "")


def _pass_entry(found: dict | None, how: str, where: str = "inline") -> dict | None:
    if not found:
        return None
    return {"value": found["value"], "label": "", "where": where, "date": found.get("date"),
            "how": how}


def choose(labelled: dict[str, list[tuple[int, dict]]], passes: dict) -> tuple[dict, dict]:
    """``(fields, candidates)``: the chosen entry per field, and every candidate with
    ``chosen``/``reason`` (``labelled``: ``{field: [(rank, entry)]}`` in page order)."""
    fields: dict[str, dict] = {}
    candidates: dict[str, list[dict]] = {}
    for name, ranked in labelled.items():
        usable = [(rank, entry) for rank, entry in ranked if entry["how"] != "update-label"]
        if usable:
            fields[name] = min(usable, key=lambda pair: pair[0])[1]
        candidates[name] = [entry for _, entry in ranked]
    extra: dict[int, dict] = {}

    def offer(name: str, entry: dict | None, info: dict | None = None) -> None:
        if entry is not None:
            candidates.setdefault(name, []).append(entry)
            if info:
                extra[id(entry)] = info

    number = passes.get("number_line")
    number_entry = ({"value": number[0], "label": "", "where": "inline", "date": None,
                     "how": "title-line"} if number else None)
    offer("doc_number", number_entry)
    if number_entry and not (fields.get("doc_number") or {}).get("value"):
        fields["doc_number"] = number_entry

    signature = passes.get("signature")
    signature_entry = _pass_entry(signature, "signature")
    offer("written_date", signature_entry, signature)
    written = fields.get("written_date")
    generation_note = ""
    if signature_entry:
        if not written or not written.get("date"):
            fields["written_date"] = signature_entry
        elif written.get("label") == GENERATION_LABEL and written["date"] != signature_entry["date"]:
            generation_note = (f"「{GENERATION_LABEL}」{written['date']} 是信息的生成时间，"
                               f"与落款日期 {signature_entry['date']} 不同，成文日期取落款日期")
            fields["written_date"] = signature_entry

    fallbacks = [passes.get("byline"),
                 _pass_entry(passes.get("title_date"), "title-date")]
    updates = [entry for _, entry in sorted(labelled.get("pub_date", []), key=lambda p: p[0])
               if entry["how"] == "update-label" and entry.get("date")]
    fallbacks += updates[:1] + [passes.get("meta")]
    for entry in fallbacks:
        if entry is not None and entry not in candidates.get("pub_date", []):
            offer("pub_date", entry)
    if not (fields.get("pub_date") or {}).get("value"):
        chosen = next((entry for entry in fallbacks if entry is not None), None)
        if chosen is not None:
            fields["pub_date"] = chosen

    for name, entries in candidates.items():
        for entry in entries:
            is_chosen = fields.get(name) is entry
            entry["chosen"] = is_chosen
            if is_chosen:
                entry["reason"] = _why(entry, extra.get(id(entry)))
                if name == "written_date" and generation_note:
                    entry["reason"] += "；" + generation_note
            else:
                entry["reason"] = "未采用：" + _why(entry, extra.get(id(entry)))
                if name == "written_date" and generation_note and entry.get("label") == GENERATION_LABEL:
                    entry["reason"] = "未采用：" + generation_note
    return {name: _public(entry) for name, entry in fields.items()}, {
        name: [dict(entry) for entry in entries] for name, entries in candidates.items()}


def _public(entry: dict) -> dict:
    """The field entry as stored: value, label, where, date, how (no candidate bookkeeping)."""
    return {key: entry.get(key) for key in ("value", "label", "where", "date", "how")}

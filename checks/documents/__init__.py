"""政策文件要素: policy documents must carry 文号、成文日期、发布日期、生效日期 and a text download.

Which documents are policy documents (规范性文件/政策文件): those listed in a column whose
effective type is ``policy`` (agency override first, see :func:`checks.freshness.column_types`),
and those showing a metadata block (索引号/发文字号/成文日期 … table) — except documents listed in
a ``news`` column, which are never judged as policy documents. The element rules run only on these;
the format, date-logic and timeliness rules run on every document that states the values they
compare (a 文号 or a 成文日期 makes a page a 公文 whatever column it sits in).
"""

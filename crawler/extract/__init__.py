"""Page understanding: small pure functions from HTML text to facts about a government page.

The single entry point the crawler calls is :func:`analyze`; it parses the page once with lxml
and returns a plain ``dict`` (``PageFacts``) with these keys:

``title``        page title (str, "" when none)
``kind``         "home" | "list" | "document" | "guide" | "annual_report" | "other"
``soft404``      "" or the reason the 200 page is an error page (页面不存在, 404 …)
``links``        [{"url": absolute or raw special URL, "text": anchor text (img: alt),
                 "tag": a|area|img|script|link|iframe|frame|embed|source|redirect}] (redirect: a meta
                 refresh or a script ``location.href = …`` stub, see redirects.py; followed like a)
``meta``         {指引2017 tag name: content} for the tags present (SiteName, SiteIDCode, ColumnName, …)
``footer``       {"site_id", "icp", "psb", "sponsor"}: the value found or None
``document``     None, or {"fields": {field: {"value", "label", "where", "date", "how"}},
                 "has_metadata_block",
                 "downloads": [urls]}; fields: index_no, issuer, doc_number, written_date, pub_date,
                 effective_date, validity, abolished_date, title; ``date`` is ISO for date fields;
                 ``where`` table|dl|li|inline|body-text|body-text:自印发之日起施行|meta (see metadata.py);
                 ``how`` label|table-header|title-line|signature|byline|title-date|update-label|meta|
                 body-text (see choice.py: which candidate wins, and why);
                 ``has_metadata_block``: a labelled block of ≥ 2 fields, one of them a 公文 field
                 (索引号/文号/成文/生效/有效性/废止 — a byline of 发布日期 + 来源 is not one).
                 Set for kinds document, annual_report and guide; None for the others.
``column``       None, or {"name", "name_source", "url" (canonical first page), "column_type",
                 "type_source", "blank", "blank_text", "unreadable", "unreadable_reason"}: a list only
                 JavaScript renders is unreadable, never blank (jsrender.py)
``items``        [{"title", "url", "date" (ISO or None)}] list items found on the page, page order
                 (not looked for on article pages: ArticleTitle meta, article URL or container)
``pagination``   [absolute URLs] further pages of the same list to crawl
``requests``     [{"url", "method", "body", "headers"}] extra requests (Hanweb dataproxy.jsp POSTs)
``guide``        None, or {element: value or None} for office, address, hours, phone, fax, postcode, online
``report_year``  None, or the year (int) of a 政府信息公开工作年度报告 this page is

``explain``      only with ``analyze(..., explain=True)`` (``cli.py inspect``): every candidate value of
                 each document field and footer id, ``chosen`` and the ``reason``

Submodules hold the pieces (dates, metadata, docpasses, choice, lists, jsrender, identity, kinds);
each is table-tested in ``tests/``, and all of them against the real pages of ``tests/corpus``.
"""

from crawler.extract.page import analyze, analyze_dataproxy, decode_html  # noqa: F401

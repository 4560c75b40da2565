"""List pages: their items, their other pages, Hanweb ``dataproxy.jsp`` paging, and the column they show.

Everything here is a pure function of an lxml tree, the page URL and (for scripts) the HTML text, and
never raises on garbage: a page we cannot read yields no items, no pages and no requests.

How the main list is found (:func:`list_items`): every title-like link is lifted to its *row* — the
highest ancestor that holds no other title link (``li``, ``tr``, a ``dl`` per item, ``p`` …); rows are
grouped by their parent. The block with the most dated rows is the main list, together with sibling
blocks of the same shape (TRS splits one list into several ``ul`` of five). When no block has dates,
the block with the most links to document-like pages wins; blocks inside navigation, breadcrumbs or
footers never do. Navigation menus, breadcrumbs, footers and pagination therefore yield no items.

Hanweb JCMS keeps the first records inline in ``<script type="text/xml">`` (an HTML parser does not
see them as elements) and pages the rest through POSTs to ``/module/web/jpage/dataproxy.jsp``;
:func:`dataproxy_requests` turns the paging script into those POSTs, grouping three pages per request
(``endrecord = startrecord + 3 * perpage - 1``) exactly as Hanweb's own ``jpage.js`` does.

The code lives in four modules by job — :mod:`~crawler.extract.list_items`,
:mod:`~crawler.extract.pagination`, :mod:`~crawler.extract.hanweb`, :mod:`~crawler.extract.columns`;
this module re-exports their names so ``crawler.extract.lists`` keeps working.
"""

from crawler.extract.columns import (  # noqa: F401
    _ARTICLE_URL,
    _BLANK_PHRASES,
    _CRUMB_LABEL,
    _CRUMB_NAMES,
    _CRUMB_SEP,
    _HEADING_CLASS,
    _HOME_WORDS,
    _TITLE_SPLIT,
    _TYPE_NAMES,
    _aside,
    _blank_phrase,
    _breadcrumb,
    _column_info,
    _crumb_candidates,
    _has_link_block,
    _heading,
    _keyword_type,
    _title_name,
    column_info,
    column_type,
    is_list_page,
)
from crawler.extract.hanweb import (  # noqa: F401
    _DATAPROXY,
    _HANWEB_KEYS,
    _HANWEB_PARAM,
    _POST_FIELDS,
    _dataproxy_requests,
    _hanweb_params,
    _int,
    dataproxy_requests,
    parse_dataproxy,
)
from crawler.extract.list_items import (  # noqa: F401
    _ASIDE_TOKENS,
    _DATE_HINT,
    _DOC_HREF,
    _FULL_DATE,
    _LABEL_LINK,
    _MORE_WORDS,
    _NEXT_WORDS,
    _NOISE_TOKENS,
    _PAGER_WORDS,
    _PREV_WORDS,
    _RECORD,
    _RECORD_PLAIN,
    _ROW_TAGS,
    _SKIP_TAGS,
    _TOKEN_SPLIT,
    _WS,
    HANWEB_GROUP_PAGES,
    MAX_PAGES,
    _chunks,
    _chunks_inside,
    _datastore_texts,
    _date_of,
    _find_rows,
    _following_bare,
    _href,
    _inline_records,
    _is_pager_text,
    _is_title_link,
    _items_from,
    _join,
    _main_rows,
    _noisy,
    _record_items,
    _records_of,
    _row_date,
    _rows,
    _text,
    _title_of,
    list_items,
)
from crawler.extract.tabs import shape as _shape  # noqa: F401
from crawler.extract.pagination import (  # noqa: F401
    _ARG,
    _CALL,
    _COLUMN_LEAF,
    _FUNC_DEF,
    _JS_COMMENT,
    _JS_CONCAT,
    _PAGE_PARAMS,
    _PAGED_FILE,
    _VAR_COUNT,
    _VAR_CURRENT,
    _VAR_NAME_EXT,
    _args,
    _link_pages,
    _page_param,
    _pager_anchors,
    _same_page,
    _script_pages,
    _scripts,
    _series,
    _strip_index,
    _variables,
    canonical_column_url,
    pagination,
)

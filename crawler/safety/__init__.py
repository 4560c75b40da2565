"""Content safety (内容安全): detectors as pure functions, and the crawl-side fetch that feeds them.

Modules:

``text``          visible text of a page as blocks with their place (正文, 表格 r行c列, 标题),
                  full-width digits folded, masking of personal numbers in any text.
``privacy``       unmasked 18-digit resident ID numbers (GB 11643 check digit, birth date, region
                  prefix) and mobile numbers, with the masked forms, labelled codes (索引号, 文号,
                  网站标识码, 公安备案 …), landlines and numbers inside URLs excluded.
``wording``       serious expression errors (严重表述错误) from a curated, versioned data file plus
                  a team's own pairs (profile or agencies-file ``thresholds.wording_pairs``).
``hidden``        ``<a>`` to another site inside an element hidden by inline or page CSS (暗链).
``markers``       parked / gambling / porn page markers (data file) and registrable domains.
``signatures``    magic bytes against the file extension of an attachment.
``attachments``   text of xls/xlsx/et, csv, docx, doc/wps (Word 97 binary), pdf text layer and ofd,
                  as located segments, under a size cap; only facts are kept, never the bodies.
``schema``        the store tables these facts go into.
``fetch``         the crawl side: attachment downloads and small-capped external page fetches.

Nothing here stores or logs a full ID or mobile number: every value leaves a detector masked.
"""

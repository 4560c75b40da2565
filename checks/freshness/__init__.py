"""信息更新: columns and the home page must show recent, dated information.

Windows come from 指标2019/普查2015: 动态/要闻 14 days, 通知公告/政策文件 6 months, 人事/规划计划
1 year, the home page 2 weeks. They are settings (``freshness_windows``, ``home_window``) so a
scoring profile or an agency can change them; a window is written ``14d``, ``2w``, ``6m`` or
``1y``, months and years being calendar months and years (6 months before 2026-11-27 is
2026-05-27; from 08-31 it ends on the last day of February).

A column's type is the agency's ``columns`` override for that column URL when there is one
(``type_source`` "override"), else the type the crawler extracted. :func:`column_types` is the one
place that decides it; the documents family uses it too.
"""

"""政务公开平台: the 「政府信息公开」 column and its sections, the 公开指南, the annual report.

Sections are recognised by what a visitor sees: link anchors, column names and page titles, with
the short forms sites use (公开指南, 公开制度, 主动公开, 公开年报/年度报告). The 公开指南's
elements come from the page the crawler recognised as the guide (kind ``guide`` or
``facts.guide``).
"""

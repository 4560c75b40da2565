"""Reporting side of the audit: scoring profiles, scorecards, rankings, 问题清单 and 整改 diff.

``profiles``  load and validate a scoring profile (a YAML data file, every number with its source)
``scoring``   pure scorecard arithmetic and storing scorecards per run, agency and profile
``diff``      run-to-run comparison of findings: 已整改 / 新增 / 仍存在
``render``    HTML (Jinja2, autoescaped, self-contained), Markdown, JSON and CSV outputs
``xlsx``      the 问题清单 workbook
``model``     what a report shows (scorecards, findings, diffs, chart data), computed from the store
"""

"""内容安全 (content safety): personal data, serious wording errors, hidden links, hijacked outbound
links and fake attachments — the machine-checkable parts of 指标2019's single-veto item
「安全、泄密事故等严重问题」. One rule per module; the facts come from ``crawler/safety``."""

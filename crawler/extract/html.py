"""Parsing HTML text into the lxml tree every extractor walks (one parser for all of them)."""

from __future__ import annotations

from lxml import etree

# A plain etree parser: lxml.html's element-class lookup runs Python code for every element
# touched, which makes walking the tree 4-5 times slower; nothing here needs HtmlElement methods.
PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
# libxml2 drops everything after a first </html> (pages saved twice over, PC + mobile footers):
# the end tags carry no information, so they go before parsing (bytes.replace: a regex over a
# 400 KB page costs a millisecond).
_END_TAGS = (b"</html>", b"</HTML>", b"</Html>", b"</body>", b"</BODY>", b"</Body>")


def parse_html(html: str):
    """The page's root element (comments dropped), or None for nothing parseable."""
    body = html.encode("utf-8", "replace")
    for tag in _END_TAGS:
        if tag in body:
            body = body.replace(tag, b"")
    if not body.strip():
        return None
    try:
        return etree.fromstring(body, PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
